"""Coverage-guided fuzzing of the targets in targets.py with atheris (libFuzzer for Python).

    python fuzz/atheris_fuzz.py text  [libFuzzer options] [CORPUS_DIR]
    python fuzz/atheris_fuzz.py bytes [libFuzzer options] [CORPUS_DIR]

For `bytes`, an empty CORPUS_DIR is first filled with the seed PDFs from targets.seeds().
A finding is written by libFuzzer as crash-<sha1>; replay it with the same command and the
file in place of the corpus.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["slaextract"]):
    import targets


def fuzz_text(data: bytes) -> None:
    targets.text_to_summary(atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(4096))


def fuzz_bytes(data: bytes) -> None:
    targets.bytes_to_document(data)


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in ("text", "bytes"):
        sys.exit(__doc__)
    target = sys.argv.pop(1)
    if target == "bytes":
        for arg in sys.argv[1:]:
            corpus = Path(arg)
            if not arg.startswith("-") and corpus.is_dir() and not any(corpus.iterdir()):
                for name, data in targets.seeds().items():
                    (corpus / f"seed-{name}.pdf").write_bytes(data)
    atheris.Setup(sys.argv, fuzz_text if target == "text" else fuzz_bytes)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
