# Marsad: every target sets itself up; `make setup` only installs and does nothing the second time.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
# Each app keeps its own Arabic catalogue (src/marsad/<app>/locale/ar/LC_MESSAGES/django.po).
PO := $(wildcard src/marsad/*/locale/ar/LC_MESSAGES/django.po)
MO := $(PO:.po=.mo)

.PHONY: setup run test test-sqlite test-postgres lint bench messages clean

# The project's modules compiled once (up-to-date ones are skipped), as a non-editable install
# is: where PYTHONDONTWRITEBYTECODE is set, every command would compile them again at start.
setup: $(PY_STAMP) $(NODE_STAMP) $(MO)
	$(BIN)/python -m compileall -q src > /dev/null

$(PY_STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Compiled with polib so that no GNU gettext is needed to run Marsad.
%.mo: %.po $(PY_STAMP)
	$(BIN)/python -c "import polib, sys; polib.pofile(sys.argv[1]).save_as_mofile(sys.argv[2])" $< $@

run: setup
	$(BIN)/marsad run

# The whole suite on SQLite; again on PostgreSQL when MARSAD_TEST_DATABASE_URL is set, there only
# the tests whose result can depend on the database (tests/conftest.py says which). One
# worker per core (pytest-xdist), each test file kept on one worker because the modules share
# their demo data between tests; each worker has its own test database and browser.
PYTEST := $(BIN)/pytest -n auto --dist loadfile
test: setup lint
	$(PYTEST)
	@if [ -n "$$MARSAD_TEST_DATABASE_URL" ]; then \
		echo "== again on PostgreSQL: $$MARSAD_TEST_DATABASE_URL"; \
		DATABASE_URL="$$MARSAD_TEST_DATABASE_URL" MARSAD_TEST_SECOND_DATABASE=1 $(PYTEST); \
	fi

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check --quiet src tests bench
	$(BIN)/mypy

bench: setup
	@for script in bench/*.py; do $(BIN)/python $$script; done

# Developers only (needs GNU gettext): collect new messages into each app's Arabic catalogue.
messages: setup
	@for app in src/marsad/*/apps.py; do \
		dir=$$(dirname $$app); mkdir -p $$dir/locale; \
		(cd $$dir && DJANGO_SETTINGS_MODULE=marsad.settings $(CURDIR)/$(BIN)/django-admin makemessages \
			--locale ar --ignore 'migrations/*' --no-location --no-obsolete) || exit 1; \
	done

clean:
	rm -rf $(VENV) node_modules var/static
