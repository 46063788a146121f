import { mongoExchanges } from '../data/mongoExchanges.ts';
import { formatMongo } from '../protocols/formatMongo.ts';

/** A stack on MongoDB (`stack.db`): its driver's commands and replies, and mongosh's way of writing a document. */
export const mongodb = { mongoExchanges, formatMongo };
