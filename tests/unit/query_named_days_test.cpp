// Tests of named days: which words of a query name a day, and which dispatch dates agree.
#include <gtest/gtest.h>

#include "searchd/query/named_days.hpp"

namespace depeches::query {
namespace {

std::vector<NamedDay> days_in(const std::vector<std::string_view>& words) {
    return find_named_days(words);
}

TEST(NamedDays, AWeekdayWithItsDateOrAlone) {
    EXPECT_EQ(days_in({"annonce", "lundi", "18", "mai"}), (std::vector<NamedDay>{{0, 18, 5, 0}}));
    EXPECT_EQ(days_in({"samedi", "1er", "juin", "2019"}), (std::vector<NamedDay>{{5, 1, 6, 2019}}));
    EXPECT_EQ(days_in({"dimanche", "31", "decembre"}), (std::vector<NamedDay>{{6, 31, 12, 0}}));
    EXPECT_EQ(days_in({"a", "demissionne", "jeudi"}), (std::vector<NamedDay>{{3}}));
    EXPECT_EQ(days_in({"mardi", "et", "mercredi"}), (std::vector<NamedDay>{{1}, {2}}));
    EXPECT_EQ(days_in({"jeudi", "greve", "jeudi"}), (std::vector<NamedDay>{{3}}));
    // After "ce", the day the summary is written; "ce jeudi … jeudi" is that day once.
    EXPECT_EQ(days_in({"greve", "ce", "jeudi"}), (std::vector<NamedDay>{{3, 0, 0, 0, true}}));
    EXPECT_EQ(days_in({"ce", "jeudi", "greve", "jeudi"}),
              (std::vector<NamedDay>{{3, 0, 0, 0, true}}));
    EXPECT_EQ(days_in({"jeudi", "ce", "jeudi"}), (std::vector<NamedDay>{{3, 0, 0, 0, true}}));
    EXPECT_EQ(days_in({"ce", "lundi", "18", "mai"}), (std::vector<NamedDay>{{0, 18, 5, 0}}));
}

TEST(NamedDays, NotADateWithoutItsWeekdayNorAWeekdayBeforeAnotherNumber) {
    // A feast or an event to come as often as the day a dispatch tells.
    EXPECT_TRUE(days_in({"defile", "du", "14", "juillet"}).empty());
    EXPECT_TRUE(days_in({"lundi", "18"}).empty());
    EXPECT_TRUE(days_in({"lundi", "2020"}).empty());
    EXPECT_TRUE(days_in({"lundi", "40", "mai"}).empty());
    EXPECT_TRUE(days_in({"lundis", "lundie"}).empty());
    EXPECT_TRUE(days_in({}).empty());
}

TEST(NamedDays, ADateAgreesFromTheDayBeforeToThreeDaysAfterAndMostOnTheDay) {
    const std::vector<NamedDay> may18{{0, 18, 5, 0}};
    EXPECT_EQ(day_agreement(may18, "20200516"), 0);
    EXPECT_EQ(day_agreement(may18, "20200517"), k_named_date_weight);
    EXPECT_EQ(day_agreement(may18, "20200518"), k_named_date_day_weight);
    EXPECT_GT(k_named_date_day_weight, k_named_date_weight);
    EXPECT_EQ(day_agreement(may18, "20200519"), k_named_date_weight);
    EXPECT_EQ(day_agreement(may18, "20200521"), k_named_date_weight);
    EXPECT_EQ(day_agreement(may18, "20200522"), 0);
    // Without a year, in a year where it falls on its weekday (18 May: a Monday in 2015 and
    // 2020, a Thursday in 2017); with one, in that year only.
    EXPECT_EQ(day_agreement(may18, "20150519"), k_named_date_weight);
    EXPECT_EQ(day_agreement(may18, "20170519"), 0);
    const std::vector<NamedDay> may18_2020{{0, 18, 5, 2020}};
    EXPECT_EQ(day_agreement(may18_2020, "20200519"), k_named_date_weight);
    EXPECT_EQ(day_agreement(may18_2020, "20170519"), 0);
    // Across the new year, both ways.
    const std::vector<NamedDay> dec31{{1, 31, 12, 0}}; // mardi 31 décembre 2019
    EXPECT_EQ(day_agreement(dec31, "20200102"), k_named_date_weight);
    const std::vector<NamedDay> jan1{{2, 1, 1, 0}}; // mercredi 1er janvier 2020
    EXPECT_EQ(day_agreement(jan1, "20191231"), k_named_date_weight);
    // A date the calendar does not have agrees with nothing.
    EXPECT_EQ(day_agreement({{0, 31, 2, 0}}, "20200301"), 0);
}

TEST(NamedDays, AWeekdayAloneAgreesMostWithThatWeekdayThenTheDaysAroundIt) {
    const std::vector<NamedDay> thursday{{3}};
    // Thursday 21 May 2020: that day most, then the day after or before, two days before a
    // little (an event to come), and the days well after not at all.
    const double on_thursday = day_agreement(thursday, "20200521");
    EXPECT_EQ(on_thursday, k_named_weekday_weights[0]);
    EXPECT_GT(on_thursday, day_agreement(thursday, "20200522"));
    EXPECT_GT(day_agreement(thursday, "20200522"), 0);
    EXPECT_GT(day_agreement(thursday, "20200520"), 0);
    EXPECT_GT(day_agreement(thursday, "20200520"), day_agreement(thursday, "20200519"));
    EXPECT_GT(day_agreement(thursday, "20200519"), 0);
    EXPECT_EQ(day_agreement(thursday, "20200523"), 0);
    EXPECT_EQ(day_agreement(thursday, "20200525"), 0);
    EXPECT_EQ(day_agreement(thursday, "20200528"), on_thursday); // a week later, as well
    // "ce jeudi": that day alone, more.
    const std::vector<NamedDay> this_thursday{{3, 0, 0, 0, true}};
    EXPECT_EQ(day_agreement(this_thursday, "20200521"), k_named_today_weight);
    EXPECT_GT(k_named_today_weight, on_thursday);
    for (const char* other : {"20200520", "20200522", "20200519"}) {
        EXPECT_EQ(day_agreement(this_thursday, other), 0) << other;
    }
    // Both kinds add up.
    EXPECT_EQ(day_agreement({{0, 18, 5, 0}, {3}}, "20200521"),
              k_named_date_weight + k_named_weekday_weights[0]);
    EXPECT_EQ(day_agreement({{3, 21, 5, 0}, {3}}, "20200521"),
              k_named_date_day_weight + k_named_weekday_weights[0]);
}

TEST(NamedDays, AnUnknownOrBrokenDateAgreesWithNothing) {
    const std::vector<NamedDay> days{{0, 18, 5, 0}, {3}};
    for (const char* value : {"", "2020", "2020051", "202005211", "2020x521", "20201341"}) {
        SCOPED_TRACE(value);
        EXPECT_EQ(day_agreement(days, value), 0);
    }
    EXPECT_EQ(day_agreement({}, "20200521"), 0);
}

} // namespace
} // namespace depeches::query
