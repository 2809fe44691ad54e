#!/usr/bin/env bash
# Benchmark (issue 3): export a collection of 10,000 records to EAD3 and to
# EAD 2002 with docket-cli, and compare with the floor of reading the same
# file: xmllint --noout --nonet on it. Target: no more than 2x.
#
#   bench/ead-export.sh [BUILD_DIR] [SHARED_DIR] [RECORDS] [RUNS]
#
# The catalog is built by importing renumbered copies of the seed memorandum
# with `docket-cli import --collection` (not timed). Each figure is the
# median of RUNS runs of a fresh process.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
shared=${2:-$here/../../shared}
records=${3:-10000}
runs=${4:-5}
cli="$(cd "$build" && pwd)/src/cli/docket-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -x "$cli" ] || { echo "no docket-cli in $build; build first" >&2; exit 1; }
[ -f "$shared/corpus/seed-memorandum.txt" ] || { echo "no seed in $shared; skipped" >&2; exit 0; }
command -v xmllint > /dev/null || { echo "no xmllint; skipped" >&2; exit 0; }

mkdir -p "$work/docs"
for ((n = 1; n <= records; n++)); do
  sed "1s/^[0-9]*\\./$n./" "$shared/corpus/seed-memorandum.txt" > "$work/docs/d$n.txt"
done
find "$work/docs" -name 'd*.txt' | sort -V |
  xargs "$cli" --catalog "$work/catalog.db" import --collection frus1964-68v05 > /dev/null
count=$("$cli" --catalog "$work/catalog.db" list | wc -l)

# Wall-clock and CPU (user + system) seconds of a command; CPU time is the
# steadier figure on a shared machine.
timed() { /usr/bin/time -f '%e %U %S' -o "$work/time" "$@"; awk '{ print $1, $2 + $3 }' "$work/time"; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf 'records in the collection: %d\n' "$count"
for format in ead3 ead2002; do
  out="$work/$format.xml"
  : > "$work/docket.times"
  : > "$work/xmllint.times"
  for ((r = 0; r < runs; r++)); do
    timed "$cli" --catalog "$work/catalog.db" export --format "$format" --include-unapproved --collection frus1964-68v05 -o "$out" \
      >> "$work/docket.times"
    timed xmllint --noout --nonet "$out" >> "$work/xmllint.times"
  done
  docket=$(cut -d' ' -f1 < "$work/docket.times" | median)
  floor=$(cut -d' ' -f1 < "$work/xmllint.times" | median)
  docket_cpu=$(cut -d' ' -f2 < "$work/docket.times" | median)
  floor_cpu=$(cut -d' ' -f2 < "$work/xmllint.times" | median)
  printf '%-8s %d bytes\n' "$format" "$(stat -c %s "$out")"
  printf '  wall: docket-cli export %.3f s (%.0f records/s), xmllint --noout %.3f s, ratio %.2fx\n' \
    "$docket" "$(awk "BEGIN { print $count / $docket }")" "$floor" "$(awk "BEGIN { print $docket / $floor }")"
  printf '  cpu:  docket-cli export %.3f s (%.0f records/s), xmllint --noout %.3f s, ratio %.2fx\n' \
    "$docket_cpu" "$(awk "BEGIN { print $count / $docket_cpu }")" "$floor_cpu" \
    "$(awk "BEGIN { print $docket_cpu / $floor_cpu }")"
done
