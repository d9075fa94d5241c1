#!/usr/bin/env python3
"""scripts/eval_typos.py without a daemon: the slips it makes, the words it makes them in, the
sets it writes and how it counts suggestions (ctest label: scripts)."""
import os
import random
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                "scripts"))
import eval_typos as T  # noqa: E402


def osa(a, b):
    """Edits from a to b: insert, delete, substitute, swap two neighbours."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1,
                          d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


class MisspellTest(unittest.TestCase):
    def test_one_slip_never_the_same_word(self):
        rnd = random.Random(1)
        for word in ["négociations", "Alep", "Macron", "évacuation", "aaaa", "Noël"]:
            for _ in range(200):
                typo = T.misspell(word, rnd)
                self.assertNotEqual(T.fold(typo), T.fold(word))
                self.assertEqual(osa(word, typo), 1, (word, typo))

    def test_azerty_neighbours(self):
        self.assertEqual(sorted(T.neighbours("a")), ["q", "s", "z"])
        self.assertIn("m", T.neighbours("l"))
        self.assertIn("w", T.neighbours("q"))
        self.assertEqual(T.neighbours("é"), T.neighbours("e"))  # the accented letter's key
        self.assertEqual(T.neighbours("7"), [])

    def test_the_same_seed_the_same_typos(self):
        queries = ["réforme des retraites", "gilets jaunes Paris", "Alep bombardements"]
        a = [T.with_typo(q, random.Random(5)) for q in queries]
        b = [T.with_typo(q, random.Random(5)) for q in queries]
        self.assertEqual(a, b)


class WithTypoTest(unittest.TestCase):
    def test_one_content_word_changed(self):
        rnd = random.Random(3)
        for _ in range(200):
            query = "Les manifestants dans Paris pour la retraite"
            typo = T.with_typo(query, rnd)
            before, after = query.split(), typo.split()
            changed = [(x, y) for x, y in zip(before, after) if x != y]
            if len(before) != len(after):
                self.fail(typo)
            self.assertEqual(len(changed), 1, typo)
            self.assertIn(changed[0][0], ["manifestants", "Paris", "retraite"])

    def test_no_content_word_no_typo(self):
        rnd = random.Random(3)
        self.assertIsNone(T.with_typo("le de la", rnd))
        self.assertIsNone(T.with_typo("dans pour avec", rnd))  # function words
        self.assertIsNone(T.with_typo("ONU 2020", rnd))        # too short, digits


class TypoSetTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.eval_dir = os.path.join(self.tmp.name, "eval")
        self.out = os.path.join(self.tmp.name, "typos")

    def tearDown(self):
        self.tmp.cleanup()

    def write_set(self, name, own_corpus):
        set_dir = os.path.join(self.eval_dir, name)
        os.makedirs(set_dir)
        with open(os.path.join(set_dir, "queries.tsv"), "w", encoding="utf-8") as f:
            f.write("q1\tréforme des retraites\nq2\tle de la\nq3\tAlep bombardée\n")
        with open(os.path.join(set_dir, "qrels.txt"), "w", encoding="utf-8") as f:
            f.write("q1 0 d1 1\nq2 0 d2 1\nq3 0 d3 1\nq3 0 d4 1\n")
        corpus = os.path.join(set_dir if own_corpus else self.eval_dir,
                              "corpus.jsonl.xz" if own_corpus
                              else "orangesum-corpus-body.jsonl.xz")
        open(corpus, "wb").close()
        return set_dir

    def test_writes_the_misspelt_queries_their_qrels_and_links_the_corpus(self):
        set_dir = self.write_set("orangesum-short-valid", own_corpus=False)
        typo_dir, triples = T.write_typo_set(set_dir, self.out, T.DEFAULT_SEED)
        self.assertEqual(typo_dir, os.path.join(self.out, "orangesum-short-valid-typos"))
        self.assertEqual([t[0] for t in triples], ["q1", "q3"])  # q2 has no content word
        with open(os.path.join(typo_dir, "queries.tsv"), encoding="utf-8") as f:
            written = [line.rstrip("\n").split("\t") for line in f]
        self.assertEqual(written, [[qid, typo] for qid, _, typo in triples])
        with open(os.path.join(typo_dir, "qrels.txt"), encoding="utf-8") as f:
            self.assertEqual(f.read(), "q1 0 d1 1\nq3 0 d3 1\nq3 0 d4 1\n")
        # The OrangeSum bodies beside the set, where scripts/eval.sh looks for them.
        self.assertTrue(os.path.islink(os.path.join(self.out, "orangesum-corpus-body.jsonl.xz")))
        # Written again, the same.
        self.assertEqual(T.write_typo_set(set_dir, self.out, T.DEFAULT_SEED)[1], triples)

    def test_another_seed_another_folder(self):
        set_dir = self.write_set("orangesum-short-valid", own_corpus=False)
        typo_dir, _ = T.write_typo_set(set_dir, self.out, 7)
        self.assertEqual(typo_dir, os.path.join(self.out, "orangesum-short-valid-typos-7"))

    def test_a_set_with_its_own_corpus_links_it_inside(self):
        set_dir = self.write_set("piaf", own_corpus=True)
        typo_dir, _ = T.write_typo_set(set_dir, self.out, T.DEFAULT_SEED)
        self.assertTrue(os.path.islink(os.path.join(typo_dir, "corpus.jsonl.xz")))


class SuggestionStatsTest(unittest.TestCase):
    def test_given_back_other_and_false_alarms(self):
        triples = [("a", "Réforme retraites", "Réforme retraitse"),
                   ("b", "gilets jaunes", "gilets jaunse"),
                   ("c", "Alep", "Alepp"),
                   ("d", "Macron Merkel", "Macron Merkell")]
        typo = {"a": {"suggestion": "réforme  RETRAITES"},  # case, spaces and accents aside
                "b": {"suggestion": "gilets jaune"},
                "c": {"suggestion": None},
                "d": {"suggestion": "Macron Merkel"}}
        written = {"a": {"suggestion": None}, "b": {"suggestion": "gilets jaunés"},
                   "c": {}, "d": {"suggestion": None}}
        self.assertEqual(T.suggestion_stats(triples, written, typo), (0.5, 0.25, 0.25))


if __name__ == "__main__":
    unittest.main()
