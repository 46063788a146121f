import { createReview } from '../app/createReview.ts';

/** A POST (`request.method`): the handler that writes a review (auth, validation, then a transaction). */
export const reviews = { createReview };
