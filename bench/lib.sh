# Shared by the benchmark scripts (sourced, not run).

now() { date +%s.%N; }

# Median wall-clock seconds of "$@" over $runs runs; $prepare runs before each.
median() {
  local prepare=$1; shift
  for _ in $(seq "$runs"); do
    eval "$prepare"
    local start end
    start=$(now)
    "$@" > /dev/null
    end=$(now)
    awk "BEGIN { printf \"%.6f\n\", $end - $start }"
  done | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

# Milliseconds the first search of a fresh import spends indexing the
# imported records (an import leaves that to the first search, or to the
# window's background update): the first search minus a second one.
index_ms() {
  local cli=$1 catalog=$2 word=$3 start mid end
  start=$(now)
  "$cli" --catalog "$catalog" search "$word" > /dev/null 2>&1
  mid=$(now)
  "$cli" --catalog "$catalog" search "$word" > /dev/null 2>&1
  end=$(now)
  awk "BEGIN { printf \"%.1f\n\", (($mid - $start) - ($end - $mid)) * 1000 }"
}

# The full import of FILE into a fresh catalog in WORK (median of $runs),
# as a ratio to FLOOR seconds, with COUNT items (UNIT: "documents", …) for
# the rate, then the search index the import left to be built, measured by
# searching for WORD.
report_import() {
  local cli=$1 work=$2 file=$3 count=$4 unit=$5 floor=$6 word=$7 full stored
  if [ ! -x "$cli" ]; then
    echo "docket-cli import:   not built"
    return
  fi
  if ! "$cli" --catalog "$work/probe.db" import "$file" > /dev/null 2>&1; then
    echo "docket-cli import:   not available ($("$cli" --catalog "$work/probe.db" import "$file" 2>&1 | head -n 1))"
    return
  fi
  full=$(median "rm -f '$work'/catalog.db*" "$cli" --catalog "$work/catalog.db" import "$file")
  stored=$("$cli" --catalog "$work/catalog.db" list | wc -l)
  printf 'docket-cli import:   %8.1f ms  %7.0f %s/s  %.2fx xmllint  (%s records in the catalog)\n' \
    "$(awk "BEGIN { print $full * 1000 }")" "$(awk "BEGIN { print $count / $full }")" "$unit" \
    "$(awk "BEGIN { print $full / $floor }")" "$stored"
  printf 'search index:        %8.1f ms  (built after the import, by the first search or the window)\n' \
    "$(index_ms "$cli" "$work/catalog.db" "$word")"
}
