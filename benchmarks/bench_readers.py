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
sys.path.insert(0, str(ROOT / "tests"))


def keys(summary: dict, field: str):
    from scoring import keys as field_keys

    return field_keys(summary, field)


FIELDS = ["coverage", "response_times", "channels", "availability", "service_credits", "credit_cap_percent",
          "claim_window_days"]  # fmt: skip


def predict(inputs: dict[str, Path], out: Path) -> float:
    """Summaries of every input as NAME.json in ``out``; returns the seconds spent."""
    from slaextract import extract
    from slaextract.errors import SlaError

    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    shard, shards = (int(v) for v in os.environ.get("BENCH_SHARD", "0/1").split("/"))
    for k, (name, path) in enumerate(inputs.items()):
        if k % shards != shard or (os.environ.get("BENCH_RESUME") and (out / f"{name}.json").exists()):
            continue
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


def scan_inputs() -> tuple[dict[str, Path], dict[str, Path], Path]:
    """Samples and dev PDFs, and their 200 dpi image-only copies (made once into the cache)."""
    from build_samples_inputs import scan_pdf

    cache = Path(os.environ.get("SLAEXTRACT_SCAN_CACHE", "/tmp/slaextract-scans"))
    sources = {p.stem: p for p in sorted((ROOT / "samples").glob("*.pdf"))}
    sources |= {p.stem: p for p in sorted((SHARED / "corpus" / "dev").glob("*.pdf"))}
    sources = dict(sorted(sources.items(), key=lambda kv: (page_count(kv[1]), kv[0][:2] != "zh")))
    scans = {}
    for name, pdf in sources.items():
        scans[name] = cache / "pdf" / f"{name}.pdf"
        if not scans[name].exists():
            scan_pdf(pdf, scans[name])
    return sources, scans, cache


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def gold_folder(work: Path, names: list[str]) -> Path:
    """Dev gold and the samples' expected summaries of ``names``, side by side as NAME.gold.json."""
    gold = work / "gold"
    gold.mkdir(parents=True, exist_ok=True)
    for name in names:
        for source in (SHARED / "corpus" / "dev" / f"{name}.gold.json", ROOT / "samples" / f"{name}.expected.json"):
            if source.exists():
                (gold / f"{name}.gold.json").write_bytes(source.read_bytes())
    return gold


def scanned(work: Path) -> None:
    """F1 of the scanned copies against the text layer, per language."""
    sources, scans, cache = scan_inputs()
    pred = cache / "pred"
    if not os.environ.get("BENCH_SCORE_ONLY"):
        predict(sources, pred / "text")
        started = time.process_time()
        predict(scans, pred / "scanned")
        (pred / f"cpu-{os.getpid()}.txt").write_text(str(time.process_time() - started))
    # score what has been read both ways (a run can be stopped and resumed with BENCH_RESUME=1)
    done = [n for n in sources if (pred / "scanned" / f"{n}.json").exists() and (pred / "text" / f"{n}.json").exists()]
    gold = gold_folder(work, done)
    results = {kind: f1_by_language(score(gold, pred / kind)) for kind in ("text", "scanned")}
    pages = sum(page_count(scans[n]) for n in done)
    print(f"{len(done)} of {len(sources)} documents ({pages} pages) read both ways")
    print(json.dumps(results, indent=1))
    for lang in results["text"]:
        print(f"{lang}: scanned F1 {results['scanned'][lang]:.3f} / text F1 {results['text'][lang]:.3f} = "
              f"{results['scanned'][lang] / results['text'][lang]:.3f}")


def docx(work: Path) -> None:
    """A .docx made from each sample's HTML source: the same keys as its PDF."""
    from build_samples_inputs import docx_from_source

    samples = sorted((ROOT / "samples").glob("*.expected.json"))
    names = [e.name.removesuffix(".expected.json") for e in samples]
    made = {n: docx_from_source(ROOT / "samples" / f"{n}.html", work / "docx" / f"{n}.docx") for n in names}
    gold = gold_folder(work, names)
    results = compare(gold, {"pdf": {n: ROOT / "samples" / f"{n}.pdf" for n in names}, "docx": made}, work)
    print(json.dumps(results, indent=1))
    for n in names:
        a = json.loads((work / "pdf" / f"{n}.json").read_text(encoding="utf-8"))
        b = json.loads((work / "docx" / f"{n}.json").read_text(encoding="utf-8"))
        same = all(keys(a, f) == keys(b, f) for f in FIELDS)
        print(f"{n}: {'same keys' if same else 'DIFFERENT keys'}")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
