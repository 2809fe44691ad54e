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
