"""Global IDs: base64 of a type and its keys, read back wherever an id is taken, beside
the bare keys pages and earlier releases send."""

from __future__ import annotations

import base64
from uuid import uuid4

import pytest

from domain.errors import InvalidInput
from service.ids import GlobalId, as_uuid, bare_key, global_id, read_global_id


def test_a_global_id_names_its_type_and_keys_and_reads_back() -> None:
    cycle, card = str(uuid4()), str(uuid4())
    assert read_global_id(global_id("Card", cycle, card)) == GlobalId("Card", (cycle, card))
    assert base64.b64decode(global_id("Person", cycle)).decode() == f"Person:{cycle}"


def test_an_id_is_taken_as_a_global_id_or_as_the_bare_key() -> None:
    person = uuid4()
    assert as_uuid(global_id("Person", str(person))) == person
    assert as_uuid(str(person)) == person
    card = str(uuid4())
    assert bare_key(global_id("Card", str(uuid4()), card)) == card
    assert bare_key(card) == card


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not base64!",
        base64.b64encode(b"Spaceship:" + str(uuid4()).encode()).decode(),  # no such type
        base64.b64encode(b"Person:not-a-uuid").decode(),
        base64.b64encode(f"Card:{uuid4()}".encode()).decode(),  # a card names its cycle too
        base64.b64encode(f"Person:{str(uuid4()).upper()}".encode()).decode(),  # not as given
        "QQ" * 200,  # longer than any ID given out
    ],
)
def test_text_that_is_no_global_id_is_read_as_it_came(text: str) -> None:
    assert read_global_id(text) is None
    assert bare_key(text) == text


def test_an_id_that_is_neither_is_refused_as_not_valid() -> None:
    with pytest.raises(InvalidInput) as refused:
        as_uuid(base64.b64encode(b"Person:x").decode())
    assert refused.value.code == "id.not_valid"
