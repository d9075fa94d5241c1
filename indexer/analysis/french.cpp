// French lexical lists, folded (no accents) because they are matched against folded forms.
#include "indexer/analysis/french.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace depeches::analysis {

namespace {

constexpr std::array<std::string_view, 13> k_elisions{
    "c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "puisqu", "qu", "quoiqu", "s", "t",
};

// Sorted for binary search (checked by a unit test).
constexpr std::array<std::string_view, 90> k_stop_words{
    "a",      "afin", "ainsi",  "alors", "au",    "aucun", "aucune", "aussi", "autre", "aux",
    "avec",   "c",    "car",    "ce",    "cela",  "celle", "celles", "celui", "ces",   "cet",
    "cette",  "ceux", "chaque", "ci",    "comme", "d",     "dans",   "de",    "des",   "donc",
    "dont",   "du",   "elle",   "elles", "en",    "entre", "et",     "eux",   "il",    "ils",
    "j",      "je",   "l",      "la",    "le",    "les",   "leur",   "leurs", "lui",   "m",
    "ma",     "mais", "me",     "mes",   "moi",   "mon",   "n",      "ne",    "ni",    "nos",
    "notre",  "nous", "on",     "ou",    "par",   "pas",   "pour",   "qu",    "que",   "quel",
    "quelle", "qui",  "s",      "sa",    "se",    "ses",   "si",     "son",   "sur",   "t",
    "ta",     "te",   "tes",    "ton",   "tu",    "un",    "une",    "vos",   "votre", "y",
};

constexpr std::array<std::string_view, 8> k_inverted_subjects{
    "ce", "elle", "elles", "il", "ils", "je", "on", "tu",
};

// What questions and headlines wrap around their topic: interrogatives and the forms of être
// and avoir. Sorted for binary search (checked by a unit test).
constexpr std::array<std::string_view, 25> k_query_fillers{
    "avaient",    "avait",    "avoir",  "combien",  "comment", "est",      "etaient",
    "etait",      "ete",      "etre",   "furent",   "fut",     "laquelle", "lequel",
    "lesquelles", "lesquels", "ont",    "pourquoi", "quand",   "quelles",  "quels",
    "quoi",       "sera",     "seront", "sont",
};

constexpr std::array<std::string_view, 3> k_noun_homographs{"car", "son", "ton"};

// Words Snowball French stems into the term of an unrelated word, with the term they get
// instead (see stem_override). Each term starts with its word's first two folded letters, as
// Snowball's do (the highlighter relies on it). Sorted by word for binary search.
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> k_stem_overrides{{
    {"communication", "communiqu"},  // "commun", as commune: like indication → indiqu
    {"communications", "communiqu"}, //
    {"communique", "communiqu"},     // the verb: "commun"; communiqué, communiquer: communiqu
    {"communiquent", "communiqu"},   // Snowball: "communiquent"
    {"communiques", "communiqu"},    //
    {"communisme", "communis"},      // "commun", as commune
    {"communismes", "communis"},     //
    {"communiste", "communis"},      //
    {"communistes", "communis"},     //
    {"maïs", "maïs"},                // maize: "maï", folded "mai", the month
    {"petition", "petition"},        // "petit", as petits
    {"petitions", "petition"},       //
    {"pétition", "petition"},        //
    {"pétitions", "petition"},       //
}};

} // namespace

bool is_noun_homograph(std::string_view folded) noexcept {
    return std::find(k_noun_homographs.begin(), k_noun_homographs.end(), folded) !=
           k_noun_homographs.end();
}

std::optional<std::string_view> stem_override(std::string_view word) noexcept {
    const auto it = std::lower_bound(k_stem_overrides.begin(), k_stem_overrides.end(), word,
                                     [](const std::pair<std::string_view, std::string_view>& entry,
                                        std::string_view w) { return entry.first < w; });
    if (it == k_stem_overrides.end() || it->first != word) {
        return std::nullopt;
    }
    return it->second;
}

bool stem_overrides_sorted() noexcept {
    return std::is_sorted(k_stem_overrides.begin(), k_stem_overrides.end());
}

bool is_query_filler(std::string_view folded) noexcept {
    return std::binary_search(k_query_fillers.begin(), k_query_fillers.end(), folded);
}

bool query_fillers_sorted() noexcept {
    return std::is_sorted(k_query_fillers.begin(), k_query_fillers.end());
}

bool is_inverted_subject(std::string_view folded) noexcept {
    return std::find(k_inverted_subjects.begin(), k_inverted_subjects.end(), folded) !=
           k_inverted_subjects.end();
}

bool is_elision(std::string_view folded) noexcept {
    return std::find(k_elisions.begin(), k_elisions.end(), folded) != k_elisions.end();
}

bool is_stop_word(std::string_view folded) noexcept {
    return std::binary_search(k_stop_words.begin(), k_stop_words.end(), folded);
}

} // namespace depeches::analysis
