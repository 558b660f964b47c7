"""Inserting a batch of new records, and their history rows, without the ORM's per-row work.

Django's `bulk_create` prepares every value of every row one by one and, on SQLite, splits a
batch into statements of at most 999 parameters; an import spent most of its time there. Here
each column is prepared once for the whole batch (plain strings, numbers and None as they are,
anything else through its field's `get_db_prep_save`), and the rows go out in one
`executemany` on SQLite or one `COPY … FROM STDIN` on PostgreSQL, for the table and again for
its history table. The history rows are the ones django-simple-history's
`bulk_create_with_history` writes (type '+', the writer, the record's change reason if it has
one), with one moment for the whole batch.

Primary keys: on SQLite the connection holds the write lock for the whole transaction (BEGIN
IMMEDIATE, `marsad.dbconfig`), so the rows of one `executemany` take consecutive ids ending at
`last_insert_rowid()`; on PostgreSQL the ids are drawn from the table's sequence first and
written with the rows. Only the gate calls this (`gate.store_batch`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from operator import itemgetter
from typing import Any

from django.conf import settings
from django.db import connection, models
from django.utils import timezone

from marsad.core import merkle
from marsad.core.audit import NEVER_AUDITED, _as_stored
from marsad.core.history import historical

# The columns simple_history adds to a tracked model's own (its id is history_id).
HISTORY_COLUMNS = ("history_id", "history_date", "history_change_reason", "history_type")

# Fields whose preparation leaves a value of these exact types as it is, on both engines (a
# subclass may prepare its values its own way, so only these classes themselves count).
_TEXT = (models.CharField, models.TextField, models.SlugField, models.EmailField, models.URLField)
_INTEGER = (
    models.IntegerField,
    models.BigIntegerField,
    models.SmallIntegerField,
    models.PositiveIntegerField,
    models.PositiveSmallIntegerField,
    models.PositiveBigIntegerField,
    models.AutoField,
    models.BigAutoField,
    models.SmallAutoField,
)


def _plain_types(field: models.Field) -> tuple[type, ...]:
    """The Python types a field stores as they are: strings in text columns, ints in integer
    ones, floats in float ones (a foreign key as its target's)."""
    target = field.target_field if field.is_relation else field  # type: ignore[attr-defined]
    kind = type(target)
    if kind in _TEXT:
        return (str,)
    if kind in _INTEGER:
        return (int,)
    if kind is models.FloatField:
        return (float,)
    return ()


def _auto_now(field: models.Field) -> bool:
    return bool(getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False))


def _raw(field: models.Field, records: Sequence[models.Model], new: bool = True) -> list[Any]:
    """The column of `field` as the records hold it (a new record's automatic dates set now;
    a stored record's as they are)."""
    if new and _auto_now(field):
        return [field.pre_save(record, True) for record in records]  # type: ignore[arg-type]
    name = field.attname
    raw = [record.__dict__.get(name) for record in records]
    if any(name not in record.__dict__ for record in records):
        raw = [getattr(record, name) for record in records]
    return raw


def _gathered(fields: list[models.Field], records: Sequence[models.Model]) -> dict[str, list[Any]]:
    """`_raw` of every field, new records: the fields every record holds in its `__dict__` (all
    of them once built) are taken with one look-up per record, not one per field and record."""
    names = [f.attname for f in fields if not _auto_now(f)]
    found: dict[str, list[Any]] = {}
    if len(names) > 1:
        get = itemgetter(*names)
        try:
            rows = [get(record.__dict__) for record in records]
        except KeyError:
            rows = []
        if rows:
            found = dict(zip(names, map(list, zip(*rows, strict=True)), strict=True))
    return {f.attname: found.get(f.attname) or _raw(f, records) for f in fields}


def _values(field: models.Field, records: Sequence[models.Model], new: bool = True) -> list[Any]:
    """The column of `field` as the database takes it, for every record."""
    return _prepared(field, _raw(field, records, new))


def _prepared(field: models.Field, raw: list[Any]) -> list[Any]:
    """The values of one column of `field` as the database takes them."""
    plain = _plain_types(field)
    prepare = field.get_db_prep_save
    if plain == (float,):
        # An int in a float column is stored (and read back) as a float.
        return [v if v is None or type(v) is float else prepare(v, connection) for v in raw]
    if plain:
        return [v if v is None or type(v) in plain else prepare(v, connection) for v in raw]
    memo: dict[Any, Any] = {}
    out = []
    for v in raw:
        if v is None:
            out.append(None)
        elif type(v) is date:
            # Dates repeat across a batch: each distinct one is prepared once.
            if v not in memo:
                memo[v] = prepare(v, connection)
            out.append(memo[v])
        else:
            out.append(prepare(v, connection))
    return out


def _quoted(names: Sequence[str]) -> str:
    return ", ".join(connection.ops.quote_name(n) for n in names)


def _write(table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """Rows into `table`: COPY on PostgreSQL, one executemany elsewhere."""
    quoted = connection.ops.quote_name(table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor
            with raw.copy(f"COPY {quoted} ({_quoted(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {quoted} ({_quoted(columns)}) VALUES ({marks})", rows)


def _reserve_ids(model: type[models.Model], n: int) -> list[int]:
    """n fresh ids from the table's sequence (PostgreSQL): drawn, so no other writer gets them."""
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [connection.ops.quote_name(table), column, n],
        )
        return [row[0] for row in cursor.fetchall()]


def _inserted_ids(model: type[models.Model], n: int) -> list[int]:
    """The ids SQLite gave the n rows just inserted (see the module's docstring), checked."""
    table = connection.ops.quote_name(model._meta.db_table)
    pk = connection.ops.quote_name(model._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.execute("SELECT last_insert_rowid()")
        last = cursor.fetchone()[0]
        cursor.execute(
            f"SELECT count(*) FROM {table} WHERE {pk} BETWEEN %s AND %s", [last - n + 1, last]
        )
        if cursor.fetchone()[0] != n:
            raise RuntimeError(f"the {n} rows inserted into {table} do not hold consecutive ids")
    return list(range(last - n + 1, last + 1))


def supports(model: type[models.Model], records: Sequence[models.Model]) -> bool:
    """Whether `insert` can write these records: new ones (no primary key yet) of a model whose
    key the database generates, with no history columns beyond simple_history's own."""
    pk = model._meta.pk
    if not isinstance(pk, models.AutoField | models.BigAutoField | models.SmallAutoField):
        return False
    if connection.vendor not in ("sqlite", "postgresql"):
        return False
    if any(record.pk is not None for record in records):
        return False
    return historical(model) is None or plain_history(model)


def plain_history(model: type[models.Model]) -> bool:
    """Whether the model keeps history with simple_history's own columns and no others."""
    history = historical(model)
    if history is None or connection.vendor not in ("sqlite", "postgresql"):
        return False
    tracked = {f.attname for f in history.tracked_fields}
    extra = {f.attname for f in history._meta.concrete_fields} - tracked
    return extra == {*HISTORY_COLUMNS, "history_user_id"}


def insert(
    model: type[models.Model], records: Sequence[models.Model], *, history_user: Any = None
) -> list[models.Model]:
    """Insert new `records` of `model` (and their history rows, if it keeps history) inside the
    caller's transaction; sets their primary keys and returns them."""
    _insert(model, records, history_user)
    return list(records)


def insert_with_leaves(
    model: type[models.Model], records: Sequence[models.Model], *, history_user: Any = None
) -> list[bytes]:
    """`insert`, and the records' Merkle leaves (as `leaves` gives them) from the columns the
    insert gathered, rather than reading every field of every record a second time."""
    return _leaves(model, _insert(model, records, history_user))


def _insert(
    model: type[models.Model], records: Sequence[models.Model], history_user: Any
) -> dict[str, list[Any]]:
    """The insert; returns its columns as the records hold them, their ids included."""
    if not records:
        return {}
    meta = model._meta
    fields = [f for f in meta.concrete_fields if f is not meta.pk]
    raw = _gathered(fields, records)
    columns = {f.attname: _prepared(f, raw[f.attname]) for f in fields}
    n = len(records)
    pk = meta.pk
    if connection.vendor == "postgresql":
        ids = _reserve_ids(model, n)
        names = [pk.column, *(f.column for f in fields)]
        _write(meta.db_table, names, list(zip(ids, *columns.values(), strict=True)))
    else:
        names = [f.column for f in fields]
        _write(meta.db_table, names, list(zip(*columns.values(), strict=True)))
        ids = _inserted_ids(model, n)
    for record, pk_value in zip(records, ids, strict=True):
        setattr(record, pk.attname, pk_value)
        record._state.adding = False
        record._state.db = connection.alias
    columns[pk.attname] = raw[pk.attname] = ids
    rows = historical(model)
    if rows is not None and getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        _history(rows, records, columns, history_user)
    return raw


def insert_columns(model: type[models.Model], columns: Mapping[str, Sequence[Any]]) -> list[int]:
    """Insert rows given a column at a time (`columns`: every concrete field's attname but the
    key's, each with one value per row) into a table that keeps no history, inside the caller's
    transaction; returns the rows' ids in order. No model instance is built: the search entries
    of an import batch are thousands of rows that nothing reads back."""
    meta = model._meta
    if historical(model) is not None:
        raise ValueError(f"{meta.label} keeps history: insert its records with `insert`")
    fields = [f for f in meta.concrete_fields if f is not meta.pk]
    missing = {f.attname for f in fields} ^ set(columns)
    if missing:
        raise ValueError(f"columns of {meta.label} missing or unknown: {sorted(missing)}")
    lengths = {len(values) for values in columns.values()}
    if len(lengths) != 1:
        raise ValueError("the columns are not of one length")
    (n,) = lengths
    if not n:
        return []
    prepared = [_prepared(f, list(columns[f.attname])) for f in fields]
    if connection.vendor == "postgresql":
        ids = _reserve_ids(model, n)
        names = [meta.pk.column, *(f.column for f in fields)]
        _write(meta.db_table, names, list(zip(ids, *prepared, strict=True)))
        return ids
    _write(meta.db_table, [f.column for f in fields], list(zip(*prepared, strict=True)))
    return _inserted_ids(model, n)


def history(
    model: type[models.Model], records: Sequence[models.Model], *, history_user: Any
) -> None:
    """The '~' history row of each stored record as it now is, as simple_history's
    `bulk_update_with_history` writes it (one moment for the batch): `gate.update_batch`."""
    if not records or not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return
    rows = historical(model)
    columns = {f.attname: _values(f, records, new=False) for f in rows.tracked_fields}
    _history(rows, records, columns, history_user, "~")


def _history(
    historical: type[models.Model],
    records: Sequence[models.Model],
    columns: dict[str, list[Any]],
    default_user: Any,
    kind: str = "+",
) -> None:
    """The history row of each record (type '+' when new, '~' when changed), as
    simple_history's bulk_history_create makes it."""
    now = timezone.now()
    moments = [getattr(r, "_history_date", None) or now for r in records]
    users = [getattr(r, "_history_user", default_user) for r in records]
    reasons = [getattr(r, "_change_reason", None) or None for r in records]
    date_field = historical._meta.get_field("history_date")
    user_ids = [getattr(u, "pk", u) for u in users]
    tracked = [f for f in historical.tracked_fields]  # type: ignore[attr-defined]
    names = [f.column for f in tracked]
    data = [columns[f.attname] for f in tracked]
    names += ["history_date", "history_change_reason", "history_type", "history_user_id"]
    stamp = {m: date_field.get_db_prep_save(m, connection) for m in set(moments)}
    data += [[stamp[m] for m in moments], reasons, [kind] * len(records), user_ids]
    _write(historical._meta.db_table, names, list(zip(*data, strict=True)))


# --- the rows' Merkle leaves, column by column ---------------------------------------------------

_encode_str: Callable[[str], str] = json.encoder.encode_basestring  # type: ignore[attr-defined]


def _json_column(field: models.Field, values: list[Any]) -> list[str]:
    """Each value of a column as `audit.row_bytes` writes it in canonical JSON. The column's type
    picks one way for the whole column (a string column's strings through the C encoder, an
    integer column's ints by `repr`, each repeated one once); any other value, and every value
    of other types, goes through `audit.canonical_json` as `row_bytes` does, each repeated
    string, number or date (an enum member, a day) once."""
    plain = _plain_types(field)
    if plain and values and set(map(type, values)) <= {*plain, type(None)}:
        # Only strings (or ints, or floats) and None: written as `canonical_json` writes them.
        if plain != (float,):
            # Most text and integer columns of a batch repeat a few values (a marking, a source):
            # each distinct one written once. (Not floats: 0.0 and -0.0 are one key.)
            distinct = list(set(values))
            if len(distinct) * 4 < len(values):
                return list(map(dict(zip(distinct, _json_many(distinct), strict=True)).get, values))
        return _json_many(values)

    memo: dict[tuple[type, Any], str] = {}

    def other(v: Any) -> str:
        if v is None:
            return "null"
        if not isinstance(v, _MEMO):
            return _json_value(field, v)
        # Repeated values (a choice's enum member in a text column, dates): each written once.
        key = (v.__class__, v)
        if key not in memo:
            memo[key] = _json_value(field, v)
        return memo[key]

    if plain == (str,):
        enc = _encode_str
        return [enc(v) if v.__class__ is str else other(v) for v in values]
    if plain == (int,):
        return [int.__repr__(v) if v.__class__ is int else other(v) for v in values]
    if plain == (float,):
        # `v - v == 0` leaves out infinities and NaN, which JSON writes its own way.
        return [
            float.__repr__(v) if v.__class__ is float and v - v == 0 else other(v) for v in values
        ]
    return [other(v) for v in values]


# Values whose JSON depends on their class and value only (equal values of one class write the
# same JSON), and that repeat across a batch. Not floats: 0.0 and -0.0 are equal.
_MEMO = (str, int, date)


def _json_many(values: list[Any]) -> list[str]:
    """Strings, ints, floats and None as `canonical_json` writes each (the same encoder and
    options), in one call for the list, cut at a separator that JSON escapes inside a string."""
    return json.dumps(values, ensure_ascii=False, separators=("\x00", ":"))[1:-1].split("\x00")


def _json_value(field: models.Field, value: Any) -> str:
    from marsad.core.audit import canonical_json

    return canonical_json(_as_stored(field, value))


def leaves(model: type[models.Model], records: Sequence[models.Model]) -> list[bytes]:
    """The Merkle leaf of each record, equal to `merkle.leaf(audit.row_bytes(record, model))`,
    computed a column at a time."""
    fields = _audited(model)
    return _leaves(model, {f.attname: [getattr(r, f.attname) for r in records] for f in fields})


def _audited(model: type[models.Model]) -> list[models.Field]:
    fields = (f for f in model._meta.concrete_fields if f.name not in NEVER_AUDITED)
    return sorted(fields, key=lambda f: f.attname)


def _leaves(model: type[models.Model], values: Mapping[str, list[Any]]) -> list[bytes]:
    """The leaves of rows given a column at a time, as the records hold them (attname → values)."""
    if not values:
        return []
    fields = _audited(model)
    template = "{" + ",".join(_encode_str(f.attname) + ":%s" for f in fields) + "}"
    columns = [_json_column(f, values[f.attname]) for f in fields]
    leaf = merkle.leaf
    return [leaf((template % row).encode("utf-8")) for row in zip(*columns, strict=True)]
