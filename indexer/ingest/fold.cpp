// Folding of French text to lower-case ASCII so pattern tables can match accent- and case-blind.
#include "indexer/ingest/fold.hpp"

#include <array>

#include "indexer/analysis/char_table.hpp"
#include "indexer/analysis/utf8.hpp"

namespace depeches::ingest {

namespace {

/// Folded spelling of a code point above U+007F.
std::string_view fold_code_point(char32_t cp) {
    // Letters fold exactly as the analyzer folds them (ICU); punctuation is unified below.
    const analysis::CharInfo info = analysis::char_info(cp);
    if (info.cls == analysis::CharClass::letter || info.cls == analysis::CharClass::digit ||
        info.cls == analysis::CharClass::mark) {
        return info.fold;
    }
    switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x02BC:
    case 0x2032:
        return "'";
    case 0x00AB:
    case 0x00BB:
    case 0x201C:
    case 0x201D:
    case 0x201E:
        return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
        return "-";
    case 0x00A0:
    case 0x2002:
    case 0x2003:
    case 0x2004:
    case 0x2005:
    case 0x2006:
    case 0x2007:
    case 0x2009:
    case 0x200A:
    case 0x202F:
        return " ";
    case 0x2026:
        return "...";
    case 0xFEFF:
        return "";
    default:
        return "?";
    }
}

} // namespace

std::string fold_for_matching(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const auto byte = static_cast<unsigned char>(text[pos]);
        if (byte < 0x80U) {
            out.push_back(byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte - 'A' + 'a')
                                                     : static_cast<char>(byte));
            ++pos;
            continue;
        }
        const analysis::DecodedChar decoded = analysis::decode_utf8(text, pos);
        out.append(decoded.valid ? fold_code_point(decoded.code_point) : "?");
        pos += decoded.length;
    }
    return out;
}

} // namespace depeches::ingest
