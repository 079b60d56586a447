"""The geokg ontology (OWL, Turtle) and its SHACL shapes."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
ONTOLOGY_PATH = HERE / "kg.ttl"
SHAPES_PATH = HERE / "shapes.ttl"
NAMESPACE = "https://w3id.org/geokg/ontology#"

__all__ = ["NAMESPACE", "ONTOLOGY_PATH", "SHAPES_PATH", "summary"]


def summary() -> str:
    """Classes (with their parents) and properties of the ontology, one a line."""
    from rdflib import OWL, RDF, RDFS, Graph, URIRef

    graph = Graph().parse(ONTOLOGY_PATH)

    def short(node: object) -> str:
        return graph.namespace_manager.normalizeUri(URIRef(str(node)))

    lines = ["Classes:"]
    for cls in sorted(graph.subjects(RDF.type, OWL.Class), key=str):
        if str(cls).startswith(NAMESPACE):
            parents = ", ".join(sorted(short(p) for p in graph.objects(cls, RDFS.subClassOf)))
            codes = [f"{short(p)}={o}" for p, o in graph.predicate_objects(cls)
                     if str(p).endswith(("cameoCode", "ploverCode"))]
            extra = f"  [{', '.join(sorted(codes))}]" if codes else ""
            lines.append(f"  {short(cls)} ⊂ {parents}{extra}")
    lines.append("Properties:")
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for prop in sorted(graph.subjects(RDF.type, kind), key=str):
            if str(prop).startswith(NAMESPACE):
                domain = ", ".join(short(d) for d in graph.objects(prop, RDFS.domain)) or "—"
                rng = ", ".join(short(r) for r in graph.objects(prop, RDFS.range)) or "—"
                lines.append(f"  {short(prop)}: {domain} → {rng}")
    return "\n".join(lines)
