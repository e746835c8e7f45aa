# Two commands: `make run` (the site with demo content on embedded defaults)
# and `make test` (the whole suite). Everything else is optional.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev migrate demo serve worker lint format schema e2e bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

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
	$(BIN)/python manage.py db_worker

## test: install the dev requirements and run the whole suite
test: install-dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)

e2e: install-dev
	$(BIN)/python -m pytest tests/e2e -m e2e $(PYTEST_ARGS)

## schema: regenerate frontend_api/schema.graphql from the code (a test fails when it is stale)
schema: install
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py graphql_schema_file

## bench: measure /graphql/, Wagtail's API v2 and a ceiling under gunicorn; writes bench/RESULTS.md
bench: install-dev
	$(BIN)/python bench/run.py $(BENCH_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var
