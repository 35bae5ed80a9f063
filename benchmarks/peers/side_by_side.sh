#!/usr/bin/env bash
# Whole-process timings of deteval (two jars) and the peers on the same files, alternating, in one run.
#
# Usage: side_by_side.sh NEW.jar BASE.jar WORK_DIR ROUNDS [PYTHON]
#   NEW.jar / BASE.jar  two builds of evaluator-core/target/deteval.jar (e.g. a branch and main); when
#                       NEW.jar has the launcher script `deteval` beside it (as in evaluator-core/target/),
#                       the launcher is timed too ("deteval-launcher"; its class-data archive is written
#                       by an untimed first run)
#   WORK_DIR            where the synthetic data sets are written (reused when present)
#   ROUNDS              alternating rounds for deteval and faster-coco-eval; pycocotools runs once per data set
#   PYTHON              a Python with pycocotools and faster-coco-eval (benchmarks/peers/README.md);
#                       default /work/peers-venv/bin/python
# Writes WORK_DIR/times.txt, one line per run: "<label> <wall s> <user CPU s> <peak RSS KB>", and checks
# after each peer run that its summary equals deteval's within 1e-12 (same_stats.py), stopping if not.
set -euo pipefail
NEW=$1; BASE=$2; W=$3; ROUNDS=$4; PY=${5:-/work/peers-venv/bin/python}
HERE=$(cd "$(dirname "$0")" && pwd)
LAUNCHER=$(dirname "$NEW")/deteval
[ -x "$LAUNCHER" ] || LAUNCHER=""
mkdir -p "$W"; T=$W/times.txt; : > "$T"
data() { # name, synth flags
  [ -f "$W/$1/detections.json" ] || java -jar "$NEW" synth $2 --out "$W/$1" > /dev/null
}
data bbox5000 "--images 5000 --seed 1"
data segm2000 "--segm --images 2000 --seed 3"
data segm5000 "--segm --images 5000 --seed 3"
data kp5000 "--keypoints --images 5000 --seed 3"
run() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "$label %e %U %M" -a -o "$T" "$@"
}
case_() { # data set, iou type
  local d=$W/$1 t=$2
  java -jar "$NEW" eval --gt "$d/instances.json" --dt "$d/detections.json" --iou-type "$t" --format json > "$W/$1.deteval.json"
  if [ -n "$LAUNCHER" ]; then
    "$LAUNCHER" eval --gt "$d/instances.json" --dt "$d/detections.json" --iou-type "$t" --format json > "$W/$1.launcher.json"
    cmp "$W/$1.deteval.json" "$W/$1.launcher.json"
  fi
  for r in $(seq "$ROUNDS"); do
    run "$1-deteval-new" java -jar "$NEW" eval --gt "$d/instances.json" --dt "$d/detections.json" --iou-type "$t" --format json > /dev/null
    if [ -n "$LAUNCHER" ]; then
      run "$1-deteval-launcher" "$LAUNCHER" eval --gt "$d/instances.json" --dt "$d/detections.json" --iou-type "$t" --format json > /dev/null
    fi
    run "$1-deteval-base" java -jar "$BASE" eval --gt "$d/instances.json" --dt "$d/detections.json" --iou-type "$t" --format json > /dev/null
    run "$1-faster-coco-eval" "$PY" "$HERE/peer_eval.py" faster-coco-eval "$d/instances.json" "$d/detections.json" "$t" > "$W/$1.fce.txt" 2>/dev/null
  done
  python3 "$HERE/same_stats.py" "$W/$1.deteval.json" "$W/$1.fce.txt"
  run "$1-pycocotools" "$PY" "$HERE/peer_eval.py" pycocotools "$d/instances.json" "$d/detections.json" "$t" > "$W/$1.pycocotools.txt" 2>/dev/null
  python3 "$HERE/same_stats.py" "$W/$1.deteval.json" "$W/$1.pycocotools.txt"
}
uptime >> "$W/load.txt"
case_ segm2000 segm
case_ segm5000 segm
case_ kp5000 keypoints
case_ bbox5000 bbox
uptime >> "$W/load.txt"
# medians per label
python3 - "$T" <<'PY'
import sys, statistics, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    label, wall, cpu, rss = line.split()
    rows[label].append((float(wall), float(cpu), int(rss)))
for label, runs in rows.items():
    walls = sorted(r[0] for r in runs)
    print(f"{label:32s} wall median {statistics.median(walls):6.2f} s  runs {', '.join('%.2f' % w for w in walls)}  "
          f"CPU median {statistics.median(r[1] for r in runs):6.2f} s  peak RSS median "
          f"{statistics.median(r[2] for r in runs) / 1e6:5.2f} GB")
PY
