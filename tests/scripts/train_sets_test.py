#!/usr/bin/env python3
"""scripts/train_sets.py on a small OrangeSum-shaped tree: which articles it may draw, and the
sets it writes (ctest label: scripts)."""
import json
import lzma
import os
import subprocess
import sys
import tempfile
import unittest

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts",
                      "train_sets.py")


def write_xz_jsonl(path, rows):
    with lzma.open(path, "wt", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


class TrainSetsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        root = self.tmp.name
        self.eval_dir = os.path.join(root, "eval")
        self.out = os.path.join(root, "sets")
        os.makedirs(os.path.join(self.eval_dir, "orangesum-title-valid"))
        os.makedirs(os.path.join(self.eval_dir, "piaf"))
        # Articles 1 and 2 answer valid queries; 3 is a near-duplicate of 1; 5 and 6 repeat
        # each other; 4 has no abstract; 9 is not in the body corpus.
        with open(os.path.join(self.eval_dir, "orangesum-title-valid", "queries.tsv"), "w",
                  encoding="utf-8") as f:
            f.write("os-title-1\tUn\nos-title-2\tDeux\n")
        with open(os.path.join(self.eval_dir, "piaf", "queries.tsv"), "w",
                  encoding="utf-8") as f:
            f.write("piaf-q-7\tQuestion ?\n")
        with open(os.path.join(self.eval_dir, "orangesum-duplicates.txt"), "w",
                  encoding="utf-8") as f:
            f.write("3.json,1.json\n5.json,6.json\n")
        write_xz_jsonl(os.path.join(self.eval_dir, "orangesum-corpus-body.jsonl.xz"),
                       [{"id": "os-%d" % n, "body": "Corps %d." % n} for n in range(1, 9)])
        self.data = os.path.join(root, "orangesum.jsonl.xz")
        write_xz_jsonl(self.data, [
            {"id": "os-%d" % n, "title": "Titre  n° %d\u00a0: été" % n,
             "abstract": "" if n == 4 else "Résumé\n%d." % n, "body": "Corps %d." % n}
            for n in range(1, 10)])

    def tearDown(self):
        self.tmp.cleanup()

    def run_script(self, count):
        return subprocess.run([sys.executable, SCRIPT, "--count", str(count), "--eval-dir",
                               self.eval_dir, "--data", self.data, "--out", self.out],
                              capture_output=True, text=True)

    def read(self, name, field):
        with open(os.path.join(self.out, "orangesum-%s-train" % field, name),
                  encoding="utf-8") as f:
            return f.read().splitlines()

    def test_draws_only_articles_outside_the_valid_sets(self):
        proc = self.run_script(4)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        queries = self.read("queries.tsv", "title")
        self.assertEqual(sorted(q.split("\t")[0] for q in queries),
                         ["os-title-5", "os-title-6", "os-title-7", "os-title-8"])
        self.assertIn("os-title-7\tTitre n° 7 : été", queries)  # whitespace made single spaces
        self.assertIn("os-abstract-7\tRésumé 7.", self.read("queries.tsv", "abstract"))

    def test_judges_an_article_and_its_near_duplicates(self):
        self.assertEqual(self.run_script(4).returncode, 0)
        qrels = self.read("qrels.txt", "abstract")
        self.assertIn("os-abstract-5 0 os-5 1", qrels)
        self.assertIn("os-abstract-5 0 os-6 1", qrels)
        self.assertIn("os-abstract-7 0 os-7 1", qrels)
        self.assertEqual(len(qrels), 6)
        # the documents are the shared body corpus, beside the sets
        self.assertTrue(os.path.exists(os.path.join(self.out, "orangesum-corpus-body.jsonl.xz")))

    def test_the_same_seed_draws_the_same_articles(self):
        self.assertEqual(self.run_script(2).returncode, 0)
        first = self.read("queries.tsv", "title")
        self.assertEqual(self.run_script(2).returncode, 0)
        self.assertEqual(self.read("queries.tsv", "title"), first)

    def test_refuses_more_articles_than_there_are(self):
        proc = self.run_script(5)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("only 4 articles outside the valid sets", proc.stderr)


if __name__ == "__main__":
    unittest.main()
