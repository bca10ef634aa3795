"""Subjects and levels: the administrative unit or office a figure is about.

Units are read from the text ("xã Thái Học", "UBND huyện Phong Điền", "cấp xã",
"Sở Xây dựng", a bare province name) and, as a default, from the portal's hostname
matched against the administrative-unit data shipped with underthesea
(thaihoc.binhgiang.haiduong.gov.vn -> "xã Thái Học"). The data is loaded lazily, once.
"""

from __future__ import annotations

import bisect
import functools
import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from extract import offices
from extract.numbers import UPPER

log = logging.getLogger(__name__)

CENTRAL_CITIES = {"hanoi", "hochiminh", "haiphong", "danang", "cantho", "hue", "hcm", "tphcm"}
_TYPE_LEVEL = offices.LEVELS  # unit type word -> level
# a name may end with a number ("xã Vị Thanh 1", "phường Hòa Thuận 2") when a verb follows it
# or, after a comma, words that go on about it ("..., đơn vị này"); not a list's value
# ("huyện A 23, huyện B 9.")
_NAME_NUMBER = (r"(?:[ \t]+\d{1,2}(?=[ \t]*,[ \t]*(?:đơn vị|địa phương|nơi|là|đã|có|với)[ \t]"
                r"|[ \t]+(?:đã|có|tiếp|giải|là|được)[ \t]))?")
_NAME = rf"(?:[{UPPER}\d][^\W_]*)(?:[ \t]+(?:-[ \t]+)?[{UPPER}][^\W_]*)*{_NAME_NUMBER}"
_UNIT = re.compile(
    rf"(?=[XxPpTtHhQqĐđ])(?<![^\W_])(?P<type>[Xx]ã|[Pp]hường|[Tt]hị trấn|[Hh]uyện|[Qq]uận|[Tt]hị xã|[Tt]hành phố|[Tt]ỉnh|[Đđ]ặc khu|TP\.?|Tp\.?)"
    rf"(?:[ \t]+|(?<=\.))(?P<name>{_NAME})")
# a level of government ("cấp xã", "UBND cấp huyện", "cấp quận, huyện", "cấp sở ngành")
_LEVEL_WORD = re.compile(r"(?=[CcUỦ])(?<![^\W_])(?<!tranh )(?<!công )(?:(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+)?"
                         r"(?:[Cc]ác\s+sở,?\s+ban,?\s+ngành\s+|[Cc]ác\s+cơ\s+quan,?\s+đơn\s+vị\s+)?"
                         r"[Cc]ấp\s+(?P<lvl>xã|huyện|tỉnh|quận|sở(?:,?\s+ngành)?)"
                         r"(?:,[ \t]*(?:huyện|quận|thị xã|thành phố|xã|phường|thị trấn)(?![^\W_]))*(?![^\W_])")
_LEVEL_OF = {"xã": "commune", "huyện": "district", "quận": "district", "tỉnh": "province", "sở": "province"}
_BARE = re.compile(r"(?=[UỦcCtT])(?<![^\W_])(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|của|toàn|trên địa bàn)\s+"
                   r"(?P<type>xã|phường|huyện|quận|tỉnh|thị xã|thị trấn|(?<=UBND )(?i:thành phố|tp))"
                   rf"(?!\s+[{UPPER}\d])(?![^\W_])")
_PLURAL = re.compile(
    r"(?=[CcUỦ])(?<![^\W_])(?:(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+)?[Cc]ác\s+(?P<type>xã|phường|thị\s+trấn|huyện|quận|thị\s+xã)"
    r"(?:\s*(?:,|và)\s*(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|thành\s+phố))*"
    rf"(?![^\W_])(?!\s+[{UPPER}])")
_SOURCE = re.compile(r"(?i:theo\s+(?:báo\s+cáo|thống\s+kê|số\s+liệu|đánh\s+giá)(?:\s+\S+){0,2}?\s+của)\s*$")
_FOOTER = re.compile(r"TRANG THÔNG TIN ĐIỆN TỬ\s+(?P<type>XÃ|PHƯỜNG|THỊ TRẤN|HUYỆN|QUẬN|THỊ XÃ|THÀNH PHỐ|TỈNH)\s+"
                     rf"(?P<name>[{UPPER}\s]+?)(?:\s+-|\n|$)")


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit named in the working text."""

    start: int
    end: int
    name: str
    level: str | None
    bare: bool = False
    incomplete: bool = False
    office: offices.Office | None = None  # the office or anaphora this unit is


def ascii_fold(s: str) -> str:
    """Lowercase ASCII letters only: "Thái Học" -> "thaihoc"."""
    s = s.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in s if not unicodedata.combining(c)).lower())


def _level(type_word: str, name: str) -> str:
    t = type_word.lower().rstrip(".")
    if t in ("thành phố", "tp") and ascii_fold(name) in CENTRAL_CITIES | {"hochiminh"}:
        return "province"
    return _TYPE_LEVEL.get(t, "district")


def _trim(name: str) -> str:
    words = name.split()
    stop = {"UBND", "HĐND", "Ủy", "Uỷ", "Các", "Trong", "Theo", "Năm", "Ngày", "Tại", "Đến"}
    while words and words[-1] in stop:
        words.pop()
    return " ".join(words)


def find_units(work: str, default: tuple[str | None, str | None] = (None, None)) -> list[Unit]:
    """Every unit named in the working text, in order; offices named without their place
    and anaphora ("đơn vị này") are resolved (`_resolve_offices`), `default` being the
    portal's unit."""
    places: list[Unit] = []
    for m in _UNIT.finditer(work):
        name = _trim(m.group("name"))
        if not name:
            continue
        before = work[max(0, m.start() - 5):m.start()].lower()
        if before.endswith("các ") or before.endswith("các"):
            continue
        full = f"{m.group('type')}{'' if m.group('type').endswith('.') else ' '}{name}"
        places.append(Unit(m.start(), m.start("name") + len(name), full, _level(m.group("type"), name)))
    for m in _province_regex().finditer(work):
        places.append(Unit(m.start(), m.end(), m.group(0), "province"))
    places.sort(key=lambda u: (u.start, -(u.end - u.start)))
    out: list[Unit] = list(places)
    for o in offices.find(work, [(u.start, u.end, u.level) for u in places]):
        out.append(Unit(o.start, o.end, o.name, o.level, incomplete=o.incomplete, office=o))
    for m in _BARE.finditer(work):
        t = m.group("type").lower()
        out.append(Unit(m.start("type"), m.end("type"), t, _TYPE_LEVEL.get(t), bare=True))
    for m in _PLURAL.finditer(work):  # "Các xã, thị trấn tiếp nhận ...": a plural unit subject
        t = " ".join(m.group("type").lower().split())
        name = m.group(0) if m.group(0).startswith(("UBND", "Ủy", "Uỷ")) else m.group(0)[0].lower() + m.group(0)[1:]
        out.append(Unit(m.start(), m.end(), name, _TYPE_LEVEL.get(t)))
    for m in _LEVEL_WORD.finditer(work):
        lvl = _LEVEL_OF[m.group("lvl").lower().split()[0].rstrip(",")]
        out.append(Unit(m.start(), m.end(), m.group(0), lvl))
    from extract.lexicon import structure
    for s, e, _ in structure().national.finditer(work):
        out.append(Unit(s, e, work[s:e], "national"))
    for s, e, _ in structure().groups.finditer(work):
        out.append(Unit(s, e, work[s:e], None))
    out.sort(key=lambda u: (u.start, -(u.end - u.start)))
    kept: list[tuple[Unit, bool]] = []  # (unit, named as the source of a report)
    last = -1
    for u in out:
        if u.start < last:
            continue
        if kept and re.fullmatch(r"\s*\(\s*", work[kept[-1][0].end:u.start]):
            last = u.end  # "(TP Cần Thơ)" locates the unit before it
            continue
        source = (u.office is None or u.office.department) and bool(_SOURCE.search(work[max(0, u.start - 40):u.start]))
        kept.append((u, source))
        last = u.end
    resolved = _resolve_offices(kept, default)
    # "theo báo cáo của <unit>" names the source, not the subject (an anaphora may name it);
    # an office reports its own figures ("theo báo cáo của Trung tâm ..., đơn vị này ...")
    return _scope_levels(_resolve_bare([u for u, source in resolved if not source]))


_RANK = {"commune": 0, "district": 1, "province": 2}


def is_level(u: Unit) -> bool:
    """A level or a plural of units ("cấp xã", "UBND cấp huyện", "các xã, phường")."""
    return u.office is None and not u.bare and re.match(
        r"(?i:(?:(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+)?(?:cấp|các)\s)", u.name) is not None


def _scope_levels(units: list[Unit]) -> list[Unit]:
    """A level is scoped by the nearest place the text names before it, of its level or
    above ("cấp xã" after "UBND TP Hà Nội" is "cấp xã (Hà Nội)"; "cấp huyện" after "huyện
    Lập Thạch" is "cấp huyện (huyện Lập Thạch)"); with no place named it stays bare."""
    out: list[Unit] = []
    for i, u in enumerate(units):
        if not is_level(u) or u.level not in _RANK or "(" in u.name:
            out.append(u)
            continue
        need = max(_RANK[u.level], _RANK["district"])
        scope = None
        for v in reversed(units[max(0, i - 200):i]):
            place = None if is_level(v) or v.level not in _RANK else _place(v)
            if place and _RANK[v.level] >= need:
                scope = place
                break
        out.append(Unit(u.start, u.end, f"{u.name} ({scope})", u.level) if scope else u)
    return out


def _resolve_offices(kept: list[tuple[Unit, bool]], default: tuple[str | None, str | None]) -> list[tuple[Unit, bool]]:
    """Offices named without their place take the name of an earlier (else later) full
    mention of the same office ("Trung tâm này", "Trung tâm hành chính công của tỉnh"),
    else their kind and the unit of their level named before ("Bộ phận một cửa của huyện"
    -> "Bộ phận một cửa huyện Tân An"), else the portal's unit; anaphora name the office,
    one-stop office or place named last, and are dropped when there is none."""
    out: list[tuple[Unit, bool]] = []
    done: list[Unit] = []
    for i, (u, source) in enumerate(kept):
        o = u.office
        if o is None or not u.incomplete:
            out.append((u, source))
            done.append(u)
            continue
        # an antecedent is looked for among the nearest mentions only: a page of thousands
        # of mentions must not compare each with all the others
        after = [v for v, _ in kept[i + 1:i + 1 + ANTECEDENT_REACH]]
        named = _antecedent(o, done[-ANTECEDENT_REACH:], after)
        if named is None and o.anaphora is None:
            named = _complete_by_place(o, done, after, default) or _complete_by_default(u, o, done, default)
        if named is None:
            continue  # "Trung tâm" with nothing to point to, a bare kind with no place known
        v = Unit(u.start, u.end, named.name, named.level, bare=named.bare, incomplete=named.incomplete,
                 office=named.office or o)
        out.append((v, source))
        done.append(v)
    return out


#: How many mentions before (and after) an office named without its place are searched for
#: the full mention it stands for; an article names far fewer units than this.
ANTECEDENT_REACH = 100


def _antecedent(o: offices.Office, before: list[Unit], after: list[Unit]) -> Unit | None:
    """The full mention an incomplete office or an anaphora stands for."""
    def full(v: Unit) -> bool:
        return not v.incomplete and not v.bare and not v.name.lower().startswith(("cấp", "các"))

    def named(v: Unit) -> bool:  # an office completed from the portal is named enough to point to
        return (full(v) or v.office is not None and v.incomplete and not v.office.levels) and v.level != "national"

    if o.anaphora == "place":
        return next((v for v in reversed(before) if full(v) and v.office is None and v.level != "national"), None)
    if o.anaphora == "office":
        return next((v for v in reversed(before) if named(v)), None)
    if o.anaphora == "centre":
        return next((v for v in reversed(before) if named(v) and v.office is not None
                     and v.office.kind.startswith(offices.key("trung tâm"))), None)

    def same_office(v: Unit) -> bool:  # a level office ("... cấp huyện") is the same only with that level
        return v.office is not None and v.office.kind == o.kind and full(v) \
            and (o.bare_type is not None or offices.key(v.name).startswith(offices.key(o.name)))

    same = next((v for v in reversed(before) if same_office(v)), None) or next((v for v in after if same_office(v)), None)
    if same is None or o.bare_type is not None and same.level != _TYPE_LEVEL.get(o.bare_type):
        return None
    return same


def _place(v: Unit) -> str | None:
    """The place a unit names: its own name, or the place in an office's name."""
    if v.bare or v.incomplete or v.name.lower().startswith(("cấp", "các")) or v.level == "national":
        return None
    if v.office is None:
        return v.name
    if v.office.bare_type is not None or v.office.anaphora is not None:
        return None
    core = _core(v.name)
    return core if core != v.name else None


def _complete_by_default(u: Unit, o: offices.Office, before: list[Unit],
                         default: tuple[str | None, str | None]) -> Unit | None:
    """An office named by its kind and levels ("Trung tâm Hành chính công cấp tỉnh và
    huyện") is the last place's named before it, else the portal's; by its kind alone, the
    portal's; with nothing to complete it, a kind alone is no unit."""
    if o.bare_type is not None:
        return Unit(0, 0, u.name, u.level, incomplete=True)
    place = next((p for p in map(_place, reversed(before)) if p), None) if o.levels else None
    if place is None and o.desk and default[1] == "commune":
        return Unit(0, 0, str(default[0]), "commune")  # a commune's desk is the commune
    place = place or default[0]
    if place:
        return Unit(0, 0, f"{u.name} {place}", u.level, incomplete=True)
    return Unit(0, 0, u.name, u.level, incomplete=True) if u.name != o.head else None


def _complete_by_place(o: offices.Office, before: list[Unit], after: list[Unit],
                       default: tuple[str | None, str | None]) -> Unit | None:
    """"Trung tâm hành chính công của huyện" after "huyện Tiền Hải" was named: the office of
    that unit (else of the portal's unit, else of the unit of that level named after it)."""
    if o.bare_type is None:
        return None
    level = _TYPE_LEVEL.get(o.bare_type)

    def of_level(units: list[Unit]) -> str | None:
        for v in units:
            p = _place(v)
            if p and v.level == level:
                return p
        return None

    place = of_level(list(reversed(before))) or (default[0] if default[1] == level else None) or of_level(after)
    if place is None:
        return None
    typed = re.match(r"(?i:tỉnh|huyện|quận|thị xã|xã|phường|thị trấn|thành phố|tp)(?![^\W_])", place)
    place = place if typed else f"{o.bare_type} {place}"
    if o.desk and level == "commune":
        return Unit(0, 0, place, level)  # a commune's desk is the commune
    return Unit(0, 0, f"{o.head} {place}", level)


def _resolve_bare(units: list[Unit]) -> list[Unit]:
    """A bare "UBND huyện", "toàn tỉnh" names the unit of that level named before (or after)."""
    out: list[Unit] = []
    for i, u in enumerate(units):
        if not u.bare:
            out.append(u)
            continue
        if u.name != u.name.lower():
            out.append(u)
            continue
        def same(v: Unit) -> bool:  # "UBND thành phố": a city of either level
            place = _place(v)
            if v.bare or place is None:
                return False
            if u.name in ("thành phố", "tp"):
                return place.lower().startswith(("thành phố", "tp"))
            return v.level == u.level

        named = [v for v in reversed(units[max(0, i - 200):i]) if same(v)]
        named = named or [v for v in units[i + 1:i + 200] if same(v)]
        if named:
            out.append(Unit(u.start, u.end, _core(named[0].name), named[0].level, bare=True))
        else:
            out.append(u)
    return out


def _is_named(u: Unit) -> bool:
    """A unit named with its place (an office's place counts: "Trung tâm ... tỉnh Hà Tĩnh")."""
    return _place(u) is not None


def complete(u: Unit, default: str | None, default_level: str | None) -> tuple[str, str | None]:
    """An office named without its place ("Trung tâm Phục vụ hành chính công tỉnh",
    "Bộ phận một cửa cấp huyện, cấp xã") takes the place of the portal or newspaper."""
    if not u.incomplete or not default:
        return u.name, u.level
    m = re.search(r"(tỉnh|huyện|xã)$", u.name)
    if m and default_level == _TYPE_LEVEL.get(m.group(1)):
        return f"{u.name} {_strip_type_lower(default)}", u.level
    if not m or "cấp" in u.name[m.start() - 5:m.start()]:
        return f"{u.name} {default}", u.level
    return u.name, u.level


def _strip_type_lower(name: str) -> str:
    return re.sub(r"^(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+", "", name, flags=re.I)


def _core(name: str) -> str:
    """"Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh" -> "tỉnh Hà Tĩnh"."""
    m = re.search(r"(?:tỉnh|huyện|xã|phường|thị trấn|quận|thị xã|thành phố)\s+\S.*$", name)
    return m.group(0) if m and name[:1].isupper() and not name.lower().startswith(m.group(0)[:4].lower()) else name


@functools.cache
def _address() -> dict[str, object]:
    try:
        import underthesea  # noqa: F401  (only to locate the data)
        path = Path(underthesea.__file__).parent / "address" / "data" / "mapping.json"
        data = json.loads(path.read_text(encoding="utf-8"))
    except Exception as exc:  # data missing or unreadable: no defaults from hostnames
        log.warning("no address data: %s", exc)
        return {"provinces": {}, "districts": {}, "wards": {}}
    provinces: dict[str, str] = {}
    for table in ("old_province_names", "province_names"):
        for key, rec in dict(data.get(table, {})).items():
            provinces[ascii_fold(rec["short"])] = rec["name"]
    districts: dict[tuple[str, str], str] = {}
    wards: dict[tuple[str, str, str], str] = {}
    for rec in data.get("ward_mapping", []):
        p = ascii_fold(_strip_type(rec["old_province"]))
        d_name = rec.get("old_district") or ""
        d = ascii_fold(_strip_type(d_name))
        w_name = rec.get("old_ward") or ""
        districts.setdefault((p, d), d_name)
        wards.setdefault((p, d, ascii_fold(_strip_type(w_name))), w_name)
    return {"provinces": provinces, "districts": districts, "wards": wards}


@functools.cache
def _press() -> dict[str, str]:
    import tomllib
    try:
        data = tomllib.loads((Path(__file__).with_name("lexicon") / "press.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        log.warning("no press table: %s", exc)
        return {}
    return {str(k): str(v) for k, v in dict(data.get("press", {})).items()}


def _strip_type(name: str) -> str:
    return re.sub(r"^(?:Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn)\s+", "", name)


@functools.cache
def _province_regex() -> re.Pattern[str]:
    names = sorted({_strip_type(str(n)) for n in _address()["provinces"].values()}, key=len, reverse=True)  # type: ignore[union-attr]
    names = [n for n in names if len(n) > 3] + ["Thừa Thiên Huế"]
    names.sort(key=len, reverse=True)
    if not names:
        return re.compile(r"(?!x)x")
    from extract.lexicon import _trie_regex
    first = "".join(sorted({re.escape(n[0]) for n in names}))  # a first-character check first: fast scan
    return re.compile(rf"(?=[{first}])(?<![^\W_])(?<!tỉnh )(?<!phố )(?:" + _trie_regex(names) + r")(?![^\W_])")


def _lower_type(name: str) -> str:
    m = re.match(r"^(Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn)\s+(.*)$", name)
    return f"{m.group(1).lower()} {m.group(2)}" if m else name


def from_url(url: str | None) -> tuple[str | None, str | None]:
    """Default subject and level of a portal, from its hostname."""
    if not url:
        return None, None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:
        return None, None
    labels = [x for x in host.lower().split(".") if x not in ("www", "gov", "vn", "com", "net", "org", "edu")]
    if not labels:
        return None, None
    addr = _address()
    provinces: dict[str, str] = addr["provinces"]  # type: ignore[assignment]
    districts: dict[tuple[str, str], str] = addr["districts"]  # type: ignore[assignment]
    wards: dict[tuple[str, str, str], str] = addr["wards"]  # type: ignore[assignment]
    last = labels[-1]
    press = _press()
    if last in press:
        last = ascii_fold(press[last])
    if last.startswith("bao") and last[3:] in provinces:  # provincial newspapers: baodongnai.com.vn
        last = last[3:]
    if last not in provinces:
        return None, None
    prov = provinces[last]
    if len(labels) >= 2 and (last, labels[-2]) in districts:
        dist = districts[(last, labels[-2])]
        if len(labels) >= 3:
            ward = re.sub(r"\d+$", "", labels[-3])
            if (last, labels[-2], ward) in wards:
                return _lower_type(wards[(last, labels[-2], ward)]), "commune"
            return None, None  # a commune portal the data does not know: no default
        return _lower_type(dist), "district"
    if ascii_fold(_strip_type(prov)) in CENTRAL_CITIES:
        return _lower_type(prov), "province"
    return _lower_type(prov), "province"


def from_footer(work: str) -> tuple[str | None, str | None]:
    """Default subject from a portal footer ("TRANG THÔNG TIN ĐIỆN TỬ XÃ THÁI HỌC - ...")."""
    m = _FOOTER.search(work)
    if not m:
        return None, None
    t = m.group("type").lower()
    name = " ".join(w.capitalize() for w in m.group("name").split())
    return f"{t} {name}", _TYPE_LEVEL.get(t)


_HEAD_LEAD = re.compile(r"[\s\-–•*+,:]*(?i:(?:tại|của|ở|riêng)\s+)?")
_HEAD_END = re.compile(r"\s*(?:[(:]|có\s|với\s|đạt\s|là\s|tiếp\s+nhận|giải\s+quyết|\d)")
_NAME_WORD = re.compile(rf"[{UPPER}&][^\s,;:()]*|[a-zđ&-]{{1,12}}|[{UPPER}]{{1,6}}(?:[-&][{UPPER}]{{1,6}})+")


def item_head(work: str, start: int, pos: int, units: list[Unit], ustarts: list[int],
              units_listed: bool, item_end: int | None = None,
              num_end: int | None = None) -> tuple[str, str | None] | None:
    """The unit a list item names first ("huyện Tân Lộc 6 hồ sơ", "Sở Tư pháp (820 hồ
    sơ)", "- Công an tỉnh: 390 hồ sơ"), or None when its head is not a unit (a field of
    work, a channel, a metric). An office word (structure.toml [heads] offices) opens a
    name; under a lead that lists units ("các đơn vị ... gồm:") any capitalised name does.
    An item naming no unit before its number may name it after ("64 thủ tục ở cấp huyện"),
    (from `num_end`, the number's end) and starting before `item_end`."""
    from extract.lexicon import metric_cues, structure

    lead = _HEAD_LEAD.match(work, start, pos)
    s = lead.end() if lead else start
    k = bisect.bisect_left(ustarts, s)
    if k < len(units) and units[k].start == s and units[k].end <= pos:
        return units[k].name, units[k].level
    end = _HEAD_END.search(work, s, pos)
    head = work[s:end.start() if end else pos].strip(" ,;")
    if not head or not head[0].isupper() or len(head.split()) > 10:
        return _unit_inside(units, ustarts, s, pos) or _unit_after(work, units, ustarts, num_end or pos, item_end)
    office = next(iter(structure().offices.finditer(head)), None)
    if office is not None and office[0] == 0 and head[:office[1]][0].isupper():
        return head, _office_level(head)
    if units_listed and all(_NAME_WORD.fullmatch(w) for w in head.split()) \
            and not any(True for _ in metric_cues().finditer(work, s, pos)):
        return head, _office_level(head)  # "Đã giải quyết: 18.273" names a metric, not a unit
    return _unit_inside(units, ustarts, s, pos) or _unit_after(work, units, ustarts, num_end or pos, item_end)


def unit_after(work: str, units: list[Unit], ustarts: list[int], pos: int, end: int | None) -> Unit | None:
    """The unit named after a number in its clause ("277 thủ tục được phân cấp cho UBND cấp
    huyện"): starting before `end`, with no clause break (, ; : brackets) and no other number between.
    A plural after a number ("... của các huyện") is the set it is compared within."""
    k = bisect.bisect_left(ustarts, pos)
    if end is None or k >= len(units) or units[k].start >= end:
        return None
    u = units[k]
    if u.start - pos > 80 or re.search(r"[,;:()\n\d]|(?<![^\W_])và(?![^\W_])", work[pos:u.start]) \
            or re.search(r"(?i:(?<![^\W_])các\s)", u.name):
        return None
    return u


def _unit_after(work: str, units: list[Unit], ustarts: list[int], pos: int,
                end: int | None) -> tuple[str, str | None] | None:
    u = unit_after(work, units, ustarts, pos, end)
    return (u.name, u.level) if u is not None else None


def _unit_inside(units: list[Unit], ustarts: list[int], s: int, pos: int) -> tuple[str, str | None] | None:
    """The last unit an item names before its number ("hồ sơ thuộc thẩm quyền của cấp
    huyện 4.100 hồ sơ")."""
    k = bisect.bisect_left(ustarts, pos) - 1
    if k >= 0 and units[k].start >= s and units[k].end <= pos:
        return units[k].name, units[k].level
    return None


def level_of(name: str) -> str | None:
    """The level a unit's name says ("Cấp xã" -> commune), else None."""
    return _office_level(name)


def _office_level(name: str) -> str | None:
    m = re.search(r"(?<![^\W_])(tỉnh|huyện|quận|thị xã|xã|phường|thị trấn)(?![^\W_])", name.lower())
    if m:
        return _TYPE_LEVEL.get(m.group(1))
    return "province" if name.startswith(("Sở", "Công an tỉnh", "Bưu điện tỉnh")) else None
