#!/usr/bin/env bash
# Sets everything up on a fresh Debian 12 machine and serves the product:
# installs missing packages, builds, indexes corpus/, serves the page at http://127.0.0.1:8080.
# Environment: DEPECHES_LISTEN (default 127.0.0.1:8080), DEPECHES_DB (default var/index).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install_deps.sh
scripts/build.sh

db="${DEPECHES_DB:-var/index}"
listen="${DEPECHES_LISTEN:-127.0.0.1:8080}"
mkdir -p "$(dirname "$db")"
status=0
build/bin/depeches-indexer --db "$db" corpus/ || status=$?
if [[ $status -eq 1 ]]; then
    # This index holds corpus/ alone: when it cannot be updated (built by an older version,
    # whose terms this one does not search), build it again from corpus/.
    echo "rebuilding $db from corpus/" >&2
    status=0
    build/bin/depeches-indexer --db "$db" --full corpus/ || status=$?
fi
if [[ $status -ne 0 && $status -ne 3 ]]; then
    echo "indexing failed (exit $status)" >&2
    exit "$status"
fi
# Word associations from the French thesaurus (Debian's mythes-fr): a few dispatches have too
# few headlines to learn from (depeches-learn --help).
associations="$db.associations"
build/bin/depeches-learn --thesaurus /usr/share/mythes/thes_fr.dat --out "$associations" corpus/
exec build/bin/depeches-searchd --db "$db" --listen "$listen" --web web/ \
    --associations "$associations"
