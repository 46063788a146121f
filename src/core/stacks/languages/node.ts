import type { Database } from '../../model/stack.ts';
import { REDIS } from '../../world/world.ts';
import { CATALOG_PAGE } from '../../data/shopData.ts';
import { indent } from '../indent.ts';
import { handlerFor } from '../handlerFor.ts';
import { statementFor } from '../statementFor.ts';
import { express } from '../frameworks/express.ts';
import { nodeFailures } from '../driverFailures/nodeFailures.ts';
import type { LanguageProfile } from '../types.ts';
import { expressSession } from '../sessions/expressSession.ts';

// pg's pool.query and mysql2's pool.execute check a connection out, run one statement and release it, so
// only the transaction shows the checkout. mysql2's execute (not query) is a server-side prepared
// statement: the values travel apart from the SQL, as the engine shows; query would paste them in.
const NOT_FOUND = "return res.status(404).json({ error: 'Not Found' });";

/** Express 5's router takes any segment as :id (it has no regular expressions in paths), so the code checks it. */
const checkId = (name: string): string[] => [
  `const ${name} = Number(req.params.id);`,
  `if (!Number.isInteger(${name}) || ${name} < 1 || ${name} > 2 ** 31 - 1) { «badId»`,
  `  ${NOT_FOUND}`,
  '}',
];

/** Reads product `id` and leaves its JSON in `json` (`assign` is "const json" or "json"), or answers 404. */
function readProduct(db: Database, assign: string): string[] {
  switch (db) {
    case 'postgres':
    case 'mysql':
      return [
        `const ${db === 'postgres' ? '{ rows }' : '[rows]'} = await pool.${db === 'postgres' ? 'query' : 'execute'}( «query»`,
        `  '${statementFor('getProduct', db)}',`,
        '  [id],',
        ');',
        `if (rows.length === 0) ${NOT_FOUND} «notFound»`,
        `${assign} = JSON.stringify(rows[0]);`,
      ];
    case 'mongodb':
      return [
        "const doc = await db.collection('products').findOne({ _id: id }); «query»",
        `if (doc === null) ${NOT_FOUND} «notFound»`,
        'const { _id, ...fields } = doc;',
        `${assign} = JSON.stringify({ id: _id, ...fields });`,
      ];
  }
}

function getProduct(db: Database, cached: boolean): string[] {
  const read = cached
    ? [
        'let json = await redis.get(`product:${id}`); «cacheGet»',
        'if (json === null) {',
        ...indent(readProduct(db, 'json'), '  '),
        `  await redis.set(\`product:\${id}\`, json, { EX: ${REDIS.ttlSeconds} }); «cacheSet»`,
        '}',
      ]
    : readProduct(db, 'const json');
  return [
    "app.get('/api/products/:id', async (req, res) => { «route»",
    ...indent(checkId('id'), '  '),
    ...indent(read, '  '),
    "  res.set({ 'Cache-Control': 'no-cache', ETag: etag(json) });",
    '  if (req.fresh) return res.status(304).end(); «notModified»',
    "  res.type('json').send(json); «respond»",
    '});',
  ];
}

function findBySku(db: Database): string[] {
  const query =
    db === 'mongodb'
      ? [
          'const sku = String(req.query.sku);',
          "const docs = await db.collection('products').find({ sku }).toArray(); «query»",
          'res.json(docs.map(({ _id, ...fields }) => ({ id: _id, ...fields }))); «respond»',
        ]
      : [
          `const ${db === 'postgres' ? '{ rows }' : '[rows]'} = await pool.${db === 'postgres' ? 'query' : 'execute'}( «query»`,
          `  '${statementFor('findBySku', db)}',`,
          '  [String(req.query.sku)],',
          ');',
          'res.json(rows); «respond»',
        ];
  return ["app.get('/api/products', async (req, res) => { «route»", ...indent(query, '  '), '});'];
}

/** GET /api/catalog?after=…: the next page of products in id order (keyset pagination). */
function listProducts(db: Database): string[] {
  const query =
    db === 'mongodb'
      ? [
          "const docs = await db.collection('products') «query»",
          '  .find({ _id: { $gt: after } })',
          '  .sort({ _id: 1 })',
          `  .limit(${CATALOG_PAGE})`,
          '  .toArray();',
          'res.json(docs.map(({ _id, ...fields }) => ({ id: _id, ...fields }))); «respond»',
        ]
      : [
          `const ${db === 'postgres' ? '{ rows }' : '[rows]'} = await pool.${db === 'postgres' ? 'query' : 'execute'}( «query»`,
          `  '${statementFor('listProducts', db)}',`,
          '  [after],',
          ');',
          'res.json(rows); «respond»',
        ];
  return [
    "app.get('/api/catalog', async (req, res) => { «route»",
    '  const after = Number(req.query.after ?? 0);',
    ...indent(query, '  '),
    '});',
  ];
}

const respond = [
  'res.location(`/api/products/${productId}/reviews/${id}`);',
  'res.status(201).json({ id, product_id: productId, rating, body }); «respond»',
];

/** The product look-up (locking its row, in SQL inside the transaction), the insert and the 201 response. */
function insertReview(db: Database): string[] {
  if (db === 'mongodb') {
    return [
      "const product = await db.collection('products').findOne({ _id: productId }); «lookup»",
      `if (product === null) ${NOT_FOUND} «notFound»`,
      "const { insertedId: id } = await db.collection('reviews').insertOne({ «query»",
      '  product_id: productId,',
      '  rating,',
      '  body,',
      '});',
      ...respond,
    ];
  }
  const pg = db === 'postgres';
  const conn = pg ? 'client' : 'conn';
  const run = `${conn}.${pg ? 'query' : 'execute'}`;
  return [
    `const ${conn} = await pool.${pg ? 'connect' : 'getConnection'}(); «checkout»`,
    'try {',
    `  await ${pg ? "client.query('BEGIN')" : 'conn.beginTransaction()'}; «begin»`,
    `  const ${pg ? '{ rows: found }' : '[found]'} = await ${run}( «lookup»`,
    `    '${statementFor('lockProduct', db)}',`,
    '    [productId],',
    '  );',
    '  if (found.length === 0) {',
    `    await ${pg ? "client.query('ROLLBACK')" : 'conn.rollback()'};`,
    `    ${NOT_FOUND} «notFound»`,
    '  }',
    `  const ${pg ? '{ rows }' : '[result]'} = await ${run}( «query»`,
    `    '${statementFor('createReview', db)}',`,
    '    [productId, rating, body],',
    '  );',
    `  await ${pg ? "client.query('COMMIT')" : 'conn.commit()'}; «commit»`,
    `  const id = ${pg ? 'rows[0].id' : 'result.insertId'};`,
    ...indent(respond, '  '),
    '} catch (err) {',
    `  await ${pg ? "client.query('ROLLBACK')" : 'conn.rollback()'};`,
    '  throw err;',
    '} finally {',
    `  ${conn}.release();`,
    '}',
  ];
}

function createReview(db: Database): string[] {
  return [
    "app.post('/api/products/:id/reviews', «route»",
    '  requireAuth, «auth»',
    '  validate(reviewSchema), «validate»',
    '  async (req, res) => {',
    ...indent(checkId('productId'), '    '),
    '    const { rating, body } = req.body;',
    ...indent(insertReview(db), '    '),
    '  },',
    ');',
  ];
}

/**
 * Node.js with Express 5. Express has no default port; 3000 is the one its generator and guides use.
 * Its only default header is X-Powered-By; res.send also tags every body that has no ETag with a weak one,
 * and an unmatched path gets finalhandler's HTML 404 (the app adds no JSON one). requireAuth and validate
 * are the app's middleware: 401 {"error"} and 422 {"errors": [{field, message}]}; express.json() is
 * mounted before the routes.
 */
export const nodeProfile: LanguageProfile = {
  id: 'node',
  label: 'Node.js',
  framework: 'Express 5',
  syntax: 'javascript',
  port: 3000,
  drivers: { postgres: 'pg', mysql: 'mysql2', mongodb: 'mongodb' },
  driverFailures: nodeFailures,
  rowObjects: {
    postgres: ['a JavaScript object', 'JavaScript objects'],
    mysql: ['a JavaScript object', 'JavaScript objects'],
    mongodb: ['a JavaScript object', 'JavaScript objects'],
  },
  connections: {
    postgres: { kind: 'pool', max: 10, setting: "pg.Pool's default max" },
    mysql: { kind: 'pool', max: 10, setting: "mysql2's default connectionLimit" },
    mongodb: { kind: 'pool', max: 100, setting: "the MongoDB driver's default maxPoolSize" },
  },
  mysqlStatements: {
    mode: 'cached',
    how: "mysql2's execute keeps each statement it prepares in the connection's statement cache",
  },
  routing: express.routing,
  response: express.response,
  session: expressSession,
  handler: handlerFor({
    file: 'app.js',
    session: expressSession,
    getProduct,
    findBySku,
    listProducts,
    createReview,
  }),
};
