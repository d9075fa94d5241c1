// The table of web-page chrome that scraped dispatches carry, and the matcher that removes it.
#include "indexer/ingest/boilerplate.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "indexer/ingest/fold.hpp"

namespace depeches::ingest {

namespace {

/// How a chrome rule matches a line.
enum class Match {
    whole_line,  ///< the line is this marker, possibly glued to other whole-line markers
    line_opener, ///< the line starts with these words: the whole line goes
    short_opener ///< as line_opener, for lines of at most k_short_line_bytes only
};

/// One kind of chrome, written as it appears on the page; matching folds both sides.
struct ChromeRule {
    std::string_view text;
    Match match;
};

constexpr std::size_t k_short_line_bytes = 80;

constexpr std::array k_chrome_rules = {
    // Live and navigation banners.
    ChromeRule{"En direct", Match::whole_line},
    ChromeRule{"À suivre", Match::whole_line},
    ChromeRule{"À suivre aussi", Match::whole_line},
    ChromeRule{"Dernières actualités", Match::whole_line},
    ChromeRule{"Ailleurs sur le web", Match::whole_line},
    ChromeRule{"Sur le même sujet", Match::whole_line},
    ChromeRule{"Lire la suite", Match::whole_line},
    ChromeRule{"Partager", Match::whole_line},
    ChromeRule{"Partager sur Facebook", Match::whole_line},
    ChromeRule{"Partager sur Twitter", Match::whole_line},
    ChromeRule{"Suivez-nous", Match::whole_line},
    ChromeRule{"Newsletter", Match::whole_line},
    // Advertising.
    ChromeRule{"Publicité", Match::whole_line},
    ChromeRule{"Envie d'afficher votre publicité ?", Match::whole_line},
    ChromeRule{"Contactez-nous", Match::whole_line},
    ChromeRule{"Contenus sponsorisés", Match::whole_line},
    // Comment box.
    ChromeRule{"L'espace des commentaires est ouvert aux inscrits.", Match::whole_line},
    ChromeRule{"Connectez-vous ou créez un compte pour pouvoir commenter cet article.",
               Match::whole_line},
    ChromeRule{"Les commentaires sont fermés.", Match::whole_line},
    ChromeRule{"Commentaires", Match::whole_line},
    ChromeRule{"Commenter", Match::whole_line},
    ChromeRule{"Réagir", Match::whole_line},
    ChromeRule{"Signaler un abus", Match::whole_line},
    ChromeRule{"Soyez le premier à commenter", Match::whole_line},
    ChromeRule{"Ajouter un commentaire", Match::whole_line},
    ChromeRule{"Voir les commentaires", Match::whole_line},
    ChromeRule{"Afficher les commentaires", Match::whole_line},
    ChromeRule{"Connectez-vous", Match::line_opener},
    ChromeRule{"Inscrivez-vous", Match::line_opener},
    ChromeRule{"Abonnez-vous", Match::line_opener},
    ChromeRule{"Vous devez être connecté", Match::line_opener},
    ChromeRule{"L'espace des commentaires", Match::line_opener},
    // Links to other articles.
    ChromeRule{"À lire aussi", Match::line_opener},
    ChromeRule{"Lire aussi", Match::line_opener},
    ChromeRule{"À lire également", Match::line_opener},
    ChromeRule{"Lire également", Match::line_opener},
    ChromeRule{"À voir aussi", Match::line_opener},
    ChromeRule{"Voir aussi", Match::line_opener},
    // Page metadata (its date is read before chrome goes, see find_date_in_text).
    ChromeRule{"Publié le", Match::short_opener},
    ChromeRule{"Mis à jour le", Match::short_opener},
};

/// Words that make a bracketed group a photo credit, folded.
constexpr std::array<std::string_view, 22> k_credit_words = {
    "afp",  "reuters",  "ap",      "getty", "sipa",   "epa",     "efe",  "dpa",
    "ansa", "maxppp",   "abaca",   "belga", "xinhua", "anadolu", "tass", "ria",
    "sana", "archives", "archive", "photo", "photos", "pool",
};

/// Words that open a parenthesised credit at the end of a caption, folded.
constexpr std::array<std::string_view, 5> k_credit_openers = {"photo", "photos", "credit",
                                                              "credits", "illustration"};

/// Letters and digits only: the key whole-line markers are compared and glued on.
std::string letters_key(std::string_view text) {
    std::string key = fold_for_matching(text);
    std::erase_if(key, [](char c) { return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')); });
    return key;
}

/// Folded words separated by single spaces: the form line openers are compared on.
std::string words_key(std::string_view text) {
    std::string words;
    for (const char c : fold_for_matching(text)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            words.push_back(c);
        } else if (!words.empty() && words.back() != ' ') {
            words.push_back(' ');
        }
    }
    if (!words.empty() && words.back() == ' ') {
        words.pop_back();
    }
    return words;
}

/// The rules' keys, computed once.
struct RuleKeys {
    std::vector<std::string> whole_lines;
    std::vector<std::pair<std::string, Match>> openers;
};

const RuleKeys& rule_keys() {
    static const RuleKeys keys = [] {
        RuleKeys built;
        for (const ChromeRule& rule : k_chrome_rules) {
            if (rule.match == Match::whole_line) {
                built.whole_lines.push_back(letters_key(rule.text));
            } else {
                built.openers.emplace_back(words_key(rule.text), rule.match);
            }
        }
        return built;
    }();
    return keys;
}

/// Longest line, in bytes, that is tested for glued whole-line markers: chrome is short.
constexpr std::size_t k_longest_marker_line = 400;

/// True when `key` is one or more whole-line marker keys glued end to end.
bool is_glued_markers(std::string_view key, const std::vector<std::string>& markers) {
    if (key.size() > k_longest_marker_line) {
        return false;
    }
    std::array<bool, k_longest_marker_line + 1> reachable{}; // offsets a marker chain ends at
    reachable[0] = true;
    for (std::size_t pos = 0; pos < key.size(); ++pos) {
        if (!reachable[pos]) {
            continue;
        }
        for (const std::string& marker : markers) {
            if (key.substr(pos).starts_with(marker)) {
                reachable[pos + marker.size()] = true;
            }
        }
    }
    return reachable[key.size()];
}

bool is_chrome_line(std::string_view line) {
    const RuleKeys& keys = rule_keys();
    if (line.size() <= k_longest_marker_line) {
        const std::string key = letters_key(line);
        if (!key.empty() && is_glued_markers(key, keys.whole_lines)) {
            return true;
        }
    }
    const std::string words = words_key(line.substr(0, 200));
    for (const auto& [opener, match] : keys.openers) {
        const bool opens = words.starts_with(opener) &&
                           (words.size() == opener.size() || words[opener.size()] == ' ');
        if (opens && (match == Match::line_opener || line.size() <= k_short_line_bytes)) {
            return true;
        }
    }
    return false;
}

bool contains_word(std::string_view words, std::string_view word) {
    for (std::size_t at = words.find(word); at != std::string_view::npos;
         at = words.find(word, at + 1)) {
        const std::size_t end = at + word.size();
        if ((at == 0 || words[at - 1] == ' ') && (end == words.size() || words[end] == ' ')) {
            return true;
        }
    }
    return false;
}

bool has_credit_word(std::string_view words) {
    return std::any_of(k_credit_words.begin(), k_credit_words.end(),
                       [words](std::string_view word) { return contains_word(words, word); });
}

/// True when the text between parentheses reads as a photo credit: `Photo AFP`, `AFP/Archives`.
bool is_paren_credit(std::string_view inside) {
    const std::string words = words_key(inside);
    const bool opener = std::any_of(
        k_credit_openers.begin(), k_credit_openers.end(), [&words](std::string_view word) {
            return words.starts_with(word) &&
                   (words.size() == word.size() || words[word.size()] == ' ');
        });
    const bool marked = inside.find('/') != std::string_view::npos ||
                        inside.find("\u00A9") != std::string_view::npos;
    return opener || (marked && has_credit_word(words));
}

std::string_view trim_right(std::string_view text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' ||
                             text.ends_with("\u00A0"))) {
        text.remove_suffix(text.back() == '\xA0' ? 2 : 1);
    }
    return text;
}

/// Cuts `[… AFP]` groups anywhere and a `(Photo …)` group at the end of the line.
std::string remove_credits(std::string_view line) {
    constexpr std::size_t k_longest_credit = 100;
    std::string out;
    std::size_t pos = 0;
    for (std::size_t open = line.find('['); open != std::string_view::npos;
         open = line.find('[', open + 1)) {
        const std::size_t close = line.find(']', open);
        if (close == std::string_view::npos || close - open > k_longest_credit) {
            break;
        }
        if (has_credit_word(words_key(line.substr(open + 1, close - open - 1)))) {
            out.append(trim_right(line.substr(pos, open - pos)));
            pos = close + 1;
            open = close;
        }
    }
    out.append(line.substr(pos));
    const std::string_view trimmed = trim_right(out);
    if (trimmed.ends_with(")")) {
        const std::size_t open = trimmed.rfind('(');
        if (open != std::string_view::npos && trimmed.size() - open <= k_longest_credit &&
            is_paren_credit(trimmed.substr(open + 1, trimmed.size() - open - 2))) {
            out.resize(trim_right(trimmed.substr(0, open)).size());
        }
    }
    return out;
}

} // namespace

std::string strip_chrome(std::string_view line) {
    if (is_chrome_line(line)) {
        return "";
    }
    if (line.find_first_of("[(") == std::string_view::npos) {
        return std::string(line);
    }
    std::string out = remove_credits(line);
    if (out.size() != line.size() && out.find_first_not_of(" \t") == std::string::npos) {
        return "";
    }
    return out;
}

} // namespace depeches::ingest
