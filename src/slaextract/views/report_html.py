"""How the HTML views look: one self-contained page (inline CSS, pictures as data: URIs, no script,
no link outside the file). A click on a crop opens its page through a #fragment (CSS :target)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from ..policy.messages import Lang
from .compare import Comparison, cell_text
from .report import Card, MissingView, PageView, ReportData, RequirementView
from .terms import FIELDS, label

STYLE = """
:root { --ink:#1d1f23; --muted:#5d6470; --line:#d8dce3; --pass:#137333; --fail:#b3261e; --warn:#9a6700;
  --waived:#0b57d0; --box:#e8590c; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1180px; padding: 12px 16px 48px; color: var(--ink); line-height: 1.45;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC",
  "PingFang SC", "Microsoft YaHei", sans-serif; }
h1 { font-size: 1.4em; margin: .3em 0; } h2 { font-size: 1.15em; margin: 1.6em 0 .5em;
  border-bottom: 1px solid var(--line); padding-bottom: .2em; } h3 { font-size: 1em; margin: 1em 0 .4em; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15em 1em; margin: 0; }
dl.meta dt { color: var(--muted); } dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.badge { display: inline-block; padding: .05em .55em; border-radius: .8em; font-weight: 600; color: #fff; }
.pass { background: var(--pass); } .fail { background: var(--fail); } .warn { background: var(--warn); }
.waived { background: var(--waived); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 420px), 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px; break-inside: avoid; background: #fff; }
.card:target { outline: 3px solid var(--box); }
.card .value { font-size: 1.15em; font-weight: 650; }
.card .row { color: var(--muted); font-size: .9em; }
.card blockquote { margin: .4em 0; padding-left: .6em; border-left: 3px solid var(--line); font-size: .92em; }
.small { color: var(--muted); font-size: .85em; }
figure.shot { position: relative; margin: .4em 0 0; border: 1px solid var(--line); line-height: 0; }
figure.shot img { width: 100%; height: auto; display: block; }
.box { position: absolute; border: 2px solid var(--box); background: rgba(232, 89, 12, .12); border-radius: 2px; }
a.box:hover { background: rgba(232, 89, 12, .3); }
ul.reqs { list-style: none; padding: 0; } ul.reqs > li { border-top: 1px solid var(--line); padding: .5em 0; }
.finding { margin: .2em 0 .2em 1em; }
.judged a { margin-right: .6em; white-space: nowrap; }
.places li { margin: .3em 0; }
.pageview { display: none; position: fixed; inset: 0; z-index: 10; overflow: auto; background: rgba(20,22,26,.97);
  padding: 12px; }
.pageview:target { display: block; }
.pageview .sheet { max-width: 900px; margin: 0 auto; }
.pageview .bar { color: #fff; line-height: 2; display: flex; justify-content: space-between; }
.pageview .bar a { color: #fff; }
table.compare { border-collapse: collapse; width: 100%; font-size: .92em; }
table.compare th, table.compare td { border: 1px solid var(--line); padding: 4px 6px; text-align: left;
  vertical-align: top; }
table.compare td.fail { background: #fce8e6; color: var(--ink); } .scroll { overflow-x: auto; }
@media (max-width: 600px) { body { font-size: 14px; padding: 8px; } dl.meta { grid-template-columns: 1fr; }
  dl.meta dd { margin-bottom: .3em; } }
@media print { .pageview { display: none !important; } a { color: inherit; text-decoration: none; }
  body { max-width: none; font-size: 10.5pt; } .cards { grid-template-columns: 1fr 1fr; } h2 { break-after: avoid; } }
"""


def _page(title: str, lang: Lang, body: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>\n<body>\n{body}\n</body></html>\n"
    )


def _badge(status: str, lang: Lang) -> str:
    return f'<span class="badge {status}">{escape(label(f"status.{status}", lang))}</span>'


def _header(data: ReportData) -> str:
    doc, lang = data.summary.document, data.lang
    rows = [
        ("report.file", escape(doc.path)),
        ("report.sha256", f"<code>{doc.sha256}</code>"),
        ("report.pages", str(doc.pages)),
        ("report.language", escape(doc.language)),
        ("report.version", escape(data.version)),
    ]
    if data.policy is None:
        rows.append(("report.policy", escape(label("report.no_policy", lang))))
    else:
        rows.append(("report.policy", f"<code>{escape(data.policy)}</code>"))
        rows.append(("report.verdict", _badge("pass" if data.passed else "fail", lang)))
    items = "".join(f"<dt>{escape(label(key, lang))}</dt><dd>{value}</dd>" for key, value in rows)
    title = escape(f"{label('report.title', lang)} — {Path(doc.path).name}")
    return f'<header><h1>{title}</h1><dl class="meta">{items}</dl></header>'


def _box_link(style: str, target: str, title: str) -> str:
    return f'<a class="box" style="{style}" href="#{target}" title="{escape(title)}"></a>'


def _card(card: Card, lang: Lang) -> str:
    term, evidence = card.term, card.term.evidence
    parts = [f'<div class="value">{escape(term.value)}</div><div class="row">{escape(term.row)}</div>']
    if evidence is not None:
        page = escape(label("report.page", lang, n=evidence.page))
        parts.append(f"<blockquote>{escape(' '.join(evidence.text.split()))}</blockquote>")
        rule = f" · {escape(label('report.rule', lang))} <code>{escape(term.rule)}</code>" if term.rule else ""
        parts.append(f'<div class="small">{page}{rule}</div>')
    if card.crop is not None and evidence is not None and evidence.bbox is not None:
        target = f"page-{evidence.page}"
        box = _box_link(card.crop.box_style(evidence.bbox), target, label("report.open_page", lang))
        alt = escape(f"{term.row}: {label('report.page', lang, n=evidence.page)}")
        parts.append(
            f'<figure class="shot"><a href="#{target}" title="{escape(label("report.open_page", lang))}">'
            f'<img src="{card.crop.uri}" alt="{alt}"></a>{box}</figure>'
        )
    elif evidence is not None:
        parts.append(f'<div class="small">{escape(label("report.no_image", lang))}</div>')
    return f'<article class="card" id="{card.id}" data-field="{term.field}">{"".join(parts)}</article>'


def _cards(data: ReportData) -> str:
    lang = data.lang
    if not data.cards:
        return f"<h2>{escape(label('report.terms', lang))}</h2><p>{escape(label('report.no_terms', lang))}</p>"
    sections = []
    for name in FIELDS:
        cards = [c for c in data.cards if c.term.field == name]
        if cards:
            body = "".join(_card(c, lang) for c in cards)
            sections.append(f'<h3>{escape(label(f"field.{name}", lang))}</h3><div class="cards">{body}</div>')
    return f'<section id="terms"><h2>{escape(label("report.terms", lang))}</h2>{"".join(sections)}</section>'


def _requirement(view: RequirementView, lang: Lang) -> str:
    lines = [f"{_badge(view.status, lang)} <code>{escape(view.rule.id)}</code> {escape(view.rule.description)}"]
    for finding in view.findings:
        page = f" ({escape(label('report.page', lang, n=finding.evidence.page))})" if finding.evidence else ""
        waived = f" — {_badge('waived', lang)} {escape(finding.waiver.reason)}" if finding.waiver else ""
        lines.append(f'<div class="finding">{escape(finding.message)}{page}{waived}</div>')
    links = [
        f'<a href="#{c.id}">{escape(c.term.row)}: {escape(c.term.value)}'
        f"{' · p.' + str(c.term.page) if c.term.page else ''}</a>"
        for c in view.judged
    ]
    if not links and view.rule.type == "consistency":  # a check of the whole summary: no item to list
        return f'<li data-status="{view.status}">{"".join(lines)}</li>'
    judged = " ".join(links) if links else escape(label("report.nothing_judged", lang))
    lines.append(f'<div class="judged small">{escape(label("report.judged", lang))}: {judged}</div>')
    return f'<li data-status="{view.status}">{"".join(lines)}</li>'


def _requirements(data: ReportData) -> str:
    if data.policy is None:
        return ""
    items = "".join(_requirement(v, data.lang) for v in data.requirements)
    title = escape(label("report.requirements", data.lang))
    return f'<section id="requirements"><h2>{title}</h2><ul class="reqs">{items}</ul></section>'


def _missing_item(view: MissingView, lang: Lang) -> str:
    head = f"<h3><code>{escape(view.requirement)}</code> {escape(view.description)}</h3><p>{escape(view.message)}</p>"
    if not view.places:
        return head + f"<p class=small>{escape(label('report.no_candidates', lang))}</p>"
    places = []
    for place in view.places:
        where = escape(label("report.page", lang, n=place.page))
        if place.heading:
            where += " " + escape(label("report.under_heading", lang, heading=place.heading))
        places.append(f"<li><b>{where}</b> ({place.hits}×): <q>{escape(place.snippet)}</q></li>")
    return head + f"<p>{escape(label('report.looked_in', lang))}:</p><ul class='places'>{''.join(places)}</ul>"


def _missing(data: ReportData) -> str:
    if not data.missing:
        return ""
    lang = data.lang
    body = "".join(f'<div class="missing">{_missing_item(v, lang)}</div>' for v in data.missing)
    intro = escape(label("report.missing_intro", lang))
    return f'<section id="missing"><h2>{escape(label("report.missing", lang))}</h2><p>{intro}</p>{body}</section>'


def _page_view(view: PageView, lang: Lang) -> str:
    boxes = "".join(
        _box_link(view.picture.box_style(box), card.id, f"{card.term.row}: {card.term.value}")
        for box, card in view.boxes
    )
    title = escape(label("report.page", lang, n=view.page))
    close = escape(label("report.close", lang))
    return (
        f'<div class="pageview" id="page-{view.page}"><div class="sheet"><div class="bar"><span>{title}</span>'
        f'<a href="#terms">{close} ✕</a></div><figure class="shot">'
        f'<img src="{view.picture.uri}" alt="{title}">{boxes}</figure></div></div>'
    )


def _warnings(data: ReportData) -> str:
    if not data.summary.warnings:
        return ""
    items = "".join(f"<li>{escape(w)}</li>" for w in data.summary.warnings)
    return f"<section><h2>{escape(label('report.warnings', data.lang))}</h2><ul>{items}</ul></section>"


def report_page(data: ReportData) -> str:
    body = [_header(data), _requirements(data), _missing(data), _cards(data), _warnings(data)]
    body += [_page_view(v, data.lang) for v in data.pages]
    title = f"{label('report.title', data.lang)} — {Path(data.summary.document.path).name}"
    return _page(title, data.lang, "\n".join(part for part in body if part))


def comparison_page(table: Comparison) -> str:
    """`compare --format html`: the same table, readable in a browser and printable."""
    lang = table.language
    head = "".join(f"<th>{escape(name)}</th>" for name in [label("col.term", lang), *table.contracts])
    rows = []
    for row in table.rows:
        cells = "".join(
            f'<td class="{c.verdict or ""}" title="{escape(c.quote or "")}">{escape(cell_text(c))}</td>'
            for c in row.cells
        )
        rows.append(f"<tr><th>{escape(row.term)}</th>{cells}</tr>")
    for req in table.requirements:
        statuses = "".join(f"<td>{_badge(s, lang)}</td>" for s in req.statuses)
        rows.append(f"<tr><th><code>{escape(req.requirement)}</code></th>{statuses}</tr>")
    if table.meets_policy is not None:
        verdicts = "".join(f"<td>{_badge('pass' if ok else 'fail', lang)}</td>" for ok in table.meets_policy)
        rows.append(f"<tr><th>{escape(label('row.meets_policy', lang, policy=table.policy))}</th>{verdicts}</tr>")
    body = (
        f"<h1>{escape(label('compare.title', lang))}</h1><div class='scroll'><table class='compare'>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )
    return _page(label("compare.title", lang), lang, body)
