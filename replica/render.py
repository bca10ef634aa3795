"""Tiny template renderer: `string.Template` files under `templates/<platform>/`."""

from __future__ import annotations

import html
import unicodedata
from functools import cache
from pathlib import Path
from string import Template

TEMPLATE_DIR = Path(__file__).parent / "templates"


@cache
def template(platform: str, name: str) -> Template:
    return Template((TEMPLATE_DIR / platform / name).read_text(encoding="utf-8"))


def render(platform: str, name: str, **values: object) -> str:
    """Fill `templates/<platform>/<name>`; every `$slot` must be given."""
    return template(platform, name).substitute({k: str(v) for k, v in values.items()})


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def slugify(text: str, limit: int = 120) -> str:
    """Vietnamese title -> ascii slug (`Thái Học đẩy mạnh` -> `thai-hoc-day-manh`)."""
    text = text.replace("Đ", "D").replace("đ", "d")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    out, dash = [], False
    for c in text.lower():
        if c.isascii() and c.isalnum():
            out.append(c)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")[:limit].strip("-")


def paragraphs_html(paragraphs: tuple[str, ...] | list[str]) -> str:
    return "\n".join(f'<p style="text-align: justify;">{esc(p)}</p>' for p in paragraphs)
