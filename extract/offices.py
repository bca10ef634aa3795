"""Offices and agencies named in a text, with their names as the text writes them.

Stage of `subjects.find_units`. An office is a kind from lexicon/offices.toml ("Trung tâm
Phục vụ hành chính công", "Bộ phận một cửa", "Công an") followed by:

- its place, a unit named right after it ("... tỉnh Nam Định", "... UBND phường Hiệp
  Tân", "... Quảng Nam", "... của tỉnh Nghệ An"): the office's name runs to the place's end;
- a level ("... cấp huyện, cấp xã"), a bare type word ("... của huyện", "... tỉnh") or
  nothing: the office is `incomplete`, and `resolve` gives it its place later.

Departments are a head ("Sở", "Bộ") and a name: a listed name ("Lao động, Thương binh và
Xã hội"), an abbreviation whose parts are joined by "&", "-" or "/" ("KH&ĐT", "LĐ-TB&XH"),
or capitalised words and the lowercase words after them ("Tài nguyên và Môi trường").

Anaphora ("đơn vị này", "trung tâm này", "địa phương này") point back to the office or unit
named last; `resolve` names them.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from extract.lexicon import Cue, _check_phrase, _load, compile_cues, Matcher
from extract.normalize import fold_text
from extract.numbers import UPPER

# unit type word -> level ("thành phố" of a central city is a province: subjects._level)
LEVELS = {"đặc khu": "district", "xã": "commune", "phường": "commune", "thị trấn": "commune", "huyện": "district", "quận": "district",
          "thị xã": "district", "thành phố": "district", "tp": "district", "tỉnh": "province"}
# what may stand between an office's kind and its place
_QUALIFIER = r"(?P<what>[ \t]+(?:giải quyết[ \t]+)?(?:thủ tục hành chính|hồ sơ hành chính|TTHC|hồ sơ))?"
_LINK = re.compile(_QUALIFIER + r"[ \t]+(?P<of>của[ \t]+)?(?:(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)[ \t]+)?")
_LEVEL = re.compile(r"[ \t]+(?:của[ \t]+)?(?:UBND[ \t]+)?(?:(?:các|cả|\d)[ \t]+cấp(?![^\W_])|(?:các[ \t]+)?cấp[ \t]+(?:tỉnh|huyện|xã)"
                    r"(?:(?:,[ \t]*|[ \t]+và[ \t]+)(?:cấp[ \t]+)?(?:tỉnh|huyện|xã))*(?![^\W_]))")
_BARE_TYPE = re.compile(_QUALIFIER + r"[ \t]+(?:của[ \t]+)?(?P<type>(?i:tỉnh|huyện|xã|phường|quận|thị xã|thị trấn|thành phố)|TP)"
                        rf"(?![^\W_])(?![ \t]+[{UPPER}\d])")
# a department's name word: an abbreviation joined by & - / ("KH&ĐT"), or a word
_ABBREV = rf"[{UPPER}]{{1,5}}(?:[ \t]?[-&/][ \t]?[{UPPER}]{{1,5}})+(?![^\W_])"
_DEPT_STOP = r"(?:có|đạt|với|xếp|đứng|là|được|tổng|chỉ|trong|tiếp|đã|giải|và\s+các|cho|tại|về|thì|nhưng|đang|vẫn)"
_DEPT_WORDS = rf"[{UPPER}][^\W_]*(?:[ \t]+(?!{_DEPT_STOP}(?![^\W_]))[^\W\d_]+){{0,6}}"
_NAMED_AFTER = re.compile(rf"[ \t]+(?:[{UPPER}]|hành chính|phục vụ)")
_ABBREV_RX = re.compile(_ABBREV)
_DEPT_WORDS_RX = re.compile(_DEPT_WORDS)
_DEPT_SKIP = re.compile(r"^(?:Ban (?:Thường vụ|Chỉ đạo|Biên tập|Chấp hành|Tiếp|[Cc]hỉ huy)|"
                        r"Bộ (?:phận|Chỉ số|chỉ số|TTHC|thủ tục|máy|hồ sơ))")


@dataclass(frozen=True, slots=True)
class Office:
    """An office named in the text."""

    start: int
    end: int
    name: str  # as written (kind, link words, place)
    kind: str  # the kind's words, folded, for matching mentions of the same office
    head: str  # the kind as written ("Trung tâm hành chính công")
    level: str | None
    incomplete: bool  # no place of its own: `resolve` gives it one
    bare_type: str | None = None  # "của huyện": the type of unit its place is
    anaphora: str | None = None  # "office", "centre" or "place": points back
    agency: bool = False  # an agency ("Công an tỉnh"): a subject where named, not carried on
    levels: bool = False  # the offices of one or more levels ("Bộ phận một cửa cấp huyện, cấp xã")
    department: bool = False  # a department ("Sở Tư pháp", "Bộ Nội vụ")
    desk: bool = False  # a one-stop desk: a commune's desk is the commune
    place_start: int | None = None  # where its place starts, when it names one


@dataclass(frozen=True, slots=True)
class Lexicon:
    cues: Matcher  # kinds ("centres", "desks", "agencies"), department "names", anaphora ("office", "centre", "place")
    heads: re.Pattern[str]


_KINDS = frozenset({"centres", "desks", "agencies"})
_ANAPHORA = frozenset({"office", "centre", "place"})


@functools.cache
def lexicon() -> Lexicon:
    data = _load("offices.toml")

    def cues(section: str) -> list[Cue]:
        table = data.get(section)
        if not isinstance(table, dict) or not table:
            raise ValueError(f"offices.toml: no [{section}] table")
        return [Cue(key, _check_phrase("offices.toml", f"{section}.{key}", p), 0)
                for key, phrases in table.items() for p in phrases]

    depts = cues("departments")
    heads = sorted((c.phrase for c in depts if c.label == "heads"), key=len, reverse=True)
    first = "".join(sorted({re.escape(h[0]) for h in heads}))  # a first-character check first: fast scan
    head_rx = re.compile(rf"(?=[{first}])(?<![^\W_])(?P<head>" + "|".join(re.escape(h) for h in heads) + r")[ \t]+")
    # one scan finds kinds, listed department names and anaphora
    return Lexicon(compile_cues(cues("kinds") + [c for c in depts if c.label == "names"] + cues("anaphora")), head_rx)


@functools.lru_cache(maxsize=4096)
def key(name: str) -> str:
    """A kind's words for comparing mentions ("Trung tâm phục vụ Hành chính công" ==
    "Trung tâm Phục vụ hành chính công")."""
    return " ".join(fold_text(name).lower().split())


def find(work: str, places: list[tuple[int, int, str | None]]) -> list[Office]:
    """Offices, departments and anaphora of `work`, in order. `places` are the (start, end,
    level) of the units named by place (sorted), which an office's name may end with."""
    lex = lexicon()
    place_at = {s: (e, lvl) for s, e, lvl in places}
    out: list[Office] = []
    listed: dict[int, int] = {}
    for s, e, cue in lex.cues.finditer(work):
        if cue.label == "names":
            listed[s] = e
        elif cue.label in _KINDS:
            if cue.label == "agencies" and not work[s].isupper():
                continue
            office = _office(work, s, e, place_at, cue.label == "agencies")
            if cue.label == "desks" and office.place_start is not None and office.level == "commune":
                continue  # a commune's desk is the commune, named by its place
            if cue.label != "centres":
                office = dataclasses.replace(office, agency=cue.label == "agencies", desk=cue.label == "desks")
            out.append(office)
        elif not _NAMED_AFTER.match(work, e):  # "Trung tâm Y tế ...": a name, not a pointer back
            out.append(Office(s, e, work[s:e], key(work[s:e]), work[s:e], None, True, anaphora=cue.label))
    for m in lex.heads.finditer(work):
        dept = _department(work, m, listed)
        if dept is not None:
            out.append(dept)
    return out


def _office(work: str, s: int, e: int, place_at: dict[int, tuple[int, str | None]], agency: bool) -> Office:
    kind, head = key(work[s:e]), " ".join(work[s:e].split())
    link = _LINK.match(work, e)
    if link is not None and link.end() in place_at:
        end, lvl = place_at[link.end()]
        return Office(s, end, _written(work, s, end, link), kind, head, lvl, False, place_start=link.end())
    level = _LEVEL.match(work, e)
    if level is not None:
        end = level.end()
        named = re.findall(r"(tỉnh|huyện|xã)", work[e:end])
        lvl = LEVELS[named[0]] if len(set(named)) == 1 else None
        link = _LINK.match(work, end)
        if link is not None and link.end() in place_at:  # "Bộ phận một cửa cấp huyện, cấp xã tỉnh Vĩnh Phúc"
            pend, _ = place_at[link.end()]
            return Office(s, pend, _written(work, s, pend, link), kind, head, lvl, False, levels=True)
        return Office(s, end, " ".join(work[s:end].split()), kind, head, lvl, True, levels=True)
    bare = _BARE_TYPE.match(work, e)
    if bare is not None:
        t = bare.group("type").lower()  # "Công an tỉnh", "Văn phòng UBND tỉnh": an agency's full name
        return Office(s, bare.end(), " ".join(work[s:bare.end()].split()), kind, head, LEVELS[t], not agency,
                      bare_type=t)
    return Office(s, e, " ".join(work[s:e].split()), kind, head, None, True)


def _written(work: str, s: int, end: int, link: re.Match[str]) -> str:
    """The office's name as written, without what it handles or the "của" before its place
    ("Bộ phận tiếp nhận và trả kết quả thủ tục hành chính của thị xã Hòa Thành" ->
    "Bộ phận tiếp nhận và trả kết quả thị xã Hòa Thành")."""
    cut = [(link.start(g), link.end(g)) for g in ("what", "of") if link.group(g) is not None]
    text, at = "", s
    for a, b in cut:
        text += work[at:a] + " "
        at = b
    return " ".join((text + work[at:end]).split())


def _department(work: str, m: re.Match[str], listed: dict[int, int]) -> Office | None:
    """"Sở KH&ĐT", "Sở Lao động, Thương binh và Xã hội", "Sở Tài nguyên và Môi trường";
    `listed` maps where a listed department name starts to its end."""
    at = m.end()
    if at in listed:
        end = listed[at]
    else:
        ab = _ABBREV_RX.match(work, at)
        words = _DEPT_WORDS_RX.match(work, at)
        if ab is not None:
            end = ab.end()
        elif words is not None:
            end = at + len(words.group(0).rstrip())
        else:
            return None
    name = work[m.start():end]
    if _DEPT_SKIP.match(name):
        return None
    level = "national" if m.group("head") in ("Bộ", "Ngân hàng Nhà nước") else "province"
    return Office(m.start(), end, name, key(m.group("head")), m.group("head"), level, False, department=True)
