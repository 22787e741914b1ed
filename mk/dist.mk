# mk/dist.mk - the PGXN release: make dist writes recording_gap-0.2.0.zip
# from git archive of HEAD, with every file under recording_gap-0.2.0/.
# DIST_DIR chooses where the zip goes (default: the top directory).
DIST_DIR  ?= .
DISTNAME   = $(EXTENSION)-$(EXTVERSION)
DISTFILE   = $(DIST_DIR)/$(DISTNAME).zip

.PHONY: dist
dist:
	@grep -q '"version": "$(EXTVERSION)"' META.json || \
		{ echo "META.json does not give version $(EXTVERSION)"; exit 1; }
	git archive --format=zip --prefix=$(DISTNAME)/ -o $(DISTFILE) HEAD
	@echo "wrote $(DISTFILE)"

EXTRA_CLEAN += $(DISTNAME).zip
