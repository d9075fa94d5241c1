// Tests of snippets and highlighting: marks land on the original words (accents, elisions,
// numbers with their spaces), text is escaped, phrases are marked only where they occur.
#include <gtest/gtest.h>

#include "indexer/analysis/highlighter.hpp"

namespace depeches::analysis {
namespace {

HighlightTerms terms_of(std::initializer_list<const char*> terms,
                        std::vector<std::vector<std::string>> phrases = {}) {
    HighlightTerms out;
    for (const char* t : terms) {
        out.terms.emplace(t, 1.0);
    }
    for (const auto& phrase : phrases) {
        std::vector<TermChoice> choices;
        for (const std::string& term : phrase) {
            choices.push_back({term});
        }
        out.phrases.push_back(std::move(choices));
    }
    return out;
}

TEST(Highlighter, MarksOriginalWordsWithAccentsAndElisions) {
    struct Case {
        std::string text;
        HighlightTerms query;
        std::string html;
    };
    const std::vector<Case> cases{
        {"les forces de l\u2019armée syrienne", terms_of({"arme"}),
         "les forces de <mark>l\u2019armée</mark> syrienne"},
        {"Genève et GENEVE", terms_of({"genev"}), "<mark>Genève</mark> et <mark>GENEVE</mark>"},
        {"colonne de 8\u00A0000 personnes", terms_of({"8000"}),
         "colonne de <mark>8\u00A0000</mark> personnes"},
        {"l'O.N.U. et l'ONU", terms_of({"onu"}),
         "<mark>l&#39;O.N.U.</mark> et <mark>l&#39;ONU</mark>"},
        {"le cessez-le-feu", terms_of({"cessezlefeu"}), "le <mark>cessez-le-feu</mark>"},
        {"le cessez-le-feu", terms_of({"cess", "feu"}),
         "le <mark>cessez</mark>-le-<mark>feu</mark>"},
        {"évacuation et évacuer", terms_of({}), "évacuation et évacuer"},
    };
    Analyzer analyzer;
    Highlighter highlighter(analyzer);
    for (const Case& c : cases) {
        SCOPED_TRACE(c.text);
        const Highlighted h = highlighter.highlight(c.text, c.query);
        EXPECT_EQ(h.html, c.html);
        EXPECT_EQ(h.matched, c.html.find("<mark>") != std::string::npos);
    }
}

TEST(Highlighter, MarksWordsWhoseStemRewritesTheirEnding) {
    // Only tokens that start like a query term are stemmed: a stem keeps its word's first two
    // letters even when Snowball rewrites the ending ("chevaux" → cheval, "heureuse" →
    // heureux), and a ligature folds letter by letter ("Œuvres" → oeuvr).
    Analyzer analyzer;
    Highlighter highlighter(analyzer);
    EXPECT_EQ(highlighter
                  .highlight("Chevaux, cheval, Œuvres et œuvre, heureuse",
                             terms_of({"cheval", "oeuvr", "heureux"}))
                  .html,
              "<mark>Chevaux</mark>, <mark>cheval</mark>, <mark>Œuvres</mark> et "
              "<mark>œuvre</mark>, <mark>heureuse</mark>");
    // A one-letter term is a one-letter word.
    EXPECT_EQ(highlighter.highlight("8 morts et 80 blessés", terms_of({"8"})).html,
              "<mark>8</mark> morts et 80 blessés");
    // A number's term keeps only its first digit: an ordinal is spelt many ways.
    EXPECT_EQ(highlighter.highlight("2nd tour, 2ième tour, 2 tours", terms_of({"2e"})).html,
              "<mark>2nd</mark> tour, <mark>2ième</mark> tour, 2 tours");
    EXPECT_EQ(highlighter.highlight("au XIXe siècle, le 19e", terms_of({"19e"})).html,
              "au <mark>XIXe</mark> siècle, le <mark>19e</mark>");
    // So are the terms of the stemming overrides (french.cpp): they keep two letters too, and
    // one that keeps its accents marks its word, not the one it folds like.
    EXPECT_EQ(highlighter.highlight("Sûrement pas sur place", terms_of({"sûr"})).html,
              "<mark>Sûrement</mark> pas sur place");
    EXPECT_EQ(highlighter
                  .highlight("Pétition : le MAÏS en mai, les communistes",
                             terms_of({"petition", "maïs", "communis"}))
                  .html,
              "<mark>Pétition</mark> : le <mark>MAÏS</mark> en mai, les <mark>communistes</mark>");
}

TEST(Highlighter, EscapesEverythingButTheMarks) {
    Analyzer analyzer;
    Highlighter highlighter(analyzer);
    const std::string text = "<script>alert('armée')</script> & <img src=x onerror=\"f()\">";
    EXPECT_EQ(highlighter.highlight(text, terms_of({"arme"})).html,
              "&lt;script&gt;alert(&#39;<mark>armée</mark>&#39;)&lt;/script&gt; &amp; &lt;img "
              "src=x onerror=&quot;f()&quot;&gt;");
}

TEST(Highlighter, MarksPhrasesOnlyWhereTheyOccurInOrder) {
    Analyzer analyzer;
    Highlighter highlighter(analyzer);
    const HighlightTerms query = terms_of({}, {{"cess", "le", "feu"}});
    EXPECT_EQ(highlighter.highlight("le feu, un cessez-le-feu, cessez le feu", query).html,
              "le feu, un <mark>cessez-le-feu</mark>, <mark>cessez le feu</mark>");
}

TEST(Highlighter, MarksWordsStartingWithAWildcardPrefix) {
    Analyzer analyzer;
    Highlighter highlighter(analyzer);
    HighlightTerms query;
    query.prefixes = {"evac"};
    EXPECT_EQ(highlighter.highlight("l'évacuation des civils évacués", query).html,
              "<mark>l&#39;évacuation</mark> des civils <mark>évacués</mark>");
}

TEST(Highlighter, SnippetIsTheBestPassageCutAtWords) {
    Analyzer analyzer;
    Highlighter highlighter(analyzer);
    std::string filler;
    for (int i = 0; i < 40; ++i) {
        filler += "Une phrase de remplissage sans rapport. ";
    }
    const std::string text = filler + "Les Casques blancs demandent un passage sûr. " + filler;
    const Highlighted h = highlighter.snippet(text, terms_of({"casqu", "blanc"}), 120);
    EXPECT_TRUE(h.matched);
    // The window starts at the sentence: no leading ellipsis.
    EXPECT_EQ(h.html.rfind("Les <mark>Casques</mark> <mark>blancs</mark> demandent", 0), 0U)
        << h.html;
    EXPECT_EQ(h.html.substr(h.html.size() - 3), "…");
    EXPECT_LE(h.html.size(), 120U + 2 * 30U); // marks and ellipses on top of the text
}

TEST(Highlighter, SnippetPrefersThePassageWithTheMostDistinctWords) {
    Analyzer analyzer;
    Highlighter highlighter(analyzer);
    std::string text = "Alep Alep Alep Alep. ";
    for (int i = 0; i < 20; ++i) {
        text += "Rien à signaler ici dans ce paragraphe. ";
    }
    text += "A Alep, les Casques blancs ont lancé un appel.";
    const Highlighted h = highlighter.snippet(text, terms_of({"alep", "casqu", "blanc"}), 80);
    EXPECT_NE(h.html.find("<mark>Casques</mark>"), std::string::npos) << h.html;
}

TEST(Highlighter, SnippetStartsMidSentenceWithAnEllipsisWhenTheSentenceIsLong) {
    Analyzer analyzer;
    Highlighter highlighter(analyzer);
    std::string text = "Début";
    for (int i = 0; i < 60; ++i) {
        text += " et encore des mots";
    }
    text += " puis Alep, enfin.";
    const Highlighted h = highlighter.snippet(text, terms_of({"alep"}), 100);
    EXPECT_EQ(h.html.rfind("…", 0), 0U) << h.html;
    EXPECT_NE(h.html.find("<mark>Alep</mark>"), std::string::npos) << h.html;
}

TEST(Highlighter, SnippetSentencesStartAfterGluedParagraphsButNotInitials) {
    Analyzer analyzer;
    Highlighter highlighter(analyzer);
    std::string filler;
    for (int i = 0; i < 30; ++i) {
        filler += "du texte sans rapport ";
    }
    const std::string text =
        "Premier paragraphe " + filler + "fin.Selon M. Lavrov, Alep est calme.";
    const Highlighted h = highlighter.snippet(text, terms_of({"alep"}), 60);
    EXPECT_EQ(h.html.rfind("Selon M. Lavrov, <mark>Alep</mark>", 0), 0U) << h.html;
}

TEST(Highlighter, SnippetWithoutMatchIsTheStartAndFlattensLines) {
    Analyzer analyzer;
    Highlighter highlighter(analyzer);
    const Highlighted h = highlighter.snippet(
        "Premier paragraphe.\n\nDeuxième paragraphe un peu plus long.", terms_of({"zzz"}), 30);
    EXPECT_FALSE(h.matched);
    EXPECT_EQ(h.html, "Premier paragraphe. Deuxième…");
}

TEST(Highlighter, SnippetOfShortTextHasNoEllipsis) {
    Analyzer analyzer;
    Highlighter highlighter(analyzer);
    EXPECT_EQ(highlighter.snippet("L'armée avance.", terms_of({"arme"})).html,
              "<mark>L&#39;armée</mark> avance.");
    EXPECT_EQ(highlighter.snippet("", terms_of({"arme"})).html, "");
}

} // namespace
} // namespace depeches::analysis
