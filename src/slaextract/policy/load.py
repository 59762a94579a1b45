"""Policy YAML → Policy, with every problem reported as `file:line: where: what`.

PyYAML's constructed data forgets where things were, so we compose the node tree first,
record the line of every mapping key and sequence item, and only then construct the data.
A pydantic error location is walked through that map to the nearest line we know.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..errors import PolicyError
from .model import Policy, Requirement, Waiver

Location = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    line: int
    where: str
    message: str

    def render(self, source: str) -> str:
        where = f"{self.where}: " if self.where else ""
        return f"{source}:{self.line}: {where}{self.message}"


class PolicyValidationError(PolicyError):
    """The policy parsed as YAML but breaks the policy format; one line per problem."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.message for p in problems), source)
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join(problem.render(self.path or "<policy>") for problem in self.problems)

    def __reduce__(self) -> tuple[type[PolicyValidationError], tuple[str, list[Problem]]]:
        # SlaError pickles as (message, path); this error is rebuilt from its problems instead.
        return (type(self), (self.path or "<policy>", self.problems))


def _record_lines(node: yaml.Node, path: Location, lines: dict[Location, int], problems: list[Problem]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*path, str(key_node.value))
            if child in lines:
                problems.append(
                    Problem(key_node.start_mark.line + 1, _where(child), f"duplicate key '{key_node.value}'")
                )
            lines[child] = key_node.start_mark.line + 1
            _record_lines(value_node, child, lines, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*path, index)] = item.start_mark.line + 1
            _record_lines(item, (*path, index), lines, problems)


def _parse(text: str, source: str) -> tuple[Any, dict[Location, int]]:
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise PolicyError("the policy file is empty (it needs at least `version: 1`)", source)
        lines: dict[Location, int] = {(): node.start_mark.line + 1}
        problems: list[Problem] = []
        _record_lines(node, (), lines, problems)
        if problems:
            raise PolicyValidationError(source, problems)
        return loader.construct_document(node), lines
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = exc.problem or exc.context or "invalid YAML"
        raise PolicyValidationError(source, [Problem(line, "", f"YAML syntax error: {problem}")]) from None
    except yaml.YAMLError as exc:
        raise PolicyError(f"YAML error: {exc}", source) from None
    finally:
        loader.dispose()


def _where(path: Location) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _field_names(depth: int) -> set[str]:
    """Keys a policy may have where the unknown one is: the top level, or inside a requirement or waiver."""
    if depth <= 1:
        return set(Policy.model_fields)
    models: list[type[BaseModel]] = [Waiver, *get_args(get_args(Requirement)[0])]
    return {name for model in models for name in model.model_fields}


def _walk(loc: tuple[str | int, ...], data: Any) -> tuple[Location, Location]:
    """(the part of `loc` present in the data, the whole location as a reader should see it)."""
    found: Location = ()
    shown: Location = ()
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
            found, shown = (*found, str(part)), (*shown, part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            found, shown = (*found, part), (*shown, part)
        elif (isinstance(node, dict) and node.get("type") == part) or part == "[key]":
            continue  # pydantic's own markers: the union tag it chose, or "this error is about a dict key"
        else:
            shown = (*shown, part)
            node = None
    return found, shown


def _message(error: ErrorDetails, last: str | int | None, depth: int = 1) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(str(last), sorted(_field_names(depth) - {str(last)}), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"unknown key '{last}'{hint}"
    if kind == "missing":
        return f"missing required key '{last}'"
    if kind == "union_tag_invalid":
        return f"unknown requirement type '{error['ctx']['tag']}'; expected one of {error['ctx']['expected_tags']}"
    if kind == "union_tag_not_found":
        return "a requirement needs a 'type' key"
    message = str(error["msg"]).removeprefix("Value error, ")
    message = message[:1].lower() + message[1:]
    if kind == "literal_error":
        return f"invalid value {error['input']!r}: {message}"
    return message


def _problems(exc: ValidationError, data: Any, lines: dict[Location, int]) -> list[Problem]:
    problems = []
    for error in exc.errors():
        found, shown = _walk(tuple(error["loc"]), data)
        if error["type"] == "union_tag_invalid":
            found = shown = (*found, "type")
        problems.append(
            Problem(_line(found, lines), _where(shown), _message(error, shown[-1] if shown else None, len(shown)))
        )
    return problems


def _line(path: Location, lines: dict[Location, int]) -> int:
    while path not in lines:
        path = path[:-1]
    return lines[path]


def load_policy_text(text: str, source: str) -> Policy:
    """Validate policy YAML; `source` names it in errors (a path, or preset:NAME)."""
    data, lines = _parse(text, source)
    if not isinstance(data, dict):
        raise PolicyValidationError(source, [Problem(1, "", "the policy must be a mapping (key: value lines)")])
    try:
        policy = Policy.model_validate(data)
    except ValidationError as exc:
        raise PolicyValidationError(source, _problems(exc, data, lines)) from None
    problems = [Problem(_line(path, lines), _where(path), message) for path, message in policy.reference_problems()]
    if not policy.requirements and not policy.consistency:  # one that asks for nothing passes every contract
        where: Location = ("requirements",) if "requirements" in data else ()
        problems.append(Problem(_line(where, lines), "requirements", "a policy needs at least one requirement"))
    if problems:
        raise PolicyValidationError(source, problems)
    return policy


def load_policy(path: str | Path) -> Policy:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PolicyError("no such policy file", str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"cannot read policy file ({exc})", str(path)) from None
    return load_policy_text(text, str(path))
