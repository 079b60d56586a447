"""The ``kg`` command line: each command parses options, calls one function, prints."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import click

from kg.errors import KGError
from kg.store import DEFAULT_STORE, ExportFormat, Store

FORMATS = ("table", "json", "csv", "nl")


def _fail_on_kgerror(func: Callable) -> Callable:
    """Errors surface once: a KGError becomes ``Error: [E…] …`` and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KGError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper


def output_options(func: Callable) -> Callable:
    """``--format`` shared by every command that prints rows."""
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table",
                        show_default=True, help="Output format.")(func)


def param_options(func: Callable) -> Callable:
    """``--param K=V`` (repeatable), shared by the commands that run queries."""
    return click.option("--param", "-p", "params", multiple=True, metavar="K=V",
                        help="A query parameter, bound by the engine (repeatable).")(func)


def neo4j_options(func: Callable) -> Callable:
    """``--neo4j URI`` and ``--user``: run on a Neo4j server instead of the embedded graph."""
    func = click.option("--user", default="neo4j", show_default=True,
                        help="Neo4j user (password from NEO4J_PASSWORD or neo4j.toml).")(func)
    return click.option("--neo4j", "neo4j_uri", metavar="URI",
                        help="Run the Cypher on this Neo4j server (bolt://…).")(func)


def _params(values: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"expected k=v, got {item!r}", param_hint="--param")
        params[key.strip()] = value
    return params


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from None


class StoreRef:
    """The store a command works on, opened on first use."""

    def __init__(self, location: str) -> None:
        self.location = location
        self._store: Store | None = None

    def open(self, *, read_only: bool = False) -> Store:
        if self._store is None:
            is_server = self.location.startswith("sparql+")
            if read_only and not is_server and not Path(self.location).exists():
                self._store = Store()  # nothing ingested yet: an empty graph answers
            else:
                self._store = Store(self.location)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", "store_location", envvar="KG_STORE", default=str(DEFAULT_STORE),
              show_default=True,
              help="Store folder (embedded Oxigraph) or sparql+http://host/dataset.")
@click.version_option(package_name="geokg", prog_name="kg")
@click.pass_context
def cli(ctx: click.Context, store_location: str) -> None:
    """A geopolitical knowledge graph: who met whom, where, when and about what."""
    ref = StoreRef(store_location)
    ctx.obj = ref
    ctx.call_on_close(ref.close)


# --------------------------------------------------------------------------- ingest


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--published", callback=_date, help="Publication date (YYYY-MM-DD) for "
              "articles that do not give one.")
@click.option("--model", help="spaCy pipeline (package or path); 'blank' for rules only.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar (default: on a terminal).")
@click.pass_obj
@_fail_on_kgerror
def ingest(ref: StoreRef, paths: tuple[str, ...], published: date | None, model: str | None,
           progress: bool | None) -> None:
    """Read articles (.txt, .html, .jsonl, folders) into the store."""
    from kg.ingest import ingest as run_ingest

    def report_error(source: str, message: str) -> None:
        click.echo(f"Error: {message}", err=True)

    report = run_ingest(paths, ref.open(), published=published, model=model,
                        progress=progress, on_error=report_error)
    click.echo(f"{report.summary()} (store: {ref.location})")
    if not report.ok:
        sys.exit(1)


# ---------------------------------------------------------------------------- query


def _print_result(result: Any, fmt: str) -> None:
    from kg.query import format_records

    nested = result.query.returns == "events"
    click.echo(format_records(result.records(), fmt, nested=nested))


@cli.command()
@click.argument("name", required=False)
@param_options
@click.option("--lang", type=click.Choice(["sparql", "cypher"]), default="sparql",
              show_default=True, help="Run the SPARQL or the Cypher form.")
@neo4j_options
@output_options
@click.pass_obj
@_fail_on_kgerror
def query(ref: StoreRef, name: str | None, params: tuple[str, ...], lang: str,
          neo4j_uri: str | None, user: str, fmt: str) -> None:
    """Run a named query of the catalogue; without NAME, list the catalogue."""
    from kg.query import QueryResult, find_query, run_query
    from queries import catalogue

    if name is None:
        for q in sorted(catalogue().values(), key=lambda q: q.name):
            if q.name.startswith("_"):
                continue
            langs = "+".join(x for x, t in (("sparql", q.sparql), ("cypher", q.cypher)) if t)
            click.echo(f"{q.cli_name:16} {q.title} [{langs}]")
            for p in q.params:
                click.echo(f"{'':16}   --param {p.name}=…  {p.description}")
        return
    if neo4j_uri:
        from kg.backends.neo4j import run_catalogue_query

        result: QueryResult = run_catalogue_query(find_query(name), _params(params),
                                                  uri=neo4j_uri, user=user)
    else:
        result = run_query(ref.open(read_only=True), name, _params(params), lang=lang)
    _print_result(result, fmt)


@cli.command()
@click.argument("query_or_file")
@output_options
@click.pass_obj
@_fail_on_kgerror
def sparql(ref: StoreRef, query_or_file: str, fmt: str) -> None:
    """Run a SPARQL SELECT query (text or a .rq file) on the union of all articles."""
    from kg.query import format_records

    text = Path(query_or_file).read_text(encoding="utf-8") \
        if query_or_file.endswith(".rq") and Path(query_or_file).exists() else query_or_file
    click.echo(format_records(ref.open(read_only=True).select(text), fmt))


@cli.command()
@click.argument("query_or_file")
@param_options
@neo4j_options
@output_options
@click.pass_obj
@_fail_on_kgerror
def cypher(ref: StoreRef, query_or_file: str, params: tuple[str, ...], neo4j_uri: str | None,
           user: str, fmt: str) -> None:
    """Run a Cypher query (text or a .cypher file) on the property graph."""
    from kg.query import format_records

    text = Path(query_or_file).read_text(encoding="utf-8") \
        if query_or_file.endswith(".cypher") and Path(query_or_file).exists() else query_or_file
    if neo4j_uri:
        from kg.backends.neo4j import run_cypher_neo4j

        rows = run_cypher_neo4j(neo4j_uri, user, None, text, _params(params))
    else:
        from kg.cypher import run_cypher

        rows = run_cypher(ref.open(read_only=True), text, _params(params))
    click.echo(format_records(rows, fmt))


@cli.group()
def neo4j() -> None:
    """Neo4j: push the graph to a server (password from NEO4J_PASSWORD or neo4j.toml)."""


@neo4j.command("push")
@click.option("--uri", "--neo4j", "uri", metavar="URI",
              help="bolt://host:7687 or neo4j+s://… (default: from neo4j.toml, else localhost).")
@click.option("--user", help="Neo4j user (default: neo4j, or from neo4j.toml).")
@click.option("--batch-size", type=click.IntRange(min=1), default=5000, show_default=True,
              help="Rows per UNWIND … MERGE transaction.")
@click.option("--full", is_flag=True, help="Push every article, not only those the server lacks.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar (default: on a terminal).")
@click.pass_obj
@_fail_on_kgerror
def neo4j_push(ref: StoreRef, uri: str | None, user: str | None, batch_size: int, full: bool,
               progress: bool | None) -> None:
    """Push the graph to Neo4j: constraints first, batched MERGE, idempotent, incremental."""
    from kg.backends.neo4j import push

    report = push(ref.open(read_only=True), uri, user, None, batch_size=batch_size,
                  progress=progress, full=full)
    click.echo(report.summary())


@cli.command()
@click.argument("analysis", type=click.Choice(["central", "brokers", "communities", "chain",
                                               "ego"]))
@click.argument("actors", nargs=-1)
@click.option("--top", type=click.IntRange(min=1), help="How many actors (central, brokers).")
@click.option("--measure", type=click.Choice(["degree", "eigenvector"]),
              help="Centrality measure (central).")
@click.option("--method", type=click.Choice(["louvain", "greedy"]),
              help="Community detection (communities).")
@click.option("--radius", type=click.IntRange(min=1), help="Hops around the actor (ego).")
@output_options
@click.pass_obj
@_fail_on_kgerror
def analyze(ref: StoreRef, analysis: str, actors: tuple[str, ...], top: int | None,
            measure: str | None, method: str | None, radius: int | None, fmt: str) -> None:
    """Network analytics over the meetings: central, brokers, communities, chain A B, ego A."""
    from kg.analysis import run_analysis
    from kg.query import format_records

    options = {k: v for k, v in {"top": top, "measure": measure, "method": method,
                                 "radius": radius}.items() if v is not None}
    click.echo(format_records(run_analysis(ref.open(read_only=True), analysis, *actors,
                                           **options), fmt))


@cli.command()
@click.option("--format", "fmt", type=click.Choice([f.value for f in ExportFormat]
                                                   + ["graphml"]),
              default="trig", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False), help="File to write (default: stdout).")
@click.pass_obj
@_fail_on_kgerror
def export(ref: StoreRef, fmt: str, out: str | None) -> None:
    """Export the whole graph (Turtle, TriG, N-Quads, JSON-LD, or GraphML of the property graph)."""
    store = ref.open(read_only=True)
    if fmt == "graphml":
        from kg.graph import write_graphml

        write_graphml(store, out or sys.stdout.buffer)
        if out:
            click.echo(f"wrote {out}", err=True)
        return
    if out:
        with open(out, "wb") as handle:
            store.export(fmt, handle)
        click.echo(f"wrote {out}", err=True)
    else:
        store.export(fmt, sys.stdout.buffer)


@cli.command()
@click.argument("event_id")
@click.pass_obj
@_fail_on_kgerror
def explain(ref: StoreRef, event_id: str) -> None:
    """Show where an event came from: sentences, triggers, rules, confidence, matches."""
    from kg.explain import explain_event

    click.echo(explain_event(ref.open(read_only=True), event_id))


# ------------------------------------------------------------------------- ontology


@cli.group()
def ontology() -> None:
    """The ontology and its SHACL shapes."""


@ontology.command("show")
@click.option("--format", "fmt", type=click.Choice(["summary", "turtle"]), default="summary",
              show_default=True)
def ontology_show(fmt: str) -> None:
    """Print the ontology: a summary of its classes and properties, or the Turtle."""
    from ontology import ONTOLOGY_PATH, summary

    if fmt == "turtle":
        click.echo(ONTOLOGY_PATH.read_text(encoding="utf-8"))
    else:
        click.echo(summary())


@ontology.command("validate")
@click.pass_obj
@_fail_on_kgerror
def ontology_validate(ref: StoreRef) -> None:
    """Check every article graph in the store against the SHACL shapes."""
    from kg.validate import validate_store

    results = validate_store(ref.open(read_only=True))
    bad = [r for r in results if not r.conforms]
    for r in bad:
        click.echo(f"{r.article}: {r.report}", err=True)
    click.echo(f"{len(results) - len(bad)} of {len(results)} article graphs conform")
    if bad:
        sys.exit(1)


# --------------------------------------------------------------------------- actors


@cli.group()
def actors() -> None:
    """The actor knowledge base (states, organisations, officials)."""


@actors.command("list")
@click.option("--type", "kind", type=click.Choice(["Person", "State", "Organization"]))
@click.option("--match", help="Only entries whose name or alias contains this text.")
@output_options
def actors_list(kind: str | None, match: str | None, fmt: str) -> None:
    """List the actors the extractor knows by name."""
    from kg.query import format_records
    from loaders.actors import ActorBase, normalize

    rows = []
    for entry in ActorBase.default():
        if kind and entry.type != kind:
            continue
        names = [entry.label, *entry.aliases, *entry.acronyms]
        if match and not any(normalize(match) in normalize(n) for n in names):
            continue
        rows.append({"key": entry.key, "type": entry.type, "label": entry.label,
                     "aliases": "; ".join(entry.aliases[:4]), "state": entry.state,
                     "qid": entry.qid})
    click.echo(format_records(rows, fmt))


@actors.command("add")
@click.argument("key")
@click.option("--type", "kind", type=click.Choice(["Person", "State", "Organization"]),
              required=True)
@click.option("--label", required=True, help="The name to show.")
@click.option("--alias", "aliases", multiple=True, help="Another name (repeatable).")
@click.option("--state", help="Key of the state the actor belongs to.")
@click.option("--qid", help="Wikidata QID.")
@click.option("--role", help="A post, as ROLE_KIND:OF_KEY:ROLE[:START[:END]].")
@click.option("--file", "path", type=click.Path(dir_okay=False),
              default=lambda: os.environ.get("KG_ACTORS_FILE", "actors.yaml"),
              show_default="actors.yaml or $KG_ACTORS_FILE",
              help="The user file to append to.")
@_fail_on_kgerror
def actors_add(key: str, kind: str, label: str, aliases: tuple[str, ...], state: str | None,
               qid: str | None, role: str | None, path: str) -> None:
    """Add an actor to a user file of the knowledge base."""
    from loaders.actors import ActorBase, ActorEntry, Post

    posts = ()
    if role:
        parts = role.split(":")
        if len(parts) < 3:
            raise click.BadParameter("expected ROLE_KIND:OF_KEY:ROLE[:START[:END]]",
                                     param_hint="--role")
        posts = (Post(role=parts[2], role_kind=parts[0], of=parts[1],
                      start=parts[3] if len(parts) > 3 else None,
                      end=parts[4] if len(parts) > 4 else None),)
    entry = ActorEntry(key=key, type=kind, label=label, aliases=aliases, qid=qid, state=state,
                       posts=posts)
    ActorBase.default().add(entry, Path(path))
    click.echo(f"added {key} to {path}")


# ------------------------------------------------------------------------ present


def _known_names(name: str) -> tuple[str, ...]:
    """Every name the actor base knows for ``name`` ("Turkey" -> Türkiye, Turkiye, …)."""
    from loaders.actors import ActorBase

    entries = ActorBase.default().lookup(name)
    return tuple(dict.fromkeys(n for e in entries for n in (e.label, *e.aliases)))


@cli.command()
@click.option("--actor", help="Actor id or name (case and accents ignored); its people count too.")
@click.option("--pair", nargs=2, metavar="X Y", help="Events where both actors take part.")
@click.option("--topic", help="Events whose topics contain all these words.")
@click.option("--alias", "aliases", multiple=True, help="Another name of --actor (repeatable).")
@click.option("--since", metavar="DATE", help="From this date, YYYY[-MM[-DD]], inclusive.")
@click.option("--until", metavar="DATE", help="Up to this date, YYYY[-MM[-DD]], inclusive.")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "pdf"]), default="md",
              show_default=True, help="Output format.")
@click.option("--out", type=click.Path(dir_okay=False),
              help="File to write (default: stdout; required for pdf).")
@click.pass_obj
@_fail_on_kgerror
def brief(ref: StoreRef, actor: str | None, pair: tuple[str, str] | None, topic: str | None,
          aliases: tuple[str, ...], since: str | None, until: str | None, fmt: str,
          out: str | None) -> None:
    """Write a policy briefing on an actor, a pair of actors or a topic, every claim cited."""
    from kg.brief import build_brief, render_html, render_markdown, write_brief
    from kg.query import run_query

    events = run_query(ref.open(read_only=True), "events").records()
    if actor and not aliases:
        aliases = _known_names(actor)
    scope = {"actor": actor, "pair": tuple(pair) if pair else None, "topic": topic,
             "since": since, "until": until, "aliases": list(aliases) or None}
    if out:
        click.echo(f"wrote {write_brief(events, out, format=fmt, **scope)}", err=True)
    elif fmt == "pdf":
        raise click.UsageError("--format pdf needs --out FILE")
    else:
        result = build_brief(events, **scope)
        click.echo(render_markdown(result) if fmt == "md" else render_html(result), nl=False)


@cli.command()
@click.option("--actor", help="Id or label of an actor: show its ego network.")
@click.option("--hops", type=click.IntRange(min=0), default=1, show_default=True,
              help="Radius of the ego network; actor-event-actor is one hop.")
@click.option("--since", metavar="DATE", help="Keep events on or after YYYY[-MM[-DD]].")
@click.option("--until", metavar="DATE", help="Keep events on or before YYYY[-MM[-DD]].")
@click.option("--types", multiple=True, metavar="TYPE",
              help="Event types to keep (repeat, or comma-separate): Meeting, PhoneCall, ...")
@click.option("--view", type=click.Choice(["graph", "meetings"]), default="graph",
              show_default=True, help="All facts, or actors linked by the meetings they shared.")
@click.option("--topics/--no-topics", default=False, help="Add topic nodes (graph view).")
@click.option("--title", help="Heading of the page.")
@click.option("--out", type=click.Path(dir_okay=False), default="graph.html",
              show_default=True, help="The HTML file to write.")
@click.pass_obj
@_fail_on_kgerror
def viz(ref: StoreRef, actor: str | None, hops: int, since: str | None, until: str | None,
        types: tuple[str, ...], view: str, topics: bool, title: str | None, out: str) -> None:
    """Write an interactive graph page that works offline (open it in a browser)."""
    from kg.query import run_query
    from kg.viz import write_html

    wanted = [t.strip() for v in types for t in v.split(",") if t.strip()] or None
    events = run_query(ref.open(read_only=True), "events").records()
    if actor:  # "Erdogan", "Turkey": the actor base knows whom the name stands for
        from loaders.actors import ActorBase

        title = title or f"Events around {actor}" + (f" ({hops} hops)" if hops != 1 else "")
        entries = ActorBase.default().lookup(actor)
        ids = {a["id"] for e in events for key in ("participants", "mediators", "hosts")
               for a in e[key]}
        known = [f"https://w3id.org/geokg/id/actor/{e.key}" for e in entries]
        actor = next((iri for iri in known if iri in ids), actor)
    path = write_html(events, out, view=view, title=title, actor=actor, hops=hops,
                      since=since, until=until, types=wanted, topics=topics)
    click.echo(f"wrote {path}")


def main() -> None:
    """Entry point of the ``kg`` console script."""
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
