#!/usr/bin/env python3
"""nbrunner benchmarks: each figure next to its anchor, measured side by side in one run
(interleaved repetitions, medians). Not a test: it prints figures and ratios.

  .venv/bin/python scripts/benchmark.py [--cells 300,1000] [--reps 3] [--nbrunner PATH]

Rows so far:
  save policy — a notebook of N trivial cells: nbrunner (launcher, --save-every 5s) vs bare
  `python -m papermill IN OUT` with papermill's defaults (a full rewrite at every cell start
  and end). Target at 300 cells: ratio <= 0.3.
"""
import argparse, os, statistics, subprocess, sys, tempfile, time

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def notebook(path, cells):
    nb = new_notebook(cells=[new_code_cell(f"x = {i}") for i in range(cells)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)


def timed(command):
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(command)}")
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cells", default="300,1000")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--nbrunner", default=os.path.join(ROOT, ".build/debug/nbrunner"))
    args = parser.parse_args()
    python = sys.executable
    work = tempfile.mkdtemp(prefix="nbrunner-bench-")
    print(f"python {python}, nbrunner {args.nbrunner}, {os.cpu_count()} cores, {args.reps} interleaved repetitions, medians")
    print(f"{'figure':<38} {'nbrunner':>10} {'anchor':>10} {'ratio':>7}")
    for cells in [int(c) for c in args.cells.split(",")]:
        source = os.path.join(work, f"cells-{cells}.ipynb")
        notebook(source, cells)
        ours, theirs = [], []
        for _ in range(args.reps):  # interleaved: both see the same machine state
            theirs.append(timed([python, "-m", "papermill", source, os.path.join(work, "pm.ipynb"), "--no-progress-bar"]))
            ours.append(timed([args.nbrunner, "run", source, "--python", python, "--termination-log", "",
                               "--output", os.path.join(work, "nb.ipynb"), "--result", os.path.join(work, "nb.json")]))
        a, b = statistics.median(ours), statistics.median(theirs)
        print(f"{f'save policy, {cells} trivial cells (s)':<38} {a:>10.2f} {b:>10.2f} {a / b:>7.2f}")


if __name__ == "__main__":
    main()
