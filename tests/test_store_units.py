"""store/units.py: sites and figure subjects linked to their unit after 1 July 2025."""

from __future__ import annotations

import pytest
from test_store_reviews import make_db

import store


@pytest.mark.parametrize(("name", "level", "district", "province", "new", "status"), [
    ("xã Tân Hồng", "commune", "huyện Bình Giang", "tỉnh Hải Dương", "Xã Đường An", "divided"),
    ("UBND xã Đoàn Kết", "commune", "huyện Thanh Miện", "tỉnh Hải Dương", "Xã Hải Hưng",
     "merged"),
    ("huyện Gò Dầu", "district", "huyện Gò Dầu", "tỉnh Tây Ninh", "Tỉnh Tây Ninh", "abolished"),
    ("tỉnh Hải Dương", "province", None, "tỉnh Hải Dương", "Thành phố Hải Phòng", "merged"),
    ("tỉnh Lai Châu", "province", None, None, "Tỉnh Lai Châu", "unchanged"),
    ("xã Không Có", "commune", "huyện Gò Dầu", "tỉnh Tây Ninh", None, "not_found"),
])
def test_map_unit(name: str, level: str, district: str | None, province: str | None,
                  new: str | None, status: str) -> None:
    mapping = store.map_unit(name, level, district, province)
    assert (mapping.new_name, mapping.status) == (new, status)


def test_refresh_units_fills_table_and_comparison() -> None:
    db = make_db()
    assert store.refresh_units(db) == db["units"].count == 2
    rows = {r["name"]: r["status"] for r in db["units"].rows}
    assert rows == {"xã Tân Hồng": "divided", "xã Đoàn Kết": "merged"}
    row = next(db.query("SELECT unit_2025, unit_2025_status FROM comparison "
                        "WHERE unit = 'xã Đoàn Kết' AND period = '2022-Q1'"))
    assert row == {"unit_2025": "Xã Hải Hưng", "unit_2025_status": "merged"}
