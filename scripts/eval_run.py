#!/usr/bin/env python3
"""Implementation of scripts/eval.sh (see there). Standard library only.

The documents of a set are its corpus.jsonl.xz, or, for the OrangeSum sets, the shared
orangesum-corpus-body.jsonl.xz beside them (body only: the headlines and abstracts are the
queries). The index is kept in eval-results/index/<corpus>/ and brought up to date by an
incremental run (rebuilt with --full when the analysis version changed).
"""
import argparse
import http.client
import json
import lzma
import os
import subprocess
import sys
import tempfile
import threading
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Debian's mythes-fr (scripts/install_deps.sh installs it).
THESAURUS = "/usr/share/mythes/thes_fr.dat"


def corpus_of(set_dir):
    own = os.path.join(set_dir, "corpus.jsonl.xz")
    return own if os.path.exists(own) else os.path.join(os.path.dirname(set_dir),
                                                        "orangesum-corpus-body.jsonl.xz")


def build_index(bin_dir, corpus, db):
    indexer = os.path.join(bin_dir, "depeches-indexer")
    with lzma.open(corpus, "rb") as f:
        feed = f.read()
    for flags in ([], ["--full"]):
        proc = subprocess.run([indexer, "--db", db, "--no-progress", *flags, "-"],
                              input=feed, capture_output=True)
        proc.stderr = proc.stderr.decode("utf-8", "replace")
        if proc.returncode in (0, 3):
            print(proc.stderr.strip().splitlines()[-1], file=sys.stderr)
            return
        if "--full" not in proc.stderr:
            break
    raise SystemExit("indexing failed: " + proc.stderr[-2000:])


def run_answers(bin_dir, db, queries, extra, threads=2, depth=100, daemon_args=()):
    """Each query's answer from depeches-searchd (decoded JSON), by qid."""
    # Its standard error goes to a file (a pipe nobody reads could fill): what it says when
    # it does not start, an associations table it refuses for one.
    errors = tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace")
    daemon = subprocess.Popen([os.path.join(bin_dir, "depeches-searchd"), "--db", db,
                               "--listen", "127.0.0.1:0", *daemon_args], stdout=subprocess.PIPE,
                              stderr=errors, text=True)
    try:
        listening = daemon.stdout.readline().strip()
        if ":" not in listening:
            daemon.wait()
            errors.seek(0)
            raise SystemExit("depeches-searchd did not start: " + errors.read().strip())
        port = int(listening.rsplit(":", 1)[1])
        answers = {}
        todo = list(queries)
        lock = threading.Lock()

        def worker():
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            while True:
                with lock:
                    if not todo:
                        return
                    qid, text = todo.pop()
                conn.request("GET", "/api/v1/search?snippet=0&limit=%d&q=%s%s"
                             % (depth, urllib.parse.quote(text), extra))
                res = conn.getresponse()
                body = json.loads(res.read())
                if res.status != 200:
                    raise SystemExit("%s: HTTP %d %s" % (qid, res.status, body))
                with lock:
                    answers[qid] = body
        pool = [threading.Thread(target=worker) for _ in range(threads)]
        for t in pool:
            t.start()
        for t in pool:
            t.join()
        return answers
    finally:
        daemon.terminate()
        daemon.wait()
        errors.close()


def run_queries(bin_dir, db, queries, extra, threads=2, depth=100, daemon_args=()):
    """Each query's hits, (id, score) best first, by qid."""
    answers = run_answers(bin_dir, db, queries, extra, threads, depth, daemon_args)
    return {qid: [(h["id"], h["score"]) for h in body["hits"]] for qid, body in answers.items()}


def read_queries(set_dir):
    """The (qid, text) pairs of a set's queries.tsv, in order."""
    with open(os.path.join(set_dir, "queries.tsv"), encoding="utf-8") as f:
        return [tuple(line.rstrip("\n").split("\t", 1)) for line in f if "\t" in line]


def index_of(set_dir, out_dir):
    """The index a set is searched in: one per corpus, shared by the OrangeSum sets."""
    corpus = corpus_of(set_dir)
    own = os.path.exists(os.path.join(set_dir, "corpus.jsonl.xz"))
    name = os.path.basename(os.path.normpath(set_dir))
    return os.path.join(out_dir, "index", name if own else os.path.basename(corpus).split(".")[0])


def write_run(path, queries, results):
    """A TREC run file of `results` (qid -> [(id, score)]) in the order of `queries`."""
    with open(path, "w", encoding="utf-8") as f:
        for qid, _ in queries:
            for rank, (doc, score) in enumerate(results.get(qid, []), 1):
                f.write("%s Q0 %s %d %.9g depeches\n" % (qid, doc, rank, score))


def score(bench_dir, qrels, run_path):
    """The metrics of ../shared/bench/scripts/eval.py for a run: name -> value (strings)."""
    out = subprocess.run([sys.executable, os.path.join(bench_dir, "scripts", "eval.py"), qrels,
                          run_path], capture_output=True, text=True, check=True).stdout
    return dict(line.split("\t") for line in out.strip().splitlines())


def add_arguments(parser):
    """The options every evaluation script takes: where the binaries, sets and harness are,
    and the word associations the daemon ranks with."""
    parser.add_argument("--bin", default=os.path.join(ROOT, "build", "bin"))
    parser.add_argument("--associations", default="auto",
                        help="word associations for depeches-searchd: a file, none, or auto "
                             "(for the OrangeSum sets, learned from the other articles by "
                             "scripts/learn_associations.py; for the others, which have no "
                             "headlines, the French thesaurus over the set's documents)")
    parser.add_argument("--eval-dir", default=os.environ.get(
        "EVAL_DIR", os.path.join(ROOT, "..", "shared", "eval")))
    parser.add_argument("--bench-dir", default=os.environ.get(
        "BENCH_DIR", os.path.join(ROOT, "..", "shared", "bench")))


def daemon_args(args, set_dir):
    """The depeches-searchd options for `set_dir` under --associations."""
    if args.associations == "none":
        return []
    if args.associations != "auto":
        return ["--associations", args.associations]
    corpus = corpus_of(set_dir)
    if os.path.basename(corpus) != "orangesum-corpus-body.jsonl.xz":
        # No archive with headlines to learn from (PIAF's Wikipedia paragraphs): synonyms.
        return thesaurus_associations(args.bin, corpus)
    sys.path.insert(0, os.path.join(ROOT, "scripts"))
    from learn_associations import learn  # noqa: E402
    data = os.path.join(ROOT, "..", "shared", "data", "orangesum.jsonl.xz")
    return ["--associations", learn(args.bin, args.eval_dir, data)]


def thesaurus_associations(bin_dir, corpus):
    """The daemon options for a table of the thesaurus's synonyms over `corpus`'s documents,
    learned into eval-results/ (none, said on stderr, when the thesaurus is not installed)."""
    if not os.path.exists(THESAURUS):
        print("no thesaurus (%s): ranking without word associations" % THESAURUS,
              file=sys.stderr)
        return []
    name = os.path.basename(os.path.dirname(corpus))
    out = os.path.join(ROOT, "eval-results", "associations-%s-thesaurus.txt" % name)
    with lzma.open(corpus, "rb") as f:
        feed = f.read()
    proc = subprocess.run([os.path.join(bin_dir, "depeches-learn"), "--thesaurus", THESAURUS,
                           "--out", out, "-"], input=feed, capture_output=True)
    if proc.returncode != 0:
        raise SystemExit("depeches-learn failed: " + proc.stderr.decode("utf-8", "replace"))
    return ["--associations", out]


def prepare(args, set_name):
    """The folder of a set (a name in --eval-dir, or a folder) and its index, built or brought
    up to date."""
    set_dir = set_name if os.path.isdir(set_name) else os.path.join(args.eval_dir, set_name)
    db = index_of(set_dir, os.path.join(ROOT, "eval-results"))
    os.makedirs(os.path.dirname(db), exist_ok=True)
    build_index(args.bin, corpus_of(set_dir), db)
    return set_dir, db


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("set")
    parser.add_argument("--op", choices=["and", "or"])
    add_arguments(parser)
    args = parser.parse_args()
    set_dir, db = prepare(args, args.set)
    name = os.path.basename(os.path.normpath(set_dir))
    out_dir = os.path.join(ROOT, "eval-results")

    queries = read_queries(set_dir)
    results = run_queries(args.bin, db, queries, "&op=" + args.op if args.op else "",
                          daemon_args=daemon_args(args, set_dir))
    run_path = os.path.join(out_dir, name + ".trec")
    write_run(run_path, queries, results)
    metrics = score(args.bench_dir, os.path.join(set_dir, "qrels.txt"), run_path)
    print("%-26s MRR@10 %s  nDCG@10 %s  Recall@100 %s  (%s queries)"
          % (name, metrics["MRR@10"], metrics["nDCG@10"], metrics["Recall@100"],
             metrics["queries"]))


if __name__ == "__main__":
    main()
