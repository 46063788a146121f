/** What the handler asks of the database, independent of the database's language. */
export type DbOperation =
  /**
   * One product by its primary key. `lock`: the look-up a review's transaction makes before its insert,
   * which share-locks the row until COMMIT so the product cannot be deleted between the check and the
   * insert (PostgreSQL `FOR KEY SHARE`, MySQL `LOCK IN SHARE MODE`).
   */
  | { readonly kind: 'productById'; readonly id: number; readonly lock?: boolean }
  | { readonly kind: 'productBySku'; readonly sku: string }
  /** A page of the catalogue: the `limit` products after id `after`, in id order (keyset pagination). */
  | { readonly kind: 'productPage'; readonly after: number; readonly limit: number }
  | {
      readonly kind: 'insertReview';
      readonly productId: number;
      readonly rating: number;
      readonly body: string;
    }
  /** The account with this email, and its stored password hash (the login's look-up: users.email is UNIQUE). */
  | { readonly kind: 'userByEmail'; readonly email: string }
  /** Transaction control on the connection: BEGIN (START TRANSACTION on MySQL), COMMIT or ROLLBACK. */
  | { readonly kind: 'transaction'; readonly control: TransactionControl };

export type TransactionControl = 'begin' | 'commit' | 'rollback';
