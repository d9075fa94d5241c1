// UTF-8 decoding, encoding, validation and repair (RFC 3629).
#include "indexer/analysis/utf8.hpp"

namespace depeches::analysis {

namespace {

constexpr bool is_continuation(unsigned char byte) noexcept {
    return (byte & 0xC0U) == 0x80U;
}

} // namespace

DecodedChar decode_utf8_multibyte(std::string_view text, std::size_t pos) noexcept {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
    const unsigned char lead = byte(0);
    std::uint32_t length = 0;
    char32_t code_point = 0;
    char32_t minimum = 0;
    if (lead >= 0xC2U && lead <= 0xDFU) {
        length = 2;
        code_point = lead & 0x1FU;
        minimum = 0x80;
    } else if (lead >= 0xE0U && lead <= 0xEFU) {
        length = 3;
        code_point = lead & 0x0FU;
        minimum = 0x800;
    } else if (lead >= 0xF0U && lead <= 0xF4U) {
        length = 4;
        code_point = lead & 0x07U;
        minimum = 0x10000;
    } else {
        return {k_replacement_char, 1, false};
    }
    if (pos + length > text.size()) {
        return {k_replacement_char, 1, false};
    }
    for (std::uint32_t i = 1; i < length; ++i) {
        if (!is_continuation(byte(i))) {
            return {k_replacement_char, 1, false};
        }
        code_point = (code_point << 6U) | (byte(i) & 0x3FU);
    }
    const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
    if (code_point < minimum || surrogate || code_point > 0x10FFFF) {
        return {k_replacement_char, 1, false};
    }
    return {code_point, length, true};
}

void append_utf8(std::string& out, char32_t code_point) {
    if (code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
        code_point = k_replacement_char;
    }
    if (code_point < 0x80) {
        out.push_back(static_cast<char>(code_point));
    } else if (code_point < 0x800) {
        out.push_back(static_cast<char>(0xC0U | (code_point >> 6U)));
        out.push_back(static_cast<char>(0x80U | (code_point & 0x3FU)));
    } else if (code_point < 0x10000) {
        out.push_back(static_cast<char>(0xE0U | (code_point >> 12U)));
        out.push_back(static_cast<char>(0x80U | ((code_point >> 6U) & 0x3FU)));
        out.push_back(static_cast<char>(0x80U | (code_point & 0x3FU)));
    } else {
        out.push_back(static_cast<char>(0xF0U | (code_point >> 18U)));
        out.push_back(static_cast<char>(0x80U | ((code_point >> 12U) & 0x3FU)));
        out.push_back(static_cast<char>(0x80U | ((code_point >> 6U) & 0x3FU)));
        out.push_back(static_cast<char>(0x80U | (code_point & 0x3FU)));
    }
}

std::size_t count_invalid_utf8(std::string_view text) noexcept {
    std::size_t invalid = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        if (static_cast<unsigned char>(text[pos]) < 0x80U) {
            ++pos;
            continue;
        }
        const DecodedChar decoded = decode_utf8(text, pos);
        invalid += decoded.valid ? 0 : 1;
        pos += decoded.length;
    }
    return invalid;
}

bool is_valid_utf8(std::string_view text) noexcept {
    return count_invalid_utf8(text) == 0;
}

std::string repair_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const DecodedChar decoded = decode_utf8(text, pos);
        if (decoded.valid) {
            out.append(text.substr(pos, decoded.length));
        } else {
            append_utf8(out, k_replacement_char);
        }
        pos += decoded.length;
    }
    return out;
}

std::size_t count_code_points(std::string_view text) noexcept {
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < text.size(); ++count) {
        pos += decode_utf8(text, pos).length;
    }
    return count;
}

std::string_view truncate_utf8(std::string_view text, std::size_t max_bytes) noexcept {
    if (text.size() <= max_bytes) {
        return text;
    }
    std::size_t end = max_bytes;
    while (end > 0 && is_continuation(static_cast<unsigned char>(text[end]))) {
        --end;
    }
    return text.substr(0, end);
}

} // namespace depeches::analysis
