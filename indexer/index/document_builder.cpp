// Dispatch → Xapian document, following schema.hpp.
#include "indexer/index/document_builder.hpp"

#include <array>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "indexer/analysis/word_spans.hpp"
#include "indexer/index/schema.hpp"

namespace depeches::index {

namespace {

nlohmann::json dispatch_data(const ingest::Dispatch& d) {
    nlohmann::json data = {
        {"id", d.id},
        {"title", d.title},
        {"date", d.date.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.date)},
        {"body", d.body},
        {"title_from_body", d.title_from_body},
        {"origin", d.origin},
    };
    const auto put_if = [&data](const char* key, const std::string& value) {
        if (!value.empty()) {
            data[key] = value;
        }
    };
    put_if("abstract", d.abstract);
    put_if("source", d.source);
    put_if("url", d.url);
    put_if("lang", d.lang);
    put_if("dateline", d.dateline);
    if (d.version > 0) {
        data["version"] = d.version;
    }
    if (!d.keywords.empty()) {
        data["keywords"] = d.keywords;
    }
    return data;
}

} // namespace

std::string content_hash(std::string_view bytes) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    static constexpr std::array<char, 16> k_hex{'0', '1', '2', '3', '4', '5', '6', '7',
                                                '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = k_hex[hash & 0xFU];
        hash >>= 4U;
    }
    return out;
}

std::string body_key(const std::vector<analysis::Token>& tokens) {
    std::string words;
    for (const analysis::Token& token : tokens) {
        if (token.kind != analysis::TokenKind::compound_whole) {
            words.append(token.form).push_back(' ');
        }
    }
    return words.empty() ? std::string() : content_hash(words);
}

Xapian::termpos DocumentBuilder::index_field(Xapian::Document& document, std::string_view text,
                                             Xapian::termpos first_position, Xapian::termcount wdf,
                                             std::string_view prefix, bool lead) {
    m_tokens.clear();
    const Xapian::termpos next = m_analyzer.tokenize(text, m_tokens, first_position);
    for (const analysis::Token& token : m_tokens) {
        const std::string& term = m_analyzer.term(token);
        if (wdf > 0) {
            const bool in_lead = lead && token.position < first_position + k_lead_positions;
            const Xapian::termcount weight = wdf + (in_lead ? k_lead_wdf : 0);
            document.add_posting(term, token.position, weight);
            document.add_term(exact_term(token.form), weight);
            if (token.lower != token.form) {
                document.add_term(exact_term(token.lower), weight);
            }
            if (token.kind != analysis::TokenKind::compound_whole) {
                m_term = truncated_term(token.form);
                if (!m_term.empty()) {
                    document.add_term(m_term, weight);
                }
            }
        }
        if (m_analyzer.accents_matter(token)) {
            document.add_boolean_term(accent_term(token.form, term));
        }
        if (!prefix.empty()) {
            m_term.assign(prefix).append(term);
            document.add_posting(m_term, token.position);
        }
    }
    add_vocabulary(document, text, prefix == k_prefix_title);
    return next;
}

void DocumentBuilder::add_vocabulary(Xapian::Document& document, std::string_view text,
                                     bool headline) {
    const auto add = [&document](std::string_view prefix, const std::string& entry) {
        if (!entry.empty() && entry.size() <= k_max_vocabulary_bytes) {
            document.add_boolean_term(std::string(prefix).append(entry));
        }
    };
    std::string compound; // the parts of the compound being read, joined by hyphens
    for (const analysis::Token& token : m_tokens) {
        if (token.kind != analysis::TokenKind::compound_whole &&
            analysis::written_as_name(text, token)) {
            add(k_prefix_name, token.form);
        }
        if (token.kind == analysis::TokenKind::compound_part) {
            if (token.part == 0) {
                compound.clear();
            } else {
                compound += '-';
            }
            compound += token.lower;
        } else if (token.kind == analysis::TokenKind::compound_whole) {
            // Completions offer "cessez-le-feu" and "Seine-Saint-Denis" whole (see Lexicon).
            // Single words need no term of their own: the lexicon reads them from the exact
            // forms, which every word has.
            add(k_prefix_word, compound);
        }
    }
    if (headline) {
        for (const std::string& phrase : analysis::headline_phrases(text, m_tokens)) {
            add(k_prefix_phrase, phrase);
        }
    }
    for (const auto& [acronym, full_name] : analysis::find_acronyms(text, m_tokens)) {
        add(k_prefix_acronym, acronym + ' ' + full_name);
    }
}

StoredForm stored_form(const ingest::Dispatch& dispatch, const std::string& origin_path) {
    StoredForm stored;
    stored.data =
        dispatch_data(dispatch).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    stored.content_hash = content_hash(stored.data + '\n' + origin_path);
    return stored;
}

BuiltDocument DocumentBuilder::build(const ingest::Dispatch& dispatch,
                                     const std::string& origin_path, StoredForm&& stored) {
    BuiltDocument built;
    Xapian::Document& doc = built.document;
    Xapian::termpos position = 1;
    if (!dispatch.title_from_body) {
        position = index_field(doc, dispatch.title, position, 1 + k_title_wdf, k_prefix_title);
    } else {
        // The title repeats the body's first words: searchable as a title, counted once.
        index_field(doc, dispatch.title, position, 0, k_prefix_title);
    }
    position += k_field_gap;
    if (!dispatch.abstract.empty()) {
        position = index_field(doc, dispatch.abstract, position, 1 + k_abstract_wdf, {});
        position += k_field_gap;
    }
    if (!dispatch.dateline.empty()) {
        position = index_field(doc, dispatch.dateline, position, 1, {});
        position += k_field_gap;
    }
    const Xapian::termpos body_start = position;
    index_field(doc, dispatch.body, body_start, 1, {}, true);
    if (const std::string key = body_key(m_tokens); !key.empty()) {
        doc.add_value(k_slot_copies, key); // m_tokens: the body's
    }

    built.id = dispatch.id;
    built.id_term = id_term(dispatch.id);
    built.version = dispatch.version;
    doc.add_boolean_term(built.id_term);
    if (!origin_path.empty()) {
        doc.add_boolean_term(origin_term(origin_path));
    }
    const std::string date = date_value(dispatch.date);
    doc.add_value(k_slot_date, date);
    doc.add_value(k_slot_id, dispatch.id);
    doc.add_value(k_slot_hit, pack_hit(date, dispatch.id, dispatch.title));
    doc.add_value(k_slot_origin, origin_path);
    if (dispatch.version > 0) {
        doc.add_value(k_slot_version, std::to_string(dispatch.version));
    }
    built.content_hash = std::move(stored.content_hash);
    doc.add_value(k_slot_hash, built.content_hash);
    doc.add_value(k_slot_words, pack_words(doc, body_start));
    doc.set_data(std::move(stored.data));
    return built;
}

} // namespace depeches::index
