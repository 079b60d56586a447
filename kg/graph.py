"""The property-graph view of the store: one schema, derived from the ontology.

:func:`project` reads the RDF of any store (embedded Oxigraph, a SPARQL server) with a few
SPARQL queries and returns a :class:`PropertyGraph`: labelled nodes keyed by their IRI and
typed relationships. The embedded Cypher engine (:mod:`kg.cypher`), the Neo4j push
(:mod:`kg.backends.neo4j`) and NetworkX (:func:`to_networkx`) all use this one projection,
so a Cypher query answers the same rows everywhere. ``docs/property-graph.md`` documents it.

Events stay nodes: ``(:Actor)-[:PARTICIPANT {role, title, affiliation}]->(:Event)``, so
"Russia mediates Turkiye-Syria talks" keeps who mediated whom.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from pyoxigraph import NamedNode

from kg.store import Store
from kg.vocab import KG

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "SCHEMA", "Node", "NodeType", "Property", "PropertyGraph", "Relationship",
    "RelationshipType", "Schema", "article_hashes", "fingerprint", "project", "to_networkx",
    "write_graphml",
]

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
DC_TITLE = "http://purl.org/dc/terms/title"


def _iri(term: object) -> str:
    return str(term)


@dataclass(frozen=True)
class Property:
    """A node or relationship property: its name, type, and the predicate it comes from.

    ``many`` properties hold every value (a list); the others hold the smallest value, as
    the catalogue's ``MIN(...)`` does, when articles disagree.
    """

    name: str
    type: str  # "STRING", "INT64", "DOUBLE" or "STRING[]"
    predicate: str | None = None
    many: bool = False


@dataclass(frozen=True)
class NodeType:
    """A node label, the ontology classes it projects, and its properties.

    ``classes`` maps each class IRI to the second label it gives (``Actor:Person``) or to
    ``None`` when the class is the label itself (``Place``).
    """

    label: str
    classes: Mapping[str, str | None]
    properties: tuple[Property, ...]

    @property
    def sublabels(self) -> tuple[str, ...]:
        """The second labels of this node type, in order."""
        return tuple(s for s in self.classes.values() if s)


@dataclass(frozen=True)
class RelationshipType:
    """A relationship type between two node labels, and the predicate it projects."""

    type: str
    start: str
    end: str
    predicate: str
    properties: tuple[Property, ...] = ()


@dataclass(frozen=True)
class Schema:
    """Every node label and relationship type of the property graph."""

    nodes: tuple[NodeType, ...]
    relationships: tuple[RelationshipType, ...]

    def node_type(self, label: str) -> NodeType:
        """The node type called ``label``."""
        return next(n for n in self.nodes if n.label == label)

    def relationship_type(self, name: str) -> RelationshipType:
        """The relationship type called ``name``."""
        return next(r for r in self.relationships if r.type == name)


_TYPE = Property("type", "STRING")
_LABEL = Property("label", "STRING", RDFS_LABEL)
_NAMES = Property("names", "STRING[]", RDFS_LABEL, many=True)
_WIKIDATA = Property("wikidata", "STRING", _iri(KG.wikidata))

SCHEMA = Schema(
    nodes=(
        NodeType("Actor", {_iri(KG.Person): "Person", _iri(KG.State): "State",
                           _iri(KG.Organization): "Organization"}, (
            _TYPE, _LABEL, _NAMES, Property("aliases", "STRING[]", SKOS_ALT, many=True),
            _WIKIDATA, Property("iso3166", "STRING", _iri(KG.iso3166)),
            Property("acronym", "STRING", _iri(KG.acronym)),
            Property("matchKey", "STRING", _iri(KG.matchKey)),
        )),
        NodeType("Event", {_iri(KG[name]): name for name in (
            "Meeting", "PhoneCall", "Visit", "Mediation", "Agreement", "Proposal", "Threat")}, (
            _TYPE, Property("date", "STRING", _iri(KG.date)),
        )),
        NodeType("Place", {_iri(KG.Place): None}, (_LABEL, _NAMES, _WIKIDATA)),
        NodeType("Topic", {_iri(KG.Topic): None}, (_LABEL, _NAMES)),
        NodeType("Article", {_iri(KG.Article): None}, (
            Property("sourceId", "STRING", _iri(KG.sourceId)),
            Property("title", "STRING", DC_TITLE),
            Property("url", "STRING", _iri(KG.url)),
            Property("published", "STRING", _iri(KG.published)),
            Property("path", "STRING", _iri(KG.path)),
            Property("contentHash", "STRING", _iri(KG.contentHash)),
        )),
        NodeType("Mention", {_iri(KG.Mention): None}, (
            Property("sentence", "STRING", _iri(KG.sentence)),
            Property("startChar", "INT64", _iri(KG.startChar)),
            Property("endChar", "INT64", _iri(KG.endChar)),
            Property("trigger", "STRING", _iri(KG.trigger)),
            Property("triggerStart", "INT64", _iri(KG.triggerStart)),
            Property("triggerEnd", "INT64", _iri(KG.triggerEnd)),
            Property("extractor", "STRING", _iri(KG.extractor)),
            Property("confidence", "DOUBLE", _iri(KG.confidence)),
            Property("matched", "STRING", _iri(KG.matched)),
        )),
    ),
    relationships=(
        RelationshipType("PARTICIPANT", "Actor", "Event", _iri(KG.participation), (
            Property("id", "STRING"),
            Property("participation", "STRING"),
            Property("role", "STRING", _iri(KG.role)),
            Property("title", "STRING", _iri(KG.title)),
            Property("affiliation", "STRING", _iri(KG.affiliation)),
        )),
        RelationshipType("AFFILIATED_WITH", "Actor", "Actor", _iri(KG.affiliation)),
        # How many articles place the event there: reports may disagree.
        RelationshipType("LOCATED_IN", "Event", "Place", _iri(KG.location), (
            Property("support", "INT64"),
        )),
        RelationshipType("ABOUT", "Event", "Topic", _iri(KG.topic)),
        RelationshipType("MENTIONED_IN", "Event", "Mention", _iri(KG.mention)),
        RelationshipType("FROM", "Mention", "Article", _iri(KG.article)),
        RelationshipType("IN_COUNTRY", "Place", "Actor", _iri(KG.country)),
    ),
)


@dataclass(frozen=True)
class Node:
    """A node: its IRI (the stable id), its labels (``("Actor", "Person")``), its properties."""

    id: str
    labels: tuple[str, ...]
    properties: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Relationship:
    """A relationship: a stable id, its type, the IRIs of its ends, its properties."""

    id: str
    type: str
    start: str
    end: str
    properties: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class PropertyGraph:
    """Nodes and relationships, sorted by id."""

    nodes: tuple[Node, ...] = ()
    relationships: tuple[Relationship, ...] = ()

    def restricted_to(self, iris: Iterable[str]) -> PropertyGraph:
        """The nodes among ``iris`` and every relationship that touches one of them.

        The other end of such a relationship is kept too, so the result is a graph.
        """
        wanted = set(iris)
        relationships = tuple(r for r in self.relationships
                              if r.start in wanted or r.end in wanted)
        ends = wanted | {r.start for r in relationships} | {r.end for r in relationships}
        return PropertyGraph(tuple(n for n in self.nodes if n.id in ends), relationships)


# ---------------------------------------------------------------------------- projection

_PREFIX = "PREFIX kg: <https://w3id.org/geokg/ontology#>\n"

_CLASS_VALUES = " ".join(f"<{c}>" for node in SCHEMA.nodes for c in node.classes)
_LITERAL_PREDICATES = " ".join(sorted({
    f"<{p.predicate}>" for node in SCHEMA.nodes for p in node.properties if p.predicate}))
_LINK_PREDICATES = " ".join(f"<{r.predicate}>" for r in SCHEMA.relationships
                            if r.type != "PARTICIPANT")

NODES_QUERY = f"""SELECT ?node ?class WHERE {{
  VALUES ?class {{ {_CLASS_VALUES} }}
  ?node a ?class .
}}"""

VALUES_QUERY = f"""SELECT ?node ?key ?value WHERE {{
  VALUES ?key {{ {_LITERAL_PREDICATES} }}
  ?node ?key ?value .
  FILTER (isLiteral(?value))
}}"""

# Each link with the number of article graphs stating it.
LINKS_QUERY = f"""SELECT ?start ?key ?end (COUNT(DISTINCT ?g) AS ?support) WHERE {{
  VALUES ?key {{ {_LINK_PREDICATES} }}
  GRAPH ?g {{ ?start ?key ?end }}
  FILTER (isIRI(?end))
}} GROUP BY ?start ?key ?end"""

# The participation join of the catalogue queries: one row per title and affiliation.
PARTICIPATIONS_QUERY = _PREFIX + """SELECT ?part ?event ?agent ?role ?title ?affiliation WHERE {
  ?event kg:participation ?part .
  ?part kg:agent ?agent ; kg:role ?role .
  OPTIONAL { ?part kg:title ?title }
  OPTIONAL { ?part kg:affiliation ?affiliation }
}"""

ARTICLES_QUERY = _PREFIX + """SELECT ?article ?hash WHERE {
  ?article a kg:Article ; kg:contentHash ?hash .
}"""

GRAPH_SUBJECTS_QUERY = """SELECT DISTINCT ?node ?g WHERE { GRAPH ?g { ?node ?p ?o } }"""


def article_hashes(store: Store) -> dict[str, str]:
    """Every article graph of the store: its IRI and the content hash it records."""
    hashes: dict[str, str] = {}
    for row in store.select(ARTICLES_QUERY):
        hashes[row["article"]] = min(row["hash"], hashes.get(row["article"], row["hash"]))
    return hashes


def fingerprint(store: Store) -> str:
    """A digest of the store's article graphs (IRIs and content hashes).

    Two stores holding the same articles have the same fingerprint, so a projection kept
    elsewhere (the embedded Cypher database) can tell whether it is still fresh.

    Examples
    --------
    >>> fingerprint(Store()) == fingerprint(Store())
    True
    """
    lines = sorted(f"{iri} {digest}" for iri, digest in article_hashes(store).items())
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def graph_subjects(store: Store, graphs: Iterable[str]) -> set[str]:
    """The IRIs of every subject of the named ``graphs``."""
    found: set[str] = set()
    for graph in sorted(set(graphs)):
        rows = store.select(GRAPH_SUBJECTS_QUERY, {"g": NamedNode(graph)})
        found.update(row["node"] for row in rows)
    return found


def _node_types() -> dict[str, tuple[NodeType, str | None]]:
    return {cls: (node, sub) for node in SCHEMA.nodes for cls, sub in node.classes.items()}


def _single(values: set) -> object:
    return min(values) if values else None


def project(store: Store) -> PropertyGraph:
    """The property graph of everything in ``store``, read with SPARQL.

    Nodes are keyed by IRI; where articles disagree on a single-valued property the
    smallest value wins, as in the catalogue queries' ``MIN``. A relationship whose far
    end is not a node of the right label (an IRI the store never typed) is left out.

    Examples
    --------
    >>> project(Store())
    PropertyGraph(nodes=(), relationships=())
    """
    classes = _node_types()
    order = [n.label for n in SCHEMA.nodes]
    kinds: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in store.select(NODES_QUERY):
        node_type, sub = classes[row["class"]]
        found = kinds[row["node"]][node_type.label]
        if sub:
            found.add(sub)
    label_of: dict[str, str] = {}
    sublabel_of: dict[str, str | None] = {}
    for iri, found in kinds.items():
        # An IRI typed as two kinds keeps the first; two event types, the smallest.
        label_of[iri] = min(found, key=order.index)
        sublabel_of[iri] = _single(found[label_of[iri]])

    values: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for row in store.select(VALUES_QUERY):
        if row["node"] in label_of:
            values[row["node"]][row["key"]].add(row["value"])

    nodes = []
    for iri in sorted(label_of):
        node_type = SCHEMA.node_type(label_of[iri])
        sub = sublabel_of[iri]
        props: dict[str, object] = {}
        for prop in node_type.properties:
            if prop.name == "type":
                props["type"] = sub
            elif prop.many:
                props[prop.name] = sorted(values[iri].get(prop.predicate, ()))
            else:
                props[prop.name] = _single(values[iri].get(prop.predicate, set()))
        labels = (node_type.label, sub) if sub else (node_type.label,)
        nodes.append(Node(iri, labels, props))

    relationships = list(_links(store, label_of))
    relationships += _participations(store, label_of)
    relationships.sort(key=lambda r: (r.type, r.id))
    return PropertyGraph(tuple(nodes), tuple(relationships))


def _links(store: Store, label_of: Mapping[str, str]) -> Iterable[Relationship]:
    by_predicate: dict[str, list[RelationshipType]] = defaultdict(list)
    for rel in SCHEMA.relationships:
        by_predicate[rel.predicate].append(rel)
    seen: set[tuple[str, str, str]] = set()
    for row in store.select(LINKS_QUERY):
        for rel in by_predicate[row["key"]]:
            start, end = row["start"], row["end"]
            if label_of.get(start) != rel.start or label_of.get(end) != rel.end:
                continue
            if (rel.type, start, end) not in seen:
                seen.add((rel.type, start, end))
                props = {p.name: int(row[p.name]) for p in rel.properties}
                yield Relationship(f"{start} {rel.type} {end}", rel.type, start, end, props)


def _participations(store: Store, label_of: Mapping[str, str]) -> list[Relationship]:
    combos: dict[tuple[str, str, str, str], set[tuple[str | None, str | None]]] = \
        defaultdict(set)
    for row in store.select(PARTICIPATIONS_QUERY):
        if label_of.get(row["agent"]) != "Actor" or label_of.get(row["event"]) != "Event":
            continue
        key = (row["part"], row["agent"], row["event"], row["role"])
        combos[key].add((row["title"], row["affiliation"]))
    relationships = []
    for (part, agent, event, role), found in combos.items():
        ordered = sorted(found, key=lambda c: (c[0] or "", c[1] or ""))
        for index, (title, affiliation) in enumerate(ordered):
            rid = part if len(ordered) == 1 else f"{part}#{index + 1}"
            relationships.append(Relationship(rid, "PARTICIPANT", agent, event, {
                "id": rid, "participation": part, "role": role.rpartition("#")[2],
                "title": title, "affiliation": affiliation,
            }))
    return relationships


# ---------------------------------------------------------------------------- NetworkX


def graph_to_networkx(graph: PropertyGraph) -> nx.MultiDiGraph:
    """A :class:`PropertyGraph` as a NetworkX multigraph (node keys are IRIs).

    Node attributes are the properties plus ``labels``; edges are keyed by relationship id
    and carry ``type`` and the properties.

    Examples
    --------
    >>> g = graph_to_networkx(PropertyGraph(
    ...     (Node("a", ("Actor", "State"), {"label": "A"}), Node("e", ("Event", "Meeting"))),
    ...     (Relationship("p", "PARTICIPANT", "a", "e", {"role": "host"}),)))
    >>> g.nodes["a"]["labels"], list(g.edges(keys=True, data="role"))
    (('Actor', 'State'), [('a', 'e', 'p', 'host')])
    """
    import networkx as nx

    result = nx.MultiDiGraph()
    for node in graph.nodes:
        result.add_node(node.id, labels=node.labels, **node.properties)
    for rel in graph.relationships:
        result.add_edge(rel.start, rel.end, key=rel.id, type=rel.type, **rel.properties)
    return result


def to_networkx(store: Store) -> nx.MultiDiGraph:
    """The property graph of ``store`` as a NetworkX ``MultiDiGraph``."""
    return graph_to_networkx(project(store))


def _graphml_value(value: object) -> object:
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return value


def write_graphml(store: Store, path_or_file: str | Path | IO[bytes]) -> None:
    """Write the property graph of ``store`` as GraphML (lists become ``"; "``-joined text).

    Unset properties are left out, as GraphML has no null.
    """
    import networkx as nx

    graph = to_networkx(store)
    for _, data in graph.nodes(data=True):
        for key in list(data):
            data[key] = _graphml_value(data[key])
            if data[key] is None:
                del data[key]
    for _, _, data in graph.edges(data=True):
        for key in list(data):
            data[key] = _graphml_value(data[key])
            if data[key] is None:
                del data[key]
    nx.write_graphml(graph, path_or_file)
