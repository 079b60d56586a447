"""Run catalogue queries and shape their rows (events nested, tables flattened)."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kg.errors import Errors, QueryError, QueryNotFound
from kg.store import Store
from queries import CatalogueQuery, catalogue, get_query

OUTPUT_FORMATS = ("table", "json", "csv", "nl")
ROLE_KEYS = {"participant": "participants", "mediator": "mediators", "host": "hosts",
             "witness": "witnesses"}  # a witness looked on: no party to the event


@dataclass(frozen=True)
class QueryResult:
    """Rows of a catalogue query; ``returns`` says how to shape them ("events" nests them)."""

    query: CatalogueQuery
    rows: list[dict]

    def records(self) -> list[dict]:
        """The rows as analysts see them: nested events, or the flat rows."""
        return nest_events(self.rows) if self.query.returns == "events" else self.rows


def find_query(name: str) -> CatalogueQuery:
    """The catalogue query ``name``, or :class:`QueryNotFound` listing the choices."""
    query = get_query(name)
    if query is None:
        choices = ", ".join(sorted(q.cli_name for q in catalogue().values()))
        raise QueryNotFound(Errors.E501.format(name=name, choices=choices))
    return query


def bind_params(query: CatalogueQuery, params: Mapping[str, str]) -> dict[str, str]:
    """Map analyst parameter names to query variables; unknown names are an error."""
    bound = {}
    for name, value in params.items():
        param = query.param(name)
        if param is None:
            choices = ", ".join(p.name for p in query.params) or "none"
            raise QueryError(Errors.E502.format(
                param=name, reason=f"{query.cli_name} takes {choices}"))
        bound[param.var] = value
    return bound


def run_query(store: Store, name: str, params: Mapping[str, str] | None = None,
              *, lang: str = "sparql") -> QueryResult:
    """Run the catalogue query ``name`` on ``store`` with ``params`` bound by the engine."""
    query = find_query(name)
    bindings = bind_params(query, {**dict(query.defaults), **(params or {})})
    if lang == "sparql":
        if query.sparql is None:
            raise QueryError(Errors.E503.format(reason=f"{query.cli_name} has no SPARQL form"))
        rows = store.select(query.sparql, bindings)
    elif lang == "cypher":
        from kg.cypher import run_cypher  # the Cypher engine loads on demand

        if query.cypher is None:
            raise QueryError(Errors.E503.format(reason=f"{query.cli_name} has no Cypher form"))
        rows = run_cypher(store, query.cypher, bindings)
    else:
        raise QueryError(Errors.E502.format(param="lang", reason="expected sparql or cypher"))
    hidden = {p.var for p in query.params}  # parameters are projected for binding only
    rows = [{k: v for k, v in row.items() if k not in hidden} for row in rows]
    return QueryResult(query=query, rows=rows)


def _actor(row: Mapping[str, Any]) -> dict:
    affiliation = None
    if row.get("affiliation"):
        affiliation = {"id": row["affiliation"],
                       "label": row.get("affiliationLabel") or row["affiliation"]}
    return {"id": row["actor"], "label": row.get("actorLabel") or row["actor"],
            "type": row.get("actorType"), "role": row.get("title"), "affiliation": affiliation}


def _fullness(label: str) -> tuple:
    """Sort key putting the fullest name first: most words, then longest, then by text."""
    return (-len(label.split()), -len(label), label)


def _merge_actor(kept: dict, other: Mapping[str, Any]) -> None:
    """One actor told twice in a role of an event (several reports): a title or
    affiliation one report lacks comes from another."""
    for field in ("role", "affiliation"):
        if kept.get(field) is None and other.get(field) is not None:
            kept[field] = other[field]


def nest_events(rows: Iterable[Mapping[str, Any]]) -> list[dict]:
    """Nest the flat rows of the ``events`` query into one object per event.

    Events come in reading order: by their first source's article and position in it
    (the order annotators and readers meet them), then newest first. An event that
    reports place differently is located where most of them place it; on a tie, in a
    place inside a country (a city or venue rather than a country), then the first IRI.
    An actor several reports name is labelled, in every role, by the fullest name any
    of them writes ("Faisal bin Farhan bin Abdullah" over "Faisal bin Farhan"), whatever
    the row order.

    Rows are read in one total order (``ROW_ORDER``), so the output is the same
    whatever order the backend returns them in.

    Examples
    --------
    >>> rows = [{"event": "e1", "type": "Meeting", "date": "2022-12-29", "role": "participant",
    ...          "actor": "a1", "actorLabel": "Hulusi Akar", "actorType": "Person"}]
    >>> [(e["type"], [p["label"] for p in e["participants"]]) for e in nest_events(rows)]
    [('Meeting', ['Hulusi Akar'])]
    """
    events: dict[str, dict] = {}
    places: dict[str, dict[str, tuple]] = defaultdict(dict)
    rows = sorted(rows, key=_row_order)
    names: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in rows:
        if row.get("location"):
            places[row["event"]][row["location"]] = (
                -int(row.get("locationSupport") or 1), row.get("locationCountry") is None,
                row["location"], row.get("locationLabel") or row["location"])
        event = events.get(row["event"])
        if event is None:
            event = events[row["event"]] = {
                "id": row["event"], "type": row["type"], "date": row.get("date"),
                "location": None, "participants": [], "mediators": [], "hosts": [],
                "witnesses": [],
                "topics": [], "confidence": None, "extractor": None,
                "sources": [],
            }
        if row.get("actor"):
            role = row.get("role") or "participant"
            key = ROLE_KEYS.get(role, "participants")
            actor = _actor(row)
            if role not in ROLE_KEYS:
                actor["event_role"] = role
            same = next((a for a in event[key] if a["id"] == actor["id"]), None)
            if same is None:
                event[key].append(actor)
            else:
                _merge_actor(same, actor)
            names[row["event"], actor["id"]].append(actor["label"])
        if row.get("topic") and row["topic"] not in event["topics"]:
            event["topics"].append(row["topic"])
        if row.get("article"):
            source = {"article": row["article"], "title": row.get("articleTitle"),
                      "url": row.get("url"), "published": row.get("published"),
                      "evidence": row.get("evidence"), "start": row.get("start"),
                      "end": row.get("end")}
            if source not in event["sources"]:
                event["sources"].append(source)
            confidence = row.get("confidence")
            if confidence is not None and (event["confidence"] is None
                                           or confidence > event["confidence"]):
                event["confidence"] = confidence
                event["extractor"] = row.get("extractor")
    for key, found in places.items():
        *_, iri, label = min(found.values())
        events[key]["location"] = {"id": iri, "label": label}
    for event in events.values():  # one name for an actor in all its roles
        for key in ROLE_KEYS.values():
            for actor in event[key]:
                actor["label"] = min(names[event["id"], actor["id"]], key=_fullness)
    return sorted(events.values(), key=_feed_order)


ROW_ORDER = ("date", "event", "location", "role", "actor", "title", "affiliation", "topic",
             "article", "start", "confidence", "extractor", "evidence")


def _row_order(row: Mapping[str, Any]) -> tuple:
    """A total order of the ``events`` rows, so that which report's title, affiliation or
    extractor an event keeps does not hang on the order a backend returns rows in."""
    def sortable(value: object) -> tuple:
        if value is None:
            return (0, 0, "")
        if isinstance(value, int | float) and not isinstance(value, bool):
            return (1, value, "")
        return (2, 0, str(value))
    return tuple(sortable(row.get(key)) for key in ROW_ORDER)


def _feed_order(event: Mapping[str, Any]) -> tuple:
    """The first source's article and position; then newest first (a day before its
    month, a month before its year), undated last."""
    date = event.get("date") or ""
    newest = tuple(-ord(c) for c in date) + (0,)
    first = min(((str(s.get("article") or ""), int(s.get("start") or 0))
                 for s in event["sources"]), default=("", 0))
    return (first, not date, newest)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return str(value.get("label") or value.get("id") or "")
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def _short(text: str) -> str:
    if text.startswith("https://w3id.org/geokg/id/"):
        return text.rsplit("/", 1)[-1]
    return text


def flatten_event(event: Mapping[str, Any]) -> dict:
    """One event as a flat row for tables and CSV."""
    return {
        "date": event.get("date"), "type": event.get("type"),
        "participants": event.get("participants"), "mediators": event.get("mediators"),
        "hosts": event.get("hosts"), "location": event.get("location"),
        "topics": event.get("topics"),
        "sources": [s.get("article") for s in event.get("sources", [])],
        "id": event.get("id"),
    }


def format_records(records: list[dict], fmt: str, *, nested: bool = False) -> str:
    """Render records as ``json``, ``csv``, ``nl`` (JSON lines) or an aligned ``table``."""
    if fmt not in OUTPUT_FORMATS:
        raise QueryError(Errors.E504.format(value=fmt, choices=", ".join(OUTPUT_FORMATS)))
    if fmt == "json":
        return json.dumps(records, indent=2, ensure_ascii=False)
    if fmt == "nl":
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    flat = [flatten_event(r) for r in records] if nested else records
    columns: list[str] = []
    for row in flat:
        columns += [c for c in row if c not in columns]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for row in flat:
            writer.writerow([_cell(row.get(c)) for c in columns])
        return buffer.getvalue().rstrip("\n")
    # A table is for reading: IRIs that have a label column beside them go, the others
    # are cut to their last segment (what `kg explain` takes).
    columns = [c for c in columns if not (f"{c}Label" in columns or f"{c}_label" in columns)]
    cells = [[_short(_cell(row.get(c))) for c in columns] for row in flat]
    widths = [min(48, max([len(c)] + [len(r[i]) for r in cells])) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        return "  ".join(v[:w].ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(columns), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    out.append(f"({len(flat)} rows)")
    return "\n".join(out)
