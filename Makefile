# Two commands: `make run` serves the API on 127.0.0.1:8000, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install run test openapi eval clean

$(BIN)/parley: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/parley

install: $(BIN)/parley

run: install
	$(BIN)/parley serve --host 127.0.0.1 --port 8000

# pytest exits 5 when it collects nothing: that is a failure here, said plainly.
test: install
	@$(BIN)/python -m pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests" >&2; fi; exit $$rc

openapi: install
	$(BIN)/parley openapi

eval: install
	@for gold in ../shared/data/seed/aleppo.jsonl ../shared/data/diplomatic/dev.jsonl ../shared/data/polnear/dev.jsonl; do \
		if [ -f $$gold ]; then echo "== $$gold"; $(BIN)/parley eval $$gold; fi; \
	done

clean:
	rm -rf $(VENV) parley.db parley.db-wal parley.db-shm
