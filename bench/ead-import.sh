#!/usr/bin/env bash
# Benchmark (issue 3): import ead-samples/ead3/ncsu-mc00084-large.xml and
# compare with the floor of the same work, `xmllint --noout` parsing the
# same file (target: no more than 3x). Reports components per second and
# the ratio to xmllint for the reader alone (bench-ead-parse: parse and
# build the collection and records) and for a full import into a fresh
# catalog (docket-cli), each the median of RUNS runs of a fresh process,
# the three taken in turn in each round.
#
#   bench/ead-import.sh [BUILD_DIR] [SHARED_DIR] [RUNS]
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
shared=${2:-$here/../../shared}
runs=${3:-15}
parser="$build/bench/bench-ead-parse"
cli="$build/src/cli/docket-cli"
file="$shared/ead-samples/ead3/ncsu-mc00084-large.xml"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -x "$parser" ] || { echo "no bench-ead-parse in $build; build first" >&2; exit 1; }
[ -f "$file" ] || { echo "no $file; skipped" >&2; exit 0; }
command -v xmllint > /dev/null || { echo "xmllint is not installed" >&2; exit 1; }

. "$here/lib.sh"

read -r records unmapped < <("$parser" "$file")
measure_import "$file" "$parser" "$cli" "$work" --noout --nonet

echo "file:     $(basename "$file") ($(wc -c < "$file") bytes, $records components, $unmapped unmapped elements kept)"
printf 'xmllint --noout:     %8.1f ms\n' "$(awk "BEGIN { print $floor * 1000 }")"
printf 'EAD reader (parse):  %8.1f ms  %7.0f components/s  %.2fx xmllint\n' \
  "$(awk "BEGIN { print $reader * 1000 }")" "$(awk "BEGIN { print $records / $reader }")" \
  "$(awk "BEGIN { print $reader / $floor }")"

report_import "$cli" "$work" "$file" "$records" components papers
