#!/usr/bin/env python3
"""Evaluation sets to tune on, drawn from OrangeSum articles outside the valid sets.

The four sets of ../shared/eval are the ones we report; tuning on them alone would fit their
1,500 articles. This draws other articles of ../shared/data/orangesum.jsonl.xz (with a fixed
seed) and writes, in the layout of ../shared/eval, one set of their headlines and one of their
abstracts, each judged by the article and its near-duplicates:

    eval-results/sets/orangesum-title-train/{queries.tsv,qrels.txt}
    eval-results/sets/orangesum-abstract-train/{queries.tsv,qrels.txt}

An article is left out when it, or one of its near-duplicates, is the answer of a valid query,
or when it is not in the body corpus. The documents are the shared body corpus, linked beside
the sets, so that `scripts/eval.sh eval-results/sets/orangesum-title-train` reuses the index of
the valid sets. Nothing here is committed: the sets are made at run time from ../shared.

usage: scripts/train_sets.py [--count N] [--seed S]   (standard library only)
"""
import argparse
import json
import lzma
import os
import random

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
BODY_CORPUS = "orangesum-corpus-body.jsonl.xz"


def number_of(qid_or_id):
    """'os-title-123' and 'os-123' -> '123'."""
    return qid_or_id.rsplit("-", 1)[1]


def duplicate_groups(path):
    """Article id -> the ids of its group of near-duplicates (itself included)."""
    groups = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            ids = ["os-" + name.replace(".json", "") for name in line.strip().split(",") if name]
            for i in ids:
                groups[i] = ids
    return groups


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=20261127)
    parser.add_argument("--eval-dir", default=os.environ.get("EVAL_DIR",
                                                              os.path.join(SHARED, "eval")))
    parser.add_argument("--data", default=os.path.join(SHARED, "data", "orangesum.jsonl.xz"))
    parser.add_argument("--out", default=os.path.join(ROOT, "eval-results", "sets"))
    args = parser.parse_args()

    valid = set()
    for name in os.listdir(args.eval_dir):
        queries = os.path.join(args.eval_dir, name, "queries.tsv")
        if name.startswith("orangesum-") and os.path.exists(queries):
            with open(queries, encoding="utf-8") as f:
                valid.update(number_of(line.split("\t", 1)[0]) for line in f if "\t" in line)
    body_corpus = os.path.join(args.eval_dir, BODY_CORPUS)
    with lzma.open(body_corpus, "rt", encoding="utf-8") as f:
        in_corpus = {json.loads(line)["id"] for line in f}
    groups = duplicate_groups(os.path.join(args.eval_dir, "orangesum-duplicates.txt"))

    candidates = []
    with lzma.open(args.data, "rt", encoding="utf-8") as f:
        for line in f:
            article = json.loads(line)
            group = groups.get(article["id"], [article["id"]])
            if (article["id"] in in_corpus and article.get("title", "").strip() and
                    article.get("abstract", "").strip() and
                    not any(number_of(i) in valid for i in group)):
                candidates.append(article)
    if len(candidates) < args.count:
        raise SystemExit("only %d articles outside the valid sets" % len(candidates))
    chosen = random.Random(args.seed).sample(candidates, args.count)

    os.makedirs(args.out, exist_ok=True)
    link = os.path.join(args.out, BODY_CORPUS)
    if not os.path.exists(link):
        os.symlink(os.path.abspath(body_corpus), link)
    for field in ("title", "abstract"):
        set_dir = os.path.join(args.out, "orangesum-%s-train" % field)
        os.makedirs(set_dir, exist_ok=True)
        with open(os.path.join(set_dir, "queries.tsv"), "w", encoding="utf-8") as queries, \
                open(os.path.join(set_dir, "qrels.txt"), "w", encoding="utf-8") as qrels:
            for article in chosen:
                qid = "os-%s-%s" % (field, number_of(article["id"]))
                queries.write("%s\t%s\n" % (qid, " ".join(article[field].split())))
                for doc in groups.get(article["id"], [article["id"]]):
                    if doc in in_corpus:
                        qrels.write("%s 0 %s 1\n" % (qid, doc))
        print("%s: %d queries (from %d articles outside the valid sets)"
              % (set_dir, len(chosen), len(candidates)))


if __name__ == "__main__":
    main()
