// Tests of the indexer's reports: the progress bar, the human and JSON summaries.
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "indexer/cli/report.hpp"

namespace depeches::cli {
namespace {

TEST(ProgressBar, ShowsRateShareAndTimeLeftThenErasesItself) {
    std::ostringstream err;
    ProgressBar bar(err, true);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    bar.update(500, 250, 1000);
    const std::string line = err.str();
    EXPECT_NE(line.find("[######"), std::string::npos) << line;
    EXPECT_NE(line.find("25%"), std::string::npos) << line;
    EXPECT_NE(line.find("time left"), std::string::npos) << line;
    EXPECT_NE(line.find("500 dispatches"), std::string::npos) << line;
    EXPECT_NE(line.find("/s"), std::string::npos) << line;
    bar.finish();
    EXPECT_EQ(err.str().substr(err.str().size() - 4), "\r\033[K");
}

TEST(ProgressBar, WithoutATotalShowsTheCountOnly) {
    std::ostringstream err;
    ProgressBar bar(err, true);
    bar.update(42, 0, 0);
    EXPECT_EQ(err.str().find("time left"), std::string::npos);
    EXPECT_NE(err.str().find("42 dispatches"), std::string::npos);
}

TEST(ProgressBar, DrawsNothingWhenDisabled) {
    std::ostringstream err;
    ProgressBar bar(err, false);
    bar.update(1, 1, 2);
    bar.finish();
    EXPECT_TRUE(err.str().empty());
}

TEST(Summary, JsonListsEveryCountAndEachRejection) {
    RunReport report;
    report.mode = "incremental";
    report.added = 3;
    report.updated = 2;
    report.deleted = 1;
    report.unchanged = 5;
    report.rejected.push_back(
        {"feed.jsonl", 7, "malformed JSON", ingest::Diagnostic::Severity::rejected});
    report.documents = 9;
    report.seconds = 2.0;
    std::ostringstream out;
    print_json_summary(out, report);
    const nlohmann::json s = nlohmann::json::parse(out.str());
    EXPECT_EQ(s["added"], 3);
    EXPECT_EQ(s["updated"], 2);
    EXPECT_EQ(s["deleted"], 1);
    EXPECT_EQ(s["unchanged"], 5);
    EXPECT_EQ(s["documents"], 9);
    EXPECT_DOUBLE_EQ(s["dispatches_per_second"].get<double>(), 5.0);
    ASSERT_EQ(s["rejected"].size(), 1U);
    EXPECT_EQ(s["rejected"][0]["line"], 7);
    std::ostringstream err;
    print_summary(err, report, "idx");
    EXPECT_NE(err.str().find("feed.jsonl:7: rejected: malformed JSON"), std::string::npos);
    EXPECT_NE(err.str().find("3 added, 2 updated, 1 deleted, 5 unchanged, 1 rejected"),
              std::string::npos)
        << err.str();
}

} // namespace
} // namespace depeches::cli
