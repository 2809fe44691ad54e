#!/usr/bin/env bash
# Benchmark (issue 2): import 1,000 plain-text FRUS documents into a fresh
# catalog and compare with the floor of the same work: sqlite3 inserting
# 1,000 rows of the same size in one transaction.
#
#   bench/text-import.sh [BUILD_DIR] [SHARED_DIR]
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
shared=${2:-$here/../../shared}
cli="$build/src/cli/docket-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -x "$cli" ] || { echo "no docket-cli in $build; build first" >&2; exit 1; }
[ -d "$shared/corpus/text" ] || { echo "no corpus in $shared; skipped" >&2; exit 0; }

# 1,000 documents: the corpus's 260 documents, renumbered into four copies.
mkdir -p "$work/docs"
n=0
while [ $n -lt 1000 ]; do
  for f in "$shared"/corpus/text/*/d*.txt; do
    [ $n -lt 1000 ] || break
    n=$((n + 1))
    sed "1s/^[0-9]*\\./$n./" "$f" > "$work/docs/d$n.txt"
  done
done
bytes=$(cat "$work"/docs/*.txt | wc -c)

. "$here/lib.sh"

# Docket: one process, one transaction per file, as a cataloger would run it.
start=$(now)
"$cli" --catalog "$work/catalog.db" import --collection bench "$work"/docs/*.txt > /dev/null
docket=$(awk "BEGIN { print $(now) - $start }")
count=$("$cli" --catalog "$work/catalog.db" list | wc -l)

# Floor: the same number of rows of the same size, one transaction.
python3 - "$work/docs" > "$work/floor.sql" <<'PY'
import os, sys
d = sys.argv[1]
print("PRAGMA journal_mode=WAL; CREATE TABLE doc (id TEXT PRIMARY KEY, body TEXT); BEGIN;")
for name in sorted(os.listdir(d)):
    body = open(os.path.join(d, name), encoding="utf-8").read().replace("'", "''")
    print(f"INSERT INTO doc VALUES ('{name}', '{body}');")
print("COMMIT;")
PY
start=$(now)
sqlite3 "$work/floor.db" < "$work/floor.sql" > /dev/null
floor=$(awk "BEGIN { print $(now) - $start }")

printf 'documents imported: %d (%d bytes of text)\n' "$count" "$bytes"
printf 'docket-cli import:  %.3f s  (%.0f documents/s)\n' "$docket" "$(awk "BEGIN { print $count / $docket }")"
printf 'sqlite3 floor:      %.3f s\n' "$floor"
printf 'ratio:              %.1fx\n' "$(awk "BEGIN { print $docket / $floor }")"
printf 'search index:       %.3f s  (built after the import, by the first search or the window)\n' \
  "$(awk "BEGIN { print $(index_ms "$cli" "$work/catalog.db" telegram) / 1000 }")"
