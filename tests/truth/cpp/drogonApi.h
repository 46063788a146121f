// The part of Drogon's, mongocxx's and bsoncxx's public API the displayed C++ handlers use, for
// `g++ -std=c++20 -fsyntax-only` (tests/truth/handlers.test.ts). Debian has no package of either library,
// and their headers pull in trantor's, CMake-generated ones and libmongoc's, so each declaration below is
// transcribed, with its signature, from the header named beside it (Drogon v1.9.13, mongo-cxx-driver
// r4.x). JsonCpp is the real one (Debian's libjsoncpp-dev). Bodies and private parts are left out.
#pragma once
#include <json/json.h>

#include <any>
#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drogon
{
// lib/inc/drogon/utils/coroutine.h: Task<T> is the coroutine type handlers return.
template <typename T = void>
struct Task
{
    struct promise_type
    {
        Task get_return_object();
        std::suspend_always initial_suspend() noexcept;
        std::suspend_always final_suspend() noexcept;
        void return_value(T value);
        void unhandled_exception();
    };
};

// What execSqlCoro, newTransactionCoro and execCommandCoro return: awaiters resuming with T
// (orm::internal::SqlAwaiter, orm::internal::TransactionAwaiter, nosql::internal::RedisAwaiter).
template <typename T>
struct Awaiter
{
    bool await_ready() const noexcept;
    void await_suspend(std::coroutine_handle<> handle);
    T await_resume();
};

// lib/inc/drogon/HttpTypes.h
enum HttpStatusCode
{
    k200OK = 200,
    k201Created = 201,
    k304NotModified = 304,
    k401Unauthorized = 401,
    k404NotFound = 404,
    k422UnprocessableEntity = 422,
    k500InternalServerError = 500,
};
enum ContentType
{
    CT_NONE = 0,
    CT_APPLICATION_JSON,
    CT_TEXT_HTML,
};
enum HttpMethod
{
    Get = 0,
    Post,
    Head,
    Put,
    Delete,
    Options,
    Patch,
    Invalid
};

// lib/inc/drogon/HttpRequest.h
// lib/inc/drogon/Session.h
class Session
{
  public:
    template <typename T>
    std::optional<T> getOptional(const std::string &key) const;
    void insert(const std::string &key, const std::any &obj);
    void changeSessionIdToClient();
};
using SessionPtr = std::shared_ptr<Session>;

class HttpRequest
{
  public:
    const SessionPtr &session() const;
    const std::string &getHeader(std::string key) const;
    const std::string &getParameter(const std::string &key) const;
    const std::shared_ptr<Json::Value> &getJsonObject() const;
};
using HttpRequestPtr = std::shared_ptr<HttpRequest>;

// lib/inc/drogon/HttpResponse.h
class HttpResponse;
using HttpResponsePtr = std::shared_ptr<HttpResponse>;
class HttpResponse
{
  public:
    static HttpResponsePtr newHttpResponse(HttpStatusCode code, ContentType type);
    static HttpResponsePtr newHttpJsonResponse(const Json::Value &data);
    void setStatusCode(HttpStatusCode code);
    void addHeader(std::string field, const std::string &value);
    void setBody(const std::string &body);
};

namespace orm
{
// orm_lib/inc/drogon/orm/Field.h, Row.h, Result.h
class Field
{
  public:
    template <typename T>
    T as() const;
};
class Row
{
  public:
    Field operator[](const std::string &columnName) const;
};
class Result
{
  public:
    bool empty() const noexcept;
    std::size_t size() const noexcept;
    Row operator[](std::size_t index) const;
    const Row *begin() const noexcept;
    const Row *end() const noexcept;
    unsigned long long insertId() const noexcept;
};
// orm_lib/inc/drogon/orm/DbClient.h
class Transaction;
class DbClient
{
  public:
    template <typename... Arguments>
    Awaiter<Result> execSqlCoro(const std::string &sql, Arguments &&...args) noexcept;
    Awaiter<std::shared_ptr<Transaction>> newTransactionCoro();
};
class Transaction : public DbClient
{
  public:
    virtual void rollback() = 0;
};
using DbClientPtr = std::shared_ptr<DbClient>;
}  // namespace orm

namespace nosql
{
// nosql_lib/redis/inc/drogon/nosql/RedisResult.h, RedisClient.h
class RedisResult
{
  public:
    std::string asString() const noexcept(false);
    bool isNil() const noexcept;
};
class RedisClient
{
  public:
    template <typename... Arguments>
    Awaiter<RedisResult> execCommandCoro(std::string_view command, Arguments... args);
};
using RedisClientPtr = std::shared_ptr<RedisClient>;
}  // namespace nosql

// lib/inc/drogon/HttpAppFramework.h
class HttpAppFramework
{
  public:
    orm::DbClientPtr getDbClient(const std::string &name = "default");
    nosql::RedisClientPtr getRedisClient(const std::string &name = "default");
};
HttpAppFramework &app();

namespace internal
{
// lib/inc/drogon/utils/HttpConstraint.h: a method or a middleware's name.
class HttpConstraint
{
  public:
    HttpConstraint(HttpMethod method);
    HttpConstraint(const char *name);
};
}  // namespace internal

// lib/inc/drogon/HttpController.h: the macros as they are, and registerMethod's signature.
#define METHOD_LIST_BEGIN         \
    static void initPathRouting() \
    {
#define ADD_METHOD_TO(method, path_pattern, ...) \
    registerMethod(&method, path_pattern, {__VA_ARGS__}, false, #method)
#define METHOD_LIST_END \
    return;             \
    }
template <typename T>
class HttpController
{
  protected:
    template <typename FUNCTION>
    static void registerMethod(FUNCTION &&function,
                               const std::string &pattern,
                               const std::vector<internal::HttpConstraint> &filtersAndMethods = {},
                               bool classNameInPath = true,
                               const std::string &handlerName = "");
};
}  // namespace drogon

namespace bsoncxx
{
// src/bsoncxx/include/bsoncxx/v_noabi/bsoncxx/document/view.hpp, value.hpp, view_or_value.hpp
namespace document
{
class view
{
};
class value
{
  public:
    bsoncxx::document::view view() const noexcept;
};
class view_or_value
{
  public:
    view_or_value(bsoncxx::document::view v);
    view_or_value(bsoncxx::document::value v);
};
}  // namespace document
// oid.hpp, types.hpp (b_oid), types/bson_value/view.hpp
class oid
{
  public:
    std::string to_string() const;
};
namespace types
{
struct b_oid
{
    oid value;
};
namespace bson_value
{
class view
{
  public:
    const b_oid &get_oid() const;
};
}  // namespace bson_value
}  // namespace types
// builder/basic/kvp.hpp, builder/basic/document.hpp
namespace builder::basic
{
template <typename K, typename V>
struct key_value
{
};
template <typename K, typename V>
key_value<K, V> kvp(K &&key, V &&value);
template <typename... Args>
document::value make_document(Args &&...args);
}  // namespace builder::basic
}  // namespace bsoncxx

namespace mongocxx
{
// src/mongocxx/include/mongocxx/v_noabi/mongocxx/cursor.hpp, result/insert_one.hpp, collection.hpp,
// database.hpp, client.hpp, pool.hpp
class cursor
{
  public:
    class iterator
    {
      public:
        const bsoncxx::document::view &operator*() const;
        iterator &operator++();
        bool operator!=(const iterator &other) const;
    };
    iterator begin();
    iterator end();
};
namespace result
{
class insert_one
{
  public:
    const bsoncxx::types::bson_value::view &inserted_id() const;
};
}  // namespace result
// options/find.hpp
namespace options
{
class find
{
  public:
    find &sort(bsoncxx::document::view_or_value ordering);
    find &limit(std::int64_t limit);
};
}  // namespace options
class collection
{
  public:
    std::optional<bsoncxx::document::value> find_one(bsoncxx::document::view_or_value filter);
    cursor find(bsoncxx::document::view_or_value filter, const options::find &options = options::find());
    std::optional<result::insert_one> insert_one(bsoncxx::document::view_or_value document);
};
class database
{
  public:
    collection operator[](std::string_view name) const;
};
class client
{
  public:
    database operator[](std::string_view name) const;
};
class pool
{
  public:
    using entry = std::unique_ptr<client, std::function<void(client *)>>;
    entry acquire();
};
}  // namespace mongocxx

// The app's own names, which the handlers share (see src/core/stacks/languages/cpp.ts).
using namespace drogon;
using bsoncxx::builder::basic::kvp;
using bsoncxx::builder::basic::make_document;
Json::Value productJson(const drogon::orm::Row &row);
Json::Value productJson(bsoncxx::document::view doc);
Json::Value reviewJson(const std::string &id, int productId, const Json::Value &in);
std::string toJson(const Json::Value &value);
std::string etag(const std::string &body);
HttpResponsePtr notFound();
bool validReview(const Json::Value &in, Json::Value &errors);
HttpResponsePtr invalid(const Json::Value &errors);
Json::Value userJson(const drogon::orm::Row &row);
Json::Value userJson(bsoncxx::document::view doc);
HttpResponsePtr unauthorized(const std::string &message);

// trusch/libbcrypt, include/bcrypt/BCrypt.hpp (Drogon has no password hashing of its own)
namespace bcrypt
{
bool validatePassword(const std::string &password, const std::string &hash);
}
extern mongocxx::pool mongo;
