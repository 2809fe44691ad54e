#!/usr/bin/env bash
# Benchmark (issue 5): open `docket` on a catalog of 100,000 records and
# measure the time from launch to the first frame painted with the record
# list shown, and the peak memory (maximum resident set size). Targets:
# under 1 s and under 150 MB.
#
#   bench/window-startup.sh [BUILD_DIR] [RECORDS] [RUNS]
#
# Runs under a private Xvfb display; the catalog is made once per run of
# the script with bench-make-catalog (through the store).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
records=${2:-100000}
runs=${3:-5}
docket="$build/src/ui/docket"
make_catalog="$build/bench/bench-make-catalog"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -x "$docket" ] || { echo "no docket in $build; build first (GTK 4 needed)" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "xvfb-run is needed" >&2; exit 1; }

start=$(date +%s%N)
"$make_catalog" "$work/catalog.db" "$records"
echo "catalog of $records records made in $(( ($(date +%s%N) - start) / 1000000 )) ms," \
     "$(du -k "$work/catalog.db" | cut -f1) KiB"

export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$build/data"
export XDG_DATA_HOME="$work/data"
export NO_AT_BRIDGE=1
export GDK_BACKEND=x11
export DOCKET_BENCH=1

launch () {
  GSK_RENDERER=$1 xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    export DOCKET_BENCH_T0=$(date +%s%N)
    /usr/bin/time -f "docket-bench: peak memory %M KiB, wall %e s" \
      "$0" "$1" 2>&1' "$docket" "$work/catalog.db" | grep docket-bench | grep -v "rows held"
}

# The catalog was made as an import makes it, with its records queued for
# the search index; the first window to open it indexes them in a thread.
# That first open is shown apart: the runs below open an indexed catalog.
echo "first open after the import (indexes the records for search), GSK_RENDERER=gl"
launch gl

# Xvfb has no GPU: GTK's default GL renderer runs on Mesa's llvmpipe, whose
# shader compiler and buffers dominate both numbers; the cairo renderer
# shows the cost of Docket itself. Set RENDERERS to choose.
for renderer in ${RENDERERS:-gl cairo}; do
  echo "GSK_RENDERER=$renderer"
  for i in $(seq "$runs"); do
    launch "$renderer"
  done
done
