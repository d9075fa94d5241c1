// Tests for read_text_dispatch: the seed corpus, ids, titles, dates and every way a file is bad.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "indexer/analysis/utf8.hpp"
#include "indexer/ingest/fields.hpp"
#include "indexer/ingest/text_reader.hpp"

namespace depeches::ingest {
namespace {

using namespace std::string_literals;

std::string read_seed(const std::string& name) {
    std::ifstream in(std::string(DEPECHES_SOURCE_DIR) + "/corpus/" + name, std::ios::binary);
    EXPECT_TRUE(in) << name;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

/// Reads `bytes` and expects a dispatch; returns an empty one (after a failure) otherwise.
Dispatch read_ok(const std::string& bytes, const std::string& path = "test.txt") {
    TextReadResult result = read_text_dispatch(bytes, path);
    EXPECT_TRUE(result.dispatch.has_value());
    return result.dispatch.value_or(Dispatch{});
}

TEST(TextReader, ReadsSeedDispatches) {
    struct Case {
        std::string file;
        std::string title; ///< exact title, or "" to check only title_from_body
        bool title_from_body;
        std::vector<std::string> kept;
        std::vector<std::string> removed;
    };
    const std::vector<Case> cases{
        {"000_553bed05d52c630e.txt",
         "",
         true,
         {"Des militaires russes ont obtenu dimanche", "(15% de la population)"},
         {}},
        {"001_a87e28574c2f2337.txt",
         "",
         true,
         {"- 'Les Russes ont reculé' -", "une dose de scepticisme"},
         {"Envie d'afficher", "Contactez-nous", "L'espace des commentaires", "Connectez-vous"}},
        {"002_19b7305b3f46132a.txt",
         "Les rebelles ne contrôlent plus que 15% d'Alep",
         false,
         {"Le président syrien avait refusé jusqu'à présent", "cessez-le-feu",
          "De nouvelles discussions samedi", "deuxième ville du pays."},
         {"En direct", "A suivre", "A lire aussi", "À suivre aussi", "Ailleurs sur le web",
          "Dernières actualités", "[GEORGE OURFALIAN / AFP]", "Les rebelles ne contrôlent"}},
        {"003_f9830da52e4e5e6c.txt",
         "",
         true,
         {"Appel des Casques Blancs", "«Trop peu, trop tard»"},
         {}},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.file);
        const std::string bytes = read_seed(c.file);
        const TextReadResult result = read_text_dispatch(bytes, c.file);
        ASSERT_TRUE(result.dispatch.has_value());
        EXPECT_TRUE(result.diagnostics.empty());
        const Dispatch& d = *result.dispatch;
        EXPECT_EQ(d.id, c.file.substr(0, c.file.size() - 4));
        EXPECT_EQ(d.origin, c.file);
        EXPECT_EQ(d.date, "");
        EXPECT_EQ(d.title_from_body, c.title_from_body);
        if (c.title_from_body) {
            EXPECT_TRUE(d.title.ends_with("…")) << d.title;
            EXPECT_TRUE(d.body.starts_with(d.title.substr(0, d.title.size() - 3))) << d.title;
            EXPECT_LE(analysis::count_code_points(d.title), 110U);
        } else {
            EXPECT_EQ(d.title, c.title);
        }
        for (const std::string& text : c.kept) {
            EXPECT_NE(d.body.find(text), std::string::npos) << "lost: " << text;
        }
        for (const std::string& text : c.removed) {
            EXPECT_EQ(d.body.find(text), std::string::npos) << "kept: " << text;
        }
        EXPECT_EQ(d.body.find("\n\n\n"), std::string::npos);
        EXPECT_FALSE(d.body.ends_with("\n"));
        EXPECT_TRUE(analysis::is_valid_utf8(d.body));
    }
}

TEST(TextReader, DerivesIdFromRelativePath) {
    struct Case {
        std::string path;
        std::string id;
    };
    const std::vector<Case> cases{
        {"2016/12/abc.txt", "2016/12/abc"},
        {"000_553bed05d52c630e.txt", "000_553bed05d52c630e"},
        {"2016\\12\\abc.txt", "2016/12/abc"},
        {"./alep.txt", "alep"},
        {"ALEP.TXT", "ALEP"},
        {"notes", "notes"},
        {"archive.txt.txt", "archive.txt"},
        {"dépêches/été.txt", "dépêches/été"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.path);
        const Dispatch d = read_ok("Titre\nTexte de la dépêche.", c.path);
        EXPECT_EQ(d.id, c.id);
        EXPECT_EQ(d.origin, c.path);
        EXPECT_EQ(d.line, 0U);
    }
}

TEST(TextReader, TakesShortFirstLineAsHeadline) {
    struct Case {
        std::string text;
        std::string title;
        bool title_from_body;
        std::string body;
    };
    const std::string long_line(151, 'a');
    const std::vector<Case> cases{
        {"Alep: les rebelles reculent\n\nLe texte.\nSuite.", "Alep: les rebelles reculent", false,
         "Le texte.\n\nSuite."},
        {"Faut-il croire Moscou ?\nLe texte.", "Faut-il croire Moscou ?", false, "Le texte."},
        {"  Titre   espacé  \n\n\n  Texte   espacé.  ", "Titre espacé", false, "Texte espacé."},
        {"Une phrase courte.\nSuite.", "Une phrase courte.", true, "Une phrase courte.\n\nSuite."},
        {"Selon l'OSDH :\nSuite.", "Selon l'OSDH :", true, "Selon l'OSDH :\n\nSuite."},
        {long_line + "\nSuite.", std::string(109, 'a') + "…", true, long_line + "\n\nSuite."},
        {"Seulement un titre", "Seulement un titre", false, ""},
        {"En direct\n8 décembre 2016\nTitre\nTexte.", "Titre", false, "Texte."},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.text);
        const Dispatch d = read_ok(c.text);
        EXPECT_EQ(d.title, c.title);
        EXPECT_EQ(d.title_from_body, c.title_from_body);
        EXPECT_EQ(d.body, c.body);
    }
}

TEST(TextReader, FindsDateInTextThenPath) {
    struct Case {
        std::string text;
        std::string path;
        std::string date;
    };
    const std::vector<Case> cases{
        {"Titre\nPublié le 08/12/2016 à 18h30\nTexte.", "a.txt", "2016-12-08"},
        {"Beyrouth, 8 déc 2016 (AFP) - Les rebelles reculent.", "a.txt", "2016-12-08"},
        {"Titre\nTexte.", "2016/12/08/a.txt", "2016-12-08"},
        {"Titre\nTexte.", "2016-12-08-a.txt", "2016-12-08"},
        {"Titre\nTexte.", "a_20161208.txt", "2016-12-08"},
        {"Titre\n9 décembre 2016\nTexte.", "2016/12/08/a.txt", "2016-12-09"},
        {"Titre\nTexte depuis le 15 novembre 2016.", "2016/12/a.txt", ""},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.text + " @ " + c.path);
        EXPECT_EQ(read_ok(c.text, c.path).date, c.date);
    }
}

TEST(TextReader, RejectsFilesWithoutUsableText) {
    struct Case {
        std::string name;
        std::string bytes;
        std::string reason;
    };
    const std::vector<Case> cases{
        {"empty", "", "no text after removing page chrome"},
        {"blank", " \n\t\r\n\n", "no text after removing page chrome"},
        {"BOM only", "\xEF\xBB\xBF", "no text after removing page chrome"},
        {"only chrome", "En direct\nA suivre\n\nContactez-nous\nPublicité\n",
         "no text after removing page chrome"},
        {"NUL bytes", "Titre\nTexte\0binaire"s, "not a text file: binary content (NUL bytes)"},
        {"too large", std::string(k_max_input_bytes + 1, 'a'),
         "file too large (16777217 bytes, limit 16 MiB)"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        const TextReadResult result = read_text_dispatch(c.bytes, "dir/bad.txt");
        EXPECT_FALSE(result.dispatch.has_value());
        ASSERT_EQ(result.diagnostics.size(), 1U);
        EXPECT_EQ(result.diagnostics[0].file, "dir/bad.txt");
        EXPECT_EQ(result.diagnostics[0].line, 0U);
        EXPECT_EQ(result.diagnostics[0].reason, c.reason);
        EXPECT_EQ(result.diagnostics[0].severity, Diagnostic::Severity::rejected);
    }
}

TEST(TextReader, RejectsPathsThatMakeInvalidIds) {
    const std::vector<std::string> cases{".txt", "a\nb.txt", " espace.txt"};
    for (const std::string& path : cases) {
        SCOPED_TRACE(path);
        const TextReadResult result = read_text_dispatch("Titre\nTexte.", path);
        EXPECT_FALSE(result.dispatch.has_value());
        ASSERT_EQ(result.diagnostics.size(), 1U);
        EXPECT_TRUE(result.diagnostics[0].reason.starts_with("invalid id from path: "))
            << result.diagnostics[0].reason;
    }
}

TEST(TextReader, WarnsWhenEncodingWasConvertedOrRepaired) {
    struct Case {
        std::string name;
        std::string bytes;
        std::string title;
        std::string body;
        std::string warning;
    };
    const std::vector<Case> cases{
        {"Latin-1",
         "Les Kurdes \xE0 Hassak\xE9\r\n\r\nL'arm\xE9"
         "e a repris sept positions.\r\n",
         "Les Kurdes à Hassaké", "L'armée a repris sept positions.",
         "not UTF-8: decoded as Windows-1252 (Latin-1)"},
        {"broken UTF-8", "Les Kurdes à Hassaké\nL'armée a repris \xFF positions.",
         "Les Kurdes à Hassaké", "L'armée a repris \uFFFD positions.",
         "replaced 1 invalid UTF-8 byte with U+FFFD"},
        {"UTF-16LE",
         "\xFF\xFE"
         "T\0i\0t\0r\0e\0\n\0T\0e\0x\0t\0e\0.\0"s,
         "Titre", "Texte.", "decoded from UTF-16LE"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        const TextReadResult result = read_text_dispatch(c.bytes, "a.txt");
        ASSERT_TRUE(result.dispatch.has_value());
        EXPECT_EQ(result.dispatch->title, c.title);
        EXPECT_EQ(result.dispatch->body, c.body);
        ASSERT_EQ(result.diagnostics.size(), 1U);
        EXPECT_EQ(result.diagnostics[0].reason, c.warning);
        EXPECT_EQ(result.diagnostics[0].file, "a.txt");
        EXPECT_EQ(result.diagnostics[0].severity, Diagnostic::Severity::warning);
    }
}

TEST(TextReader, ReadsCrlfFileLikeLfFile) {
    const std::string lf = read_seed("002_19b7305b3f46132a.txt");
    std::string crlf;
    for (const char c : lf) {
        crlf += c == '\n' ? "\r\n" : std::string(1, c);
    }
    const Dispatch from_lf = read_ok(lf);
    const Dispatch from_crlf = read_ok(crlf);
    EXPECT_EQ(from_crlf.title, from_lf.title);
    EXPECT_EQ(from_crlf.body, from_lf.body);
    EXPECT_EQ(from_crlf.body.find('\r'), std::string::npos);
}

TEST(TextReader, LeavesInputBytesUntouched) {
    constexpr const char* k_input = "En direct\r\nTitre\r\nTexte [AFP/Archives]\r\n\xE9";
    std::string bytes = k_input; // mutable on purpose: the reader must still leave it alone
    const TextReadResult result = read_text_dispatch(bytes, "a.txt");
    EXPECT_TRUE(result.dispatch.has_value());
    EXPECT_EQ(bytes, k_input);
}

} // namespace
} // namespace depeches::ingest
