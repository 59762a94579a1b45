"""Benchmark: how long each rule takes to scan the adversarial strings of tests/robustness/test_redos.py.

    .venv/bin/python benchmarks/bench_redos.py [--bound 2.0] [--top 10]

The test suite proves that no rule can hang a run (a timeout that becomes "no match", a generous
internal timeout per scan, tokenization counted); this measures the speed, which a test must not
assert on a shared machine. For each rule: the slowest of the seven 100k-character strings, best of
--repeat runs, its own timing only (phrase rules: tokenization once warmed up, then the lookup).
Prints the slowest --top rules as a Markdown table and exits 1 when any is over --bound seconds.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "robustness"))

from test_redos import ADVERSARIAL, N  # noqa: E402 - the strings the tests use, in one place

from slaextract.rules import default_rules  # noqa: E402


def scan_seconds(rule, text: str, repeat: int) -> float:
    best = float("inf")
    for attempt in range(repeat):
        probe = text if rule.pattern is not None else f"{text} ({attempt})"  # phrase tokens are cached per text
        start = time.perf_counter()
        for _ in rule.pattern.finditer(probe) if rule.pattern is not None else rule.finditer(probe):
            pass
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bound", type=float, default=2.0, help="seconds a rule may take on one string")
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rules = default_rules().rules
    for rule in rules:
        if rule.pattern is None:
            list(rule.finditer("warm-up"))  # load the language's segmenter outside the timing
    worst: list[tuple[float, str, str]] = []
    for rule in rules:
        seconds, name = max((scan_seconds(rule, text, args.repeat), name) for name, text in ADVERSARIAL.items())
        worst.append((seconds, rule.id, name))
    worst.sort(reverse=True)
    print(f"| rule | slowest string ({N // 1000}k chars) | seconds |\n|---|---|---|")
    for seconds, rule_id, name in worst[: args.top]:
        print(f"| {rule_id} | {name} | {seconds:.3f} |")
    over = [w for w in worst if w[0] > args.bound]
    print(f"\n{len(rules)} rules, {len(over)} over {args.bound:g} s")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
