// Tests for read_newsml on bad and hostile input: rejections with reasons and lines, encodings,
// billion laughs, external entities, deep nesting, huge values.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "indexer/analysis/utf8.hpp"
#include "indexer/ingest/fields.hpp"
#include "tests/unit/newsml_test_support.hpp"

namespace depeches::ingest {
namespace {

using namespace newsml_test;
using namespace std::string_literals;

/// Every text field of the dispatches read, to look for what must never get in.
std::string text_of_dispatches(const Output& out) {
    std::string all;
    for (const Dispatch& d : out.dispatches) {
        all += d.id + '|' + d.title + '|' + d.date + '|' + d.body + '|' + d.abstract + '|' +
               d.source + '|' + d.url + '|' + d.lang + '|' + d.dateline + '|';
        for (const std::string& keyword : d.keywords) {
            all += keyword + '|';
        }
    }
    return all;
}

/// `count` copies of `text`.
std::string repeat(const std::string& text, std::size_t count) {
    std::string out;
    out.reserve(text.size() * count);
    for (std::size_t i = 0; i < count; ++i) {
        out += text;
    }
    return out;
}

TEST(NewsmlReader, RejectsItemsItCannotReadAndGoesOn) {
    struct Case {
        std::string item;
        std::string reason;
    };
    const std::vector<Case> cases{
        {news_item(headline(), R"(version="1")"), "missing guid"},
        {news_item(headline(), R"(guid="")"), "invalid guid: id is empty"},
        {news_item(headline(), R"(guid=" g")"), "invalid guid: id starts or ends with white space"},
        {news_item(headline(), R"(guid="a&#10;b")"),
         "invalid guid: id contains a control character"},
        {news_item(headline(), R"(guid=")" + std::string(201, 'x') + "\""),
         "invalid guid: id is longer than 200 bytes"},
        {news_item(""), "newsItem has neither a headline nor body text"},
        {news_item(content_meta("<headline> </headline>") + nitf_content("<p> </p>")),
         "newsItem has neither a headline nor body text"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.item);
        const std::string message = "<newsMessage><itemSet>\n" + news_item(headline("Avant")) +
                                    "\n" + c.item + "\n" + news_item(headline("Après")) +
                                    "\n</itemSet></newsMessage>";
        const Output out = read_all(message);
        ASSERT_EQ(out.dispatches.size(), 2U);
        EXPECT_EQ(out.dispatches[0].title, "Avant");
        EXPECT_EQ(out.dispatches[1].title, "Après");
        EXPECT_EQ(out.dispatches[1].line, 4U);
        ASSERT_EQ(out.diagnostics.size(), 1U);
        EXPECT_EQ(out.diagnostics[0].reason, c.reason);
        EXPECT_EQ(out.diagnostics[0].severity, Diagnostic::Severity::rejected);
        EXPECT_EQ(out.diagnostics[0].line, 3U);
        EXPECT_EQ(out.diagnostics[0].file, "feed.xml");
    }
    const Output nitf = read_all("<nitf><head><title>T</title></head></nitf>");
    ASSERT_EQ(nitf.diagnostics.size(), 1U);
    EXPECT_EQ(nitf.diagnostics[0].reason, "missing head/docdata/doc-id/@id-string");
}

TEST(NewsmlReader, SkipsItemsThatAreNotTextDispatches) {
    struct Case {
        std::string xml;
        std::string warning;
    };
    const std::string text = headline() + nitf_content("<p>Corps.</p>");
    const std::vector<Case> cases{
        {news_item(R"(<itemMeta><itemClass qcode="ninat:picture"/></itemMeta>)" + text),
         R"(newsItem of class "ninat:picture" skipped: it holds no text)"},
        {news_item(R"(<itemMeta><itemClass qcode="ninat:video"/></itemMeta>)" + text),
         R"(newsItem of class "ninat:video" skipped: it holds no text)"},
        {news_item(R"(<itemMeta><pubStatus qcode="stat:canceled"/></itemMeta>)" + text),
         R"(newsItem skipped: its pubStatus is "stat:canceled")"},
        {news_item(R"(<itemMeta><pubStatus qcode="stat:withheld"/></itemMeta>)" + text),
         R"(newsItem skipped: its pubStatus is "stat:withheld")"},
        {R"(<conceptItem guid="c" version="1"><concept/></conceptItem>)",
         "conceptItem skipped: only a newsItem holds a dispatch"},
        {"<newsMessage><header/><itemSet><planningItem guid=\"p\"/></itemSet></newsMessage>",
         "planningItem skipped: only a newsItem holds a dispatch"},
        {"<newsMessage><header/><itemSet/></newsMessage>", "newsMessage holds no item"},
        {"<newsMessage><header/></newsMessage>", "newsMessage holds no item"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.xml);
        const Output out = read_all(c.xml);
        EXPECT_TRUE(out.dispatches.empty());
        ASSERT_EQ(out.diagnostics.size(), 1U);
        EXPECT_EQ(out.diagnostics[0].reason, c.warning);
        EXPECT_EQ(out.diagnostics[0].severity, Diagnostic::Severity::warning);
    }
    // Text and composite items are dispatches.
    for (const char* item_class : {"ninat:text", "ninat:composite"}) {
        SCOPED_TRACE(item_class);
        read_one(news_item(R"(<itemMeta><itemClass qcode=")" + std::string(item_class) +
                           R"("/><pubStatus qcode="stat:usable"/></itemMeta>)" + text));
    }
}

TEST(NewsmlReader, RejectsFilesThatAreNotNewsXml) {
    struct Case {
        std::string bytes;
        std::string reason;
        std::size_t line;
    };
    const std::vector<Case> cases{
        {"", "not XML: no element found", 0},
        {"Alep, 8 déc 2016 - Texte brut.", "not XML: no element found", 0},
        {"<?xml version=\"1.0\"?>\n<!-- seulement un commentaire -->\n",
         "not XML: no element found", 0},
        {"<rss version=\"2.0\"><channel/></rss>",
         R"(unsupported XML root element "rss": expected newsItem or newsMessage (NewsML-G2) or nitf)",
         1},
        {"<?xml version=\"1.0\"?>\n\n<html><body><p>x</p></body></html>",
         R"(unsupported XML root element "html": expected newsItem or newsMessage (NewsML-G2) or nitf)",
         3},
        {"<newsItem guid=\"g\">\n<contentMeta>\n<headline>x</hedline></contentMeta></newsItem>",
         "not well-formed XML at line 3: start-end tags mismatch", 3},
        {"<newsItem guid=g/>", "not well-formed XML at line 1: error parsing element attribute", 1},
        {"<newsItem guid=\"g\">\n<contentMeta>\n<headline>Alep",
         "not well-formed XML at line 3: start-end tags mismatch (the document ends early: "
         "truncated?)",
         3},
        {"<newsItem guid=\"g\">\n<!-- commentaire",
         "not well-formed XML at line 2: error parsing comment (the document ends early: "
         "truncated?)",
         2},
        {"<newsItem>\0</newsItem>"s, "not a text file: binary content (NUL bytes)", 0},
        {std::string(k_max_input_bytes + 1, ' '), "file too large (16777217 bytes, limit 16 MiB)",
         0},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.bytes.substr(0, 80));
        const Output out = read_all(c.bytes, "depot/x.xml");
        EXPECT_TRUE(out.dispatches.empty());
        ASSERT_EQ(out.diagnostics.size(), 1U);
        EXPECT_EQ(out.diagnostics[0].reason, c.reason);
        EXPECT_EQ(out.diagnostics[0].line, c.line);
        EXPECT_EQ(out.diagnostics[0].file, "depot/x.xml");
        EXPECT_EQ(out.diagnostics[0].severity, Diagnostic::Severity::rejected);
    }
}

TEST(NewsmlReader, ReportsTheMalformedAndTruncatedSamples) {
    struct Case {
        std::string file;
        std::string reason;
    };
    const std::vector<Case> cases{
        {"malformed.xml", "not well-formed XML at line 5: start-end tags mismatch"},
        {"truncated.xml", "not well-formed XML at line 31: start-end tags mismatch (the document "
                          "ends early: truncated?)"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.file);
        const Output out = read_all(read_sample(c.file));
        EXPECT_TRUE(out.dispatches.empty());
        ASSERT_EQ(out.diagnostics.size(), 1U);
        EXPECT_EQ(out.diagnostics[0].reason, c.reason);
    }
}

TEST(NewsmlReader, DecodesBytesBeforeParsing) {
    struct Case {
        std::string bytes;
        std::string title;
        std::size_t line;
        std::string warning;
    };
    const std::string item = R"(<newsItem guid="g"><contentMeta><headline>)";
    const std::string end = "</headline></contentMeta></newsItem>";
    const std::string utf8 = item + "Alep" + end;
    std::string utf16 = "\xFF\xFE";
    for (const char c : utf8) {
        utf16 += c;
        utf16 += '\0';
    }
    const std::vector<Case> cases{
        {"\xEF\xBB\xBF<?xml version=\"1.0\"?>\r\n\r\n" + item + "Alep" + end, "Alep", 3, ""},
        {"<?xml version=\"1.0\"?>\r" + item + "Alep" + end, "Alep", 2, ""},
        {"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + item + "Caf\xE9 \xE0 Alep" + end,
         "Café à Alep", 2, "not UTF-8: decoded as Windows-1252 (Latin-1)"},
        {"<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n" + item + "\x93" + "Alep\x94" + end,
         "“Alep”", 2, "not UTF-8: decoded as Windows-1252 (Latin-1)"},
        {utf16, "Alep", 1, "decoded from UTF-16LE"},
        {item + "éèà ç \xFF Alep" + end, "éèà ç \uFFFD Alep", 1,
         "replaced 1 invalid UTF-8 byte with U+FFFD"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.bytes);
        const Output out = read_all(c.bytes);
        ASSERT_EQ(out.dispatches.size(), 1U);
        EXPECT_EQ(out.dispatches[0].title, c.title);
        EXPECT_EQ(out.dispatches[0].line, c.line);
        if (c.warning.empty()) {
            EXPECT_TRUE(out.diagnostics.empty());
        } else {
            ASSERT_EQ(out.diagnostics.size(), 1U);
            EXPECT_EQ(out.diagnostics[0].reason, c.warning);
            EXPECT_EQ(out.diagnostics[0].severity, Diagnostic::Severity::warning);
        }
    }
}

TEST(NewsmlReader, NeverExpandsBillionLaughs) {
    const Output out = read_all(read_sample("billion_laughs.xml"));
    ASSERT_EQ(out.dispatches.size(), 1U);
    const Dispatch& d = out.dispatches[0];
    EXPECT_EQ(d.title, "Alep : une dépêche piégée");
    EXPECT_EQ(d.body, "Ce paragraphe se lit normalement.");
    EXPECT_TRUE(d.keywords.empty());
    ASSERT_EQ(out.diagnostics.size(), 1U);
    EXPECT_EQ(out.diagnostics[0].severity, Diagnostic::Severity::warning);
    EXPECT_EQ(out.diagnostics[0].line, 2U);
    EXPECT_EQ(out.diagnostics[0].reason,
              R"(DOCTYPE ignored: the entities it declares ("lol", "lol1", "lol2" and 7 more) )"
              "are not expanded, and references to them are dropped");
    const std::string all = text_of_dispatches(out);
    EXPECT_EQ(all.find("lol"), std::string::npos) << all;
    EXPECT_LT(all.size(), 1000U);
}

TEST(NewsmlReader, NeverReadsExternalEntities) {
    // The check means something only where /etc/passwd exists and names root.
    std::ifstream passwd("/etc/passwd");
    std::ostringstream passwd_text;
    passwd_text << passwd.rdbuf();
    ASSERT_NE(passwd_text.str().find("root:"), std::string::npos);

    const Output out = read_all(read_sample("xxe.xml"));
    ASSERT_EQ(out.dispatches.size(), 1U);
    const Dispatch& d = out.dispatches[0];
    EXPECT_EQ(d.title, "Syrie : dépêche avec une entité externe");
    EXPECT_EQ(d.body, "Avant l'entité.\n\nAprès l'entité.");
    EXPECT_EQ(d.source, "ADE"); // @literal was only "&xxe;": the qcode is used instead
    const std::string all = text_of_dispatches(out);
    EXPECT_EQ(all.find("root:"), std::string::npos) << all;
    EXPECT_EQ(all.find("&xxe;"), std::string::npos) << all;
    ASSERT_EQ(out.diagnostics.size(), 1U);
    EXPECT_EQ(out.diagnostics[0].reason,
              R"(DOCTYPE ignored: the entities it declares ("xxe") are not expanded, and )"
              "references to them are dropped");
}

TEST(NewsmlReader, LeavesUndeclaredEntityReferencesAsWritten) {
    // pugixml keeps a reference it cannot resolve as written; only declared ones are dropped.
    const Dispatch d =
        read_one(news_item(headline() + nitf_content("<p>8&nbsp;000 civils &amp; AT&amp;T;</p>")));
    EXPECT_EQ(d.body, "8&nbsp;000 civils & AT&T;");
}

TEST(NewsmlReader, RepairsCharacterReferencesOutsideUnicode) {
    // pugixml encodes a surrogate or a value above U+10FFFF as bytes that are not UTF-8.
    const Dispatch d =
        read_one(news_item(headline("T&#xD800;") + nitf_content("<p>x&#xDFFF;y&#x110000;z</p>")));
    EXPECT_TRUE(analysis::is_valid_utf8(d.title));
    EXPECT_TRUE(analysis::is_valid_utf8(d.body));
    EXPECT_EQ(d.title, "T\uFFFD\uFFFD\uFFFD");
    EXPECT_EQ(d.body, "x\uFFFD\uFFFD\uFFFDy\uFFFD\uFFFD\uFFFD\uFFFDz");
}

TEST(NewsmlReader, SurvivesDeepNesting) {
    constexpr std::size_t k_depth = 100'000;
    struct Case {
        std::string name;
        std::string xml;
        std::string title;
        std::string body;
    };
    const std::vector<Case> cases{
        {"spans in a paragraph",
         news_item(headline() + nitf_content("<p>début " + repeat("<span>", k_depth) + "profond" +
                                             repeat("</span>", k_depth) + " fin</p>")),
         "Titre", "début profond fin"},
        {"paragraphs in paragraphs", // read whole as the outer one; each inner one breaks words
         news_item(headline() + nitf_content(repeat("<p>a", k_depth) + repeat("</p>", k_depth))),
         "Titre", repeat("a ", k_depth - 1) + "a"},
        {"unknown elements before the metadata",
         news_item(repeat("<x>", k_depth) + repeat("</x>", k_depth) + headline("Après")), "Après",
         ""},
        {"elements in the headline",
         news_item(content_meta("<headline>" + repeat("<i>", k_depth) + "Profond" +
                                repeat("</i>", k_depth) + "</headline>")),
         "Profond", ""},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        const Dispatch d = read_one(c.xml);
        EXPECT_EQ(d.title, c.title);
        EXPECT_TRUE(d.body == c.body)
            << d.body.substr(0, 80) << "… (" << d.body.size() << " bytes)";
    }
    const Output unclosed = read_all(R"(<newsItem guid="g">)" + repeat("<p>", k_depth));
    ASSERT_EQ(unclosed.diagnostics.size(), 1U);
    EXPECT_TRUE(unclosed.diagnostics[0].reason.starts_with("not well-formed XML at line 1: "))
        << unclosed.diagnostics[0].reason;
}

TEST(NewsmlReader, SurvivesHugeValues) {
    const std::string huge(std::size_t{4} << 20U, '9');
    const Output guid = read_all(news_item(headline(), "guid=\"" + huge + "\""));
    ASSERT_EQ(guid.diagnostics.size(), 1U);
    EXPECT_EQ(guid.diagnostics[0].reason, "invalid guid: id is longer than 200 bytes");

    const Output version = read_all(news_item(headline(), R"(guid="g" version=")" + huge + "\""));
    ASSERT_EQ(version.dispatches.size(), 1U);
    EXPECT_EQ(version.dispatches[0].version, 1U);
    ASSERT_EQ(version.diagnostics.size(), 1U);
    EXPECT_EQ(version.diagnostics[0].reason,
              "invalid version \"" + std::string(40, '9') + "…\"; version 1 assumed");

    const Dispatch body = read_one(news_item(headline() + nitf_content("<p>" + huge + "</p>")));
    EXPECT_TRUE(body.body == huge) << body.body.size() << " bytes";
}

} // namespace
} // namespace depeches::ingest
