#!/usr/bin/env python3
"""nbrunner benchmarks: each figure next to its anchor, measured side by side in one run
(interleaved repetitions, medians), with the ratio and the target. Not a test: it prints.

  .venv/bin/python scripts/benchmark.py [--quick] [--nbrunner PATH] [--bench PATH] [--reps N]

--quick (what CI runs) uses small sizes so the script keeps working; the full run is recorded
in docs/performance.md. Use release binaries for real figures:
  swift build -c release  (then --nbrunner .build/release/nbrunner --bench .build/release/nbrunner-bench)
"""
import argparse, base64, json, os, statistics, subprocess, sys, tempfile, threading, time

import nbformat
from nbformat.v4 import new_code_cell, new_notebook, new_output

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYTHON = sys.executable
ANCHOR_FULL_FOUNDATION_STATIC_MB = 58.8  # a Yams/full-Foundation static build, stripped (docs/performance.md)

# What the operator's generated bash script does today (docs/performance.md), reduced to
# the steps that cost time: import check, version check, papermill | tee, an nbformat parse in
# Python, json.tool.
OPERATOR_SCRIPT = r'''set -e
set -o pipefail
python -c "import papermill"
echo "Papermill version: $(python -c 'import papermill; print(papermill.__version__)')"
python -m papermill "$1" "$2" --log-output --progress-bar --report-mode 2>&1 | tee "$3/execution.log"
python3 - "$2" "$3/results.json" <<'PY'
import json, sys, nbformat
nb = nbformat.read(sys.argv[1], as_version=4)
cells = [{"cell_index": i, "cell_type": c.cell_type, "execution_count": c.get("execution_count"),
          "status": "failed" if any(o.output_type == "error" for o in c.get("outputs", [])) else "succeeded"}
         for i, c in enumerate(nb.cells)]
json.dump({"status": "succeeded", "cells": cells}, open(sys.argv[2], "w"), indent=2)
PY
cat "$3/results.json" | python3 -m json.tool
'''


def write(path, cells, kernel=True):
    nb = new_notebook(cells=cells)
    if kernel:
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


def run(command, env=None):
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    if done.returncode != 0:
        sys.exit(f"benchmark command failed ({done.returncode}): {' '.join(command)}")


def seconds(command, env=None):
    start = time.perf_counter()
    run(command, env)
    return time.perf_counter() - start


def row(figure, ours, anchor, target, unit="s"):
    ratio = f"{ours / anchor:.2f}" if anchor else ""
    anchor_text = f"{anchor:.3f}" if isinstance(anchor, float) else (anchor or "—")
    print(f"{figure:<52} {ours:>10.3f} {anchor_text:>10} {ratio:>7}  {target} ({unit})")


class Runner:
    def __init__(self, nbrunner, work):
        self.nbrunner, self.work = nbrunner, work

    def command(self, notebook, *extra):
        return [self.nbrunner, "run", notebook, "--python", PYTHON, "--termination-log", "",
                "--output", os.path.join(self.work, "out.ipynb"), "--result", os.path.join(self.work, "out.json"), *extra]


def has_children(pid):
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = open(f"/proc/{entry}/stat").read()
                if int(stat[stat.rindex(")") + 2:].split()[1]) == pid:
                    return True
            except (OSError, ValueError):
                pass
    return False


def peak_rss_of_process(command):
    """The highest VmRSS of the process itself (not its children), polled every 10 ms: while it
    has children (papermill streaming), and over the whole run (which ends by reading the
    executed notebook, whose size grows with the output)."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    streaming = whole = 0
    while process.poll() is None:
        try:
            with open(f"/proc/{process.pid}/status") as f:
                rss = next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
            whole = max(whole, rss)
            if has_children(process.pid):
                streaming = max(streaming, rss)
        except (OSError, StopIteration):
            pass
        time.sleep(0.01)
    return streaming / 1024, whole / 1024


def child_max_rss_mb(command):
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    start = time.perf_counter()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"benchmark command failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss / 1024


def cpu_and_wall(command):
    """Wall time and CPU time (user + system, the process and its children) of a command that
    must exit 0."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    start = time.perf_counter()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"benchmark command failed ({status >> 8}): {' '.join(command)}")
    return elapsed, usage.ru_utime + usage.ru_stime


def executed_notebook(path, cells, image_bytes=0, stream_lines=0):
    blob = base64.b64encode(os.urandom(image_bytes)).decode() if image_bytes else None
    out = []
    for i in range(cells):
        c = new_code_cell(f"x = {i}", execution_count=i + 1)
        c.outputs = []
        if blob:
            c.outputs.append(new_output("display_data", data={"image/png": blob, "text/plain": "<Figure>"}))
        c.outputs.append(new_output("stream", name="stdout", text="line of output\n" * max(stream_lines, 1)))
        out.append(c)
    write(path, out)
    source = path.replace(".ipynb", ".source.ipynb")
    write(source, [new_code_cell(f"x = {i}") for i in range(cells)])
    return source, path


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--reps", type=int)
    parser.add_argument("--nbrunner", default=os.path.join(ROOT, ".build/debug/nbrunner"))
    parser.add_argument("--bench", default=os.path.join(ROOT, ".build/debug/nbrunner-bench"))
    parser.add_argument("--static", default=os.path.join(ROOT, ".build-static/release/nbrunner"))
    args = parser.parse_args()
    quick = args.quick
    reps = args.reps or (1 if quick else 3)
    work = tempfile.mkdtemp(prefix="nbrunner-bench-")
    r = Runner(args.nbrunner, work)
    env = dict(os.environ, PATH=os.path.dirname(PYTHON) + ":" + os.environ.get("PATH", ""))
    print(f"nbrunner {args.nbrunner}; python {PYTHON}; {os.cpu_count()} cores; {reps} interleaved repetitions, medians"
          + (" (--quick: small sizes)" if quick else ""))
    print(f"{'figure':<52} {'nbrunner':>10} {'anchor':>10} {'ratio':>7}  target (unit)")

    trivial = write(os.path.join(work, "trivial.ipynb"), [new_code_cell("x = 1"), new_code_cell("print(x)")])
    script = os.path.join(work, "operator.sh")
    open(script, "w").write(OPERATOR_SCRIPT)
    ours, bare, operator = [], [], []
    for _ in range(reps):
        bare.append(seconds([PYTHON, "-m", "papermill", trivial, os.path.join(work, "pm.ipynb"), "--no-progress-bar"]))
        ours.append(seconds(r.command(trivial)))
        operator.append(seconds(["bash", script, trivial, os.path.join(work, "op.ipynb"), work], env))
    row("wall time, trivial notebook vs bare papermill", statistics.median(ours), statistics.median(bare), "ratio <= 1.05")
    row("wall time, trivial notebook vs operator script", statistics.median(ours), statistics.median(operator), "ratio <= 0.67 (1.5x faster)")

    # nbrunner's own memory while a cell prints a lot.
    for megabytes in ([5, 20] if quick else [50, 200]):
        lines = megabytes * 1024 * 1024 // 64
        loud = write(os.path.join(work, f"loud-{megabytes}.ipynb"), [
            new_code_cell(f"import sys\nline = 'x' * 63\nfor _ in range({lines}):\n    print(line)\nprint('y' * (5 * 1024 * 1024))")])
        samples = [peak_rss_of_process(r.command(loud)) for _ in range(max(1, reps // 2))]
        notebook_mb = os.path.getsize(os.path.join(work, "out.ipynb")) / 1024 / 1024
        row(f"nbrunner RSS while {megabytes} MB + a 5 MB line stream", statistics.median(s[0] for s in samples), None, "<= 20 MB, flat", "MB")
        row(f"  whole run incl. reading the {notebook_mb:.0f} MB notebook", statistics.median(s[1] for s in samples), None, "small multiple of notebook", "MB")

    # Result extraction from a big executed notebook vs nbformat.read.
    size_mb = 10 if quick else 100
    source, executed = executed_notebook(os.path.join(work, "big.ipynb"), 50, image_bytes=size_mb * 1024 * 1024 * 3 // 4 // 60, stream_lines=2000)
    file_mb = os.path.getsize(executed) / 1024 / 1024
    ours_t, ours_rss, theirs_t, theirs_rss = [], [], [], []
    for _ in range(reps):
        t, m = child_max_rss_mb([args.bench, "extract", source, executed]); ours_t.append(t); ours_rss.append(m)
        t, m = child_max_rss_mb([PYTHON, "-c", f"import nbformat; nbformat.read({executed!r}, as_version=4)"]); theirs_t.append(t); theirs_rss.append(m)
    row(f"result extraction, {file_mb:.0f} MB notebook vs nbformat.read", statistics.median(ours_t), statistics.median(theirs_t), "ratio <= 0.33 (3x faster)")
    row(f"result extraction peak RSS / file size ({file_mb:.0f} MB)", statistics.median(ours_rss) / file_mb, None, "<= 3", "x")

    # Result for many cells: linear, 10,000 cells within a second.
    times = {}
    for cells in ([100, 1000] if quick else [100, 1000, 10000]):
        source, executed = executed_notebook(os.path.join(work, f"cells-{cells}.ipynb"), cells)
        times[cells] = statistics.median(json.loads(subprocess.run([args.bench, "extract", source, executed],
                                                                   capture_output=True, text=True).stdout)["seconds"] for _ in range(reps))
        previous = times.get(cells // 10)
        row(f"result for {cells} cells", times[cells], previous, ("<= 1 s" if cells == 10000 else "") + ("; ratio ~10 = linear" if previous else ""))

    # Redaction with a big secret loaded (a CA bundle from Vault) vs none: one pass per line,
    # whatever the number of patterns; papermill's IOPub timeout must not fire.
    printed = 10_000 if quick else 100_000
    loud = write(os.path.join(work, "print-lines.ipynb"), [
        new_code_cell(f"for i in range({printed}):\n    print(f'line {{i}} of ordinary output: Abc+def/GHI 0123 {{i * 7919}}')")])
    vault = os.path.join(work, "vault")
    os.makedirs(vault, exist_ok=True)
    pem = "\n".join(["-----BEGIN CERTIFICATE-----"] + [base64.b64encode(os.urandom(48)).decode() for _ in range(1942)]
                    + ["-----END CERTIFICATE-----"])
    open(os.path.join(vault, "ca"), "w").write(f'export CA_BUNDLE="{pem}"\n')
    with_secret, without = [], []
    for _ in range(reps):
        without.append(cpu_and_wall(r.command(loud, "--secrets-dir", "")))
        with_secret.append(cpu_and_wall(r.command(loud, "--secrets-dir", vault)))
    row(f"{printed} printed lines, 1,944-line PEM loaded vs none", statistics.median(w for w, _ in with_secret),
        statistics.median(w for w, _ in without), "ratio <= 1.2, exit 0")
    row("  CPU time of the whole process tree, same runs", statistics.median(c for _, c in with_secret),
        statistics.median(c for _, c in without), "ratio <= 1.2")

    version = statistics.median(seconds([args.nbrunner, "--version"]) for _ in range(5 if quick else 20))
    row("nbrunner --version", version * 1000, None, "<= 10 ms", "ms")

    if os.path.exists(args.static):
        size = os.path.getsize(args.static) / 1024 / 1024
        row("stripped static binary (MiB)", size, ANCHOR_FULL_FOUNDATION_STATIC_MB, "<= 20 MB", "MiB")
    else:
        print(f"{'stripped static binary':<52} (not built: scripts/build-static.sh)")

    for cells in ([30] if quick else [300, 1000]):
        nb = write(os.path.join(work, f"save-{cells}.ipynb"), [new_code_cell(f"x = {i}") for i in range(cells)])
        ours, theirs = [], []
        for _ in range(reps):
            theirs.append(seconds([PYTHON, "-m", "papermill", nb, os.path.join(work, "pm.ipynb"), "--no-progress-bar"]))
            ours.append(seconds(r.command(nb)))
        row(f"save policy, {cells} trivial cells vs bare papermill", statistics.median(ours), statistics.median(theirs),
            "ratio <= 0.3" if cells == 300 else "")


if __name__ == "__main__":
    main()
