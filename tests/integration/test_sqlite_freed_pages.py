"""Dropping read-model tables (a rebuild) writes bookkeeping, not the freed pages again.

Debian's SQLite zeroes every freed page by default (secure_delete=ON), so
dropping a table wrote its whole size to the write-ahead log a second time.
The read side runs with secure_delete=FAST: what is deleted from a page that
is written anyway is still zeroed, whole freed pages are left alone.
"""

from __future__ import annotations

import os
from pathlib import Path

from projections.database import SQLiteDatabase

PAGE = 4096


def test_dropping_a_large_table_writes_a_small_fraction_of_its_pages(tmp_path: Path) -> None:
    path = str(tmp_path / "store.db")
    database = SQLiteDatabase(path)
    try:
        with database.transaction() as cursor:
            cursor.execute("CREATE TABLE rm_scratch (id INTEGER PRIMARY KEY, doc TEXT NOT NULL)")
            cursor.executemany(
                "INSERT INTO rm_scratch (id, doc) VALUES (?, ?)",
                [(i, f"{i:08d}" * 60) for i in range(4000)],  # ~480 bytes each: ~500 pages
            )
        pages = database.query("SELECT COUNT(*) AS n FROM dbstat WHERE name = 'rm_scratch'")
        table_pages = int(pages[0]["n"])
        database.query("PRAGMA wal_checkpoint(TRUNCATE)")
        assert os.path.getsize(path + "-wal") == 0

        with database.transaction() as cursor:
            cursor.execute("DROP TABLE rm_scratch")

        written = os.path.getsize(path + "-wal") // PAGE
        print(f"table of {table_pages} pages dropped; {written} pages written to the WAL")
        assert table_pages >= 400
        assert written < table_pages // 10
        assert database.query("PRAGMA secure_delete")[0]["secure_delete"] == 2  # FAST
    finally:
        database.close()
