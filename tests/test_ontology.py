"""The ontology, its generated constants, its SHACL shapes, and the terms code may use."""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Graph

from kg.tools.vocab import render
from kg.validate import validate_quads, validate_store
from kg.vocab import KG
from ontology import NAMESPACE, ONTOLOGY_PATH, SHAPES_PATH

from .conftest import ROOT


def test_vocab_module_is_generated_from_the_ontology():
    assert (ROOT / "kg" / "vocab.py").read_text("utf-8") == render()


def _defined_terms() -> set[str]:
    graph = Graph().parse(ONTOLOGY_PATH)
    return {str(s)[len(NAMESPACE):] for s in graph.subjects() if str(s).startswith(NAMESPACE)}


def test_code_and_queries_use_only_terms_the_ontology_defines():
    defined = _defined_terms()
    used: dict[str, set[str]] = {}
    for path in [*ROOT.glob("kg/**/*.py"), *ROOT.glob("loaders/**/*.py"),
                 *ROOT.glob("queries/*.rq"), *ROOT.glob("queries/*.cypher"), SHAPES_PATH]:
        text = path.read_text("utf-8")
        names = set(re.findall(r"\bKG\.([A-Za-z_]\w*)", text))
        names |= set(re.findall(r"(?<![\w/])kg:([A-Za-z_]\w*)", text))
        names |= set(re.findall(re.escape(NAMESPACE) + r"([A-Za-z_]\w*)", text))
        if names - defined:
            used[str(path.relative_to(ROOT))] = names - defined
    assert used == {}


def test_an_undefined_term_fails_loudly():
    import pytest

    with pytest.raises(AttributeError):
        KG.Summit  # noqa: B018


def test_shapes_parse_and_the_ontology_aligns_to_standard_vocabularies():
    shapes = Graph().parse(SHAPES_PATH)
    assert len(shapes) > 50
    text = ONTOLOGY_PATH.read_text("utf-8")
    for prefix in ("sem:", "schema:", "org:", "prov:", "time:", "foaf:"):
        assert prefix in text
    assert text.count("kg:cameoCode") >= 8 and text.count("kg:ploverCode") >= 8


def test_every_example_article_passes_the_shapes(store):
    results = validate_store(store)
    assert len(results) == 4
    assert all(r.conforms for r in results), [r.report for r in results if not r.conforms]


def test_the_shapes_catch_a_broken_graph(store):
    import pyoxigraph as ox

    quads = [q for q in store.quads() if not q.predicate.value.endswith("#agent")]
    graph = next(q.graph_name for q in quads if isinstance(q.graph_name, ox.NamedNode))
    result = validate_quads([q for q in quads if q.graph_name == graph])
    assert not result.conforms and "agent" in result.report


def test_the_package_ships_the_ontology():
    assert Path(ONTOLOGY_PATH).exists() and Path(SHAPES_PATH).exists()


def test_every_held_out_article_passes_the_shapes(tmp_path):
    """Our own held-out articles: long, background-heavy news text, all conforming."""
    from kg import Store
    from kg.ingest import ingest

    store = Store(tmp_path / "store")
    report = ingest([ROOT / "tests" / "corpus"], store, progress=False)
    assert report.ok, report.failed
    results = validate_store(store)
    assert len(results) == len(list((ROOT / "tests" / "corpus").glob("*.gold.json")))
    assert all(r.conforms for r in results), [r.report[:400] for r in results if not r.conforms]
