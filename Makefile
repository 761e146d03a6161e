# Two commands: `make book` builds the HTML book, `make test` runs every test.
# Each installs what it needs into .venv from the pinned requirement files.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: book test test-fast check-data lint lab bench print classpack clean help

help:
	@echo "make book   build the HTML book into _build/html (strict: any warning fails)"
	@echo "make test   run every test (lint, unit, strict build, browser, Binder and hub replays)"
	@echo "make test-fast   unit and data tests only, in seconds (no build, no browser, no fresh venvs)"
	@echo "make check-data  check every file in data/ and the rules between them, in seconds: one line per problem"
	@echo "make lint   ruff on the package, tests, tools and notebooks"
	@echo "make lab    open the notebooks in JupyterLab (installs requirements-jupyter.txt)"
	@echo "make bench  print build, notebook and page-weight figures and Lighthouse scores of _build/html (needs Chromium, npm)"
	@echo "make print  print the lesson pack (run sheets, handout, worksheet, slips, task sheet, role cards) to A4 PDFs in _build/html/chapters/pack/ (needs Chromium)"
	@echo "make classpack   write the offline class pack _build/sco-classpack.zip"
	@echo "make clean  remove _build and the Jupyter cache (keeps .venv)"

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; run: make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files: reinstall only when a requirement file changes. requirements.txt holds third-party
# packages only (what Binder and a hub install); scobook is added editable for the tests and tools.
$(VENV)/.runtime-installed: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.jupyter-installed: requirements-jupyter.txt $(VENV)/.runtime-installed
	$(BIN)/python -m pip install --quiet -r requirements-jupyter.txt
	touch $@

$(VENV)/.test-installed: requirements-test.txt $(VENV)/.jupyter-installed
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

book: $(VENV)/.runtime-installed
	$(BIN)/python tools/book.py

test: lint
	$(BIN)/python -m pytest

test-fast: $(VENV)/.test-installed
	$(BIN)/python -m pytest -m "not build and not browser and not slow"

check-data: $(VENV)/.runtime-installed
	$(BIN)/python tools/check_data.py

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .

lab: $(VENV)/.jupyter-installed
	$(BIN)/jupyter-lab

# Lighthouse (npm, pinned in benchmarks/package-lock.json) is installed into benchmarks/node_modules on first use.
bench: book $(VENV)/.test-installed
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/lighthouse.py

print: book $(VENV)/.test-installed
	$(BIN)/python tools/print_pack.py

classpack: $(VENV)/.runtime-installed
	$(BIN)/python tools/classpack.py

clean:
	rm -rf _build .jupyter_cache
