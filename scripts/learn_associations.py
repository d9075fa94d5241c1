#!/usr/bin/env python3
"""Word associations for the OrangeSum evaluation index, learned from other articles.

The OrangeSum sets index article bodies only (their headlines and abstracts are the queries),
so the index cannot teach depeches-learn which body words its headlines come with. As an
archive would, this learns them from the other articles of ../shared/data/orangesum.jsonl.xz:
every article except those (and their near-duplicates) that a valid set or a held-out set of
scripts/train_sets.py asks for, so that no evaluated headline or abstract is learned from.
Writes eval-results/associations-orangesum.txt (made at run time, never committed).

usage: scripts/learn_associations.py [--force]   (standard library only)
"""
import argparse
import json
import lzma
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
TABLE = os.path.join(ROOT, "eval-results", "associations-orangesum.txt")
TRAIN_SETS = os.path.join(ROOT, "eval-results", "sets")


def asked_for(eval_dir):
    """The ids of the articles some OrangeSum set, valid or held out, has for an answer."""
    if not os.path.exists(os.path.join(TRAIN_SETS, "orangesum-title-train", "qrels.txt")):
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "train_sets.py"),
                        "--eval-dir", eval_dir], check=True, stdout=subprocess.DEVNULL)
    folders = [os.path.join(eval_dir, n) for n in os.listdir(eval_dir) if n.startswith("orangesum-")]
    folders += [os.path.join(TRAIN_SETS, n) for n in os.listdir(TRAIN_SETS)]
    ids = set()
    for folder in folders:
        qrels = os.path.join(folder, "qrels.txt")
        if os.path.exists(qrels):
            with open(qrels, encoding="utf-8") as f:
                ids.update(line.split()[2] for line in f if line.strip())
    return ids


def learn(bin_dir, eval_dir, data, out=TABLE, force=False):
    """Writes the table to `out` unless it is there (or `force`); returns its path."""
    if os.path.exists(out) and not force:
        return out
    sys.path.insert(0, os.path.join(ROOT, "scripts"))
    from train_sets import duplicate_groups  # noqa: E402
    groups = duplicate_groups(os.path.join(eval_dir, "orangesum-duplicates.txt"))
    excluded = asked_for(eval_dir)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    learner = subprocess.Popen([os.path.join(bin_dir, "depeches-learn"), "--out", out, "-"],
                               stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    with lzma.open(data, "rt", encoding="utf-8") as f:
        for line in f:
            article = json.loads(line)
            if any(i in excluded for i in groups.get(article["id"], [article["id"]])):
                continue
            fields = {k: article.get(k, "") for k in ("id", "title", "abstract", "body")}
            learner.stdin.write((json.dumps(fields, ensure_ascii=False) + "\n").encode("utf-8"))
    learner.stdin.close()
    err = learner.stderr.read().decode("utf-8", "replace")
    if learner.wait() != 0:
        raise SystemExit("depeches-learn failed: " + err[-2000:])
    print(err.strip().splitlines()[-1], file=sys.stderr)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--force", action="store_true", help="learn again even if it is there")
    parser.add_argument("--bin", default=os.path.join(ROOT, "build", "bin"))
    parser.add_argument("--eval-dir", default=os.environ.get("EVAL_DIR",
                                                              os.path.join(SHARED, "eval")))
    parser.add_argument("--data", default=os.path.join(SHARED, "data", "orangesum.jsonl.xz"))
    args = parser.parse_args()
    print(learn(args.bin, args.eval_dir, args.data, force=args.force))


if __name__ == "__main__":
    main()
