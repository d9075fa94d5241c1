// Unit: learning word associations from headlines and bodies (indexer/associations/learner.hpp).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "indexer/associations/learner.hpp"
#include "tests/associations_corpus.hpp"

namespace depeches::associations {
namespace {

using test::term_of;
using test::translation;

TEST(AssociationLearner, LearnsWhichBodyWordsAHeadlineWordComesWith) {
    Learner learner;
    test::add_death_headlines(learner);
    EXPECT_EQ(learner.pairs(), 12U);
    const Table table = learner.learn(test::small_archive_options());
    EXPECT_EQ(table.pairs(), 12U);
    const float meurt_decede = translation(table, "meurt", "décédé");
    EXPECT_GT(meurt_decede, 0.3F);
    // A body word goes to the summary words it comes with, not to the others.
    EXPECT_GT(meurt_decede, translation(table, "meurt", "service"));
    EXPECT_GT(translation(table, "reprend", "service"), meurt_decede / 2);
    // Never a word into itself (the word's own match scores it), never a stop word, and no
    // word fewer than three summaries have ("Lyon").
    EXPECT_EQ(translation(table, "homme", "homme"), 0.0F);
    EXPECT_EQ(table.summary_word(term_of("un")), -1);
    EXPECT_EQ(table.summary_word(term_of("Lyon")), -1);
}

TEST(AssociationLearner, LeavesOutWhatGoesWithEverything) {
    Learner learner;
    for (int i = 0; i < 10; ++i) {
        const std::string n = std::to_string(i);
        learner.add("Communiqué " + n + " : la préfecture annonce un arrêté.",
                    {"Préfecture : arrêté " + n});
    }
    LearnOptions options;
    const Table table = learner.learn(options);
    // Every summary has "préfecture" and "arrêté": too common to write (over 5 %), and
    // "communiqué", in every body, translates nothing (over 20 %).
    EXPECT_EQ(table.summary_word(term_of("préfecture")), -1);
    EXPECT_EQ(table.body_word(term_of("communiqué")), -1);
    EXPECT_TRUE(table.empty());
}

} // namespace
} // namespace depeches::associations
