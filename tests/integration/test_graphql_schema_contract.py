"""schema.graphql is the API's contract: the code and the file never drift apart."""

from __future__ import annotations

from groeispurt_cli.graphql import SCHEMA_FILE, current_sdl


def test_the_committed_schema_file_matches_the_code() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == current_sdl(), (
        "The GraphQL schema changed: run `groeispurt graphql-schema` and review the diff."
    )
