// The index schema, the one place that names term prefixes, value slots, metadata keys and the
// document data format. Every other file uses these names, never the literals.
//
// On-disk layout of an index directory DIR (see index_store.hpp for how it changes):
//   DIR/XAPIANDB     Xapian stub file, one line "auto gen-NNNNNN": the live generation
//   DIR/gen-NNNNNN/  a glass database; a full rebuild writes a new one and switches the stub
//   DIR/gen-NNNNNN.build/  scratch shards of a rebuild in progress (compacted into gen-NNNNNN)
//   DIR/writer.lock  held (flock) by the one indexer writing to DIR
//
// Each dispatch is one Xapian document:
//   terms   unprefixed    analysed words of title, abstract, dateline and body, with positions:
//                         title from position 1 (wdf raised by k_title_wdf), abstract after a
//                         gap of k_field_gap (wdf raised by k_abstract_wdf), then dateline and
//                         body, each after another gap (the body's lead raised by k_lead_wdf)
//           E<form>       the same words unstemmed: the folded form ("Edeces"), and the lower-case
//                         form when it has accents ("Edécès"); without positions, same wdf
//           T<prefix>     the same words (a compound's parts, not its joined form) but numbers
//                         and stop words, truncated to their first k_truncated_chars folded
//                         characters ("Tmanif"); without positions, same wdf
//           S<term>       title words, with the same positions (for titre: searches)
//           Q<id>         the dispatch id, unique (boolean)
//           V<form> <term> a word whose accents its term depends on ("décès": Vdeces deces), so
//                         that a query typed without accents finds it (boolean; see
//                         Analyzer::accents_matter)
//           W<compound>   every compound as written, lower case with its accents, its parts
//                         joined by "-" ("cessez-le-feu"): with the words of the E terms, the
//                         vocabulary for spelling suggestions, typo tolerance and completions
//                         (boolean; its term frequency counts dispatches; see vocab::Lexicon)
//           N<form>       a word written as a name somewhere in the dispatch, with a capital
//                         where no sentence begins ("Nmaintenon" for "Madame de Maintenon";
//                         see analysis::written_as_name), folded: with the E terms, how often
//                         the dispatches write a word as a name (boolean; see vocab::Lexicon)
//           H<phrase>     a headline phrase of 2 to 3 words ("état islamique"), for
//                         completions (boolean; see analysis::headline_phrases)
//           A<acronym> <full name>  an acronym the text defines ("Aosdh observatoire syrien des
//                         droits de l'homme"), for synonyms (boolean; see find_acronyms)
//           O<origin>     the source file it came from, as an absolute path (boolean; cut to
//                         fit Xapian's term length, the exact path is in k_slot_origin)
//   values  k_slot_date   "YYYYMMDD", or empty when unknown (sorting, date ranges)
//           k_slot_id     the id
//           k_slot_hit    what a hit shows, packed: date value, id and title joined by
//                         k_hit_separator (one value read per hit; see pack_hit)
//           k_slot_hash   64-bit content hash as 16 hex digits (incremental reindexing)
//           k_slot_origin the source file, absolute (empty for standard input)
//           k_slot_version the dispatch's version in decimal (NewsML-G2), absent if unversioned
//           k_slot_copies  the body's words, hashed (see body_key): dispatches with the same
//                         one are copies of one text, collapsed when the reader asks; absent
//                         when the body has no words
//           k_slot_words  the dispatch's words, its unprefixed terms with their wdf and where
//                         each first comes, in term order (see pack_words): what word
//                         associations and the opening's score read of a dispatch, a tenth of
//                         the time its term list takes (605 terms, 180 of them words)
//   data    JSON object: id, title, date (string or null), body, title_from_body, origin,
//           and abstract, source, url, lang, keywords, dateline, version when present
//   metadata k_meta_analysis_version, k_meta_schema_version
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace depeches::index {

/// Prefix of the unique id term (Xapian's convention for unique ids).
inline constexpr std::string_view k_prefix_id = "Q";
/// Prefix of title terms (Xapian's convention for subjects/titles).
inline constexpr std::string_view k_prefix_title = "S";
/// Prefix of accent terms: "V" + folded form + " " + the term of its accented spelling.
inline constexpr std::string_view k_prefix_accents = "V";
/// Prefix of compound terms: "W" + a compound as written, lower case, parts joined by "-".
inline constexpr std::string_view k_prefix_word = "W";
/// Prefix of name terms: "N" + the folded form of a word written as a name.
inline constexpr std::string_view k_prefix_name = "N";
/// Prefix of headline phrase terms: "H" + a phrase, lower case.
inline constexpr std::string_view k_prefix_phrase = "H";
/// Prefix of acronym terms: "A" + acronym + " " + full name, lower case.
inline constexpr std::string_view k_prefix_acronym = "A";
/// Longest word or phrase kept in the vocabulary, in bytes.
inline constexpr std::size_t k_max_vocabulary_bytes = 120;
/// Prefix of the source-file term.
inline constexpr std::string_view k_prefix_origin = "O";
/// Prefix of exact-form terms: "E" + a word's folded or lower-case form, unstemmed.
inline constexpr std::string_view k_prefix_exact = "E";
/// Prefix of truncated-form terms: "T" + the first k_truncated_chars characters of a word's
/// folded form.
inline constexpr std::string_view k_prefix_truncated = "T";
/// Characters a truncated form keeps: five, the truncation French IR found about as good as a
/// stemmer (Savoy; McNamee & Mayfield): "manifestation", "manifestants", "manifester" all give
/// "manif". On our evaluation sets 4 and 5 letters did about as well (6: less, on headlines).
inline constexpr std::size_t k_truncated_chars = 5;

/// Value slots.
inline constexpr Xapian::valueno k_slot_date = 0;
inline constexpr Xapian::valueno k_slot_id = 1;
inline constexpr Xapian::valueno k_slot_hit = 2;
inline constexpr Xapian::valueno k_slot_hash = 3;
inline constexpr Xapian::valueno k_slot_origin = 4;
inline constexpr Xapian::valueno k_slot_version = 5;
inline constexpr Xapian::valueno k_slot_copies = 6;
inline constexpr Xapian::valueno k_slot_words = 7;

/// Extra within-document frequency given to a title word in the unprefixed term space.
inline constexpr Xapian::termcount k_title_wdf = 4;
/// Extra within-document frequency given to an abstract word in the unprefixed term space.
inline constexpr Xapian::termcount k_abstract_wdf = 2;
/// The lead of a dispatch, its first k_lead_positions body words, says what it is about (news
/// writing puts the essentials first): their unprefixed wdf is raised by k_lead_wdf.
inline constexpr Xapian::termpos k_lead_positions = 40;
inline constexpr Xapian::termcount k_lead_wdf = 1;
/// Positions left empty between fields, so that no phrase spans two fields.
inline constexpr Xapian::termpos k_field_gap = 100;

/// The k_slot_words value of `document`, whose body begins at position `body_start`: for each
/// unprefixed term, in term order, its length, its bytes, its wdf and its first position
/// counted from `body_start` (0 for a word of the title, abstract or dateline, which come
/// before), the numbers as variable-length integers (7 bits a byte, low first).
std::string pack_words(const Xapian::Document& document, Xapian::termpos body_start);

/// A word of a k_slot_words value.
struct PackedWord {
    std::string_view term;
    Xapian::termcount wdf = 0;
    /// How many positions into the body the word first comes (0 before it or at its start).
    std::uint32_t first = 0;
};

/// Calls `visit(PackedWord)` for each word of a k_slot_words value, in term order; stops at
/// the first malformed byte (a value this build did not write).
template <typename Visit> void unpack_words(std::string_view value, Visit visit);

/// Metadata key holding the analysis version the index was built with.
inline constexpr std::string_view k_meta_analysis_version = "depeches.analysis_version";
/// Metadata key holding the schema version (this file's layout).
inline constexpr std::string_view k_meta_schema_version = "depeches.schema_version";
/// Current schema version; change it with any change to this file's layout.
inline constexpr std::string_view k_schema_version = "12";

/// Name of the stub file inside an index directory.
inline constexpr std::string_view k_stub_file = "XAPIANDB";
/// Name of the writer lock file inside an index directory.
inline constexpr std::string_view k_lock_file = "writer.lock";
/// Prefix of generation directory names.
inline constexpr std::string_view k_generation_prefix = "gen-";
/// Suffix of the scratch directory where a generation is built in parallel shards.
inline constexpr std::string_view k_work_suffix = ".build";

/// The id term of a dispatch id.
inline std::string id_term(std::string_view id) {
    return std::string(k_prefix_id).append(id);
}

/// The exact-form term of a word's folded or lower-case form.
inline std::string exact_term(std::string_view form) {
    return std::string(k_prefix_exact).append(form);
}

/// The truncated-form term of a word's folded form, its first k_truncated_chars characters;
/// empty for a number or a stop word, which have none.
std::string truncated_term(std::string_view form);

/// The accent term recording that `form`, written with accents, has the term `term`.
inline std::string accent_term(std::string_view form, std::string_view term) {
    return std::string(k_prefix_accents).append(form).append(1, ' ').append(term);
}

/// The prefix under which the accent terms of `form` are listed.
inline std::string accent_prefix(std::string_view form) {
    return std::string(k_prefix_accents).append(form).append(1, ' ');
}

/// The origin term of a source file path (cut to Xapian's term length limit).
std::string origin_term(std::string_view origin);

/// Separates the fields of the k_slot_hit value (a control character never in ids or titles).
inline constexpr char k_hit_separator = '\x1F';

/// What a hit shows, as read back from k_slot_hit.
struct HitFields {
    std::string date; ///< "YYYY-MM-DD" or empty
    std::string id;
    std::string title;
};

/// The k_slot_hit value of a dispatch (`date_value` as made by date_value()).
std::string pack_hit(std::string_view date_value, std::string_view id, std::string_view title);

/// Reads a k_slot_hit value back; missing fields come back empty.
HitFields unpack_hit(std::string_view value);

/// "2016-12-08" → "20161208" (the date value); "" stays "".
std::string date_value(std::string_view iso_date);

/// "20161208" → "2016-12-08"; "" stays "".
std::string iso_date(std::string_view date_value);

/// "20161208" → 20161208, which orders as the date values do; nothing for an empty value or
/// any other than eight digits.
std::optional<std::uint32_t> date_number(std::string_view date_value);

namespace detail {
/// Reads a variable-length integer of a k_slot_words value at `at`, moving `at` past it;
/// nothing when the value ends first or the number takes more than 32 bits.
inline std::optional<std::uint32_t> read_varint(std::string_view value, std::size_t& at) {
    std::uint32_t number = 0;
    for (int shift = 0; shift < 32 && at < value.size(); shift += 7) {
        const auto byte = static_cast<unsigned char>(value[at++]);
        number |= static_cast<std::uint32_t>(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0) {
            return number;
        }
    }
    return std::nullopt;
}
} // namespace detail

template <typename Visit> void unpack_words(std::string_view value, Visit visit) {
    std::size_t at = 0;
    while (at < value.size()) {
        const std::optional<std::uint32_t> length = detail::read_varint(value, at);
        if (!length || *length > value.size() - at) {
            return;
        }
        const std::string_view term = value.substr(at, *length);
        at += *length;
        const std::optional<std::uint32_t> wdf = detail::read_varint(value, at);
        const std::optional<std::uint32_t> first =
            wdf ? detail::read_varint(value, at) : std::nullopt;
        if (!first) {
            return;
        }
        visit(PackedWord{term, *wdf, *first});
    }
}

} // namespace depeches::index
