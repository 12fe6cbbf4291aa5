# Sensi: `make run` serves the demo, `make test` runs every test. Both install what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
export DJANGO_SETTINGS_MODULE ?= config.settings.dev

.PHONY: install run worker test lint format messages lock bench sbom

$(INSTALLED): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	touch $(INSTALLED)

install: $(INSTALLED)

run: install
	FOR=run bin/install-system-deps  # the fonts the PDFs embed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	# The index updates that seeding queued (Wagtail's search and reference index), done quietly
	# now: the worker's line per task would scroll the demo logins out of sight.
	$(BIN)/python manage.py db_worker --batch --no-startup-delay --verbosity 0
	@echo "Sensi runs at http://127.0.0.1:8000/ (Wagtail admin: /admin/). Stop with Ctrl+C."
	# The background worker (docs/operations.md) beside the development server.
	$(BIN)/python manage.py db_worker & trap "kill $$!" EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# The background worker alone (jobs, Wagtail's index updates), e.g. beside `runserver`.
worker: install
	$(BIN)/python manage.py db_worker

test: install
	bin/install-system-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python manage.py compilemessages --ignore=.venv >/dev/null
	# Two processes (pytest-xdist), each with its own test database and media directory. Not
	# --dist loadfile: it would run a file's transactional tests, whose flush empties the tables
	# migrations fill (Wagtail's locale and root page), before another file's plain db tests;
	# loadgroup hands tests out in pytest-django's order (transactional ones last). Its
	# xdist_group marks do not group under pytest 9 (pytest-xdist 3.8), so tests that share
	# something outside their database take turns by a lock file (the replica tests). The 25
	# slowest are listed.
	$(BIN)/python -m pytest --ds=config.settings.test -n 2 --dist loadgroup --durations=25  # not the exported dev settings
	$(MAKE) sbom

lint: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Update the message catalogues after changing user-facing strings.
messages: install
	$(BIN)/python manage.py makemessages -l de -l en --ignore=.venv --ignore=tests --ignore=bench
	$(BIN)/python manage.py compilemessages --ignore=.venv

# Re-resolve the pinned dependency set from pyproject.toml (needs uv: pip install uv).
lock:
	uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

# Software bill of materials (CycloneDX 1.6 JSON) of the pinned dependency set.
sbom: install
	$(BIN)/cyclonedx-py requirements requirements.lock --of JSON --validate -o sbom.cdx.json
	@echo "SBOM: sbom.cdx.json"
