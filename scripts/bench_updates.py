#!/usr/bin/env python3
"""Measures the archivist's workflow on the OrangeSum articles (36,152 by default).

usage: scripts/bench_updates.py [--data ORANGESUM.jsonl.xz] [--work DIR] [--bin build/bin]

Steps, each timed as a whole depeches-indexer process:
  1. full build of a drop folder holding all articles but the last 1,000 (first build);
  2. no-op rerun on the same folder;
  3. rerun after 1,000 new articles land in the folder (one new JSON Lines file);
  4. commit-to-visibility gap: 20 times, a new one-article file is indexed while
     depeches-searchd runs; the gap is from the end of the indexer process (its commit is its
     last act) to the first answer of the daemon that finds the article;
  5. full rebuild (--full) of the folder under continuous search load (2 client threads):
     failed requests, and answers whose total matches neither the old nor the new index.
Prints the figures and their ratios to the full build. Only the standard library is used.
"""
import argparse
import http.client
import json
import lzma
import os
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_indexer(binary, db, source, *flags):
    start = time.perf_counter()
    proc = subprocess.run([binary, "--db", db, "--json", "--no-progress", *flags, source],
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 3):
        raise SystemExit("indexer failed (%d): %s" % (proc.returncode, proc.stderr[-2000:]))
    return elapsed, json.loads(proc.stdout.splitlines()[-1])


class Daemon:
    def __init__(self, binary, db):
        self.proc = subprocess.Popen([binary, "--db", db, "--listen", "127.0.0.1:0"],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.proc.stdout.readline().strip()
        self.port = int(line.rsplit(":", 1)[1])

    def total(self, query, conn=None):
        own = conn is None
        conn = conn or http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request("GET", "/api/v1/search?snippet=0&limit=1&op=and&q=" +
                         urllib.parse.quote(query))
            res = conn.getresponse()
            body = res.read()
            return json.loads(body)["total"] if res.status == 200 else None
        except (OSError, http.client.HTTPException, ValueError):
            return None
        finally:
            if own:
                conn.close()

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)


def article(i, word):
    return json.dumps({"id": "probe-%d" % i, "title": "Sonde %d" % i, "date": "2020-01-01",
                       "body": "Article de contrôle contenant le mot %s." % word},
                      ensure_ascii=False) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data",
                                                       "orangesum.jsonl.xz"))
    parser.add_argument("--work", default=None)
    parser.add_argument("--bin", default=os.path.join(ROOT, "build", "bin"))
    args = parser.parse_args()
    indexer = os.path.join(args.bin, "depeches-indexer")
    searchd = os.path.join(args.bin, "depeches-searchd")
    work = args.work or tempfile.mkdtemp(prefix="depeches-updates-")
    drop, db = os.path.join(work, "drop"), os.path.join(work, "index")
    shutil.rmtree(drop, ignore_errors=True)
    shutil.rmtree(db, ignore_errors=True)
    os.makedirs(drop)
    with lzma.open(args.data, "rt", encoding="utf-8") as f:
        lines = f.readlines()
    with open(os.path.join(drop, "base.jsonl"), "w", encoding="utf-8") as f:
        f.writelines(lines[:-1000])
    print("articles: %d in the folder, 1000 to add" % (len(lines) - 1000))

    full, s = run_indexer(indexer, db, drop)
    print("1. full build:          %7.2f s  (%d added)" % (full, s["added"]))
    noop, s = run_indexer(indexer, db, drop)
    print("2. no-op rerun:         %7.2f s  (%d unchanged)  = %.1f%% of the full build"
          % (noop, s["unchanged"], 100 * noop / full))
    with open(os.path.join(drop, "new.jsonl"), "w", encoding="utf-8") as f:
        f.writelines(lines[-1000:])
    add, s = run_indexer(indexer, db, drop)
    print("3. add 1000 articles:   %7.2f s  (%d added, %d unchanged)  = %.1f%% of the full build"
          % (add, s["added"], s["unchanged"], 100 * add / full))

    daemon = Daemon(searchd, db)
    try:
        gaps = []
        for i in range(20):
            word = "sondexq%d" % i
            with open(os.path.join(drop, "probe-%d.jsonl" % i), "w", encoding="utf-8") as f:
                f.write(article(i, word))
            run_indexer(indexer, db, drop)
            committed = time.perf_counter()
            while daemon.total(word) != 1:
                if time.perf_counter() - committed > 30:
                    raise SystemExit("article %d never became visible" % i)
                time.sleep(0.002)
            gaps.append(time.perf_counter() - committed)
        gaps.sort()
        print("4. commit to visibility: median %.0f ms, longest %.0f ms over %d commits"
              % (1000 * gaps[len(gaps) // 2], 1000 * gaps[-1], len(gaps)))

        probe = "gouvernement"
        before = daemon.total(probe)
        os.remove(os.path.join(drop, "new.jsonl"))  # the rebuilt index differs: totals tell
        stop = threading.Event()
        counts = {"requests": 0, "failed": 0, "totals": set()}
        lock = threading.Lock()

        def load():
            conn = http.client.HTTPConnection("127.0.0.1", daemon.port, timeout=30)
            while not stop.is_set():
                total = daemon.total(probe, conn)
                with lock:
                    counts["requests"] += 1
                    if total is None:
                        counts["failed"] += 1
                        conn = http.client.HTTPConnection("127.0.0.1", daemon.port, timeout=30)
                    else:
                        counts["totals"].add(total)
        threads = [threading.Thread(target=load) for _ in range(2)]
        for t in threads:
            t.start()
        rebuild, s = run_indexer(indexer, db, drop, "--full")
        time.sleep(1)
        stop.set()
        for t in threads:
            t.join()
        after = daemon.total(probe)
        partial = counts["totals"] - {before, after}
        print("5. full rebuild under load: %.2f s, %d requests, %d failed, totals seen %s "
              "(old index %d, new %d), %d from neither"
              % (rebuild, counts["requests"], counts["failed"], sorted(counts["totals"]),
                 before, after, len(partial)))
    finally:
        daemon.stop()
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
