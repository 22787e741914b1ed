# recording_gap - PGXS build
EXTENSION   = recording_gap
EXTVERSION  = $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" $(EXTENSION).control)

MODULE_big  = recording_gap
OBJS        = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c src/core/*.c)))

# The install script of each version is built from its parts, one per concept.
DATA_built  = sql/$(EXTENSION)--$(EXTVERSION).sql
DATA        = $(filter-out $(DATA_built),$(wildcard sql/$(EXTENSION)--*.sql))

TESTS       = $(sort $(wildcard test/sql/*.sql))
REGRESS     = $(patsubst test/sql/%.sql,%,$(TESTS))
REGRESS_OPTS = --inputdir=test

PG_CPPFLAGS += -I$(srcdir)/src
SHLIB_LINK  += -lRmath -lgsl -lgslcblas -lm
ifdef WERROR
PG_CFLAGS   += -Werror
endif

EXTRA_CLEAN = test/unit/run_unit test/results test/regression.diffs test/regression.out

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

sql/$(EXTENSION)--$(EXTVERSION).sql: $(sort $(wildcard sql/$(EXTVERSION)/*.sql))
	cat $^ > $@

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
