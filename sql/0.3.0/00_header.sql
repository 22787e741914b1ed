-- recording_gap 0.2.0 -> 0.3.0
--
-- Built from the parts in sql/0.3.0/, one per concept, followed by the
-- parts of sql/current/ that are wholly new in 0.3.0 (NEW_IN_0.3.0 in the
-- Makefile).  Every statement qualifies what it names with @extschema@ or
-- pg_catalog, and no object is ever replaced in place (PostgreSQL's
-- "Security Considerations for Extension Scripts"), except the
-- extension's own functions whose C symbol changes (15_c_symbols.sql):
-- PostgreSQL lets an extension script replace only its own members.
\echo Use "ALTER EXTENSION recording_gap UPDATE TO '0.3.0'" to load this file. \quit
