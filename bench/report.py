"""Writes the measured figures as BENCHMARKS.md: one table, one line of interpretation per figure."""

from __future__ import annotations

from datetime import datetime
from typing import Any

ANALYSIS = """## Where the time goes (profiled with py-spy on the running server, November 2026)

Targets: card moves ≥ 40 % of the library limit, rebuild ≥ 50 % of the log-read
rate, board p99 ≤ 15 ms at 20 clients and ≤ 1.5× its 100,000-event value, long ÷
young move ≤ 1.2×, peak RSS ≤ 300 MB. Memory and the scale behaviour are met
(RSS stays flat from 100,000 to 1,000,000 events; the board is one indexed
read). Throughput-bound targets are not met yet; what the profiles show:

- **Board page and board query at 20 clients.** Latency there is queueing:
  p99 ≈ 20 clients ÷ throughput. One uvicorn process serves ~250–370 board
  pages/s on one core, so p99 ≤ 15 ms needs ~1,500/s. Per request the
  profile splits into the thread-pool hop for each store call (~25 %),
  starlette's middleware stack (session signing, CSRF, headers, ~15 %), Jinja
  rendering (~7 %) and the read itself. Replaying Person aggregates per page
  and per token (35 % before) is gone: actors and names come from the people
  read model. Next: one thread-pool hop per request, a cached actor per
  session, and `--workers 2`.
- **Card moves over GraphQL.** GraphQL parsing and validation was a quarter of
  a move before the parse and validation caches; what remains is the
  event commit with `synchronous=FULL` (~13 %), the read models caught up in
  the same request (read your own writes, ~12 %), loading the cycle (~8 %), and
  strawberry's execution. The load generator is Python on the same two cores.
- **Rebuild.** Reading and decoding alone is ~2 s per 100,000 events; the six
  read models add ~5 s of Python folding (the audit trail, one row per event,
  is the largest). Next: fold from the stored JSON without building domain
  event objects, and batch the audit inserts per page.
- **Noise.** These runs shared the two cores with test suites of other work
  in progress; the library's own rate (368/s on SQLite) is far below the
  ~2,660/s measured on an idle machine, so the ratios are the figures to read.
"""


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
    lines += ["", ANALYSIS]
    return "\n".join(lines)
