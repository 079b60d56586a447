"""Generate ``kg/vocab.py`` from ``ontology/kg.ttl``.

Run ``python -m kg.tools.vocab`` after editing the ontology; a test regenerates the
module and fails when the checked-in copy differs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import OWL, RDF, Graph, URIRef

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology" / "kg.ttl"
TARGET = Path(__file__).resolve().parents[1] / "vocab.py"
NAMESPACE = "https://w3id.org/geokg/ontology#"
KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


def ontology_terms(path: Path = ONTOLOGY) -> list[str]:
    """Local names of every class, property and individual the ontology defines."""
    graph = Graph().parse(path)
    names = set()
    for subject in graph.subjects(RDF.type, None):
        if isinstance(subject, URIRef) and str(subject).startswith(NAMESPACE):
            names.add(str(subject)[len(NAMESPACE) :])
    return sorted(names, key=lambda n: (n[0].islower(), n))


def render(path: Path = ONTOLOGY) -> str:
    """The source of ``kg/vocab.py``."""
    lines = [
        '"""The geokg ontology as Python constants.',
        "",
        f"Generated from: ontology/{path.name} by ``python -m kg.tools.vocab``; do not edit.",
        '"""',
        "",
        "from rdflib import URIRef",
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "",
        "",
        "class KG(DefinedNamespace):",
        '    """Terms of the geokg ontology; an undefined term raises AttributeError."""',
        "",
        "    _fail = True",
        f'    _NS = Namespace("{NAMESPACE}")',
        "",
    ]
    lines += [f"    {name}: URIRef" for name in ontology_terms(path)]
    lines += ["", "", 'ID = Namespace("https://w3id.org/geokg/id/")', ""]
    return "\n".join(lines)


def main() -> None:
    TARGET.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {TARGET}\n")


if __name__ == "__main__":
    main()
