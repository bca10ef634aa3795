"""Statistics boxes of a portal page ("Kết quả giải quyết TTHC", "Tình hình giải quyết hồ
sơ", "Thống kê hồ sơ" …), found by their heading text wherever they sit and in whatever tags
(div, table, ul/li, dl, spans), and read as "label: value" lines.

A box is a short heading (boxes.toml) followed by at least two label/value lines ("Số hồ sơ
xử lý: 498", a table row "Trễ hạn | 1", a `dt`/`dd` pair, "99.8%" under "Đến tháng 06 đã
giải quyết"), the whole short (a box, not an article whose title happens to match).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
import unicodedata
from functools import lru_cache
from pathlib import Path

from lxml import etree

from extract.model import Widget

BOXES_FILE = Path(__file__).parent / "lexicon" / "boxes.toml"
MAX_HEADING_WORDS = 10
MAX_BOX_CHARS = 900
MIN_VALUE_LINES = 2
BLOCK_TAGS = frozenset(
    "p div li ul ol h1 h2 h3 h4 h5 h6 table thead tbody tfoot tr caption dl dt dd section "
    "article header footer aside form br hr blockquote center".split())
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "select", "option", "button"})
NUMBER = r"\d[\d.,]*\s*%?"
UNIT = r"(?:\s*(?:hồ sơ|hs|thủ tục|TTHC))?"
VALUE_ONLY_RE = re.compile(rf"^\(?({NUMBER}){UNIT}\)?$", re.I)
LABEL_VALUE_RE = re.compile(rf"^(?P<label>[^\n]{{2,70}}?)\s*[:|]\s*(?P<value>{NUMBER}){UNIT}$", re.I)
LABEL_THEN_VALUE_RE = re.compile(rf"^(?P<label>[^\d:|()]{{2,60}}?)\s+(?P<value>{NUMBER}){UNIT}$", re.I)
VALUE_THEN_LABEL_RE = re.compile(rf"^(?P<value>{NUMBER})\s+(?P<label>[^\d:|()]{{2,60}})$", re.I)
#: A line ending in a year after "năm"/"tháng M" names a period, not a value.
YEAR_END_RE = re.compile(r"(?:năm|tháng\s*\d{1,2}\s*[/-]?)\s*:?\s*(?:19|20)\d{2}$", re.I)
UPDATED_RE = re.compile(
    r"cập nhật(?:\s+(?:lúc|ngày|đến|đến ngày|vào))*\s*:?\s*(?:(\d{1,2}):(\d{2})(?::(\d{2}))?\s+)?"
    r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?", re.I)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D")).lower()
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


@lru_cache(maxsize=1)
def _heading_re(path: Path = BOXES_FILE) -> re.Pattern[str]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    try:
        parts = {key: sorted((fold(w) for w in data[key]), key=len, reverse=True)
                 for key in ("openers", "objects", "between")}
    except KeyError as exc:
        raise ValueError(f"{path.name}: missing key {exc}") from None
    alt = {k: "|".join(re.escape(w) for w in v) for k, v in parts.items()}
    return re.compile(rf"^(?:{alt['openers']})(?: (?:{alt['between']}))* (?:{alt['objects']})\b")


def _tag(el: etree._Element) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _clean(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").replace("\u200b", "").split())


def _text(el: etree._Element) -> str:
    return _clean(" ".join(t for t in el.itertext() if t)) if isinstance(el.tag, str) else ""


def is_heading(text: str) -> bool:
    """Whether a short text is a statistics box heading."""
    folded = fold(text)
    return 0 < len(folded.split()) <= MAX_HEADING_WORDS and bool(_heading_re().match(folded))


def raw_lines(el: etree._Element) -> list[str]:
    """Block-level lines; inline pieces joined by a space; a table row's cells by " | "."""
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        line = _clean(" ".join(buf))
        buf.clear()
        if line:
            out.append(line)

    def walk(node: etree._Element) -> None:
        tag = _tag(node)
        if tag in SKIP_TAGS or not tag:
            if node.tail and tag:
                buf.append(node.tail)
            return
        if tag == "tr":
            flush()
            # a label cell's own colon ("Tiếp nhận:" | "1.234") is the row's separator
            cells = [_text(c).rstrip(" :") for c in node if _tag(c) in ("td", "th")]
            cells = [c for c in cells if c]
            if cells:
                out.append(" | ".join(cells))
        else:
            block = tag in BLOCK_TAGS
            if block:
                flush()
            buf.append(node.text or "")
            for child in node:
                walk(child)
            if block:
                flush()
        buf.append(node.tail or "")

    walk(el)
    flush()
    return out


def value_lines(lines: list[str]) -> list[str]:
    """Lines as "label: value" wherever a label and its number are split or unmarked."""
    out: list[str] = []
    pending_label = False  # the last line out is a label still waiting for its number
    lines = _columns_zipped(lines)
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if VALUE_ONLY_RE.match(line):
            if pending_label:
                out[-1] = f"{out[-1].rstrip(' :')}: {line}"
                pending_label = False
            elif nxt and is_label(nxt) and not (i + 2 < len(lines) and VALUE_ONLY_RE.match(lines[i + 2])):
                out.append(f"{nxt.rstrip(' :')}: {line}")
                i += 1
            else:
                out.append(line)
            i += 1
            continue
        if is_heading(line) or YEAR_END_RE.search(line):  # "… TTHC năm 2024": no value
            out.append(line)
            pending_label = False
            i += 1
            continue
        if LABEL_VALUE_RE.match(line):
            out.append(line.replace(" | ", ": ", 1) if line.count(" | ") == 1 else line)
        elif m := LABEL_THEN_VALUE_RE.match(line):
            out.append(f"{m.group('label')}: {m.group('value')}")
        elif (m := VALUE_THEN_LABEL_RE.match(line)) and not UPDATED_RE.search(line):
            out.append(f"{m.group('label')}: {m.group('value')}")
        else:
            out.append(line)
            pending_label = is_label(line) and bool(nxt) and bool(VALUE_ONLY_RE.match(nxt))
            i += 1
            continue
        pending_label = False
        i += 1
    return out


def _columns_zipped(lines: list[str]) -> list[str]:
    """A table of labels in a header row and the values in the row under it ("Tiếp nhận |
    Đã giải quyết | Trễ hạn" over "1.234 | 1.200 | 3") as one "label: value" line a column."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        heads = lines[i].split(" | ")
        values = lines[i + 1].split(" | ") if i + 1 < len(lines) else []
        if len(heads) >= 2 and len(values) == len(heads) \
                and all(is_label(h) for h in heads) and all(VALUE_ONLY_RE.match(v) for v in values):
            out += [f"{h.rstrip(' :')}: {v}" for h, v in zip(heads, values)]
            i += 2
            continue
        out.append(lines[i])
        i += 1
    return out


def is_label(line: str) -> bool:
    """Whether a line can be a box label (short, has letters, is no value, stamp or heading)."""
    return 1 <= len(line) <= 70 and not VALUE_ONLY_RE.match(line) and not UPDATED_RE.search(line) \
        and not is_heading(line) and bool(re.search(r"[^\W\d_]", line))


def _count_values(lines: list[str]) -> int:
    return sum(1 for line in lines if LABEL_VALUE_RE.match(line))


def _box_of(head: etree._Element) -> tuple[etree._Element | None, list[etree._Element]]:
    """The element holding the box that `head` titles, or the heading's run of siblings when
    the heading sits loose in a bigger column. Returns (element or None, run)."""
    node = head
    for _ in range(6):
        parent = node.getparent()
        if parent is None or _tag(parent) in ("body", "html") or _has_peer_heading(node):
            break
        text = _text(parent)
        if len(text) > MAX_BOX_CHARS:
            break
        node = parent
        if _count_values(value_lines(raw_lines(node))) >= MIN_VALUE_LINES:
            up = node.getparent()
            if up is not None and _tag(up) not in ("body", "html") and len(_text(up)) <= MAX_BOX_CHARS \
                    and UPDATED_RE.search(_text(up)) and not UPDATED_RE.search(text):
                node = up  # the update stamp sits just outside
            return node, []
    run = [node]  # a heading loose in a column: it and the blocks after it
    size = len(_text(node))
    for sib in node.itersiblings():
        if not isinstance(sib.tag, str):
            continue
        text = _text(sib)
        if is_heading(text) or size + len(text) > MAX_BOX_CHARS:
            break
        if _tag(sib) in ("h1", "h2", "h3", "h4", "h5", "h6") and not re.search(r"\d", text):
            break
        run.append(sib)
        size += len(text)
    return None, run


HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _has_peer_heading(node: etree._Element) -> bool:
    """Whether the node's parent also holds another block's heading (a column of boxes):
    a sibling heading tag, or a sibling of the node's own tag and class without digits."""
    tag, cls = _tag(node), node.get("class")
    for sib in [*node.itersiblings(preceding=True), *node.itersiblings()]:
        if not isinstance(sib.tag, str):
            continue
        same = _tag(sib) == tag and (tag in HEADING_TAGS or (cls and sib.get("class") == cls))
        if (same or _tag(sib) in HEADING_TAGS and tag in HEADING_TAGS) and \
                not re.search(r"\d", _text(sib)) and 0 < len(_text(sib).split()) <= MAX_HEADING_WORDS:
            return True
    return False


def stamp_line(line: str) -> str:
    """An update stamp in one form, "(Cập nhật lúc: dd/mm/yyyy[ HH:MM:SS])", whatever its
    wording ("Số liệu cập nhật đến ngày 30/06/2025", "Cập nhật: 08:00 28/06/2025")."""
    when = _updated(line)
    if when is None:
        return line
    m = UPDATED_RE.search(line)
    timed = bool(m and (m.group(1) or m.group(7)))
    stamp = when.strftime("%d/%m/%Y %H:%M:%S" if timed else "%d/%m/%Y")
    return f"(Cập nhật lúc: {stamp})"


def _updated(text: str) -> dt.datetime | None:
    m = UPDATED_RE.search(text)
    if not m:
        return None
    h1, mi1, s1, d, mo, y, h2, mi2, s2 = m.groups()
    h, mi, s = (h1, mi1, s1) if h1 else (h2, mi2, s2)
    try:
        return dt.datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
    except ValueError:
        return None


def _captions_first(lines: list[str]) -> list[str]:
    """The box's lines with its captions ("Tháng 10 năm 2024", "Số liệu từ ngày …", a line
    with a number and no value) right after the heading: a caption after the last value would
    read as that value's date ("Đang giải quyết: 2 / Tháng 10 năm 2024"). Update stamps and
    the lines of a headline percentage ("Đến tháng 06 đã giải quyết: / 99.8%") stay put."""
    if not lines:
        return lines
    last_value = max((i for i, line in enumerate(lines) if LABEL_VALUE_RE.match(line)), default=-1)
    captions = [i for i, line in enumerate(lines) if i > last_value and i > 0
                and re.search(r"\d", line) and not LABEL_VALUE_RE.match(line)
                and not VALUE_ONLY_RE.match(line) and not UPDATED_RE.search(line)]
    if not captions:
        return lines
    moved = [lines[i] for i in captions]
    rest = [line for i, line in enumerate(lines) if i not in captions]
    return rest[:1] + moved + rest[1:]


def _drop(node: etree._Element) -> None:
    parent = node.getparent()
    if parent is None:
        return
    if hasattr(node, "drop_tree"):
        node.drop_tree()
    else:
        parent.remove(node)


def take_boxes(tree: etree._Element) -> list[Widget]:
    """Cut the statistics boxes out of the tree and return them as widgets."""
    heads = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or _tag(el) in SKIP_TAGS:
            continue
        text = _text(el)
        if len(text) <= 120 and is_heading(text):
            heads.append(el)
    # (elements, not id()s: lxml's proxies are remade after being freed, and ids reused)
    inner = {a for h in heads for a in h.iterancestors()}
    heads = [h for h in heads if h not in inner]  # the deepest element of each heading
    widgets: list[Widget] = []
    taken: list[etree._Element] = []
    for head in heads:
        if any(t is head or any(a is t for a in head.iterancestors()) for t in taken):
            continue
        box, run = _box_of(head)
        nodes = [box] if box is not None else run
        lines = value_lines([line for n in nodes for line in raw_lines(n)])
        if _count_values(lines) < MIN_VALUE_LINES or sum(len(x) for x in lines) > MAX_BOX_CHARS:
            continue
        text = "\n".join(stamp_line(line) for line in _captions_first(lines))
        widgets.append(Widget(kind="tthc_results", text=text, updated=_updated(text)))
        for n in nodes:
            taken.append(n)
            _drop(n)
    return widgets
