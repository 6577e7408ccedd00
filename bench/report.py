"""Writes the measured figures as BENCHMARKS.md: one table, one line of interpretation per figure."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bench.comparisons import COMPARISONS
from bench.http_load import RUNS, WORKERS
from bench.webhook_fanout import FanOut
from bench.why import WHY

ANALYSIS = """## Where the time goes (CPU time in process and on the running server, writer-lock hold times, cProfile, py-spy; December 2026)

This run (15:16) found the machine at full speed (a fixed Python loop,
`sum(range(3*10**7))`, took 0.51 s of CPU; 0.77–0.95 s during the slow
run at 13:16 the same day). Met: the board page and query p99 at 20
clients and 1,000,000 events on SQLite, 14.8 and 13.2 ms (at 100,000
events the query's p99 was 18.0 ms in this run, with p50 at 5.9 ms), and
within 1.5× their value at 100,000 (1.07×, 0.73×); a move on a long-lived
cycle costs what it costs on a young one (0.96×, 0.98×); peak memory 231
and 261 MB; card moves on PostgreSQL, 44–49 % of the library's rate.
Missed: card moves on SQLite, 25–28 % of a library rate that runs at
1,270–1,490/s on this machine; the rebuild, 28–31 % of the raw read on
SQLite and 24–27 % on PostgreSQL. Earlier runs gave 32–37 % for moves
(before replay sped up the library's loop, which loads through the same
repository) and 29–33 % for the rebuild: a faster machine speeds up the
library's loop and the raw read as much as it speeds up ours.

- **Moves on SQLite: the writer lock, not the cores, is the limit.**
  Under 4-client load (20,000-event store, wrk, 2 workers) the one writer
  lock of the file is held 70 % of the wall time: 1.88 ms per move, in
  two holds (the event, then the read models; median 0.6 ms, p90 2.1 ms,
  p99 4 ms), against 1.16 ms in process with nothing else running. A
  holder that hands the GIL back for a SQLite call waits to get it again
  behind its own process's event loop: the worker with 3 of wrk's 4
  connections holds longer (median 0.8–0.9 ms) than the one with 1, and
  the cores stay 19–23 % idle while the other worker waits. A 0.5 ms
  interpreter switch interval did not change this (three A/B runs). Where
  one move's CPU goes (in process, medians of 7 × 300): the use case 1.23
  ms — loading the cycle from its snapshot 418 µs, saving the event 383
  µs, folding it into the read models 392 µs (six read models 202 µs:
  board 73, cycle detail 68, audit 46, the rest 15; transaction,
  positions and commit 175 µs), the token 20–30 µs, the board it answers
  with 18–26 µs; a worker thread adds 150–400 µs; the GraphQL request
  around it brings the total to 2.4–3.1 ms (a mutation that changes
  nothing: 1.0–1.7 ms; `{ __typename }`: 0.14 ms). The library's loop:
  0.59 ms. Sized by experiment (not kept): the same move through a plain
  starlette route — same middlewares, token check, use case, thread hop
  and board read — costs 2.0 ms against 3.2 ms through strawberry
  (interleaved, medians of 6 × 200): its layer is ~38 % of a move. (py-spy's `--gil` view had put strawberry at 35 % of a move:
  SQLite works with the GIL released, so that view leaves the store's own
  work out.) This round: read-model transactions set their durability
  before taking the lock. Tried and not kept: folding a move's read
  models in two phases (read and work out the new rows in a read
  snapshot outside the lock; under it, check that no position moved and
  only write). In process it cut a hold from 0.47 to 0.33 ms (median, two
  interleaved pairs), but under load the holds per move stayed 1.8–2.6 ms
  and the moves per second the same (medians 349 and 349 over 9 runs at 4
  clients; 275 and 290 at 8): a holder waits for the GIL again after
  every SQLite call, so the number of statements under the lock counts,
  not the Python between them, and a busy worker is bound by its one
  GIL. The split of wrk's 4 connections over 2 workers is chance: 3/1 in
  most runs (worker CPU 90 % and 58 %), and 4/0 in some (195–205 moves/s,
  one worker at 110 %); 3 or 4 workers did not help reliably (211–471/s)
  and bring peak memory near 300 MB. One transaction for the event and
  its read models would halve the holds but couples every write to every
  read model's fold. Earlier rounds:
  saved events folded as they are, without reading the log back; replay
  without the library's per-event protocol check; orjson for documents;
  a process-wide `flock` queue for writers instead of SQLite's sleeping
  busy handler.
- **Rebuild** (target 50 % of the raw log-read rate; missed). This round:
  the runner hands read models a `Batch` in which each event's aggregate
  id as text and its moment are worked out once (a memo asked some seven
  times an event cost a tenth of the rebuild): CPU per event 42–44 → 38–40
  µs in two interleaved pairs, which a single run of this benchmark does
  not resolve from its noise; on SQLite audit rows are keyed by the rowid
  itself (`INTEGER PRIMARY KEY`, one b-tree fewer: 4.4 → 3.7 µs a row in
  isolation). Where a rebuild of 100,000 events goes now (cProfile):
  selecting rows 13 % and decoding them 25 % (together what the raw read
  measures), then audit 11 %, cycle detail 10 %, board 9 %, training needs
  7 %, follow-ups 5 %, building batches 6 %, commits 7 %, the rest in
  between. Half the raw rate needs the folds and writes to take no longer
  than reading and decoding, about 40 % less than now. Not done: a
  decoder three times the library's speed (orjson) only for the rebuild —
  the raw read it is divided by decodes with the application's mapper,
  and used there it would speed up both sides alike. Earlier rounds: the
  audit trail indexes the log instead of copying it, the cyclic collector
  is paused during rebuilds, orjson for documents. Tried and not kept:
  folding in two processes (each reads and decodes the log again),
  batches of 20,000 events.
- **The board page.** At 20 clients p50 is mostly queueing (20 clients ÷
  pages per second on two cores that wrk shares), so p99 follows a
  page's CPU: 2,900–2,950 pages/s in this run. Where a worker's time goes
  (py-spy under load): rendering ~30 %, writing the response ~18 %, SQLite
  reads ~7–12 %, the rest uvicorn, starlette and the session cookie.
  Earlier rounds: fixed texts translated when a template compiles,
  SQLite reads on the event loop. Escaping values through markupsafe's
  C escaper in one call instead of Jinja's autoescape was dropped: it
  patched private APIs of markupsafe and Jinja, and a signed-in board
  measured 2,403 and 2,378 µs, a difference inside the noise.
- **PostgreSQL's tail at 20 clients.** Store calls share four threads per
  process (with starlette's 40, threads waiting for the GIL after each
  round trip formed a convoy: p99 250–630 ms); p99 at 20 clients is now
  31–58 ms, a run-wide burst rather than a slow query (p50 stays put). A
  rebuild on PostgreSQL ends with ANALYZE.
- **Noise.** The server, wrk, PostgreSQL and the benchmark share two
  cores of a machine whose speed changes by 2× within hours, and one
  in-process rebuild of the same store varied 30–44 µs an event within a
  minute: read the ratios, measured side by side, and the interleaved
  pairs above."""


def render(
    results: dict[str, dict[str, Any]],
    *,
    machine: str,
    command: str,
    when: datetime,
    workers: int = WORKERS,
    checks: tuple[int, list[str]] | None = None,
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
    fanouts: list[FanOut] = [results[s]["webhooks"] for s in stores if "webhooks" in results[s]]
    if fanouts and len(fanouts) == len(stores):
        row(
            f"webhook fan-out, {fanouts[0].events} events × {fanouts[0].endpoints} endpoints "
            "(deliveries/s)",
            [f"{f.rate:,.0f} ({f.delivered:,} delivered)" for f in fanouts],
            "changePerson over GraphQL, each event signed and posted to 100 endpoints of a "
            "local receiver by the server's webhook workers",
        )
        row(
            "webhook delay, event saved → delivery received: p50 / p99 ms",
            [f"{f.p50_ms:,.0f} / {f.p99_ms:,.0f}" for f in fanouts],
            "the same run; includes waiting behind the other endpoints' deliveries",
        )
    fan_outs = [results[s]["fan_out"] for s in stores]
    row(
        f"subscription fan-out, {fan_outs[0]['subscribers']} subscribers of one board "
        "(messages/s delivered; delay p50 / p99 ms)",
        [
            f"{f['delivered_rate']:,.0f}/s ({f['delivered_share']:.0%} of "
            f"{f['moves']} moves × {f['subscribers']}); {f['p50_ms']:.0f} / {f['p99_ms']:.0f} ms"
            for f in fan_outs
        ],
        f"boardChanged over real WebSockets, {WORKERS} server processes, moves over HTTP "
        "at 20/s; delay from sending the move to the message, through the other process's "
        "follower for most subscribers (it polls the log every 0.5 s)",
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
    if checks is not None:
        held, failed = checks
        lines += [
            "",
            f"Speed tricks in place (`python -m bench --checks`): {held} of {held + len(failed)} hold.",
        ]
        lines += [f"- does not hold: {failure}" for failure in failed]
    lines += ["", ANALYSIS, "", COMPARISONS, "", WHY]
    return "\n".join(lines)
