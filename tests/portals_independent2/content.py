"""Articles of the second independent portal set: Vietnamese CCHC prose with known figures.

Each article is written from a small plan (kind + numbers); the figures it states are
recorded beside it as (metric, channel, value), per ../shared/figures.md.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


def vn(n: int) -> str:
    """1234 -> '1.234' (dot thousands, as articles print them)."""
    return f"{n:,}".replace(",", ".")


def pct(x: float) -> str:
    """99.25 -> '99,25' (comma decimal, as articles print them)."""
    s = f"{x:.2f}".rstrip("0").rstrip(".")
    return s.replace(".", ",")


@dataclass
class Article:
    id: int
    title: str
    when: datetime
    lead: str
    paragraphs: list[str]
    figures: list[tuple[str, str | None, float]] = field(default_factory=list)
    category: str = ""          # category key on its site
    reform: bool = True         # in a category the product must crawl
    url: str = ""               # filled by the site

    @property
    def day(self) -> date:
        return self.when.date()


QUARTERS = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _quarter_report(rng: random.Random, unit: str, year: int, q: int) -> tuple[str, str, list[str], list]:
    received = rng.randint(180, 2400)
    online = rng.randint(received // 5, received // 2)
    resolved = received - rng.randint(5, 40)
    late = rng.randint(1, 9)
    eot = resolved - late
    pending = received - resolved
    rate = round(eot * 100 / resolved, 2)
    title = f"Kết quả giải quyết thủ tục hành chính quý {QUARTERS[q]} năm {year} tại {unit}"
    lead = (f"Quý {QUARTERS[q]} năm {year}, Bộ phận Tiếp nhận và trả kết quả {unit} tiếp tục "
            f"duy trì nền nếp phục vụ người dân, doanh nghiệp theo cơ chế một cửa, một cửa liên thông.")
    paras = [
        f"Theo báo cáo của văn phòng HĐND - UBND, trong quý {QUARTERS[q]} năm {year}, Bộ phận một cửa "
        f"đã tiếp nhận {vn(received)} hồ sơ thủ tục hành chính, trong đó tiếp nhận trực tuyến "
        f"{vn(online)} hồ sơ.",
        f"Kết quả, đã giải quyết {vn(resolved)} hồ sơ, trong đó trước và đúng hạn {vn(eot)} hồ sơ, "
        f"đạt tỷ lệ {pct(rate)}%; trễ hạn {late} hồ sơ do phải xác minh nguồn gốc đất đai. "
        f"Hiện còn {vn(pending)} hồ sơ đang giải quyết.",
        "Lãnh đạo UBND yêu cầu công chức một cửa tiếp tục niêm yết công khai đầy đủ thủ tục, "
        "hướng dẫn tận tình, không để người dân phải đi lại nhiều lần; kịp thời xin lỗi "
        "tổ chức, cá nhân khi hồ sơ quá hạn theo Quyết định số 14/QĐ-UBND.",
    ]
    figs = [("received", None, received), ("received", "online", online),
            ("resolved", None, resolved), ("early_or_on_time", None, eot),
            ("early_or_on_time_rate", None, rate), ("late", None, late),
            ("pending", None, pending)]
    return title, lead, paras, figs


def _month_report(rng: random.Random, unit: str, year: int, month: int) -> tuple[str, str, list[str], list]:
    received = rng.randint(60, 900)
    carried = rng.randint(3, 30)
    resolved = received + carried - rng.randint(4, 20)
    title = f"{cap(unit)}: tình hình tiếp nhận, giải quyết hồ sơ tháng {month}/{year}"
    lead = (f"Trong tháng {month}/{year}, công tác giải quyết thủ tục hành chính của {unit} "
            "được thực hiện đúng quy trình, công khai, minh bạch.")
    paras = [
        f"Tháng {month}/{year}, {unit} tiếp nhận mới {vn(received)} hồ sơ, kỳ trước chuyển sang "
        f"{carried} hồ sơ. Đã trả kết quả {vn(resolved)} hồ sơ, 100% hồ sơ được giải quyết "
        "trước và đúng hạn.",
        "Các lĩnh vực có nhiều hồ sơ là hộ tịch, chứng thực và đất đai. Cán bộ một cửa đã "
        "hướng dẫn người dân sử dụng tài khoản định danh điện tử VNeID để nộp hồ sơ trên "
        "Cổng Dịch vụ công quốc gia.",
    ]
    figs = [("received", None, received), ("carried_over", None, carried),
            ("resolved", None, resolved), ("early_or_on_time_rate", None, 100)]
    return title, lead, paras, figs


def _year_review(rng: random.Random, unit: str, year: int) -> tuple[str, str, list[str], list]:
    procedures = rng.randint(240, 420)
    online_services = rng.randint(120, procedures - 60)
    satisfaction = round(rng.uniform(96, 99.9), 1)
    title = f"Hội nghị tổng kết công tác cải cách hành chính năm {year - 1} của {unit}"
    lead = (f"Sáng {rng.randint(10, 28)}/01/{year}, UBND tổ chức hội nghị tổng kết công tác cải cách "
            f"hành chính năm {year - 1}, triển khai nhiệm vụ năm {year}.")
    paras = [
        f"Năm {year - 1}, {unit} đã công bố, công khai {procedures} thủ tục hành chính thuộc thẩm "
        f"quyền giải quyết; cung cấp {online_services} dịch vụ công trực tuyến trên Cổng Dịch vụ "
        "công của tỉnh.",
        f"Kết quả khảo sát cho thấy tỷ lệ hài lòng của người dân, doanh nghiệp đạt {pct(satisfaction)}%. "
        "Hội nghị có 85 đại biểu tham dự; 12 tập thể và 20 cá nhân được khen thưởng.",
        f"Năm {year}, đơn vị phấn đấu tỷ lệ hồ sơ trực tuyến toàn trình đạt trên 80%, "
        "hoàn thành số hóa kết quả giải quyết TTHC còn hiệu lực.",
    ]
    figs = [("procedures", None, procedures), ("online_services", None, online_services),
            ("satisfaction_rate", None, satisfaction)]
    return title, lead, paras, figs


def _half_year(rng: random.Random, unit: str, year: int) -> tuple[str, str, list[str], list]:
    received = rng.randint(900, 5200)
    resolved = received - rng.randint(20, 90)
    early = rng.randint(resolved // 3, resolved // 2)
    late = rng.randint(2, 15)
    ontime = resolved - early - late
    title = f"{cap(unit)} đẩy mạnh cải cách hành chính 6 tháng đầu năm {year}"
    lead = ("Việc đẩy mạnh ứng dụng công nghệ thông tin đã góp phần rút ngắn thời gian giải "
            "quyết hồ sơ cho người dân.")
    paras = [
        f"6 tháng đầu năm {year}, tổng số hồ sơ tiếp nhận là {vn(received)} hồ sơ. Số hồ sơ đã "
        f"giải quyết {vn(resolved)} hồ sơ, trong đó trước hạn {vn(early)} hồ sơ, đúng hạn "
        f"{vn(ontime)} hồ sơ, quá hạn {late} hồ sơ.",
        "Bên cạnh kết quả đạt được, vẫn còn một số hồ sơ đất đai giải quyết chậm do phải lấy "
        "ý kiến nhiều cơ quan. Thời gian tới, đơn vị sẽ tăng cường kiểm tra đột xuất kỷ luật, "
        "kỷ cương hành chính.",
    ]
    figs = [("received", None, received), ("resolved", None, resolved), ("early", None, early),
            ("on_time", None, ontime), ("late", None, late)]
    return title, lead, paras, figs


def _plain_news(rng: random.Random, unit: str, year: int) -> tuple[str, str, list[str], list]:
    topics = [
        ("Tập huấn kỹ năng giao tiếp cho công chức Bộ phận một cửa",
         "Lớp tập huấn thu hút 46 công chức, người hoạt động không chuyên trách tham gia."),
        ("Ra mắt mô hình “Tổ công nghệ số cộng đồng” tại các thôn",
         "Mỗi tổ gồm 5 thành viên, hỗ trợ người dân cài đặt ứng dụng và thanh toán trực tuyến."),
        ("Kiểm tra công tác cải cách hành chính tại các đơn vị trường học",
         "Đoàn kiểm tra làm việc tại 3 trường, theo Kế hoạch số 27/KH-UBND ngày 05/3."),
        ("Đối thoại với người dân về giải quyết thủ tục đất đai",
         "Buổi đối thoại có 64 hộ dân tham dự, 9 ý kiến được giải đáp trực tiếp tại hội nghị."),
        ("Khai trương Điểm phục vụ hành chính công cấp xã theo mô hình mới",
         "Điểm phục vụ bố trí 6 quầy giao dịch, 2 máy tính tra cứu và khu vực chờ 30 chỗ ngồi."),
        ("Tuyên truyền thực hiện Đề án 06 về dữ liệu dân cư",
         "Đoàn thanh niên ra quân 2 đợt, hỗ trợ kích hoạt tài khoản định danh mức 2."),
    ]
    t, extra = rng.choice(topics)
    title = f"{t} ({unit})" if rng.random() < 0.3 else t
    lead = f"Thực hiện kế hoạch cải cách hành chính năm {year}, {unit} triển khai nhiều hoạt động thiết thực."
    paras = [
        extra,
        "Qua hoạt động, nhận thức của cán bộ, công chức và người dân về cải cách hành chính "
        "được nâng lên; thái độ phục vụ ngày càng chuyên nghiệp, thân thiện.",
        "Đề nghị liên hệ số điện thoại 0228.3812.456 để được hướng dẫn.",
    ]
    return title, lead, paras, []


KINDS = ["quarter", "month", "year", "half", "news"]


def write_articles(seed: int, unit: str, n: int, first_id: int, start: datetime,
                   kinds: list[str] | None = None, used: set[str] | None = None) -> list[Article]:
    """n articles, newest first, one every few days before `start`."""
    rng = random.Random(seed)
    out: list[Article] = []
    when = start
    aid = first_id
    used = set() if used is None else used
    for i in range(n):
        aid -= rng.randint(2, 9)
        when = when - timedelta(days=rng.randint(4, 19), hours=rng.randint(0, 5),
                                minutes=rng.randint(0, 50))
        when = when.replace(hour=rng.randint(7, 17))
        kind = (kinds[i % len(kinds)] if kinds else KINDS[(seed + i) % len(KINDS)])
        year = when.year
        for attempt in range(12):
            back = attempt // 2
            if kind == "quarter":
                qq = (when.month - 1) // 3 - back  # the last finished quarter, then earlier ones
                y, q = (year, qq) if qq >= 1 else (year - 1, qq + 4)
                t, lead, paras, figs = _quarter_report(rng, unit, y, q)
            elif kind == "month":
                mm = when.month - 1 - back
                y, m = (year, mm) if mm >= 1 else (year - 1, mm + 12)
                t, lead, paras, figs = _month_report(rng, unit, y, m)
            elif kind == "year":
                t, lead, paras, figs = _year_review(rng, unit, year - back)
            elif kind == "half":
                t, lead, paras, figs = _half_year(rng, unit, year - back)
            else:
                t, lead, paras, figs = _plain_news(rng, unit, year)
            if t not in used:
                break
            if attempt % 2 and not kinds:
                kind = KINDS[(KINDS.index(kind) + 1) % len(KINDS)]
        used.add(t)
        out.append(Article(aid, t, when, lead, paras, figs))
    return out


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def weekday(d: datetime | date) -> str:
    return WEEKDAYS[d.weekday()]
