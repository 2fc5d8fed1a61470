#!/usr/bin/env bash
# Side by side with the Python peer of ../shared/bench (issue 14), on the release binary.
#
# Usage: Benchmarks/side-by-side.sh [--weekly "500 2000"] [--daily "2000 10000"] [--runs 3]
#                                   [--peer-venv DIR] [--no-peer]
#
# For each weekly size N: make_input.py --regions N --weeks 156 --seed 1, then the peer
# (peer_pipeline.py --jobs 1) and `neuralbrain run --source hub` RUNS times each from cold
# (no output or state from an earlier run), then RUNS unchanged reruns of neuralbrain on the
# last full run's output. For each daily size D: one cold `neuralbrain run --regions D`. Prints
# wall time and peak RSS (/usr/bin/time), medians, the speed-up, the rerun's share of a full run
# and the bytes a release takes per region. Each cold run starts in a new directory and the old
# ones are deleted only when the script ends: ext4 without a journal (this machine's) skips
# inodes freed in the last 60 s when it allocates new ones, so a run started right after
# `rm -rf` of the previous run's thousands of files pays a scan per file it creates — a cost of
# the benchmark, not of either program (docs/performance.md, "fifth pass"). The peer needs its virtual environment
# (bash ../shared/bench/setup_peer.sh /tmp/peer-venv); without it, or with --no-peer, only
# neuralbrain runs. NEURALBRAIN_EXECUTABLE overrides .build/release/neuralbrain.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/../shared/bench"
binary="${NEURALBRAIN_EXECUTABLE:-$root/.build/release/neuralbrain}"
weekly="500 2000"
daily="2000 10000"
runs=3
venv="/tmp/peer-venv"
peer=1
while [ $# -gt 0 ]; do
  case "$1" in
    --weekly) weekly="$2"; shift 2 ;;
    --daily) daily="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --peer-venv) venv="$2"; shift 2 ;;
    --no-peer) peer=0; shift ;;
    *) echo "unknown argument: $1 (see the usage at the top of $0)" >&2; exit 64 ;;
  esac
done
[ -x "$binary" ] || { echo "no release binary at $binary: run swift build -c release first" >&2; exit 69; }
if [ ! -f "$bench/make_input.py" ]; then
  echo "skipping the weekly comparison: $bench (the peer and its input generator) is absent" >&2
  weekly=""
fi
if [ "$peer" = 1 ] && [ ! -x "$venv/bin/python" ]; then
  echo "no peer virtual environment at $venv (bash $bench/setup_peer.sh $venv): timing neuralbrain only" >&2
  peer=0
fi
python="$([ -x "$venv/bin/python" ] && echo "$venv/bin/python" || echo python3)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Moves the directory $1 (if any) out of the way, to be deleted when the script ends.
retire() {
  [ -e "$1" ] || return 0
  mkdir -p "$work/retired"
  mv "$1" "$(mktemp -d "$work/retired/XXXXXX")/"
}

# Runs a command, appends "seconds max-rss-KiB" to the file $1.
timed() {
  local log="$1"; shift
  # The previous run's dirty pages (2 GB at 10,000 daily regions) are written back first: the
  # kernel flushes them 30 s after they were written, in the middle of the next run otherwise.
  sync
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2> "$work/stderr" || {
    echo "failed: $*" >&2; cat "$work/stderr" >&2; exit 70
  }
  cat "$work/time" >> "$log"
}
# The median of column $2 of file $1.
median() { sort -n -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print v[int((NR + 1) / 2)] }'; }

printf '| input | peer: median s / max RSS MiB | neuralbrain: median s / max RSS MiB | speed-up | unchanged rerun: median s (share of a full run) |\n'
printf '|---|---|---|---|---|\n'
for n in $weekly; do
  input="$work/input-$n.csv"
  "$python" "$bench/make_input.py" --regions "$n" --weeks 156 --seed 1 --out "$input" > /dev/null
  peer_cell="-"
  ratio="-"
  if [ "$peer" = 1 ]; then
    for _ in $(seq "$runs"); do
      retire "$work/peer-out"
      MPLBACKEND=Agg timed "$work/peer-$n" "$venv/bin/python" "$bench/peer_pipeline.py" \
        --input "$input" --out "$work/peer-out" --jobs 1
    done
    peer_s="$(median "$work/peer-$n" 1)"
    peer_cell="$peer_s / $(( $(median "$work/peer-$n" 2) / 1024 ))"
  fi
  for _ in $(seq "$runs"); do
    retire "$work/nb"
    timed "$work/nb-$n" "$binary" run --source hub --input "$input" --output "$work/nb/out" \
      --state-dir "$work/nb/state" --now 2025-01-12T06:00:00Z
  done
  nb_s="$(median "$work/nb-$n" 1)"
  for hour in $(seq -w 7 $(( 6 + runs ))); do
    timed "$work/rerun-$n" "$binary" run --source hub --input "$input" --output "$work/nb/out" \
      --state-dir "$work/nb/state" --now "2025-01-12T$hour:00:00Z"
  done
  rerun_s="$(median "$work/rerun-$n" 1)"
  [ "$peer" = 1 ] && ratio="$(awk -v p="$peer_s" -v s="$nb_s" 'BEGIN { printf "%.1f×", p / s }')"
  share="$(awk -v r="$rerun_s" -v s="$nb_s" 'BEGIN { printf "%.0f%%", 100 * r / s }')"
  printf '| %s weekly hub regions | %s | %s / %s | %s | %s (%s) |\n' "$n" "$peer_cell" "$nb_s" \
    "$(( $(median "$work/nb-$n" 2) / 1024 ))" "$ratio" "$rerun_s" "$share"
done

printf '\n| daily demo regions | neuralbrain: s / max RSS MiB | release on disk | per region |\n|---|---|---|---|\n'
for d in $daily; do
  retire "$work/daily"
  timed "$work/daily-$d" "$binary" run --regions "$d" --output "$work/daily/out" \
    --state-dir "$work/daily/state" --now 2026-11-30T06:00:00Z
  release="$(ls -d "$work"/daily/out/releases/*/ | head -1)"
  bytes="$(du -sb "$release" | cut -f1)"
  printf '| %s | %s / %s | %s MB | %s KB |\n' "$d" "$(cut -d' ' -f1 "$work/daily-$d")" \
    "$(( $(cut -d' ' -f2 "$work/daily-$d") / 1024 ))" "$(( bytes / 1000000 ))" "$(( bytes / d / 1000 ))"
done
