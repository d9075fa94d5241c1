// A small archive for learning word associations, shared by the unit and integration tests:
// six dispatches whose headline says "meurt" and whose body says "décédé", with words of
// their own around it, and six on other matters ("reprend", "service"), so that no word goes
// with everything. And how the tests read a table's translations.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "indexer/associations/learner.hpp"

namespace depeches::test {

/// Adds the twelve dispatches to `learner` (twelve pairs: one headline each; an empty abstract
/// makes no pair).
inline void add_death_headlines(associations::Learner& learner) {
    const char* places[] = {"Lyon", "Brest", "Nice", "Metz", "Pau", "Sète"};
    const char* others[] = {"vélo", "bateau", "train", "avion", "tram", "bus"};
    for (int i = 0; i < 6; ++i) {
        const std::string place = places[i];
        const std::string other = others[i];
        learner.add("Un homme est décédé à " + place + " samedi, renversé par un " + other + ".",
                    {"Un homme meurt à " + place, ""});
        learner.add("Le " + other + " de " + place +
                        " reprend du service lundi, annonce la mairie.",
                    {"Le " + other + " reprend à " + place});
    }
}

/// Options for so small an archive: "décédé" is in half the pairs, "meurt" in half the
/// headlines.
inline associations::LearnOptions small_archive_options() {
    associations::LearnOptions options;
    options.max_body_share = 0.6;
    options.max_summary_share = 0.6;
    return options;
}

/// The analyzer's term for `word`.
inline std::string term_of(const std::string& word) {
    analysis::Analyzer analyzer;
    std::vector<analysis::Token> tokens;
    analyzer.tokenize(word, tokens);
    return analyzer.term(tokens.at(0));
}

/// t(summary word | body word) in `table` for these words, 0 when it has no such translation.
inline float translation(const associations::Table& table, const std::string& summary,
                         const std::string& body) {
    const std::int64_t w = table.summary_word(term_of(summary));
    const std::int64_t u = table.body_word(term_of(body));
    if (w < 0 || u < 0) {
        return 0;
    }
    for (const associations::Translation& t :
         table.translations_into(static_cast<std::uint32_t>(w))) {
        if (t.word == static_cast<std::uint32_t>(u)) {
            return t.probability;
        }
    }
    return 0;
}

} // namespace depeches::test
