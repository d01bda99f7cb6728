# Developer and CI entry points. `make run` and `make test` work on a fresh machine with Python 3.11+.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
export LANG ?= C.UTF-8

.PHONY: setup run test lint eval bench bench-quick clean system-deps test-deps

$(BIN)/annotator: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test,export]"
	touch $(BIN)/annotator

setup: $(BIN)/annotator  ## create .venv with the app and its test tools

run: setup  ## start the app on the default project (bundled sample article on first start)
	$(BIN)/annotator

lint: setup  ## layer contracts (no Qt outside the GUI) and ruff
	$(BIN)/lint-imports
	$(BIN)/ruff check annotator tests

test: lint  ## everything CI checks in the project's own tests (offscreen, no display needed)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

eval: setup  ## accuracy on the real corpora in $(SHARED)/corpora
	$(BIN)/python tests/eval/eval_segmentation.py --shared $(SHARED)
	$(BIN)/python tests/eval/eval_encodings.py --shared $(SHARED)
	$(BIN)/python tests/eval/eval_extraction.py --shared $(SHARED)
	$(BIN)/python tests/eval/eval_suggest.py --shared $(SHARED)

bench-quick: setup  ## speed figures at CI size
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/perf/bench_import.py  # full size: seconds
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/perf/bench_export.py --quick
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/perf/bench_gui.py --quick
	$(BIN)/python tests/perf/bench_agreement.py --quick --no-json
	$(BIN)/python tests/perf/bench_suggest.py --quick
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/perf/bench_team.py --quick
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/perf/bench_hub.py --quick  # needs .ci/postgres.sh

bench: setup  ## speed figures at full size (minutes)
	$(BIN)/python tests/perf/bench_agreement.py --no-json
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/perf/bench_import.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/perf/bench_export.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/perf/bench_gui.py
	$(BIN)/python tests/perf/bench_suggest.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/perf/bench_team.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/perf/bench_durability.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/perf/bench_hub.py  # needs .ci/postgres.sh

test-deps:  ## (root) what the tests use beyond Python: sshfs and sshd for a real network file system
	apt-get install -y --no-install-recommends sshfs openssh-server

system-deps:  ## (root) the X11 libraries Qt needs for a real window, and a virtual screen
	apt-get install -y --no-install-recommends libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 \
	  libfontconfig1 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
	  libxcb-render-util0 libxcb-shape0 libxcb-xkb1 xvfb xauth

clean:
	rm -rf build dist *.egg-info .pytest_cache .ruff_cache

# Installers: packaging/README.md. `package` needs Python 3.11 with venv, dpkg-deb and PyPI.
package:  ## build dist/annotator_<version>_<arch>.deb from a clean venv under build/ (Debian 12)
	$(PYTHON) packaging/linux/package.py

package-check:  ## (root) install the .deb, run it headless, upgrade over it, remove it (CI)
	bash packaging/linux/package_check.sh
