-- Install the oldest packaged version and walk the update chain to the newest,
-- so every later test runs on a catalog built the way users' catalogs are.
\set VERBOSITY terse
DO $$
DECLARE
	oldest text;
BEGIN
	SELECT version INTO oldest
	  FROM pg_available_extension_versions
	 WHERE name = 'recording_gap'
	 ORDER BY string_to_array(version, '.')::int[]
	 LIMIT 1;
	EXECUTE format('CREATE EXTENSION recording_gap VERSION %L', oldest);
END
$$;
SET client_min_messages = warning;
ALTER EXTENSION recording_gap UPDATE;
RESET client_min_messages;
SELECT e.extversion = a.default_version AS at_newest_version
  FROM pg_extension e JOIN pg_available_extensions a ON a.name = e.extname
 WHERE e.extname = 'recording_gap';
