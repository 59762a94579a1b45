"""Benchmark: a batch of thousands of contracts — parallel speed-up, memory, resume, Dask overhead.

    .venv/bin/python benchmarks/bench_batch.py [--documents 2000] [--skip-dask]

Builds --documents contracts into benchmarks/.cache/batch-N/ (git-ignored, built once): copies of
the samples and of the test contracts (tests/contracts*/), each made unique by a comment after
its end-of-file marker, so that every input has its own content hash (the result store would
otherwise read a copy once) while reading costs what the original costs. Then, each as a cold
subprocess of the CLI with the results cache off:

  1. `extract DIR --jobs 1 -o …` and `--jobs 2`: documents/s, pages/s, speed-up, peak memory of
     the whole run (the sum of the resident memory of the CLI and its workers, sampled every
     0.2 s), and the time 10,000 documents would take at the --jobs 2 rate;
  2. `--jobs 2 --out-dir D -o …` interrupted with SIGINT at about half-way, then the same
     command again: every input has exactly one result, and none was read twice (the index
     records every document read);
  3. `--cluster local:2` against `--jobs 2`: the wall-time overhead of Dask (cluster start-up
     included), when the `cluster` extra is installed.

Prints one Markdown block of figures. Run it on an otherwise idle machine for figures worth
comparing; the load average at the start and the end is printed beside them.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CACHE = HERE / ".cache"
SOURCES = [ROOT / "samples", *sorted(ROOT.glob("tests/contracts*"))]


def originals() -> list[Path]:
    return sorted(p for folder in SOURCES for p in folder.rglob("*.pdf"))


def build_corpus(n: int) -> Path:
    """n unique contracts (copies of the originals, round robin), built once."""
    folder = CACHE / f"batch-{n}"
    if folder.is_dir() and len(list(folder.iterdir())) == n:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    sources = originals()
    for k in range(n):
        source = sources[k % len(sources)]
        data = source.read_bytes() + f"\n% copy {k} for bench_batch\n".encode()
        (folder / f"{k:05d}-{source.name}").write_bytes(data)
    return folder


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (Linux /proc)."""
    total, stack = 0, [pid]
    page = os.sysconf("SC_PAGE_SIZE")
    while stack:
        p = stack.pop()
        try:
            total += int(Path(f"/proc/{p}/statm").read_text().split()[1]) * page
            stack += [int(c) for t in Path(f"/proc/{p}/task").iterdir()
                      for c in (t / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


@dataclass
class Run:
    code: int
    seconds: float
    peak_mb: float
    stderr: str
    cpu: float = 0.0  # CPU seconds of the CLI and every worker it reaped
    pages: int = 0
    documents: int = 0


def cli(*args: str, stop_when=None) -> Run:
    """Run the CLI, sampling its memory; with stop_when, send SIGINT once stop_when() is true."""
    env = {**os.environ, "SLAEXTRACT_CACHE_DIR": "off"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "slaextract", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, env=env)
    peak, done = 0, threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.2):
            peak = max(peak, tree_rss(proc.pid))
            if stop_when is not None and stop_when():
                proc.send_signal(signal.SIGINT)
                return

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = proc.communicate()
    seconds = time.monotonic() - start
    done.set()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return Run(proc.returncode, seconds, peak / 2**20, stderr, cpu)


def count(output: Path, run: Run) -> Run:
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    run.documents = len(records)
    run.pages = sum(r["document"]["pages"] for r in records if "document" in r)
    return run


def throughput(corpus: Path, work: Path, jobs: int) -> Run:
    out = work / f"jobs{jobs}.jsonl"
    return count(out, cli("extract", str(corpus), "--jobs", str(jobs), "-o", str(out)))


def resume(corpus: Path, work: Path, n: int) -> list[str]:
    out_dir, out = work / "resume", work / "resume.jsonl"
    index = out_dir / "index.jsonl"

    def half_done() -> bool:
        return index.exists() and index.read_text(encoding="utf-8").count("\n") >= n // 2

    args = ("extract", str(corpus), "--jobs", "2", "--out-dir", str(out_dir), "-o", str(out))
    first = cli(*args, stop_when=half_done)
    kept = out.read_text(encoding="utf-8").count("\n")
    second = cli(*args)
    records = [json.loads(line) for line in index.read_text(encoding="utf-8").splitlines()]
    read = Counter(r["input"] for r in records if not r["reused"])
    inputs = {str(p) for p in corpus.iterdir()}
    lines = out.read_text(encoding="utf-8").splitlines()
    return [
        f"- interrupted run: exit {first.code} after {first.seconds:.1f} s, "
        f"`{first.stderr.strip().splitlines()[-1] if first.stderr.strip() else ''}`; "
        f"{kept} lines kept in the --output file",
        f"- rerun: exit {second.code} in {second.seconds:.1f} s; output lines {len(lines)} of {n}; "
        f"inputs with a result {len(set(read) & inputs)} of {n}; read twice: {sum(c > 1 for c in read.values())}",
    ]


def dask_overhead(corpus: Path, work: Path, local: Run) -> list[str]:
    """Dask against --jobs 2: in all, and per document once the cluster's start-up (measured on a
    one-document batch against --jobs 2 on the same document) is taken out."""
    if importlib.util.find_spec("distributed") is None:
        return ["- Dask: skipped (pip install 'slaextract[cluster]')"]
    out = work / "dask.jsonl"
    run = count(out, cli("extract", str(corpus), "--cluster", "local:2", "-o", str(out)))
    single = str(next(iter(sorted(corpus.iterdir()))))
    start_up = cli("extract", single, "--cluster", "local:2").seconds - cli("extract", single, "--jobs", "2").seconds
    overall = run.seconds / local.seconds - 1
    per_document = (run.seconds - start_up) / local.seconds - 1
    return [
        f"- `--cluster local:2`: {run.seconds:.1f} s for {run.documents} documents (exit {run.code}), "
        f"`--jobs 2`: {local.seconds:.1f} s → {overall:+.1%} in all; cluster start-up and shutdown "
        f"{start_up:.1f} s; per document {per_document:+.1%} "
        f"({(run.seconds - start_up - local.seconds) / run.documents * 1000:+.1f} ms)",
    ]


def line(name: str, run: Run) -> str:
    return (f"| {name} | {run.documents} | {run.pages} | {run.seconds:.1f} | {run.documents / run.seconds:.2f} | "
            f"{run.pages / run.seconds:.1f} | {run.cpu:.1f} | {run.peak_mb:.0f} | {run.code} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args()
    n = args.documents
    corpus = build_corpus(n)
    load = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        work = Path(tmp)
        one = throughput(corpus, work, 1)
        two = throughput(corpus, work, 2)
        report = [
            f"{n} documents ({len(originals())} originals, copied round robin); {os.cpu_count()} CPUs, "
            f"Python {platform.python_version()}; load average at start {load[0]:.1f}",
            "",
            "| run | documents | pages | wall s | documents/s | pages/s | CPU s | peak MB (all processes) | exit |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
            line("--jobs 1", one),
            line("--jobs 2", two),
            "",
            f"- speed-up --jobs 2 / --jobs 1: {one.seconds / two.seconds:.2f}× (wall time); CPU seconds "
            f"--jobs 2 / --jobs 1: {two.cpu / one.cpu:.2f} (the work parallelism adds)",
            f"- 10,000 documents at the --jobs 2 rate: {10_000 / (two.documents / two.seconds) / 60:.1f} min",
        ]
        report += resume(corpus, work, n)
        if not args.skip_dask:
            report += dask_overhead(corpus, work, two)
    report.append(f"- load average at the end: {os.getloadavg()[0]:.1f}")
    print("\n".join(report))


if __name__ == "__main__":
    main()
