// Turns a Dispatch into the Xapian document the schema describes: analysed terms with
// positions, boolean terms, values and the JSON document data.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

#include "indexer/analysis/analyzer.hpp"
#include "indexer/ingest/dispatch.hpp"

namespace depeches::index {

/// What a dispatch is stored as, and its fingerprint. Computed before any analysis, so that
/// an unchanged dispatch costs no more than this.
struct StoredForm {
    std::string data;         ///< the JSON document data (see schema.hpp)
    std::string content_hash; ///< 16 hex digits over the data and the origin path
};

/// A document ready to be written, with what the writer needs to file it.
struct BuiltDocument {
    Xapian::Document document;
    std::string id;            ///< the dispatch id
    std::string id_term;       ///< the unique id term (replace_document key)
    std::string content_hash;  ///< as in StoredForm
    std::uint64_t version = 0; ///< the dispatch's version (0: unversioned)
};

/// The stored form of `dispatch`, read from `origin_path` (absolute; empty for standard input).
StoredForm stored_form(const ingest::Dispatch& dispatch, const std::string& origin_path);

/// Builds documents. Not thread-safe (it owns an Analyzer's caches): one per thread; the
/// documents it returns are independent of it and may be handed to another thread.
class DocumentBuilder {
public:
    /// Builds the document of `dispatch`, whose `origin_path` is the absolute source path
    /// (empty for standard input) and whose stored form is `stored`.
    BuiltDocument build(const ingest::Dispatch& dispatch, const std::string& origin_path,
                        StoredForm&& stored);

private:
    /// Adds the analysed terms of one field from `first_position`, unprefixed with `wdf` (none
    /// when 0; raised by k_lead_wdf in the field's first k_lead_positions words when `lead`) and
    /// under `prefix` (none when empty); returns the next free position.
    Xapian::termpos index_field(Xapian::Document& document, std::string_view text,
                                Xapian::termpos first_position, Xapian::termcount wdf,
                                std::string_view prefix, bool lead = false);
    /// Adds the vocabulary terms of the field just tokenized (words, acronyms, and phrases
    /// when it is a `headline`): see schema.hpp.
    void add_vocabulary(Xapian::Document& document, std::string_view text, bool headline);

    analysis::Analyzer m_analyzer;
    std::vector<analysis::Token> m_tokens; ///< scratch, reused
    std::string m_term;                    ///< scratch, reused
};

/// 64-bit FNV-1a of `bytes`, as 16 lower-case hex digits. Stable across runs and machines.
std::string content_hash(std::string_view bytes);

/// What makes two texts copies of each other: the folded forms of `tokens` (a compound's
/// parts, not its joined form) hashed with content_hash, so that case, accents, spacing and
/// punctuation do not tell copies apart; empty when there is no word.
std::string body_key(const std::vector<analysis::Token>& tokens);

} // namespace depeches::index
