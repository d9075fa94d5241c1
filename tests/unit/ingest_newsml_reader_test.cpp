// Tests for read_newsml: the NewsML-G2 and NITF samples, every field rule, every kind of body.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/unit/newsml_test_support.hpp"

namespace depeches::ingest {
namespace {

using namespace newsml_test;

TEST(NewsmlReader, ReadsEveryFieldOfANewsItem) {
    const std::string bytes = read_sample("newsitem_v1.xml");
    const Output out = read_all(bytes, "newsml/newsitem_v1.xml");
    ASSERT_EQ(out.dispatches.size(), 1U);
    EXPECT_TRUE(out.diagnostics.empty());
    const Dispatch& d = out.dispatches[0];
    EXPECT_EQ(d.id, "urn:newsml:depeches.example:20161215:SYR-ALEP-EVAC");
    EXPECT_EQ(d.version, 1U);
    EXPECT_EQ(d.title, "Syrie : les premiers bus quittent les quartiers rebelles d'Alep");
    EXPECT_FALSE(d.title_from_body);
    EXPECT_EQ(d.date, "2016-12-15"); // firstCreated
    EXPECT_EQ(d.lang, "fr");
    EXPECT_EQ(d.keywords, (std::vector<std::string>{"Alep", "évacuation", "conflit, guerre et paix",
                                                    "Syrie", "réfugiés", "medtop:14000000"}));
    EXPECT_EQ(d.abstract,
              "Des milliers de civils et de combattants ont commencé jeudi à quitter les derniers "
              "secteurs tenus par les rebelles à Alep, en vertu d'un accord parrainé par la Russie "
              "et la Turquie.");
    EXPECT_EQ(d.dateline, "ALEP (Syrie), 15 déc 2016");
    EXPECT_EQ(d.source, "ADE");
    EXPECT_EQ(d.url, "https://depeches.example/2016/12/15/alep-evacuation");
    EXPECT_EQ(d.body,
              "Un premier convoi d'ambulances et d'autobus verts a franchi jeudi matin la ligne de "
              "front au sud d'Alep, emmenant des blessés et des familles vers la province d'Idleb, "
              "tenue par l'opposition.\n\n"
              "« Nous sommes partis avec ce que nous pouvions porter », a raconté par téléphone un "
              "habitant du quartier d'Al-Machhad, qui a requis l'anonymat.\n\n"
              "Le Comité international de la Croix-Rouge (CICR) supervise l'opération avec le "
              "Croissant-Rouge arabe syrien. Plusieurs centaines de blessés doivent être pris en "
              "charge en priorité.");
    EXPECT_EQ(d.origin, "newsml/newsitem_v1.xml");
    EXPECT_EQ(d.line, 2U);
}

TEST(NewsmlReader, ReadsAHigherVersionOfTheSameGuid) {
    const Output first = read_all(read_sample("newsitem_v1.xml"));
    const Output second = read_all(read_sample("newsitem_v2.xml"));
    ASSERT_EQ(first.dispatches.size(), 1U);
    ASSERT_EQ(second.dispatches.size(), 1U);
    EXPECT_TRUE(second.diagnostics.empty());
    const Dispatch& v1 = first.dispatches[0];
    const Dispatch& v2 = second.dispatches[0];
    EXPECT_EQ(v2.id, v1.id);
    EXPECT_EQ(v1.version, 1U);
    EXPECT_EQ(v2.version, 2U);
    EXPECT_EQ(v2.title, "Syrie : les premiers convois d'évacuation quittent Alep-Est");
    EXPECT_NE(v2.title, v1.title);
    EXPECT_EQ(v2.body, v1.body);
    EXPECT_EQ(v2.date, v1.date); // firstCreated did not change, versionCreated did
}

TEST(NewsmlReader, ReadsEveryItemOfANewsMessage) {
    const std::string bytes = read_sample("newsmessage.xml");
    const Output out = read_all(bytes);
    ASSERT_EQ(out.dispatches.size(), 2U);
    ASSERT_EQ(out.diagnostics.size(), 1U);
    EXPECT_EQ(out.diagnostics[0].severity, Diagnostic::Severity::warning);
    EXPECT_EQ(out.diagnostics[0].reason, "packageItem skipped: only a newsItem holds a dispatch");
    EXPECT_EQ(out.diagnostics[0].line, line_of(bytes, "<nar:packageItem"));

    const Dispatch& palmyre = out.dispatches[0];
    EXPECT_EQ(palmyre.id, "urn:newsml:depeches.example:20161211:SYR-PALMYRE");
    EXPECT_EQ(palmyre.version, 3U);
    EXPECT_EQ(palmyre.line, line_of(bytes, "<nar:newsItem", 0));
    EXPECT_EQ(palmyre.title, "Syrie : le groupe Etat islamique reprend Palmyre"); // role main
    EXPECT_EQ(palmyre.abstract, "Les jihadistes ont repris la cité antique, neuf mois après en "
                                "avoir été chassés."); // role summary, not the first
    EXPECT_EQ(palmyre.date, "2016-12-11");
    EXPECT_EQ(palmyre.source, "ADE"); // provider/name
    EXPECT_EQ(palmyre.dateline, "BEYROUTH, 11 déc 2016");
    EXPECT_EQ(palmyre.keywords,
              (std::vector<std::string>{"conflit, guerre et paix", "Syrie", "Palmyre"}));
    EXPECT_TRUE(palmyre.body.starts_with("Les jihadistes du groupe Etat islamique (EI) ont "
                                         "repris dimanche le contrôle"));
    EXPECT_EQ(std::count(palmyre.body.begin(), palmyre.body.end(), '\n'), 4);

    const Dispatch& renzi = out.dispatches[1];
    EXPECT_EQ(renzi.id, "urn:newsml:depeches.example:20161207:ITA-RENZI");
    EXPECT_EQ(renzi.line, line_of(bytes, "<nar:newsItem", 1));
    EXPECT_EQ(renzi.title, "Italie : Matteo Renzi remet sa démission");
    EXPECT_EQ(renzi.date, "2016-12-07"); // versionCreated, the only date
    EXPECT_EQ(renzi.lang, "fr");         // @xml:lang, without contentMeta/language
    EXPECT_EQ(renzi.source, "ADE");      // provider/@qcode without its scheme
    EXPECT_EQ(renzi.keywords, (std::vector<std::string>{"politique"}));
    EXPECT_EQ(renzi.body,
              "Le président du Conseil italien Matteo Renzi a remis mercredi soir sa démission au "
              "chef de l'Etat, Sergio Mattarella, trois jours après la large victoire du « non » "
              "au référendum sur la réforme constitutionnelle.\n\n"
              "Le chef de l'Etat doit consulter dès jeudi les partis avant de désigner un nouveau "
              "gouvernement.\n\n"
              "Le budget 2017, dont le vote était la condition posée à ce départ, a été "
              "définitivement adopté dans l'après-midi par le Sénat.");
}

TEST(NewsmlReader, ReadsXhtmlContent) {
    const Output out = read_all(read_sample("newsitem_xhtml.xml"));
    ASSERT_EQ(out.dispatches.size(), 1U);
    EXPECT_TRUE(out.diagnostics.empty());
    const Dispatch& d = out.dispatches[0];
    EXPECT_EQ(d.title, "Climat : la COP22 s'achève à Marrakech sur un appel à l'action");
    EXPECT_EQ(d.date, "2016-11-18"); // contentCreated, before versionCreated
    EXPECT_EQ(d.keywords, (std::vector<std::string>{"environnement"}));
    EXPECT_EQ(d.body,
              "La conférence de l'ONU sur le climat s'est achevée vendredi à Marrakech par "
              "l'adoption d'une proclamation appelant tous les pays à renforcer leur action "
              "contre le réchauffement.\n\n"
              "Les délégués de près de 200 pays se sont donné jusqu'à 2018 pour écrire les règles "
              "d'application de l'accord de Paris, entré en vigueur le 4 novembre.\n\n"
              "L'ombre de l'élection américaine\n\n"
              "La victoire de Donald Trump, qui a qualifié le réchauffement de « canular », a pesé "
              "sur les débats. Plusieurs délégations ont appelé Washington à tenir ses "
              "engagements.\n\n"
              "Accord de Paris : en vigueur depuis le 4 novembre 2016.\n\n"
              "Prochaine conférence : la COP23, à Bonn, sous présidence fidjienne.");
    EXPECT_EQ(d.body.find("clôture"), std::string::npos); // the html head is not body text
}

TEST(NewsmlReader, ReadsNitfDocuments) {
    const std::string bytes = read_sample("nitf.xml");
    const Output out = read_all(bytes);
    ASSERT_EQ(out.dispatches.size(), 1U);
    EXPECT_TRUE(out.diagnostics.empty());
    const Dispatch& d = out.dispatches[0];
    EXPECT_EQ(d.id, "ADE-20161229-SYR-TREVE");
    EXPECT_EQ(d.version, 0U);
    EXPECT_EQ(d.title, "Syrie : un cessez-le-feu national doit entrer en vigueur à minuit");
    EXPECT_EQ(d.date, "2016-12-29"); // date.issue/@norm in ISO 8601 basic format
    EXPECT_EQ(d.lang, "fr");
    EXPECT_EQ(d.source, "ADE");
    EXPECT_EQ(d.dateline, "MOSCOU, 29 déc 2016");
    EXPECT_EQ(d.abstract, "Le régime et plusieurs groupes rebelles ont accepté une trêve sur "
                          "l'ensemble du territoire, a annoncé jeudi le président russe.");
    // key-list, then tobject.subject (matter, else type); "cessez-le-feu" is a duplicate.
    EXPECT_EQ(d.keywords, (std::vector<std::string>{"Syrie", "Russie", "Turquie", "Cessez-le-feu",
                                                    "politique"}));
    EXPECT_EQ(d.body,
              "Un cessez-le-feu doit entrer en vigueur à minuit dans toute la Syrie, après un "
              "accord conclu sous l'égide de la Russie, alliée du régime, et de la Turquie, "
              "soutien des rebelles.\n\n"
              "Les groupes jihadistes, dont l'organisation Etat islamique, sont exclus de la "
              "trêve, ont précisé Moscou et Ankara.\n\n"
              "Des négociations de paix doivent suivre à Astana, la capitale du Kazakhstan, au "
              "début de l'année prochaine.");
    EXPECT_EQ(d.line, line_of(bytes, "<nitf"));
}

TEST(NewsmlReader, ReadsNitfVariants) {
    struct Case {
        std::string xml;
        std::string title;
        std::string date;
        std::string lang;
    };
    const std::string id = R"(<docdata><doc-id id-string="n1"/></docdata>)";
    const std::vector<Case> cases{
        {"<nitf><head><title>Titre de tête</title>" + id + "</head></nitf>", "Titre de tête", "",
         ""},
        {"<nitf><head>" + id + R"(<pubdata date.publication="20161208T1830Z"/></head>)" +
             R"(<body xml:lang="fr-FR"><body.head><hedline><hl1>H</hl1></hedline></body.head>)" +
             "</body></nitf>",
         "H", "2016-12-08", "fr-FR"},
        {R"(<!DOCTYPE nitf SYSTEM "nitf-3-3.dtd"><nitf><head>)" + id +
             R"(<docdata><date.issue norm="2016-12-08T18:30:00+01:00"/></docdata></head>)" +
             "<body><body.content><p>Corps.</p></body.content></body></nitf>",
         "Corps.", "", ""},
        {"<nitf><head><docdata><doc-id id-string=\"n1\"/><date.issue norm=\"20161208\"/>"
         "</docdata></head><body><body.content><p>Corps.</p></body.content></body></nitf>",
         "Corps.", "2016-12-08", ""},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.xml);
        const Dispatch d = read_one(c.xml);
        EXPECT_EQ(d.id, "n1");
        EXPECT_EQ(d.title, c.title);
        EXPECT_EQ(d.date, c.date);
        EXPECT_EQ(d.lang, c.lang);
    }
}

TEST(NewsmlReader, MatchesElementsWithOrWithoutPrefix) {
    const std::string inner =
        "<{p}contentMeta><{p}headline>Titre</{p}headline></{p}contentMeta>"
        "<{p}contentSet><{p}inlineData>Corps.</{p}inlineData></{p}contentSet>";
    const auto item = [&inner](const std::string& prefix, const std::string& xmlns) {
        std::string text =
            "<{p}newsItem " + xmlns + R"( guid="g" version="4">)" + inner + "</{p}newsItem>";
        for (std::size_t pos = text.find("{p}"); pos != std::string::npos; pos = text.find("{p}")) {
            text.replace(pos, 3, prefix);
        }
        return text;
    };
    const std::vector<std::string> cases{
        item("", R"(xmlns="http://iptc.org/std/nar/2006-10-01/")"),
        item("nar:", R"(xmlns:nar="http://iptc.org/std/nar/2006-10-01/")"),
        item("g2:", R"(xmlns:g2="http://iptc.org/std/nar/2006-10-01/")"),
        item("", ""),
    };
    for (const std::string& xml : cases) {
        SCOPED_TRACE(xml);
        const Dispatch d = read_one(xml);
        EXPECT_EQ(d.id, "g");
        EXPECT_EQ(d.version, 4U);
        EXPECT_EQ(d.title, "Titre");
        EXPECT_EQ(d.body, "Corps.");
    }
}

TEST(NewsmlReader, ParsesVersions) {
    struct Case {
        std::string attribute; ///< the whole version attribute, or ""
        std::uint64_t version;
        std::string warning;
    };
    const std::vector<Case> cases{
        {"", 1, ""},
        {R"(version="1")", 1, ""},
        {R"(version="12")", 12, ""},
        {R"(version=" 7 ")", 7, ""},
        {R"(version="18446744073709551615")", 18446744073709551615ULL, ""},
        {R"(version="0")", 1, R"(invalid version "0"; version 1 assumed)"},
        {R"(version="-3")", 1, R"(invalid version "-3"; version 1 assumed)"},
        {R"(version="1.5")", 1, R"(invalid version "1.5"; version 1 assumed)"},
        {R"(version="v2")", 1, R"(invalid version "v2"; version 1 assumed)"},
        {R"(version="")", 1, R"(invalid version ""; version 1 assumed)"},
        {R"(version="18446744073709551616")", 1,
         R"(invalid version "18446744073709551616"; version 1 assumed)"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.attribute);
        const Output out = read_all(news_item(headline(), R"(guid="g" )" + c.attribute));
        ASSERT_EQ(out.dispatches.size(), 1U);
        EXPECT_EQ(out.dispatches[0].version, c.version);
        if (c.warning.empty()) {
            EXPECT_TRUE(out.diagnostics.empty());
        } else {
            ASSERT_EQ(out.diagnostics.size(), 1U);
            EXPECT_EQ(out.diagnostics[0].reason, c.warning);
            EXPECT_EQ(out.diagnostics[0].severity, Diagnostic::Severity::warning);
            EXPECT_EQ(out.diagnostics[0].line, 1U);
        }
    }
}

TEST(NewsmlReader, PicksTheMainHeadlineAndTheSummary) {
    struct Case {
        std::string content_meta;
        std::string title;
        std::string abstract;
    };
    const std::vector<Case> cases{
        {"<headline>A</headline><headline>B</headline>", "A", ""},
        {R"(<headline role="hld:sub">A</headline><headline>B</headline>)", "B", ""},
        {R"(<headline role="hld:sub">A</headline><headline role="main">B</headline>)", "B", ""},
        {R"(<headline role="x:sub">A</headline><headline role="x:alt">B</headline>)", "A", ""},
        {"<headline>  Alep :\n\t les  <b>rebelles</b>\n reculent </headline>",
         "Alep : les rebelles reculent", ""},
        {R"(<headline>T</headline><description>D1</description>)"
         R"(<description role="drol:summary">D2</description>)",
         "T", "D2"},
        {R"(<headline>T</headline><description role="drol:caption">D1</description>)", "T", "D1"},
        {R"(<headline>T</headline><description role="summary">D</description>)", "T", "D"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.content_meta);
        const Dispatch d = read_one(news_item(content_meta(c.content_meta)));
        EXPECT_EQ(d.title, c.title);
        EXPECT_EQ(d.abstract, c.abstract);
    }
}

TEST(NewsmlReader, CutsTheTitleFromTheBodyWithoutHeadline) {
    const Dispatch d =
        read_one(news_item(content_meta("<headline> </headline>") +
                           nitf_content("<p>Première phrase du corps. Seconde phrase.</p>")));
    EXPECT_EQ(d.title, "Première phrase du corps.");
    EXPECT_TRUE(d.title_from_body);
    EXPECT_EQ(d.body, "Première phrase du corps. Seconde phrase.");
}

TEST(NewsmlReader, PicksDatesInOrderAndWarnsOnInvalidOnes) {
    struct Case {
        std::string item_meta;
        std::string content_meta;
        std::string date;
        std::vector<std::string> warnings;
    };
    const std::vector<Case> cases{
        {"<versionCreated>2016-12-09T10:00:00Z</versionCreated>"
         "<firstCreated>2016-12-08T23:30:00-05:00</firstCreated>",
         "<contentCreated>2016-12-07</contentCreated>",
         "2016-12-08",
         {}},
        {"<versionCreated>2016-12-09T10:00:00Z</versionCreated>",
         "<contentCreated>2016-12-07T08:00:00+01:00</contentCreated>",
         "2016-12-07",
         {}},
        {"<versionCreated>2016-12-09T10:00:00Z</versionCreated>", "", "2016-12-09", {}},
        {"<versionCreated>20161209T1000Z</versionCreated>", "", "2016-12-09", {}},
        {"", "", "", {}},
        {"<firstCreated>hier</firstCreated><versionCreated>2016-12-09</versionCreated>",
         "",
         "2016-12-09",
         {R"(invalid date "hier" in firstCreated; ignored)"}},
        {"<firstCreated>2016-02-30T10:00:00Z</firstCreated>",
         "",
         "",
         {R"(invalid date "2016-02-30T10:00:00Z" in firstCreated; ignored)"}},
        {"<versionCreated>20161209T2500Z</versionCreated>",
         "",
         "",
         {R"(invalid date "20161209T2500Z" in versionCreated; ignored)"}},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.item_meta + c.content_meta);
        const Output out =
            read_all(news_item("<itemMeta>" + c.item_meta + "</itemMeta>" +
                               content_meta(c.content_meta + "<headline>T</headline>")));
        ASSERT_EQ(out.dispatches.size(), 1U);
        EXPECT_EQ(out.dispatches[0].date, c.date);
        std::vector<std::string> warnings;
        for (const Diagnostic& d : out.diagnostics) {
            EXPECT_EQ(d.severity, Diagnostic::Severity::warning);
            warnings.push_back(d.reason);
        }
        EXPECT_EQ(warnings, c.warnings);
    }
}

TEST(NewsmlReader, ReadsKeywordsAndSubjectsWithoutDuplicates) {
    struct Case {
        std::string content_meta;
        std::vector<std::string> keywords;
    };
    const std::vector<Case> cases{
        {"<keyword>Alep</keyword><keyword> Syrie </keyword><keyword/>", {"Alep", "Syrie"}},
        {R"(<subject qcode="medtop:11000000"><name xml:lang="en">politics</name>)"
         R"(<name xml:lang="fr">politique</name></subject>)",
         {"politique"}},
        {R"(<subject qcode="q:1"><name xml:lang="FR-fr">Politique</name></subject>)",
         {"Politique"}},
        {R"(<subject qcode="q:1"><name xml:lang="en">war</name><name>guerre</name></subject>)",
         {"guerre"}},
        {R"(<subject qcode="q:1"><name xml:lang="en">war</name><name xml:lang="de">Krieg</name>)"
         "</subject>",
         {"war"}},
        {R"(<subject qcode="q:1" literal="lit"/><subject qcode="medtop:16000000"/>)",
         {"lit", "medtop:16000000"}},
        {R"(<subject qcode="q:1" literal="lit"><name/></subject>)", {"lit"}},
        {R"(<subject qcode="q:1"><name>Syrie</name><broader qcode="q:0"><name>Asie</name>)"
         "</broader></subject>",
         {"Syrie"}},
        {R"(<keyword>Syrie</keyword><subject qcode="q"><name>SYRIE</name></subject>)"
         "<keyword>Alep</keyword><keyword>syrie</keyword>",
         {"Syrie", "Alep"}},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.content_meta);
        const Dispatch d =
            read_one(news_item(content_meta("<headline>T</headline>" + c.content_meta)));
        EXPECT_EQ(d.keywords, c.keywords);
    }
}

TEST(NewsmlReader, ReadsSourceLinkAndLanguage) {
    struct Case {
        std::string item_meta;
        std::string content_meta;
        std::string source;
        std::string url;
        std::string lang;
    };
    const std::vector<Case> cases{
        {R"(<provider qcode="nprov:AFP" literal="Agence"><name>N</name></provider>)", "", "Agence",
         "", ""},
        {R"(<provider qcode="nprov:AFP"><name>Agence France-Presse</name></provider>)", "",
         "Agence France-Presse", "", ""},
        {R"(<provider qcode="nprov:AFP"/>)", "", "AFP", "", ""},
        {R"(<provider uri="http://example.org/"/>)", "", "", "", ""},
        {R"(<link rel="irel:seeAlso" href="https://a.example/1"/>)", "", "", "https://a.example/1",
         ""},
        {R"(<link rel="irel:previousVersion" href="https://a.example/0"/>)"
         R"(<link rel="irel:seeAlso" href="https://a.example/2"/>)"
         R"(<link rel="irel:seeAlso" href="https://a.example/3"/>)",
         "", "", "https://a.example/2", ""},
        {"", R"(<language tag="fr-CA"/>)", "", "", "fr-CA"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.item_meta + c.content_meta);
        const Dispatch d =
            read_one(news_item("<itemMeta>" + c.item_meta + "</itemMeta>" +
                               content_meta(c.content_meta + "<headline>T</headline>")));
        EXPECT_EQ(d.source, c.source);
        EXPECT_EQ(d.url, c.url);
        EXPECT_EQ(d.lang, c.lang);
    }
    EXPECT_EQ(read_one(news_item(headline(), R"(guid="g" xml:lang="fr")")).lang, "fr");
    EXPECT_EQ(read_one(news_item(content_meta(R"(<language tag="en"/><headline>T</headline>)"),
                                 R"(guid="g" xml:lang="fr")"))
                  .lang,
              "en");
}

TEST(NewsmlReader, ReadsBodiesOfEveryContentType) {
    struct Case {
        std::string content_set;
        std::string body;
    };
    const auto inline_xml = [](const std::string& type, const std::string& xml) {
        return "<inlineXML" + type + ">" + xml + "</inlineXML>";
    };
    const auto set = [](const std::string& inner) {
        return "<contentSet>" + inner + "</contentSet>";
    };
    const std::string nitf_type = R"( contenttype="application/nitf+xml")";
    const std::string xhtml_type = R"( contentType="application/xhtml+xml")";
    const std::vector<Case> cases{
        {nitf_content("<p>Le <b>président</b> a dit</p>"), "Le président a dit"},
        {nitf_content("<p><b>Alep</b> <i>Syrie</i></p><p>x<br/>y</p>"), "Alep Syrie\n\nx y"},
        {nitf_content("<p>Un</p><hl2>Inter</hl2><block><p>Deux</p></block><p> </p>"), "Un\n\nDeux"},
        {nitf_content("<p>A &amp; B &lt;C&gt; &#233;t&#xE9; <![CDATA[<brut>]]></p>"),
         "A & B <C> été <brut>"},
        {nitf_content("<p>Dehors <p>dedans</p> encore</p>"), "Dehors dedans encore"},
        {nitf_content("Texte sans paragraphe"), "Texte sans paragraphe"},
        {set(inline_xml(nitf_type, "<p>Sans nitf</p><p>autour</p>")), "Sans nitf\n\nautour"},
        {set(inline_xml(xhtml_type, "<html><head><title>T</title></head><body><h1>H</h1>"
                                    "<p>P <a href=\"u\">lien</a></p><ol><li>L1</li><li>L2</li></ol>"
                                    "<div>hors paragraphe</div></body></html>")),
         "H\n\nP lien\n\nL1\n\nL2"},
        {set(inline_xml(xhtml_type, "<div><p>Sans html</p></div>")), "Sans html"},
        {set(inline_xml("", "<nitf><body><body.content><p>N</p></body.content></body></nitf>")),
         "N"},
        {set(inline_xml("", "<html><body><h2>X</h2><p>H</p></body></html>")), "X\n\nH"},
        {"<contentSet><inlineData contenttype=\"text/plain\">Un\nparagraphe.\n \t\nDeux.\n\n\n"
         "</inlineData></contentSet>",
         "Un paragraphe.\n\nDeux."},
        {"<contentSet><inlineData>Sans type.</inlineData></contentSet>", "Sans type."},
        {set(inline_xml(nitf_type, "") + "<inlineData>Repli.</inlineData>"), "Repli."},
        {set("<inlineData>Premier.</inlineData>" + inline_xml(xhtml_type, "<p>Préféré.</p>")),
         "Préféré."},
        {"<contentSet><remoteContent href=\"https://a.example/x.txt\"/></contentSet>", ""},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.content_set);
        const Dispatch d = read_one(news_item(headline() + c.content_set));
        EXPECT_EQ(d.body, c.body);
    }
}

TEST(NewsmlReader, WarnsAboutBodiesItCannotRead) {
    struct Case {
        std::string content_set;
        std::string warning;
    };
    const std::vector<Case> cases{
        {R"(<inlineData contenttype="text/plain" encoding="base64">Qm9uam91cg==</inlineData>)",
         R"(inlineData encoded as "base64" skipped)"},
        {R"(<inlineData contenttype="text/html">&lt;p&gt;x&lt;/p&gt;</inlineData>)",
         R"(inlineData of type "text/html" skipped)"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.content_set);
        const Output out =
            read_all(news_item(headline() + "<contentSet>" + c.content_set + "</contentSet>"));
        ASSERT_EQ(out.dispatches.size(), 1U);
        EXPECT_EQ(out.dispatches[0].body, "");
        ASSERT_EQ(out.diagnostics.size(), 1U);
        EXPECT_EQ(out.diagnostics[0].reason, c.warning);
        EXPECT_EQ(out.diagnostics[0].severity, Diagnostic::Severity::warning);
    }
}

} // namespace
} // namespace depeches::ingest
