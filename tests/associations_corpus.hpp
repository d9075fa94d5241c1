// A small archive for learning word associations, shared by the unit and integration tests:
// six dispatches whose headline says "meurt" and whose body says "décédé", with words of
// their own around it, and six on other matters ("reprend", "service"), so that no word goes
// with everything.
#pragma once

#include <string>

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

} // namespace depeches::test
