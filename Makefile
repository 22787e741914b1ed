# recording_gap - PGXS build
EXTENSION   = recording_gap
EXTVERSION  = $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" $(EXTENSION).control)

MODULE_big  = recording_gap
OBJS        = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c src/core/*.c)))

# Scripts are built from their parts, one per concept:
#   sql/0.1.0/*.sql  the frozen 0.1.0 install script
#   sql/0.2.0/*.sql  the 0.1.0 -> 0.2.0 upgrade script
# and the 0.2.0 install script is the 0.1.0 one followed by the upgrade, so
# that a fresh install and an upgraded one run the very same statements.
SCRIPT_010  = sql/$(EXTENSION)--0.1.0.sql
SCRIPT_UP   = sql/$(EXTENSION)--0.1.0--0.2.0.sql
SCRIPT_020  = sql/$(EXTENSION)--0.2.0.sql
DATA_built  = $(SCRIPT_010) $(SCRIPT_UP) $(SCRIPT_020)

# pg_regress, as in contrib: inputs in sql/, outputs in expected/.  The
# install-script parts live in versioned subdirectories and the built
# scripts are named recording_gap--*, so neither is taken for a test.
TESTS       = $(sort $(filter-out sql/$(EXTENSION)--%,$(wildcard sql/*.sql)))
REGRESS     = $(patsubst sql/%.sql,%,$(TESTS))

PG_CPPFLAGS += -I$(srcdir)/src
SHLIB_LINK  += -lRmath -lgsl -lgslcblas -lm
ifdef WERROR
PG_CFLAGS   += -Werror
endif

EXTRA_CLEAN = test/unit/run_unit

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

$(SCRIPT_010): $(sort $(wildcard sql/0.1.0/*.sql))
	cat $^ > $@

$(SCRIPT_UP): $(sort $(wildcard sql/0.2.0/*.sql))
	cat $^ > $@

$(SCRIPT_020): $(SCRIPT_010) $(SCRIPT_UP)
	cat $^ > $@

# The regression test names, for the suites that run pg_regress themselves.
.PHONY: print-regress
print-regress:
	@echo $(REGRESS)

.PHONY: unit
unit:
	$(MAKE) -C test/unit run

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
