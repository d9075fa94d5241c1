// Integration: the help the vocabulary gives readers, on a real index of the seed dispatches
// plus a few written here: did-you-mean and auto-correction, typo tolerance, synonyms and
// acronyms, completions. Each case fails without its feature.
#include <algorithm>
#include <memory>

#include <gtest/gtest.h>

#include "searchd/service/search_error.hpp"
#include "tests/integration/written_index.hpp"

namespace depeches {
namespace {

namespace fs = std::filesystem;

const std::string k_000 = "000_553bed05d52c630e"; // says "l'OSDH", "djihadiste"
const std::string k_001 = "001_a87e28574c2f2337"; // says "jihadiste", "Etat Islamique (EI)"
const std::string k_spelled = "osdh_spelled";     // the OSDH's full name, never the acronym
const std::string k_alepo = "alepo";              // the one dispatch spelling "Alepo"
const std::string k_tombouctou = "tombouctou";    // the one dispatch naming Tombouctou

class WordHelp : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_index = std::make_unique<test::WrittenIndex>("word-help");
        const fs::path corpus = s_index->corpus();
        for (const auto& entry : fs::directory_iterator(fs::path(DEPECHES_SOURCE_DIR) / "corpus")) {
            if (entry.path().extension() == ".txt") {
                fs::copy_file(entry.path(), corpus / entry.path().filename());
            }
        }
        const auto write = [](const std::string& file, const std::string& text) {
            s_index->write(file, text);
        };
        write(k_spelled + ".txt",
              "Bilan des combats à Homs\n\nSelon l'Observatoire syrien des droits de l'Homme, "
              "basé à Londres, douze civils ont été tués dimanche à Homs.\n");
        write(k_alepo + ".txt",
              "Alepo vue d'Espagne\n\nLa presse madrilène écrit Alepo pour la ville.\n");
        // A dispatch that misspells Alep once, and spells it right elsewhere.
        write("aleep.txt", "Bombardements sur Alep\n\nLes quartiers est d'Aleep sont "
                           "bombardés : Alep est encerclée.\n");
        for (int i = 0; i < 12; ++i) {
            write("alep_" + std::to_string(i) + ".txt",
                  "Nouvelles d'Alep " + std::to_string(i) +
                      "\n\nLes habitants d'Alep attendent.\n");
        }
        write("etat_islamique.txt",
              "L'État islamique revendique un attentat à Palmyre\n\nLe groupe jihadiste a "
              "revendiqué l'attaque.\n");
        // "mercredi" is more frequent, but "Merkel" is what goes with "Macron".
        for (int i = 0; i < 12; ++i) {
            write("meteo_" + std::to_string(i) + ".txt",
                  "Météo " + std::to_string(i) + "\n\nIl pleuvra mercredi sur la côte.\n");
        }
        for (int i = 0; i < 3; ++i) {
            write("sommet_" + std::to_string(i) + ".txt",
                  "Sommet " + std::to_string(i) +
                      "\n\nEmmanuel Macron rencontre Angela Merkel à Berlin.\n");
        }
        // "manuscrits" once beside Tombouctou, and over and over without it.
        write(k_tombouctou + ".txt",
              "Réouverture au Mali\n\nÀ Tombouctou, la bibliothèque des manuscrits rouvre "
              "ses portes au public après des années de travaux, financés par des donateurs "
              "venus de toute l'Afrique de l'Ouest et d'Europe pour sauver des pages rares.\n");
        write("deces.txt", "Décès d'un ancien ministre\n\nLe décès de l'ancien ministre des "
                           "Finances a été annoncé.\n");
        write("mont_saint_michel.txt", "Grande marée au Mont-Saint-Michel\n\nLes visiteurs du "
                                       "Mont-Saint-Michel ont vu monter la mer.\n");
        write("tombouctou_1.txt", "Chaleur au Mali\n\nIl fait 45 degrés à Tombouctou.\n");
        write("tombouctou_2.txt", "Reportage\n\nUn marché de Tombouctou.\n");
        write("manuscrits.txt",
              "Les manuscrits de la bibliothèque\n\nLa bibliothèque garde des manuscrits : "
              "manuscrits anciens, manuscrits enluminés. Une bibliothèque de manuscrits.\n");
        write("voeux.txt", "Les voeux du 1er janvier\n\nLe 1er janvier, même les ministres "
                           "présentent leurs voeux.\n");
        ASSERT_EQ(s_index->index().added, 4U + 1U + 1U + 1U + 12U + 1U + 12U + 3U + 6U + 1U);
    }

    static void TearDownTestSuite() { s_index.reset(); }

    static search::SearchResult search(const std::string& query, bool correct = true) {
        return search_in(s_index->service(), query, correct);
    }

    static search::SearchResult search_in(search::SearchService& service, const std::string& query,
                                          bool correct = true) {
        search::SearchRequest request;
        request.query = query;
        request.limit = 100;
        request.snippets = false;
        request.correct = correct;
        return service.search(request);
    }

    static std::size_t rank_of(const search::SearchResult& result, const std::string& id) {
        const auto all = test::ids_of(result);
        return static_cast<std::size_t>(std::find(all.begin(), all.end(), id) - all.begin());
    }

    static std::unique_ptr<test::WrittenIndex> s_index;
};

std::unique_ptr<test::WrittenIndex> WordHelp::s_index;

TEST_F(WordHelp, SuggestsCorrectionsFromTheIndexedVocabulary) {
    EXPECT_EQ(search("Alepp").suggestion, "Alep");
    EXPECT_EQ(search("negotiations").suggestion, "n\u00e9gociations");
    EXPECT_EQ(search("evacuation des civils Alepp").suggestion, "evacuation des civils Alep");
    EXPECT_EQ(search("Alep").suggestion, "");
    EXPECT_EQ(search("negociations").suggestion, ""); // known, typed without accents
    // A spelling no dispatch has, whose stem is known: Snowball undoubles "Washingtonn" to
    // washington, so the search finds it, and the suggestion spells it as the dispatches do.
    EXPECT_EQ(search("Washingtonn").suggestion, "Washington");
    EXPECT_EQ(search("Washingtonn").total, search("Washington").total);
    EXPECT_EQ(search("Washington").suggestion, "");
}

TEST_F(WordHelp, SuggestsForAWordDispatchesWriteOnlyWhereTheyMisspellTheFrequentOne) {
    // "Aleep" is written in a dispatch that also writes Alep: a misspelling.
    EXPECT_EQ(search("Aleep").suggestion, "Alep");
    // "Alepo" is written in a dispatch that never says Alep: a word of its own, not
    // corrected, though the search still brings Alep's dispatches after it.
    const search::SearchResult alepo = search("Alepo");
    EXPECT_EQ(alepo.suggestion, "");
    EXPECT_EQ(alepo.hits.front().id, k_alepo);
    EXPECT_GT(alepo.total, 10U);
    // The answer says what else was searched, and a quoted word is searched as typed.
    ASSERT_EQ(alepo.also_searched.size(), 1U);
    EXPECT_EQ(alepo.also_searched.front().word, "alepo");
    EXPECT_EQ(alepo.also_searched.front().also, std::vector<std::string>{"alep"});
    const search::SearchResult quoted = search("\"Alepo\"");
    EXPECT_TRUE(quoted.also_searched.empty());
    EXPECT_EQ(test::ids_of(quoted), std::vector<std::string>{k_alepo});
    EXPECT_TRUE(search("Alep").also_searched.empty());
}

TEST_F(WordHelp, SearchesTheCorrectionWhenTheQueryFindsNothing) {
    const search::SearchResult corrected = search("\"quartiers d'Alepp\"");
    EXPECT_TRUE(corrected.corrected);
    EXPECT_EQ(corrected.suggestion, "\"quartiers d'Alep\"");
    EXPECT_GT(corrected.total, 0U);
    const search::SearchResult asked = search("\"quartiers d'Alepp\"", false);
    EXPECT_FALSE(asked.corrected);
    EXPECT_EQ(asked.total, 0U);
    EXPECT_EQ(asked.suggestion, "\"quartiers d'Alep\"");
}

TEST_F(WordHelp, ToleratesTyposBelowExactMatches) {
    // One typo finds the word's dispatches: Alep is in 3 seeds and the 12 written here.
    EXPECT_GE(search("Alepp").total, 15U);
    EXPECT_GE(search("Lavorv").total, 3U); // a swap: Lavrov
    // A rare word that exists is searched for itself first, its frequent neighbour after.
    const search::SearchResult alepo = search("Alepo");
    ASSERT_GE(alepo.hits.size(), 2U);
    EXPECT_EQ(alepo.hits.front().id, k_alepo);
    EXPECT_GT(alepo.hits.front().score, 1.5 * alepo.hits[1].score);
    // A frequent word is taken as meant: Alep does not bring Alepo.
    EXPECT_EQ(rank_of(search("Alep"), k_alepo), search("Alep").hits.size());
}

TEST_F(WordHelp, SearchesAWordNoDispatchHasAsItsCorrectionWouldBe) {
    // "Tomboucto" is in no dispatch: Tombouctou stands in for it, weighing as much, so the
    // dispatch the reader looks for is not beaten by one that repeats its other words
    // (with half the weight, no exact form and no proximity, it came second).
    const search::SearchResult written = search("bibliothèque manuscrits Tombouctou");
    const search::SearchResult misspelt = search("bibliothèque manuscrits Tomboucto");
    ASSERT_FALSE(written.hits.empty());
    ASSERT_FALSE(misspelt.hits.empty());
    EXPECT_EQ(written.hits.front().id, k_tombouctou);
    EXPECT_EQ(misspelt.hits.front().id, k_tombouctou);
    // Every dispatch scores as it does for the word as written, its proximity to the other
    // words included.
    ASSERT_EQ(test::ids_of(misspelt), test::ids_of(written));
    for (std::size_t i = 0; i < written.hits.size(); ++i) {
        EXPECT_DOUBLE_EQ(misspelt.hits[i].score, written.hits[i].score) << written.hits[i].id;
    }
    EXPECT_EQ(misspelt.suggestion, "bibliothèque manuscrits Tombouctou");
}

TEST_F(WordHelp, ToleratesATypoInACompoundsPart) {
    // "saknt" is in no dispatch: the phrase takes "saint" at its place, without the
    // correction of a query that finds nothing.
    const search::SearchResult typo = search("Mont-Saknt-Michel", false);
    EXPECT_FALSE(typo.corrected);
    EXPECT_EQ(test::ids_of(typo), std::vector<std::string>{"mont_saint_michel"});
    ASSERT_EQ(typo.also_searched.size(), 1U);
    EXPECT_EQ(typo.also_searched.front().word, "saknt");
    EXPECT_EQ(typo.also_searched.front().also, std::vector<std::string>{"saint"});
    EXPECT_EQ(typo.suggestion, "Mont-Saint-Michel");
    // Marked as the compound, not as "saint" wherever it stands.
    search::SearchRequest request;
    request.query = "Mont-Saknt-Michel";
    request.correct = false;
    const search::SearchResult shown = s_index->service().search(request);
    ASSERT_EQ(shown.hits.size(), 1U);
    EXPECT_NE(shown.hits.front().snippet.find("<mark>Mont-Saint-Michel</mark>"), std::string::npos)
        << shown.hits.front().snippet;
    // A part some dispatch has is meant: "Mont-Saint-Miche" would be another compound.
    EXPECT_TRUE(search("Mont-Saint-Michel", false).also_searched.empty());
}

TEST_F(WordHelp, SuggestsACompoundOnlyAsTheDispatchesWriteIt) {
    // No dispatch writes "Angela-Merkel" hyphenated, but three write "Angela Merkel".
    EXPECT_EQ(search("Angela-Merkell").suggestion, "Angela-Merkel");
    // "Homss" alone is Homs; "Londres-Homs" is written nowhere, as one word or in a row: a
    // name of its own, left as typed.
    EXPECT_EQ(search("Homss").suggestion, "Homs");
    EXPECT_EQ(search("Londres-Homss").suggestion, "");
}

TEST_F(WordHelp, CorrectsNoWordIntoAStopWord) {
    // "dces" is one edit from "des" as from "décès"; "des" is far more frequent, but a stop
    // word: the reader who typed "Dcès" meant something.
    const search::SearchResult dces = search("Dcès ministre");
    EXPECT_EQ(dces.suggestion, "Décès ministre");
    ASSERT_EQ(dces.also_searched.size(), 1U);
    EXPECT_EQ(dces.also_searched.front().also, std::vector<std::string>{"décès"});
    // Nor a spelling no dispatch has whose stem is a stop word's: Snowball stems "pasé" as "pas".
    EXPECT_EQ(search("pasé").suggestion, "");
}

TEST_F(WordHelp, TakesNoWordOfTheLanguageForATypo) {
    // No dispatch has "pleura", one letter from the "pleuvra" twelve dispatches write, nor
    // "pleuvrait", which Snowball stems as "pleuvra". Without a word list, both are typos.
    EXPECT_EQ(search("pleura").suggestion, "pleuvra");
    EXPECT_EQ(search("pleuvrait").suggestion, "pleuvra");
    search::SearchService french(
        s_index->db(), std::make_shared<const vocab::Language>(
                           vocab::WordList::of("pleura\npleuvrait\npleuvra\nalep\n"), nullptr));
    // The language has them: the reader meant them. "pleura" is still searched with its
    // neighbour below it, as a rare word is.
    const search::SearchResult pleura = search_in(french, "pleura");
    EXPECT_EQ(pleura.suggestion, "");
    EXPECT_FALSE(pleura.corrected);
    ASSERT_EQ(pleura.also_searched.size(), 1U);
    EXPECT_EQ(pleura.also_searched.front().also, std::vector<std::string>{"pleuvra"});
    EXPECT_EQ(search_in(french, "pleuvrait").suggestion, "");
    // A word the language does not have is corrected as before.
    EXPECT_EQ(search_in(french, "Alepp").suggestion, "Alep");
    EXPECT_EQ(search_in(french, "evacuation des civils Alepp pleura").suggestion,
              "evacuation des civils Alep pleura");
}

TEST_F(WordHelp, CorrectsAWordTypedAsANameOnlyIntoAName) {
    // "pleuvre" is one letter from the "pleuvra" twelve dispatches write in lower case. Typed
    // with a capital where no sentence begins, it is a name no dispatch has ("Madame de
    // Maintenon" is not "maintenant"): neither suggested nor searched as "pleuvra".
    const search::SearchResult name = search("le ministre Pleuvre");
    EXPECT_EQ(name.suggestion, "");
    EXPECT_TRUE(name.also_searched.empty());
    // Typed in lower case, or as a sentence's first word, it is the verb misspelt.
    EXPECT_EQ(search("le ministre pleuvre").suggestion, "le ministre pleuvra");
    EXPECT_EQ(search("Pleuvre le ministre").suggestion, "Pleuvra le ministre");
    // A name misspelt is still corrected into the name the dispatches write.
    EXPECT_EQ(search("bombardements sur Alepp").suggestion, "bombardements sur Alep");
    EXPECT_EQ(search("les quartiers d'Alepp").suggestion, "les quartiers d'Alep");
}

TEST_F(WordHelp, TakesNoNumberOrOrdinalForATypo) {
    // No dispatch has "2ème", one letter from "même", nor "1ère", a spelling of the "1er" a
    // dispatch writes (the same term).
    const search::SearchResult second = search("2ème");
    EXPECT_TRUE(second.also_searched.empty());
    EXPECT_EQ(second.suggestion, "");
    const search::SearchResult first = search("1ère");
    EXPECT_EQ(first.suggestion, "");
    EXPECT_EQ(test::ids_of(first), test::ids_of(search("1er")));
}

TEST_F(WordHelp, FindsAcronymsAndFullNamesBothWaysBelowLiteralMatches) {
    // OSDH finds the dispatch that only spells the name out, after those that say OSDH.
    const search::SearchResult acronym = search("OSDH");
    const std::size_t spelled = rank_of(acronym, k_spelled);
    ASSERT_LT(spelled, acronym.hits.size());
    EXPECT_EQ(spelled, acronym.hits.size() - 1);
    // The full name finds 000, which only says "l'OSDH".
    EXPECT_LT(rank_of(search("Observatoire syrien des droits de l'Homme"), k_000), 100U);
    // Curated: Daech is the EI, jihadiste and djihadiste are one word.
    EXPECT_LT(rank_of(search("Daech"), k_001), 100U);
    const search::SearchResult jihadiste = search("jihadiste");
    EXPECT_LT(rank_of(jihadiste, k_001), rank_of(jihadiste, k_000));
    EXPECT_LT(rank_of(jihadiste, k_000), jihadiste.hits.size());
}

TEST_F(WordHelp, CompletesWordsAndHeadlinePhrases) {
    const auto ale = s_index->service().suggest("ale", 5).completions;
    ASSERT_FALSE(ale.empty());
    EXPECT_EQ(ale.front().text, "alep");
    EXPECT_EQ(ale.front().kind, "word");
    EXPECT_GE(ale.front().count, 15U);
    const auto etat = s_index->service().suggest("etat isl", 5).completions;
    ASSERT_FALSE(etat.empty());
    EXPECT_EQ(etat.front().text, "\u00e9tat islamique");
    EXPECT_EQ(etat.front().kind, "phrase");
    const auto armee = s_index->service().suggest("evacuation de l'arm", 5).completions;
    ASSERT_FALSE(armee.empty());
    EXPECT_EQ(armee.front().text, "evacuation de l'arm\u00e9e");
    // The reader's capitals are kept, the dispatches' accents given.
    const auto capital = s_index->service().suggest("Ale", 5).completions;
    ASSERT_FALSE(capital.empty());
    EXPECT_EQ(capital.front().text, "Alep");
    const auto state = s_index->service().suggest("Etat isl", 5).completions;
    ASSERT_FALSE(state.empty());
    EXPECT_EQ(state.front().text, "\u00c9tat islamique");
    // Compounds complete whole, inside them or from their first word, never their last part
    // alone ("cessez-le" is not "cessez-" + "lequel").
    const auto inside = s_index->service().suggest("cessez-le", 5).completions;
    ASSERT_FALSE(inside.empty());
    EXPECT_EQ(inside.front().text, "cessez-le-feu");
    for (const auto& c : inside) {
        EXPECT_EQ(c.text.rfind("cessez-le", 0), 0U) << c.text;
    }
    const auto cessez = s_index->service().suggest("cessez", 5).completions;
    EXPECT_TRUE(std::any_of(cessez.begin(), cessez.end(),
                            [](const auto& c) { return c.text == "cessez-le-feu"; }));
    // A capitalised compound's later parts take capitals: "Alep-E" is "Alep-Est".
    const auto east = s_index->service().suggest("Alep-E", 5).completions;
    ASSERT_FALSE(east.empty());
    EXPECT_EQ(east.front().text, "Alep-Est");
    const auto red = s_index->service().suggest("Croix", 5).completions;
    EXPECT_TRUE(
        std::any_of(red.begin(), red.end(), [](const auto& c) { return c.text == "Croix-Rouge"; }));
    // After other words, what goes with them comes first; alone, the most frequent.
    const auto after = s_index->service().suggest("Macron mer", 5).completions;
    ASSERT_FALSE(after.empty());
    EXPECT_EQ(after.front().text, "Macron merkel");
    const auto alone = s_index->service().suggest("mer", 5).completions;
    ASSERT_FALSE(alone.empty());
    EXPECT_EQ(alone.front().text, "mercredi");
    const auto hyphen = s_index->service().suggest("Alep-", 5).completions;
    ASSERT_FALSE(hyphen.empty());
    EXPECT_EQ(hyphen.front().text, "Alep-Est");
    EXPECT_TRUE(s_index->service().suggest("", 5).completions.empty());
    EXPECT_THROW(s_index->service().suggest("alep", 0), search::SearchError);
}

} // namespace
} // namespace depeches
