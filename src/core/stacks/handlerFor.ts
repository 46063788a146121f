import type { Database } from '../model/stack.ts';
import { markedSource } from './markedSource.ts';
import type { SessionStyle } from './sessions/SessionStyle.ts';
import type { HandlerOp, LanguageProfile } from './types.ts';

/** The product routes, which every profile writes itself (login and me are its session style's). */
export type ProductOp = Exclude<HandlerOp, 'login' | 'me'>;

/** What a language's handler code says for each product route, as lines with end-of-line marks (`markedSource`). */
export interface HandlerParts {
  /** The file the routes are in, or per route where they are in several. */
  readonly file: string | ((op: ProductOp) => string);
  /** Lines above every route (Laravel's note that its routes file is served under /api). */
  readonly preamble?: readonly string[];
  /** Who writes the login and the next request's handler. */
  readonly session: SessionStyle;
  readonly getProduct: (db: Database, cached: boolean) => string[];
  readonly findBySku: (db: Database) => string[];
  readonly listProducts: (db: Database) => string[];
  readonly createReview: (db: Database) => string[];
}

/** A profile's `handler`: the session style's for login and me, else the route's lines in its file, marked. */
export const handlerFor =
  (parts: HandlerParts): LanguageProfile['handler'] =>
  (op, db, cached) => {
    if (op === 'login' || op === 'me') return parts.session.handler(op, db);
    const lines = op === 'getProduct' ? parts.getProduct(db, cached) : parts[op](db);
    const file = typeof parts.file === 'string' ? parts.file : parts.file(op);
    return markedSource(file, [...(parts.preamble ?? []), ...lines].join('\n'));
  };
