// Test helpers over fork/exec, poll and waitpid.
#include "tests/e2e/process.hpp"

#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <random>
#include <signal.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace depeches::testing {

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

int decode_status(int raw) {
    if (WIFEXITED(raw)) {
        return WEXITSTATUS(raw);
    }
    return WIFSIGNALED(raw) ? 128 + WTERMSIG(raw) : -1;
}

/// Forks and execs `argv` with the given standard streams (-1: inherit).
pid_t spawn(const std::vector<std::string>& argv, int in_fd, int out_fd, int err_fd) {
    std::vector<char*> args;
    for (const std::string& a : argv) {
        args.push_back(const_cast<char*>(a.c_str()));
    }
    args.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) {
        throw std::runtime_error("fork failed");
    }
    if (pid == 0) {
        if (in_fd >= 0) {
            ::dup2(in_fd, STDIN_FILENO);
        }
        if (out_fd >= 0) {
            ::dup2(out_fd, STDOUT_FILENO);
        }
        if (err_fd >= 0) {
            ::dup2(err_fd, STDERR_FILENO);
        }
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    return pid;
}

} // namespace

TempDir::TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base != nullptr ? base : "/tmp") + "/depeches-test-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("mkdtemp failed");
    }
    m_path = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
}

RunResult run_process(const std::vector<std::string>& argv, const std::string& input) {
    TempDir dir;
    const fs::path in_path = dir.path() / "stdin";
    const fs::path out_path = dir.path() / "stdout";
    const fs::path err_path = dir.path() / "stderr";
    std::ofstream(in_path, std::ios::binary) << input;
    const int in_fd = ::open(in_path.c_str(), O_RDONLY | O_CLOEXEC);
    const int out_fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    const int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    const pid_t pid = spawn(argv, in_fd, out_fd, err_fd);
    ::close(in_fd);
    ::close(out_fd);
    ::close(err_fd);
    int raw = 0;
    ::waitpid(pid, &raw, 0);
    return {decode_status(raw), read_file(out_path), read_file(err_path)};
}

Process::Process(const std::vector<std::string>& argv, bool stdin_pipe) {
    int out_fds[2];
    int in_fds[2] = {-1, -1};
    if (::pipe2(out_fds, O_CLOEXEC) != 0 || (stdin_pipe && ::pipe2(in_fds, O_CLOEXEC) != 0)) {
        throw std::runtime_error("pipe failed");
    }
    const int in_fd = stdin_pipe ? in_fds[0] : ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    const fs::path err_path = m_dir.path() / "stderr";
    const int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    m_pid = spawn(argv, in_fd, out_fds[1], err_fd);
    ::close(out_fds[1]);
    ::close(in_fd);
    ::close(err_fd);
    m_stdout = out_fds[0];
    m_stdin = in_fds[1];
}

void Process::write_input(const std::string& data) {
    // A process that stopped reading must fail the test, not kill it with SIGPIPE.
    static const bool k_ignore_sigpipe = (std::signal(SIGPIPE, SIG_IGN), true);
    (void)k_ignore_sigpipe;
    for (std::size_t done = 0; done < data.size() && m_stdin >= 0;) {
        const ssize_t n = ::write(m_stdin, data.data() + done, data.size() - done);
        if (n <= 0) {
            break;
        }
        done += static_cast<std::size_t>(n);
    }
}

void Process::close_input() {
    if (m_stdin >= 0) {
        ::close(m_stdin);
        m_stdin = -1;
    }
}

Process::~Process() {
    if (!m_status && m_pid > 0) {
        ::kill(m_pid, SIGKILL);
        int raw = 0;
        ::waitpid(m_pid, &raw, 0);
    }
    if (m_stdout >= 0) {
        ::close(m_stdout);
    }
    close_input();
}

std::optional<std::string> Process::read_line(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        const auto newline = m_buffer.find('\n');
        if (newline != std::string::npos) {
            std::string line = m_buffer.substr(0, newline);
            m_buffer.erase(0, newline + 1);
            return line;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            return std::nullopt;
        }
        pollfd pfd{m_stdout, POLLIN, 0};
        if (::poll(&pfd, 1, static_cast<int>(left.count())) <= 0) {
            return std::nullopt;
        }
        char chunk[4096];
        const ssize_t n = ::read(m_stdout, chunk, sizeof chunk);
        if (n <= 0) {
            return std::nullopt;
        }
        m_buffer.append(chunk, static_cast<std::size_t>(n));
    }
}

void Process::send_signal(int signal) const {
    ::kill(m_pid, signal);
}

std::optional<int> Process::wait(std::chrono::milliseconds timeout) {
    if (m_status) {
        return m_status;
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        int raw = 0;
        const pid_t done = ::waitpid(m_pid, &raw, WNOHANG);
        if (done == m_pid) {
            m_status = decode_status(raw);
            return m_status;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return std::nullopt;
}

std::string Process::error_output() const {
    return read_file(m_dir.path() / "stderr");
}

RunResult index_into(const fs::path& db, const std::vector<std::string>& sources,
                     const std::vector<std::string>& flags, const std::string& input) {
    std::vector<std::string> argv{binary("depeches-indexer"), "--db", db.string(), "--json"};
    argv.insert(argv.end(), flags.begin(), flags.end());
    argv.insert(argv.end(), sources.begin(), sources.end());
    return run_process(argv, input);
}

void write_file(const fs::path& path, const std::string& content) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

std::string binary(const std::string& name) {
    return std::string(DEPECHES_BIN_DIR) + "/" + name;
}

fs::path source_path(const std::string& relative) {
    return fs::path(DEPECHES_SOURCE_DIR) / relative;
}

} // namespace depeches::testing
