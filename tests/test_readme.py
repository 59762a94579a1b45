"""Every README block marked `<!-- runnable ... -->` runs, in order, in one scratch folder, so an
example cannot rot. `file=NAME` writes the block to NAME for later blocks (a policy, a gold file);
`exit=N` is the exit code a shell block must end with (default 0). Python blocks run with the
suite's interpreter, shell blocks with bash, both with the interpreter's bin folder on PATH."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from paths import ROOT

MARK = re.compile(r"^<!-- runnable(?P<attrs>[^>]*)-->\n```(?P<lang>\w*)\n(?P<body>.*?)^```$", re.M | re.S)
SHELLS = {"sh", "bash", "shell", "console"}


@dataclass(frozen=True)
class Block:
    line: int
    lang: str
    body: str
    file: str | None
    exit: int

    @property
    def id(self) -> str:
        return f"README.md:{self.line}:{self.file or self.lang}"


def blocks() -> list[Block]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    out = []
    for m in MARK.finditer(text):
        attrs = dict(re.findall(r"(\w+)=(\S+)", m["attrs"]))
        line = text.count("\n", 0, m.start()) + 1
        out.append(Block(line, m["lang"], m["body"], attrs.get("file"), int(attrs.get("exit", 0))))
    return out


BLOCKS = blocks()


def test_the_readme_has_runnable_examples():
    kinds = {b.lang for b in BLOCKS if b.file is None}
    assert {"python", "sh"} <= kinds


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("readme")
    (folder / "samples").symlink_to(ROOT / "samples")
    return folder


@pytest.mark.parametrize("block", BLOCKS, ids=[b.id for b in BLOCKS])
def test_runnable_block(block: Block, scratch: Path):
    if block.file is not None:
        target = scratch / block.file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(block.body, encoding="utf-8")
        return
    if block.lang == "python":
        argv = [sys.executable, "-c", block.body]
    elif block.lang in SHELLS:
        argv = ["bash", "-eo", "pipefail", "-c", block.body]
    else:
        pytest.fail(f"{block.id}: a runnable block is python or shell, not {block.lang!r}")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    run = subprocess.run(argv, cwd=scratch, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == block.exit, f"{block.id} exited {run.returncode}\n{run.stdout}\n{run.stderr}"
