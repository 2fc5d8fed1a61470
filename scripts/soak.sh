#!/usr/bin/env bash
# Soak test of the release binary: hourly `--now` runs over simulated days, with faults injected
# at random — kill -9 at a random moment of a run, a full output disk, a bad input file — then
# checks that the site is live and complete, the database passes PRAGMA integrity_check, every
# run without a fault published, and `status` shows no run still running.
#
#   scripts/soak.sh [--days 60] [--seed 1] [--binary .build/release/neuralbrain]
#
# The full disk is a small tmpfs holding the output (root only: without mount rights that fault
# is left out, and the script says so). CI runs `scripts/soak.sh --days 3` (scripts/test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
days=60
seed=1
binary=.build/release/neuralbrain
while [ $# -gt 0 ]; do
  case "$1" in
    --days) days=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --binary) binary=$2; shift 2 ;;
    *) echo "soak: unknown argument $1" >&2; exit 64 ;;
  esac
done
[ -x "$binary" ] || swift build -c release --product neuralbrain >&2
binary=$(realpath "$binary")
work=$(mktemp -d /tmp/neuralbrain-soak.XXXXXX)
output="$work/output"
state="$work/state"
mkdir -p "$output" "$state"
mounted=0
cleanup() {
  if [ "$mounted" = 1 ]; then umount "$output" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
if mount -t tmpfs -o size=96m tmpfs "$output" 2>/dev/null; then
  mounted=1
else
  echo "soak: cannot mount a tmpfs (not root?): the full-disk fault is left out" >&2
fi
printf 'date,region,metric,value\n2025-01-01,a,cases,3\n2025-01-01,a,cases,4\n' > "$work/duplicate.csv"

RANDOM=$seed
ok=0 faulted=0 failures=0
start=$(date -u -d 2025-01-01T00:00:00Z +%s)
common=(--regions 3 --state-dir "$state" --output "$output" --log-format json)
for ((hour = 0; hour < days * 24; hour++)); do
  now=$(date -u -d "@$((start + hour * 3600))" +%Y-%m-%dT%H:%M:%SZ)
  roll=$((RANDOM % 100))
  if [ $roll -lt 6 ]; then
    # kill -9 somewhere between the start and the end of a run
    "$binary" run --now "$now" "${common[@]}" >/dev/null 2>&1 &
    pid=$!
    sleep "0.$((RANDOM % 35))"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    faulted=$((faulted + 1))
  elif [ $roll -lt 9 ] && [ "$mounted" = 1 ]; then
    # the output disk is full
    free=$(df --output=avail -B1 "$output" | tail -1)
    fallocate -l $((free - 8192)) "$output/.filler" 2>/dev/null || dd if=/dev/zero of="$output/.filler" bs=1M count=$((free / 1048576)) 2>/dev/null || true
    status=0
    "$binary" run --now "$now" "${common[@]}" >/dev/null 2>"$work/err" || status=$?
    rm -f "$output/.filler"
    if [ $status -eq 0 ]; then echo "soak: $now published on a full disk?" >&2; fi
    faulted=$((faulted + 1))
  elif [ $roll -lt 12 ]; then
    # a bad input file: exit 65, the previous release stays live
    before=$(readlink "$output/current" || true)
    status=0
    "$binary" run --now "$now" --source csv --input "$work/duplicate.csv" --state-dir "$state" --output "$output" \
      >/dev/null 2>"$work/err" || status=$?
    after=$(readlink "$output/current" || true)
    if [ $status -ne 65 ] || [ "$before" != "$after" ]; then
      echo "soak: $now bad input gave exit $status and moved current from $before to $after" >&2
      failures=$((failures + 1))
    fi
    faulted=$((faulted + 1))
  else
    status=0
    "$binary" run --now "$now" "${common[@]}" >/dev/null 2>"$work/err" || status=$?
    if [ $status -eq 0 ]; then
      ok=$((ok + 1))
    else
      echo "soak: $now failed with exit $status: $(tail -c 400 "$work/err")" >&2
      failures=$((failures + 1))
    fi
  fi
done
# One last clean run settles whatever the last fault left.
"$binary" run --now "$(date -u -d "@$((start + days * 24 * 3600))" +%Y-%m-%dT%H:%M:%SZ)" "${common[@]}" >/dev/null 2>"$work/err" \
  && ok=$((ok + 1)) || { echo "soak: the final run failed: $(tail -c 400 "$work/err")" >&2; failures=$((failures + 1)); }

check() {
  if eval "$2"; then echo "soak: ok — $1"; else echo "soak: FAILED — $1" >&2; failures=$((failures + 1)); fi
}
check "the site is live and complete" \
  '[ -f "$output/current/index.html" ] && [ -f "$output/current/api/v1/status.json" ] && [ -f "$output/current/feed.xml" ]'
check "no staging folders are left" '[ -z "$(find "$output" -name ".*.partial" -print -quit)" ]'
check "the database passes integrity_check" \
  '[ "$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"PRAGMA integrity_check\").fetchone()[0])" "$state/neuralbrain.sqlite")" = ok ]'
succeeded=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT count(*) FROM run WHERE status='succeeded'\").fetchone()[0])" "$state/neuralbrain.sqlite")
check "every run without a fault published ($ok clean runs, $succeeded succeeded runs recorded)" '[ "$succeeded" -ge "$ok" ]'
check "status shows no run running" \
  '! "$binary" status --state-dir "$state" --output "$output" --json | grep -q "\"status\" : \"running\""'
echo "soak: $((days * 24 + 1)) runs over $days days, $faulted with a fault injected, $failures problems"
[ $failures -eq 0 ]
