// Table-driven tests of word spans: acronym definitions learnt from text, headline phrases
// offered as completions, and the lower-case text of a run of words.
#include <gtest/gtest.h>

#include "indexer/analysis/word_spans.hpp"

namespace depeches::analysis {

void PrintTo(const AcronymDefinition& d, std::ostream* os) {
    *os << "{" << d.acronym << ", " << d.full_name << "}";
}

namespace {

std::vector<AcronymDefinition> acronyms_of(const std::string& text) {
    std::vector<Token> tokens;
    tokenize(text, tokens);
    return find_acronyms(text, tokens);
}

std::vector<std::string> phrases_of(const std::string& text) {
    std::vector<Token> tokens;
    tokenize(text, tokens);
    return headline_phrases(text, tokens);
}

TEST(WordSpans, LearnsAcronymsDefinedInParentheses) {
    struct Case {
        std::string text;
        std::vector<AcronymDefinition> expected;
    };
    const std::vector<Case> cases{
        {"selon l'Observatoire syrien des droits de l'Homme (OSDH), des dizaines",
         {{"osdh", "observatoire syrien des droits de l'homme"}}},
        {"l'Organisation des Nations unies (ONU) a demandé",
         {{"onu", "organisation des nations unies"}}},
        {"le groupe Etat islamique (EI) a revendiqué", {{"ei", "etat islamique"}}},
        {"l’Union européenne (UE)", {{"ue", "union européenne"}}},
        {"Front de libération nationale (FLN) et Fonds monétaire international (FMI)",
         {{"fln", "front de libération nationale"}, {"fmi", "fonds monétaire international"}}},
        // A function word gives a letter when the name needs it; of the names that fit, the
        // shortest.
        {"le leader de La France insoumise (LFI)", {{"lfi", "la france insoumise"}}},
        {"le parti Les Républicains (LR)", {{"lr", "les républicains"}}},
        {"l'Agence de l'environnement et de la maîtrise de l'énergie (ADEME)",
         {{"ademe", "agence de l'environnement et de la maîtrise de l'énergie"}}},
        {"Mouvement des entreprises de France (MEDEF)", {}},
        // Not a definition: letters that do not match, lower case, a stray parenthesis,
        // punctuation inside the name, a name that ends on a function word.
        {"les rebelles syriens (OSDH)", {}},
        {"l'Observatoire syrien des droits de l'Homme (osdh)", {}},
        {"Observatoire syrien des droits de l'Homme OSDH", {}},
        {"Observatoire syrien, des droits de l'Homme (OSDH)", {}},
        {"Union de (UD)", {}},
        {"(ONU)", {}},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.text);
        EXPECT_EQ(acronyms_of(c.text), c.expected);
    }
}

TEST(WordSpans, OffersHeadlinePhrasesThatStartAndEndOnContentWords) {
    EXPECT_EQ(phrases_of("L'État islamique revendique l'attentat"),
              (std::vector<std::string>{"islamique revendique", "islamique revendique l'attentat",
                                        "revendique l'attentat", "état islamique",
                                        "état islamique revendique"}));
    EXPECT_EQ(phrases_of("Syrie: les droits de l'Homme"),
              (std::vector<std::string>{"droits de l'homme"}));
    EXPECT_EQ(phrases_of("Alep"), std::vector<std::string>{});
}

TEST(WordSpans, WritesSpansLowerCaseWithTheirElisions) {
    const std::string text = "Selon l’OSDH, les forces du RÉGIME";
    std::vector<Token> tokens;
    tokenize(text, tokens);
    ASSERT_EQ(tokens.size(), 6U);
    EXPECT_EQ(span_text(text, tokens, 0, 1), "selon l'osdh");
    EXPECT_EQ(span_text(text, tokens, 2, 5), "les forces du régime");
    EXPECT_EQ(word_begin(text, tokens[1]), text.find("OSDH"));
    EXPECT_EQ(word_begin(text, tokens[2]), tokens[2].begin);
    const std::string today = "aujourd'hui";
    std::vector<Token> one;
    tokenize(today, one);
    ASSERT_EQ(one.size(), 1U);
    EXPECT_EQ(word_begin(today, one[0]), 0U); // not an elision
    EXPECT_TRUE(adjacent(text, tokens[2], tokens[3]));
    EXPECT_FALSE(adjacent(text, tokens[1], tokens[2]));
}

/// The words of `text` written as names, and those typed as names, as "name" / "typed".
std::vector<std::string> names_in(const std::string& text, bool typed) {
    std::vector<Token> tokens;
    tokenize(text, tokens);
    std::vector<std::string> names;
    for (const Token& token : tokens) {
        if (token.kind != TokenKind::compound_whole &&
            (typed ? typed_as_name(text, token) : written_as_name(text, token))) {
            names.push_back(token.form);
        }
    }
    return names;
}

TEST(WordSpans, TellsANameFromTheCapitalOfASentencesFirstWord) {
    struct Case {
        std::string text;
        std::vector<std::string> names;
    };
    const std::vector<Case> cases{
        {"Qui introduit Madame de Maintenon à la cour ?", {"madame", "maintenon"}},
        // A sentence's first word, after a full stop, a colon, a line break, quotes.
        {"Maintenant, il part. Demain aussi! Puis: Rien", {}},
        {"Coronavirus : Le gouvernement\nLes mesures", {}},
        {"Il a dit : « Nous partons. » Le soir, « Maintenant », a dit Macron.", {"macron"}},
        {"Le journal “Libération” et le Monde", {"monde"}},
        {"« Non. » La ministre", {}},
        // After an elided article, a capital is a name's even where a sentence begins.
        {"L'Inter gagne à l’Assemblée nationale", {"inter", "assemblee"}},
        {"aujourd'hui à Paris et Jean-Pierre à Saint-Étienne",
         {"paris", "jean", "pierre", "saint", "etienne"}},
        {"réunion de l'ONU à New York", {"onu", "new", "york"}},
        {"", {}},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(names_in(c.text, false), c.names) << c.text;
    }
    // A reader who types in capitals says nothing of names: the capitals are the query's.
    EXPECT_EQ(names_in("réunion de l'ONU à New York", true),
              (std::vector<std::string>{"new", "york"}));
    EXPECT_EQ(names_in("la FRANCE et Madame GOUVERNMENT", true),
              std::vector<std::string>{"madame"});
}

} // namespace
} // namespace depeches::analysis
