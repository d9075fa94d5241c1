// A bounded queue between threads of the indexer (reader → writer → shard builders).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace depeches::index {

/// Bounded multi-producer, multi-consumer FIFO. close() wakes everyone: pushes then fail and
/// pops drain what is left, then return nothing.
template <typename T> class WorkQueue {
public:
    explicit WorkQueue(std::size_t capacity) : m_capacity(capacity) {}

    /// Waits for room; false when the queue was closed (the item is dropped).
    bool push(T&& item) {
        std::unique_lock lock(m_mutex);
        m_not_full.wait(lock, [&] { return m_closed || m_items.size() < m_capacity; });
        if (m_closed) {
            return false;
        }
        m_items.push_back(std::move(item));
        m_not_empty.notify_one();
        return true;
    }

    /// Waits for an item; nothing once the queue is closed and empty.
    std::optional<T> pop() {
        std::unique_lock lock(m_mutex);
        m_not_empty.wait(lock, [&] { return m_closed || !m_items.empty(); });
        if (m_items.empty()) {
            return std::nullopt;
        }
        T item = std::move(m_items.front());
        m_items.pop_front();
        m_not_full.notify_one();
        return item;
    }

    /// No more pushes; pending items can still be popped.
    void close() {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_not_empty.notify_all();
        m_not_full.notify_all();
    }

private:
    std::size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_not_full;
    std::condition_variable m_not_empty;
    std::deque<T> m_items;
    bool m_closed = false;
};

} // namespace depeches::index
