// Matching key for French pattern tables: folded like the analyzer, typographic variants
// unified.
#pragma once

#include <string>
#include <string_view>

namespace depeches::ingest {

/// Folds `text` for pattern matching, never for display or indexing: letters and digits fold
/// as the analyzer folds them (`À`→`a`, `ç`→`c`, `œ`→`oe`, `ß`→`ss`; analysis/char_table.hpp),
/// curly and modifier apostrophes become `'`, guillemets and curly quotes `"`, dashes `-`,
/// no-break and thin spaces ` `, `…` `...`, and U+FEFF is dropped. Any other code point, and
/// each invalid byte, becomes one `?`. Output byte offsets do not correspond to input offsets.
std::string fold_for_matching(std::string_view text);

} // namespace depeches::ingest
