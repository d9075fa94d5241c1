// The HTTP front of the search service: API v1 routes, static files from web/, errors as JSON.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

namespace httplib {
class Server;
}

namespace depeches::search {
class SearchService;
}

namespace depeches::http {

/// Where and how to serve.
struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 8080;               ///< 0 picks a free port
    std::filesystem::path web_dir; ///< static files; empty serves the API only
    std::size_t threads = 16;      ///< worker threads (each holds its own index handle)
};

/// An HTTP server over a SearchService (which must outlive it).
class Server {
public:
    Server(search::SearchService& service, ServerOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Binds the listening socket; returns the port. Throws std::runtime_error.
    int bind();
    /// Serves until stop(); returns false if the server could not run.
    bool serve();
    /// Stops serving; callable from any thread. A stop before serve() has started accepting
    /// is lost (httplib restarts its running flag): wait for is_running() first.
    void stop();
    /// True once serve() is accepting connections, until it stops.
    [[nodiscard]] bool is_running() const;

private:
    void install_routes();

    search::SearchService& m_service;
    ServerOptions m_options;
    std::unique_ptr<httplib::Server> m_http;
};

} // namespace depeches::http
