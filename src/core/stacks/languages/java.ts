import type { Database } from '../../model/stack.ts';
import { REDIS } from '../../world/world.ts';
import { CATALOG_PAGE } from '../../data/shopData.ts';
import { indent } from '../indent.ts';
import { markedSource } from '../markedSource.ts';
import { statementFor } from '../statementFor.ts';
import { spring } from '../frameworks/spring.ts';
import { javaFailures } from '../driverFailures/javaFailures.ts';
import type { HandlerOp, HandlerSource, LanguageProfile } from '../types.ts';
import { tomcatSession } from '../sessions/tomcatSession.ts';

// JDBC is written with `?` for every database; the PostgreSQL JDBC driver numbers them $1, $2 before the
// statement leaves the app, which is what the engine shows. MySQL Connector/J pastes escaped values into
// the SQL unless the URL asks for server-side prepared statements, so the MySQL handlers say it does.
// Auth is an annotation checked by a HandlerInterceptor, which runs before Spring reads and validates the
// body (so 401 comes before 422), and not Spring Security, which would add its own Cache-Control, Pragma,
// Expires and X-Frame-Options headers. The product look-up runs inside the transaction and share-locks the
// product's row until COMMIT; a 404 thrown inside the callback makes TransactionTemplate roll back.
// TransactionTemplate sets autocommit off (PostgreSQL's driver then sends BEGIN with the first statement;
// Connector/J sends SET autocommit=0) and commits when the callback returns: the engine draws that as
// BEGIN / START TRANSACTION and COMMIT.
const ind = '    ';
const SERVER_PREPARED = '// the JDBC URL has useServerPrepStmts=true: values travel apart from the SQL';
const NOT_FOUND = 'new ResponseStatusException(HttpStatus.NOT_FOUND)';

/** Reads product `id` into `product`, or throws 404. */
function readProduct(db: Database): string[] {
  if (db === 'mongodb') {
    return [
      'Product product = products.find(eq("_id", id)).first(); «query»',
      `if (product == null) throw ${NOT_FOUND}; «notFound»`,
    ];
  }
  return [
    ...(db === 'mysql' ? [SERVER_PREPARED] : []),
    'Product product = jdbc.sql( «query»',
    `        "${statementFor('getProduct', db, '?')}")`,
    '    .param(id)',
    '    .query(Product.class)',
    '    .optional()',
    `    .orElseThrow(() -> ${NOT_FOUND}); «notFound»`,
  ];
}

function getProduct(db: Database, cached: boolean): string[] {
  const key = '"product:" + id';
  const read = cached
    ? [
        `String body = redis.opsForValue().get(${key}); «cacheGet»`,
        'if (body == null) {',
        ...indent(readProduct(db), ind),
        '    body = json.writeValueAsString(product);',
        `    redis.opsForValue().set(${key}, body, Duration.ofSeconds(${REDIS.ttlSeconds})); «cacheSet»`,
        '}',
      ]
    : [...readProduct(db), 'String body = json.writeValueAsString(product);'];
  return [
    '@GetMapping("/api/products/{id}") «route»',
    'ResponseEntity<String> getProduct(@PathVariable int id, WebRequest request) { «badId»',
    ...indent(read, ind),
    `${ind}String etag = etag(body);`,
    `${ind}if (request.checkNotModified(etag)) return null; «notModified»`,
    `${ind}return ResponseEntity.ok() «respond»`,
    `${ind}${ind}.cacheControl(CacheControl.noCache())`,
    `${ind}${ind}.eTag(etag)`,
    `${ind}${ind}.contentType(MediaType.APPLICATION_JSON)`,
    `${ind}${ind}.body(body);`,
    '}',
  ];
}

function findBySku(db: Database): string[] {
  const query =
    db === 'mongodb'
      ? ['List<Product> found = products.find(eq("sku", sku)).into(new ArrayList<>()); «query»']
      : [
          ...(db === 'mysql' ? [SERVER_PREPARED] : []),
          'List<Product> found = jdbc.sql( «query»',
          `        "${statementFor('findBySku', db, '?')}")`,
          '    .param(sku)',
          '    .query(Product.class)',
          '    .list();',
        ];
  return [
    '@GetMapping("/api/products") «route»',
    'List<Product> findBySku(@RequestParam String sku) {',
    ...indent(query, ind),
    `${ind}return found; «respond»`,
    '}',
  ];
}

/** GET /api/catalog?after=…: the next page of products in id order (keyset pagination). */
function listProducts(db: Database): string[] {
  const query =
    db === 'mongodb'
      ? [
          'List<Product> page = products.find(gt("_id", after)) «query»',
          '    .sort(ascending("_id"))',
          `    .limit(${CATALOG_PAGE})`,
          '    .into(new ArrayList<>());',
        ]
      : [
          ...(db === 'mysql' ? [SERVER_PREPARED] : []),
          'List<Product> page = jdbc.sql( «query»',
          `        "${statementFor('listProducts', db, '?')}")`,
          '    .param(after)',
          '    .query(Product.class)',
          '    .list();',
        ];
  return [
    '@GetMapping("/api/catalog") «route»',
    'List<Product> listProducts(@RequestParam(defaultValue = "0") int after) {',
    ...indent(query, ind),
    `${ind}return page; «respond»`,
    '}',
  ];
}

/** The product look-up and the insert, leaving the new review's id in `reviewId`. */
function insertReview(db: Database): string[] {
  switch (db) {
    case 'postgres':
    case 'mysql':
      return [
        ...(db === 'mysql' ? [SERVER_PREPARED] : []),
        'long reviewId = tx.execute(status -> { «begin»',
        `    jdbc.sql("${statementFor('lockProduct', db, '?')}") «lookup»`,
        '        .param(id)',
        '        .query(Product.class)',
        '        .optional()',
        '        // thrown inside the callback: TransactionTemplate rolls back',
        `        .orElseThrow(() -> ${NOT_FOUND}); «notFound»`,
        ...(db === 'postgres'
          ? [
              '    return jdbc.sql( «query»',
              `            "${statementFor('createReview', db, '?')}")`,
              '        .params(id, review.rating(), review.body())',
              '        .query(Long.class)',
              '        .single();',
            ]
          : [
              '    KeyHolder keys = new GeneratedKeyHolder();',
              `    jdbc.sql("${statementFor('createReview', db)}") «query»`,
              '        .params(id, review.rating(), review.body())',
              '        .update(keys);',
              '    return keys.getKey().longValue();',
            ]),
        '}); «commit»',
      ];
    case 'mongodb':
      return [
        'if (products.find(eq("_id", id)).first() == null) { «lookup»',
        `    throw ${NOT_FOUND}; «notFound»`,
        '}',
        'Document doc = new Document("product_id", id)',
        '    .append("rating", review.rating())',
        '    .append("body", review.body());',
        'reviews.insertOne(doc); «query»',
        'String reviewId = doc.getObjectId("_id").toHexString(); // the driver made the _id',
      ];
  }
}

function createReview(db: Database): string[] {
  return [
    '@PostMapping("/api/products/{id}/reviews") «route»',
    '@RequiresBearerToken «auth»',
    'ResponseEntity<Review> createReview(@PathVariable int id, «badId»',
    '        @Valid @RequestBody NewReview review) { «validate»',
    ...indent(insertReview(db), ind),
    `${ind}return ResponseEntity «respond»`,
    `${ind}${ind}.created(URI.create("/api/products/" + id + "/reviews/" + reviewId))`,
    `${ind}${ind}.body(new Review(reviewId, id, review.rating(), review.body()));`,
    '}',
  ];
}

function handler(op: HandlerOp, db: Database, cached: boolean): HandlerSource {
  if (op === 'login' || op === 'me') return tomcatSession.handler(op, db);
  const lines =
    op === 'getProduct'
      ? getProduct(db, cached)
      : op === 'findBySku'
        ? findBySku(db)
        : op === 'listProducts'
          ? listProducts(db)
          : createReview(db);
  return markedSource('ProductController.java', lines.join('\n'));
}

/**
 * Java with Spring Boot 4 (Spring MVC on embedded Tomcat, default port 8080). A plain JSON response gets no
 * framework headers beyond Content-Type, Date and the body's framing. Errors (ResponseStatusException, a
 * path variable that is not an int, a body that fails @Valid: 400, not 422) go to Spring Boot's default
 * /error body {timestamp, status, error, path}. application.properties sets
 * spring.jackson.property-naming-strategy=SNAKE_CASE, so records serialise with the columns' names.
 */
export const javaProfile: LanguageProfile = {
  id: 'java',
  label: 'Java',
  framework: 'Spring Boot 4',
  syntax: 'java',
  port: 8080,
  driverFailures: javaFailures,
  drivers: {
    postgres: 'PostgreSQL JDBC driver',
    mysql: 'MySQL Connector/J (useServerPrepStmts=true)',
    mongodb: 'MongoDB Java driver',
  },
  rowObjects: {
    postgres: ['a Java record', 'Java records'],
    mysql: ['a Java record', 'Java records'],
    mongodb: ['a Java record', 'Java records'],
  },
  connections: {
    postgres: { kind: 'pool', max: 10, setting: "HikariCP's default maximumPoolSize" },
    mysql: { kind: 'pool', max: 10, setting: "HikariCP's default maximumPoolSize" },
    mongodb: { kind: 'pool', max: 100, setting: "the Java driver's default maxSize" },
  },
  mysqlStatements: {
    mode: 'prepare',
    how: 'With useServerPrepStmts=true and cachePrepStmts left off, Connector/J prepares each PreparedStatement on the server and closes it after',
  },
  // Driver 5's CommandBatchCursor sends the find's own batchSize, none here (CommandBatchCursorHelper
  // getMoreCommandDocument); 4.x's QueryBatchCursor asked for what was left of the limit
  mongoGetMore: 'none',
  routing: spring.routing,
  response: spring.response,
  session: tomcatSession,
  handler,
};
