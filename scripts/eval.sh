#!/usr/bin/env bash
# Ranking quality on an evaluation set: builds (or updates) an index of the set's documents with
# our indexer, runs the set's queries through depeches-searchd over HTTP, and prints MRR@10,
# nDCG@10 and Recall@100 (scored by the harness's eval.py).
# usage: scripts/eval.sh SET [--op and|or] [--limit N]
#   SET: a folder of ../shared/eval (or $EVAL_DIR), e.g. orangesum-title-valid, piaf, or a path.
# Results: eval-results/<set>.trec. Needs a build (scripts/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 scripts/eval_run.py "$@"
