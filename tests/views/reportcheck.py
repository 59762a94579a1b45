"""Reading a report as a browser would: its elements, and anything it would fetch from outside itself."""

from __future__ import annotations

import re
from html.parser import HTMLParser

URL_ATTRIBUTES = {"src", "href", "srcset", "action", "poster", "data", "formaction", "background", "xlink:href"}
CSS_URL = re.compile(r"url\(\s*['\"]?(?!data:|#)([^'\")]*)", re.IGNORECASE)


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))


def elements(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = Elements()
    parser.feed(html)
    return parser.elements


def with_class(html: str, tag: str, css_class: str) -> list[dict[str, str]]:
    return [a for t, a in elements(html) if t == tag and css_class in a.get("class", "").split()]


def external_references(html: str) -> list[str]:
    """Every reference that would leave the file: URL attributes that are not data: or #fragment,
    scripts, stylesheets and frames, url(...) and @import in CSS."""
    found = []
    for tag, attrs in elements(html):
        if tag in ("script", "link", "iframe", "object", "embed", "base"):
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name in URL_ATTRIBUTES and not value.startswith(("data:", "#")):
                found.append(f"{tag} {name}={value[:80]}")
            if name == "style":
                found += [f"{tag} style url({m})" for m in CSS_URL.findall(value)]
    found += [f"css url({m})" for m in CSS_URL.findall(html)]
    found += ["css @import"] * html.lower().count("@import")
    return found
