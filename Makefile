# recording_gap - PGXS build
EXTENSION   = recording_gap
EXTVERSION  = $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" $(EXTENSION).control)

MODULE_big  = recording_gap
OBJS        = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c src/core/*.c)))

# Install and upgrade scripts, built from parts, one per concept:
#   sql/current/*.sql  the complete current definition, readable in one
#                      place: the install script recording_gap--$(EXTVERSION).sql
#   sql/0.1.0/*.sql    the frozen 0.1.0 install script, kept so that a
#                      database can still be created at 0.1.0 and walked up
#   sql/0.2.0/*.sql    the frozen 0.1.0 -> 0.2.0 upgrade
#   sql/0.3.0/*.sql    the 0.2.0 -> 0.3.0 upgrade, followed by the parts of
#                      sql/current/ that are wholly new in 0.3.0
# A fresh install runs sql/current; an update runs the deltas.  The pgTAP
# contract (test/pgtap) and 94-upgrade prove that both give the same objects.
# CREATE EXTENSION ... VERSION '0.2.0' installs 0.1.0 and updates it.
SCRIPT_010  = sql/$(EXTENSION)--0.1.0.sql
SCRIPT_UP020 = sql/$(EXTENSION)--0.1.0--0.2.0.sql
SCRIPT_UP030 = sql/$(EXTENSION)--0.2.0--0.3.0.sql
SCRIPT_CUR  = sql/$(EXTENSION)--$(EXTVERSION).sql
NEW_IN_0.3.0 = sql/current/60_summaries.sql sql/current/90_literals.sql
DATA_built  = $(SCRIPT_010) $(SCRIPT_UP020) $(SCRIPT_UP030) $(SCRIPT_CUR)

# pg_regress, as in contrib: inputs in sql/, outputs in expected/.  The
# install-script parts live in versioned subdirectories and the built
# scripts are named recording_gap--*, so neither is taken for a test.
TESTS       = $(sort $(filter-out sql/$(EXTENSION)--%,$(wildcard sql/*.sql)))
REGRESS     = $(patsubst sql/%.sql,%,$(TESTS))

# libRmath and GSL are not linked: src/core/mathlib.c opens them in a symbol
# scope of their own (mk/mathlib.inc finds their sonames).  -Bsymbolic binds
# the library's calls to its own functions to itself, so that no function of
# the same name elsewhere in the server can take them either.
include $(dir $(lastword $(MAKEFILE_LIST)))mk/mathlib.inc
PG_CPPFLAGS += -I$(srcdir)/src $(RG_MATH_CPPFLAGS)
SHLIB_LINK  += -Wl,-Bsymbolic -ldl -lm
ifdef WERROR
PG_CFLAGS   += -Werror
endif

EXTRA_CLEAN = test/unit/run_unit

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

$(SCRIPT_010): $(sort $(wildcard sql/0.1.0/*.sql))
	cat $^ > $@

$(SCRIPT_UP020): $(sort $(wildcard sql/0.2.0/*.sql))
	cat $^ > $@

$(SCRIPT_UP030): $(sort $(wildcard sql/0.3.0/*.sql)) $(NEW_IN_0.3.0)
	cat $^ > $@

$(SCRIPT_CUR): $(sort $(wildcard sql/current/*.sql))
	cat $^ > $@

# The regression test names, for the suites that run pg_regress themselves.
.PHONY: print-regress
print-regress:
	@echo $(REGRESS)

.PHONY: unit check-fast
unit:
	$(MAKE) -C test/unit run

# The fast tier for maintainers: unit tests, pg_regress and pgTAP against
# the server PG_CONFIG and libpq's environment name, without root, in well
# under a minute (test/fast; make install first).  test/run is the full run.
check-fast:
	PG_CONFIG=$(PG_CONFIG) test/fast

# The main job: a per-force report over the bundled sample data (README).
.PHONY: demo fuzz bench
demo:
	demo/run

# libFuzzer harnesses over src/core, for a fixed time each (test/fuzz).
fuzz:
	$(MAKE) -C test/fuzz run

bench:
	bench/run

# Further targets (packaging, coverage), one file each.
-include mk/*.mk
