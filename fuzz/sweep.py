"""Run the CLI over a folder of hostile inputs and classify every outcome.

    python -m fuzz.sweep DIR [--jobs 2] [--timeout 60] [--sample N] [--no-alone] [--details FILE]

Every file is read twice, the way users run slaextract: in batches (``slaextract extract F1 F2 …``,
``--jobs`` batches side by side, each a contiguous slice of the sorted files) and alone (one
``slaextract extract F`` per file). Each outcome falls in one class:

    json         exit 0 and one JSON summary on stdout
    clean error  exit 2 and exactly one ``slaextract: PATH: message`` line on stderr
    traceback    a Python traceback (or more than one line) on stderr
    hang         the process outlived the per-document --timeout by a wide margin and was killed
    out of memory the document stopped at the worker's memory cap (or the process was killed)
    wrong exit   any other exit code, or exit 0 without JSON / exit 2 without a message

and the batch outcome of each file is compared with its outcome alone: the same summary (the
``document`` block and every term) or the same error message. The table is printed at the end;
``--details`` writes one JSON line per file (class, message, peak memory) for a closer look.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

CLASSES = ("json", "clean error", "traceback", "hang", "out of memory", "wrong exit")
# words of the messages that mean "stopped at the memory cap" (batch.py: LimitError, died())
MEMORY_WORDS = ("out of memory", "memory limit")
# a process gets this much longer than its documents' --timeout before it counts as hung
GRACE_S = 30.0


@dataclass
class Outcome:
    path: str
    kind: str
    message: str = ""  # the error message, or a digest of the summary
    peak_mb: float = 0.0  # the process's peak resident memory (alone runs)


def command(files: list[Path], timeout: float) -> list[str]:
    return [sys.executable, "-m", "slaextract", "extract", "--timeout", f"{timeout:g}", *map(str, files)]


def run(cmd: list[str], limit: float) -> tuple[int | None, str, str, float]:
    """Exit code (None: killed as hung), stdout, stderr, peak RSS in MB of the process and its children."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        hung = threading.Event()
        killer = threading.Timer(limit, lambda: (hung.set(), proc.kill()))
        killer.start()
        try:
            # wait4 reports this child's peak RSS, or its largest reaped descendant's (the worker), in kB
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            killer.cancel()
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    return (None if hung.is_set() else code), *text, usage.ru_maxrss / 1024


def summary_digest(line: str) -> str:
    """What must agree between a batch and a lone run: everything but the path (the sha256 is kept)."""
    data = json.loads(line)
    data.get("document", {}).pop("path", None)
    for item in ("coverage", "response_times", "channels", "availability", "service_credits"):
        for term in data.get(item) or []:
            (term.get("evidence") or {}).pop("path", None)
    return "json " + json.dumps(data, sort_keys=True, ensure_ascii=False)


def message_of(line: str, path: str) -> str:
    prefix = f"slaextract: {path}: "
    return line[len(prefix) :] if line.startswith(prefix) else line


def classify_message(message: str) -> str:
    return "out of memory" if any(w in message for w in MEMORY_WORDS) else "clean error"


def alone(path: Path, timeout: float) -> Outcome:
    code, out, err, peak = run(command([path], timeout), timeout + GRACE_S)
    outcome = classify(str(path), code, out, err)
    outcome.peak_mb = peak
    return outcome


def classify(path: str, code: int | None, out: str, err: str) -> Outcome:
    """The outcome of `slaextract extract PATH` from its exit code (None: killed as hung) and output."""
    lines = err.strip().splitlines()
    if code is None:
        return Outcome(path, "hang")
    if "Traceback" in err or len(lines) > 1:
        return Outcome(path, "traceback", err.strip()[-300:])
    if code == 0:
        try:
            return Outcome(path, "json", summary_digest(out))
        except (ValueError, AttributeError):
            return Outcome(path, "wrong exit", "exit 0 without a JSON summary")
    if code == 2 and len(lines) == 1:
        message = message_of(lines[0], path)
        return Outcome(path, classify_message(message), message)
    if code in (-9, 137):
        return Outcome(path, "out of memory", f"killed (exit {code})")
    return Outcome(path, "wrong exit", f"exit {code}: {err.strip()[-200:]}")


def batch(files: list[Path], timeout: float) -> list[Outcome]:
    """One process for `files`; each file's outcome from its JSON line (and stderr line)."""
    code, out, err, _ = run(command(files, timeout), len(files) * timeout + GRACE_S)
    lines = json_values(out)
    crashed = "Traceback" in err
    outcomes: list[Outcome] = []
    for i, path in enumerate(files):
        p = str(path)
        if i >= len(lines):
            kind = "hang" if code is None else ("traceback" if crashed else "wrong exit")
            outcomes.append(Outcome(p, kind, "no line in the batch output"))
            continue
        try:
            data = json.loads(lines[i])
        except ValueError:
            outcomes.append(Outcome(p, "wrong exit", "a line that is not JSON"))
            continue
        if data.get("path") == p and "error" in data:
            outcomes.append(Outcome(p, classify_message(data["error"]), data["error"]))
        else:
            outcomes.append(Outcome(p, "json", summary_digest(lines[i])))
    if crashed:  # a traceback in a batch is a failure of the batch, whatever the lines say
        outcomes = [Outcome(o.path, "traceback", err.strip()[-300:]) if o.kind == "json" else o for o in outcomes]
    return outcomes


def json_values(out: str) -> list[str]:
    """The JSON values printed one after another (JSON Lines; a batch of one file prints one indented value)."""
    values: list[str] = []
    decoder, i = json.JSONDecoder(), 0
    while True:
        while i < len(out) and out[i].isspace():
            i += 1
        if i >= len(out):
            return values
        try:
            _, end = decoder.raw_decode(out, i)
        except ValueError:
            end = out.find("\n", i)  # not JSON: the line is kept, to be reported
            end = len(out) if end < 0 else end
        values.append(out[i:end])
        i = end


def inputs(folder: Path, sample: int | None, seed: int) -> list[Path]:
    files = sorted(f for f in folder.rglob("*") if f.is_file() and f.suffix.lower() in {".pdf", ".txt", ".md"})
    if sample is not None and sample < len(files):
        files = sorted(random.Random(seed).sample(files, sample))
    return files


def slices(files: list[Path], n: int) -> list[list[Path]]:
    size = -(-len(files) // max(n, 1))
    return [files[i : i + size] for i in range(0, len(files), size)] if files else []


def sweep(files: list[Path], jobs: int, timeout: float, lone: bool) -> tuple[list[Outcome], list[Outcome]]:
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        batched = [o for part in pool.map(lambda s: batch(s, timeout), slices(files, jobs)) for o in part]
        single = list(pool.map(lambda f: alone(f, timeout), files)) if lone else []
    return batched, single


def table(batched: list[Outcome], single: list[Outcome], seconds: float) -> str:
    rows = [("outcome", "batch", "alone")]
    b, s = Counter(o.kind for o in batched), Counter(o.kind for o in single)
    rows += [(k, str(b[k]), str(s[k]) if single else "-") for k in CLASSES]
    rows.append(("files", str(len(batched)), str(len(single)) if single else "-"))
    lines = [f"{a:<14} {x:>6} {y:>6}" for a, x, y in rows]
    if single:
        differ = [x.path for x, y in zip(batched, single, strict=True) if (x.kind, x.message) != (y.kind, y.message)]
        lines.append(f"batch vs alone: {len(batched) - len(differ)} identical, {len(differ)} differ")
        lines += [f"  differs: {p}" for p in differ[:20]]
        peak = max(single, key=lambda o: o.peak_mb)
        lines.append(f"peak memory alone: {peak.peak_mb:.0f} MB ({Path(peak.path).name})")
    lines.append(f"wall time: {seconds:.0f} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m fuzz.sweep", description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--jobs", type=int, default=2, help="processes side by side (default 2)")
    ap.add_argument("--timeout", type=float, default=60.0, help="--timeout per document (default 60 s)")
    ap.add_argument("--sample", type=int, help="only this many files, picked at random (--seed)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--no-alone", action="store_true", help="batches only, no run per file")
    ap.add_argument("--details", type=Path, help="write one JSON line per file here")
    args = ap.parse_args(argv)
    if not args.folder.is_dir():
        print(f"sweep: {args.folder} is not a folder", file=sys.stderr)
        return 2
    files = inputs(args.folder, args.sample, args.seed)
    start = time.monotonic()
    batched, single = sweep(files, args.jobs, args.timeout, not args.no_alone)
    print(table(batched, single, time.monotonic() - start))
    if args.details:
        with args.details.open("w", encoding="utf-8") as fh:
            for i, o in enumerate(batched):
                row = {"batch": asdict(o), "alone": asdict(single[i]) if single else None}
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    bad = sum(o.kind in ("traceback", "hang", "wrong exit") for o in batched + single)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
