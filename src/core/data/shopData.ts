/**
 * The shop's data, defined once: the schema, the seed as SQL, and the same rows computed in
 * TypeScript. Tests load the SQL into real PostgreSQL and check it returns these very rows.
 */

/**
 * Products in the shop: enough that reading them all is felt (hundreds of milliseconds), so a missing
 * index is a lesson and not a rounding error. The normal truth tests seed only the first 10,000 of them
 * (PGlite takes a minute for all); tests/truth/bigTable.test.ts seeds them all on a real PostgreSQL server.
 */
export const PRODUCT_COUNT = 2_000_000;
export const REVIEW_COUNT = 1_200;
/** The reviews are of the first 10,000 products, so any seed from 10,000 products up holds their rows. */
const REVIEWED_PRODUCTS = 10_000;
/** How many digits a sku's number has: 'SKU-0004217' (every product's sku is as long as the last one's). */
const SKU_DIGITS = String(PRODUCT_COUNT).length;
/** Products on one page of the catalogue (GET /api/catalog, the compressed scenario). */
export const CATALOG_PAGE = 250;

const ADJECTIVES = ['Desk', 'Floor', 'Reading', 'Wall', 'Pendant', 'Table', 'Clip', 'Arc'] as const;
const NOUNS = ['lamp', 'shade', 'bulb', 'stand', 'switch', 'cable', 'dimmer', 'bracket'] as const;

export interface ProductRow {
  readonly id: number;
  readonly sku: string;
  readonly name: string;
  readonly price_cents: number;
  readonly stock: number;
}

/** Product `id` exactly as the seed SQL creates it. */
export function productRow(id: number): ProductRow {
  return {
    id,
    sku: `SKU-${String(id).padStart(SKU_DIGITS, '0')}`,
    name: `${ADJECTIVES[(id + 6) % 8]} ${NOUNS[(Math.floor(id / 8) + 3) % 8]}`,
    price_cents: 499 + ((id * 379) % 8000),
    stock: (id * 31) % 97,
  };
}

/** The id of the product a look-up by primary key or by sku finds in the shop, or null when there is none. */
export function productFound(
  lookup:
    | { readonly kind: 'productById'; readonly id: number }
    | { readonly kind: 'productBySku'; readonly sku: string },
): number | null {
  const byId = lookup.kind === 'productById';
  const id = byId ? lookup.id : Number(lookup.sku.slice(4));
  const found =
    Number.isInteger(id) && id >= 1 && id <= PRODUCT_COUNT && (byId || lookup.sku === productRow(id).sku);
  return found ? id : null;
}

/** A product as a MongoDB document: `_id` instead of `id`. */
export function productDoc(id: number): Record<string, unknown> {
  const { id: _id, ...rest } = productRow(id);
  return { _id, ...rest };
}

const quoteList = (items: readonly string[]): string => items.map((s) => `'${s}'`).join(', ');

/**
 * PostgreSQL schema and seed; `skuIndex` adds the index the indexed-query scenario relies on. `products`
 * seeds only the first products (the same rows), for tests that cannot wait for all of them.
 */
export function postgresSetup(skuIndex: boolean, products: number = PRODUCT_COUNT): string {
  return [
    `CREATE TABLE products (
  id integer PRIMARY KEY,
  sku text NOT NULL,
  name text NOT NULL,
  price_cents integer NOT NULL,
  stock integer NOT NULL
);`,
    `CREATE TABLE reviews (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  product_id integer NOT NULL REFERENCES products (id),
  rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  body text NOT NULL
);`,
    `INSERT INTO products (id, sku, name, price_cents, stock)
SELECT g, 'SKU-' || lpad(g::text, ${SKU_DIGITS}, '0'),
  (ARRAY[${quoteList(ADJECTIVES)}])[1 + (g + 6) % 8] || ' ' ||
  (ARRAY[${quoteList(NOUNS)}])[1 + (g / 8 + 3) % 8],
  499 + (g * 379) % 8000, (g * 31) % 97
FROM generate_series(1, ${products}) AS g;`,
    `INSERT INTO reviews (product_id, rating, body)
SELECT 1 + (g * 53) % ${REVIEWED_PRODUCTS}, 1 + g % 5, 'Review ' || g FROM generate_series(1, ${REVIEW_COUNT}) AS g;`,
    ...(skuIndex ? ['CREATE INDEX products_sku_idx ON products (sku);'] : []),
    ...usersSetup('text', `generate_series(1, ${USER_COUNT}) AS g`, 'g'),
    // A live shop's autovacuum would also have run VACUUM, which counts every row where ANALYZE samples;
    // VACUUM cannot run in a multi-statement string, so tests that need the exact count run it after this.
    'ANALYZE;',
  ].join('\n');
}

/**
 * The same schema and seed for MySQL 8 (and MariaDB), for the truth tests that run the MySQL statements;
 * `skuIndex` adds the sku index; `products` seeds only the first products.
 */
export function mysqlSetup(skuIndex: boolean, products: number = PRODUCT_COUNT): string {
  const pick = (words: readonly string[], index: string): string => `ELT(${index}, ${quoteList(words)})`;
  // 1 .. max from a digit table per decimal digit (MySQL stops a recursive CTE at 1,000 rows by default).
  const digits =
    '(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)';
  const numbers = (max: number): string => {
    const places = Array.from({ length: String(max).length }, (_, i) => i);
    const n = places.map((i) => `${10 ** i} * d${i}.d`).join(' + ');
    const from = places.map((i) => `${digits} d${i}`).join(', ');
    return `(SELECT 1 + ${n} AS n FROM ${from}) g WHERE n <= ${max}`;
  };
  return [
    `CREATE TABLE products (
  id int PRIMARY KEY,
  sku varchar(100) NOT NULL,
  name varchar(100) NOT NULL,
  price_cents int NOT NULL,
  stock int NOT NULL
);`,
    `CREATE TABLE reviews (
  id int AUTO_INCREMENT PRIMARY KEY,
  product_id int NOT NULL,
  rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  body text NOT NULL,
  FOREIGN KEY (product_id) REFERENCES products (id)
);`,
    `INSERT INTO products (id, sku, name, price_cents, stock)
SELECT n, CONCAT('SKU-', LPAD(n, ${SKU_DIGITS}, '0')),
  CONCAT(${pick(ADJECTIVES, '1 + (n + 6) % 8')}, ' ', ${pick(NOUNS, '1 + (n DIV 8 + 3) % 8')}),
  499 + (n * 379) % 8000, (n * 31) % 97
FROM ${numbers(products)} ORDER BY n;`,
    `INSERT INTO reviews (product_id, rating, body)
SELECT 1 + (n * 53) % ${REVIEWED_PRODUCTS}, 1 + n % 5, CONCAT('Review ', n) FROM ${numbers(REVIEW_COUNT)} ORDER BY n;`,
    // InnoDB hands a bulk INSERT ... SELECT its ids in doubling batches, leaving the counter at 2048; a shop
    // whose reviews came one at a time has it at the next id.
    `ALTER TABLE reviews AUTO_INCREMENT = ${REVIEW_COUNT + 1};`,
    ...(skuIndex ? ['CREATE INDEX products_sku_idx ON products (sku);'] : []),
    ...usersSetup('varchar(100)', numbers(USER_COUNT), 'n'),
    'ANALYZE TABLE products, reviews, users;',
  ].join('\n');
}

/**
 * The shop's one customer account, who logs in in login-session. Her password hash is bcrypt's, cost 12, in
 * the `$2b$` form OpenBSD, Node's bcrypt and Python's bcrypt write (a real hash's shape: 22 characters of salt,
 * 31 of hash, in bcrypt's own base64); every stack's usual library verifies it (`stacks/sessions/`).
 * It is stored, not computed here: this code never runs bcrypt.
 */
export const USER = {
  id: 7,
  email: 'ada@shop.example',
  name: 'Ada Lovelace',
  password_hash: '$2b$12$39a590C1fzquWI0eHaJXJ.gpjKtyK99uXBp990DKXd09LNHMIPuKe',
} as const;

export type UserRow = typeof USER;

/** What Ada types into the login form. */
export const USER_PASSWORD = 'correct horse battery staple';

/** The shop's customer accounts: enough that PostgreSQL's planner finds the email through its unique index. */
export const USER_COUNT = 5_000;

/**
 * The users table in either dialect (`text` for PostgreSQL, `varchar(100)` for MySQL): Ada, and customers
 * 1 … USER_COUNT around her from `numbers` (a row source whose column is `n`), whose hashes are never shown.
 */
function usersSetup(text: 'text' | 'varchar(100)', numbers: string, n: string): string[] {
  const { id, email, name, password_hash } = USER;
  const cat = (...parts: string[]): string =>
    text === 'text' ? parts.join(' || ') : `CONCAT(${parts.join(', ')})`;
  return [
    `CREATE TABLE users (
  id integer PRIMARY KEY,
  email ${text} NOT NULL UNIQUE,
  name ${text} NOT NULL,
  password_hash ${text} NOT NULL
);`,
    `INSERT INTO users (id, email, name, password_hash)
SELECT ${n}, ${cat(`'customer'`, n, `'@mail.example'`)}, ${cat(`'Customer '`, n)}, '${password_hash}' FROM ${numbers}${text === 'text' ? ' WHERE' : ' AND'} ${n} <> ${id};`,
    `INSERT INTO users (id, email, name, password_hash) VALUES (${id}, '${email}', '${name}', '${password_hash}');`,
  ];
}
