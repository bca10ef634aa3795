"""Leads and their lists: a clause that says what the items after it count.

Reports name what they count once and list the parts after it:

    "Hồ sơ trễ hạn chủ yếu ở: huyện An Bình 14 hồ sơ, huyện Tân Lộc 6 hồ sơ."
    "Trung tâm tiếp nhận trực tuyến 52 hồ sơ, bao gồm Sở Y tế 12 hồ sơ, Sở Nội vụ 40 hồ sơ."
    "đang giải quyết 870 hồ sơ (trong hạn 669, quá hạn 201)"
    "Kết quả cụ thể như sau:\\n- Đã giải quyết: 3.400 hồ sơ\\n- Đang giải quyết: 56 hồ sơ"

Stages: markers -> lead clause -> list region -> items.

- A list opens at a marker phrase (lexicon/structure.toml: "trong đó", "bao gồm", "chủ
  yếu ở" ...; "như", "là" ... only before a colon), at a bracket right after a count, or
  at a colon that ends a line or precedes named items.
- The lead clause runs back from the marker to the start of its sentence, line, bracket
  or ";"-clause (a ", " does not end it: "tiếp nhận 52 hồ sơ, bao gồm ...").
- The list runs to the bracket's close, to the last list line under a lead that ends its
  line (bullets, or short lines holding a number), or else to the end of the sentence.
- Items are cut at ", ", ";", " và ", "/" and line breaks, but only after an item holds
  its number ("Sở Lao động, Thương binh và Xã hội (155 hồ sơ)" is one item).

What a lead gives its items (metric, channel, subject) is decided by the reader
(`metrics.Reader`, `figures`), which knows the lead's own figures.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from extract.lexicon import structure
from extract.numbers import UPPER, Num
from extract.segments import Segments

_SEP = re.compile(r"[()\[\]]|;|,(?=\s)|(?<=\s)và(?=\s)|(?<=\d)\s*/(?=\s*[^\W\d_])|\n")
_COLON_AFTER = re.compile(r"[ \t]*:")
_LIST_LINE = re.compile(r"[ \t]*(?:(?P<mark>[-+*•–])|(?P<letter>[a-zđ]\))|(?P<digit>\d{1,2}[.)](?!\d)))")
_BOUNDARY = re.compile(r"[;(\n]")
# a line opening with a unit ("Các xã, thị trấn tiếp nhận ...") starts a new subject
UNIT_LINE = re.compile(r"\n[ \t]*(?:[-•*+][ \t]*)?(?i:(?:riêng|tại|đối\s+với|còn)\s+)?"
                       r"(?i:(?:các|toàn|uBND|ủy\s+ban\s+nhân\s+dân)\s+)?"
                       r"(?i:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|thành\s+phố|tỉnh|cấp\s+(?:xã|huyện|tỉnh))(?![^\W_])")
MAX_LINE = 200
# one item of a run of named values: "Đà Nẵng (58,9%)", "Sở GT-VT (107 hồ sơ)"
_NAMED = re.compile(rf"(?<![^\W_])[{UPPER}][^\s(),;:]*(?:\s+[^\s(),;:]+){{0,7}}?\s*\(\s*(?:[^()\d\n]{{0,20}})?\d[^()\n]{{0,24}}\)")
_RUN_JOIN = re.compile(r"\s*(?:,|;|và)\s*")  # a line longer than this under a lead is prose, not a list line


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of a list: its span and the numbers it holds."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Enumeration:
    """A lead clause and the list of items under it (working-text offsets)."""

    lead_start: int
    marker_start: int
    marker_end: int
    end: int
    items: tuple[Item, ...]
    lines: bool = False  # the items are the lines under the lead


def _closing(work: str, open_pos: int, limit: int) -> int:
    depth = 0
    for i in range(open_pos, min(limit, len(work))):
        c = work[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        elif c == "\n":
            return i
    return min(limit, len(work))


def _back_to(work: str, start: int, pos: int, target: str) -> int:
    """Position of the last `target` ("(" or ";") before `pos` and after `start` outside
    closed brackets, or -1; a "(" still open at `pos` is the bracket it sits in."""
    depth = 0
    for i in range(pos - 1, start - 1, -1):
        c = work[i]
        if c == ")":
            depth += 1
        elif c == "(":
            if depth == 0 and target == "(":
                return i
            depth = max(0, depth - 1)
        elif c == target and depth == 0:
            return i
    return -1


def _open_bracket(work: str, start: int, pos: int) -> int:
    """Position of the bracket still open at `pos` (searching back to `start`), or -1."""
    return _back_to(work, start, pos, "(")


def _lead_start(work: str, seg: Segments, marker: int) -> int:
    """Start of the lead clause before `marker`: its sentence, line, open bracket or ";"-clause."""
    s = seg.sentence(marker)[0]
    line = work.rfind("\n", 0, marker) + 1
    s = max(s, line)
    bracket = _open_bracket(work, s, marker)
    if bracket != -1:
        return bracket + 1
    semi = _back_to(work, s, marker, ";")
    return semi + 1 if semi != -1 else s


def _list_lines(work: str, start: int, limit: int, outer: str | None) -> int:
    """End of the list lines right under a lead that ends its line; `start` when none
    follows. A blank line ends the list. Bulleted lists run to the last line opening with
    the first line's bullet, and the sub-bullets right under it (a plain line between two
    such lines belongs to the item above it). Plain lists run while their lines are short,
    hold a number and do not open with another unit ("Riêng xã Tân An tiếp nhận ..."). A
    lead on a bulleted line (`outer`: its bullet) governs the lines up to the next line with
    that bullet."""
    lines: list[tuple[int, int, str | None]] = []
    pos = start
    while pos < limit:
        nl = work.find("\n", pos)
        line_end = len(work) if nl == -1 else nl
        kind = _bullet(work, pos)
        if not work[pos:line_end].strip() or (outer is not None and kind == outer):
            break
        lines.append((pos, line_end, kind))
        if nl == -1:
            break
        pos = nl + 1
    if not lines:
        return start
    top = lines[0][2]
    if top is None:
        end = start
        for s, e, _ in lines:
            if e - s > MAX_LINE or not re.search(r"\d", work[s:e]) or UNIT_LINE.match(work, s - 1):
                break
            end = e
        return end
    last = max(k for k, line in enumerate(lines) if line[2] == top)
    end = lines[last][1]
    for s, e, kind in lines[last + 1:]:
        if kind is None:
            break
        end = e
    return end


_STRENGTH = {"\n": 3, ";": 2, ",": 1, "/": 1, "và": 0}  # "17265/trễ hạn 1458": "/" after a number


def _items(work: str, a: int, b: int, nums: list[int], lines: bool, rates: Collection[int] = frozenset(),
           protected: Sequence[tuple[int, int]] = ()) -> tuple[Item, ...]:
    """Cut [a, b) into items between consecutive numbers, at the strongest top-level
    separator between them (line break > ";" > "," "/" > "và"), the first of its kind:
    "Sở Lao động, Thương binh và Xã hội (155 hồ sơ)" stays one item, "2.500 hồ sơ trực
    tiếp và bưu chính, 1.500 hồ sơ trực tuyến" is cut at the comma. Line items are cut at
    line breaks only; a list with a top-level ";" at ";" only (its items hold commas).
    No cut falls inside a `protected` span (a cue such as "đúng và trước hạn"), and a rate
    in brackets right after a count ("4.520 hồ sơ đúng hạn (tỷ lệ 99,7%)") is that count's."""
    floor = 3 if lines else 2 if _top_level_semicolon(work, a, b) else 0
    seps: list[tuple[int, int, int]] = []  # (start, end, strength) at depth 0
    nested: set[int] = set()  # starts of brackets' contents at depth 1
    depth = 0
    for m in _SEP.finditer(work, a, b):
        c = m.group(0)
        if c in "([":
            depth += 1
            if depth == 1:
                nested.add(m.end())
        elif c in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and _STRENGTH[c.strip() or c] >= floor and not _inside_span(protected, m.start()):
            seps.append((m.start(), m.end(), _STRENGTH[c.strip() or c]))
    inside = nums[bisect.bisect_left(nums, a):bisect.bisect_left(nums, b)]
    inside = [y for k, y in enumerate(inside)
              if not (k and y in rates and inside[k - 1] not in rates and _in_bracket(work, inside[k - 1], y))]
    if not inside:
        return ()
    out: list[Item] = []
    start = a
    j = 0
    for x, y in itertools.pairwise(inside):
        while j < len(seps) and seps[j][0] < x:
            j += 1
        between = [sp for sp in seps[j:] if sp[0] < y]
        if not between:
            continue
        top = max(sp[2] for sp in between)
        cut = next(sp for sp in between if sp[2] == top)
        out.append(Item(start, cut[0]))
        start = cut[1]
    out.append(Item(start, b))
    return tuple(i for i in out if work[i.start:i.end].strip())


def _inside_span(spans: Sequence[tuple[int, int]], pos: int) -> bool:
    """Whether `pos` lies in one of `spans` (sorted by start, not nested)."""
    k = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _in_bracket(work: str, x: int, y: int) -> bool:
    """Whether `y` sits in a bracket opened after `x` and still open."""
    return _open_bracket(work, x, y) != -1


def _bullet(work: str, pos: int) -> str | None:
    """The kind of bullet a line opens with ("-", "+", "*", a letter, a number), or None."""
    m = _LIST_LINE.match(work, pos)
    if m is None:
        return None
    return m.group("mark") or ("letter" if m.group("letter") else "digit")


def _line_items(work: str, a: int, b: int, nums: list[int]) -> tuple[Item, ...]:
    """Items of list lines: each line opening with the first line's bullet starts an item;
    lines with another bullet belong to the item above ("* Cấp huyện: ...\n+ Đã giải
    quyết: ..." -- the "+" line is a part of the "*" item). Plain lines are one item each."""
    top = _bullet(work, a)
    cuts = [a]
    pos = work.find("\n", a, b)
    while pos != -1:
        if top is None or _bullet(work, pos + 1) == top:
            cuts.append(pos + 1)
        pos = work.find("\n", pos + 1, b)
    cuts.append(b)
    items = [Item(x, y) for x, y in itertools.pairwise(cuts) if work[x:y].strip()]
    return tuple(i for i in items if bisect.bisect_left(nums, i.start) < bisect.bisect_left(nums, i.end))


def _top_level_semicolon(work: str, a: int, b: int) -> bool:
    depth = 0
    for i in range(a, b):
        c = work[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif c == ";" and depth == 0:
            return True
    return False


def find(work: str, seg: Segments, nums: list[Num], counted: set[int],
         protected: Sequence[tuple[int, int]] = ()) -> list[Enumeration]:
    """Every lead with a list under it, in text order (nested lists after their outer one).

    `counted` are the starts of numbers that can be list values (counts, rates);
    `protected` are spans no item cut may fall in (cue phrases)."""
    starts = sorted(n.start for n in nums if n.start in counted)
    rates = {n.start for n in nums if n.percent}
    if not starts:
        return []
    opens: list[tuple[int, int, str]] = []
    for s, e, cue in structure().markers.finditer(work):
        if cue.label == "respectively":
            continue  # says how items map to the lead's units (placing.py), opens no list
        colon = _COLON_AFTER.match(work, e)
        if cue.label == "with_colon" and (not colon or re.match(r"\s*\d", work[colon.end():colon.end() + 8])):
            continue  # "đúng hạn là: 9.359 hồ sơ": a label and its value
        opens.append((s, colon.end() if colon else e, "phrase"))
    taken = {e for _, e, _ in opens}
    for m in re.finditer(r":", work):
        if m.end() not in taken:
            opens.append((m.start(), m.end(), "colon"))
    for m in re.finditer(r"\(", work):
        opens.append((m.start(), m.end(), "bracket"))
    opens.sort()
    out: list[Enumeration] = []
    for ms, me, kind in opens:
        enum = _enumeration(work, seg, ms, me, kind, starts, rates, protected)
        if enum is not None:
            out.append(enum)
    return out + _runs(work, seg, out)


def _runs(work: str, seg: Segments, found: list[Enumeration]) -> list[Enumeration]:
    """Runs of two or more named values with no marker before them ("Đà Nẵng (58,9%), Hà
    Giang (55,8%) và Nam Định (53,0%) xếp sau"): a list whose lead is the clause before
    the run, or, when the run opens its sentence, the sentence before."""
    out: list[Enumeration] = []
    run: list[re.Match[str]] = []

    def close() -> None:
        if len(run) >= 2 and not any(e.marker_end <= run[0].start() < e.end for e in found):
            lead = _lead_start(work, seg, run[0].start())
            items = tuple(Item(m.start(), m.end()) for m in run)
            out.append(Enumeration(lead, run[0].start(), run[0].start(), run[-1].end(), items))
        run.clear()

    for m in _NAMED.finditer(work):
        if run and not _RUN_JOIN.fullmatch(work, run[-1].end(), m.start()):
            close()
        run.append(m)
    close()
    return out


def _enumeration(work: str, seg: Segments, ms: int, me: int, kind: str, starts: list[int], rates: set[int],
                 protected: Sequence[tuple[int, int]]) -> Enumeration | None:
    lead = _lead_start(work, seg, ms)
    rest_of_line = work[me:work.find("\n", me) if work.find("\n", me) != -1 else len(work)]
    lines = False
    if kind == "bracket":
        if not _count_before(work, lead, ms, starts):
            return None  # "Sở Tư pháp (820 hồ sơ)": the bracket holds the item's own number
        end = _closing(work, ms, len(work))
    elif not rest_of_line.strip(" \t:.-"):
        me = me + len(rest_of_line) + 1  # the list starts on the next line
        if me >= len(work):
            return None
        end = _list_lines(work, me, len(work), _bullet(work, work.rfind("\n", 0, ms) + 1))
        lines = True
        if end <= me:
            return None
    else:
        bracket = _open_bracket(work, lead - 1 if lead and work[lead - 1] == "(" else lead, ms)
        if lead and work[lead - 1] == "(":
            end = _closing(work, lead - 1, len(work))
        elif bracket != -1:
            end = _closing(work, bracket, len(work))
        else:
            end = seg.sentence(me)[1]
        if kind == "colon" and re.match(r"\s*\d", work[me:me + 8]):
            return None  # "Đã giải quyết: 18.273 hồ sơ": a label and its value
    items = _line_items(work, me, end, starts) if lines else _items(work, me, end, starts, False, rates, protected)
    if not items:
        return None
    if kind == "colon" and not lines and len(items) < 2:
        return None
    return Enumeration(lead, ms, me, max(i.end for i in items), items, lines)


def _count_before(work: str, lead: int, pos: int, starts: list[int]) -> bool:
    """A counted number in the lead clause right before a bracket ("đang giải quyết 870
    hồ sơ (...)"): the bracket breaks that count down (not past another item: "A (41 hồ
    sơ) và B (9 hồ sơ)")."""
    k = bisect.bisect_left(starts, pos) - 1
    if k < 0 or starts[k] < lead:
        return False
    return not re.search(r"[,;:)]|(?<![^\W_])và(?![^\W_])", work[starts[k]:pos])


class Lists:
    """The enumerations of one text, searchable by position (innermost item first)."""

    def __init__(self, enums: list[Enumeration]):
        self.enums = enums
        self.by_item: list[tuple[int, int, Enumeration, Item]] = sorted(
            ((it.start, it.end, e, it) for e in enums for it in e.items), key=lambda x: (x[0], -x[1]))
        self.starts = [x[0] for x in self.by_item]

    def at(self, pos: int) -> tuple[Enumeration, Item] | None:
        """The innermost list item holding `pos`."""
        best: tuple[Enumeration, Item] | None = None
        i = bisect.bisect_right(self.starts, pos) - 1
        scanned = 0
        while i >= 0 and scanned < 40:
            s, e, enum, item = self.by_item[i]
            if s <= pos < e and (best is None or e - s < best[1].end - best[1].start):
                best = (enum, item)
            i -= 1
            scanned += 1
        return best
