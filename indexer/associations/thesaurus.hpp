// A thesaurus in the MyThes format (LibreOffice's; Debian's mythes-fr installs a French one as
// /usr/share/mythes/thes_fr.dat): the synonyms of each word, for archives that have no
// headlines or abstracts to learn associations from (Learner::learn_thesaurus).
//
// File format (text; the first line names its encoding, which must be UTF-8):
//   UTF-8
//   WORD|N             an entry: the word and its number of meanings
//   (POS)|SYN|SYN...   N lines, one per meaning: a part of speech, then the synonyms
// A synonym may carry a remark in parentheses ("mal (familier)"); it is dropped.
#pragma once

#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

namespace depeches::associations {

/// A file that is not a MyThes thesaurus in UTF-8.
class ThesaurusError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A word and its synonyms, every meaning's together, as written in the thesaurus.
struct ThesaurusEntry {
    std::string word;
    std::vector<std::string> synonyms;
};

/// Reads a thesaurus. Throws ThesaurusError, naming the line, on anything else.
std::vector<ThesaurusEntry> read_thesaurus(std::istream& in);

} // namespace depeches::associations
