-- recording_gap 0.1.0 install script.
-- Built by concatenating sql/0.1.0/*.sql in name order; each part holds one concept.
-- Every function is labelled with its volatility, strictness and parallel safety.

\echo Use "CREATE EXTENSION recording_gap" to load this file. \quit
