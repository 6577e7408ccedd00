"""The figures and history behind choices in the code, written into BENCHMARKS.md.

The code's comments say why it is as it is; this says how much, measured
when the choice was made (on this kind of machine, two cores), so that a
later run can tell whether it still pays.
"""

WHY = """## Why the code is as it is

What each choice was measured to be worth when it was made (earlier runs,
not this one); the comment at the code says why. `python -m bench --checks`
checks that the ones marked (checked) are still in place.

- **Snapshots every 20 events** (`service/application.py`): a card move on
  a cycle of 1,000 events took 1.02× one on a young cycle with snapshots
  every 20 events, 1.25× with every 50.
- **Replay without the library's protocol check** (`service/replay.py`):
  `isinstance(event, CanMutateProtocol)` cost 24 µs an event on Python
  3.11, 40 % of loading a growth cycle from its latest snapshot.
- **Short reads on the event loop** (`service/calls.py`, checked): at 20
  clients on the board, p99 27 → 17 ms, the board over GraphQL 28 → 16 ms.
- **Four store threads per process** (`service/calls.py`, checked): with
  starlette's default of 40, PostgreSQL boards at 20 clients had a p99 of
  0.4–1.2 s (wrk timeouts from 6 clients on); with 4, 20–30 ms.
- **One queue for SQLite's writers** (`projections/sqlite_writer_lock.py`):
  SQLite's busy handler sleeps 1, 2, 5, 10 … 100 ms between tries; with two
  server workers moving cards most of a move went into those sleeps. The
  `flock` queue raised card moves by about half.
- **GraphQL's validation rules built once** (`service/graphql/app.py`):
  built per request, every request missed the validation cache, and
  validating again was half the time of a card move.
- **The cyclic collector paused for large batches** (`projections/runner.py`,
  checked): walking a batch's events and documents at every allocation
  threshold was a fifth of a rebuild.
- **`secure_delete=FAST`** (`projections/database.py`, checked): with
  Debian's default (ON), dropping the read models for a rebuild wrote their
  whole size again, 0.5 s per 100,000 events.
- **Keys before attributes in templates** (`web/rendering.py`): Jinja's
  attribute-first lookup, raising and catching an AttributeError for every
  key of a document, was a tenth of rendering a board.
- **Fixed texts translated when a template compiles** (`web/pretranslation.py`):
  a board page's fifty `_("…")` calls were a third of rendering it.
- **uvloop and httptools** (`pyproject.toml`): about 1.5× the requests per
  second of uvicorn's pure-Python defaults.
- **Dropped: escaping through markupsafe's C escaper directly**
  (`web/lean_escape.py`, patching private APIs of markupsafe and Jinja): with
  it and with Jinja's own autoescape a signed-in board measured 2,378 and
  2,403 µs (issue 20), a difference inside the noise of a whole request."""
