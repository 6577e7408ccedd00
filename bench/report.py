"""Writes the measured figures as BENCHMARKS.md: one table, one line of interpretation per figure."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bench.http_load import RUNS, WORKERS

ANALYSIS = """## Where the time goes (py-spy and CPU time on the running server, cProfile and per-read-model timers in process, December 2026)

Met: card moves over HTTP at 43–44 % of the library's own rate on SQLite
and 49–50 % on PostgreSQL; the board page and the board query at 20
clients and 1,000,000 events have a p99 of 15.0 and 13.3 ms on SQLite
(target 15: met at the line for the page, 13.8–14.8 ms in the run before
this one), 0.84× and 1.01× their value at 100,000; a move on a long-lived
cycle costs what it costs on a young one (snapshots every 20 events); peak
memory stays under 300 MB (summed over the supervisor and both workers,
flat from 100,000 to 1,000,000 events).

- **What brought p99 at 20 clients down to 13–15 ms** (24 ms in the
  previous session's run). The page's and the query's reads went to a worker thread and back;
  under load the thread then waited for the GIL that the event loop held,
  up to the interpreter's 5 ms switch interval per hand-over. On SQLite
  those reads (who is signed in, one board) are indexed reads of a local
  file that never wait for a writer in WAL mode, so they now run on the
  loop itself (`service/calls.py`; interleaved A/B at 20 clients on
  100,000 events: page p99 19 → 15 ms, query 17 → 12 ms). The margin is
  small: p50 is ~7 ms of queueing alone (20 clients ÷ ~2,600 pages/s on two
  cores that wrk shares). Of a page's CPU, rendering is about half: a
  third of it Jinja's call overhead for some 50 translated texts, then
  escaping ~165 values; one form per card instead of five changed the
  render time by 2 % (bytes by 12 %) and was not kept. The reads are a
  sixth, middleware and uvicorn the rest.
- **PostgreSQL's tail at 20 clients** (p99 250–630 ms in every 20-client
  measurement of the previous run, with p95 under 85 ms). Starlette runs
  blocking calls on up to 40 threads; twenty threads that each need the
  GIL back after every database round trip formed a convoy (with 6 to 10
  threads wrk even saw 2 s timeouts). Store calls now share four threads
  per process: p99 20–45 ms in interleaved A/B runs, a quick run and the
  run before this one, p50 unchanged. The tail is rarer, not gone: in this
  run one of four 20-client measurements had a p99 of 0.9 s (the page at
  1,000,000 events, p95 90 ms) and one 0.2 s; eight further runs on fresh
  200,000- and 1,000,000-event stores, with a PostgreSQL checkpoint under
  way, did not show it again. A rebuild on PostgreSQL now ends with
  ANALYZE, so the planner knows the new tables at once.
- **Moves.** What a move costs one SQLite worker: ~3.6 ms of Python and
  ~1 ms in the kernel (from /proc while moving): the use case ~1.3 ms (the
  library's get and save ~1.1 ms of it, catching the read models up
  ~0.4 ms), uvicorn, starlette, strawberry and the thread hop ~1.3 ms, the
  token lookup ~0.2 ms. Writers of the two workers queue on a `flock`
  beside the database rather than in SQLite's sleeping busy handler.
  Tried and left out: applying the events just saved without reading them
  back (4 % of an in-process move, invisible over HTTP), skipping the
  library's runtime protocol check per replayed event (~8 % of a move, but
  the limit gains the same, so the ratio would drop).
- **Rebuild** (target 50 % of the raw log-read rate; missed: 17–21 %).
  Timed per read model in rebuilds of 100,000 events on SQLite: reading
  the log 0.55 s and decoding 0.7–0.8 s (what the raw read rate measures),
  then folding: audit trail 0.82–0.88 s, board 0.66–0.80 s, cycle detail
  0.44–0.55 s, training needs 0.30–0.33 s, follow-ups 0.16 s (0.30 s
  before it encoded each cycle's state once per batch rather than once per
  event, this round), people 0.03 s, and commits and bookkeeping ~0.9 s.
  Each cycle's document is read and written once per rebuild (3,609
  cycles, 3,627 document writes), so no work repeats:
  the cost is ~5 µs of Python per event per read model, six read models.
  Half the read rate needs all folding and writing in about a third of
  that time. Tried this round and dropped: creating the secondary indexes
  after the load (slower, 20k → 14k events/s: the folding reads through
  them). What could still help: folding from the stored JSON without
  building event objects (saves part of the decoding), and folding read
  models in parallel processes (on SQLite only with folding outside the
  write transaction and an optimistic check of the position; at most
  ~1.6× on two cores).
- **Noise.** The server, wrk, PostgreSQL and the benchmark share two cores;
  the same figure varies by about 25 % between runs (PostgreSQL's own
  get–append–save rate has read from 260/s to 540/s on this machine), so
  read the ratios, which are measured side by side in one run."""


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
