# Two commands on a fresh Debian machine: `make run` and `make test`.
# Everything they need is installed by the targets below; nothing by hand.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml packaging/debian-packages.txt | cksum | cut -d' ' -f1)

.PHONY: run test lint typecheck unit bench package platforms fresh-check system-deps clean help

help:
	@echo "make run    - install what is missing, then start cowork-desktop on the default local database"
	@echo "make test   - install what is missing, then lint, type checks and the whole test suite"
	@echo "make fresh-check - run make test and make run inside a minimal Debian 12 made with debootstrap (root, network)"
	@echo "make platforms - check that the runtime pins install as wheels on Windows, macOS and Linux (needs the package index)"
	@echo "make unit   - the fast tests: no Qt, nothing marked slow (under 30 s)"
	@echo "make bench  - run the benchmarks at 1,000, 10,000 and 40,000 cases (not part of make test; ARGS=--only NAME ...)"

system-deps:
	@bash packaging/install-system-deps.sh

$(STAMP): pyproject.toml packaging/debian-packages.txt
	@bash packaging/install-system-deps.sh
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

run: $(STAMP)
	$(VENV)/bin/cowork-desktop $(ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

typecheck: $(STAMP)
	$(VENV)/bin/mypy

test: lint typecheck
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# No Qt (pytest-qt off: it loads Qt when it starts) and nothing slow, as two shards side by side: under 30 s on
# two cores. `COWORK_TEST_JOBS=1 make unit` for one plain pytest run.
unit: $(STAMP)
	$(PY) tests/helpers/parallel.py -q -p no:pytest-qt -m "not gui and not slow"

bench: $(STAMP)
	$(PY) -m benchmarks --cases 1000,10000,40000 $(ARGS)

fresh-check:
	@bash packaging/fresh-check.sh

platforms: $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev,platforms]'
	$(PY) packaging/platforms.py

package: $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev,package]'
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller packaging/cowork.spec
	@du -sh dist/cowork-desktop
	$(PY) -m pytest -q tests/smoke/test_package.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
