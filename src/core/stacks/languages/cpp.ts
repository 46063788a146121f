import type { Database } from '../../model/stack.ts';
import { REDIS } from '../../world/world.ts';
import { CATALOG_PAGE } from '../../data/shopData.ts';
import { indent } from '../indent.ts';
import { handlerFor } from '../handlerFor.ts';
import { statementFor } from '../statementFor.ts';
import { drogon } from '../frameworks/drogon.ts';
import { cppFailures } from '../driverFailures/cppFailures.ts';
import type { LanguageProfile } from '../types.ts';
import { drogonSession } from '../sessions/drogonSession.ts';

// A Drogon 1.9 HttpController (C++20 coroutines), read against Drogon 1.9.13's source. SQL goes through
// Drogon's own DbClient: on PostgreSQL (libpq) a statement with values is prepared once per connection
// (PQsendPrepare, then PQsendQueryPrepared with the values apart, PgConnection.cc) and the engine shows the
// execution; on MySQL (MariaDB's client library) MysqlConnection::execSqlInLoop writes each value into the
// SQL itself (numbers with std::to_string, strings quoted with mysql_real_escape_string) and sends one
// text query. A transaction commits when its last reference goes (TransactionImpl's destructor sends
// COMMIT; the handler does not wait for its answer). MongoDB has no Drogon client: mongocxx, the official
// driver, from a mongocxx::pool; its calls block the event loop's thread while they wait. productJson,
// reviewJson, toJson (Json::writeString with Drogon's settings), etag, notFound (404 {"error"}),
// validReview and invalid (422 {"errors": [{field, message}]}) are the app's helpers; BearerAuth is the
// app's middleware (401 {"error"} with WWW-Authenticate).
const ind = '    ';
/** ConfigLoader.cc reads number_of_connections with a default of 1; a busy client queues the next query. */
const DROGON_POOL = 'Drogon’s default number_of_connections; a busy client queues the next query';

/** The route table's entry for one handler, as Drogon's METHOD_LIST writes it. */
const methodList = (entry: readonly string[]): string[] => [
  'METHOD_LIST_BEGIN',
  ...entry,
  'METHOD_LIST_END',
  '',
];

/** Reads product `id` into `body` (declared already when `declare` is false), or answers 404. */
function readProduct(db: Database, declare: boolean): string[] {
  const body = declare ? 'auto body' : 'body';
  if (db === 'mongodb') {
    return [
      'auto client = mongo.acquire(); // a client from the mongocxx::pool',
      'auto doc = (*client)["shop"]["products"].find_one(make_document(kvp("_id", id))); «query»',
      'if (!doc) co_return notFound(); «notFound»',
      `${body} = toJson(productJson(doc->view()));`,
    ];
  }
  return [
    'auto db = app().getDbClient();',
    'auto rows = co_await db->execSqlCoro( «query»',
    `${ind}"${statementFor('getProduct', db)}",`,
    `${ind}id);`,
    'if (rows.empty()) co_return notFound(); «notFound»',
    `${body} = toJson(productJson(rows[0]));`,
  ];
}

function getProduct(db: Database, cached: boolean): string[] {
  const read = cached
    ? [
        'auto redis = app().getRedisClient();',
        'auto key = "product:" + std::to_string(id);',
        'auto hit = co_await redis->execCommandCoro("GET %s", key.c_str()); «cacheGet»',
        'std::string body = hit.isNil() ? "" : hit.asString();',
        'if (hit.isNil()) {',
        ...indent(readProduct(db, false), ind),
        `${ind}co_await redis->execCommandCoro("SET %s %s EX ${REDIS.ttlSeconds}", key.c_str(), body.c_str()); «cacheSet»`,
        '}',
      ]
    : readProduct(db, true);
  return [
    ...methodList(['ADD_METHOD_TO(Products::getProduct, "/api/products/{id}", Get); «route»']),
    'Task<HttpResponsePtr> getProduct(HttpRequestPtr req, int id) { // Drogon ran std::stoi «badId»',
    ...indent(read, ind),
    `${ind}auto tag = etag(body);`,
    `${ind}bool fresh = req->getHeader("If-None-Match") == tag;`,
    `${ind}auto resp = fresh ? HttpResponse::newHttpResponse(k304NotModified, CT_NONE) «notModified»`,
    `${ind}                  : HttpResponse::newHttpResponse(k200OK, CT_APPLICATION_JSON);`,
    `${ind}resp->addHeader("Cache-Control", "no-cache");`,
    `${ind}resp->addHeader("ETag", tag);`,
    `${ind}if (!fresh) resp->setBody(body);`,
    `${ind}co_return resp; «respond»`,
    '}',
  ];
}

function findBySku(db: Database): string[] {
  const query =
    db === 'mongodb'
      ? [
          'auto client = mongo.acquire();',
          'auto sku = req->getParameter("sku");',
          'auto cursor = (*client)["shop"]["products"].find(make_document(kvp("sku", sku))); «query»',
          'Json::Value found(Json::arrayValue);',
          'for (auto doc : cursor) found.append(productJson(doc));',
        ]
      : [
          'auto db = app().getDbClient();',
          'auto rows = co_await db->execSqlCoro( «query»',
          `${ind}"${statementFor('findBySku', db)}",`,
          `${ind}req->getParameter("sku"));`,
          'Json::Value found(Json::arrayValue);',
          'for (const auto &row : rows) found.append(productJson(row));',
        ];
  return [
    ...methodList(['ADD_METHOD_TO(Products::findBySku, "/api/products", Get); «route»']),
    'Task<HttpResponsePtr> findBySku(HttpRequestPtr req) {',
    ...indent(query, ind),
    `${ind}co_return HttpResponse::newHttpJsonResponse(found); «respond»`,
    '}',
  ];
}

/** GET /api/catalog?after=…: the next page of products in id order (keyset pagination). */
function listProducts(db: Database): string[] {
  const query =
    db === 'mongodb'
      ? [
          'auto client = mongo.acquire();',
          'mongocxx::options::find opts;',
          `opts.sort(make_document(kvp("_id", 1))).limit(${CATALOG_PAGE});`,
          'auto filter = make_document(kvp("_id", make_document(kvp("$gt", after))));',
          'auto cursor = (*client)["shop"]["products"].find(filter.view(), opts); «query»',
          'Json::Value page(Json::arrayValue);',
          'for (auto doc : cursor) page.append(productJson(doc));',
        ]
      : [
          'auto db = app().getDbClient();',
          'auto rows = co_await db->execSqlCoro( «query»',
          `${ind}"${statementFor('listProducts', db)}",`,
          `${ind}after);`,
          'Json::Value page(Json::arrayValue);',
          'for (const auto &row : rows) page.append(productJson(row));',
        ];
  return [
    ...methodList(['ADD_METHOD_TO(Products::listProducts, "/api/catalog?after={1}", Get); «route»']),
    'Task<HttpResponsePtr> listProducts(HttpRequestPtr req, int after) {',
    ...indent(query, ind),
    `${ind}co_return HttpResponse::newHttpJsonResponse(page); «respond»`,
    '}',
  ];
}

/** The product look-up and the insert, leaving the new review's id (as text) in `reviewId`. */
function insertReview(db: Database): string[] {
  const values = '(*in)["rating"].asInt(), (*in)["body"].asString()';
  if (db === 'mongodb') {
    return [
      'auto client = mongo.acquire();',
      'auto shop = (*client)["shop"];',
      'if (!shop["products"].find_one(make_document(kvp("_id", productId)))) { «lookup»',
      `${ind}co_return notFound(); «notFound»`,
      '}',
      'auto inserted = shop["reviews"].insert_one(make_document( «query»',
      `${ind}kvp("product_id", productId),`,
      `${ind}kvp("rating", (*in)["rating"].asInt()),`,
      `${ind}kvp("body", (*in)["body"].asString())));`,
      'auto reviewId = inserted->inserted_id().get_oid().value.to_string(); // the driver made the _id',
    ];
  }
  const pg = db === 'postgres';
  return [
    'auto tx = co_await app().getDbClient()->newTransactionCoro(); «begin»',
    'auto product = co_await tx->execSqlCoro( «lookup»',
    `${ind}"${statementFor('lockProduct', db)}",`,
    `${ind}productId);`,
    'if (product.empty()) {',
    `${ind}tx->rollback(); // else its destructor would COMMIT`,
    `${ind}co_return notFound(); «notFound»`,
    '}',
    'auto inserted = co_await tx->execSqlCoro( «query»',
    `${ind}"${statementFor('createReview', db)}",`,
    `${ind}productId, ${values});`,
    pg
      ? 'auto reviewId = inserted[0]["id"].as<std::string>();'
      : 'auto reviewId = std::to_string(inserted.insertId());',
    'tx.reset(); // its last reference: the destructor queues COMMIT, unawaited «commit»',
  ];
}

function createReview(db: Database): string[] {
  return [
    ...methodList([
      'ADD_METHOD_TO(Products::createReview, «route»',
      '              "/api/products/{id}/reviews",',
      '              Post,',
      '              "BearerAuth"); // a middleware: it answers 401 itself «auth»',
    ]),
    'Task<HttpResponsePtr> createReview(HttpRequestPtr req, int productId) { «badId»',
    `${ind}auto in = req->getJsonObject(); // null when the body is not JSON`,
    `${ind}Json::Value errors(Json::arrayValue);`,
    `${ind}if (!in || !validReview(*in, errors)) co_return invalid(errors); «validate»`,
    ...indent(insertReview(db), ind),
    `${ind}auto resp = HttpResponse::newHttpJsonResponse(reviewJson(reviewId, productId, *in));`,
    `${ind}resp->setStatusCode(k201Created);`,
    `${ind}resp->addHeader("Location",`,
    `${ind}${ind}"/api/products/" + std::to_string(productId) + "/reviews/" + reviewId);`,
    `${ind}co_return resp; «respond»`,
    '}',
  ];
}

/**
 * C++ with Drogon 1.9 (drogon_ctl's generated main listens on 5555). Drogon writes its own server header
 * and names every header in lower case; see stacks/frameworks/drogon.ts.
 */
export const cppProfile: LanguageProfile = {
  id: 'cpp',
  label: 'C++',
  framework: 'Drogon 1.9',
  syntax: 'cpp',
  port: 5555,
  driverFailures: cppFailures,
  drivers: {
    postgres: 'Drogon DbClient (libpq)',
    mysql: 'Drogon DbClient (MariaDB Connector/C)',
    mongodb: 'mongocxx',
  },
  rowObjects: {
    postgres: ['a drogon::orm::Row', 'drogon::orm::Rows'],
    mysql: ['a drogon::orm::Row', 'drogon::orm::Rows'],
    mongodb: ['a BSON document', 'BSON documents'],
  },
  connections: {
    postgres: { kind: 'pool', max: 1, setting: DROGON_POOL },
    mysql: { kind: 'pool', max: 1, setting: DROGON_POOL },
    mongodb: { kind: 'pool', max: 100, setting: "mongocxx::pool's default maxPoolSize" },
  },
  mysqlStatements: {
    mode: 'text',
    how: 'Drogon’s MySQL client has no server-side prepared statements: it writes the values into the SQL',
  },
  // collection::find_one copies its options with limit(1) (mongocxx/lib/mongocxx/v_noabi/mongocxx/
  // collection.cpp); libmongoc adds singleBatch only for a negative limit (mongoc_cursor_set_limit).
  mongoFindOne: 'limit',
  // TransactionImpl::~TransactionImpl (orm_lib/src/TransactionImpl.cc) queues execSql("commit") with
  // loop->queueInLoop and returns; Transaction has setCommitCallback but no awaitable commit.
  commitUnawaited:
    "tx.reset() drops the transaction's last reference, whose destructor queues COMMIT on the connection's event loop",
  // libmongoc's getMore carries batchSize only when the cursor has one (mongoc-cursor.c)
  mongoGetMore: 'none',
  routing: drogon.routing,
  response: drogon.response,
  session: drogonSession,
  handler: handlerFor({
    file: 'Products.h',
    session: drogonSession,
    getProduct,
    findBySku,
    listProducts,
    createReview,
  }),
};
