# make coverage - line and branch coverage of src/ under the in-server
# suites and the C unit tests (gcov, reported by gcovr).
#
#   flock /tmp/rg-install.lock make coverage
#
# It installs an instrumented library (so it needs the install lock where
# the installation is shared), runs each suite of COVERAGE_SUITES directly
# (not through test/run, which would rebuild without instrumentation), then
# the unit tests built with --coverage, and reports with gcovr:
#   - branches that cannot be reached (--exclude-unreachable-branches) and
#     the internal branches of ereport/elog (errstart's test and the
#     __builtin_constant_p of the level; --exclude-branches-by-pattern) are
#     not counted;
#   - text summary and per-file report in $(COVERAGE_DIR), plus an HTML page.
# Finally it rebuilds and reinstalls the normal library and removes the
# .gcno/.gcda files.  The server writes its .gcda files as the cluster owner,
# so src/ and src/core/ are made world-writable for the run only.

COVERAGE_DIR    ?= /tmp/recording_gap_coverage
# every suite that runs against the installed library, except those that
# install another build (85-debian, 86-pgxn, 91-sanitize), need no server
# (30-unit: run below with --coverage; 90-fuzz), or measure time or random
# SQL rather than behaviour (70-bench-quick, 92-sqlsmith)
COVERAGE_EXCLUDE ?= 30-unit 70-bench-quick 85-debian 86-pgxn 90-fuzz 91-sanitize 92-sqlsmith
COVERAGE_SUITES  ?= $(filter-out $(COVERAGE_EXCLUDE),$(notdir $(wildcard test/suites/[0-9]*)))
COVERAGE_GCOVR   = gcovr --root . --filter 'src/' --exclude-unreachable-branches \
                   --exclude-throw-branches \
                   --exclude-branches-by-pattern '.*\b(ereport|elog)\s*\(.*'

.PHONY: coverage coverage-report coverage-clean
coverage:
	$(MAKE) clean >/dev/null
	$(MAKE) coverage-clean
	$(MAKE) PG_CFLAGS="-O0 -g --coverage" PG_LDFLAGS="--coverage"
	$(MAKE) install
	chmod a+w src src/core
	@mkdir -p $(COVERAGE_DIR); rm -f $(COVERAGE_DIR)/suites.log; \
	for s in $(COVERAGE_SUITES); do \
		echo "== coverage: suite $$s"; \
		RG_ROOT=$(CURDIR) test/suites/$$s >>$(COVERAGE_DIR)/suites.log 2>&1; \
		grep -E '^RESULT: ' $(COVERAGE_DIR)/suites.log | tail -1; \
	done
	$(MAKE) -C test/unit clean
	$(MAKE) -C test/unit run CFLAGS="-O0 -g --coverage -std=gnu11 -Wall -Wextra" >$(COVERAGE_DIR)/unit.log 2>&1 \
		|| { tail -20 $(COVERAGE_DIR)/unit.log; echo "unit tests failed"; }
	chmod go-w src src/core
	$(MAKE) coverage-report
	$(MAKE) clean >/dev/null
	$(MAKE) -C test/unit clean >/dev/null
	$(MAKE) >/dev/null && $(MAKE) install >/dev/null
	$(MAKE) coverage-clean
	@echo "coverage reports in $(COVERAGE_DIR) (normal library reinstalled)"

coverage-report:
	@mkdir -p $(COVERAGE_DIR)
	$(COVERAGE_GCOVR) --txt $(COVERAGE_DIR)/lines.txt
	$(COVERAGE_GCOVR) --branches --txt $(COVERAGE_DIR)/branches.txt
	$(COVERAGE_GCOVR) --html-details $(COVERAGE_DIR)/index.html
	$(COVERAGE_GCOVR) --print-summary --txt $(COVERAGE_DIR)/report.txt | grep -E '^(lines|branches):' | tee $(COVERAGE_DIR)/summary.txt

coverage-clean:
	find src test/unit -name '*.gcda' -delete -o -name '*.gcno' -delete
