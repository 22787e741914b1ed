-- recording_gap install script: the complete current definition.
-- Built by concatenating sql/current/*.sql in name order; each part holds
-- one concept, as it stands in the current release.  Every statement
-- qualifies what it names with @extschema@ or pg_catalog, and no object is
-- ever replaced in place (PostgreSQL's "Security Considerations for
-- Extension Scripts").  Every function is labelled with its volatility,
-- strictness and parallel safety.

\echo Use "CREATE EXTENSION recording_gap" to load this file. \quit
