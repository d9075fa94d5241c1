// Unit: the associations table's file format (indexer/associations/table.hpp).
#include <sstream>

#include <gtest/gtest.h>

#include "indexer/associations/table.hpp"

namespace depeches::associations {
namespace {

TEST(AssociationsTable, ReadsWhatItWrites) {
    Table table;
    table.set_pairs(10);
    const std::uint32_t meurt = table.add_summary_word("meurt", 2);
    const std::uint32_t deces = table.add_summary_word("deces", 4);
    table.add_body_word("deced", {{meurt, 0.25F}, {deces, 0.5F}});
    table.add_body_word("obsequ", {{deces, 0.125F}});
    std::stringstream file;
    table.write(file);

    const Table read = Table::read(file);
    EXPECT_EQ(read.pairs(), 10U);
    ASSERT_EQ(read.summary_word("meurt"), 0);
    ASSERT_EQ(read.summary_word("deces"), 1);
    EXPECT_EQ(read.summary_word("deced"), -1);
    EXPECT_DOUBLE_EQ(read.summary_share(1), 0.4);
    ASSERT_EQ(read.body_word("deced"), 0);
    ASSERT_EQ(read.body_word("obsequ"), 1);
    ASSERT_EQ(read.translations_into(1).size(), 2U);
    EXPECT_EQ(read.translations_into(1)[0].word, 0U); // décédé
    EXPECT_FLOAT_EQ(read.translations_into(1)[0].probability, 0.5F);
    EXPECT_EQ(read.translations_into(1)[1].word, 1U); // obsèques
    EXPECT_FLOAT_EQ(read.translations_into(1)[1].probability, 0.125F);
    std::stringstream again;
    read.write(again);
    EXPECT_EQ(again.str(), file.str());
}

TEST(AssociationsTable, RefusesWhatIsNotATableNamingTheLine) {
    const std::string head = "depeches-associations 1\npairs 4\ns meurt 2\n";
    const struct {
        std::string text;
        std::string message;
    } cases[] = {
        {"", "not an associations table"},
        {"{\"json\": 1}\n", "not an associations table"},
        {"depeches-associations 1\ns meurt 2\n", "no \"pairs\" line"},
        {"depeches-associations 1\npairs zero\n", "line 2: bad number of pairs"},
        {head + "s deces\n", "line 4: a summary word"},
        {head + "b deced 0\n", "line 4: a translation"},
        {head + "b deced 7 0.5\n", "line 4: a translation"},
        {head + "b deced 0 1.5\n", "line 4: a translation"},
        {head + "b deced 0 -0.5\n", "line 4: a translation"},
        {head + "b deced\n", "line 4: a body word"},
        {head + "b deced 0 0.5\nb deced 0 0.25\n", "line 5: body word \"deced\" given twice"},
        {head + "x deced 0 0.5\n", "line 4: unknown record \"x\""},
        {head + "b deced 0 0.5 1\n", "line 4: a translation"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.text);
        std::istringstream in(c.text);
        try {
            (void)Table::read(in);
            ADD_FAILURE() << "read";
        } catch (const TableError& e) {
            EXPECT_NE(std::string(e.what()).find(c.message), std::string::npos) << e.what();
        }
    }
}

} // namespace
} // namespace depeches::associations
