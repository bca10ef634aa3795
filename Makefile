# make demo: set up .venv, crawl the bundled portal replica into data/cchc.db, print the comparison.
# make test: the whole pytest suite (what .ci/run runs).
# make bench: every benchmark in one run (~10 min; not part of make test).
VENV ?= .venv
PY := $(VENV)/bin/python
DB ?= data/cchc.db

.PHONY: install demo test bench bench-crawl clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

demo: install
	$(VENV)/bin/cchc demo --db $(DB)

test: install
	$(PY) -m pytest -q

bench: install
	$(PY) bench/run_all.py

bench-crawl: install  # spiders on markup they were not written for (the variant replica)
	$(PY) bench/bench_crawl_variants.py

clean:
	rm -rf $(VENV) data build *.egg-info
