# Two commands: `make run` (the site with demo content on embedded defaults)
# and `make test` (the whole suite). Everything else is optional.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev migrate demo serve worker lint format schema e2e bench clean messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

# Translation catalogs: sr_Latn derived from sr, every catalog compiled (needs GNU gettext's msgfmt).
CATALOGS := $(wildcard locale/*/LC_MESSAGES/*.po locale/vendor/*/LC_MESSAGES/*.po)
$(VENV)/.catalogs: $(CATALOGS) translations/catalogs.py translations/transliteration.py | $(VENV)/.installed
	@command -v msgfmt >/dev/null || { echo "msgfmt not found: install GNU gettext (apt-get install gettext)"; exit 1; }
	$(BIN)/python manage.py build_catalogs --verbosity 0
	touch $@

install: $(VENV)/.installed $(VENV)/.catalogs
install-dev: $(VENV)/.installed-dev $(VENV)/.catalogs

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo_data
	$(BIN)/python manage.py ensure_dev_admin
	$(BIN)/python manage.py ensure_dev_editors

## run: set everything up and serve the site with a task worker beside it (Ctrl-C stops both)
run: demo
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py rundev $(HOST):$(PORT)

worker: install
	$(BIN)/python manage.py db_worker --no-reload

## test: install the dev requirements and run the whole suite, on TEST_WORKERS processes (one a core);
## TEST_WORKERS=0 runs it in this process
TEST_WORKERS ?= auto
test: install-dev
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

e2e: install-dev
	$(BIN)/python -m pytest tests/e2e -m e2e $(PYTEST_ARGS)

## schema: regenerate frontend_api/schema.graphql from the code (a test fails when it is stale)
schema: install
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py graphql_schema_file

## bench: measure /graphql/, Wagtail's API v2 and a ceiling under gunicorn, then search quality and
## speed on PostgreSQL (SEARCH_DATABASE_URL); writes bench/RESULTS.md
SEARCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/cms_search
bench: install-dev
	$(BIN)/python bench/run.py $(BENCH_ARGS)
	$(BIN)/python bench/search/evaluate.py --write --database-url $(SEARCH_DATABASE_URL) $(SEARCH_BENCH_ARGS)

## messages: extract the project's strings and refresh the vendor catalogs (then translate, `make install`)
messages: install-dev
	$(BIN)/python manage.py update_catalogs

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var
