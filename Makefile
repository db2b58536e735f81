# The two commands: `make demo` and `make test`. Each does all of its own setup.
SHELL := /bin/bash
VENV  := .venv
PY    := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
SUDO  := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PYTHON ?= python3

.PHONY: demo test lint typecheck unit gates chromium install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium for the browser tests (Playwright drives it; it never downloads one).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-dejavu-core; \
	fi

demo: $(STAMP)
	$(VENV)/bin/storywatch demo

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

typecheck: $(STAMP)
	$(VENV)/bin/mypy

# axe-core (MPL-2.0) from npm for the accessibility checks of the browser tests.
AXE := tests/web/.cache/node_modules/axe-core/axe.min.js
$(AXE):
	npm install --no-save --no-audit --no-fund --prefix tests/web/.cache axe-core@4

unit: $(STAMP) chromium $(AXE)
	$(VENV)/bin/pytest -q -p no:cacheprovider

# Quality floors on ../shared/data: scores can only go up.
gates: $(STAMP)
	$(PY) bench/gates.py

test: lint typecheck unit gates

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
