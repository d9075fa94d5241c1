// Turns the raw bytes of a text file into clean UTF-8, or says why they are not text.
#pragma once

#include <string>
#include <string_view>

namespace depeches::ingest {

/// Outcome of decode_text.
struct DecodedText {
    std::string text; ///< valid UTF-8 with LF line ends and no BOM; empty when !ok
    bool ok = false;  ///< false when the bytes were refused as not being text
    std::string note; ///< empty for clean UTF-8; otherwise one English sentence saying what was
                      ///< converted or repaired (ok) or why the bytes were refused (!ok)
};

/// Decodes a file's bytes, in this order:
/// - a UTF-16 BOM (FF FE or FE FF): decoded from UTF-16LE/BE (note says so), unpaired
///   surrogates become U+FFFD;
/// - a UTF-8 BOM is dropped (silently);
/// - any NUL byte: refused, "binary content (NUL bytes)";
/// - valid UTF-8: taken as is (note empty);
/// - invalid bytes outnumbering valid multi-byte UTF-8 sequences: an 8-bit file, read as
///   Windows-1252 (a superset of Latin-1 for text) while any valid UTF-8 sequence is kept, so a
///   mixed file loses nothing; refused as binary when over 30% of its bytes are above 0x7F
///   (inputs of 64 bytes or more only);
/// - otherwise each invalid byte becomes U+FFFD (note gives the count); refused as binary when
///   over 10% of the bytes are invalid.
/// Then CRLF and lone CR become LF, form feed and vertical tab become LF, and other control
/// characters (C0 except TAB/LF, DEL, C1) are removed, with a note; when there are more than two
/// and they make up over 1% of the bytes the input is refused as "binary content (control
/// characters)". A line-end change or a dropped UTF-8 BOM alone leaves the note empty.
DecodedText decode_text(std::string_view bytes);

} // namespace depeches::ingest
