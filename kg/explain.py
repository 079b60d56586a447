"""``kg explain``: the sentences, triggers, rules and matches behind an event."""

from __future__ import annotations

from kg.errors import Errors, QueryError
from kg.query import run_query
from kg.store import Store
from kg.vocab import ID

EXPLAIN_SPARQL = """
PREFIX kg: <https://w3id.org/geokg/ontology#>
SELECT ?event ?article ?sentence ?start ?end ?trigger ?triggerStart ?triggerEnd ?extractor
       ?confidence ?matched
WHERE {
  ?event kg:mention ?m .
  ?m kg:article/kg:sourceId ?article ; kg:sentence ?sentence ; kg:startChar ?start ;
     kg:endChar ?end ; kg:trigger ?trigger ; kg:extractor ?extractor ;
     kg:confidence ?confidence .
  OPTIONAL { ?m kg:triggerStart ?triggerStart ; kg:triggerEnd ?triggerEnd }
  OPTIONAL { ?m kg:matched ?matched }
}
ORDER BY ?article ?start
"""


def event_iri(event_id: str) -> str:
    """An event IRI from a full IRI or its last path segment."""
    return event_id if "://" in event_id else str(ID[f"event/{event_id}"])


def explain_event(store: Store, event_id: str) -> str:
    """A readable account of where ``event_id`` came from."""
    iri = event_iri(event_id)
    events = run_query(store, "events", {"event": iri}).records()
    if not events:
        raise QueryError(Errors.E505.format(event=event_id))
    event = events[0]
    rows = store.select(EXPLAIN_SPARQL, {"event": _node(iri)})
    lines = [f"{event['type']} {event['id']}",
             f"  date: {event['date'] or '—'}   place: "
             f"{(event['location'] or {}).get('label', '—')}"]
    for key in ("participants", "mediators", "hosts"):
        if event[key]:
            names = ", ".join(f"{a['label']} ({a['type']}"
                              + (f", {a['role']}" if a.get("role") else "") + ")"
                              for a in event[key])
            lines.append(f"  {key}: {names}")
    if event["topics"]:
        lines.append(f"  topics: {'; '.join(event['topics'])}")
    for row in rows:
        lines.append(f"  from {row['article']} [{row['start']}:{row['end']}] "
                     f"rule {row['extractor']} confidence {row['confidence']}")
        lines.append(f"    sentence: {row['sentence']}")
        lines.append(f"    trigger: {row['trigger']!r} at {row.get('triggerStart')}")
        if row.get("matched"):
            lines.append(f"    matched: {row['matched']}")
    return "\n".join(lines)


def _node(iri: str) -> object:
    from pyoxigraph import NamedNode

    return NamedNode(iri)
