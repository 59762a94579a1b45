"""Results that survive: one JSON file per input and an append-only index, reused on a rerun.

`--out-dir DIR` holds `<name>.<hash>.json` per input (the hash is of the input's absolute path,
so two inputs never collide) and `index.jsonl`, one line appended per finished document. A
rerun reuses a result whose input has the same content (sha256) and was read by the same
engine: the same slaextract version, code and rules (`engine_id`). `--force` reads everything
again; `--retry-failed` reads again only the inputs that failed.

Without --out-dir a batch keeps its results in a cache folder of the same layout
(SLAEXTRACT_CACHE_DIR, default ~/.cache/slaextract/results; set it to "off" to keep none), so
that an interrupted batch can be resumed by running the same command. The cache reuses only
summaries, never failures: a failure may depend on --timeout or on how busy the machine was.

The index is append-only (a line per result, the last one per input wins), so an interrupted
or killed run leaves every line it finished readable; a torn last line is ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from .. import __version__, errors
from ..errors import SlaError
from ..model import ClauseSummary
from ..resources import patterns_dir

INDEX = "index.jsonl"
Result = ClauseSummary | SlaError


class Redo(StrEnum):
    """Which stored results a rerun reads again."""

    nothing = "nothing"
    failed = "failed"  # --retry-failed
    everything = "everything"  # --force


@cache
def engine_id() -> str:
    """What a stored result depends on besides its input: version, code and rules (a digest)."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parents[1]
    files = sorted(package.rglob("*.py")) + sorted(patterns_dir().rglob("*.yaml"))
    for file in files:
        digest.update(file.name.encode())
        digest.update(file.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def content_hash(path: Path) -> str | None:
    try:
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        return digest.hexdigest()
    except OSError:  # missing or unreadable: it is read (and fails) every time
        return None


def default_cache_dir() -> Path | None:
    configured = os.environ.get("SLAEXTRACT_CACHE_DIR")
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "none") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "slaextract" / "results"


@dataclass(frozen=True)
class Record:
    """One line of the index."""

    input: str
    sha256: str
    file: str
    ok: bool
    engine: str
    reused: bool = False
    pages: int = 0

    @classmethod
    def parse(cls, line: str) -> Record | None:
        try:
            data = json.loads(line)
            return cls(**{key: data[key] for key in cls.__dataclass_fields__ if key in data})
        except (ValueError, TypeError, KeyError):
            return None  # a line torn by a kill


class ResultStore:
    """A folder of per-input results and their index (see the module docstring)."""

    def __init__(self, folder: Path, keep_failures: bool = True) -> None:
        self.folder = folder
        self.keep_failures = keep_failures
        self.by_sha: dict[str, Record] = {}  # the latest result of each content
        self.by_input: dict[tuple[str, str], Record] = {}  # the latest result of each input and content
        folder.mkdir(parents=True, exist_ok=True)
        self.load()

    def load(self) -> None:
        index = self.folder / INDEX
        if not index.exists():
            return
        engine = engine_id()
        with index.open(encoding="utf-8") as fh:
            for line in fh:
                record = Record.parse(line)
                if record is not None and record.engine == engine:
                    self.remember(record)

    def remember(self, record: Record) -> None:
        self.by_sha[record.sha256] = record
        self.by_input[record.input, record.sha256] = record

    def lookup(self, path: Path, sha: str | None, redo: Redo) -> Result | None:
        """The stored result for this input, rewritten for its path; None when it must be read."""
        record = (self.by_input.get((str(path), sha)) or self.by_sha.get(sha)) if sha else None
        if record is None or redo is Redo.everything or (not record.ok and redo is Redo.failed):
            return None
        if not record.ok and not self.keep_failures:
            return None
        try:
            data = json.loads((self.folder / record.file).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not record.ok:
            kind = getattr(errors, data.get("kind", ""), errors.InputError)
            return kind(data["error"], str(path))
        data["document"]["path"] = str(path)  # the same content may have been stored under another name
        return ClauseSummary.model_validate(data)

    def file_name(self, path: Path) -> str:
        stem = re.sub(r"[^\w.-]+", "_", path.stem)[:80] or "input"
        key = hashlib.sha256(str(path.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:12]
        return f"{stem}.{key}.json"

    def save(self, path: Path, sha: str | None, result: Result, reused: bool) -> None:
        """Write this input's result file (atomically), then its index line."""
        if sha is None or (isinstance(result, SlaError) and not self.keep_failures):
            return
        if reused and (str(path), sha) in self.by_input:
            return  # its own result, already on file
        name = self.file_name(path)
        ok = isinstance(result, ClauseSummary)
        if ok:
            text = json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2)
        else:
            body = {"path": str(path), "error": result.message, "kind": type(result).__name__}
            text = json.dumps(body, ensure_ascii=False, indent=2)
        write_atomically(self.folder / name, text + "\n")
        record = Record(str(path), sha, name, ok, engine_id(), reused, result.document.pages if ok else 0)
        line = json.dumps({**record.__dict__, "time": time.strftime("%Y-%m-%dT%H:%M:%S%z")}, ensure_ascii=False)
        with (self.folder / INDEX).open("a", encoding="utf-8") as fh:
            fh.write(line + "\n")
        self.remember(record)


def write_atomically(target: Path, text: str) -> None:
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, target)
