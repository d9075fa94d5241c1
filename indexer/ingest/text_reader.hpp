// Reader for plain-text dispatches: one .txt file is one dispatch.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/ingest/dispatch.hpp"

namespace depeches::ingest {

/// What read_text_dispatch made of one file.
struct TextReadResult {
    std::optional<Dispatch> dispatch;    ///< empty when the file was rejected
    std::vector<Diagnostic> diagnostics; ///< warnings (encoding repaired) and the rejection
};

/// Reads the bytes of one .txt file; `relative_path` is its path relative to the source root.
/// - id: the path with `\` turned into `/`, a leading `./` and the `.txt` extension dropped
///   (`2016/12/abc.txt` → `2016/12/abc`); origin: `relative_path` as given; line: 0.
/// - text: decode_text (refused → rejected; converted or repaired → warning); files over
///   k_max_input_bytes are rejected unread. Each line goes through strip_chrome and
///   normalize_space; empty lines go; each remaining line is a paragraph of the body, joined
///   with "\n\n". Leading lines that hold only a date are metadata and go too.
/// - title: the first paragraph when it is at most 150 code points and does not end like a
///   paragraph of running text (`.`, `…`, `:`, `;`, `,`, `-`), and the body is the rest;
///   otherwise title_from_body over the whole body, with title_from_body set.
/// - date: find_date_in_text over the decoded text, else find_date_in_path, else "".
/// Never throws for bad input: every problem is a Diagnostic. `bytes` is only read.
TextReadResult read_text_dispatch(std::string_view bytes, const std::string& relative_path);

} // namespace depeches::ingest
