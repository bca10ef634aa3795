"""Article texts for the independent portal set: our own Vietnamese sentences, with the
figures each one states (figures.md: metric, channel, value) as truth.

Every template takes the site's unit and a random generator and returns
(title, summary, paragraphs, figures). Numbers are drawn so that parts add up.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass
class Unit:
    name: str          # "xã Tân Hòa"
    kind: str          # "xã", "phường", "huyện", "thị xã", "thành phố"
    bare: str          # "Tân Hòa"
    district: str      # "huyện Đồng Phú" or ""
    province: str      # "tỉnh Bình Phước"

    @property
    def ubnd(self) -> str:
        return f"UBND {self.name}"

    @property
    def cap(self) -> str:
        return self.name[0].upper() + self.name[1:]


@dataclass
class Text:
    title: str
    summary: str
    paragraphs: list[str]
    figures: list[dict] = field(default_factory=list)


def fig(metric: str, value: float, channel: str | None = None) -> dict:
    return {"metric": metric, "value": value, "channel": channel}


def dots(n: int) -> str:
    """61953 -> '61.953' (the articles' thousands separator)."""
    return f"{n:,}".replace(",", ".")


def comma(x: float, nd: int = 2) -> str:
    """98.7 -> '98,7' (the articles' decimal comma)."""
    s = f"{x:.{nd}f}".rstrip("0").rstrip(".")
    return s.replace(".", ",")


def pct(a: int, b: int, nd: int = 2) -> float:
    return round(100 * a / b, nd)


def desk(u: Unit) -> str:
    if u.kind in ("xã", "phường", "thị trấn"):
        return f"Bộ phận Tiếp nhận và Trả kết quả {u.name}"
    return f"Bộ phận Một cửa {u.name}"


# ---------------------------------------------------------------- reform texts with figures

def quarter_report(u: Unit, r: random.Random, when: datetime) -> Text:
    q = (when.month - 1) // 3 or 4
    y = when.year if when.month > 3 else when.year - 1
    rec = r.randint(180, 900)
    onl = r.randint(rec // 4, rec // 2)
    res = rec - r.randint(4, 20)
    late = r.randint(1, 4)
    early = r.randint(res // 2, res - 40)
    ontime = res - early - late
    pend = rec - res
    return Text(
        f"Kết quả giải quyết thủ tục hành chính quý {ROMAN[q]} năm {y}",
        f"{desk(u)} tổng kết công tác tiếp nhận, giải quyết hồ sơ quý {ROMAN[q]}.",
        [f"Trong quý {ROMAN[q]} năm {y}, {desk(u)} đã tiếp nhận {rec} hồ sơ thủ tục hành chính, "
         f"trong đó có {onl} hồ sơ nộp trực tuyến qua Cổng dịch vụ công. Đã giải quyết {res} hồ sơ, "
         f"trong đó giải quyết trước hạn {early} hồ sơ, đúng hạn {ontime} hồ sơ, trễ hạn {late} hồ sơ; "
         f"còn {pend} hồ sơ đang giải quyết trong hạn.",
         f"Nguyên nhân hồ sơ trễ hạn chủ yếu do người dân chưa bổ sung giấy tờ kịp thời. "
         f"{u.ubnd} đã chỉ đạo công chức chuyên môn rà soát, gửi thư xin lỗi tổ chức, công dân.",
         "Thời gian tới, đơn vị phấn đấu 100% hồ sơ được giải quyết đúng hạn, tiếp tục niêm yết "
         "công khai thủ tục hành chính tại trụ sở và trên trang thông tin điện tử."],
        [fig("received", rec), fig("received", onl, "online"), fig("resolved", res),
         fig("early", early), fig("on_time", ontime), fig("late", late),
         fig("pending_not_due", pend)])


def half_year(u: Unit, r: random.Random, when: datetime) -> Text:
    y = when.year
    carry = r.randint(5, 40)
    new = r.randint(600, 2400)
    total = carry + new
    res = total - r.randint(10, 60)
    good = res - r.randint(1, 9)
    rate = pct(good, res, 1)
    return Text(
        f"{u.cap}: sơ kết công tác cải cách hành chính 6 tháng đầu năm {y}",
        f"Sáng {when.day}/{when.month}, {u.ubnd} tổ chức hội nghị sơ kết công tác cải cách hành chính.",
        [f"Sáng ngày {when.day}/{when.month}/{y}, {u.ubnd} tổ chức hội nghị sơ kết công tác cải cách "
         f"hành chính 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm {y}.",
         f"Báo cáo cho biết, 6 tháng đầu năm {y}, {u.name} đã tiếp nhận tổng số {dots(total)} hồ sơ "
         f"(kỳ trước chuyển sang {carry} hồ sơ, tiếp nhận mới {dots(new)} hồ sơ). Kết quả đã giải "
         f"quyết {dots(res)} hồ sơ, trong đó {dots(good)} hồ sơ giải quyết trước và đúng hạn, đạt "
         f"{comma(rate)}%.",
         "Tại hội nghị, các đại biểu đã thảo luận, chỉ ra những tồn tại, hạn chế như cơ sở vật chất "
         "của bộ phận một cửa còn thiếu, một số công chức còn kiêm nhiệm nhiều việc."],
        [fig("total", total), fig("carried_over", carry), fig("received", new),
         fig("resolved", res), fig("early_or_on_time", good), fig("early_or_on_time_rate", rate)])


def online_year(u: Unit, r: random.Random, when: datetime) -> Text:
    y = when.year - 1 if when.month < 4 else when.year
    onl = r.randint(300, 1500)
    rate = round(r.uniform(55, 92), 2)
    sat = round(r.uniform(97, 99.9), 1)
    return Text(
        f"Đẩy mạnh dịch vụ công trực tuyến trên địa bàn {u.name}",
        "Tỷ lệ hồ sơ nộp trực tuyến tăng rõ rệt so với năm trước.",
        [f"Năm {y}, {u.name} đã tiếp nhận {dots(onl)} hồ sơ trực tuyến qua Cổng dịch vụ công quốc gia và "
         f"Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh, đạt tỷ lệ {comma(rate)}%.",
         f"Kết quả khảo sát cho thấy mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của "
         f"cơ quan hành chính đạt {comma(sat)}%.",
         "Để nâng cao tỷ lệ này, Đoàn Thanh niên đã thành lập tổ công nghệ số cộng đồng ở các thôn, "
         "hướng dẫn người dân cài đặt ứng dụng VNeID và tài khoản định danh điện tử mức độ 2."],
        [fig("received", onl, "online"), fig("received_rate", rate, "online"),
         fig("satisfaction_rate", sat)])


def par_index(u: Unit, r: random.Random, when: datetime) -> Text:
    y = when.year - 1
    score = round(r.uniform(82, 93), 2)
    rank = r.randint(1, 9)
    return Text(
        f"Công bố Chỉ số cải cách hành chính năm {y}",
        f"{u.cap} tiếp tục nằm trong nhóm dẫn đầu của tỉnh.",
        [f"Theo Quyết định công bố của UBND {u.province}, Chỉ số cải cách hành chính năm {y} của "
         f"{u.name} đạt {comma(score)} điểm, xếp thứ {rank}/{r.randint(rank + 3, 15)} đơn vị cấp huyện.",
         "Các lĩnh vực đạt điểm cao gồm cải cách thủ tục hành chính, cải cách tổ chức bộ máy và "
         "xây dựng chính quyền số; lĩnh vực cải cách tài chính công còn bị trừ điểm."],
        [fig("par_index", score), fig("par_rank", rank)])


def month_channels(u: Unit, r: random.Random, when: datetime) -> Text:
    m = when.month - 1 or 12
    y = when.year if when.month > 1 else when.year - 1
    d, o, p = r.randint(40, 160), r.randint(30, 140), r.randint(2, 12)
    rec = d + o + p
    res = rec - r.randint(0, 6)
    return Text(
        f"Tháng {m}/{y}: {u.name} giải quyết {res} hồ sơ thủ tục hành chính",
        f"Toàn bộ hồ sơ được trả kết quả đúng hạn và trước hạn.",
        [f"Trong tháng {m}/{y}, {desk(u)} tiếp nhận {rec} hồ sơ, gồm: trực tiếp {d} hồ sơ, "
         f"trực tuyến {o} hồ sơ, qua dịch vụ bưu chính công ích {p} hồ sơ.",
         f"Đã trả kết quả {res} hồ sơ, 100% đúng và trước hạn. Lĩnh vực có nhiều hồ sơ nhất là "
         "chứng thực và hộ tịch."],
        [fig("received", rec), fig("received", d, "direct"), fig("received", o, "online"),
         fig("received", p, "postal"), fig("resolved", res),
         fig("early_or_on_time_rate", 100.0)])


def nine_months(u: Unit, r: random.Random, when: datetime) -> Text:
    y = when.year
    res = r.randint(900, 4000)
    lr = round(r.uniform(0.2, 2.5), 2)
    return Text(
        f"Tỷ lệ hồ sơ trễ hạn 9 tháng năm {y} giảm mạnh",
        "Kết quả kiểm soát thủ tục hành chính 9 tháng.",
        [f"9 tháng năm {y}, các bộ phận một cửa trên địa bàn {u.name} đã giải quyết {dots(res)} hồ sơ; "
         f"tỷ lệ hồ sơ trễ hạn là {comma(lr)}%, giảm so với cùng kỳ năm trước.",
         "UBND đã ban hành Kế hoạch số 112/KH-UBND ngày 05/3 về kiểm soát thủ tục hành chính, "
         "tổ chức 4 đợt kiểm tra đột xuất tại các đơn vị."],
        [fig("resolved", res), fig("late_rate", lr)])


def ytd_center(u: Unit, r: random.Random, when: datetime) -> Text:
    rec = r.randint(8000, 16000)
    res = rec - r.randint(200, 600)
    late = r.randint(10, 80)
    good = res - late
    rate = pct(good, res)
    return Text(
        f"Trung tâm Phục vụ hành chính công {u.name}: kết quả từ đầu năm đến nay",
        "Hơn 99% hồ sơ được giải quyết đúng hạn.",
        [f"Từ đầu năm đến ngày {when.day}/{when.month}/{when.year}, Trung tâm Phục vụ hành chính công "
         f"{u.name} tiếp nhận {dots(rec)} hồ sơ, đã giải quyết {dots(res)} hồ sơ, trong đó trước và "
         f"đúng hạn {dots(good)} hồ sơ (đạt {comma(rate)}%), trễ hạn {late} hồ sơ.",
         "Lãnh đạo Trung tâm cho biết sẽ tiếp tục số hóa hồ sơ, kết quả giải quyết thủ tục hành "
         "chính theo Đề án 06 của Chính phủ."],
        [fig("received", rec), fig("resolved", res), fig("early_or_on_time", good),
         fig("early_or_on_time_rate", rate), fig("late", late),
         dict(fig("on_time_rate", 99.0), teaser=True)])  # the teaser's "Hơn 99% … đúng hạn"


def procedures(u: Unit, r: random.Random, when: datetime) -> Text:
    n = r.randint(95, 140)
    return Text(
        f"Công khai bộ thủ tục hành chính thuộc thẩm quyền giải quyết của {u.ubnd}",
        "Người dân có thể tra cứu tại trụ sở và trên Cổng dịch vụ công.",
        [f"Thực hiện Quyết định của Chủ tịch UBND {u.province}, {u.ubnd} đã niêm yết công khai "
         f"{n} thủ tục hành chính thuộc thẩm quyền giải quyết tại Bộ phận một cửa.",
         "Mỗi thủ tục đều ghi rõ thành phần hồ sơ, thời hạn giải quyết, phí, lệ phí và mã QR "
         "để người dân quét tra cứu bằng điện thoại."],
        [fig("procedures", n)])


REFORM_WITH_FIGURES = [quarter_report, half_year, online_year, month_channels, nine_months,
                       ytd_center, procedures]
DISTRICT_ONLY = [par_index]


# ---------------------------------------------------------------- reform texts without figures

def plan_text(u: Unit, r: random.Random, when: datetime) -> Text:
    y = when.year
    return Text(
        f"Kế hoạch cải cách hành chính năm {y}",
        f"{u.ubnd} ban hành kế hoạch với nhiều chỉ tiêu cụ thể.",
        [f"{u.ubnd} vừa ban hành Kế hoạch số {r.randint(10, 99)}/KH-UBND về cải cách hành chính năm {y}.",
         "Kế hoạch đặt mục tiêu phấn đấu 100% thủ tục hành chính đủ điều kiện được cung cấp dịch vụ "
         "công trực tuyến toàn trình, tỷ lệ hài lòng của người dân đạt trên 95%, tỷ lệ hồ sơ trễ hạn "
         "dưới 1%.",
         "Các thôn, khu dân cư có trách nhiệm tuyên truyền để người dân biết và thực hiện."],
        [])


def training_text(u: Unit, r: random.Random, when: datetime) -> Text:
    return Text(
        "Tập huấn kỹ năng số cho tổ công nghệ số cộng đồng",
        f"Hơn {r.randint(5, 9)}0 thành viên tổ công nghệ số tham dự.",
        [f"Ngày {when.day}/{when.month}, {u.ubnd} phối hợp với Viettel tổ chức lớp tập huấn cho "
         f"{r.randint(40, 95)} thành viên tổ công nghệ số cộng đồng của {r.randint(6, 14)} thôn.",
         "Học viên được hướng dẫn cách nộp hồ sơ trực tuyến, thanh toán phí, lệ phí không dùng tiền "
         "mặt và tra cứu kết quả giải quyết thủ tục hành chính."],
        [])


def inspection_text(u: Unit, r: random.Random, when: datetime) -> Text:
    return Text(
        f"Kiểm tra công tác cải cách hành chính tại {u.name}",
        "Đoàn kiểm tra đánh giá cao việc niêm yết công khai thủ tục.",
        [f"Ngày {when.day}/{when.month}/{when.year}, Đoàn kiểm tra cải cách hành chính của "
         f"{u.district or u.province} do đồng chí Phó Chủ tịch làm trưởng đoàn đã làm việc với {u.ubnd}.",
         "Đoàn đã kiểm tra việc thực hiện cơ chế một cửa, việc số hóa hồ sơ và thái độ phục vụ của "
         "công chức; đề nghị xã khắc phục ngay các tồn tại trước ngày 30/6."],
        [])


REFORM_PLAIN = [plan_text, training_text, inspection_text]


# ---------------------------------------------------------------- other news

def news_texts(u: Unit) -> list[tuple[str, str, list[str]]]:
    return [
        ("Ra quân tổng vệ sinh môi trường hưởng ứng Ngày Môi trường thế giới",
         "Hàng trăm đoàn viên, hội viên tham gia.",
         [f"Sáng Chủ nhật, {u.ubnd} tổ chức lễ ra quân tổng vệ sinh môi trường với sự tham gia của "
          "320 đoàn viên, hội viên và nhân dân.", "Các lực lượng đã thu gom 12 tấn rác thải, phát quang 5 km đường giao thông nông thôn."]),
        ("Trao quà cho các hộ gia đình chính sách nhân dịp Tết Nguyên đán",
         "Mỗi suất quà trị giá 500.000 đồng.",
         [f"Nhân dịp Tết Nguyên đán, lãnh đạo {u.name} đã đến thăm, trao 185 suất quà cho gia đình chính "
          "sách, hộ nghèo trên địa bàn.", "Tổng kinh phí hơn 92 triệu đồng do Mặt trận Tổ quốc vận động."]),
        ("Lễ giao nhận quân năm nay diễn ra trang trọng",
         "22 thanh niên lên đường nhập ngũ.",
         [f"Sáng nay, {u.name} tổ chức lễ giao nhận quân cho 22 thanh niên trúng tuyển nghĩa vụ quân sự.",
          "Các tân binh đều có sức khỏe loại 1 và loại 2, 4 thanh niên có trình độ đại học."]),
        ("Tiêm phòng vắc xin cho đàn gia súc, gia cầm đợt 1",
         "Đạt 96% tổng đàn diện phải tiêm.",
         [f"Trạm Chăn nuôi và Thú y phối hợp với {u.ubnd} tiêm phòng lở mồm long móng cho 1.250 con trâu, bò.",
          "Người chăn nuôi được hướng dẫn vệ sinh chuồng trại, tiêu độc khử trùng định kỳ."]),
        ("Hội nghị học tập, quán triệt Nghị quyết của Đảng",
         "Đảng ủy tổ chức hội nghị trực tuyến.",
         ["Đảng ủy đã tổ chức hội nghị học tập, quán triệt các chuyên đề cho 215 đảng viên tại 14 chi bộ.",
          "Hội nghị được kết nối trực tuyến đến các điểm cầu thôn."]),
        ("Khánh thành nhà văn hóa thôn Đông",
         "Công trình có tổng vốn đầu tư 1,2 tỷ đồng.",
         ["Nhà văn hóa thôn Đông được xây dựng trên diện tích 300 m2, đáp ứng nhu cầu sinh hoạt của 450 hộ dân.",
          "Nhân dân đóng góp 380 triệu đồng và 150 ngày công lao động."]),
    ]
