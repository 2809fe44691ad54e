# Shared by the benchmark scripts (sourced, not run).

now() { date +%s.%N; }

# Timed commands run at real-time priority when that is allowed (as root),
# so that other work on a shared machine does not skew the figures; every
# command compared gets it alike. Left out otherwise.
rt=()
if chrt -f 50 true 2> /dev/null; then
  rt=(chrt -f 50)
fi

# Seconds one run of "$@" takes; $prepare runs first, untimed.
time_once() {
  local prepare=$1 start end; shift
  eval "$prepare"
  start=$(now)
  "${rt[@]}" "$@" > /dev/null
  end=$(now)
  awk "BEGIN { printf \"%.6f\n\", $end - $start }"
}

# The median of the numbers in FILE, one per line.
median_of() {
  sort -n "$1" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
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

# Times the floor (xmllint "$@" FILE), the reader alone (PARSER FILE) and
# the whole import of FILE into a fresh catalog in WORK, in $runs rounds
# of the three, so that a change in the machine's load falls on all of
# them alike. Sets floor, reader and full to the medians in seconds (full
# is empty when docket-cli cannot import the file) and prints how they
# were taken.
measure_import() {
  local file=$1 parser=$2 cli=$3 work=$4; shift 4
  local import=yes
  : > "$work/floor.t"; : > "$work/reader.t"; : > "$work/full.t"
  if [ ! -x "$cli" ] || ! "$cli" --catalog "$work/probe.db" import "$file" > /dev/null 2>&1; then
    import=
  fi
  for _ in $(seq "$runs"); do
    time_once : xmllint "$@" "$file" >> "$work/floor.t"
    time_once : "$parser" "$file" >> "$work/reader.t"
    [ -z "$import" ] ||
      time_once "rm -f '$work'/catalog.db*" "$cli" --catalog "$work/catalog.db" import "$file" >> "$work/full.t"
  done
  floor=$(median_of "$work/floor.t")
  reader=$(median_of "$work/reader.t")
  full=
  [ -z "$import" ] || full=$(median_of "$work/full.t")
  echo "medians of $runs rounds${rt:+, at real-time priority}"
}

# Prints the full import's figures (see measure_import) for FILE, with
# COUNT items (UNIT: "documents", …) for the rate and the ratio to $floor,
# then the search index the import left to be built, measured by
# searching for WORD.
report_import() {
  local cli=$1 work=$2 file=$3 count=$4 unit=$5 word=$6 stored
  if [ -z "$full" ]; then
    echo "docket-cli import:   not available ($("$cli" --catalog "$work/probe.db" import "$file" 2>&1 | head -n 1))"
    return
  fi
  stored=$("$cli" --catalog "$work/catalog.db" list | wc -l)
  printf 'docket-cli import:   %8.1f ms  %7.0f %s/s  %.2fx xmllint  (%s records in the catalog)\n' \
    "$(awk "BEGIN { print $full * 1000 }")" "$(awk "BEGIN { print $count / $full }")" "$unit" \
    "$(awk "BEGIN { print $full / $floor }")" "$stored"
  printf 'search index:        %8.1f ms  (built after the import, by the first search or the window)\n' \
    "$(index_ms "$cli" "$work/catalog.db" "$word")"
}
