# mtqa: `make demo` checks the sample corpus, `make test` runs the whole suite.
# Both set everything up on a fresh machine (a virtualenv in .venv, LanguageTool in the
# user cache directory, Chromium for the browser tests); a second run skips what is done.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=
BUILD ?= build

.PHONY: install demo test bench languagetool browser clean docs screenshots screenshot-report

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
	  || echo "mtqa: chromium is not installed; browser tests and the demo screenshot are skipped"

demo: install browser
	-$(BIN)/mtqa check corpus/
	@mkdir -p $(BUILD)
	-$(BIN)/mtqa check corpus/ --format html -o $(BUILD)/report.html
	@$(MAKE) --no-print-directory screenshot-report

# A PNG of the HTML report, taken with Debian's Chromium; says so when there is none.
screenshot-report:
	@rm -f $(BUILD)/report.png
	-@$(BIN)/python scripts/screenshot_report.py $(BUILD)/report.html $(BUILD)/report.png --height 1000
	@if [ -f $(BUILD)/report.png ]; then echo "HTML report: $(BUILD)/report.html (screenshot: $(BUILD)/report.png)"; \
	else echo "HTML report: $(BUILD)/report.html (no screenshot: Chromium is not installed;" \
	  "'make browser' as root or 'apt-get install chromium' adds it)"; fi

# Refresh the README's screenshot of the HTML report.
screenshots: demo
	cp build/report.png docs/images/report.png

test: install browser
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install
	$(BIN)/python -m pip install --quiet -e '.[test,bench,build]'
	$(BIN)/python -m benchmarks.run_all

docs: $(STAMP)
	$(BIN)/mtqa rules docs

clean:
	rm -rf $(VENV) build dist .pytest_cache
