"""Data flows one way: a module imports only from its own or earlier stages."""

from __future__ import annotations

import ast

from .conftest import ROOT

# Stage of each module prefix; the most specific prefix wins.
STAGES = {
    "kg.errors": 0, "kg.types": 0, "kg.vocab": 0, "kg.tools": 0, "ontology": 0,
    "loaders": 1,
    "kg.resolve": 2,
    "kg.triples": 3, "kg.store": 3, "kg.backends": 3, "kg.validate": 3,
    "kg.backends.neo4j": 4,  # pushes the property-graph projection
    "queries": 4, "kg.query": 4, "kg.cypher": 4, "kg.graph": 4, "kg.explain": 4,
    "kg.analysis": 4,
    "kg.viz": 5, "kg.brief": 5,
    "kg.ingest": 6, "kg.cli": 6, "kg": 6,  # orchestration: every stage, in order
    "kg.tools.validation": 6,
    "kg.tools.train_pairs": 1,  # trains a component of the loaders
}


def stage(module: str) -> int | None:
    best = None
    for prefix, value in STAGES.items():
        if module == prefix or module.startswith(prefix + "."):
            if best is None or len(prefix) > len(best[0]):
                best = (prefix, value)
    return None if best is None else best[1]


def _modules():
    for folder in ("kg", "loaders", "queries", "ontology"):
        for path in (ROOT / folder).rglob("*.py"):
            rel = path.relative_to(ROOT).with_suffix("")
            parts = list(rel.parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            yield ".".join(parts), path


def test_imports_flow_one_way():
    wrong = []
    for module, path in _modules():
        own = stage(module)
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                target = stage(name)
                if target is not None and own is not None and target > own and \
                        module not in ("kg", "kg.cli"):
                    wrong.append(f"{module} (stage {own}) imports {name} (stage {target})")
    assert wrong == []


def test_presentation_never_touches_the_store():
    for name in ("viz", "brief"):
        source = (ROOT / "kg" / f"{name}.py").read_text("utf-8")
        assert "kg.store" not in source and "pyoxigraph" not in source
