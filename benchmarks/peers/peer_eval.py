#!/usr/bin/env python3
"""Score one ground-truth / results pair with a peer evaluator, for side-by-side timing with deteval.

Usage: peer_eval.py pycocotools|faster-coco-eval GT.json DT.json bbox|segm|keypoints

Prints the summary numbers (twelve; ten for keypoints) as a JSON list with every digit Python keeps, so
they can be compared with deteval's `--format json` "stats" (see same_stats.py). Time it from outside, e.g. /usr/bin/time -f "%e %U %M", so interpreter start and file reading
count, as they do for deteval's whole-process numbers.
"""
import json
import sys


def main(argv):
    if len(argv) != 5:
        sys.exit(__doc__)
    tool, gt_path, dt_path, iou_type = argv[1:]
    if tool == "pycocotools":
        from pycocotools.coco import COCO
        from pycocotools.cocoeval import COCOeval as Evaluator
    elif tool == "faster-coco-eval":
        from faster_coco_eval import COCO
        from faster_coco_eval import COCOeval_faster as Evaluator
    else:
        sys.exit("unknown tool " + tool)
    gt = COCO(gt_path)
    dt = gt.loadRes(dt_path)
    ev = Evaluator(gt, dt, iou_type)
    ev.evaluate()
    ev.accumulate()
    ev.summarize()
    print(json.dumps([float(s) for s in ev.stats]))


if __name__ == "__main__":
    main(sys.argv)
