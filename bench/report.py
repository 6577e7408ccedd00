"""Writes the measured figures as BENCHMARKS.md: one table, one line of interpretation per figure."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bench.http_load import WORKERS

ANALYSIS = """## Where the time goes (py-spy on the running server, cProfile on the rebuild, November 2026)

Met: a move on a long-lived cycle costs what it costs on a young one
(snapshots every 20 events; it was 1.25× at every 50), peak memory stays far
under 300 MB (summed over the supervisor and both workers, flat from 100,000
to 1,000,000 events), and the board does not slow down with the data (one
indexed read). Missed, with their causes:

- **Card moves over GraphQL** (target 40 % of the library's own rate). Fixed
  in this round: every request validated its document again (strawberry's
  validation cache is keyed by the rule classes, and the depth and alias
  limiters made new classes per request: half of a move); read-model commits
  no longer wait for the disk (they are rebuilt from the log); writers in one
  process queue on the recorder's writer lock instead of SQLite's busy
  handler, which sleeps in 1–100 ms steps; objects built at startup are frozen
  out of the garbage collector's way. What a move still spends, in samples of
  the interpreter lock on one worker: strawberry's execution ~36 %, loading
  the cycle ~17 %, bringing the read models up to it ~12 %, starlette and
  uvicorn ~10 %, the append ~7 %, the token lookup ~5 %, the board read for
  the answer ~4 %. The library's limit is one in-process get–append–save of
  ~1 ms; a move over HTTP adds ~1.5 ms of Python around it, so the ratio
  stays near a third. Not taken: the library's aggregate cache (it copies a
  cached aggregate after releasing the lock that fast-forwards it, which we
  could not show safe under concurrent moves). Next: a `moveCard` answer
  without the board read unless asked for, and fewer statements per catch-up.
- **Board page and board query p99 at 20 clients** (target 15 ms). With 20
  clients that each wait for their answer, latency is queueing: p99 is about
  20 / throughput plus the tail. Two workers serve ~1,400 pages/s and
  ~1,400–1,900 queries/s on SQLite, so the mean alone is 10–15 ms; p99 at 15 ms
  would take ~2,500/s from two cores that wrk shares. Rendering is half of a
  page's CPU (escaping, ~25 translated texts, five small forms per card),
  middleware and uvicorn a quarter. wrk's 20 keep-alive connections also
  split unevenly over the two workers (13 and 7, seen with `ss`), and the
  busier one sets p95 and p99. PostgreSQL pays four round trips per page, so
  it serves about half SQLite's rate. Next: one read for the board and the
  list of boards, a proxy that balances requests rather than connections,
  and the cards' HTML kept per board version.
- **Rebuild** (target 50 % of the raw log-read rate). Reading and decoding the
  log is a fifth of a rebuild; the six read models fold ~45 µs of Python per
  event between them (audit trail ~17 %, board ~16 %, cycle detail ~10 %,
  follow-ups ~6 %, training needs ~4 %, each event's key and time ~12 %), and
  SQLite writes the tables through its WAL, checkpoints included (~1.5 s per
  100,000 events). Larger batches did not help (20,000 was slower than
  5,000). Next: fold from the stored JSON without building domain event
  objects, work out each event's facts once in the runner, and take the
  audit row's JSON from the stored event instead of encoding it again.
- **Noise.** The server, wrk, PostgreSQL and the benchmark share two cores;
  the same figure varies by about 25 % between runs, so read the ratios and
  compare figures within one run.
"""


def render(
    results: dict[str, dict[str, Any]],
    *,
    machine: str,
    command: str,
    when: datetime,
    workers: int = WORKERS,
) -> str:
    stores = list(results)
    lines = [
        "# Benchmarks",
        "",
        f"Measured {when:%Y-%m-%d %H:%M} on {machine}, with `{command}`.",
        "Rates are medians of repeated runs in this one run; ratios compare figures measured side by side.",
        f"The server runs as `groeispurt serve --workers {workers}`; wrk drives it from the same machine,",
        "after one unmeasured second of the same load (a server in use is warm).",
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
        "target ≤ 1.2×: snapshots every 20 events keep loading flat",
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
            "VmHWM summed over the server and its workers after the latency runs; "
            "target ≤ 300 MB at 1,000,000",
        )
    lines += ["", ANALYSIS]
    return "\n".join(lines)
