// Web-page chrome removal: the lines and photo credits a scraped news page adds around a dispatch.
#pragma once

#include <string>
#include <string_view>

namespace depeches::ingest {

/// Returns `line` without page chrome, or "" when the whole line is chrome. Matching is case-
/// and accent-blind and ignores punctuation and spacing (`A suivre` = `À suivre`, `'` = `’`):
/// - short markers (`En direct`, `À suivre`, `Contactez-nous`, `Publicité`, comment-box lines…)
///   only as the whole line, alone or glued together (`Contactez-nousEnvie d'afficher votre
///   publicité ?`), so "En direct de Genève, le ministre…" stays;
/// - line openers (`À lire aussi : …`, `Lire aussi`, `Connectez-vous …`) remove the whole line,
///   and `Publié le …` / `Mis à jour le …` do so on short lines only;
/// - photo credits (`[GEORGE OURFALIAN / AFP]` anywhere, `(Photo AFP)` or `(AFP/Archives)` at the
///   end) are cut out and the caption they close is kept, trailing spaces trimmed.
/// Anything else comes back byte for byte. The rules are one table in boilerplate.cpp.
std::string strip_chrome(std::string_view line);

} // namespace depeches::ingest
