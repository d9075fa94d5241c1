// Tests for the shared field helpers: dates, spacing, titles cut from bodies, id checks.
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "indexer/analysis/utf8.hpp"
#include "indexer/ingest/fields.hpp"

namespace depeches::ingest {
namespace {

TEST(Fields, NormalizesAcceptedDateForms) {
    struct Case {
        std::string input;
        std::string expected;
    };
    const std::vector<Case> cases{
        {"2016-12-08", "2016-12-08"},
        {" 2016-12-08 ", "2016-12-08"},
        {"2016-12-08T18:30:00Z", "2016-12-08"},
        {"2016-12-08T18:30Z", "2016-12-08"},
        {"2016-12-08T23:59:59+02:00", "2016-12-08"}, // date as written, offset not applied
        {"2016-12-08T00:30:00-0500", "2016-12-08"},
        {"2016-12-08T18:30:00.123456+01", "2016-12-08"},
        {"2016-12-08 18:30", "2016-12-08"},
        {"20161208", "2016-12-08"},
        {"08/12/2016", "2016-12-08"},
        {"8/1/2017", "2017-01-08"},
        {"2016-02-29", "2016-02-29"}, // leap year
        {"2000-02-29", "2000-02-29"}, // divisible by 400
        {"29/02/2024", "2024-02-29"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.input);
        EXPECT_EQ(normalize_date(c.input), std::optional<std::string>(c.expected));
    }
}

TEST(Fields, RejectsImpossibleOrUnknownDates) {
    const std::vector<std::string> cases{
        "",
        "hier",
        "2015-02-29",
        "1900-02-29",
        "2016-13-01",
        "2016-00-10",
        "2016-12-00",
        "2016-12-32",
        "31/04/2016",
        "08/12/16",
        "2016-12-8",
        "20161308",
        "2016-12-081",
        "1700-01-01",
        "2016-12-08T25:00",
        "2016-12-08T18:60",
        "2016-12-08Tgarbage",
        "2016-12-08T18:30:00+25:00",
        "2016-12-08T18:30:00.Z",
        "2016/12/08",
        "8 décembre 2016",
        "2016-12-08T18",
        "123/12/2016",
    };
    for (const std::string& input : cases) {
        SCOPED_TRACE(input);
        EXPECT_EQ(normalize_date(input), std::nullopt);
    }
}

TEST(Fields, FindsDateWrittenInDispatchHead) {
    struct Case {
        std::string text;
        std::string expected;
    };
    const std::vector<Case> cases{
        {"8 décembre 2016\nLes rebelles reculent.", "2016-12-08"},
        {"Titre\n08/12/2016\nTexte.", "2016-12-08"},
        {"2016-12-08\nTexte.", "2016-12-08"},
        {"Jeudi 8 décembre 2016 à 18h30\nTexte.", "2016-12-08"},
        {"Le 1er janvier 2017\nTexte.", "2017-01-01"},
        {"Publié le 08/12/2016 à 18h30\nTexte.", "2016-12-08"},
        {"Par Jean Dupont | Publié le jeudi 8 déc. 2016 à 18:30\nTexte.", "2016-12-08"},
        {"Publié le 08/12/2016 à 18h30 | Mis à jour le 09/12/2016 à 10h00", "2016-12-08"},
        {"Mis à jour le 09/12/2016 à 10h00\nTexte.", "2016-12-09"},
        {"MIS A JOUR LE 9 DECEMBRE 2016", "2016-12-09"},
        {"Beyrouth, 8 déc 2016 (AFP) - Les rebelles syriens...", "2016-12-08"},
        {"BEYROUTH, 8 dec. 2016 (AFP) - Les rebelles syriens...", "2016-12-08"},
        {"Paris, 1er févr. 2017 (AFP) – Le gouvernement...", "2017-02-01"},
        {"Genève, 3 fevr 2017 (Reuters) - Texte", "2017-02-03"},
        {"Alep, 14 août 2016 (AFP) - Texte", "2016-08-14"},
        {"Alep, 14 aout 2016 (AFP) - Texte", "2016-08-14"},
        {"Moscou, 2 sept. 2016 (AFP) - Texte", "2016-09-02"},
        {"Moscou, 2 juil. 2016 (AFP) - Texte", "2016-07-02"},
        {"Moscou, 2 janv. 2016 (AFP) - Texte", "2016-01-02"},
        {"Moscou, 2 avr. 2016 (AFP) - Texte", "2016-04-02"},
        {"Moscou, 2 mai 2016 (AFP) - Texte", "2016-05-02"},
        {"Moscou, 2 oct. 2016 (AFP) - Texte", "2016-10-02"},
        {"Moscou, 2 nov. 2016 (AFP) - Texte", "2016-11-02"},
        {"\xEF\xBB\xBF"
         "Date de publication : 2016-12-08",
         "2016-12-08"},
        {"Mardi,\u00A08\u00A0décembre\u00A02016", "2016-12-08"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.text);
        EXPECT_EQ(find_date_in_text(c.text), c.expected);
    }
}

TEST(Fields, NeverGuessesDateNotWrittenAsPublicationDate) {
    const std::string long_sentence_start(160, 'x');
    const std::vector<std::string> cases{
        "",
        "Les rebelles reculent depuis le 15 novembre 2016 dans Alep-Est.",
        "Le rapport, publié le 3 mars 2015 au Journal officiel, " + long_sentence_start,
        "8 décembre\nSans année.",
        "31 février 2016\nDate impossible.",
        "Une colonne de 8.000 personnes, 2016 morts.",
        "Le 11 septembre 2001, des avions ont frappé New York.",
        std::string(700, 'a') + "\n8 décembre 2016",       // past the head
        "l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\n8 décembre 2016", // past the first lines
        "Alep, 2016-12-08T10:00 mais pas seul sur la ligne",
        "Réunion le 8 décembre 2016 (AFP) et d'autres mots après la date", // not a dateline
        "12/2016\nMois seulement.",
    };
    for (const std::string& text : cases) {
        SCOPED_TRACE(text);
        EXPECT_EQ(find_date_in_text(text), "");
    }
}

TEST(Fields, RecognisesDateOnlyLines) {
    struct Case {
        std::string line;
        bool expected;
    };
    const std::vector<Case> cases{
        {"8 décembre 2016", true},
        {"  Jeudi 8 décembre 2016 à 18h30 ", true},
        {"Le 08/12/2016 - 18:30", true},
        {"2016-12-08", true},
        {"8 décembre 2016, les rebelles reculent", false},
        {"Les rebelles reculent", false},
        {"", false},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.line);
        EXPECT_EQ(is_date_line(c.line), c.expected);
    }
}

TEST(Fields, FindsDateInPath) {
    struct Case {
        std::string path;
        std::string expected;
    };
    const std::vector<Case> cases{
        {"2016/12/08/alep.txt", "2016-12-08"},
        {"archives/2016-12-08-alep.txt", "2016-12-08"},
        {"depeche_20161208.txt", "2016-12-08"},
        {"2016_12_08.txt", "2016-12-08"},
        {"2016/12/abc.txt", ""},
        {"000_553bed05d52c630e.txt", ""},
        {"hash_a20161208f.txt", ""}, // inside a hex hash
        {"120161208.txt", ""},
        {"2016-13-08.txt", ""},
        {"2016-12/08.txt", ""}, // mixed separators
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.path);
        EXPECT_EQ(find_date_in_path(c.path), c.expected);
    }
}

TEST(Fields, NormalizesSpace) {
    struct Case {
        std::string input;
        std::string expected;
    };
    const std::vector<Case> cases{
        {"", ""},
        {"   \t ", ""},
        {"  Les   rebelles \t reculent  ", "Les rebelles reculent"},
        {"a\r\n\nb", "a b"},
        {"8\u00A0000 morts", "8\u00A0000 morts"}, // kept inside numbers
        {"8\u202F000 morts", "8\u202F000 morts"},
        {"«\u00A0trop tard\u00A0»", "«\u00A0trop tard\u00A0»"},
        {"\u00A0Titre\u00A0\u202F ", "Titre"}, // trimmed at the ends
        {"a\x01\x02"
         "b",
         "a b"}, // controls count as blanks
        {"\x7F"
         "fin",
         "fin"},
        {"déjà vu", "déjà vu"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.input);
        EXPECT_EQ(normalize_space(c.input), c.expected);
    }
}

TEST(Fields, CutsTitleAtFirstSentence) {
    struct Case {
        std::string body;
        std::string expected;
    };
    const std::vector<Case> cases{
        {"", ""},
        {"\n\n  \n", ""},
        {"Le président est arrivé. Il a parlé.", "Le président est arrivé."},
        {"M. Lavrov a annoncé 8.000 évacués. Suite.", "M. Lavrov a annoncé 8.000 évacués."},
        {"L'O.N.U. condamne l'attaque. Suite.", "L'O.N.U. condamne l'attaque."},
        {"George W. Bush parle. Suite.", "George W. Bush parle."},
        {"Mme Merkel et Dr Who arrivent. Suite.", "Mme Merkel et Dr Who arrivent."},
        {"MM. Lavrov et Kerry se parlent. Suite.", "MM. Lavrov et Kerry se parlent."},
        {"Le Dr. Martin soigne. Suite.", "Le Dr. Martin soigne."},
        // An acronym's last stop never ends a sentence, even before a capital.
        {"Un rapport de l'O.N.U. Selon lui, tout va bien. Suite.",
         "Un rapport de l'O.N.U. Selon lui, tout va bien."},
        {"Jean-P. Dupont est là. Suite.", "Jean-P. Dupont est là."},
        {"Il y a env. trente morts. Suite.", "Il y a env. trente morts."},
        {"Un chiffre: 3. puis la suite. Fin.", "Un chiffre: 3. puis la suite."},
        {"Pourquoi ? Parce que.", "Pourquoi ?"},
        {"Incroyable ! Oui.", "Incroyable !"},
        {"Attendez... Rien.", "Attendez..."},
        {"Attendez… Rien.", "Attendez…"},
        {"«C'est plus calme.» Suite.", "«C'est plus calme.»"},
        {"Il a dit \"non.\" Puis rien.", "Il a dit \"non.\""},
        {"Une décision annoncée jeudi.Le gouvernement suit.", "Une décision annoncée jeudi."},
        {"Première ligne\nsuite du paragraphe. Autre.", "Première ligne suite du paragraphe."},
        {"Titre sans point\n\nDeuxième paragraphe.", "Titre sans point"},
        {"\n\n  Après des lignes vides. Suite.", "Après des lignes vides."},
        {"Les 193 pays votent. 105 civils tués.", "Les 193 pays votent."},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.body);
        EXPECT_EQ(title_from_body(c.body), c.expected);
    }
}

TEST(Fields, ShortensLongTitleAtWordBoundary) {
    struct Case {
        std::string body;
        std::size_t max_chars;
        std::string expected;
    };
    const std::vector<Case> cases{
        {"Des militaires russes ont obtenu dimanche un cessez-le-feu entre les miliciens kurdes "
         "et les forces du régime après de violents combats.",
         110,
         "Des militaires russes ont obtenu dimanche un cessez-le-feu entre les miliciens kurdes "
         "et les forces du régime…"},
        {"un deux trois quatre", 12, "un deux…"},
        {"un deux, trois quatre", 12, "un deux…"}, // no dangling comma before "…"
        {"un deux trois quatre", 8, "un deux…"},   // the space right after the cut is a boundary
        {"anticonstitutionnellement", 10, "anticonst…"}, // no boundary: hard cut
        {"ééééééééééééééééééé", 5, "éééé…"},
        {"un deux", 0, ""},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.body);
        const std::string title = title_from_body(c.body, c.max_chars);
        EXPECT_EQ(title, c.expected);
        EXPECT_LE(analysis::count_code_points(title), c.max_chars);
    }
}

TEST(Fields, TitleNeverCutsInsideUtf8Sequence) {
    const std::string body = "À l’issue de négociations à Qamichli, les Kurdes ont rendu "
                             "sept positions à l’armée syrienne, «protéger» 😀 les forces.";
    for (std::size_t max_chars = 1; max_chars < 130; ++max_chars) {
        SCOPED_TRACE(max_chars);
        const std::string title = title_from_body(body, max_chars);
        EXPECT_TRUE(analysis::is_valid_utf8(title));
        EXPECT_LE(analysis::count_code_points(title), max_chars);
        EXPECT_FALSE(title.empty());
    }
}

TEST(Fields, ValidatesIds) {
    struct Case {
        std::string id;
        bool valid;
        std::string why;
    };
    const std::vector<Case> cases{
        {"os-2", true, ""},
        {"2016/12/abc", true, ""},
        {"dépêche 12", true, ""},
        {std::string(200, 'a'), true, ""},
        {"", false, "id is empty"},
        {std::string(201, 'a'), false, "id is longer than 200 bytes"},
        {"caf\xE9", false, "id is not valid UTF-8"},
        {"a\nb", false, "id contains a control character"},
        {"a\tb", false, "id contains a control character"},
        {"a\x7F", false, "id contains a control character"},
        {"a\u0085", false, "id contains a control character"},
        {" abc", false, "id starts or ends with white space"},
        {"abc ", false, "id starts or ends with white space"},
        {"abc\u00A0", false, "id starts or ends with white space"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.id);
        std::string why;
        EXPECT_EQ(is_valid_id(c.id, &why), c.valid);
        EXPECT_EQ(why, c.why);
        EXPECT_EQ(is_valid_id(c.id, nullptr), c.valid);
    }
}

} // namespace
} // namespace depeches::ingest
