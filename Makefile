# smpanel-desktop — every task a developer or CI runs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PYTEST_ARGS ?=

.PHONY: run test lint fmt check-sysdeps check-sysdeps-run screenshots translations clean mutate mutate-recheck

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

## test: lint, build the bundle, the whole suite offscreen (the bundle's self-test included), then
##       the keyring tests (library and bundle) under a real Secret Service
test: check-sysdeps $(STAMP)
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory bundle
	SMPANEL_REQUIRE_BUNDLE=1 QT_QPA_PLATFORM=offscreen HYPOTHESIS_PROFILE=ci \
		$(BIN)/pytest -m "not keyring_integration" $(PYTEST_ARGS)
	SMPANEL_REQUIRE_BUNDLE=1 QT_QPA_PLATFORM=offscreen HYPOTHESIS_PROFILE=ci \
		tests/keyring_session.sh $(BIN)/pytest -m keyring_integration $(PYTEST_ARGS)

## mutate: mutation testing (cosmic-ray) of api/, store/, core/, secrets.py and the CLI's exit
##         codes, each module against its own tests; report in build/mutation/report.md.
##         Not part of `make test`; about 40 minutes on 2 cores (docs/mutation.md).
##         MUTATE_ARGS="--only parse,placing" runs some modules.
MUTATE_ARGS ?=
mutate: $(STAMP)
	$(BIN)/python mutation/run.py $(MUTATE_ARGS)

## mutate-recheck: the last run's survivors again, against the tests as they are now (minutes);
##                 report in build/mutation/recheck.md
mutate-recheck: $(STAMP)
	$(BIN)/python mutation/recheck.py $(MUTATE_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

fmt: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## screenshots: every tab of the app on the demo panel, 1366x768 under Xvfb, into docs/screenshots/
##              (English) and docs/screenshots/tr/ (Turkish); --theme dark for the dark look
screenshots: check-sysdeps $(STAMP)
	@packaging/system-deps.sh screenshots
	xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python docs/screenshots.py
	xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python docs/screenshots.py --lang tr --out docs/screenshots/tr

## translations: new GUI texts into the .ts files (lupdate), then the .qm files (lrelease)
translations: $(STAMP)
	$(BIN)/python packaging/translations.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

include packaging/Makefile.inc
include packaging/Makefile.bench.inc
