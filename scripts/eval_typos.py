#!/usr/bin/env python3
"""Typo robustness: the evaluation sets with one typo per query, searched and suggested.

usage: scripts/eval_typos.py [SET ...] [--seed S] [--bin DIR]
       (default SETs: orangesum-short-valid orangesum-title-valid piaf)

Each query of SET gets one typing slip in one of its content words (letters only, four or
more, not a function word), chosen with a fixed seed, at any letter: the letter dropped,
doubled, swapped with the next one, replaced by a neighbouring key of a French AZERTY keyboard,
or a neighbouring key typed before it. The misspelt queries are written in the layout of
../shared/eval, with the qrels of their queries and the corpus linked beside:

    eval-results/typos/<SET>-typos/{queries.tsv,qrels.txt}   (<SET>-typos-<S> for another seed)

so that `scripts/eval.sh` and `scripts/bench.sh` run them like any set (the peers:
`scripts/bench.sh eval-results/typos/orangesum-short-valid-typos lucene sqlite_fts5`).
Then both the queries as written and the misspelt ones go through depeches-searchd (default
operator, 100 hits), and it prints for each set:

    written    MRR@10 / nDCG@10 / Recall@100 of the queries as written
    misspelt   the same with the typos, and what is kept of MRR@10
    did you mean, on the misspelt queries: the share whose suggestion gives the query back as
               written (case and accents aside), and the share suggesting something else
    false alarms: the share of the queries as written that get a suggestion

Builds or updates the index as scripts/eval.sh does. Standard library only.
"""
import argparse
import os
import random
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eval_run import (ROOT, add_arguments, corpus_of, daemon_args, prepare, read_queries,  # noqa: E402
                      run_answers, score, write_run)

WORD = re.compile(r"[^\W\d_]+")
MIN_LETTERS = 4
DEFAULT_SEED = 20261128

# Words of four letters or more that carry no subject: a slip there says nothing of typo
# tolerance (the analyzer drops most of them as stop words).
FUNCTION_WORDS = set("""
alors apres aupres aussi autre autres avaient avait avant avec avez avoir avons ayant cela celle
celles celui cette ceux chez comme comment contre dans depuis des donc dont elle elles encore
entre etaient etait etant etre eux faire fait font leur leurs lors lorsque mais meme memes moins
nous notre nos parce pendant peut plus pour pourquoi quand quel quelle quelles quels quoi sans
selon sera seront ses sont sous suis tandis tant tous tout toute toutes tres vers vont votre
vous voici voila
""".split())

# A French AZERTY keyboard's letter rows; a key's neighbours are beside it, above and below.
AZERTY = ["azertyuiop", "qsdfghjklm", "wxcvbn"]


def fold(text):
    return "".join(c for c in unicodedata.normalize("NFD", text.lower())
                   if unicodedata.category(c) != "Mn")


def neighbours(letter):
    """The keys around `letter` on an AZERTY keyboard (its unaccented key), or none."""
    key = fold(letter)[:1]
    for row, keys in enumerate(AZERTY):
        col = keys.find(key) if key else -1
        if col < 0:
            continue
        near = []
        for r in (row - 1, row, row + 1):
            if 0 <= r < len(AZERTY):
                for c in (col - 1, col, col + 1):
                    if 0 <= c < len(AZERTY[r]) and (r, c) != (row, col):
                        near.append(AZERTY[r][c])
        return near
    return []


def misspell(word, rnd):
    """`word` with one typing slip at a random letter (never the same word again)."""
    for _ in range(100):
        i = rnd.randrange(len(word))
        kind = rnd.choice(("drop", "double", "swap", "replace", "insert"))
        near = neighbours(word[i])
        if word[i].isupper():
            near = [k.upper() for k in near]
        if kind == "drop":
            typo = word[:i] + word[i + 1:]
        elif kind == "double":
            typo = word[:i + 1] + word[i:]
        elif kind == "swap":
            if i + 1 >= len(word) or word[i] == word[i + 1]:
                continue
            typo = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        elif not near:
            continue
        elif kind == "replace":
            typo = word[:i] + rnd.choice(near) + word[i + 1:]
        else:
            typo = word[:i] + rnd.choice(near) + word[i:]
        if fold(typo) != fold(word):
            return typo
    return None


def with_typo(query, rnd):
    """`query` with one content word misspelt, or None when it has no content word."""
    words = [m for m in WORD.finditer(query)
             if len(m.group()) >= MIN_LETTERS and fold(m.group()) not in FUNCTION_WORDS]
    if not words:
        return None
    m = rnd.choice(words)
    typo = misspell(m.group(), rnd)
    return None if typo is None else query[:m.start()] + typo + query[m.end():]


def write_typo_set(set_dir, out_dir, seed):
    """Writes the misspelt set (its folder named after the seed unless it is the default one);
    returns its folder and the (qid, written, misspelt) triples."""
    name = os.path.basename(os.path.normpath(set_dir)) + "-typos"
    if seed != DEFAULT_SEED:
        name += "-%d" % seed
    typo_dir = os.path.join(out_dir, name)
    os.makedirs(typo_dir, exist_ok=True)
    rnd = random.Random(seed)
    triples = []
    for qid, text in read_queries(set_dir):
        typo = with_typo(text, rnd)
        if typo is not None:
            triples.append((qid, text, typo))
    kept = {qid for qid, _, _ in triples}
    with open(os.path.join(typo_dir, "queries.tsv"), "w", encoding="utf-8") as f:
        for qid, _, typo in triples:
            f.write("%s\t%s\n" % (qid, typo))
    with open(os.path.join(set_dir, "qrels.txt"), encoding="utf-8") as src, \
            open(os.path.join(typo_dir, "qrels.txt"), "w", encoding="utf-8") as dst:
        dst.writelines(line for line in src if line.split()[:1] and line.split()[0] in kept)
    corpus = os.path.abspath(corpus_of(set_dir))
    link = os.path.join(typo_dir if os.path.exists(os.path.join(set_dir, "corpus.jsonl.xz"))
                        else out_dir, os.path.basename(corpus))
    if not os.path.lexists(link):
        os.symlink(corpus, link)
    return typo_dir, triples


def words_of(text):
    return [fold(w) for w in WORD.findall(text)]


def suggestion_stats(triples, written_answers, typo_answers):
    """Shares of misspelt queries given back as written, or given another suggestion, and of
    queries as written given a suggestion at all."""
    back = other = alarms = 0
    for qid, text, _ in triples:
        suggestion = typo_answers[qid].get("suggestion")
        if suggestion:
            if words_of(suggestion) == words_of(text):
                back += 1
            else:
                other += 1
        if written_answers[qid].get("suggestion"):
            alarms += 1
    n = max(len(triples), 1)
    return back / n, other / n, alarms / n


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*",
                        default=["orangesum-short-valid", "orangesum-title-valid", "piaf"])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    add_arguments(parser)
    args = parser.parse_args()
    for set_name in args.sets:
        set_dir, db = prepare(args, set_name)
        typo_dir, triples = write_typo_set(set_dir, os.path.join(ROOT, "eval-results", "typos"),
                                           args.seed)
        qrels = os.path.join(typo_dir, "qrels.txt")
        answers, metrics = {}, {}
        for kind, column in (("written", 1), ("misspelt", 2)):
            queries = [(t[0], t[column]) for t in triples]
            answers[kind] = run_answers(args.bin, db, queries, "",
                                        daemon_args=daemon_args(args, set_dir))
            run_path = os.path.join(typo_dir, kind + ".trec")
            write_run(run_path, queries, {qid: [(h["id"], h["score"]) for h in a["hits"]]
                                          for qid, a in answers[kind].items()})
            metrics[kind] = score(args.bench_dir, qrels, run_path)
        back, other, alarms = suggestion_stats(triples, answers["written"], answers["misspelt"])
        kept = float(metrics["misspelt"]["MRR@10"]) / max(float(metrics["written"]["MRR@10"]),
                                                          1e-9)
        print("%s: %d queries with a typo (%s)" % (os.path.basename(set_dir), len(triples),
                                                    typo_dir))
        for kind in ("written", "misspelt"):
            m = metrics[kind]
            print("  %-9s MRR@10 %s  nDCG@10 %s  Recall@100 %s"
                  % (kind, m["MRR@10"], m["nDCG@10"], m["Recall@100"]))
        print("  MRR@10 kept with typos: %.1f %%" % (100 * kept))
        print("  did you mean: %.1f %% given back as written, %.1f %% another suggestion; "
              "false alarms %.1f %% of the queries as written" % (100 * back, 100 * other,
                                                                  100 * alarms))


if __name__ == "__main__":
    main()
