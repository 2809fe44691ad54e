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
