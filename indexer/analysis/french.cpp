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

// Words Snowball French stems into the term of an unrelated word (or that folding then makes
// another word's), with the term they get instead (see stem_override): the collisions found
// among the frequent words of 36,000 news articles, where the two meanings are unrelated. Each
// term, folded, starts with its word's first two folded letters, as Snowball's do (the
// highlighter relies on it); a term keeps accents only where folding would make it another
// word's ("sûr", "maïs"). Keyed by the word with its accents and, where typing it without them is
// not another word, without. Sorted by bytes for binary search.
constexpr std::array<std::pair<std::string_view, std::string_view>, 80> k_stem_overrides{{
    {"annee", "annee"},                  // Snowball: anne, as Anne
    {"annees", "annee"},                 //
    {"année", "annee"},                  //
    {"années", "annee"},                 //
    {"base", "base"},                    // Snowball: bas, as bas
    {"bases", "base"},                   //
    {"basé", "base"},                    //
    {"basée", "base"},                   //
    {"basées", "base"},                  //
    {"basés", "base"},                   //
    {"commis", "commis"},                // Snowball: comm, as comme
    {"commissions", "commiss"},          // Snowball: comm, as comme; commission: commiss
    {"communication", "communiqu"},      // Snowball: commun, as commune; indication: indiqu
    {"communications", "communiqu"},     //
    {"communique", "communiqu"},         //
    {"communiquent", "communiqu"},       //
    {"communiques", "communiqu"},        //
    {"communisme", "communis"},          // Snowball: commun, as commune
    {"communismes", "communis"},         //
    {"communiste", "communis"},          //
    {"communistes", "communis"},         //
    {"compagne", "compagne"},            // Snowball: compagn, as compagnie
    {"compagnes", "compagne"},           //
    {"cours", "cours"},                  // Snowball: cour, as cour
    {"côte", "cote"},                    // Snowball: cot, as côté
    {"côtes", "cote"},                   //
    {"departement", "departement"},      // Snowball: depart, as départ
    {"departements", "departement"},     //
    {"devant", "devant"},                // Snowball: dev, as devait
    {"département", "departement"},      //
    {"départements", "departement"},     //
    {"egalement", "egalement"},          // Snowball: egal, as égalité
    {"entree", "entree"},                // Snowball: entre, as entre
    {"entrees", "entree"},               //
    {"entré", "entree"},                 //
    {"entrée", "entree"},                //
    {"entrées", "entree"},               //
    {"entrés", "entree"},                //
    {"environnement", "environnement"},  // Snowball: environ, as environ
    {"environnements", "environnement"}, //
    {"faute", "faute"},                  // Snowball: faut, as faut
    {"fautes", "faute"},                 //
    {"maree", "maree"},                  // Snowball: mar (marée), as mari
    {"marees", "maree"},                 //
    {"mars", "mars"},                    // Snowball: mar, as mari
    {"marée", "maree"},                  //
    {"marées", "maree"},                 //
    {"maïs", "maïs"},                    // Snowball: mai, as mai
    {"mere", "mere"},                    // Snowball: mer, as mer
    {"meres", "mere"},                   //
    {"mère", "mere"},                    //
    {"mères", "mere"},                   //
    {"notamment", "notamment"},          // Snowball: not, as note
    {"parce", "parce"},                  // Snowball: parc, as parc
    {"parlement", "parlement"},          // Snowball: parl, as parler
    {"parlements", "parlement"},         //
    {"petition", "petition"},            // Snowball: petit, as petit
    {"petitions", "petition"},           //
    {"pétition", "petition"},            //
    {"pétitions", "petition"},           //
    {"seine", "seine"},                  // Snowball: sein, as sein
    {"serie", "seri"},                   // Snowball: ser, as sera
    {"series", "seri"},                  //
    {"série", "seri"},                   //
    {"séries", "seri"},                  //
    {"sûr", "sûr"},                      // Snowball: sur, as sur (stop word)
    {"sûre", "sûr"},                     //
    {"sûrement", "sûr"},                 //
    {"sûres", "sûr"},                    //
    {"sûrs", "sûr"},                     //
    {"tele", "tele"},                    // Snowball: tel, as tel
    {"teles", "tele"},                   //
    {"testament", "testament"},          // Snowball: test, as test
    {"testaments", "testament"},         //
    {"télé", "tele"},                    //
    {"télés", "tele"},                   //
    {"vente", "vente"},                  // Snowball: vent, as vent
    {"ventes", "vente"},                 //
    {"via", "via"},                      // Snowball: vi, as vie
    {"également", "egalement"},          //
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

std::span<const std::pair<std::string_view, std::string_view>> stem_overrides() noexcept {
    return k_stem_overrides;
}

std::optional<std::string> ordinal_term(std::string_view word) {
    const std::size_t digits = word.find_first_not_of("0123456789");
    if (digits == 0 || digits == std::string_view::npos || digits > 4) {
        return std::nullopt;
    }
    std::string_view suffix = word.substr(digits);
    if (suffix.size() > 1 && suffix.back() == 's') {
        suffix.remove_suffix(1); // "les 2èmes", "les 1ers"
    }
    const std::string_view number = word.substr(0, digits);
    const bool first = number == "1";
    const bool any = suffix == "e" || suffix == "ème" || suffix == "eme" || suffix == "è" ||
                     suffix == "ième" || suffix == "ieme";
    if (first && (any || suffix == "er" || suffix == "re" || suffix == "ère" || suffix == "ere")) {
        return "1er";
    }
    if (any || (number == "2" && (suffix == "nd" || suffix == "nde"))) {
        return std::string(number) + "e";
    }
    return std::nullopt;
}

std::optional<std::string> roman_ordinal_term(std::string_view written) {
    const std::size_t numerals = written.find_first_not_of("IVXLC");
    if (numerals == 0 || numerals == std::string_view::npos || numerals > 7) {
        return std::nullopt;
    }
    const std::string_view numeral = written.substr(0, numerals);
    const std::string_view suffix = written.substr(numerals);
    const bool first_only = suffix == "er" || suffix == "re" || suffix == "ère";
    if (!(first_only || suffix == "e" || suffix == "ème" || suffix == "è") ||
        (numeral.size() == 1 && numeral != "I" && numeral != "V" && numeral != "X")) {
        return std::nullopt;
    }
    const auto value_of = [](char c) {
        switch (c) {
        case 'I':
            return 1;
        case 'V':
            return 5;
        case 'X':
            return 10;
        case 'L':
            return 50;
        default:
            return 100; // C
        }
    };
    int value = 0;
    for (std::size_t k = 0; k < numeral.size(); ++k) {
        const int v = value_of(numeral[k]);
        value += k + 1 < numeral.size() && v < value_of(numeral[k + 1]) ? -v : v;
    }
    // Only the canonical spelling of its value ("XIX", not "XVIIII" nor "IC").
    static constexpr std::array<std::pair<int, std::string_view>, 9> k_parts{{{100, "C"},
                                                                              {90, "XC"},
                                                                              {50, "L"},
                                                                              {40, "XL"},
                                                                              {10, "X"},
                                                                              {9, "IX"},
                                                                              {5, "V"},
                                                                              {4, "IV"},
                                                                              {1, "I"}}};
    std::string canonical;
    for (int rest = value; const auto& [part_value, part] : k_parts) {
        for (; rest >= part_value; rest -= part_value) {
            canonical += part;
        }
    }
    if (value < 1 || value > 100 || canonical != numeral || (first_only && value != 1)) {
        return std::nullopt;
    }
    return value == 1 ? std::string("1er") : std::to_string(value) + "e";
}

bool is_query_filler(std::string_view folded) noexcept {
    return std::binary_search(k_query_fillers.begin(), k_query_fillers.end(), folded);
}

bool query_fillers_sorted() noexcept {
    return std::is_sorted(k_query_fillers.begin(), k_query_fillers.end());
}

bool is_interrogative_determiner(std::string_view folded) noexcept {
    return folded == "quel" || folded == "quelle" || folded == "quels" || folded == "quelles";
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
