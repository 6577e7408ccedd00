"""Every mutation and query of `schema.graphql`, sent with generated variables: never a 500,
never INTERNAL, never a leak.

The documents are the ones integrators write (each argument a variable, as
`$input: MoveCardInput!`); hypothesis makes the variables from the schema's
input types: real ids of the world beside random ones, enum values and
names that are none, dates such as "volgende week" or the year 9999, numbers
past 32 bits, keys no input has, nulls where a value is required, text with
control characters. Every answer must be JSON with only the API's codes, in
`errors` and in every payload's `userErrors`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import graphql
import httpx2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.container import build_services
from service.settings import Settings
from tests.integration.graphql_client import served
from tests.scenario import ADMIN, cycle_on_board, fixed_today, small_org

SCHEMA = graphql.build_schema(
    (Path(__file__).resolve().parents[2] / "schema.graphql").read_text(encoding="utf-8")
)
ALLOWED = {
    "UNAUTHENTICATED",
    "FORBIDDEN",
    "NOT_FOUND",
    "VALIDATION",
    "CONFLICT",
    "IDEMPOTENCY_KEY_REUSED",
}
LEAKS = ("Traceback", "sqlite", "psycopg", "SELECT ", 'File "')
SEEN: Counter[str] = Counter()
# Filled in by the server fixture: ids that exist, so that generated input reaches past the
# lookups into the use cases and the domain.
IDS: list[str] = []

Operation = tuple[str, str, dict[str, graphql.GraphQLInputType]]


def _selection(kind: graphql.GraphQLOutputType, depth: int = 2) -> str:
    named = graphql.get_named_type(kind)
    if not isinstance(named, graphql.GraphQLObjectType | graphql.GraphQLInterfaceType):
        return ""
    parts = ["__typename"]
    for name, field in named.fields.items():
        if any(graphql.is_required_argument(a) for a in field.args.values()):
            continue
        inner = graphql.get_named_type(field.type)
        if isinstance(inner, graphql.GraphQLScalarType | graphql.GraphQLEnumType):
            parts.append(name)
        elif depth > 0:
            parts.append(f"{name} {_selection(field.type, depth - 1)}")
    return "{ " + " ".join(parts) + " }"


def _operations() -> list[Operation]:
    found: list[Operation] = []
    roots = (("query", SCHEMA.query_type), ("mutation", SCHEMA.mutation_type))
    for keyword, root in roots:
        assert root is not None
        for name, field in root.fields.items():
            arguments = {arg: definition.type for arg, definition in field.args.items()}
            declared = ", ".join(f"${a}: {t}" for a, t in arguments.items())
            passed = ", ".join(f"{a}: ${a}" for a in arguments)
            head = f"{keyword}({declared})" if declared else keyword
            call = f"{name}({passed})" if passed else name
            found.append((name, f"{head} {{ {call} {_selection(field.type)} }}", arguments))
    return found


OPERATIONS = _operations()


def mostly(
    usual: st.SearchStrategy[Any], now_and_then: st.SearchStrategy[Any]
) -> st.SearchStrategy[Any]:
    """`usual` three times in four (one_of would weigh the two alike)."""
    return st.integers(0, 3).flatmap(lambda n: now_and_then if n == 0 else usual)


TEXT = mostly(
    st.text(max_size=30),
    st.sampled_from(
        ["", " ", "volgende week", "<script>alert(1)</script>", "x" * 201, "a\x00b", "\u202e"]
    ),
)
DAY = mostly(
    st.dates(date(1990, 1, 1), date(2110, 1, 1)).map(date.isoformat),
    st.sampled_from(["9999-12-31", "0001-01-01", "2026-02-30", "volgende week", "", "2026-1-1"]),
)
MOMENT = mostly(
    st.datetimes(datetime(1990, 1, 1), datetime(2110, 1, 1)).map(lambda d: d.isoformat() + "Z"),
    st.sampled_from(["9999-12-31T23:59:59Z", "morgen", "2026-11-23T25:00:00Z"]),
)
SCALARS: dict[str, st.SearchStrategy[Any]] = {
    "String": TEXT,
    "ID": mostly(st.deferred(lambda: st.sampled_from(IDS)), st.one_of(st.uuids().map(str), TEXT)),
    "Int": mostly(st.integers(-5, 130), st.integers(-(2**40), 2**40)),
    "Float": st.floats(allow_nan=False),
    "Boolean": st.booleans(),
    "Date": DAY,
    "DateTime": MOMENT,
    "JSON": st.none(),
}
# Now and then a value of the wrong kind altogether.
WRONG = st.one_of(st.integers(), st.booleans(), st.text(max_size=5), st.just({"x": 1}))


def values(kind: graphql.GraphQLInputType, sloppy: bool) -> st.SearchStrategy[Any]:
    """Values of a variable's type. Half the requests are `sloppy`: wrong kinds of value,
    unknown keys and enum names that are none come in; the others keep to the schema's
    types (their values still anything the types allow), to reach the use cases."""
    if isinstance(kind, graphql.GraphQLNonNull):
        return _values(kind.of_type, sloppy)
    return mostly(_values(kind, sloppy), st.none())


def _values(kind: graphql.GraphQLInputType, sloppy: bool) -> st.SearchStrategy[Any]:
    proper: st.SearchStrategy[Any]
    if isinstance(kind, graphql.GraphQLList):
        item = values(kind.of_type, sloppy)
        proper = st.one_of(st.lists(item, max_size=4), item)  # one value counts as a list
    elif isinstance(kind, graphql.GraphQLEnumType):
        proper = st.sampled_from(list(kind.values))
        if sloppy:
            proper = st.one_of(proper, st.sampled_from(["MEDIUM", "doing", ""]))
    elif isinstance(kind, graphql.GraphQLInputObjectType):
        fields = kind.fields.items()
        required = {
            n: values(f.type, sloppy) for n, f in fields if graphql.is_required_input_field(f)
        }
        optional = {n: values(f.type, sloppy) for n, f in fields if n not in required}
        proper = st.fixed_dictionaries(required, optional=optional)
        if sloppy:
            proper = st.one_of(proper, proper.map(lambda d: {**d, "unknownKey": 1}))
    else:
        assert isinstance(kind, graphql.GraphQLScalarType), kind
        proper = SCALARS[kind.name]
    return mostly(proper, WRONG) if sloppy else proper


def requests() -> st.SearchStrategy[tuple[str, str, dict[str, Any]]]:
    def of(operation: Operation) -> st.SearchStrategy[tuple[str, str, dict[str, Any]]]:
        name, document, arguments = operation

        def variables(sloppy: bool) -> st.SearchStrategy[dict[str, Any]]:
            return st.fixed_dictionaries({a: values(t, sloppy) for a, t in arguments.items()})

        return st.tuples(st.just(name), st.just(document), st.booleans().flatmap(variables))

    return st.sampled_from(OPERATIONS).flatmap(of)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    settings_ = Settings(database=str(tmp_path_factory.mktemp("fuzz-variables") / "db"))
    services = build_services(settings_, clock=fixed_today)
    app = services.app
    org = small_org(app)
    cycle_id, card_ids = cycle_on_board(app, org)
    hr = app.register_person(
        ADMIN, name="Hanna HR", email="hr@example.nl", function="HR", team="Staf",
        start_date="2015-01-01", external_id="HR-1",
    )  # fmt: skip
    app.grant_role(ADMIN, hr, "hr")
    skill = app.add_backlog_skill(ADMIN, {"kind": "hard", "description": "SQL"})
    IDS[:] = [str(i) for i in (org.manager, org.employee, org.colleague, cycle_id, hr, skill)]
    IDS.extend(card_ids)
    tokens = {
        who: services.tokens.create(f"fuzz-{who}", "write", as_email=f"{email}@example.nl")
        for who, email in (("employee", "eva"), ("manager", "mia"), ("hr", "hr"))
    }
    services.close()
    with served(settings_) as base:
        yield {"base": base, **tokens}


def _check(server: dict[str, str], token: str, sent: tuple[str, str, dict[str, Any]]) -> None:
    name, document, variables = sent
    response = httpx2.post(
        f"{server['base']}/graphql",
        json={"query": document, "variables": variables},
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    what = f"{name} {json.dumps(variables, default=str)[:500]}"
    assert response.status_code not in (500, 502, 503), what
    body = response.json()
    codes = [e.get("extensions", {}).get("code") for e in body.get("errors") or []]
    for payload in (body.get("data") or {}).values():
        if isinstance(payload, dict) and isinstance(payload.get("userErrors"), list):
            codes += [e["code"] for e in payload["userErrors"]]
    for code in codes:
        SEEN[code or "none"] += 1
        assert code in ALLOWED, f"{code}: {body}\n{what}"
    if not codes:
        SEEN["ok"] += 1
    assert not any(leak in json.dumps(body) for leak in LEAKS), what


FUZZ = settings(
    max_examples=250,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@FUZZ
@given(sent=requests())
def test_generated_variables_as_an_employee_never_fail_unexpectedly(
    server: dict[str, str], sent: tuple[str, str, dict[str, Any]]
) -> None:
    _check(server, server["employee"], sent)


@FUZZ
@given(sent=requests())
def test_generated_variables_as_a_manager_never_fail_unexpectedly(
    server: dict[str, str], sent: tuple[str, str, dict[str, Any]]
) -> None:
    _check(server, server["manager"], sent)


@FUZZ
@given(sent=requests())
def test_generated_variables_as_hr_never_fail_unexpectedly(
    server: dict[str, str], sent: tuple[str, str, dict[str, Any]]
) -> None:
    _check(server, server["hr"], sent)


def test_every_operation_of_the_schema_is_fuzzed() -> None:
    names = {name for name, _, _ in OPERATIONS}
    assert SCHEMA.mutation_type is not None
    assert SCHEMA.query_type is not None
    assert names == {*SCHEMA.mutation_type.fields, *SCHEMA.query_type.fields}


def test_zz_report_what_the_variables_fuzz_tried() -> None:
    print(f"fuzzed GraphQL variables, answers by code: {dict(SEEN)} (total {sum(SEEN.values())})")
