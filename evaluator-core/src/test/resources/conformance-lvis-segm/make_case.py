"""Builds an LVIS segm case from an LVIS box case: the same ground truth (polygons), and every detection
turned into a mask: an octagon inside its box, corners cut by random fractions, as compressed RLE without a
bbox (so lvis-api, like pycocotools' loadRes, takes the area from the mask and the box from toBbox).
Then runs lvis-api's LVISEval(gt, dt, "segm") and writes expected.json.

usage: PYTHONPATH=<lvis-api checkout> python make_case.py <box case dir> <out dir> <seed>
"""
import json
import os
import random
import sys

import numpy as np
import pycocotools
import pycocotools.mask as mask_utils

src, out, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
rng = random.Random(seed)
gt = json.load(open(os.path.join(src, "gt.json")))
dts = json.load(open(os.path.join(src, "dt.json")))
size = {im["id"]: (im["height"], im["width"]) for im in gt["images"]}
results = []
for d in dts:
    x, y, w, h = d["bbox"]
    cx, cy = w * rng.uniform(0.05, 0.3), h * rng.uniform(0.05, 0.3)
    poly = [x + cx, y, x + w - cx, y, x + w, y + cy, x + w, y + h - cy,
            x + w - cx, y + h, x + cx, y + h, x, y + h - cy, x, y + cy]
    hh, ww = size[d["image_id"]]
    rle = mask_utils.merge(mask_utils.frPyObjects([poly], hh, ww))
    rle["counts"] = rle["counts"].decode("ascii")
    results.append({"image_id": d["image_id"], "category_id": d["category_id"], "segmentation": rle,
                    "score": d["score"]})
os.makedirs(out, exist_ok=True)
json.dump(gt, open(os.path.join(out, "gt.json"), "w"))
json.dump(results, open(os.path.join(out, "dt.json"), "w"))

from lvis import LVISEval  # noqa: E402

e = LVISEval(os.path.join(out, "gt.json"), os.path.join(out, "dt.json"), "segm")
e.run()
rename = {"AR@300": "AR", "ARs@300": "ARs", "ARm@300": "ARm", "ARl@300": "ARl"}


def mean(a):
    a = a[a > -1]
    return float(np.mean(a)) if a.size else -1.0


thr = e.params.iou_thrs
per = []
for k, cid in enumerate(e.params.cat_ids):
    p = e.eval["precision"][:, :, k, 0]
    per.append({"id": cid, "AP": mean(p), "AP50": mean(p[np.where(thr == 0.5)[0]]),
                "AP75": mean(p[np.where(thr == 0.75)[0]]), "AR": mean(e.eval["recall"][:, k, 0])})
expected = {
    "schema": "deteval-lvis-segm/1",
    "case": os.path.basename(os.path.normpath(out)),
    "source_case": os.path.basename(os.path.normpath(src)),
    "oracle": {"name": "lvis-api LVISEval (segm)", "commit": "7d7f07def11da91f8b2710ce352c62a78fd5a7ad",
               "pycocotools": pycocotools.__version__ if hasattr(pycocotools, "__version__") else "2.0.11",
               "numpy": np.__version__, "python": sys.version.split()[0], "seed": seed},
    "stats": {rename.get(k, k): float(v) for k, v in e.results.items()},
    "perCategory": per,
}
json.dump(expected, open(os.path.join(out, "expected.json"), "w"), indent=1)
print(expected["stats"])
