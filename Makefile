# mtqa: `make demo` checks the sample corpus, `make test` runs the whole suite.
# Both set everything up on a fresh machine (a virtualenv in .venv, LanguageTool in the
# user cache directory, Chromium for the browser tests); a second run skips what is done.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: install demo test bench languagetool browser clean docs screenshots

install: $(STAMP) languagetool

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

languagetool: $(STAMP)
	$(BIN)/mtqa languagetool fetch --quiet

# Debian's Chromium for the browser tests (they skip, saying why, when it is missing).
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
	  && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	  || echo "mtqa: chromium is not installed; browser tests will be skipped"

demo: install
	-$(BIN)/mtqa check corpus/
	@mkdir -p build
	-$(BIN)/mtqa check corpus/ --format html -o build/report.html
	-$(BIN)/python scripts/screenshot_report.py build/report.html build/report.png --height 1000
	@echo "HTML report: build/report.html (screenshot: build/report.png)"

# Refresh the README's screenshot of the HTML report.
screenshots: demo
	cp build/report.png docs/images/report.png

test: install browser
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m benchmarks.run_all

docs: $(STAMP)
	$(BIN)/mtqa rules docs

clean:
	rm -rf $(VENV) build dist .pytest_cache
