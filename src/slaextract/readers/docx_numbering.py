"""Word styles (heading levels) and numbering (the "3.2" or "(b)" Word draws before a paragraph).

A clause number is not in the text of a Word paragraph: Word computes it from numbering.xml.
Contracts lean on those numbers ("as set out in 4.2"), and the rules read a numbered clause
as the PDF shows it, so the label is rendered here: counters per list, reset below the level
that advanced, formatted as decimal, letters or roman numerals.
"""

from __future__ import annotations

import regex

from .docx_package import W

HEADING_NAME = regex.compile(r"^heading\s*([1-9])$", regex.IGNORECASE)
LEVEL_PLACEHOLDER = regex.compile(r"%([1-9])")
ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
         (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]  # fmt: skip


def val(el, path: str) -> str | None:
    """The w:val of the first element at ``path`` (tag names without prefix, '/'-separated)."""
    if el is None:
        return None
    for part in path.split("/"):
        el = el.find(f"{{{W}}}{part}")
        if el is None:
            return None
    return el.get(f"{{{W}}}val")


class Styles:
    def __init__(self, root) -> None:
        self.by_id: dict[str, object] = {}
        self.default: str | None = None
        if root is None:
            return
        for style in root.findall(f"{{{W}}}style"):
            sid = style.get(f"{{{W}}}styleId") or ""
            self.by_id[sid] = style
            if style.get(f"{{{W}}}type") == "paragraph" and style.get(f"{{{W}}}default") in ("1", "true"):
                self.default = sid

    def of(self, p) -> str | None:
        return val(p, "pPr/pStyle") or self.default

    def chain(self, sid: str | None):
        """The style and those it is based on, nearest first (cycles cut)."""
        seen: set[str] = set()
        while sid and sid in self.by_id and sid not in seen:
            seen.add(sid)
            style = self.by_id[sid]
            yield style
            sid = val(style, "basedOn")

    def heading_level(self, p, sid: str | None) -> int | None:
        """1 for a top-level heading; None for body text."""
        level = val(p, "pPr/outlineLvl")
        for style in self.chain(sid):
            if level is not None:
                break
            level = val(style, "pPr/outlineLvl")
            name = val(style, "name") or ""
            found = HEADING_NAME.match(name)
            if found:
                return int(found.group(1))
            if name.lower() == "title":
                return 1
        if level is not None and level.isdigit() and int(level) < 9:
            return int(level) + 1
        return None

    def numbering(self, sid: str | None) -> tuple[str | None, str | None]:
        for style in self.chain(sid):
            num = val(style, "pPr/numPr/numId")
            if num is not None:
                return num, val(style, "pPr/numPr/ilvl")
        return None, None


class Numbering:
    def __init__(self, root) -> None:
        self.abstract: dict[str, dict[int, tuple[str, str, int]]] = {}  # id → level → (format, text, start)
        self.nums: dict[str, str] = {}  # numId → abstractNumId
        self.counters: dict[str, list[int]] = {}
        if root is None:
            return
        for abstract in root.findall(f"{{{W}}}abstractNum"):
            levels = {}
            for lvl in abstract.findall(f"{{{W}}}lvl"):
                start = val(lvl, "start") or "1"
                levels[int(lvl.get(f"{{{W}}}ilvl") or 0)] = (
                    val(lvl, "numFmt") or "decimal",
                    val(lvl, "lvlText") or "",
                    int(start) if start.isdigit() else 1,
                )
            self.abstract[abstract.get(f"{{{W}}}abstractNumId") or ""] = levels
        for num in root.findall(f"{{{W}}}num"):
            self.nums[num.get(f"{{{W}}}numId") or ""] = val(num, "abstractNumId") or ""

    def label(self, p, sid: str | None, styles: Styles | None = None) -> str:
        """'4.2 ' for a numbered paragraph, '' for a bulleted or plain one."""
        num, ilvl = val(p, "pPr/numPr/numId"), val(p, "pPr/numPr/ilvl")
        if num is None and styles is not None:
            num, ilvl = styles.numbering(sid)
        levels = self.abstract.get(self.nums.get(num or "", ""), {})
        level = int(ilvl) if ilvl and ilvl.isdigit() else 0
        if not levels or level not in levels:
            return ""
        counters = self.counters.setdefault(num or "", [levels[k][2] - 1 if k in levels else 0 for k in range(9)])
        counters[level] += 1
        for deeper in range(level + 1, 9):
            counters[deeper] = levels[deeper][2] - 1 if deeper in levels else 0
        fmt, text, _ = levels[level]
        if fmt in ("bullet", "none") or not text:
            return ""
        label = LEVEL_PLACEHOLDER.sub(lambda m: formatted(levels, counters, int(m.group(1)) - 1), text)
        return f"{label} "


def formatted(levels: dict[int, tuple[str, str, int]], counters: list[int], k: int) -> str:
    fmt = levels.get(k, ("decimal", "", 1))[0]
    n = max(counters[k], 1)
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = to_roman(n)
        return roman.upper() if fmt == "upperRoman" else roman
    return str(n)


def to_roman(n: int) -> str:
    out = ""
    for value, digits in ROMAN:
        while n >= value:
            out += digits
            n -= value
    return out
