"""Snapshot the clause summary of every known document, and diff two snapshots.

A refactor must not change what the tool prints; a rule change should change only what it
meant to. This runs `slaextract.extract` on the samples, the test contracts and (when present)
../shared/corpus/{dev,real}, writes one JSON per document, and compares two such folders.

    python scripts/snapshot_outputs.py write /tmp/before
    ... change the code ...
    python scripts/snapshot_outputs.py write /tmp/after
    python scripts/snapshot_outputs.py diff /tmp/before /tmp/after   # exit 1 when anything differs
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def inputs() -> list[Path]:
    folders = [ROOT / "samples", *sorted((ROOT / "tests").glob("contracts*/en")), *sorted((ROOT / "tests").glob("contracts*/zh"))]
    folders += [SHARED / "corpus" / "dev", SHARED / "corpus" / "real"]
    found: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            found += sorted(folder.glob("*.pdf"))
    return found


def snapshot_name(path: Path) -> str:
    return f"{path.parent.name}__{path.stem}.json"


def summarize_one(path: Path) -> tuple[str, str]:
    from slaextract import extract

    try:
        data = extract(path).model_dump(mode="json")
        data["document"]["path"] = path.name  # the folder the run came from is not an output
    except Exception as exc:  # a snapshot records failures as outputs too
        data = {"error": f"{type(exc).__name__}: {exc}"}
    return snapshot_name(path), json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)


def write(out: Path, jobs: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(jobs) as pool:
        for name, text in pool.map(summarize_one, inputs()):
            (out / name).write_text(text + "\n", encoding="utf-8")
    print(f"wrote {len(list(out.glob('*.json')))} summaries to {out}")


def diff(before: Path, after: Path, context: int) -> int:
    names = sorted({p.name for p in before.glob("*.json")} | {p.name for p in after.glob("*.json")})
    changed = 0
    for name in names:
        old = (before / name).read_text(encoding="utf-8").splitlines() if (before / name).exists() else []
        new = (after / name).read_text(encoding="utf-8").splitlines() if (after / name).exists() else []
        if old != new:
            changed += 1
            sys.stdout.writelines(line + "\n" for line in difflib.unified_diff(old, new, name, name, n=context, lineterm=""))
    print(f"{changed} of {len(names)} summaries differ")
    return 1 if changed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write", help="summarize every known document into DIR")
    w.add_argument("dir", type=Path)
    w.add_argument("--jobs", type=int, default=2)
    d = sub.add_parser("diff", help="compare two snapshot folders; exit 1 when they differ")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    d.add_argument("--context", type=int, default=2)
    args = parser.parse_args()
    if args.command == "write":
        write(args.dir, args.jobs)
        return 0
    return diff(args.before, args.after, args.context)


if __name__ == "__main__":
    sys.exit(main())
