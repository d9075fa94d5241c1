#!/usr/bin/env python3
"""Search-as-you-type quality: how often /api/v1/suggest offers the word a reader was typing.

usage: scripts/eval_suggest.py [SET] [--limit N] [--first N] [--bin DIR]

Each headline of SET (default orangesum-title-valid, whose headlines are not in the index: it
holds the article bodies only) is typed up to the first two letters of one of its words of three
letters or more, chosen at random with a fixed seed: its first word ("first word"), or a later
one ("after words", where the words already typed can help). A third case ("misspelt") types
the set's misspelt queries of scripts/eval_typos.py up to the end of their misspelt word, in
full: the right completion is the word as written. A completion is right when it reads the
headline up to the end of that word (case and accents aside). Prints, for each case,
the share of prefixes whose right completion is among the N offered (hit@N), the mean
reciprocal rank of the right completion (MRR), and the answer times (p50, p95) over HTTP.
Builds or updates the index as scripts/eval.sh does. Standard library only.
"""
import argparse
import http.client
import json
import os
import random
import re
import subprocess
import sys
import time
import unicodedata
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eval_run import ROOT, add_arguments, prepare, read_queries  # noqa: E402

WORD = re.compile(r"[^\W\d_]{3,}")
LETTERS = re.compile(r"[^\W\d_]+")


def fold(text):
    return "".join(c for c in unicodedata.normalize("NFD", text.lower())
                   if unicodedata.category(c) != "Mn")


def prefixes(headlines, after_words, seed=7):
    """(typed, expected) pairs: the headline up to two letters of a word, and up to its end."""
    rnd = random.Random(seed)
    for text in headlines:
        words = [(m.start(), m.group()) for m in WORD.finditer(text)]
        if after_words:
            words = [w for w in words if w[0] > 0]
        else:
            words = words[:1] if words and words[0][0] == 0 else []
        if words:
            start, word = rnd.choice(words)
            yield text[:start] + word[:2], fold(text[:start] + word)


def misspelt_prefixes(set_dir):
    """(typed, expected) pairs from the set's misspelt queries (scripts/eval_typos.py, default
    seed): the misspelt query up to the end of its misspelt word, and the query as written up
    to the end of that word. None when eval_typos.py has not written them."""
    typo_dir = os.path.join(ROOT, "eval-results", "typos",
                            os.path.basename(os.path.normpath(set_dir)) + "-typos")
    if not os.path.exists(os.path.join(typo_dir, "queries.tsv")):
        return None
    written = dict(read_queries(set_dir))
    pairs = []
    for qid, typo in read_queries(typo_dir):
        text = written[qid]
        for a, b in zip(LETTERS.finditer(text), LETTERS.finditer(typo)):
            if a.group() != b.group():
                pairs.append((typo[:b.end()], fold(text[:a.end()])))
                break
    return pairs


def score(port, pairs, limit):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    hits = 0
    reciprocal = 0.0
    times = []
    for typed, expected in pairs:
        began = time.perf_counter()
        conn.request("GET", "/api/v1/suggest?" + urllib.parse.urlencode({"q": typed,
                                                                        "limit": limit}))
        body = json.loads(conn.getresponse().read())
        times.append((time.perf_counter() - began) * 1000)
        for rank, suggestion in enumerate(body["suggestions"], 1):
            text = fold(suggestion["text"])
            if text == expected or text.startswith((expected + " ", expected + "-")):
                hits += 1
                reciprocal += 1 / rank
                break
    times.sort()
    n = len(times)
    return n, hits / n, reciprocal / n, times[n // 2], times[int(n * 0.95)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("set", nargs="?", default="orangesum-title-valid")
    parser.add_argument("--limit", type=int, default=8, help="completions asked for (N)")
    parser.add_argument("--first", type=int, default=1500, help="headlines used, from the first")
    add_arguments(parser)
    args = parser.parse_args()
    set_dir, db = prepare(args, args.set)
    headlines = [text for _, text in read_queries(set_dir)][:args.first]

    daemon = subprocess.Popen([os.path.join(args.bin, "depeches-searchd"), "--db", db,
                               "--listen", "127.0.0.1:0"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    try:
        port = int(daemon.stdout.readline().strip().rsplit(":", 1)[1])
        cases = [("first word", list(prefixes(headlines, False))),
                 ("after words", list(prefixes(headlines, True))),
                 ("misspelt", misspelt_prefixes(set_dir))]
        for name, pairs in cases:
            if pairs is None:
                print("%-12s (run scripts/eval_typos.py first)" % name)
                continue
            n, hit, mrr, p50, p95 = score(port, pairs, args.limit)
            print("%-12s %5d prefixes  hit@%d %.3f  MRR %.3f  p50 %.2f ms  p95 %.2f ms"
                  % (name, n, args.limit, hit, mrr, p50, p95))
    finally:
        daemon.terminate()
        daemon.wait()


if __name__ == "__main__":
    main()
