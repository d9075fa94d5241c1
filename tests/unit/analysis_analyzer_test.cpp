// Table-driven tests of the French analyzer: every requirement of DESIGN.md's "French
// analysis" section, as text → terms with positions (term[pos]).
#include <algorithm>

#include <gtest/gtest.h>

#include "indexer/analysis/analyzer.hpp"
#include "indexer/analysis/french.hpp"

namespace depeches::analysis {
namespace {

struct Case {
    std::string text;
    std::vector<std::string> terms; ///< "term[position]", in token order
};

void expect_terms(const std::vector<Case>& cases) {
    Analyzer analyzer;
    for (const Case& c : cases) {
        SCOPED_TRACE(c.text);
        EXPECT_EQ(analyzer.describe(c.text), c.terms);
    }
}

TEST(Analyzer, FoldsCaseAccentsLigaturesAndCompatibilityForms) {
    expect_terms({
        {"ÉTATS", {"etat[1]"}},
        {"régime regime RÉGIME", {"regim[1]", "regim[2]", "regim[3]"}},
        {"e\u0301vacuation", {"evacu[1]"}},                   // NFD input
        {"\xEF\xAC\x81lm", {"film[1]"}},                      // ﬁ ligature (NFKC)
        {"\xEF\xBC\xAF\xEF\xBC\xAE\xEF\xBC\xB5", {"onu[1]"}}, // full-width ＯＮＵ
        {"Œuvre cœur", {"oeuvr[1]", "coeur[2]"}},
        {"ex æquo", {"ex[1]", "aequo[2]"}},
        {"garçon Genève Hassaké", {"garcon[1]", "genev[2]", "hassak[3]"}},
        {"soft\u00ADhyphen", {"softhyphen[1]"}}, // invisible soft hyphen inside a word
    });
}

TEST(Analyzer, SplitsElisionsWithEveryApostrophe) {
    expect_terms({
        {"l'armée", {"arme[1]"}},
        {"l\u2019armée", {"arme[1]"}},
        {"l\u02BCarmée", {"arme[1]"}},
        {"L'OSDH l'ONU d'Alep", {"osdh[1]", "onu[2]", "alep[3]"}},
        {"j'ai m'a n'est s'est t'as c'était",
         {"ai[1]", "a[2]", "est[3]", "est[4]", "as[5]", "etait[6]"}},
        {"qu'il jusqu'à lorsqu'il puisqu'on quoiqu'il",
         {"il[1]", "a[2]", "il[3]", "on[4]", "il[5]"}},
        {"aujourd'hui aujourd\u2019hui", {"aujourd'hui[1]", "aujourd'hui[2]"}},
        {"'Les Russes ont reculé'", {"le[1]", "russ[2]", "ont[3]", "recul[4]"}}, // quotes
    });
}

TEST(Analyzer, StemsWithSnowballFrench) {
    expect_terms({
        {"évacuations évacuation évacuer évacués",
         {"evacu[1]", "evacu[2]", "evacu[3]", "evacu[4]"}},
        {"négociations negociation", {"negoci[1]", "negoci[2]"}},
        {"syrienne syriens", {"syrien[1]", "syrien[2]"}},
    });
}

TEST(Analyzer, KeepsApartWordsSnowballStemsLikeUnrelatedOnes) {
    expect_terms({
        {"maïs MAÏS mai mais", {"maïs[1]", "maïs[2]", "mai[3]", "mais[4]"}},
        {"pétition Pétitions petition petits",
         {"petition[1]", "petition[2]", "petition[3]", "petit[4]"}},
        {"communiste communismes commune communs",
         {"communis[1]", "communis[2]", "commun[3]", "commun[4]"}},
        {"communication communique communiqué communiquer",
         {"communiqu[1]", "communiqu[2]", "communiqu[3]", "communiqu[4]"}},
        {"années annee Anne", {"annee[1]", "annee[2]", "anne[3]"}},
        {"Départements départ", {"departement[1]", "depart[2]"}},
        {"mars mari parce parc", {"mars[1]", "mar[2]", "parce[3]", "parc[4]"}},
        {"série sera notamment note", {"seri[1]", "ser[2]", "notamment[3]", "not[4]"}},
        {"côte côté cote", {"cote[1]", "cot[2]", "cot[3]"}}, // "cote": either, by accents
        {"sûr Sûre sûrement sur", {"sûr[1]", "sûr[2]", "sûr[3]", "sur[4]"}},
    });
    // Binary search needs the table sorted; the highlighter's filter needs every term, folded,
    // to start with its word's first two folded letters, as Snowball's stems do.
    const auto table = stem_overrides();
    EXPECT_TRUE(std::is_sorted(table.begin(), table.end()));
    for (const auto& [word, term] : table) {
        SCOPED_TRACE(std::string(word));
        EXPECT_EQ(fold_text(term).substr(0, 2), fold_text(word).substr(0, 2));
    }
}

TEST(Analyzer, JoinsEveryWayOfWritingANumber) {
    expect_terms({
        {"8.000", {"8000[1]"}},
        {"8 000", {"8000[1]"}},
        {"8\u00A0000", {"8000[1]"}},
        {"8\u202F000", {"8000[1]"}},
        {"8\u2009000", {"8000[1]"}},
        {"8000", {"8000[1]"}},
        {"1.000.000 et 10 000 000", {"1000000[1]", "et[2]", "10000000[3]"}},
        {"3,5 % et 2.5", {"3,5[1]", "et[2]", "2,5[3]"}},
        // A four-digit year never takes the next number as a thousands group.
        {"en 2011 300 morts", {"en[1]", "2011[2]", "300[3]", "mort[4]"}},
        {"les 15 000 à 20 000", {"le[1]", "15000[2]", "a[3]", "20000[4]"}},
    });
}

TEST(Analyzer, SpellsEveryOrdinalOneWay) {
    expect_terms({
        {"2e 2ème 2eme 2è 2ième 2nd 2nde",
         {"2e[1]", "2e[2]", "2e[3]", "2e[4]", "2e[5]", "2e[6]", "2e[7]"}},
        {"les 3èmes, 2es et 1ères", {"le[1]", "3e[2]", "2e[3]", "et[4]", "1er[5]"}},
        {"1er 1re 1ère 1ERE 1e", {"1er[1]", "1er[2]", "1er[3]", "1er[4]", "1er[5]"}},
        // In Roman numerals as typeset: upper-case numerals, a lower-case suffix.
        {"au 19e siècle, le XIXème", {"au[1]", "19e[2]", "siecl[3]", "le[4]", "19e[5]"}},
        {"XIXe Ve XXIe IIe François Ier",
         {"19e[1]", "5e[2]", "21e[3]", "2e[4]", "francois[5]", "1er[6]"}},
        // Words, or numerals written otherwise: a lone L or C, lower or all upper case, not
        // the canonical numeral, beyond C, a suffix of another word.
        {"Le Ce Vie XIXE xixe XVIIIIe CIe LCIe Xer",
         {"le[1]", "ce[2]", "vi[3]", "xix[4]", "xix[5]", "xviiii[6]", "ci[7]", "lci[8]", "xer[9]"}},
        // Not ordinals: other suffixes, a time, a year, a letter alone.
        {"3nd 2er 12h30 1890 e", {"3nd[1]", "2er[2]", "12h30[3]", "1890[4]", "e[5]"}},
    });
    Analyzer analyzer;
    // Typed without accents, the same term.
    EXPECT_EQ(analyzer.unaccented_term("2eme"), "2e");
    EXPECT_EQ(analyzer.unaccented_term("1ere"), "1er");
}

TEST(Analyzer, IndexesCompoundsAsPartsAndAsOneWord) {
    expect_terms({
        // Parts at consecutive positions (phrases), the joined form at the first part's.
        {"cessez-le-feu", {"cess[1]", "le[2]", "feu[3]", "cessezlefeu[1]"}},
        {"Alep-Est", {"alep[1]", "est[2]", "alepest[1]"}},
        {"États-Unis", {"etat[1]", "unis[2]", "etatsun[1]"}},
        {"EtatsUnis", {"etatsun[1]"}},
        {"d'Alep-Est", {"alep[1]", "est[2]", "alepest[1]"}},
        {"covid-19", {"covid[1]", "19[2]", "covid19[1]"}},
        {"2015-2016", {"2015[1]", "2016[2]"}},                 // numbers only: no joined form
        {"--non contraignante--", {"non[1]", "contraign[2]"}}, // dashes are not hyphens
    });
}

TEST(Analyzer, JoinsDottedAcronyms) {
    expect_terms({
        {"O.N.U.", {"onu[1]"}},
        {"ONU", {"onu[1]"}},
        {"U.S.A et l'O.N.U.", {"usa[1]", "et[2]", "onu[3]"}},
        {"M. Lavrov", {"m[1]", "lavrov[2]"}},                     // an initial is not an acronym
        {"domestique.Consternant", {"domest[1]", "constern[2]"}}, // glued sentences split
    });
}

TEST(Analyzer, SurvivesHostileInput) {
    expect_terms({
        {"", {}},
        {"\xFF\xFE\xC3", {}},
        {"ab\xFF"
         "cd",
         {"ab[1]", "cd[2]"}},
        {"----''''....", {}},
        {std::string(100, 'a'), {}}, // too long to be a word
        {"a-" + std::string(5000, '-'), {"a[1]"}},
    });
    Analyzer analyzer;
    std::string many;
    for (int i = 0; i < 2000; ++i) {
        many += "x-";
    }
    many += "x";
    EXPECT_EQ(analyzer.describe(many).size(), 2001U); // parts kept, no joined form
}

TEST(Tokenizer, OffsetsPointAtTheOriginalWords) {
    struct OffsetCase {
        std::string text;
        std::vector<std::string> spans; ///< original text of each token
    };
    const std::vector<OffsetCase> cases{
        {"Selon l\u2019aéroport d'Alep-Est,", {"l\u2019aéroport", "Selon"}},
        {"colonne de 8\u00A0000 personnes", {"8\u00A0000"}},
        {"l'O.N.U. dit", {"l'O.N.U."}},
        {"le cessez-le-feu", {"cessez-le-feu"}},
    };
    for (const OffsetCase& c : cases) {
        SCOPED_TRACE(c.text);
        std::vector<Token> tokens;
        tokenize(c.text, tokens);
        std::vector<std::string> spans;
        for (const Token& t : tokens) {
            spans.push_back(c.text.substr(t.begin, t.end - t.begin));
        }
        for (const std::string& expected : c.spans) {
            EXPECT_NE(std::find(spans.begin(), spans.end(), expected), spans.end()) << expected;
        }
    }
}

TEST(French, StopWordsAreFunctionWordsOnly) {
    for (const char* word : {"le", "la", "les", "de", "des", "du", "et", "ou", "a", "au", "aux"}) {
        SCOPED_TRACE(word);
        EXPECT_TRUE(is_stop_word(word));
    }
    for (const char* word : {"est", "ete", "armee", "feu", "paix", "sont"}) {
        SCOPED_TRACE(word);
        EXPECT_FALSE(is_stop_word(word));
    }
}

TEST(French, QueryFillersAreInterrogativesAndAuxiliaries) {
    EXPECT_TRUE(query_fillers_sorted());
    for (const char* word : {"combien", "pourquoi", "lesquels", "est", "sont", "ont", "ete"}) {
        SCOPED_TRACE(word);
        EXPECT_TRUE(is_query_filler(word));
    }
    for (const char* word : {"armee", "paix", "nom", "le", "alep"}) {
        SCOPED_TRACE(word);
        EXPECT_FALSE(is_query_filler(word));
    }
}

TEST(French, ElisionsAreTheArticlesAndPronounsOnly) {
    for (const char* word :
         {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"}) {
        SCOPED_TRACE(word);
        EXPECT_TRUE(is_elision(word));
    }
    for (const char* word : {"aujourd", "presqu", "prud", "o"}) {
        SCOPED_TRACE(word);
        EXPECT_FALSE(is_elision(word));
    }
}

} // namespace
} // namespace depeches::analysis
