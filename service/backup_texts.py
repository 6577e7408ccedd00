"""Why a backup cannot be written or restored: a stable code and an English text each.

Said by `groeispurt export` and `groeispurt import`; a line's problem names
the line (`{line}`), and every refusal says what was (not) written.
"""

from __future__ import annotations

from domain.errors import ErrorText

_NOTHING = "Nothing was imported."


def _line(code: str, problem: str) -> ErrorText:
    return ErrorText(f"backup.{code}", f"Line {{line}}: {problem}. {_NOTHING}")


NOT_JSON = _line("not_json", "not valid JSON ({detail})")
WRONG_KEYS = _line("wrong_keys", "expected an object with exactly the keys {keys}")
NOT_FROM_ONE = _line("not_from_one", "{name} must be a whole number from 1")
ID_OUT_OF_ORDER = _line("id_out_of_order", "id {id} is not after the previous id {previous}")
NOT_A_UUID = _line("not_a_uuid", "originator_id is not a UUID")
VERSION_OUT_OF_ORDER = _line(
    "version_out_of_order", "version {version} of {originator_id} comes twice or out of order"
)
TOPIC_NOT_TEXT = _line("topic_not_text", "topic must be text")
UNKNOWN_EVENT_TYPE = _line("unknown_event_type", "unknown event type {topic}")
UNREADABLE_STATE = _line("unreadable_state", "the event's state cannot be read ({detail})")
STATE_NOT_TEXT = _line("state_not_text", "state must be text")
STATE_NOT_BASE64 = _line("state_not_base64", "state is not valid base64")
UNKNOWN_ENCODING = _line("unknown_encoding", "encoding must be utf-8 or base64")
UNKNOWN_TABLE = _line("unknown_table", "table must be one of {tables}, with a row")
UNKNOWN_COLUMN = _line("unknown_column", "{table} has no column {columns}")

NOT_UTF8 = ErrorText("backup.not_utf8", f"{{path}} is not a UTF-8 text file. {_NOTHING}")
UNREADABLE_FILE = ErrorText("backup.unreadable_file", "Cannot read {path}: {reason}.")
STORE_NOT_EMPTY = ErrorText(
    "backup.store_not_empty",
    "The event store is not empty: a backup is restored only into an empty store "
    f"(a new SQLite file or a new PostgreSQL schema). {_NOTHING}",
)
DATABASE_NOT_EMPTY = ErrorText(
    "backup.database_not_empty",
    "{database} already holds events: a backup is restored only into an empty store "
    f"(a new SQLite file or a new PostgreSQL schema). {_NOTHING}",
)
WRITING_STOPPED = ErrorText(
    "backup.writing_stopped",
    "Writing stopped after {written} events: {detail}. The store now holds part of "
    "the backup; start again with a new, empty store.",
)
ROWS_NOT_WRITTEN = ErrorText(
    "backup.rows_not_written",
    "The events were imported, the accounts and tokens not: {detail}. "
    "Start again with a new, empty store.",
)
