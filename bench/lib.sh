# Shared by the bench scripts (sourced, not run): the work folder, the jar build outside the timings, the heap cap
# and `run`, the one timing step, so every script measures the same way.
#
#   bench_setup NAME   work folder $work (kept and printed with BENCH_KEEP=1), $heap from BENCH_HEAP (default 256m)
#                      exported as KAITEN_IMPORT_JAVA_OPTS=-Xmx$heap, GNU time in $timev when installed
#   run LABEL CMD…     wall seconds into $secs, user+system CPU seconds into $cpu, peak RSS (MB) into $rss, exit
#                      code into $rc; the command's output goes to $work/LABEL.log

bench_setup() {
  heap="${BENCH_HEAP:-256m}"
  work="$(mktemp -d "${TMPDIR:-/tmp}/kaiten-$1.XXXXXX")"
  if [ "${BENCH_KEEP:-}" = 1 ]; then echo "work folder: $work"; else trap 'rm -rf "$work"' EXIT; fi
  timev=""
  if [ -x /usr/bin/time ]; then timev=/usr/bin/time; else echo "(GNU time not found: apt-get install time — no CPU or RSS figures)"; fi
  "$root/kaiten-import" --version >/dev/null   # builds the jar when needed, outside the timings
  export KAITEN_IMPORT_JAVA_OPTS="-Xmx$heap"
}

run() {
  local label="$1"; shift
  local t0 t1
  t0=$(date +%s.%N)
  set +e
  if [ -n "$timev" ]; then
    "$timev" -f "%M %U %S" -o "$work/$label.time" "$@" >"$work/$label.log" 2>&1
  else
    "$@" >"$work/$label.log" 2>&1
  fi
  rc=$?
  set -e
  t1=$(date +%s.%N)
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
  rss="n/a"; cpu="n/a"
  if [ -s "$work/$label.time" ]; then
    rss=$(awk 'NF == 3 { v = $1 } END { printf "%d", v / 1024 }' "$work/$label.time")
    cpu=$(awk 'NF == 3 { c = $2 + $3 } END { printf "%.1f", c }' "$work/$label.time")
  fi
}
