/** What the handler asks of the database, independent of the database's language. */
export type DbOperation =
  | { readonly kind: 'productById'; readonly id: number }
  | { readonly kind: 'productBySku'; readonly sku: string }
  | {
      readonly kind: 'insertReview';
      readonly productId: number;
      readonly rating: number;
      readonly body: string;
    };
