# The two commands: `make demo` and `make test`. Everything they need is installed here.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/socialebasis
PYTEST_ARGS ?=
export PY

.PHONY: demo test install frontend chromium lint check serve openapi clean

$(VENV)/.geinstalleerd: pyproject.toml constraints.txt
	@test -x $(PY) || $$(scripts/find-python) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	@touch $@

install: $(VENV)/.geinstalleerd

frontend/node_modules/.geinstalleerd: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

frontend: frontend/node_modules/.geinstalleerd

chromium:
	@scripts/ensure-chromium

demo: install frontend
	$(PY) -m socialebasis migrate --noinput -v 0
	$(PY) -m socialebasis demo_laden
	@echo ""
	@echo "Sociale Basis draait op http://127.0.0.1:8000 (stoppen: Ctrl-C)"
	$(PY) -m socialebasis runserver 127.0.0.1:8000 --noreload

serve: install frontend
	$(PY) -m socialebasis runserver 127.0.0.1:8000 --noreload

lint: install
	$(PY) -m ruff check src tests bench
	$(PY) -m ruff format --check src tests bench

check: install
	SB_ENVIRONMENT=test $(PY) -m socialebasis makemigrations --check --dry-run
	SB_ENVIRONMENT=test $(PY) -m socialebasis spectacular --validate --fail-on-warn --format openapi-json --file /tmp/sb-openapi.json
	diff -q /tmp/sb-openapi.json docs/openapi.json || (echo "docs/openapi.json is verouderd: draai 'make openapi'" >&2; exit 1)

openapi: install
	SB_ENVIRONMENT=test $(PY) -m socialebasis spectacular --validate --fail-on-warn --format openapi-json --file docs/openapi.json

test: install frontend chromium
	@scripts/check-postgres "$(TEST_DATABASE_URL)"
	$(MAKE) --no-print-directory lint check
	@echo "== Testsuite op SQLite =="
	SB_ENVIRONMENT=test DATABASE_URL= $(PY) -m pytest $(PYTEST_ARGS)
	@echo "== Testsuite op PostgreSQL =="
	SB_ENVIRONMENT=test DATABASE_URL=$(TEST_DATABASE_URL) $(PY) -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) frontend/node_modules var
