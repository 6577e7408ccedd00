"""`python -m bench --quick` completes and writes a well-formed table (no timing asserted)."""

from __future__ import annotations

import os
from pathlib import Path

from bench.__main__ import main
from tests.stores import postgres_available


def test_the_quick_benchmark_completes_and_writes_a_table_for_each_store(tmp_path: Path) -> None:
    output = tmp_path / "BENCHMARKS.md"
    stores = (
        "sqlite,postgres"
        if postgres_available() or os.environ.get("GROEISPURT_REQUIRE_POSTGRES") == "1"
        else "sqlite"
    )
    code = main(
        [
            "--quick",
            "--events",
            "1500,3000",
            "--seconds",
            "1",
            "--stores",
            stores,
            "--output",
            str(output),
        ]
    )
    assert code == 0
    text = output.read_text(encoding="utf-8")
    header = next(line for line in text.splitlines() if line.startswith("| figure |"))
    columns = header.count("|") - 1
    rows = [line for line in text.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) >= 15
    assert all(line.count("|") - 1 == columns for line in rows)
    assert "board page, 20 client(s)" in text
    assert "rebuild ÷ log read" in text
    assert "subscription fan-out, 100 subscribers" in text
    # Its scratch stores are gone: at full scale they hold gigabytes.
    assert not Path("var/bench").exists()
    if "postgres" in stores:
        assert _bench_schemas() == []


def _bench_schemas() -> list[str]:
    import psycopg

    from bench.stores import POSTGRES_URL

    with psycopg.connect(POSTGRES_URL) as conn:
        rows = conn.execute(
            "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'bench%'"
        ).fetchall()
    return [name for (name,) in rows]
