# Kunskapsforum – every command a developer needs. `make help` lists them.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# Test processes side by side (pytest-xdist); `make test PYTEST_WORKERS=0` runs in one process.
PYTEST_WORKERS ?= auto

.DEFAULT_GOAL := help
.PHONY: help run test serve lint format migrate seed messages check-deploy clean worker bench bench-search bench-growth search-eval backup restore soak

help: ## List the make targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed

run: $(VENV)/.runtime-installed ## Set up and start the demo intranet on SQLite (prints the demo logins)
	$(MANAGE) migrate --no-input
	$(MANAGE) seed_demo --if-empty
	@echo "Open http://$(HOST):$(PORT)/ and log in with one of the accounts above."
	$(MANAGE) runserver $(HOST):$(PORT)

test: $(VENV)/.dev-installed ## Set up and run the whole test suite (SQLite, or PostgreSQL when DATABASE_URL is set)
	bash scripts/ensure-test-tools
	$(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

serve: $(VENV)/.runtime-installed ## Run production settings under gunicorn on this machine (http, same database)
	DJANGO_SETTINGS_MODULE=intranet.settings.production \
	SECRET_KEY="$${SECRET_KEY:-local-serve-only-$$(hostname)-not-for-the-internet}" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-false}" SECURE_COOKIES="$${SECURE_COOKIES:-false}" \
	sh -c '$(MANAGE) migrate --no-input && $(MANAGE) collectstatic --no-input --verbosity 0 && \
	       GUNICORN_BIND=$(HOST):$(PORT) $(BIN)/gunicorn -c intranet/gunicorn.conf.py'

lint: $(VENV)/.dev-installed ## Check code style and errors with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev-installed ## Format code and fix what ruff can fix
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrate: $(VENV)/.runtime-installed ## Apply database migrations
	$(MANAGE) migrate --no-input

seed: $(VENV)/.runtime-installed ## Add the demo content to the database (never with production settings)
	$(MANAGE) seed_demo

messages: $(VENV)/.dev-installed ## Extract translatable strings into locale/ and compile them (needs gettext)
	$(MANAGE) makemessages -l sv -l en --no-location --ignore=.venv --ignore=staticfiles --ignore=.bench --ignore=tests
	$(MANAGE) compilemessages --ignore=.venv

check-deploy: $(VENV)/.runtime-installed ## Run Django's deployment checks on the production settings
	DJANGO_SETTINGS_MODULE=intranet.settings.production SECRET_KEY=check-deploy-$$(date +%s)-0123456789abcdefghijklmnopqrstuvwxyz \
	ALLOWED_HOSTS=intranet.example $(MANAGE) check --deploy --fail-level WARNING

# The benchmark (devtools/bench/run.py, docs/operations.md): its own PostgreSQL database (bench_…, dropped
# afterwards), gunicorn with production settings, Debian's wrk. BENCH_STRICT=1 fails on a missed target;
# BENCH_KEEP=1 keeps the database and reuses it next time; BENCH_REDIS_URL= (empty) runs without Redis.
BENCH_PG ?= postgres://postgres@127.0.0.1:5432
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/0
BENCH_RUN = BENCH_PG=$(BENCH_PG) BENCH_REDIS_URL=$(BENCH_REDIS_URL) $(BIN)/python -m devtools.bench.run
bench: $(VENV)/.runtime-installed ## Pages' requests/s, p50/p95 and queries as a share of the framework floor, on PostgreSQL under gunicorn (about 6 min)
	bash scripts/ensure-bench-tools
	$(BENCH_RUN) pages

bench-search: $(VENV)/.runtime-installed ## Search page p50/p95 against raw PostgreSQL full text on 200 000 posts (about 20 min, most of it seeding)
	bash scripts/ensure-bench-tools
	$(BENCH_RUN) search

BENCH_GROWTH_DB ?= .bench.sqlite3
bench-growth: $(VENV)/.runtime-installed ## Forum pages in process at 20 and 2 000 threads/posts on SQLite: query counts and time ratios (1 min)
	rm -f $(BENCH_GROWTH_DB)
	DATABASE_URL=sqlite:///$(CURDIR)/$(BENCH_GROWTH_DB) $(MANAGE) migrate -v0
	DATABASE_URL=sqlite:///$(CURDIR)/$(BENCH_GROWTH_DB) $(MANAGE) bench_growth; \
	status=$$?; rm -f $(BENCH_GROWTH_DB); exit $$status

SEARCH_EVAL_DB ?= .search-eval.sqlite3
SEARCH_EVAL_DATABASE_URL ?= sqlite:///$(CURDIR)/$(SEARCH_EVAL_DB)
SEARCH_EVAL_CORPUS ?= tests/search/relevance/
SEARCH_EVAL_ARGS ?=
search-eval: $(VENV)/.runtime-installed ## Measure search relevance (recall@5, MRR, with and without the thesaurus) on a throwaway database
	rm -f $(SEARCH_EVAL_DB) $(SEARCH_EVAL_DB)-wal $(SEARCH_EVAL_DB)-shm
	DATABASE_URL=$(SEARCH_EVAL_DATABASE_URL) $(MANAGE) migrate -v0
	DATABASE_URL=$(SEARCH_EVAL_DATABASE_URL) $(MANAGE) search_eval --corpus $(SEARCH_EVAL_CORPUS) --import $(SEARCH_EVAL_ARGS); \
	status=$$?; rm -f $(SEARCH_EVAL_DB) $(SEARCH_EVAL_DB)-wal $(SEARCH_EVAL_DB)-shm; exit $$status

# Where the soak may create (and then drop) its database, and the Redis database it may empty: its own number.
SOAK_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432
SOAK_REDIS_URL ?= redis://127.0.0.1:6379/12
SOAK_ARGS ?=
soak: $(VENV)/.runtime-installed ## 50 people for 60 s on two gunicorn instances while a worker dies and PostgreSQL restarts (restarts this machine's PostgreSQL)
	SOAK_POSTGRES_URL=$(SOAK_POSTGRES_URL) SOAK_REDIS_URL=$(SOAK_REDIS_URL) $(BIN)/python -m devtools.soak $(SOAK_ARGS)

clean: ## Remove the virtual environment, collected static files and caches
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .test-media .soak .bench

worker: $(VENV)/.runtime-installed ## Run the background worker beside `make serve`: sends the e-mail production queues
	DJANGO_SETTINGS_MODULE="$${DJANGO_SETTINGS_MODULE:-intranet.settings.production}" \
	SECRET_KEY="$${SECRET_KEY:-local-serve-only-$$(hostname)-not-for-the-internet}" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	$(MANAGE) db_worker

# Backups (docs/operations.md) use the site's own settings: DATABASE_URL, MEDIA_ROOT, BACKUP_ROOT.
BACKUP ?=
backup: $(VENV)/.runtime-installed ## Back up the database and media files into a new folder under BACKUP_ROOT (default backups/); safe while the site runs
	$(MANAGE) backup

restore: $(VENV)/.runtime-installed ## Restore BACKUP=<folder> into an empty database and media folder (REPLACE=1 replaces what they hold)
	$(MANAGE) restore "$(BACKUP)" $(if $(REPLACE),--replace)
