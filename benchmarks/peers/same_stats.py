#!/usr/bin/env python3
"""Check that deteval and a peer printed the same COCO summary numbers.

Usage: same_stats.py DETEVAL_REPORT.json PEER_OUTPUT.txt [TOLERANCE]

DETEVAL_REPORT.json is `deteval eval ... --format json`; PEER_OUTPUT.txt holds the JSON list printed by
peer_eval.py (its last line is read). Exits 0 when all summary numbers agree within TOLERANCE (1e-12 by
default), 1 otherwise, naming each difference.
"""
import json
import sys

BOX_OR_MASK = ["AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl"]
KEYPOINTS = ["AP", "AP50", "AP75", "APm", "APl", "AR", "AR50", "AR75", "ARm", "ARl"]


def main(argv):
    if len(argv) not in (3, 4):
        sys.exit(__doc__)
    tolerance = float(argv[3]) if len(argv) == 4 else 1e-12
    report = json.load(open(argv[1]))
    with open(argv[2]) as f:
        peer = json.loads([line for line in f if line.strip()][-1])
    names = KEYPOINTS if len(peer) == len(KEYPOINTS) else BOX_OR_MASK
    ours = report["stats"]
    bad = 0
    for name, theirs in zip(names, peer):
        mine = ours.get(name)
        if mine is None:
            mine = ours.get(name + "20") if name.startswith("AR") and len(peer) == 10 else None
        if mine is None or abs(mine - theirs) > tolerance:
            print(f"{name}: deteval {mine!r}, peer {theirs!r}")
            bad += 1
    print(f"{len(names) - bad} of {len(names)} summary numbers agree within {tolerance}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main(sys.argv)
