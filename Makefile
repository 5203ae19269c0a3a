# mtqa: `make demo` checks the sample corpus, `make test` runs the whole suite.
# Both set everything up on a fresh machine (a virtualenv in .venv, LanguageTool in the
# user cache directory); a second run skips what is already done.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: install demo test bench languagetool clean docs

install: $(STAMP) languagetool

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

languagetool: $(STAMP)
	$(BIN)/mtqa languagetool fetch --quiet || { echo "mtqa: LanguageTool could not be fetched"; exit 1; }

demo: install
	-$(BIN)/mtqa check corpus/

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install
	$(BIN)/python -m benchmarks.run_all

docs: $(STAMP)
	$(BIN)/mtqa rules docs

clean:
	rm -rf $(VENV) build dist .pytest_cache
