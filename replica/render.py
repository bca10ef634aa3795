"""Slugs: Vietnamese titles as ASCII URL segments."""

from __future__ import annotations

import unicodedata


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
