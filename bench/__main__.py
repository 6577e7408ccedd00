"""`python -m bench [--quick] [--stores sqlite,postgres]`: measure and write BENCHMARKS.md.

`python -m bench --checks` only checks that the speed tricks are in place
(`bench.checks`); a measuring run checks them first and says so in the report.
Every figure is measured in this one run, on the same machine, side by side
for SQLite and PostgreSQL; rates are medians of repeated runs and every
end-to-end figure is also given as a ratio to the library's own limit.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from datetime import datetime
from typing import Any

from tqdm import tqdm  # type: ignore[import-untyped]

from bench import report
from bench.checks import run_checks
from bench.fan_out import measure_fan_out
from bench.generate import generate
from bench.http_measures import measure_graphql, measure_reads
from bench.move_latency import move_latency
from bench.store_limits import raw_get_append_save_rate, raw_log_read_rate
from bench.stores import fresh, remove_all
from bench.webhook_fanout import measure_fanout
from service.container import Services, build_services

SCALES = {"quick": (20_000, 100_000), "full": (100_000, 1_000_000)}
# Events each delivered to 100 webhook endpoints.
FANOUT_EVENTS = {"quick": 10, "full": 50, "smoke": 2}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="small scales, a few minutes")
    parser.add_argument("--stores", default="sqlite,postgres")
    parser.add_argument("--output", default="BENCHMARKS.md")
    parser.add_argument("--events", help="override the two scales, e.g. 2000,5000 (smoke tests)")
    parser.add_argument("--seconds", type=float, help="seconds per latency measurement")
    parser.add_argument("--checks", action="store_true", help="only check the speed tricks")
    args = parser.parse_args(argv)
    kinds = args.stores.split(",")
    if args.checks:
        return _checks_only(kinds)
    mode = "quick" if args.quick else "full"
    scales = SCALES[mode]
    if args.events:
        low, high = (int(n) for n in args.events.split(","))
        scales = (low, high)
    seconds = args.seconds or (3.0 if args.quick else 10.0)
    fanout = FANOUT_EVENTS["smoke" if args.events else mode]
    results: dict[str, dict[Any, Any]] = {}
    try:
        checks = run_checks(kinds)
        for kind in kinds:
            results[kind] = measure_store(kind, scales, repeats=3, seconds=seconds)
            results[kind]["webhooks"] = measure_fanout(fresh(kind, "webhooks"), fanout)
    finally:
        remove_all(kinds)
    command = (
        "python -m bench"
        + (" --quick" if args.quick else "")
        + (f" --stores {args.stores}" if args.stores != "sqlite,postgres" else "")
    )
    text = report.render(
        results, machine=machine(), command=command, when=datetime.now(), checks=checks
    )
    with open(args.output, "w", encoding="utf-8") as out:
        out.write(text)
    print(text)
    return 0


def _checks_only(kinds: list[str]) -> int:
    try:
        held, failed = run_checks(kinds)
    finally:
        remove_all(kinds)
    for failure in failed:
        print(f"FAILED {failure}")
    print(f"{held} passed, {len(failed)} failed")
    return 1 if failed else 0


def measure_store(
    kind: str, scales: tuple[int, int], repeats: int, seconds: float
) -> dict[str, Any]:
    result: dict[Any, Any] = {}
    # Open for the whole run: the library's rate is measured again beside each
    # measurement of moves over HTTP (see `measure_graphql`).
    limits = build_services(fresh(kind, "limits"), follow_writes=False)
    try:
        result["raw_write"] = statistics.median(
            raw_get_append_save_rate(limits.app, seconds=2.0) for _ in range(repeats)
        )
        services = build_services(fresh(kind, "latency"))
        try:
            result["move"] = move_latency(services)
        finally:
            services.close()
        result["fan_out"] = measure_fan_out(fresh(kind, "fanout"), seconds)
        for scale in scales:
            result[scale] = _measure_scale(kind, scale, repeats, seconds, limits)
    finally:
        limits.close()
    return result


def _measure_scale(
    kind: str, scale: int, repeats: int, seconds: float, limits: Services
) -> dict[str, Any]:
    """One store of `scale` events: generating, reading, rebuilding, pages and API."""
    settings = fresh(kind, f"scale{scale}")
    services = build_services(settings, follow_writes=False)
    try:
        with tqdm(total=scale, desc=f"{kind}: generating {scale:,} events", unit="ev") as bar:
            started = time.perf_counter()
            events = generate(services.app, target_events=scale, progress=bar.update)
            generate_rate = events / (time.perf_counter() - started)
        reads = [raw_log_read_rate(services.app)[1] for _ in range(repeats)]
        rebuilds = []
        for _ in range(repeats if scale < 500_000 else 1):
            with tqdm(total=events, desc=f"{kind}: rebuilding read models", unit="ev") as bar:
                started = time.perf_counter()
                services.projections.rebuild(progress=bar.update)
                rebuilds.append(events / (time.perf_counter() - started))
    finally:
        services.close()
    return {
        "events": events,
        "generate_rate": generate_rate,
        "raw_read": statistics.median(reads),
        "rebuild": statistics.median(rebuilds),
        **measure_reads(settings, seconds),
        **measure_graphql(
            settings, seconds, lambda s: raw_get_append_save_rate(limits.app, seconds=s)
        ),
    }


def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores, {memory:.0f} GiB, {platform.system()} {platform.machine()}, Python {platform.python_version()}"


if __name__ == "__main__":
    sys.exit(main())
