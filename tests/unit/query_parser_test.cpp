// Tests of the query language: each query as typed → the Xapian query it becomes
// (compared through get_description(), as Xapian's own tests do).
#include <algorithm>

#include <gtest/gtest.h>

#include "indexer/index/schema.hpp"
#include "searchd/query/query_lexer.hpp"
#include "searchd/query/query_parser.hpp"

namespace depeches::query {
namespace {

struct Case {
    std::string text;
    std::string with_and; ///< description with the default operator AND
    std::string with_or;  ///< description with the default operator OR ("" = same as AND)
};

void expect_queries(const std::vector<Case>& cases) {
    analysis::Analyzer analyzer;
    QueryParser parser(analyzer);
    for (const Case& c : cases) {
        SCOPED_TRACE(c.text);
        EXPECT_EQ(parser.parse(c.text, DefaultOperator::op_and).query.get_description(),
                  c.with_and);
        EXPECT_EQ(parser.parse(c.text, DefaultOperator::op_or).query.get_description(),
                  c.with_or.empty() ? c.with_and : c.with_or);
    }
}

TEST(QueryParser, AnalysesWordsLikeTheIndexer) {
    expect_queries({
        {"armee syrienne alep", "Query((arme@1 AND syrien@1 AND alep@1))",
         "Query((arme@1 OR syrien@1 OR alep@1))"},
        {"l'ONU O.N.U.", "Query(2 * onu@1)", ""}, // one term, counted twice
        {"8 000 personnes", "Query((8000@1 AND person@1))", "Query((8000@1 OR person@1))"},
        {"Genève", "Query(genev@1)", ""},
    });
}

TEST(QueryParser, DropsLoneStopWordsUnlessNothingElseIsLeft) {
    expect_queries({
        {"évacuation des civils", "Query((evacu@1 AND civil@1))", "Query((evacu@1 OR civil@1))"},
        {"le la", "Query((le@1 AND la@1))", "Query((le@1 OR la@1))"},
    });
}

TEST(QueryParser, SearchesAFillerThatADeterminerMakesANoun) {
    expect_queries({
        // "été" and "est" are the verb after a subject, summer and east after a determiner.
        {"vacances cet été", "Query((vacanc@1 AND ete@1))", "Query((vacanc@1 OR ete@1))"},
        {"festivals d’été", "Query((festival@1 AND ete@1))", "Query((festival@1 OR ete@1))"},
        {"l'Est de l'Allemagne", "Query((est@1 AND allemagn@1))", "Query((est@1 OR allemagn@1))"},
        {"le vote a été annulé", "Query((vot@1 AND annul@1))", "Query((vot@1 OR annul@1))"},
        {"Qu'est-ce qu'un vaccin", "Query(vaccin@1)", ""},
        {"c'est la crise", "Query(cris@1)", ""},
    });
}

TEST(QueryParser, SearchesAStopWordThatAnArticleMakesANoun) {
    expect_queries({
        // "car", "son", "ton": the conjunction and possessives, but nouns after an article.
        {"un car scolaire", "Query((car@1 AND scolair@1))", "Query((car@1 OR scolair@1))"},
        {"le ton monte", "Query((ton@1 AND mont@1))", "Query((ton@1 OR mont@1))"},
        {"au son du canon", "Query((son@1 AND canon@1))", "Query((son@1 OR canon@1))"},
        {"car il pleut", "Query(pleut@1)", ""},
        {"son fils est parti", "Query((fil@1 AND part@1))", "Query((fil@1 OR part@1))"},
    });
}

TEST(QueryParser, SearchesAStopWordWhoseAccentsMakeItAnotherWord) {
    expect_queries({
        // "maïs" (maize) has a term of its own; "mais" (but) is the conjunction.
        {"culture du maïs", "Query((cultur@1 AND maïs@1))", "Query((cultur@1 OR maïs@1))"},
        {"culture mais récolte", "Query((cultur@1 AND recolt@1))", "Query((cultur@1 OR recolt@1))"},
        // "sûr" (sure) too; "sur" (on) is the preposition.
        {"bien sûr", "Query((bien@1 AND sûr@1))", "Query((bien@1 OR sûr@1))"},
        {"bien sur place", "Query((bien@1 AND plac@1))", "Query((bien@1 OR plac@1))"},
    });
}

TEST(QueryParser, MatchesCompoundsAsPhraseOrJoinedWord) {
    expect_queries({
        {"cessez-le-feu", "Query(((cess@1 PHRASE 3 le@2 PHRASE 3 feu@3) OR cessezlefeu@1))", ""},
        {"\"cessez le feu\"", "Query((cess@1 PHRASE 3 le@2 PHRASE 3 feu@3))", ""},
        {"\"cessez-le-feu\"", "Query((cess@1 PHRASE 3 le@2 PHRASE 3 feu@3))", ""},
        {"«\u00A0armée syrienne\u00A0»", "Query((arme@1 PHRASE 2 syrien@2))", ""},
    });
}

TEST(QueryParser, SearchesAQuestionsInvertedVerbAlone) {
    expect_queries({
        {"Quand Bohme tombe-t-il malade", "Query((bohm@1 AND tomb@1 AND malad@1))",
         "Query((bohm@1 OR tomb@1 OR malad@1))"},
        {"peut-on", "Query(peut@1)", ""},
        {"a-t-elle", "Query(a@1)", ""}, // nothing but a stop word left: searched for itself
        // Not a subject: a compound stays one.
        {"rendez-vous", "Query(((rend@1 PHRASE 2 vous@2) OR rendezvous@1))", ""},
    });
}

TEST(QueryParser, WeighsAQuestionsFocusLess) {
    expect_queries({
        // The noun after quel names the kind of answer: the answer says "en 1847".
        {"Quelle est la date de la reddition", "Query((0.25 * dat@1 AND reddit@1))",
         "Query((0.25 * dat@1 OR reddit@1))"},
        {"En quelle année Böhme tombe-t-il malade",
         "Query((0.25 * annee@1 AND bohme@1 AND tomb@1 AND malad@1))",
         "Query((0.25 * annee@1 OR bohme@1 OR tomb@1 OR malad@1))"},
        {"Quels ingrédients", "Query(0.25 * ingredient@1)", ""},
        // Only the first word searched after it; without quel, no focus.
        {"la date de la reddition", "Query((dat@1 AND reddit@1))", "Query((dat@1 OR reddit@1))"},
    });
}

TEST(QueryParser, NotesTheDaysTheWordsName) {
    analysis::Analyzer analyzer;
    QueryParser parser(analyzer);
    const auto days = [&parser](const std::string& text) {
        return parser.parse(text, DefaultOperator::op_or).days;
    };
    EXPECT_EQ(days("Macron a annoncé lundi 18 mai un plan"),
              (std::vector<NamedDay>{{0, 18, 5, 0}}));
    EXPECT_EQ(days("Samedi 1er août 2020, la grève"), (std::vector<NamedDay>{{5, 1, 8, 2020}}));
    EXPECT_EQ(days("démission jeudi OR vendredi"), (std::vector<NamedDay>{{3}, {4}}));
    EXPECT_EQ(days("jeudi (grève jeudi)"), (std::vector<NamedDay>{{3}}));
    EXPECT_TRUE(days("défilé du 14 juillet").empty());
    // Not what is excluded, nor a phrase or a field.
    EXPECT_TRUE(days("grève -jeudi").empty());
    EXPECT_TRUE(days("\"grève de jeudi\"").empty());
    EXPECT_TRUE(days("titre:jeudi").empty());
}

TEST(QueryParser, NotesEveryWordSearchedForAssociations) {
    analysis::Analyzer analyzer;
    QueryParser parser(analyzer);
    const auto words = [&parser](const std::string& text) {
        return parser.parse(text, DefaultOperator::op_or).words;
    };
    using Words = std::vector<analysis::TermChoice>;
    // Stop words too (they count in the number of words), a compound's parts and its joined
    // form, phrases' words; not what is excluded, nor a field's words.
    EXPECT_EQ(words("le cessez-le-feu à Alep"),
              (Words{{"le"}, {"cess"}, {"le"}, {"feu"}, {"cessezlefeu"}, {"a"}, {"alep"}}));
    EXPECT_EQ(words("\"grève générale\" -Paris titre:Lyon"), (Words{{"grev"}, {"general"}}));
}

TEST(QueryParser, HandlesBooleanOperatorsInFrenchAndEnglish) {
    expect_queries({
        {"Alep OR Mossoul", "Query((alep@1 OR mossoul@1))", ""},
        {"Alep OU Mossoul", "Query((alep@1 OR mossoul@1))", ""},
        // An operator binds the words next to it.
        {"armée syrienne OR russe", "Query((arme@1 AND (syrien@1 OR russ@1)))",
         "Query((arme@1 OR (syrien@1 OR russ@1)))"},
        {"alep ET mossoul", "Query((alep@1 AND mossoul@1))", ""},
        {"(alep OR mossoul) AND armee", "Query(((alep@1 OR mossoul@1) AND arme@1))", ""},
        {"armee -russe", "Query((arme@1 AND_NOT russ@1))", ""},
        {"armee NOT russe SAUF turc", "Query((arme@1 AND_NOT (russ@1 OR turc@1)))", ""},
        {"+armee syrienne", "Query((arme@1 AND syrien@1))", "Query((arme@1 AND_MAYBE syrien@1))"},
        {"-alep", "Query((<alldocuments> AND_NOT alep@1))", ""},
        // A dash after a full stop opens a line of dialogue in pasted prose; excluding a
        // stop word or a question's filler would exclude nearly everything: neither excludes.
        {"alep. -Mossoul", "Query((alep@1 AND mossoul@1))", "Query((alep@1 OR mossoul@1))"},
        {"le croire ! -C'est une photo", "Query((croir@1 AND photo@1))",
         "Query((croir@1 OR photo@1))"},
        {"division fut -elle irréversible", "Query((divis@1 AND irreversibl@1))",
         "Query((divis@1 OR irreversibl@1))"},
        {"armee -le", "Query(arme@1)", ""},
        // A signed number is a number ("-10 degrés", "+1"), and an ending is named with its
        // dash after "en" or "suffixe": neither is an operator.
        {"froid -10 degrés", "Query((froid@1 AND 10@1 AND degr@1))",
         "Query((froid@1 OR 10@1 OR degr@1))"},
        {"popularité (19%; +1)", "Query((popular@1 AND (19@1 AND 1@1)))",
         "Query((popular@1 OR (19@1 OR 1@1)))"},
        {"toponymes en -in", "Query((toponym@1 AND in@1))", "Query((toponym@1 OR in@1))"},
        {"suffixe -ville", "Query((suffix@1 AND vill@1))", "Query((suffix@1 OR vill@1))"},
        {"toponymes -in", "Query((toponym@1 AND_NOT in@1))", ""},
        // Nor does a word the query also searches for.
        {"Munich en Allemagne -L'Allemagne", "Query((munich@1 AND allemagn@1))",
         "Query((munich@1 OR allemagn@1))"},
        {"grève -\"grève générale\"", "Query((grev@1 AND_NOT (grev@1 PHRASE 2 general@2)))", ""},
        // Lower-case "ou" and "et" are words (stop words), not operators.
        {"paix ou guerre", "Query((paix@1 AND guerr@1))", "Query((paix@1 OR guerr@1))"},
    });
}

TEST(QueryParser, ReadsAnElisionTypedWithoutItsApostropheInAPhrase) {
    analysis::Analyzer analyzer;
    QueryParser parser(analyzer);
    const auto phrase = [&parser](const std::string& text) {
        return parser.parse(text, DefaultOperator::op_and).query.get_description();
    };
    // "d'urgence" is one position in the text: "d urgence" must be too.
    EXPECT_EQ(phrase("\"état d urgence\""), phrase("\"état d'urgence\""));
    EXPECT_EQ(phrase("\"état d urgence\""), "Query((etat@1 PHRASE 2 urgenc@2))");
    EXPECT_EQ(phrase("\"l armée qu elle\""), phrase("\"l'armée qu'elle\""));
    // Before a consonant, or last, the letter is a word ("vitamine d", "plan b").
    EXPECT_EQ(phrase("\"vitamine d\""), "Query((vitamin@1 PHRASE 2 d@2))");
    EXPECT_EQ(phrase("\"le d de\""), "Query((le@1 PHRASE 3 d@2 PHRASE 3 de@3))");
}

TEST(QueryParser, ScoresAQuotedPhraseAmongOtherWordsAlsoByItsWords) {
    expect_queries({
        // Among other loose words, the phrase's words also count where they stand apart.
        {"Dati \"propreté et tranquillité\"",
         "Query((dat@1 AND (propret@1 PHRASE 3 et@2 PHRASE 3 tranquill@3)))",
         "Query((dat@1 OR ((propret@1 PHRASE 3 et@2 PHRASE 3 tranquill@3) OR "
         "(propret@1 OR tranquill@1))))"},
        // Alone, or excluded, a phrase is a phrase.
        {"\"propreté et tranquillité\"", "Query((propret@1 PHRASE 3 et@2 PHRASE 3 tranquill@3))",
         ""},
        {"Dati -\"propreté et tranquillité\"",
         "Query((dat@1 AND_NOT (propret@1 PHRASE 3 et@2 PHRASE 3 tranquill@3)))", ""},
    });
}

TEST(QueryParser, AddsTheExactAndTruncatedFormsOfLooseWordsToTheScore) {
    analysis::Analyzer analyzer;
    QueryParser parser(analyzer);
    const auto boosts = [&parser](const std::string& text) {
        std::vector<std::string> out;
        for (const WeightedTerm& b : parser.parse(text, DefaultOperator::op_or).boosts) {
            out.push_back(
                Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(b.term), b.factor)
                    .get_description());
        }
        return out;
    };
    // Words, numbers and acronyms, in phrases too; not stop words, compounds, excluded words
    // or fields. Numbers have no truncated form.
    EXPECT_EQ(
        boosts(
            "Négociations à Genève \"trêve humanitaire\" 2016 ONU cessez-le-feu -russe titre:alep"),
        (std::vector<std::string>{
            "Query(0.5 * Enegociations)", "Query(0.75 * Tnegoc)", "Query(0.125 * Enégociations)",
            "Query(0.5 * Egeneve)", "Query(0.75 * Tgenev)", "Query(0.125 * Egenève)",
            "Query(0.5 * Etreve)", "Query(0.75 * Ttreve)", "Query(0.125 * Etrêve)",
            "Query(0.5 * Ehumanitaire)", "Query(0.75 * Thuman)", "Query(0.5 * E2016)",
            "Query(0.5 * Eonu)", "Query(0.75 * Tonu)"}));
    // Typed without accents: the folded form only.
    EXPECT_EQ(boosts("negociations"),
              (std::vector<std::string>{"Query(0.5 * Enegociations)", "Query(0.75 * Tnegoc)"}));
    // A truncated form counts once however many of the query's words share it.
    EXPECT_EQ(boosts("syrien Syrie"),
              (std::vector<std::string>{"Query(0.5 * Esyrien)", "Query(0.75 * Tsyrie)",
                                        "Query(0.5 * Esyrie)"}));
}

TEST(QueryParser, SearchesFieldsAndPrefixes) {
    expect_queries({
        {"titre:alep", "Query(Salep@1)", ""},
        {"TITRE:Alep", "Query(Salep@1)", ""},
        {"titre:\"armée syrienne\"", "Query((Sarme@1 PHRASE 2 Ssyrien@2))", ""},
        {"évac*", "Query(WILDCARD SYNONYM evac)", ""},
        {"e*", "Query(e@1)", ""}, // too short to expand: the letter itself
    });
}

TEST(QueryParser, ReadsARepeatedClauseOnceWeightedAsOftenAsItComes) {
    expect_queries({
        {"alep Alep ALEP syrie", "Query((3 * alep@1 AND syr@1))", "Query((3 * alep@1 OR syr@1))"},
        {"évac* (évac*) évac*", "Query(3 * WILDCARD SYNONYM evac)", ""},
        {"+alep +alep -syrie -syrie", "Query((2 * alep@1 AND_NOT syr@1))", ""},
        {"la la la", "Query(3 * la@1)", ""},
    });
}

TEST(QueryParser, BoundsWhatAHostileQueryCosts) {
    analysis::Analyzer analyzer;
    QueryParser parser(analyzer);
    // Wildcards share 400 terms, 200 at most each: in an index where each of the prefixes ba,
    // be, bi, bo and bu begins 150 words, each in a dispatch of its own, "ba*" finds 150
    // dispatches and the five wildcards together 400, not 750.
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const std::string prefix : {"ba", "be", "bi", "bo", "bu"}) {
        for (int i = 0; i < 150; ++i) {
            Xapian::Document doc;
            doc.add_term(prefix + "x" + std::to_string(i));
            db.add_document(doc);
        }
    }
    const auto matches = [&parser, &db](const std::string& text) {
        Xapian::Enquire enquire(db);
        enquire.set_query(parser.parse(text, DefaultOperator::op_or).query);
        return enquire.get_mset(0, 1000).size();
    };
    EXPECT_EQ(matches("ba*"), 150U);
    EXPECT_EQ(matches("ba* be*"), 300U);
    EXPECT_EQ(matches("ba* be* bi* bo* bu*"), 400U);

    // A phrase longer than 16 words is checked as consecutive phrases of at most 16, all
    // required: 20 words as two phrases of 10.
    std::string twenty;
    std::string ten;
    for (int i = 0; i < 20; ++i) {
        const std::string word = i % 2 == 0 ? "la" : "de";
        twenty += twenty.empty() ? "\"" : " ";
        twenty += word;
        if (i < 10) {
            ten += ten.empty() ? "(" : " PHRASE 10 ";
            ten += word;
            ten += '@';
            ten += std::to_string(i + 1);
        }
    }
    twenty += '"';
    ten += ')';
    EXPECT_EQ(parser.parse(twenty, DefaultOperator::op_and).query.get_description(),
              "Query((" + ten + " AND " + ten + "))");
}

TEST(QueryParser, FallsBackToPlainWordsOnInvalidSyntax) {
    analysis::Analyzer analyzer;
    QueryParser parser(analyzer);
    struct Fallback {
        std::string text;
        std::string description;
    };
    const std::vector<Fallback> cases{
        {"\"cessez le feu", "Query((cess@1 AND feu@1))"},
        {"((alep", "Query(alep@1)"},
        {"alep)", "Query(alep@1)"},
        {"OR", "Query(or@1)"},
        {"alep OR", "Query((alep@1 AND or@1))"},
        {"date:2016-13 alep", "Query((dat@1 AND (2016@1 PHRASE 2 13@2) AND alep@1))"},
    };
    for (const Fallback& c : cases) {
        SCOPED_TRACE(c.text);
        const ParsedQuery parsed = parser.parse(c.text, DefaultOperator::op_and);
        EXPECT_TRUE(parsed.fallback);
        EXPECT_EQ(parsed.query.get_description(), c.description);
    }
}

TEST(QueryParser, ReadsDateFilters) {
    analysis::Analyzer analyzer;
    QueryParser parser(analyzer);
    const ParsedQuery month = parser.parse("date:2016-12 alep", DefaultOperator::op_and);
    EXPECT_EQ(month.query.get_description(), "Query(alep@1)");
    EXPECT_EQ(month.date_from, "20161201");
    EXPECT_EQ(month.date_to, "20161231");
    const ParsedQuery only = parser.parse("date:2016", DefaultOperator::op_and);
    EXPECT_EQ(only.query.get_description(), "Query(<alldocuments>)");
    EXPECT_EQ(only.date_from, "20160101");
}

TEST(QueryParser, CollectsWhatToHighlight) {
    analysis::Analyzer analyzer;
    QueryParser parser(analyzer);
    const ParsedQuery parsed =
        parser.parse("armée \"cessez le feu\" -russe des évac*", DefaultOperator::op_and);
    EXPECT_EQ(parsed.highlight.terms.count("arme"), 1U);
    EXPECT_EQ(parsed.highlight.terms.count("russ"), 0U); // excluded words are not marked
    EXPECT_EQ(parsed.highlight.terms.count("de"), 0U);   // nor lone stop words
    ASSERT_EQ(parsed.highlight.phrases.size(), 1U);
    EXPECT_EQ(parsed.highlight.phrases[0],
              (std::vector<analysis::TermChoice>{{"cess"}, {"le"}, {"feu"}}));
    EXPECT_EQ(parsed.highlight.prefixes, std::vector<std::string>{"evac"});
}

TEST(QueryLexer, TakesQuotesAway) {
    EXPECT_EQ(without_quotes("Dati \"la propreté\"  et «\u00A0la tranquillité\u00A0»"),
              "Dati la propreté et la tranquillité");
    EXPECT_EQ(without_quotes("“cessez-le-feu”"), "cessez-le-feu");
    EXPECT_EQ(without_quotes("alep\u00A0 mossoul"), "alep\u00A0 mossoul"); // no quote: as is
}

TEST(QueryLexer, ParsesDateRanges) {
    struct Range {
        std::string text;
        std::string from;
        std::string to;
    };
    const std::vector<Range> cases{
        {"2016", "20160101", "20161231"},
        {"2016-12", "20161201", "20161231"},
        {"2016-12-08", "20161208", "20161208"},
        {"2016/12/08", "20161208", "20161208"},
        {"2016-01..2016-06", "20160101", "20160631"},
        {"..2016", "00000000", "20161231"},
        {"2016..", "20160101", "99999999"},
    };
    for (const Range& c : cases) {
        SCOPED_TRACE(c.text);
        const auto range = parse_date_range(c.text);
        ASSERT_TRUE(range.has_value());
        EXPECT_EQ(range->first, c.from);
        EXPECT_EQ(range->second, c.to);
    }
    for (const char* bad : {"", "16", "2016-13", "2016-1", "2016-12-32", "2017..2016", "abcd"}) {
        SCOPED_TRACE(bad);
        EXPECT_FALSE(parse_date_range(bad).has_value());
    }
}

} // namespace
} // namespace depeches::query

namespace depeches::query {
namespace {

/// Word sources as the search service gives them, with a fixed vocabulary: "alepp" is a
/// typo of "alep"; OSDH and its full name, and djihadiste/jihadiste, are synonyms.
WordSources fixed_sources() {
    WordSources sources;
    sources.typos = [](const TypedWord& word, const analysis::TermChoice&) -> TypoCorrections {
        const std::string_view form = word.form;
        if (form == "alepp") {
            return {{"alep"}, true};
        }
        if (form == "alepo") { // a rare word of its own, one edit from Alep
            return {{"alep"}, false};
        }
        return {};
    };
    sources.synonyms = [](std::string_view key) -> std::vector<std::string> {
        if (key == "osdh") {
            return {"observatoire syrien des droits de l'homme"};
        }
        if (key == "droits de homme") {
            return {"ddh"};
        }
        if (key == "djihadiste") {
            return {"jihadiste"};
        }
        return {};
    };
    return sources;
}

std::string describe(const std::string& text, DefaultOperator op) {
    analysis::Analyzer analyzer;
    QueryParser parser(analyzer, fixed_sources());
    return parser.parse(text, op).query.get_description();
}

TEST(QueryParser, AlsoSearchesTyposCorrectedBelowAWordSomeDispatchHas) {
    // "Alepo" is a rare word of its own: its dispatches first, Alep's after.
    EXPECT_EQ(describe("Alepo civils", DefaultOperator::op_or),
              "Query(((alepo@1 OR 0.5 * alep@1) OR civil@1))");
    // No dispatch has "Alepp", which would match nothing: Alep replaces it, with its exact and
    // truncated forms.
    EXPECT_EQ(describe("Alepp civils", DefaultOperator::op_or), "Query((alep@1 OR civil@1))");
    analysis::Analyzer analyzer;
    QueryParser parser(analyzer, fixed_sources());
    const auto boosts_alep = [&parser](const std::string& text) {
        const ParsedQuery parsed = parser.parse(text, DefaultOperator::op_or);
        return std::any_of(parsed.boosts.begin(), parsed.boosts.end(), [](const WeightedTerm& b) {
            return b.term == index::exact_term("alep");
        });
    };
    EXPECT_TRUE(boosts_alep("Alepp"));
    EXPECT_FALSE(boosts_alep("Alepo"));
    // Not inside phrases, and never for excluded words.
    EXPECT_EQ(describe("\"Alepp civils\"", DefaultOperator::op_or),
              "Query((alepp@1 PHRASE 2 civil@2))");
    EXPECT_EQ(describe("civils -Alepp", DefaultOperator::op_or),
              "Query((civil@1 AND_NOT alepp@1))");
}

TEST(QueryParser, NotesTheCorrectionsSearchedForAWordNoDispatchHas) {
    analysis::Analyzer analyzer;
    QueryParser parser(analyzer, fixed_sources());
    using Words = std::vector<analysis::TermChoice>;
    // "Alepp" is searched as "alep": openings are weighed for Alep, but associations
    // translate only what was typed. "Alepo", a word of its own, is searched as typed.
    const ParsedQuery alepp = parser.parse("civils à Alepp", DefaultOperator::op_or);
    EXPECT_EQ(alepp.words, (Words{{"civil"}, {"a"}, {"alepp"}}));
    EXPECT_EQ(alepp.words_searched, (Words{{"civil"}, {"a"}, {"alep"}}));
    const ParsedQuery alepo = parser.parse("civils à Alepo", DefaultOperator::op_or);
    EXPECT_EQ(alepo.words_searched, alepo.words);
}

TEST(QueryParser, CorrectsTheCompoundPartsNoDispatchHas) {
    // "alepp" is in no dispatch: the phrase also takes "alep" at its place; "alepo" is a
    // rare word of its own, taken as meant.
    EXPECT_EQ(describe("Alepp-Est", DefaultOperator::op_or),
              "Query((((alepp@1 OR alep@1) PHRASE 2 est@2) OR aleppest@1))");
    EXPECT_EQ(describe("Alepo-Est", DefaultOperator::op_or),
              "Query(((alepo@1 PHRASE 2 est@2) OR alepoest@1))");
    analysis::Analyzer analyzer;
    QueryParser parser(analyzer, fixed_sources());
    const ParsedQuery parsed = parser.parse("Alepp-Est", DefaultOperator::op_or);
    ASSERT_EQ(parsed.also_searched.size(), 1U);
    EXPECT_EQ(parsed.also_searched.front().word, "alepp");
    EXPECT_EQ(parsed.also_searched.front().also, std::vector<std::string>{"alep"});
    // Not in an excluded compound.
    EXPECT_EQ(describe("civils -Alepp-Est", DefaultOperator::op_or),
              "Query((civil@1 AND_NOT ((alepp@1 PHRASE 2 est@2) OR aleppest@1)))");
}

TEST(QueryParser, SaysWhichWordsItAlsoSearchedUnderOtherSpellings) {
    analysis::Analyzer analyzer;
    QueryParser parser(analyzer, fixed_sources());
    const auto also = [&parser](const std::string& text) {
        std::vector<std::string> out;
        for (const AlsoSearched& a : parser.parse(text, DefaultOperator::op_or).also_searched) {
            std::string line = a.word + ":";
            for (const std::string& word : a.also) {
                line += " " + word;
            }
            out.push_back(line);
        }
        return out;
    };
    EXPECT_EQ(also("civils Alepp"), std::vector<std::string>{"alepp: alep"});
    EXPECT_EQ(also("Alepp civils alepp"), std::vector<std::string>{"alepp: alep"}); // once
    // Not what was searched as typed only: phrases, exclusions, known words.
    EXPECT_TRUE(also("\"Alepp civils\"").empty());
    EXPECT_TRUE(also("civils -Alepp").empty());
    EXPECT_TRUE(also("Alep civils").empty());
}

TEST(QueryParser, AddsSynonymsOfWordsAndOfRunsOfWords) {
    EXPECT_EQ(describe("OSDH", DefaultOperator::op_or),
              "Query((osdh@1 OR 0 * (observatoir@1 PHRASE 6 syrien@2 PHRASE 6 "
              "de@3 PHRASE 6 droit@4 PHRASE 6 de@5 PHRASE 6 homm@6)))");
    EXPECT_EQ(describe("djihadiste", DefaultOperator::op_or), "Query((djihad@1 OR 0 * jihad@1))");
    // A run of words: one more clause with OR, the run or its synonym with AND.
    EXPECT_EQ(describe("droits de l'homme Alep", DefaultOperator::op_or),
              "Query((droit@1 OR homm@1 OR alep@1 OR 0 * ddh@1))");
    EXPECT_EQ(describe("droits de l'homme Alep", DefaultOperator::op_and),
              "Query((((droit@1 AND homm@1) OR 0 * ddh@1) AND alep@1))");
}

} // namespace
} // namespace depeches::query
