"""Writes the measured figures as BENCHMARKS.md: one table, one line of interpretation per figure."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bench.http_load import RUNS, WORKERS

ANALYSIS = """## Where the time goes (py-spy and CPU time on the running server, cProfile, per-read-model timers and callgrind in process, December 2026)

In this run: the board page and the board query at 20 clients and
1,000,000 events have a p99 of 13.7 and 12.8 ms on SQLite (met; 1.15× and
1.10× their values at 100,000; the page was 16.4 ms in the previous run),
a move on a long-lived cycle costs what it costs on a young one (1.04×,
1.03×), peak memory 230 and 260 MB (met). Missed: the rebuild, 29–31 % of
the raw read rate on SQLite and 24–26 % on PostgreSQL (18–20 % and 17–19 %
before this round), and card moves on SQLite, 32–37 % of the library's
rate measured beside them (PostgreSQL 38 % and 50 %).

- **The board page** (target p99 ≤ 15 ms at 20 clients on SQLite). At 20
  clients p50 is mostly queueing (20 clients ÷ pages per second on two
  cores that wrk shares), so p99 follows the page's CPU. This round values
  are escaped by markupsafe's own C escaper with one Python call instead of
  three (`web/lean_escape.py`: a Jinja code generator writes
  `environment.escape_value(…)`; anything but plain text still goes to
  markupsafe): a board request's CPU in process 0.68–0.72 → 0.48–0.53 ms,
  112 pages of four roles byte-identical, 2,643 → 2,903 pages/s at 20
  clients. Where a worker's time goes now (py-spy under load): rendering
  ~30 %, writing the response to the socket ~18 %, SQLite reads ~7–12 %,
  the rest uvicorn, starlette and the session cookie. The collector is no
  part of the tail: in 9 s at 20 clients a worker ran ~170 young
  collections (35 ms in all, none over 4.4 ms) and no full one (what
  startup built is frozen). Earlier rounds: fixed texts translated when a
  template compiles, SQLite reads on the event loop.
- **PostgreSQL's tail at 20 clients.** Store calls share four threads per
  process (with starlette's 40, threads waiting for the GIL after each
  round trip formed a convoy: p99 250–630 ms). Since then p99 at 20 clients
  is 30–60 ms in most runs (80 ms for the page at 1,000,000 this time),
  with a rare run far above it (0.9 s and 0.65 s once each in earlier
  runs); it is a run-wide burst, not a slow query (p50 stays put). A
  rebuild on PostgreSQL ends with ANALYZE, so the planner knows the new
  tables at once.
- **Moves** (target 40 % of the library's get–append–save rate). The
  library's rate is now measured just before each run of moves, for as
  long: the first full run of this session measured it at 1,303/s at the
  start and moves at 415/s minutes later, where the previous session's run
  had read 823/s against 321–370 moves/s (39–45 %). Moves over HTTP are as
  fast as before or faster (390–430/s); the library's own loop got faster
  on today's machine, and the ratio with it. What a move costs a SQLite
  worker (py-spy at 4 clients, share of samples): the event's commit with
  its fsync 12 %, threads waiting on each other 12 % and on the writer
  lock the two workers share 8 %, catching the read models up in a second
  transaction 13 %, loading the cycle 9 %, strawberry and the routing
  before it 8 %. Writers of the two workers queue on a `flock`
  beside the database rather than in SQLite's sleeping busy handler.
  Closer to the library would need one transaction for the event and the
  read models of a move, which the library does not offer.
- **Rebuild** (target 50 % of the raw log-read rate; missed). This round:
  the audit trail became an index into the log instead of a copy of every
  event (its fold 1.2 → 0.7 s CPU per 100,000 events; 34 → 19 MB per
  100,000 events; a page of 100 audit rows now decodes its events when
  read, 0.4–0.7 → 1.6–2.6 ms, a history of 262 events 1.2 → 4.4 ms); the
  cyclic collector is paused during a rebuild and during any batch of
  1,000 events or more (a batch keeps thousands of events and documents
  alive, and every allocation threshold made the collector walk them all,
  a fifth of a rebuild; after rebuilds no cyclic garbage is found on
  either store and peak RSS is unchanged); ids and moments are turned
  into text once per aggregate. Rebuild CPU per 100,000 events 5.2–6.2 →
  4.1–4.6 s (interleaved medians); callgrind on 10,000 events, which
  counts instructions whatever the neighbours do: the last two changes
  2.31 → 2.21 G instructions per rebuild, against 0.80 G for the raw
  read. Per event at 100,000 events now (µs of CPU): reading 5.9 and
  decoding 8.7 (what the raw read measures), then board 8.6 (it is first,
  so it pays for each event's id and moment as text for all), audit 6.8,
  cycle detail 5.9, training needs 4.0, follow-ups 2.2, people 0.5,
  commits and the rest 5.8. Half the raw rate would need all six read
  models folded and written in the time of reading and decoding alone
  (~15 µs), half of what they take now. Tried earlier and not kept:
  folding in two processes (each reads and decodes the log again),
  batches of 20,000 events.
- **Noise.** The server, wrk, PostgreSQL and the benchmark share two cores;
  the same figure varies by 25 % and more between runs (the library's own
  SQLite rate has read 823/s and 1,303/s on two days), so read the
  ratios, which are measured side by side in one run."""


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
        "after one unmeasured second of the same load (a server in use is warm). Latency percentiles",
        f"and HTTP move rates are medians of {RUNS} measurements, each 1/{RUNS} of the time given.",
        "",
        "| figure | " + " | ".join(stores) + " | what it means |",
        "|---|" + "---|" * len(stores) + "---|",
    ]

    def row(label: str, values: list[str], meaning: str) -> None:
        lines.append(f"| {label} | " + " | ".join(values) + f" | {meaning} |")

    row(
        "library get–append–save (events/s)",
        [f"{results[s]['raw_write']:,.0f}" for s in stores],
        "the store's own limit for changing one aggregate: no HTTP, no GraphQL, no projections "
        "(at the start; the move ratios use the rate measured beside each run of moves)",
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
            [
                f"{results[s][scale]['move_rate'] / results[s][scale]['library_rate']:.0%}"
                f" (of {results[s][scale]['library_rate']:,.0f}/s)"
                for s in stores
            ],
            "target ≥ 40 % of the library's own get–append–save rate on the same store, "
            "measured just before each run of moves",
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
