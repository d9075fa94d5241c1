// Test helpers: temporary directories, files, and the project's binaries run as real processes.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace depeches::testing {

/// A fresh directory under $TMPDIR, removed with everything in it on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

/// Outcome of a finished process.
struct RunResult {
    int status = -1; ///< exit status, or 128 + signal number
    std::string out; ///< standard output
    std::string err; ///< standard error
};

/// Runs `argv` to completion with `input` on standard input.
RunResult run_process(const std::vector<std::string>& argv, const std::string& input = {});

/// A running process whose standard output is a pipe (read line by line) and whose standard
/// error goes to a file; standard input is /dev/null, or a pipe when `stdin_pipe`. Killed on
/// destruction if still running.
class Process {
public:
    explicit Process(const std::vector<std::string>& argv, bool stdin_pipe = false);
    ~Process();
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;

    /// The next line of standard output, without its newline; nothing on timeout or EOF.
    std::optional<std::string> read_line(std::chrono::milliseconds timeout);
    /// Writes to standard input (only with `stdin_pipe`).
    void write_input(const std::string& data);
    /// Closes standard input: the process reads end of file.
    void close_input();
    /// Sends `signal`.
    void send_signal(int signal) const;
    /// Waits for the exit; the status (as RunResult::status), or nothing on timeout.
    std::optional<int> wait(std::chrono::milliseconds timeout);
    /// Everything written to standard error so far.
    [[nodiscard]] std::string error_output() const;
    [[nodiscard]] pid_t pid() const { return m_pid; }

private:
    pid_t m_pid = -1;
    int m_stdout = -1;
    int m_stdin = -1;
    std::string m_buffer;
    TempDir m_dir;
    std::optional<int> m_status;
};

/// Runs depeches-indexer --db `db` --json with `flags` on `sources`, `input` on standard input.
RunResult index_into(const std::filesystem::path& db, const std::vector<std::string>& sources,
                     const std::vector<std::string>& flags = {}, const std::string& input = {});

/// Writes `content` to `path`, creating its directories.
void write_file(const std::filesystem::path& path, const std::string& content);

/// Path of a built binary (DEPECHES_BIN_DIR/name).
std::string binary(const std::string& name);
/// Path inside the source tree (DEPECHES_SOURCE_DIR/relative).
std::filesystem::path source_path(const std::string& relative);

} // namespace depeches::testing
