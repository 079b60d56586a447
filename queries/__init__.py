"""The analyst query catalogue: named queries kept as files.

Each query is a ``NAME.rq`` (SPARQL) and/or ``NAME.cypher`` file whose leading
``#+`` (SPARQL) or ``//+`` (Cypher) lines are YAML giving ``title``, ``description``,
``params`` (each with a ``description`` and the query variable ``var`` it binds,
by default its own name) and ``returns``. Twins share a stem and answer the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
_MARKERS = {".rq": "#+", ".cypher": "//+"}


@dataclass(frozen=True)
class Param:
    """A query parameter: the name analysts pass and the variable the engine binds."""

    name: str
    var: str
    description: str = ""


@dataclass(frozen=True)
class CatalogueQuery:
    """A named query of the catalogue, in one or both languages."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...] = ()
    returns: str | None = None
    defaults: tuple[tuple[str, str], ...] = ()
    sparql: str | None = None
    cypher: str | None = None
    files: tuple[str, ...] = field(default=())

    @property
    def cli_name(self) -> str:
        """The name analysts type: underscores become hyphens."""
        return self.name.replace("_", "-")

    def param(self, name: str) -> Param | None:
        """The parameter called ``name`` (hyphens and underscores alike)."""
        name = name.replace("-", "_")
        return next((p for p in self.params if p.name == name), None)


def parse_header(text: str, marker: str) -> dict:
    """The YAML of the leading ``marker`` lines of a query file."""
    lines = []
    for line in text.splitlines():
        if not line.startswith(marker):
            break
        lines.append(line[len(marker):].removeprefix(" "))
    return yaml.safe_load("\n".join(lines)) or {}


def _params(header: dict) -> tuple[Param, ...]:
    out = []
    for name, spec in (header.get("params") or {}).items():
        spec = spec or {}
        out.append(Param(name=name, var=spec.get("var", name),
                         description=spec.get("description", "")))
    return tuple(out)


@cache
def catalogue(folder: Path = HERE) -> dict[str, CatalogueQuery]:
    """Every named query in ``folder``, by name (file stem)."""
    stems: dict[str, dict[str, Path]] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix in _MARKERS:
            stems.setdefault(path.stem, {})[path.suffix] = path
    headers: dict[str, dict] = {}
    texts_of: dict[str, dict[str, str]] = {}
    for stem, files in stems.items():
        texts = {suffix: p.read_text(encoding="utf-8") for suffix, p in files.items()}
        header: dict = {}
        for suffix, text in texts.items():
            header = {**parse_header(text, _MARKERS[suffix]), **header}
        headers[stem], texts_of[stem] = header, texts
    result: dict[str, CatalogueQuery] = {}
    for stem, header in headers.items():
        texts = texts_of[stem]
        base = header.get("base")
        if base:  # a preset of another query: its text and parameters, some values preset
            if base not in headers:
                raise ValueError(f"query {stem!r} has an unknown base {base!r}")
            header = {**headers[base], **header}
            texts = texts_of[base]
        result[stem] = CatalogueQuery(
            name=stem,
            title=header.get("title", stem),
            description=" ".join(str(header.get("description", "")).split()),
            params=_params(header),
            returns=header.get("returns"),
            defaults=tuple(sorted((header.get("defaults") or {}).items())),
            sparql=texts.get(".rq"),
            cypher=texts.get(".cypher"),
            files=tuple(str(p) for p in stems[stem].values()),
        )
    return result


def get_query(name: str) -> CatalogueQuery | None:
    """The catalogue query called ``name`` (``who-met-whom`` or ``who_met_whom``), or None."""
    return catalogue().get(name.replace("-", "_"))
