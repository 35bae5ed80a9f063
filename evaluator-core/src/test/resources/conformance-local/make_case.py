"""Writes one COCO conformance case (schema coco-voc-conformance/1, COCO part) scored by pycocotools.

Usage: python make_case.py CASE_DIR
CASE_DIR holds gt.json, dt.json and optionally params.json (pycocotools Params names: useCats, iouThrs,
maxDets, ...); expected.json is written beside them. See README.md for the versions used.
"""
import contextlib
import importlib.metadata
import io
import json
import os
import platform
import sys

import numpy as np
from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval


def mean_valid(values):
    valid = values[values > -1]
    return float(np.mean(valid)) if valid.size else -1.0


def main(case_dir):
    with open(os.path.join(case_dir, "gt.json")) as f:
        gt_json = json.load(f)
    with open(os.path.join(case_dir, "dt.json")) as f:
        dt_json = json.load(f)
    params_file = os.path.join(case_dir, "params.json")
    overrides = {}
    if os.path.exists(params_file):
        with open(params_file) as f:
            overrides = json.load(f)
    iou_type = overrides.get("iouType", "bbox")
    with contextlib.redirect_stdout(io.StringIO()):  # COCO() and loadRes() print their progress
        gt = COCO(os.path.join(case_dir, "gt.json"))
        dt = gt.loadRes(os.path.join(case_dir, "dt.json"))
        ev = COCOeval(gt, dt, iou_type)
        for key, value in overrides.items():
            if key == "iouType":
                continue
            # thresholds are numpy arrays in Params (accumulate and summarize compare against them)
            setattr(ev.params, key, np.array(value) if key in ("iouThrs", "recThrs") else value)
        ev.evaluate()
        ev.accumulate()
    summary = io.StringIO()
    with contextlib.redirect_stdout(summary):
        ev.summarize()
    p = ev.params
    area = p.areaRngLbl.index("all")
    max_det = len(p.maxDets) - 1
    precision = ev.eval["precision"]
    recall = ev.eval["recall"]
    cat_ids = p.catIds if p.useCats else [-1]
    per_category = []
    for k, cat in enumerate(cat_ids):
        row = {"category_id": int(cat)}
        row["AP"] = mean_valid(precision[:, :, k, area, max_det])
        for label, thr in (("AP50", 0.5), ("AP75", 0.75)):
            t = np.where(p.iouThrs == thr)[0]
            row[label] = mean_valid(precision[t, :, k, area, max_det]) if t.size else -1.0
        row["AR"] = mean_valid(recall[:, k, area, max_det])
        per_category.append(row)
    expected = {
        "schema": "coco-voc-conformance/1",
        "case": os.path.basename(os.path.normpath(case_dir)),
        "kind": "coco",
        "status": "ok",
        "error": None,
        "oracle": {"name": "pycocotools COCOeval (%s)" % iou_type, "source": "PyPI pycocotools",
                   "version": importlib.metadata.version("pycocotools"),
                   "numpy": np.__version__, "python": platform.python_version()},
        "inputs": {"images": len(gt_json["images"]), "categories": len(gt_json["categories"]),
                   "gt_annotations": len(gt_json["annotations"]),
                   "gt_crowd": sum(1 for a in gt_json["annotations"] if a.get("iscrowd", 0)),
                   "detections": len(dt_json)},
        "coco": {
            "via": "loadRes",
            "params": {"iouType": iou_type, "useCats": int(p.useCats), "iouThrs": [float(x) for x in p.iouThrs],
                       "recThrs": [float(x) for x in p.recThrs], "maxDets": [int(x) for x in p.maxDets],
                       "areaRng": [[float(a), float(b)] for a, b in p.areaRng], "areaRngLbl": list(p.areaRngLbl),
                       "imgIds": sorted(int(x) for x in p.imgIds), "catIds": sorted(int(x) for x in p.catIds)},
            "stats_labels": ["AP", "AP50", "AP75", "APsmall", "APmedium", "APlarge", "AR1", "AR10", "AR100",
                             "ARsmall", "ARmedium", "ARlarge"],
            "stats": [float(x) for x in ev.stats],
            "per_category_areaRng": "all",
            "per_category_maxDets": int(p.maxDets[max_det]),
            "per_category": per_category,
            "summary_lines": [line for line in summary.getvalue().splitlines() if line.strip()],
        },
        "voc": None,
    }
    with open(os.path.join(case_dir, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
