// Tests for read_jsonl: field mapping, and every bad line reported without stopping the batch.
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "indexer/ingest/fields.hpp"
#include "indexer/ingest/jsonl_reader.hpp"

namespace depeches::ingest {
namespace {

/// Everything read_jsonl said about one input.
struct Output {
    std::vector<Dispatch> dispatches;
    std::vector<Diagnostic> diagnostics;
};

Output read_all(const std::string& input) {
    std::istringstream in(input);
    Output out;
    read_jsonl(
        in, "feed.jsonl", [&out](Dispatch&& d) { out.dispatches.push_back(std::move(d)); },
        [&out](Diagnostic&& d) { out.diagnostics.push_back(std::move(d)); });
    return out;
}

constexpr const char* k_good_line = R"({"id": "ok", "title": "Titre", "body": "Texte."})";

TEST(JsonlReader, ReadsEveryField) {
    const Output out = read_all(
        R"({"id": "afp-1", "title": "  Alep :  les rebelles reculent ", "date": "2016-12-08T18:30:00+01:00", )"
        R"("body": "Premier paragraphe.\n\nDeuxième\tparagraphe.\r\nTroisième.", "abstract": "Le chapeau.", )"
        R"("source": "AFP", "url": "https://example.org/a", "lang": "fr", "keywords": ["Syrie", " Alep "], )"
        R"("ignored": {"x": [1, 2]}})"
        "\n");
    ASSERT_EQ(out.dispatches.size(), 1U);
    EXPECT_TRUE(out.diagnostics.empty());
    const Dispatch& d = out.dispatches[0];
    EXPECT_EQ(d.id, "afp-1");
    EXPECT_EQ(d.title, "Alep : les rebelles reculent");
    EXPECT_FALSE(d.title_from_body);
    EXPECT_EQ(d.date, "2016-12-08");
    EXPECT_EQ(d.body, "Premier paragraphe.\n\nDeuxième paragraphe.\n\nTroisième.");
    EXPECT_EQ(d.abstract, "Le chapeau.");
    EXPECT_EQ(d.source, "AFP");
    EXPECT_EQ(d.url, "https://example.org/a");
    EXPECT_EQ(d.lang, "fr");
    EXPECT_EQ(d.keywords, (std::vector<std::string>{"Syrie", "Alep"}));
    EXPECT_EQ(d.origin, "feed.jsonl");
    EXPECT_EQ(d.line, 1U);
}

TEST(JsonlReader, AcceptsVariantFieldForms) {
    struct Case {
        std::string line;
        std::string id;
        std::string title;
        bool title_from_body;
        std::string body;
        std::vector<std::string> keywords;
    };
    const std::vector<Case> cases{
        {R"({"id": 42, "title": "T", "text": "Corps."})", "42", "T", false, "Corps.", {}},
        {R"({"id": -7, "title": "T"})", "-7", "T", false, "", {}},
        {R"({"id": 18446744073709551615, "title": "T"})",
         "18446744073709551615",
         "T",
         false,
         "",
         {}},
        {R"({"id": "a", "title": "T", "body": "B.", "text": "ignored"})",
         "a",
         "T",
         false,
         "B.",
         {}},
        {R"({"id": "a", "body": "Première phrase. Seconde."})",
         "a",
         "Première phrase.",
         true,
         "Première phrase. Seconde.",
         {}},
        {R"({"id": "a", "title": "  ", "body": "Phrase."})", "a", "Phrase.", true, "Phrase.", {}},
        {R"({"id": "a", "title": "T", "keywords": "Syrie, Alep,, Russie "})",
         "a",
         "T",
         false,
         "",
         {"Syrie", "Alep", "Russie"}},
        {R"({"id": "a", "title": "T", "abstract": null, "keywords": null, "date": null})",
         "a",
         "T",
         false,
         "",
         {}},
        {R"({"id": "a", "title": "T\u0000\u0007x", "body": "ctrl\u0001char"})",
         "a",
         "T x",
         false,
         "ctrl char",
         {}},
        {"\t" + std::string(k_good_line) + "  ", "ok", "Titre", false, "Texte.", {}},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.line);
        const Output out = read_all(c.line);
        ASSERT_EQ(out.dispatches.size(), 1U);
        EXPECT_TRUE(out.diagnostics.empty());
        const Dispatch& d = out.dispatches[0];
        EXPECT_EQ(d.id, c.id);
        EXPECT_EQ(d.title, c.title);
        EXPECT_EQ(d.title_from_body, c.title_from_body);
        EXPECT_EQ(d.body, c.body);
        EXPECT_EQ(d.keywords, c.keywords);
    }
}

TEST(JsonlReader, RejectsBadLinesAndContinues) {
    struct Case {
        std::string line;
        std::string reason;
    };
    const std::vector<Case> cases{
        {R"({"id": "a", "title": "x")", "malformed JSON at byte 25: syntax error while parsing "
                                        "object - unexpected end of input; expected '}'"},
        {R"({"id": "a", "title": "x",})", "malformed JSON at byte 26: syntax error while parsing "
                                          "object key - unexpected '}'; expected string literal"},
        {"nope", "malformed JSON at byte 2: syntax error while parsing value - invalid literal"},
        {R"({"id": "a"} {"id": "b"})", "malformed JSON at byte 13: syntax error while parsing "
                                       "value - unexpected '{'; expected end of input"},
        {R"([{"id": "a", "title": "x"}])", "not a JSON object but array"},
        {R"("texte")", "not a JSON object but string"},
        {"12", "not a JSON object but number"},
        {"null", "not a JSON object but null"},
        {R"({"title": "x"})", "missing field \"id\""},
        {R"({"id": null, "title": "x"})", "missing field \"id\""},
        {R"({"id": 1.5, "title": "x"})", "field \"id\" must be a string or an integer, not number"},
        {R"({"id": true, "title": "x"})",
         "field \"id\" must be a string or an integer, not boolean"},
        {R"({"id": ["a"], "title": "x"})",
         "field \"id\" must be a string or an integer, not array"},
        {R"({"id": "", "title": "x"})", "invalid id: id is empty"},
        {R"({"id": " a", "title": "x"})", "invalid id: id starts or ends with white space"},
        {R"({"id": "a\nb", "title": "x"})", "invalid id: id contains a control character"},
        {R"({"id": "a", "title": 3})", "field \"title\" must be a string, not number"},
        {R"({"id": "a", "body": ["x"]})", "field \"body\" must be a string, not array"},
        {R"({"id": "a", "text": {"x": 1}})", "field \"text\" must be a string, not object"},
        {R"({"id": "a", "title": "x", "url": 1})", "field \"url\" must be a string, not number"},
        {R"({"id": "a", "title": "x", "keywords": [1]})",
         "field \"keywords\" must hold only strings"},
        {R"({"id": "a", "title": "x", "keywords": 1})",
         "field \"keywords\" must be an array of strings or a string"},
        {R"({"id": "a"})", "neither title nor body/text"},
        {R"({"id": "a", "title": "", "body": " \n "})", "neither title nor body/text"},
        {R"({"id": "a", "title": "\ud800"})",
         "malformed JSON at byte 29: syntax error while "
         "parsing value - invalid string: surrogate U+D800..U+DBFF "
         "must be followed by U+DC00..U+DFFF"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.line);
        const Output out = read_all(std::string(k_good_line) + "\n" + c.line + "\n" + k_good_line);
        ASSERT_EQ(out.dispatches.size(), 2U);
        EXPECT_EQ(out.dispatches[0].line, 1U);
        EXPECT_EQ(out.dispatches[1].line, 3U);
        ASSERT_EQ(out.diagnostics.size(), 1U);
        const Diagnostic& diagnostic = out.diagnostics[0];
        EXPECT_EQ(diagnostic.file, "feed.jsonl");
        EXPECT_EQ(diagnostic.line, 2U);
        EXPECT_EQ(diagnostic.severity, Diagnostic::Severity::rejected);
        EXPECT_EQ(diagnostic.reason, c.reason);
    }
}

TEST(JsonlReader, WarnsButKeepsDispatchWithBadDateOrBrokenUtf8) {
    struct Case {
        std::string line;
        std::string date;
        std::string title;
        std::string warning;
    };
    const std::vector<Case> cases{
        {R"({"id": "a", "title": "T", "date": "2015-02-29"})", "", "T",
         "invalid date \"2015-02-29\"; date left empty"},
        {R"({"id": "a", "title": "T", "date": "hier"})", "", "T",
         "invalid date \"hier\"; date left empty"},
        {R"({"id": "a", "title": "T", "date": 20161208})", "", "T",
         "field \"date\" must be a string, not number; date left empty"},
        {"{\"id\": \"a\", \"title\": \"caf\xE9\", \"date\": \"08/12/2016\"}", "2016-12-08",
         "caf\uFFFD", "replaced 1 invalid UTF-8 byte with U+FFFD"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.line);
        const Output out = read_all(c.line);
        ASSERT_EQ(out.dispatches.size(), 1U);
        EXPECT_EQ(out.dispatches[0].date, c.date);
        EXPECT_EQ(out.dispatches[0].title, c.title);
        ASSERT_EQ(out.diagnostics.size(), 1U);
        EXPECT_EQ(out.diagnostics[0].reason, c.warning);
        EXPECT_EQ(out.diagnostics[0].line, 1U);
        EXPECT_EQ(out.diagnostics[0].severity, Diagnostic::Severity::warning);
    }
}

TEST(JsonlReader, NumbersLinesAcrossBlankLinesCrlfAndBom) {
    struct Case {
        std::string name;
        std::string input;
        std::vector<std::size_t> lines;
    };
    const std::string good = k_good_line;
    const std::vector<Case> cases{
        {"empty", "", {}},
        {"only blank lines", "\n \n\t\r\n", {}},
        {"blank lines", "\n\n" + good + "\n   \n" + good + "\n", {3, 5}},
        {"no final newline", good + "\n" + good, {1, 2}},
        {"CRLF", good + "\r\n\r\n" + good + "\r\n", {1, 3}},
        {"BOM", "\xEF\xBB\xBF" + good + "\n" + good, {1, 2}},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        const Output out = read_all(c.input);
        EXPECT_TRUE(out.diagnostics.empty());
        std::vector<std::size_t> lines;
        for (const Dispatch& d : out.dispatches) {
            lines.push_back(d.line);
            EXPECT_EQ(d.title, "Titre");
        }
        EXPECT_EQ(lines, c.lines);
    }
}

TEST(JsonlReader, SkipsOversizeLineWithoutLosingTheNext) {
    std::string huge = R"({"id": "big", "title": ")";
    huge.append(k_max_input_bytes, 'x');
    huge += R"("})";
    const Output out = read_all(std::string(k_good_line) + "\n" + huge + "\n" + k_good_line + "\n");
    ASSERT_EQ(out.dispatches.size(), 2U);
    EXPECT_EQ(out.dispatches[1].line, 3U);
    ASSERT_EQ(out.diagnostics.size(), 1U);
    EXPECT_EQ(out.diagnostics[0].line, 2U);
    EXPECT_EQ(out.diagnostics[0].reason, "line longer than 16 MiB");
    EXPECT_EQ(out.diagnostics[0].severity, Diagnostic::Severity::rejected);
}

TEST(JsonlReader, AppliesLineLimitToTheByte) {
    struct Case {
        std::size_t size;
        std::string reason;
    };
    // A line of 'x' fails to parse at once: its reason shows whether the parser saw it.
    const std::vector<Case> cases{
        {k_max_input_bytes, "malformed JSON at byte 1: syntax error while parsing value - "
                            "invalid literal"},
        {k_max_input_bytes + 1, "line longer than 16 MiB"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.size);
        const Output out = read_all(std::string(c.size, 'x') + "\n" + k_good_line);
        ASSERT_EQ(out.diagnostics.size(), 1U);
        EXPECT_EQ(out.diagnostics[0].reason, c.reason);
        ASSERT_EQ(out.dispatches.size(), 1U);
        EXPECT_EQ(out.dispatches[0].line, 2U);
    }
}

TEST(JsonlReader, SurvivesDeeplyNestedValues) {
    const std::size_t depth = 100000;
    const std::string nested = std::string(depth, '[') + std::string(depth, ']');
    const std::string unterminated(depth, '[');
    const Output out = read_all(R"({"id": "a", "title": "T", "x": )" + nested + "}\n" +
                                unterminated + "\n" + k_good_line);
    ASSERT_EQ(out.dispatches.size(), 2U);
    EXPECT_EQ(out.dispatches[0].id, "a");
    ASSERT_EQ(out.diagnostics.size(), 1U);
    EXPECT_EQ(out.diagnostics[0].line, 2U);
    EXPECT_TRUE(out.diagnostics[0].reason.starts_with("malformed JSON at byte"));
}

TEST(JsonlReader, ReadsFromStreamWithoutBuffer) {
    std::istream in(nullptr);
    std::size_t calls = 0;
    read_jsonl(
        in, "-", [&calls](Dispatch&&) { ++calls; }, [&calls](Diagnostic&&) { ++calls; });
    EXPECT_EQ(calls, 0U);
}

} // namespace
} // namespace depeches::ingest
