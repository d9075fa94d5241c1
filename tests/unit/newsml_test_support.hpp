// Helpers the NewsML reader tests share: reading a file or a string, samples, item builders.
#pragma once

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "indexer/ingest/newsml_reader.hpp"

namespace depeches::ingest::newsml_test {

/// Everything read_newsml said about one file.
struct Output {
    std::vector<Dispatch> dispatches;
    std::vector<Diagnostic> diagnostics;
};

/// Runs read_newsml over `bytes` and collects what it said.
inline Output read_all(std::string_view bytes, const std::string& origin = "feed.xml") {
    Output out;
    read_newsml(
        bytes, origin, [&out](Dispatch&& d) { out.dispatches.push_back(std::move(d)); },
        [&out](Diagnostic&& d) { out.diagnostics.push_back(std::move(d)); });
    return out;
}

/// The bytes of tests/data/newsml/`name`.
inline std::string read_sample(const std::string& name) {
    std::ifstream in(std::string(DEPECHES_SOURCE_DIR) + "/tests/data/newsml/" + name,
                     std::ios::binary);
    EXPECT_TRUE(in) << name;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

/// 1-based line of the `occurrence`-th (from 0) `needle` in `text`, 0 when absent.
inline std::size_t line_of(const std::string& text, const std::string& needle, int occurrence = 0) {
    std::size_t pos = text.find(needle);
    for (; occurrence > 0 && pos != std::string::npos; --occurrence) {
        pos = text.find(needle, pos + 1);
    }
    if (pos == std::string::npos) {
        return 0;
    }
    const std::string_view before = std::string_view(text).substr(0, pos);
    return 1 + static_cast<std::size_t>(std::ranges::count(before, '\n'));
}

/// A newsItem in the NewsML-G2 default namespace around `inner`.
inline std::string news_item(const std::string& inner,
                             const std::string& attributes = R"(guid="g1" version="1")") {
    return R"(<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" )" + attributes + ">" + inner +
           "</newsItem>";
}

/// A contentMeta around `inner`.
inline std::string content_meta(const std::string& inner) {
    return "<contentMeta>" + inner + "</contentMeta>";
}

/// A contentMeta that holds only a headline.
inline std::string headline(const std::string& text = "Titre") {
    return content_meta("<headline>" + text + "</headline>");
}

/// A contentSet holding NITF paragraphs (`<p>…</p>` markup) as inlineXML.
inline std::string nitf_content(const std::string& paragraphs) {
    return R"(<contentSet><inlineXML contenttype="application/nitf+xml"><nitf )"
           R"(xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content>)" +
           paragraphs + "</body.content></body></nitf></inlineXML></contentSet>";
}

/// Reads `xml` and expects exactly one dispatch and no diagnostic; an empty one otherwise.
inline Dispatch read_one(const std::string& xml) {
    Output out = read_all(xml);
    EXPECT_EQ(out.dispatches.size(), 1U);
    for (const Diagnostic& d : out.diagnostics) {
        ADD_FAILURE() << "unexpected diagnostic: " << d.reason;
    }
    return out.dispatches.empty() ? Dispatch{} : std::move(out.dispatches[0]);
}

} // namespace depeches::ingest::newsml_test
