"""Shared fixtures: real components only (a real spaCy pipeline, real stores, the real CLI)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEED = EXAMPLES / "moscow-trilateral.txt"
IN_CI = os.environ.get("CI") == "true"


@pytest.fixture(scope="session")
def nlp():
    """The extraction pipeline as configured (statistical model plus our components)."""
    from loaders.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def seed_article():
    """Our own account of the Moscow trilateral meeting of 2022-12-29."""
    from loaders.readers import read_text

    return read_text(SEED, published=date(2022, 12, 29))


@pytest.fixture(scope="session")
def seed_extraction(seed_article, nlp):
    from loaders.pipeline import extract

    return extract(seed_article, nlp)


@pytest.fixture()
def store(tmp_path):
    """An on-disk store holding every example article."""
    from kg import Store
    from kg.ingest import ingest

    store = Store(tmp_path / "store")
    report = ingest([EXAMPLES], store, progress=False)
    assert report.ok, report.failed
    yield store
    store.close()


@pytest.fixture()
def cli():
    """Invoke the real ``kg`` command in-process."""
    from kg.cli import cli as kg_cli

    runner = CliRunner()

    def run(*args: str, input: str | None = None):
        return runner.invoke(kg_cli, [str(a) for a in args], input=input,
                             catch_exceptions=False)

    return run


def require(condition: bool, reason: str) -> None:
    """Skip locally when a real component is missing; fail in CI, where it must be there."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"CI must provide it: {reason}")
    pytest.skip(reason)
