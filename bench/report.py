"""Writes the measured figures as BENCHMARKS.md: one table, one line of interpretation per figure."""

from __future__ import annotations

from datetime import datetime
from typing import Any


def render(
    results: dict[str, dict[str, Any]], *, machine: str, command: str, when: datetime
) -> str:
    stores = list(results)
    lines = [
        "# Benchmarks",
        "",
        f"Measured {when:%Y-%m-%d %H:%M} on {machine}, with `{command}`.",
        "Rates are medians of repeated runs in this one run; ratios compare figures measured side by side.",
        "",
        "| figure | " + " | ".join(stores) + " | what it means |",
        "|---|" + "---|" * len(stores) + "---|",
    ]

    def row(label: str, values: list[str], meaning: str) -> None:
        lines.append(f"| {label} | " + " | ".join(values) + f" | {meaning} |")

    row(
        "library get–append–save (events/s)",
        [f"{results[s]['raw_write']:,.0f}" for s in stores],
        "the store's own limit for changing one aggregate: no HTTP, no GraphQL, no projections",
    )
    row(
        "card move on a ~10-event cycle (ms, median)",
        [f"{results[s]['move']['young_ms']:.1f}" for s in stores],
        "use case + save + read models caught up, in process",
    )
    row(
        "card move on a 1,000-event cycle (ms, median)",
        [f"{results[s]['move']['old_ms']:.1f}" for s in stores],
        "the same on a long-lived cycle",
    )
    row(
        "long ÷ young cycle move",
        [f"{results[s]['move']['old_ms'] / results[s]['move']['young_ms']:.2f}×" for s in stores],
        "target ≤ 1.2×: snapshots every 50 events keep loading flat",
    )
    scales = [k for k in results[stores[0]] if isinstance(k, int)]
    for scale in scales:
        tag = f"{scale:,} events"
        row(
            f"generate {tag} (events/s)",
            [f"{results[s][scale]['generate_rate']:,.0f}" for s in stores],
            "batched appends through the library (many aggregates per transaction)",
        )
        row(
            f"read the log, {tag} (events/s)",
            [f"{results[s][scale]['raw_read']:,.0f}" for s in stores],
            "the library's raw rate of reading and decoding the notification log",
        )
        row(
            f"rebuild all read models, {tag} (events/s)",
            [f"{results[s][scale]['rebuild']:,.0f}" for s in stores],
            "every read model dropped and rebuilt from the log, in batches",
        )
        row(
            f"rebuild ÷ log read, {tag}",
            [f"{results[s][scale]['rebuild'] / results[s][scale]['raw_read']:.0%}" for s in stores],
            "target ≥ 50 %: the share of the raw read rate the projections keep",
        )
        for clients in (1, 20):
            measured = [results[s][scale][f"page_{clients}"] for s in stores]
            row(
                f"board page, {clients} client(s), {tag}: p50 / p95 / p99 ms",
                [
                    f"{v.p50:.1f} / {v.p95:.1f} / {v.p99:.1f} ({v.rate:,.0f} req/s, {v.tool})"
                    for v in measured
                ],
                "signed-in GET /board over real HTTP; target p99 ≤ 15 ms at 20 clients",
            )
        for clients in (1, 20):
            measured = [results[s][scale][f"query_{clients}"] for s in stores]
            row(
                f"board query over GraphQL, {clients} client(s), {tag}: p50 / p95 / p99 ms",
                [
                    f"{v.p50:.1f} / {v.p95:.1f} / {v.p99:.1f} ({v.rate:,.0f} req/s, {v.tool})"
                    for v in measured
                ],
                "POST /graphql with a bearer token; target p99 ≤ 15 ms at 20 clients",
            )
        row(
            f"card moves over GraphQL, {tag} (events/s)",
            [
                f"{results[s][scale]['move_rate']:,.0f} ({results[s][scale]['move_clients']} clients)"
                for s in stores
            ],
            "authenticated moveCard over real HTTP, read-your-own-writes included",
        )
        row(
            f"card moves ÷ library limit, {tag}",
            [f"{results[s][scale]['move_rate'] / results[s]['raw_write']:.0%}" for s in stores],
            "target ≥ 40 % of the library's own get–append–save rate on the same store",
        )
        row(
            f"server peak RSS, {tag} (MB)",
            [
                f"{max(results[s][scale]['rss_mb'], results[s][scale]['rss_mb_graphql']):.0f}"
                for s in stores
            ],
            "VmHWM of the server process after the latency runs; target ≤ 300 MB at 1,000,000",
        )
    lines.append("")
    return "\n".join(lines)
