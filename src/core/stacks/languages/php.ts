import type { Database } from '../../model/stack.ts';
import { REDIS } from '../../world/world.ts';
import { CATALOG_PAGE } from '../../data/shopData.ts';
import { indent } from '../indent.ts';
import { handlerFor } from '../handlerFor.ts';
import { statementFor } from '../statementFor.ts';
import { laravel } from '../frameworks/laravel.ts';
import { phpFailures } from '../driverFailures/phpFailures.ts';
import type { LanguageProfile } from '../types.ts';
import { laravelSession } from '../sessions/laravelSession.ts';

// Raw SQL through the DB facade, because Eloquent and the query builder would write different SQL. PDO is
// written with `?`; Laravel turns PDO's emulated prepares off, so pdo_pgsql and pdo_mysql send real
// prepared statements with the values apart (pdo_pgsql numbering them $1, $2 as the engine shows).
// MongoDB uses mongodb/laravel-mongodb as the default connection (it renames _id to id in results).
// ->where('id', '[0-9]{1,9}') makes /api/products/abc (and any id an INT column cannot hold) match no route;
// whereNumber alone would let 99999999999 through to the query.
// Redis keys carry no prefix (REDIS_PREFIX is empty), so the key on the wire is product:42.
const ind = '    ';

/** Reads product `$id` into `$json`, or answers 404. */
function readProduct(db: Database): string[] {
  if (db === 'mongodb') {
    return [
      "$product = DB::table('products')->where('_id', $id)->first(); «query»",
      "abort_if($product === null, 404, 'Product not found.'); «notFound»",
      '$json = json_encode($product);',
    ];
  }
  return [
    '$product = DB::selectOne( «query»',
    `    '${statementFor('getProduct', db, '?')}',`,
    '    [$id],',
    ');',
    "abort_if($product === null, 404, 'Product not found.'); «notFound»",
    '$json = json_encode($product);',
  ];
}

function getProduct(db: Database, cached: boolean): string[] {
  const read = cached
    ? [
        '$json = Redis::get("product:{$id}"); «cacheGet»',
        'if ($json === null) {',
        ...indent(readProduct(db), ind),
        `    Redis::set("product:{$id}", $json, 'EX', ${REDIS.ttlSeconds}); «cacheSet»`,
        '}',
      ]
    : readProduct(db);
  return [
    "Route::get('/products/{id}', function (Request $request, int $id) { «route»",
    ...indent(read, ind),
    `${ind}$response = response($json)->header('Content-Type', 'application/json');`,
    `${ind}$response->setEtag(etag($json));`,
    `${ind}$response->headers->set('Cache-Control', 'no-cache');`,
    `${ind}$response->isNotModified($request); // on a match: 304, body removed «notModified»`,
    `${ind}return $response; «respond»`,
    "})->where('id', '[0-9]{1,9}');",
  ];
}

function findBySku(db: Database): string[] {
  const query =
    db === 'mongodb'
      ? ["$products = DB::table('products')->where('sku', $sku)->get(); «query»"]
      : [
          '$products = DB::select( «query»',
          `    '${statementFor('findBySku', db, '?')}',`,
          '    [$sku],',
          ');',
        ];
  return [
    "Route::get('/products', function (Request $request) { «route»",
    `${ind}$sku = (string) $request->query('sku');`,
    ...indent(query, ind),
    `${ind}return response()->json($products); «respond»`,
    '});',
  ];
}

/** GET /api/catalog?after=…: the next page of products in id order (keyset pagination). */
function listProducts(db: Database): string[] {
  const query =
    db === 'mongodb'
      ? [
          "$products = DB::table('products')->where('_id', '>', $after) «query»",
          `    ->orderBy('_id')->limit(${CATALOG_PAGE})->get();`,
        ]
      : [
          '$products = DB::select( «query»',
          `    '${statementFor('listProducts', db, '?')}',`,
          '    [$after],',
          ');',
        ];
  return [
    "Route::get('/catalog', function (Request $request) { «route»",
    `${ind}$after = (int) $request->query('after', 0);`,
    ...indent(query, ind),
    `${ind}return response()->json($products); «respond»`,
    '});',
  ];
}

/** The product look-up and the insert, leaving the new review's id in `$reviewId`. */
function insertReview(db: Database): string[] {
  const values = "[$id, $input['rating'], $input['body']]";
  if (db === 'mongodb') {
    return [
      "$product = DB::table('products')->where('_id', $id)->first(); «lookup»",
      "abort_if($product === null, 404, 'Product not found.'); «notFound»",
      "$reviewId = (string) DB::table('reviews')->insertGetId([ «query»",
      "    'product_id' => $id, 'rating' => $input['rating'], 'body' => $input['body'],",
      ']);',
    ];
  }
  return [
    '$reviewId = DB::transaction(function () use ($id, $input) { «begin»',
    '    $product = DB::selectOne( «lookup»',
    `        '${statementFor('lockProduct', db, '?')}',`,
    '        [$id],',
    '    );',
    "    abort_if($product === null, 404, 'Product not found.'); // the exception rolls back «notFound»",
    ...(db === 'postgres'
      ? [
          '    return DB::scalar( «query»',
          `        '${statementFor('createReview', db, '?')}',`,
          `        ${values},`,
          '    );',
        ]
      : [
          '    DB::insert( «query»',
          `        '${statementFor('createReview', db)}',`,
          `        ${values},`,
          '    );',
          '    return (int) DB::getPdo()->lastInsertId();',
        ]),
    '}); «commit»',
  ];
}

function createReview(db: Database): string[] {
  const body = [
    '$input = $request->validate([ «validate»',
    "    'rating' => 'required|integer|between:1,5',",
    "    'body' => 'required|string|between:1,500',",
    ']);',
    ...insertReview(db),
    'return response()->json([ «respond»',
    "    'id' => $reviewId, 'product_id' => $id,",
    "    'rating' => $input['rating'], 'body' => $input['body'],",
    '], 201)->header(\'Location\', "/api/products/{$id}/reviews/{$reviewId}");',
  ];
  return [
    'Route::middleware(VerifyBearerToken::class) «auth»',
    "    ->post('/products/{id}/reviews', function (Request $request, int $id) { «route»",
    ...indent(body, `${ind}${ind}`),
    "    })->where('id', '[0-9]{1,9}');",
  ];
}

/**
 * PHP with Laravel 13, served by Laravel Octane on FrankenPHP, which speaks HTTP on 8000 behind the proxy
 * (the classic php-fpm would speak FastCGI on 9000, not the HTTP the engine shows on that hop). PHP adds
 * X-Powered-By while expose_php is On, its default. Symfony's response also gives every response
 * `Cache-Control: no-cache, private` unless it says otherwise (and adds `private` to the handler's
 * `no-cache`). Exceptions become pretty-printed {"message"} JSON; VerifyBearerToken answers
 * {"message": "Unauthenticated."} with 401 and a WWW-Authenticate challenge.
 */
export const phpProfile: LanguageProfile = {
  id: 'php',
  label: 'PHP',
  framework: 'Laravel 13',
  syntax: 'php',
  port: 8000,
  drivers: { postgres: 'pdo_pgsql', mysql: 'pdo_mysql', mongodb: 'mongodb/laravel-mongodb' },
  driverFailures: phpFailures,
  rowObjects: {
    postgres: ['a PHP object (stdClass)', 'PHP objects (stdClass)'],
    mysql: ['a PHP object (stdClass)', 'PHP objects (stdClass)'],
    mongodb: ['a PHP object (stdClass)', 'PHP objects (stdClass)'],
  },
  connections: { postgres: { kind: 'worker' }, mysql: { kind: 'worker' }, mongodb: { kind: 'worker' } },
  mysqlStatements: {
    mode: 'prepare',
    how: "Laravel turns PDO's emulated prepares off, so pdo_mysql prepares each statement on the server",
  },
  // libmongoc's getMore carries batchSize only when the cursor has one (mongoc-cursor.c)
  mongoGetMore: 'none',
  routing: laravel.routing,
  response: laravel.response,
  session: laravelSession,
  handler: handlerFor({
    file: 'routes/api.php',
    preamble: ['// Laravel serves every route in this file under /api'],
    session: laravelSession,
    getProduct,
    findBySku,
    listProducts,
    createReview,
  }),
};
