// HTTP routes of depeches-searchd. Every handler goes through respond(), which turns service
// errors into the JSON error body and status of errors.cpp, so nothing a client sends can
// escape as an exception.
#include "searchd/http/server.hpp"

#include <iostream>
#include <stdexcept>

#include <httplib.h>

#include "indexer/analysis/utf8.hpp"
#include "searchd/http/errors.hpp"
#include "searchd/http/json_mapping.hpp"
#include "searchd/http/request_params.hpp"
#include "searchd/service/search_service.hpp"

namespace depeches::http {

namespace {

constexpr const char* k_json = "application/json; charset=utf-8";
/// Requests carry no body: anything larger is refused before it is read.
constexpr std::size_t k_max_payload = 64 * 1024;

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    res.set_content(to_wire(body), k_json);
}

void send_error(httplib::Response& res, search::ErrorCode code, const std::string& message) {
    send_json(res, status_of(code), error_body(code, message));
}

/// Runs `handler`, mapping every failure to a JSON error.
template <typename Handler> void respond(httplib::Response& res, Handler&& handler) {
    try {
        handler();
    } catch (const search::SearchError& e) {
        send_error(res, e.code(), e.what());
    } catch (const Xapian::Error& e) {
        send_error(res, search::ErrorCode::unavailable, "index error: " + e.get_description());
    } catch (const std::exception& e) {
        std::cerr << "depeches-searchd: internal error: " << e.what() << "\n";
        send_error(res, search::ErrorCode::internal, "internal error");
    }
}

bool is_api(const std::string& path) {
    return path.rfind("/api/", 0) == 0;
}

} // namespace

Server::Server(search::SearchService& service, ServerOptions options)
    : m_service(service), m_options(std::move(options)),
      m_http(std::make_unique<httplib::Server>()) {
    const std::size_t threads = m_options.threads;
    m_http->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    m_http->set_tcp_nodelay(true); // answers are small: never wait for a delayed ACK
    m_http->set_keep_alive_max_count(100000);
    m_http->set_keep_alive_timeout(10);
    m_http->set_payload_max_length(k_max_payload);
    install_routes();
}

Server::~Server() = default;

void Server::install_routes() {
    httplib::Server& http = *m_http;

    http.Get("/api/v1/search", [this](const httplib::Request& req, httplib::Response& res) {
        respond(res, [&] {
            const search::SearchRequest request = parse_search_params(req.params);
            send_json(res, 200, search_json(request, m_service.search(request)));
        });
    });

    http.Get("/api/v1/suggest", [this](const httplib::Request& req, httplib::Response& res) {
        respond(res, [&] {
            const SuggestParams params = parse_suggest_params(req.params);
            send_json(res, 200,
                      suggest_json(params.typed, m_service.suggest(params.typed, params.limit)));
        });
    });

    http.Get(R"(/api/v1/dispatches/(.+))",
             [this](const httplib::Request& req, httplib::Response& res) {
                 respond(res, [&] {
                     const std::string q = req.has_param("q") ? req.get_param_value("q") : "";
                     send_json(res, 200, dispatch_json(m_service.dispatch(req.matches[1], q)));
                 });
             });

    http.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
        respond(res, [&] {
            send_json(res, 200, {{"status", "ok"}, {"documents", m_service.document_count()}});
        });
    });

    const auto not_allowed = [](const httplib::Request&, httplib::Response& res) {
        res.set_header("Allow", "GET, HEAD");
        send_json(
            res, 405,
            {{"error", {{"code", "method_not_allowed"}, {"message", "only GET is allowed"}}}});
    };
    for (const char* pattern : {R"(/api/.*)", "/healthz"}) {
        http.Post(pattern, not_allowed);
        http.Put(pattern, not_allowed);
        http.Delete(pattern, not_allowed);
        http.Patch(pattern, not_allowed);
    }

    for (const auto& [extension, type] :
         {std::pair{"html", "text/html; charset=utf-8"},
          std::pair{"js", "text/javascript; charset=utf-8"},
          std::pair{"mjs", "text/javascript; charset=utf-8"},
          std::pair{"css", "text/css; charset=utf-8"},
          std::pair{"json", "application/json; charset=utf-8"},
          std::pair{"txt", "text/plain; charset=utf-8"}, std::pair{"svg", "image/svg+xml"}}) {
        http.set_file_extension_and_mimetype_mapping(extension, type);
    }
    if (!m_options.web_dir.empty()) {
        if (!http.set_mount_point("/", m_options.web_dir.string())) {
            throw std::runtime_error("cannot serve static files from " +
                                     m_options.web_dir.string() + ": not a directory");
        }
    }

    // Answers with no body yet (no route, no file): JSON under /api/, plain text elsewhere.
    http.set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request& req, httplib::Response& res) {
            if (!res.body.empty()) {
                return httplib::Server::HandlerResponse::Unhandled;
            }
            if (is_api(req.path)) {
                const auto code = res.status == 404 ? search::ErrorCode::not_found
                                                    : search::ErrorCode::bad_request;
                const int status = res.status;
                send_error(res, code,
                           res.status == 404 ? "no such endpoint: " + req.path : "request refused");
                res.status = status;
            } else {
                res.set_content(std::to_string(res.status) + " " +
                                    (res.status == 404 ? "Not Found" : "Error") + "\n",
                                "text/plain; charset=utf-8");
            }
            return httplib::Server::HandlerResponse::Handled;
        }));

    http.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
            send_error(res, search::ErrorCode::internal, "internal error");
        });

    http.set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_header("Referrer-Policy", "no-referrer");
        if (is_api(req.path) || req.path == "/healthz") {
            res.set_header("Cache-Control", "no-store");
        } else {
            res.set_header("Cache-Control", "no-cache");
            res.set_header("Content-Security-Policy",
                           "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                           "base-uri 'none'; frame-ancestors 'none'");
        }
    });
}

int Server::bind() {
    int port = m_options.port;
    if (port == 0) {
        port = m_http->bind_to_any_port(m_options.host);
    } else if (!m_http->bind_to_port(m_options.host, port)) {
        port = -1;
    }
    if (port <= 0) {
        throw std::runtime_error("cannot listen on " + m_options.host + ":" +
                                 std::to_string(m_options.port));
    }
    return port;
}

bool Server::serve() {
    return m_http->listen_after_bind();
}

void Server::stop() {
    m_http->stop();
}

bool Server::is_running() const {
    return m_http->is_running();
}

} // namespace depeches::http
