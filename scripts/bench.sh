#!/usr/bin/env bash
# Runs the side-by-side benchmark harness (../shared/bench, or $BENCH_DIR) with our binaries
# and the peer engines, on the seed dispatches and/or the evaluation sets ($EVAL_DIR): the
# OrangeSum body corpus with the title / abstract / short queries, and PIAF; scores every run
# (MRR@10, nDCG@10, Recall@100).
# usage: scripts/bench.sh [SET] [peer...]     results in bench-results/<set>/
#   SET: seeds, orangesum (= orangesum-title), orangesum-abstract, orangesum-short, piaf,
#        sets (the four evaluation sets), all (seeds + sets; the default), or the folder
#        of a set laid out as in ../shared/eval (its corpus.jsonl.xz, or the OrangeSum
#        bodies), e.g. one scripts/train_sets.py makes (results in bench-results/<folder>/)
# Builds our binaries first only if the peer list includes depeches.
# Needs the peers installed: sudo "$BENCH_DIR/scripts/install_deps.sh".
set -euo pipefail
set_name=${1:-all}
[[ ! -d $set_name ]] || set_name=$(cd "$set_name" && pwd) # before leaving the caller's folder
cd "$(dirname "$0")/.."
root=$(pwd)
bench=$(cd "${BENCH_DIR:-../shared/bench}" && pwd)
eval_dir=$(cd "${EVAL_DIR:-$bench/../eval}" && pwd)
shift || true
peers=("$@")
[[ ${#peers[@]} -gt 0 ]] || peers=(depeches postgres sqlite_fts5 xapian_baseline xapian_omega sphinx lucene)

# Build only when our engine is benchmarked (peers alone must not touch build/).
for p in "${peers[@]}"; do
    if [[ $p == depeches ]]; then scripts/build.sh; break; fi
done
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

# The harness reads {"id","title","text","date"}; the evaluation corpora have "body" (and PIAF
# an empty "title"). Converted once into bench-results/data/<name>/, then reused.
convert_corpus() { # src.jsonl.xz corpus.jsonl
    local corpus=$2
    if [[ ! -s $corpus ]]; then
        mkdir -p "$(dirname "$corpus")"
        xz -dc "$1" |
            python3 -c 'import json,sys
for line in sys.stdin:
    d = json.loads(line)
    print(json.dumps({"id": d["id"], "title": d.get("title") or "", "text": d.get("body", ""),
                      "date": d.get("date", "")}, ensure_ascii=False))' >"$corpus.tmp"
        mv "$corpus.tmp" "$corpus"
    fi
}

run_eval_set() { # name set-folder corpus
    local name=$1 dir=$2 corpus=$3
    # run_all.sh scores its table with the qrels next to the corpus
    cp "$dir/qrels.txt" "$(dirname "$corpus")/qrels.txt"
    run_set "$name" "$corpus" "$dir/queries.tsv" "$dir/qrels.txt"
}

want() { # set name -> is it selected?
    case $set_name in
        all) true ;;
        sets) [[ $1 != seeds ]] ;;
        orangesum) [[ $1 == orangesum-title ]] ;;
        *) [[ $set_name == "$1" ]] ;;
    esac
}

case $set_name in
    seeds|orangesum|orangesum-title|orangesum-abstract|orangesum-short|piaf|sets|all) ;;
    *)
        if [[ -f $set_name/queries.tsv && -f $set_name/qrels.txt ]]; then
            # its own corpus.jsonl.xz, else the OrangeSum bodies (as scripts/eval.sh does)
            name=$(basename "$set_name")
            if [[ -f $set_name/corpus.jsonl.xz ]]; then
                corpus="$out/data/$name/corpus.jsonl"
                rm -f "$corpus" # the folder's documents may have changed
                convert_corpus "$set_name/corpus.jsonl.xz" "$corpus"
            else
                corpus="$out/data/orangesum-body/corpus.jsonl"
                convert_corpus "$eval_dir/orangesum-corpus-body.jsonl.xz" "$corpus"
            fi
            run_eval_set "$name" "$set_name" "$corpus"
            exit 0
        fi
        echo "unknown set: $set_name" >&2
        exit 2
        ;;
esac

if want seeds; then
    run_set seeds "$bench/data/seeds/corpus.jsonl" "$bench/data/seeds/queries.tsv" \
        "$bench/data/seeds/qrels.txt"
fi
for s in title abstract short; do
    want "orangesum-$s" || continue
    # OrangeSum: index the body only (headline and abstract are the queries)
    corpus="$out/data/orangesum-body/corpus.jsonl"
    convert_corpus "$eval_dir/orangesum-corpus-body.jsonl.xz" "$corpus"
    run_eval_set "orangesum-$s" "$eval_dir/orangesum-$s-valid" "$corpus"
done
if want piaf; then
    corpus="$out/data/piaf/corpus.jsonl"
    convert_corpus "$eval_dir/piaf/corpus.jsonl.xz" "$corpus"
    run_eval_set piaf "$eval_dir/piaf" "$corpus"
fi
