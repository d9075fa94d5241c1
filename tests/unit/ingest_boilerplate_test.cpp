// Tests for strip_chrome: page chrome goes, dispatch text (intertitles, captions) stays.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "indexer/ingest/boilerplate.hpp"

namespace depeches::ingest {
namespace {

TEST(Boilerplate, StripsWholeLineMarkers) {
    const std::vector<std::string> cases{
        "En direct",
        "EN DIRECT",
        "  En direct  ",
        "A suivre",
        "À suivre",
        "À suivre aussi",
        "A suivre aussi",
        "Dernières actualités",
        "Dernieres actualites",
        "Ailleurs sur le web",
        "Partager",
        "Publicité",
        "PUBLICITE",
        "Envie d'afficher votre publicité ?",
        "Envie d’afficher votre publicité\u00A0?",
        "Contactez-nous",
        "Contactez nous",
        "L'espace des commentaires est ouvert aux inscrits.",
        "L’espace des commentaires est ouvert aux inscrits.",
        "Connectez-vous ou créez un compte pour pouvoir commenter cet article.",
        "Les commentaires sont fermés.",
        "Réagir",
        "Signaler un abus",
    };
    for (const std::string& line : cases) {
        SCOPED_TRACE(line);
        EXPECT_EQ(strip_chrome(line), "");
    }
}

TEST(Boilerplate, StripsGluedContactAndAdvertLines) {
    const std::vector<std::string> cases{
        "Contactez-nousEnvie d'afficher votre publicité ?",
        "Envie d'afficher votre publicité ?Contactez-nous",
        "Contactez-nous Envie d'afficher votre publicité ?",
        "En directA suivre",
        "PartagerPublicité",
    };
    for (const std::string& line : cases) {
        SCOPED_TRACE(line);
        EXPECT_EQ(strip_chrome(line), "");
    }
}

TEST(Boilerplate, StripsLinkAndCommentLines) {
    const std::vector<std::string> cases{
        "A lire aussi : L'armée syrienne prend le contrôle de la Vieille ville d'Alep",
        "À lire aussi Assad confiant dans la victoire à Alep",
        "Lire aussi: Assad confiant",
        "LIRE AUSSI",
        "À lire également : la réunion de Genève",
        "Voir aussi : notre dossier",
        "Connectez-vous pour réagir",
        "Vous devez être connecté pour publier un commentaire.",
        "Publié le 08/12/2016 à 18h30",
        "Mis à jour le 09/12/2016 à 10h00",
    };
    for (const std::string& line : cases) {
        SCOPED_TRACE(line);
        EXPECT_EQ(strip_chrome(line), "");
    }
}

TEST(Boilerplate, KeepsDispatchTextThatLooksLikeChrome) {
    const std::string long_tail(100, 'x');
    const std::vector<std::string> cases{
        "En direct de Genève, le ministre a annoncé une trêve.",
        "A suivre de près : la réunion de samedi.",
        "Partager les richesses est une priorité, a-t-il dit.",
        "Publicité mensongère : l'enquête est ouverte.",
        "- 'Les Russes ont reculé' -",
        "De nouvelles discussions samedi",
        "Appel des Casques Blancs",
        "«Trop peu, trop tard»",
        "Lire aussitôt la déclaration n'était pas possible.",
        "Publié le 3 mars, le rapport de l'ONU dénonce les violences " + long_tail,
        "Les Kurdes de Syrie (15% de la population) ont auto-proclamé une région.",
        "selon l'Observatoire syrien des droits de l'Homme (OSDH)",
        "au sommet du G20 à Hangzhou (Chine)",
        "«Ceux qui [...] essayent de s'enfuir sont pris», a-t-il dit.",
        "un diplomate a décrit la mesure (AFP)", // a bare agency tag is not a photo credit
        "",
    };
    for (const std::string& line : cases) {
        SCOPED_TRACE(line);
        EXPECT_EQ(strip_chrome(line), line);
    }
}

TEST(Boilerplate, RemovesPhotoCreditsButKeepsCaption) {
    struct Case {
        std::string line;
        std::string expected;
    };
    const std::vector<Case> cases{
        {"Le président syrien avait refusé jusqu'à présent les appels à un cessez-le-feu. "
         "[GEORGE OURFALIAN / AFP]",
         "Le président syrien avait refusé jusqu'à présent les appels à un cessez-le-feu."},
        {"Des civils fuient Alep-Est. [AFP/Archives]", "Des civils fuient Alep-Est."},
        {"Des civils fuient Alep-Est (Photo AFP)", "Des civils fuient Alep-Est"},
        {"Des civils fuient Alep-Est. (AFP/Archives) ", "Des civils fuient Alep-Est."},
        {"Des civils fuient. [KARAM AL-MASRI / AFP] Alep-Est se vide.",
         "Des civils fuient. Alep-Est se vide."},
        {"Vue d'Alep\u00A0[STRINGER / REUTERS]", "Vue d'Alep"},
        {"[AFP/Archives]", ""},
        {"  (Photo : AFP)  ", ""},
        {"Le ministre Lavrov [Photo d'illustration]", "Le ministre Lavrov"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.line);
        EXPECT_EQ(strip_chrome(c.line), c.expected);
    }
}

} // namespace
} // namespace depeches::ingest
