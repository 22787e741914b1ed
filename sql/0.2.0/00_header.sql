-- recording_gap 0.1.0 -> 0.2.0
--
-- Built from the parts in sql/0.2.0/, one per concept.  Every statement
-- qualifies what it names with @extschema@ or pg_catalog, and no object is
-- ever replaced in place (PostgreSQL's "Security Considerations for
-- Extension Scripts").  The 0.2.0 install script is the 0.1.0 script
-- followed by this one.
\echo Use "ALTER EXTENSION recording_gap UPDATE TO '0.2.0'" to load this file. \quit
