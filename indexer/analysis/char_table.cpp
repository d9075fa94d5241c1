// Builds the code point table from ICU: NFKC_Casefold, then NFD with combining marks dropped,
// then the Latin letters that have no decomposition (œ, æ, ø, ł, đ…) spelled out.
#include "indexer/analysis/char_table.hpp"

#include <array>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "indexer/analysis/utf8.hpp"

namespace depeches::analysis {

namespace {

/// Code points below this bound are served from a table built once.
constexpr char32_t k_table_size = 0x3000;

/// Latin letters that canonical decomposition leaves whole, and their usual ASCII spelling.
constexpr std::array<std::pair<char32_t, std::string_view>, 12> k_extra_folds{{
    {U'œ', "oe"},
    {U'æ', "ae"},
    {U'ø', "o"},
    {U'ł', "l"},
    {U'đ', "d"},
    {U'ħ', "h"},
    {U'ı', "i"},
    {U'ŧ', "t"},
    {U'ð', "d"},
    {U'þ', "th"},
    {U'ŀ', "l"},
    {U'ĸ', "k"},
}};

struct IcuNormalizers {
    const icu::Normalizer2* nfkc_casefold = nullptr;
    const icu::Normalizer2* nfd = nullptr;
    const icu::Normalizer2* nfc = nullptr;
};

const IcuNormalizers& normalizers() {
    static const IcuNormalizers instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        IcuNormalizers n;
        n.nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
        n.nfd = icu::Normalizer2::getNFDInstance(status);
        n.nfc = icu::Normalizer2::getNFCInstance(status);
        if (U_FAILURE(status)) {
            // Without ICU's data nothing can be analysed; this is a broken installation.
            throw std::runtime_error("ICU normalizers unavailable: " +
                                     std::string(u_errorName(status)));
        }
        return n;
    }();
    return instance;
}

CharClass classify(char32_t cp) {
    switch (cp) {
    case U'\'':
    case U'\u2019':
    case U'\u02BC':
        return CharClass::apostrophe;
    case U'-':
    case U'\u2010':
    case U'\u2011':
        return CharClass::hyphen;
    case U'.':
        return CharClass::dot;
    case U',':
        return CharClass::comma;
    case U'\u00AD':
    case U'\u200C':
    case U'\u200D':
    case U'\u2060':
    case U'\uFEFF':
        return CharClass::ignorable;
    default:
        break;
    }
    const auto c = static_cast<UChar32>(cp);
    if (u_isUWhiteSpace(c)) {
        return CharClass::space;
    }
    switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
        return CharClass::letter;
    case U_DECIMAL_DIGIT_NUMBER:
        return CharClass::digit;
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
        return CharClass::mark;
    default:
        return CharClass::separator;
    }
}

/// Folds one code point with ICU; the result is UTF-8 (possibly empty, for a lone mark).
std::string fold_with_icu(char32_t cp) {
    const IcuNormalizers& n = normalizers();
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString folded =
        n.nfkc_casefold->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), status);
    const icu::UnicodeString decomposed = n.nfd->normalize(folded, status);
    if (U_FAILURE(status)) {
        return {};
    }
    std::string out;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        const auto type = u_charType(c);
        if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK) {
            continue;
        }
        bool spelled = false;
        for (const auto& [letter, spelling] : k_extra_folds) {
            if (static_cast<char32_t>(c) == letter) {
                out.append(spelling);
                spelled = true;
            }
        }
        if (!spelled) {
            append_utf8(out, static_cast<char32_t>(c));
        }
    }
    return out;
}

/// Case-folds one code point with ICU, accents kept; the result is UTF-8.
std::string lower_with_icu(char32_t cp) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString folded = normalizers().nfkc_casefold->normalize(
        icu::UnicodeString(static_cast<UChar32>(cp)), status);
    std::string out;
    if (U_SUCCESS(status)) {
        folded.toUTF8String(out);
    }
    return out;
}

bool groups_digits(char32_t cp) {
    return cp == U' ' || cp == U'\u00A0' || cp == U'\u202F' || cp == U'\u2009';
}

struct TableEntry {
    CharClass cls = CharClass::separator;
    std::string fold;
    std::string lower;
};

const std::vector<TableEntry>& table() {
    static const std::vector<TableEntry> entries = [] {
        std::vector<TableEntry> t(k_table_size);
        for (char32_t cp = 0; cp < k_table_size; ++cp) {
            t[cp].cls = classify(cp);
            if (cp < 0x80) {
                const auto ascii = static_cast<char>(cp >= U'A' && cp <= U'Z' ? cp + 32 : cp);
                t[cp].fold.assign(1, ascii);
                t[cp].lower = t[cp].fold;
            } else if (t[cp].cls == CharClass::letter || t[cp].cls == CharClass::digit ||
                       t[cp].cls == CharClass::mark) {
                t[cp].fold = fold_with_icu(cp);
                t[cp].lower = lower_with_icu(cp);
            }
        }
        return t;
    }();
    return entries;
}

} // namespace

CharInfo char_info(char32_t code_point) {
    if (code_point < k_table_size) {
        const TableEntry& entry = table()[code_point];
        return {entry.cls, groups_digits(code_point), entry.fold, entry.lower};
    }
    // Rare in French text: CJK, emoji, supplementary planes. Cached per thread, bounded.
    thread_local std::unordered_map<char32_t, TableEntry> cache;
    auto it = cache.find(code_point);
    if (it == cache.end()) {
        if (cache.size() > 65536) {
            cache.clear();
        }
        TableEntry entry{classify(code_point), {}, {}};
        if (entry.cls == CharClass::letter || entry.cls == CharClass::digit) {
            entry.fold = fold_with_icu(code_point);
            entry.lower = lower_with_icu(code_point);
        }
        it = cache.emplace(code_point, std::move(entry)).first;
    }
    return {it->second.cls, groups_digits(code_point), it->second.fold, it->second.lower};
}

bool starts_with_capital(std::string_view text) {
    if (text.empty()) {
        return false;
    }
    const DecodedChar first = decode_utf8(text, 0);
    return first.valid && (u_isupper(static_cast<UChar32>(first.code_point)) ||
                           u_istitle(static_cast<UChar32>(first.code_point)));
}

std::string capitalised(std::string_view word) {
    if (word.empty()) {
        return {};
    }
    const DecodedChar first = decode_utf8(word, 0);
    if (!first.valid) {
        return std::string(word);
    }
    std::string out;
    append_utf8(out, static_cast<char32_t>(u_totitle(static_cast<UChar32>(first.code_point))));
    out.append(word.substr(first.length));
    return out;
}

std::string compose(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString composed =
        normalizers().nfc->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                         text.data(), static_cast<int32_t>(text.size()))),
                                     status);
    std::string out;
    if (U_FAILURE(status)) {
        return std::string(text);
    }
    composed.toUTF8String(out);
    return out;
}

} // namespace depeches::analysis
