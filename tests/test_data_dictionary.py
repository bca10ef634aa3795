"""store/dictionary.toml describes every column of every table and view, and Datasette shows it."""

from __future__ import annotations

from pathlib import Path

import store
from store.dictionary import browsable, dictionary


def test_every_column_of_every_table_and_view_is_described() -> None:
    db = store.open_db(":memory:")
    missing = []
    for name in browsable(db.table_names() + db.view_names()):
        described = dictionary().get(name, {}).get("columns", {})
        missing += [f"{name}.{c.name}" for c in db[name].columns if not described.get(c.name)]
    assert missing == []


def test_dictionary_names_only_what_exists() -> None:
    db = store.open_db(":memory:")
    names = set(db.table_names() + db.view_names())
    stale = [f"{t}.{c}" for t, entry in dictionary().items()
             for c in entry.get("columns", {}) if t not in names or c not in db[t].columns_dict]
    assert stale == []


def test_datasette_metadata_carries_the_dictionary(tmp_path: Path) -> None:
    from cchc.serve import datasette_metadata

    meta = datasette_metadata(tmp_path / "cchc.db")["databases"]["cchc"]["tables"]
    assert meta["comparison"]["columns"]["late_pct"] == dictionary()["comparison"]["columns"][
        "late_pct"]
    assert meta["figures_by_unit"]["description"].startswith("Every figure")
