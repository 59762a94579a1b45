"""Ruled tables straight from pdfium's drawing: pdfplumber's "lines" strategy without pdfplumber.

Every straight, axis-parallel piece of a path (a stroked rule, or an edge of a filled cell
background) is an edge. Edges are snapped and joined (3 points, pdfplumber's defaults),
cut into cells at their crossings, and cells that share corners form a table. A cell's text
is the page's characters whose centres fall inside it, in content order. This reads a table
page about a hundred times faster than parsing it with pdfminer.
"""

from __future__ import annotations

import ctypes
from collections import defaultdict
from collections.abc import Callable
from functools import partial

from ..model import BBox
from .tables import PageTable, mostly_filled, plausible_ruled
from .textpage import char_boxes

SNAP = 3.0
JOIN = 3.0
MIN_EDGE = 3.0
TOL = 3.0

Edge = tuple[float, float, float]  # position across, start, end along


def page_edges(page, to_display: Callable[..., BBox]) -> tuple[list[Edge], list[Edge]]:
    """Horizontal (y, x0, x1) and vertical (x, top, bottom) edges in display coordinates."""
    from pypdfium2 import raw  # noqa: PLC0415

    hs: list[Edge] = []
    vs: list[Edge] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    m = raw.FS_MATRIX()
    for handle in path_objects(page):
        raw.FPDFPageObj_GetMatrix(handle, m)
        points: list[tuple[float, float]] = []
        start: tuple[float, float] | None = None
        for i in range(raw.FPDFPath_CountSegments(handle)):
            seg = raw.FPDFPath_GetPathSegment(handle, i)
            raw.FPDFPathSegment_GetPoint(seg, x, y)
            px, py = m.a * x.value + m.c * y.value + m.e, m.b * x.value + m.d * y.value + m.f
            kind = raw.FPDFPathSegment_GetType(seg)
            if kind == raw.FPDF_SEGMENT_MOVETO:
                start = (px, py)
            elif kind == raw.FPDF_SEGMENT_LINETO and points:
                add_edge(points[-1], (px, py), hs, vs, to_display)
            if raw.FPDFPathSegment_GetClose(seg) and start is not None:
                add_edge((px, py), start, hs, vs, to_display)
            points.append((px, py))
    return hs, vs


def path_objects(page, depth: int = 2):
    """The raw handles of a page's path objects, and of those inside its forms down to `depth`
    levels (pypdfium2's get_objects would wrap every object, text runs too, in a Python object
    first: a dense page has thousands)."""
    from pypdfium2 import raw  # noqa: PLC0415

    def walk(count: int, get, level: int):
        for i in range(count):
            handle = get(i)
            kind = raw.FPDFPageObj_GetType(handle) if handle else None
            if kind == raw.FPDF_PAGEOBJ_PATH:
                yield handle
            elif kind == raw.FPDF_PAGEOBJ_FORM and level < depth - 1:
                inside = partial(raw.FPDFFormObj_GetObject, handle)
                yield from walk(raw.FPDFFormObj_CountObjects(handle), inside, level + 1)

    return walk(raw.FPDFPage_CountObjects(page.raw), partial(raw.FPDFPage_GetObject, page.raw), 0)


def add_edge(
    a: tuple[float, float],
    b: tuple[float, float],
    hs: list[Edge],
    vs: list[Edge],
    to_display: Callable[..., BBox],
) -> None:
    x0, top, x1, bottom = to_display(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
    if bottom - top < 1 and x1 - x0 >= MIN_EDGE:
        hs.append(((top + bottom) / 2, x0, x1))
    elif x1 - x0 < 1 and bottom - top >= MIN_EDGE:
        vs.append(((x0 + x1) / 2, top, bottom))


def snap_join(edges: list[Edge]) -> list[Edge]:
    """Edges within SNAP of one position share it; overlapping or nearly touching edges join."""
    out: list[Edge] = []
    edges = sorted(edges)
    cluster: list[Edge] = []
    for e in [*edges, (float("inf"), 0.0, 0.0)]:
        if cluster and e[0] - cluster[0][0] > SNAP:
            pos = sum(c[0] for c in cluster) / len(cluster)
            spans = sorted((c[1], c[2]) for c in cluster)
            cur = list(spans[0])
            for s, t in spans[1:]:
                if s <= cur[1] + JOIN:
                    cur[1] = max(cur[1], t)
                else:
                    out.append((pos, cur[0], cur[1]))
                    cur = [s, t]
            out.append((pos, cur[0], cur[1]))
            cluster = []
        cluster.append(e)
    return [e for e in out if e[2] - e[1] >= MIN_EDGE]


# A table whose header row has cell borders or backgrounds but whose body rows are set off by
# horizontal rules only (web pages style tables so): the header's columns run down the body.
ROW_BAND = 120.0  # no body row is taller than this
ROW_SPAN = 4.0  # nor more than this many times the header row's height
SAME_END = 4.0  # rules whose ends are this close are as wide as the table
MIN_COLUMN = 20.0  # no column of such a table is narrower
MAX_RULES = 500  # a page with more horizontal edges than this is a drawing


def header_columns_run_down(hs: list[Edge], vs: list[Edge], taken: list[BBox]) -> list[Edge]:
    """Vertical edges that carry a header row's column borders down through the rows ruled below
    it. For rules of one width, a band between two of them in which vertical edges stand from
    rule to rule, one of them inside the rules' ends, is a header (a box's two sides are no
    columns); its verticals and the rules' ends extend down the bands below, while each band has
    no verticals of its own (that is the next table's header), is at most ROW_SPAN times the
    header's height and is no part of a table already found (`taken`), in which no header is
    looked for either."""
    hs, vs = snap_join(hs), snap_join(vs)
    out: list[Edge] = []
    if len(hs) > MAX_RULES:
        return out  # a drawing, not a page of tables: grouping its edges would cost their square
    for rules in same_width_rules(hs):
        ys = [r[0] for r in rules]
        x0, x1 = min(r[1] for r in rules), max(r[2] for r in rules)
        k = 0
        while k < len(ys) - 1:
            xs = standing(vs, ys, k, (x0, x1))
            # a box's two sides, or a heading bar's accent stripe, are no columns
            divided = any(x0 + MIN_COLUMN < x < x1 - MIN_COLUMN for x in xs)
            if not divided or any(inside((x0, ys[k], x1, ys[k + 1]), t) for t in taken):
                k += 1
                continue
            tallest = min(ROW_BAND, ROW_SPAN * (ys[k + 1] - ys[k]))
            end = k + 1
            while (
                end < len(ys) - 1
                and ys[end + 1] - ys[end] <= tallest
                and not standing(vs, ys, end, (x0, x1))
                and not any(overlaps((x0, ys[end], x1, ys[end + 1]), t) for t in taken)
            ):
                end += 1
            if end > k + 1:
                out += [(x, ys[k], ys[end]) for x in sorted({*xs, x0, x1})]
            k = end
    return out


def overlaps(a: BBox, b: BBox) -> bool:
    return a[0] < b[2] - TOL and b[0] < a[2] - TOL and a[1] < b[3] - TOL and b[1] < a[3] - TOL


def inside(box: BBox, outer: BBox) -> bool:
    return (
        outer[0] - TOL <= box[0] and box[2] <= outer[2] + TOL and outer[1] - TOL <= box[1] and box[3] <= outer[3] + TOL
    )


def standing(vs: list[Edge], ys: list[float], k: int, span: tuple[float, float]) -> list[float]:
    """The x of each vertical edge within span that stands from rule k to rule k + 1."""
    return [
        v[0] for v in vs if span[0] - TOL <= v[0] <= span[1] + TOL and v[1] <= ys[k] + TOL and v[2] >= ys[k + 1] - TOL
    ]


def same_width_rules(hs: list[Edge]) -> list[list[Edge]]:
    """Horizontal edges grouped by their ends (within SAME_END), each group top to bottom."""
    groups: list[list[Edge]] = []
    for e in sorted(hs, key=lambda e: (e[1], e[2], e[0])):
        group = next((g for g in groups if abs(g[0][1] - e[1]) <= SAME_END and abs(g[0][2] - e[2]) <= SAME_END), None)
        if group is None:
            groups.append([e])
        else:
            group.append(e)
    return [sorted(g) for g in groups if len(g) >= 3]


def table_box(cells: list[BBox]) -> BBox:
    return (min(c[0] for c in cells), min(c[1] for c in cells), max(c[2] for c in cells), max(c[3] for c in cells))


def find_grid_tables(hs: list[Edge], vs: list[Edge]) -> list[list[BBox]]:
    """Cells of each table (pdfplumber's intersections → cells → tables)."""
    hs, vs = snap_join(hs), snap_join(vs)
    # crossings, and which edges meet there
    points: dict[tuple[float, float], tuple[set[int], set[int]]] = {}
    for vi, (vx, vt, vb) in enumerate(vs):
        for hi, (hy, hx0, hx1) in enumerate(hs):
            if hx0 - TOL <= vx <= hx1 + TOL and vt - TOL <= hy <= vb + TOL:
                p = (vx, hy)
                entry = points.setdefault(p, (set(), set()))
                entry[0].add(vi)
                entry[1].add(hi)
    if len(points) < 4:
        return []
    ordered = sorted(points, key=lambda p: (p[1], p[0]))
    by_x: dict[float, list[tuple[float, float]]] = defaultdict(list)
    by_y: dict[float, list[tuple[float, float]]] = defaultdict(list)
    for p in ordered:
        by_x[p[0]].append(p)
        by_y[p[1]].append(p)

    def v_linked(a, b) -> bool:
        return bool(points[a][0] & points[b][0])

    def h_linked(a, b) -> bool:
        return bool(points[a][1] & points[b][1])

    cells: list[BBox] = []
    for p in ordered:
        below = [q for q in by_x[p[0]] if q[1] > p[1]]
        right = [q for q in by_y[p[1]] if q[0] > p[0]]
        found = None
        for b in below:
            if not v_linked(p, b):
                continue
            for r in right:
                if not h_linked(p, r):
                    continue
                corner = (r[0], b[1])
                if corner in points and v_linked(corner, r) and h_linked(corner, b):
                    found = (p[0], p[1], r[0], b[1])
                    break
            if found:
                break
        if found:
            cells.append(found)
    return group_cells(cells)


def group_cells(cells: list[BBox]) -> list[list[BBox]]:
    """Cells that share a corner belong to one table."""
    parent = list(range(len(cells)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[float, float], int] = {}
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x1, top), (x0, bottom), (x1, bottom)):
            if corner in owner:
                parent[find(i)] = find(owner[corner])
            else:
                owner[corner] = i
    groups: dict[int, list[BBox]] = defaultdict(list)
    for i, c in enumerate(cells):
        groups[find(i)].append(c)
    tables = [g for g in groups.values() if len(g) > 1]
    return sorted(tables, key=lambda g: (min(c[1] for c in g), min(c[0] for c in g)))


def rows_of(cells: list[BBox]) -> list[list[BBox | None]]:
    """Cells by row (same top) and column (same left); a spanned position is None."""
    xs = sorted({c[0] for c in cells})
    rows: dict[float, dict[float, BBox]] = defaultdict(dict)
    for c in cells:
        rows[c[1]][c[0]] = c
    return [[rows[top].get(x) for x in xs] for top in sorted(rows)]


def cell_texts(text: str, centers: dict[int, tuple[float, float]], boxes: list[BBox]) -> list[str]:
    """Text of each box: the page's characters (index → centre, in index order) whose centres lie
    inside, runs joined by a space."""
    members: list[list[int]] = [[] for _ in boxes]
    if boxes:
        # most of a page's characters lie outside the table: one comparison rules them out
        left, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
        right, bottom = max(b[2] for b in boxes), max(b[3] for b in boxes)
        for i, c in centers.items():
            if not (left <= c[0] <= right and top <= c[1] <= bottom):
                continue
            for k, (x0, y0, x1, y1) in enumerate(boxes):
                if x0 <= c[0] <= x1 and y0 <= c[1] <= y1:
                    members[k].append(i)
                    break
    out = []
    for idx in members:
        parts: list[str] = []
        for a, b in zip(idx, [*idx[1:], None], strict=False):
            parts.append(text[a])
            if b is not None and b > a + 1:
                between = text[a + 1 : b]
                parts.append(" " if between.strip() or between else "")
        out.append("".join(parts))
    return out


def chars_near(lines: list[tuple[int, int, BBox]], areas: list[BBox], margin: float = 2.0) -> set[int]:
    """Indexes of the characters on lines that touch a table: asking pdfium for one character's box
    is a call, and a page of prose around a small table has thousands of characters."""
    wanted: set[int] = set()
    for start, end, (x0, top, x1, bottom) in lines:
        for ax0, atop, ax1, abottom in areas:
            if x0 <= ax1 + margin and ax0 - margin <= x1 and top <= abottom + margin and atop - margin <= bottom:
                wanted.update(range(start, end))
                break
    return wanted


def grid_tables(
    page,
    textpage,
    page_no: int,
    to_display: Callable[..., BBox],
    lines: list[tuple[int, int, BBox]] | None = None,
) -> list[PageTable]:
    """Ruled tables of one page, read with pdfium only. `lines` (first and end character index, box)
    lets it read the boxes of only the characters near a table; without it, it reads every one."""
    hs, vs = page_edges(page, to_display)
    if len(hs) < 2 or len(vs) < 2:
        return []
    tables = find_grid_tables(hs, vs)
    # a lone row of cells is no table yet: it may be the header of rows ruled only across
    run_down = header_columns_run_down(hs, vs, [table_box(t) for t in tables if len({c[1] for c in t}) > 1])
    if run_down:
        tables = find_grid_tables(hs, vs + run_down)
    if not tables:
        return []
    text = textpage.get_text_range()
    areas = [table_box(t) for t in tables]
    wanted = sorted(chars_near(lines, areas)) if lines is not None else range(len(text))
    boxes = char_boxes(textpage, [i for i in wanted if i < len(text) and not text[i].isspace()], to_display)
    heights = sorted(b[3] - b[1] for b in boxes.values())
    tall = 2.5 * heights[len(heights) // 2] if heights else float("inf")
    # a watermark's giant letters are no cell's text
    centers = {i: ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2) for i, b in boxes.items() if b[3] - b[1] <= tall}
    out = []
    for cells, box in zip(tables, areas, strict=True):
        grid = rows_of(cells)
        flat = [c for row in grid for c in row if c is not None]
        texts = dict(zip(flat, cell_texts(text, centers, flat), strict=False))
        rows = [[None if c is None else texts[c] for c in row] for row in grid]
        if not plausible_ruled(rows):
            continue
        if any(inside((x, y0, x, y1), box) for x, y0, y1 in run_down) and not mostly_filled(rows, 2):
            continue  # columns run down from a header must hold the rows' text, not one long cell each
        out.append(PageTable(page_no, box, rows, grid))
    return out
