import type { Database } from '../../model/stack.ts';
import { REDIS } from '../../world/world.ts';
import { CATALOG_PAGE } from '../../data/shopData.ts';
import { indent } from '../indent.ts';
import { handlerFor } from '../handlerFor.ts';
import { statementFor } from '../statementFor.ts';
import { rails } from '../frameworks/rails.ts';
import { rubyFailures } from '../driverFailures/rubyFailures.ts';
import type { LanguageProfile } from '../types.ts';
import { railsSession } from '../sessions/railsSession.ts';

// The SQL is the engine's statement, run through Active Record. On PostgreSQL it goes with binds, which the
// pg adapter (prepared_statements on by default) sends as a prepared statement with the values apart. The
// mysql2 adapter has prepared_statements off by default (Mysql2Adapter#default_prepared_statements in
// rails/rails), so the MySQL handlers do what Active Record does with its own queries there: quote the values
// into the SQL (find_by_sql and sanitize_sql_array with an array), one text query. Product.find would write
// different SQL. Rails sends BEGIN for a transaction on
// MySQL, a synonym of the START TRANSACTION the engine shows. MongoDB goes through the mongo gem's client
// (MONGO, set up in an initializer), the redis gem's client is REDIS.
const ind = '  ';
const NOT_FOUND = 'return render json: { error: "Not Found" }, status: :not_found unless';

/** Reads product `id` into `json`, or answers 404. */
function readProduct(db: Database): string[] {
  if (db === 'mongodb') {
    return [
      'doc = MONGO[:products].find(_id: id).first  «query»',
      `${NOT_FOUND} doc  «notFound»`,
      'json = { id: doc.delete("_id"), **doc }.to_json',
    ];
  }
  const find =
    db === 'postgres'
      ? [
          'product = Product.find_by_sql(  «query»',
          `  "${statementFor('getProduct', db)}",`,
          '  [id],',
          ').first',
        ]
      : [
          'product = Product.find_by_sql([  «query»',
          `  "${statementFor('getProduct', db)}",`,
          '  id,',
          ']).first',
        ];
  return [...find, `${NOT_FOUND} product  «notFound»`, 'json = product.to_json'];
}

function getProduct(db: Database, cached: boolean): string[] {
  const read = cached
    ? [
        'json = REDIS.get("product:#{id}")  «cacheGet»',
        'unless json',
        ...indent(readProduct(db), ind),
        `  REDIS.set("product:#{id}", json, ex: ${REDIS.ttlSeconds})  «cacheSet»`,
        'end',
      ]
    : readProduct(db);
  return [
    'class ProductsController < ApplicationController',
    '  # GET /api/products/:id (routes.rb constrains it: id: /\\d{1,9}/)',
    '  def show  «route»',
    '    id = params[:id].to_i',
    ...indent(read, '    '),
    '    expires_now  # Cache-Control: no-cache',
    '    return unless stale?(etag: json)  «notModified»',
    '    render json: json  «respond»',
    '  end',
    'end',
  ];
}

function findBySku(db: Database): string[] {
  const body =
    db === 'mongodb'
      ? [
          'docs = MONGO[:products].find(sku: params.expect(:sku)).to_a  «query»',
          'render json: docs.map { |doc| { id: doc.delete("_id"), **doc } }  «respond»',
        ]
      : db === 'postgres'
        ? [
            'products = Product.find_by_sql(  «query»',
            `  "${statementFor('findBySku', db)}",`,
            '  [params.expect(:sku)],',
            ')',
            'render json: products  «respond»',
          ]
        : [
            'products = Product.find_by_sql([  «query»',
            `  "${statementFor('findBySku', db)}",`,
            '  params.expect(:sku),',
            '])',
            'render json: products  «respond»',
          ];
  return [
    'class ProductsController < ApplicationController',
    '  # GET /api/products?sku=...',
    '  def index  «route»',
    ...indent(body, '    '),
    '  end',
    'end',
  ];
}

/** GET /api/catalog?after=…: the next page of products in id order (keyset pagination). */
function listProducts(db: Database): string[] {
  const body =
    db === 'mongodb'
      ? [
          'docs = MONGO[:products].find(_id: { "$gt" => after })  «query»',
          `  .sort(_id: 1).limit(${CATALOG_PAGE}).to_a`,
          'render json: docs.map { |doc| { id: doc.delete("_id"), **doc } }  «respond»',
        ]
      : db === 'postgres'
        ? [
            'products = Product.find_by_sql(  «query»',
            `  "${statementFor('listProducts', db)}",`,
            '  [after],',
            ')',
            'render json: products  «respond»',
          ]
        : [
            'products = Product.find_by_sql([  «query»',
            `  "${statementFor('listProducts', db)}",`,
            '  after,',
            '])',
            'render json: products  «respond»',
          ];
  return [
    'class CatalogController < ApplicationController',
    '  # GET /api/catalog?after=...',
    '  def index  «route»',
    '    after = params.fetch(:after, 0).to_i',
    ...indent(body, '    '),
    '  end',
    'end',
  ];
}

/** The product look-up and the insert, leaving the new review's id in `id`. */
function insertReview(db: Database): string[] {
  const binds = '[product_id, review.rating, review.body]';
  if (db === 'mongodb') {
    return [
      'product = MONGO[:products].find(_id: product_id).first  «lookup»',
      `${NOT_FOUND} product  «notFound»`,
      'result = MONGO[:reviews].insert_one(  «query»',
      '  { product_id: product_id, rating: review.rating, body: review.body }',
      ')',
      'id = result.inserted_id.to_s',
    ];
  }
  const insert =
    db === 'postgres'
      ? [
          'conn.select_value(  «query»',
          `  "${statementFor('createReview', db)}",`,
          `  "Review Create", ${binds}`,
          ')',
        ]
      : [
          'conn.insert(  «query»',
          '  Review.sanitize_sql_array([',
          `    "${statementFor('createReview', db)}",`,
          '    product_id, review.rating, review.body,',
          '  ]),',
          '  "Review Create",',
          ') # returns the new id',
        ];
  const lookup =
    db === 'postgres'
      ? [
          'product = conn.select_one(  «lookup»',
          `  "${statementFor('lockProduct', db)}",`,
          '  "Product Load", [product_id]',
          ')',
        ]
      : [
          'product = conn.select_one(  «lookup»',
          '  Review.sanitize_sql_array([',
          `    "${statementFor('lockProduct', db)}", product_id,`,
          '  ]),',
          '  "Product Load",',
          ')',
        ];
  return [
    'product = nil',
    'id = Review.with_connection do |conn|  «checkout»',
    '  conn.transaction do  «begin»',
    ...indent(lookup, '    '),
    '    raise ActiveRecord::Rollback unless product # ROLLBACK; the block returns nil',
    ...indent(insert, '    '),
    '  end  «commit»',
    'end',
    `${NOT_FOUND} product  «notFound»`,
  ];
}

function createReview(db: Database): string[] {
  return [
    'class ReviewsController < ApplicationController',
    '  before_action :authenticate!  «auth»',
    '',
    '  # POST /api/products/:product_id/reviews (product_id: /\\d{1,9}/)',
    '  def create  «route»',
    '    product_id = params[:product_id].to_i',
    '    review = NewReview.new(params.expect(review: [:rating, :body]))',
    '    unless review.valid?  «validate»',
    '      return render json: { errors: review.errors }, status: :unprocessable_content',
    '    end',
    ...indent(insertReview(db), '    '),
    '    created = { id:, product_id:, rating: review.rating, body: review.body }',
    '    render json: created, status: :created,  «respond»',
    '           location: "/api/products/#{product_id}/reviews/#{id}"',
    '  end',
    'end',
  ];
}

/**
 * Ruby with Rails 8 on Puma, which listens on 3000. Rails sends its security headers
 * (`config.action_dispatch.default_headers`, Rails 7.1 and later) on every response. Rack 3 writes header
 * names in lower case; they are shown capitalised like every other header here (names are case-blind).
 * Rails echoes the proxy's request id in X-Request-Id; Rack::ETag gives a 200 or 201 that set no ETag a weak
 * one and `max-age=0, private, must-revalidate`, and other responses `no-cache`. Puma sends no Date.
 * authenticate! renders {"error": "Unauthorized"} with 401 and a WWW-Authenticate challenge.
 */
export const rubyProfile: LanguageProfile = {
  id: 'ruby',
  label: 'Ruby',
  framework: 'Rails 8',
  syntax: 'ruby',
  port: 3000,
  drivers: { postgres: 'pg', mysql: 'mysql2', mongodb: 'mongo' },
  driverFailures: rubyFailures,
  rowObjects: {
    postgres: ['an Active Record object', 'Active Record objects'],
    mysql: ['an Active Record object', 'Active Record objects'],
    mongodb: ['a BSON document (a Ruby hash)', 'BSON documents (Ruby hashes)'],
  },
  connections: {
    postgres: { kind: 'pool', max: 5, setting: 'database.yml: RAILS_MAX_THREADS, 5 unless set' },
    mysql: { kind: 'pool', max: 5, setting: 'database.yml: RAILS_MAX_THREADS, 5 unless set' },
    mongodb: { kind: 'pool', max: 20, setting: "the mongo gem's default max_pool_size" },
  },
  mysqlStatements: {
    mode: 'text',
    how: "Active Record's mysql2 adapter has prepared_statements off by default, and find_by_sql with an array quotes the values into the SQL",
  },
  routing: rails.routing,
  response: rails.response,
  session: railsSession,
  handler: handlerFor({
    file: (op) => `app/controllers/${op === 'createReview' ? 'reviews' : 'products'}_controller.rb`,
    session: railsSession,
    getProduct,
    findBySku,
    listProducts,
    createReview,
  }),
};
