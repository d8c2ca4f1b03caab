# smpanel-desktop — every task a developer or CI runs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PYTEST_ARGS ?=

.PHONY: run test lint fmt check-sysdeps check-sysdeps-run clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

check-sysdeps-run:
	@packaging/system-deps.sh run

check-sysdeps:
	@packaging/system-deps.sh test

## run: create .venv, install, start the app (the demo panel opens when no panel is set up)
run: check-sysdeps-run $(STAMP)
	$(BIN)/smpanel-desktop

## test: lint, then the whole suite offscreen, then the keyring integration under a real Secret Service
test: check-sysdeps $(STAMP)
	$(MAKE) --no-print-directory lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -m "not keyring_integration" $(PYTEST_ARGS)
	QT_QPA_PLATFORM=offscreen tests/keyring_session.sh $(BIN)/pytest -m keyring_integration $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

fmt: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
