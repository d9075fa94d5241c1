// Reading the associations file again when it changes (see associations_watch.hpp).
#include "searchd/service/associations_watch.hpp"

#include <fstream>
#include <iostream>
#include <sys/stat.h>
#include <utility>

namespace depeches::search {

std::shared_ptr<const associations::Table> read_associations(const std::filesystem::path& file) {
    using associations::Table;
    using associations::TableError;
    const std::string shown = file.string();
    // A regular file only: a directory reads as nothing, and a named pipe would block.
    std::error_code error;
    std::ifstream in;
    if (std::filesystem::is_regular_file(file, error)) {
        in.open(file, std::ios::binary);
    }
    if (!in.is_open() || !in) {
        throw TableError("cannot read the associations file " + shown);
    }
    try {
        return std::make_shared<const Table>(Table::read(in));
    } catch (const TableError& e) {
        throw TableError(shown + ": " + e.what());
    }
}

AssociationsWatch::AssociationsWatch(std::filesystem::path file, SearchService& service,
                                     std::chrono::milliseconds interval)
    : m_file(std::move(file)), m_service(service), m_interval(interval) {
    // The stamp first: a file replaced while it is read is then read again.
    m_seen = stamp_of(m_file);
    m_service.set_associations(read_associations(m_file));
    m_thread = std::thread([this] { watch(); });
}

AssociationsWatch::~AssociationsWatch() {
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

std::optional<AssociationsWatch::Stamp>
AssociationsWatch::stamp_of(const std::filesystem::path& file) {
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0) {
        return std::nullopt;
    }
    return Stamp{
        static_cast<std::uintmax_t>(info.st_ino), static_cast<std::uintmax_t>(info.st_size),
        static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec};
}

void AssociationsWatch::watch() {
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, m_interval, [this] { return m_stop; })) {
        const std::optional<Stamp> now = stamp_of(m_file);
        if (now == m_seen) {
            continue;
        }
        m_seen = now;
        lock.unlock();
        try {
            m_service.set_associations(read_associations(m_file));
            std::cerr << "depeches-searchd: read the associations of " << m_file.string()
                      << " again" << std::endl;
        } catch (const std::exception& e) {
            std::cerr << "depeches-searchd: " << e.what()
                      << "; still ranking with the associations read before" << std::endl;
        }
        lock.lock();
    }
}

} // namespace depeches::search
