"""Writes the measured figures as BENCHMARKS.md: one table, one line of interpretation per figure."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bench.http_load import RUNS, WORKERS

ANALYSIS = """## Where the time goes (py-spy and CPU time on the running server, cProfile and per-read-model timers in process, December 2026)

In this run: the board query at 20 clients and 1,000,000 events has a
p99 of 12.6 ms on SQLite (met; 0.77× its value at 100,000); card moves
over HTTP reach 45 % of the library's own rate at 1,000,000 events and
39 % at 100,000 on SQLite (one point under: the noisiest figure, see
Moves), 47–55 % on PostgreSQL; a move on a long-lived cycle costs what it
costs on a young one (1.03×, 0.97×); peak memory 230 and 260 MB. The board
page's p99 at 20 clients and 1,000,000 events is 16.4 ms (15.0 in the
previous session's run; 0.95× its value at 100,000): over the line,
although it now serves more pages per second than then (2,643 against
2,554) on a machine whose library rate read 19 % lower (823 against 1,018
events/s). Missed: the rebuild, 18–20 % of the raw read rate.

- **The board page** (target p99 ≤ 15 ms at 20 clients on SQLite). At 20
  clients p50 is mostly queueing (20 clients ÷ pages per second on two
  cores that wrk shares), so p99 follows the page's CPU. This round the
  fixed texts of a template (`_("Save")`) are translated when it compiles,
  in one Jinja environment per language (`web/pretranslation.py`): rendering
  a board 0.76 → 0.55 ms, the whole request in process 0.56–0.77 → 0.46–0.59 ms,
  and in interleaved wrk runs at 20 clients 1,600–2,100 → 1,800–2,700
  pages/s, with byte-identical HTML. One's own board no longer reads the
  owner's name it does not show. What remains of a page's CPU: escaping
  ~146 values (markupsafe 3 wraps its C core in Python, ~1 µs each, a
  quarter of the request), the four indexed reads (who is signed in, the
  board, the list of boards), signing the session cookie (~17 µs) and
  uvicorn's and starlette's own work. Earlier rounds: reads of SQLite on
  the event loop instead of a thread (page p99 19 → 15 ms in A/B).
- **PostgreSQL's tail at 20 clients.** Store calls share four threads per
  process (with starlette's 40, threads waiting for the GIL after each
  round trip formed a convoy: p99 250–630 ms). Since then p99 at 20 clients
  is 20–60 ms in most runs, with a rare run far above it (0.9 s once in the
  previous session's full run, 0.65 s once in this session's first one;
  three further runs on a 1,000,000-event store showed 44–61 ms); it is a
  run-wide burst, not a slow query (p50 stays put). A rebuild on
  PostgreSQL ends with ANALYZE, so the planner knows the new tables at once.
- **Moves.** What a move costs one SQLite worker: ~3.6 ms of Python and
  ~1 ms in the kernel: the use case ~1.3 ms (the library's get and save
  ~1.1 ms of it, catching the read models up ~0.4 ms), uvicorn, starlette,
  strawberry and the thread hop ~1.3 ms, the token lookup ~0.2 ms. Writers
  of the two workers queue on a `flock` beside the database rather than in
  SQLite's sleeping busy handler. The HTTP move rate is the noisiest
  figure: four consecutive 5-second runs of the same code on the same store
  gave 285 to 486 moves/s this session, so it is now the median of three.
- **Rebuild** (target 50 % of the raw log-read rate; missed). Per 100,000
  events on SQLite: reading the log ~0.8 s and decoding ~0.9 s (what the
  raw read rate measures), then folding: audit trail ~1.0 s, board ~0.95 s,
  cycle detail ~0.55 s, training needs ~0.45 s, follow-ups ~0.2 s, people
  0.03 s, commits ~0.5 s. Each cycle's document is read and written once
  per rebuild, so no work repeats: it is ~5 µs of Python per event per
  read model, six read models. Kept this round: the read side runs SQLite
  with secure_delete=FAST (Debian's build zeroes every freed page, so
  dropping the old read models wrote their whole size again: 0.53 s →
  0.04 s). Built, measured and not kept: folding in two worker processes,
  each reading the log itself and folding half the read models (on SQLite
  folding outside the write lock, writing in turns): 20 % → 22–23 % on
  SQLite and no gain on PostgreSQL, whose server shares the same two
  cores, because reading, decoding and each event's common facts are then
  done twice; batches of 20,000 events instead of 5,000 (slower). Half the
  read rate needs folding and writing in about the time of reading and
  decoding, a third of what six read models take now; what would get
  there is less work per event, not more processes: e.g. the audit trail
  served from the log itself instead of a copy of every event.
- **Noise.** The server, wrk, PostgreSQL and the benchmark share two cores;
  the same figure varies by 25 % and more between runs (PostgreSQL's own
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
