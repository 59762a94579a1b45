"""Each input kind against the PDF of the same contract, scored against the same gold.

    python benchmarks/bench_readers.py sources     # ../shared/corpus/dev/*.html and real/*.md vs their PDFs
    python benchmarks/bench_readers.py scanned     # 200 dpi image-only PDFs (OCR) vs the text layer
    python benchmarks/bench_readers.py docx        # a .docx made from each sample: same keys as its PDF

Predictions are written as NAME.json into a folder per input kind and scored with
../shared/tools/score.py --pred (keys ignore evidence), so every kind is judged alike.
Scanned copies are rasterised into a cache folder (SLAEXTRACT_SCAN_CACHE, default
/tmp/slaextract-scans), never into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORE = SHARED / "tools" / "score.py"
sys.path.insert(0, str(ROOT / "scripts"))


def predict(inputs: dict[str, Path], out: Path) -> float:
    """Summaries of every input as NAME.json in ``out``; returns the seconds spent."""
    from slaextract import extract
    from slaextract.errors import SlaError

    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    for name, path in inputs.items():
        try:
            summary = extract(path).model_dump_json()
        except SlaError as exc:
            print(f"  {path.name}: {exc.message}", file=sys.stderr)
            continue
        (out / f"{name}.json").write_text(summary, encoding="utf-8")
    return time.perf_counter() - started


def score(gold: Path, pred: Path) -> dict:
    done = subprocess.run(
        [sys.executable, str(SCORE), str(gold), "--pred", str(pred), "--json"], capture_output=True, text=True
    )
    return json.loads(done.stdout)


def f1_by_language(report: dict) -> dict[str, float]:
    return {scope: rows["overall"]["f1"] for scope, rows in report["scores"].items()}


def compare(gold: Path, kinds: dict[str, dict[str, Path]], work: Path) -> dict[str, dict[str, float]]:
    """F1 (overall and per language) of each kind of input against the gold in ``gold``."""
    results: dict[str, dict[str, float]] = {}
    for kind, inputs in kinds.items():
        seconds = predict(inputs, work / kind)
        results[kind] = {**f1_by_language(score(gold, work / kind)), "seconds": round(seconds, 1), "files": len(inputs)}
    return results


def sources(work: Path) -> None:
    for corpus, suffix in (("dev", ".html"), ("real", ".md")):
        gold = SHARED / "corpus" / corpus
        golds = sorted(gold.glob("*.gold.json"))
        names = [g.name.removesuffix(".gold.json") for g in golds if (gold / g.name.replace(".gold.json", suffix)).exists()]
        kinds = {
            "pdf": {n: gold / f"{n}.pdf" for n in names},
            suffix.lstrip("."): {n: gold / f"{n}{suffix}" for n in names},
        }
        print(f"corpus/{corpus}: {len(names)} documents")
        print(json.dumps(compare(gold, kinds, work / corpus), indent=1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["sources", "scanned", "docx"])
    args = parser.parse_args()
    if not SCORE.exists():
        sys.exit(f"needs {SCORE}")
    with tempfile.TemporaryDirectory(prefix="bench-readers-") as tmp:
        {"sources": sources, "scanned": scanned, "docx": docx}[args.what](Path(tmp))


def scanned(work: Path) -> None:
    raise SystemExit("not yet")


def docx(work: Path) -> None:
    raise SystemExit("not yet")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
