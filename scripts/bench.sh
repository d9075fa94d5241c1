#!/usr/bin/env bash
# Runs the side-by-side benchmark harness (../shared/bench, or $BENCH_DIR) with our binaries
# and the peer engines, on the seed dispatches and/or the OrangeSum body corpus with the
# orangesum-title-valid queries, and scores every run (MRR@10, nDCG@10, Recall@100).
# usage: scripts/bench.sh [seeds|orangesum|all] [peer...]     results in bench-results/
# Needs the peers installed: sudo "$BENCH_DIR/scripts/install_deps.sh".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bench=$(cd "${BENCH_DIR:-../shared/bench}" && pwd)
eval_dir=$(cd "${EVAL_DIR:-$bench/../eval}" && pwd)
set_name=${1:-all}
shift || true
peers=("$@")
[[ ${#peers[@]} -gt 0 ]] || peers=(depeches postgres sqlite_fts5 xapian_baseline xapian_omega sphinx lucene)

scripts/build.sh
export DEPECHES_BIN="$root/build/bin"
out="$root/bench-results"
mkdir -p "$out/data"

run_set() { # name corpus queries qrels
    local name=$1 corpus=$2 queries=$3 qrels=$4
    echo "== $name ==" >&2
    "$bench/run_all.sh" "$corpus" "$queries" "$out/$name" "${peers[@]}" || true
    for p in "${peers[@]}"; do
        [[ -f "$out/$name/$p/run.trec" ]] || continue
        printf '%-16s ' "$p"
        python3 "$bench/scripts/eval.py" "$qrels" "$out/$name/$p/run.trec" | tr '\n' ' '
        echo
    done | tee "$out/$name/quality.txt"
}

if [[ $set_name == seeds || $set_name == all ]]; then
    run_set seeds "$bench/data/seeds/corpus.jsonl" "$bench/data/seeds/queries.tsv" \
        "$bench/data/seeds/qrels.txt"
fi
if [[ $set_name == orangesum || $set_name == all ]]; then
    corpus="$out/data/orangesum-body/corpus.jsonl"
    if [[ ! -s $corpus ]]; then
        mkdir -p "$(dirname "$corpus")"
        # The harness reads {"id","title","text","date"}; the evaluation corpus has "body".
        xz -dc "$eval_dir/orangesum-corpus-body.jsonl.xz" |
            python3 -c 'import json,sys
for line in sys.stdin:
    d = json.loads(line)
    print(json.dumps({"id": d["id"], "title": "", "text": d.get("body", ""),
                      "date": d.get("date", "")}, ensure_ascii=False))' >"$corpus"
    fi
    cp "$eval_dir/orangesum-title-valid/qrels.txt" "$(dirname "$corpus")/qrels.txt"
    run_set orangesum-title "$corpus" "$eval_dir/orangesum-title-valid/queries.tsv" \
        "$eval_dir/orangesum-title-valid/qrels.txt"
fi
