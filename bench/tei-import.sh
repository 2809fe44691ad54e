#!/usr/bin/env bash
# Benchmark (issue 4): import the largest FRUS TEI volume of the corpus and
# compare with the floor of the same work, `xmllint --noout` parsing the
# same file. Reports documents per second and the ratio to xmllint, for the
# reader alone (bench-tei-parse: parse and build the records) and for a
# full import into a fresh catalog (docket-cli), each the median of RUNS
# runs of a fresh process, the three taken in turn in each round.
#
#   bench/tei-import.sh [BUILD_DIR] [SHARED_DIR] [RUNS]
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
shared=${2:-$here/../../shared}
runs=${3:-15}
parser="$build/bench/bench-tei-parse"
cli="$build/src/cli/docket-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -x "$parser" ] || { echo "no bench-tei-parse in $build; build first" >&2; exit 1; }
[ -d "$shared/corpus" ] || { echo "no corpus in $shared; skipped" >&2; exit 0; }
command -v xmllint > /dev/null || { echo "xmllint is not installed" >&2; exit 1; }

# The largest volume (by bytes) of the corpus.
volume=$(ls -S "$shared"/corpus/*.xml | head -n 1)
docs=$(xmllint --xpath 'count(//*[local-name()="div"][@type="document"])' "$volume")

. "$here/lib.sh"

measure_import "$volume" "$parser" "$cli" "$work" --noout
read_docs=$("$parser" "$volume" | cut -d' ' -f1)

echo "volume:   $(basename "$volume") ($(wc -c < "$volume") bytes, $docs documents)"
printf 'xmllint --noout:     %8.1f ms\n' "$(awk "BEGIN { print $floor * 1000 }")"
printf 'TEI reader (parse):  %8.1f ms  %7.0f documents/s  %.2fx xmllint  (%s records)\n' \
  "$(awk "BEGIN { print $reader * 1000 }")" "$(awk "BEGIN { print $docs / $reader }")" \
  "$(awk "BEGIN { print $reader / $floor }")" "$read_docs"

report_import "$cli" "$work" "$volume" "$docs" documents telegram
