#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang, ASan + UBSan) and runs each for a given time.
#
#   scripts/fuzz.sh [--time SECONDS] [--rss-mb MB] [TARGET...] [-- LIBFUZZER_ARGS...]
#
# TARGET is one of: feed dates html opml jsonl query sanitize (default: all, one after another).
# Seeds are generated into the build folder from tests/, examples/, docs/ and, when present,
# $LEDE_SHARED_DIR (default ../shared); the corpus each run grows is kept in
# $LEDE_FUZZ_BUILD_DIR/corpus/TARGET (default build-fuzz) and reused by the next run. A crash
# leaves its input in $LEDE_FUZZ_BUILD_DIR/crashes/TARGET/ and makes the script exit 1, after
# the other targets have run. Ends with one line per target: executions, exec/s, peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."

all_targets=(feed dates html opml jsonl query sanitize)
seconds=60
rss_mb=2048
targets=()
extra=()
while (($#)); do
  case "$1" in
    --time) seconds="$2"; shift 2 ;;
    --rss-mb) rss_mb="$2"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *)
      if [[ " ${all_targets[*]} " != *" $1 "* ]]; then
        echo "fuzz.sh: unknown target '$1' (known: ${all_targets[*]})" >&2
        exit 2
      fi
      targets+=("$1"); shift ;;
  esac
done
((${#targets[@]})) || targets=("${all_targets[@]}")

build_dir="${LEDE_FUZZ_BUILD_DIR:-build-fuzz}"
shared_dir="${LEDE_SHARED_DIR:-../shared}"

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DLEDE_FUZZ=ON -DLEDE_BUILD_TESTS=OFF "${launcher[@]}" >/dev/null
cmake --build "$build_dir" -j"$(nproc)" --target "${targets[@]/#/fuzz_}"

rm -rf "$build_dir/seeds"
python3 fuzz/make_seeds.py . "$build_dir/seeds" "$shared_dir"

# Short inputs for the one-line parsers keep the mutations where the grammar is. The document
# parsers get 4 KiB: without a cap libFuzzer takes the largest seed's length (feeds of 150 KB),
# and fuzz_feed ran at ~95 executions a second instead of ~4,700 (measured here). Seeds longer
# than this are cut to it; big-document behaviour is what the hostile input tests cover.
declare -A max_len=([dates]=256 [query]=1024 [sanitize]=4096 [feed]=4096 [html]=4096
                    [opml]=4096 [jsonl]=4096)
declare -A dict=([feed]=xml [opml]=xml [jsonl]=json [html]=html [dates]=dates [query]=query
                 [sanitize]=sanitize)

# Leaks that are a library's own, not lede's (each explained in the file).
export LSAN_OPTIONS="suppressions=$PWD/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

failed=0
summary=()
for t in "${targets[@]}"; do
  corpus="$build_dir/corpus/$t"
  crashes="$build_dir/crashes/$t"
  log="$build_dir/logs/$t.log"
  mkdir -p "$corpus" "$crashes" "$build_dir/seeds/$t" "$(dirname "$log")"
  args=(-max_total_time="$seconds" -rss_limit_mb="$rss_mb" -timeout=60 -print_final_stats=1
        -dict="fuzz/dict/${dict[$t]}.dict" -artifact_prefix="$crashes/")
  [ -n "${max_len[$t]:-}" ] && args+=(-max_len="${max_len[$t]}")
  echo "== fuzz_$t for ${seconds}s (log: $log)"
  status=0
  "$build_dir/fuzz/fuzz_$t" "${args[@]}" "${extra[@]}" "$corpus" "$build_dir/seeds/$t" \
    >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  peak=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
  if ((status)); then
    failed=1
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" | head -5 || true
    tail -3 "$log"
    summary+=("$(printf '%-9s FAILED (exit %d): see %s and %s' "$t" "$status" "$log" "$crashes")")
  else
    summary+=("$(printf '%-9s %12s execs  %7s exec/s  peak RSS %5s MB  corpus %s files' "$t" \
      "${runs:-?}" "${rate:-?}" "${peak:-?}" "$(find "$corpus" -type f | wc -l)")")
  fi
done

echo "== fuzz summary (${seconds}s per target)"
printf '%s\n' "${summary[@]}"
exit "$failed"
