#!/usr/bin/env python3
"""`make bench`: every ci/bench/bench_*.py, side by side with its anchors in one run.

Each module defines ``run(report)`` and calls ``report.row(...)`` per comparison.
Results are ratios measured in this run (never timed assertions); the table goes to
stdout and, as JSON, to build/bench.json.
"""
import glob
import importlib.util
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def best_of(fn, repeat=5, number=1):
    """Best wall time of `repeat` runs of fn() called `number` times, per call."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for _ in range(number):
            fn()
        best = min(best, (time.perf_counter() - t) / number)
    return best


class Report:
    def __init__(self):
        self.rows = []

    def row(self, name, ours, anchor_name, anchor, goal=None, unit="s"):
        """ours/anchor in the same unit; ratio = ours / anchor (lower is better).
        goal: the ratio the issue asks for (met when ratio <= goal)."""
        ratio = ours / anchor if anchor else float("nan")
        met = None if goal is None else ratio <= goal
        self.rows.append({"name": name, "ours": ours, "anchor_name": anchor_name,
                          "anchor": anchor, "ratio": ratio, "goal": goal, "met": met, "unit": unit})
        goal_s = "" if goal is None else f"goal <= {goal:g}x: {'met' if met else 'NOT met'}"
        ratio_s = f"{ratio:8.3f}x" if not 0 < ratio < 0.01 else f"1/{1 / ratio:.0f}".rjust(9)
        print(f"{name:<52} {fmt(ours, unit):>12} vs {anchor_name:<28} {fmt(anchor, unit):>12}"
              f"  ratio {ratio_s}  {goal_s}", flush=True)

    def note(self, text):
        print(f"  {text}", flush=True)


def fmt(v, unit):
    if unit == "s":
        if v < 1e-6:
            return f"{v * 1e9:.0f} ns"
        if v < 1e-3:
            return f"{v * 1e6:.2f} us"
        if v < 1:
            return f"{v * 1e3:.1f} ms"
        return f"{v:.2f} s"
    return f"{v:.4g} {unit}"


def main(argv):
    sys.path.insert(0, os.path.join(ROOT, "python"))
    only = argv[1:]
    report = Report()
    for path in sorted(glob.glob(os.path.join(HERE, "bench_*.py"))):
        name = os.path.basename(path)[:-3]
        if only and name not in only:
            continue
        print(f"== {name}", flush=True)
        spec = importlib.util.spec_from_file_location(name, path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        mod.run(report)
    os.makedirs(os.path.join(ROOT, "build"), exist_ok=True)
    with open(os.path.join(ROOT, "build", "bench.json"), "w") as f:
        json.dump(report.rows, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
