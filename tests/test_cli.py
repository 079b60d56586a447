"""The ``kg`` command line, end to end on real stores."""

from __future__ import annotations

import json

from kg.cli import cli as kg_cli

from .conftest import EXAMPLES


def _commands(group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if hasattr(command, "commands"):
            yield from _commands(command, (*prefix, name))


def test_every_command_has_help():
    for path, command in _commands(kg_cli):
        assert command.help and command.help.strip(), " ".join(path)


def test_ingest_query_export(cli, tmp_path):
    store = tmp_path / "s"
    result = cli("--store", store, "ingest", EXAMPLES)
    assert result.exit_code == 0, result.output
    assert "4 added" in result.output
    again = cli("--store", store, "ingest", EXAMPLES)
    assert "4 unchanged" in again.output
    events = json.loads(cli("--store", store, "query", "events", "--format", "json").output)
    assert any(e["date"] == "2022-12-29" and e["location"]["label"] == "Moscow" for e in events)
    table = cli("--store", store, "query", "who-met-whom", "--param", "actor=Akar").output
    assert "Sergei Shoigu" in table and "Moscow" in table
    listing = cli("--store", store, "query").output
    assert "who-met-whom" in listing and "_actor_index" not in listing
    for fmt in ("turtle", "trig", "nquads", "jsonld"):
        out = tmp_path / f"g.{fmt}"
        assert cli("--store", store, "export", "--format", fmt, "--out", out).exit_code == 0
        assert out.stat().st_size > 1000
    sparql = cli("--store", store, "sparql",
                 "SELECT (COUNT(*) AS ?n) WHERE { ?e a <https://w3id.org/geokg/ontology#Meeting> }",
                 "--format", "json")
    assert json.loads(sparql.output)[0]["n"] >= 3


def test_bad_inputs_report_one_line_each_and_the_batch_goes_on(cli, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "ok", "text": "Qatar\'s emir met the Iranian president in Doha."}\n'
                   "not json\n", "utf-8")
    store = tmp_path / "s"
    cli("--store", store, "ingest", EXAMPLES / "blinken-beijing.txt")
    result = cli("--store", store, "ingest", bad, tmp_path / "missing.txt")
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 2
    assert "[E103]" in errors[0] and "line 2" in errors[0]
    assert "[E101]" in errors[1] and "missing.txt" in errors[1]
    assert "1 added" in result.output
    articles = json.loads(cli("--store", store, "query", "articles", "--format", "json").output)
    assert {a["article"] for a in articles} == {"blinken-beijing", "ok"}


def test_errors_are_one_line_with_a_code(cli, tmp_path):
    result = cli("--store", tmp_path / "s", "query", "nope")
    assert result.exit_code == 1
    assert result.output.startswith("Error: [E501] No query named 'nope'")


def test_explain_shows_sentence_trigger_and_rule(cli, tmp_path):
    store = tmp_path / "s"
    cli("--store", store, "ingest", EXAMPLES / "moscow-trilateral.txt")
    events = json.loads(cli("--store", store, "query", "meetings", "--format", "json").output)
    meeting = next(e for e in events if e["date"] == "2022-12-29")
    out = cli("--store", store, "explain", meeting["id"].rsplit("/", 1)[1]).output
    assert "rule kg.events.v1:" in out and "sentence:" in out and "trigger:" in out
    assert "Sergei Shoigu" in out


def test_ontology_commands(cli, tmp_path):
    store = tmp_path / "s"
    cli("--store", store, "ingest", EXAMPLES)
    result = cli("--store", store, "ontology", "validate")
    assert result.exit_code == 0 and "4 of 4 article graphs conform" in result.output
    assert "kg:Meeting ⊂" in cli("ontology", "show").output


def test_actors_list_and_add(cli, tmp_path):
    out = cli("actors", "list", "--match", "Fidan", "--format", "json").output
    assert any(row["key"] == "hakan-fidan" for row in json.loads(out))
    path = tmp_path / "mine.yaml"
    result = cli("actors", "add", "ada-example", "--type", "Person", "--label", "Ada Example",
                 "--state", "turkiye", "--file", path)
    assert result.exit_code == 0, result.output
    assert "ada-example" in path.read_text("utf-8")
    bad = cli("actors", "add", "Bad Key", "--type", "Person", "--label", "X", "--file", path)
    assert bad.exit_code == 1 and bad.output.startswith("Error: [")


def test_every_command_is_documented_in_the_readme():
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text("utf-8")
    missing = [" ".join(path) for path, command in _commands(kg_cli)
               if f"kg {' '.join(path)}" not in readme and not hasattr(command, "commands")]
    assert missing == []
