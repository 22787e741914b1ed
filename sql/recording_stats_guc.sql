-- The recording_gap.threshold setting before and after the library is
-- loaded.  This file must start in a session that has not loaded it yet:
-- pg_regress opens a new session per file, and nothing before the first
-- call below touches the extension.
\set VERBOSITY default

\set SHOW_CONTEXT never

-- Before loading: the setting is unknown, and SET takes any text as a
-- placeholder.
SHOW recording_gap.threshold;
SELECT current_setting('recording_gap.threshold', true) IS NULL AS unknown_before_load;
SET recording_gap.threshold = 9;
SHOW recording_gap.threshold;
-- The first call loads the library: the placeholder 9 is refused with a
-- WARNING and the default 0.95 takes its place, which a second WARNING says.
SELECT recording_ratio(3146::bigint, 884::bigint) > 0 AS loaded;
SHOW recording_gap.threshold;

-- The same through ALTER DATABASE: accepted while the library is not
-- loaded, and replaced by 0.95 in the next session when it loads.
\c -
DO $$ BEGIN
	EXECUTE format('ALTER DATABASE %I SET recording_gap.threshold = 9', current_database());
END $$;
\c -
SHOW recording_gap.threshold;
DO $$ BEGIN
	EXECUTE format('ALTER DATABASE %I RESET recording_gap.threshold', current_database());
END $$;
SELECT recording_ratio(3146::bigint, 884::bigint) > 0 AS loaded;
SHOW recording_gap.threshold;
-- a valid value set before loading is kept, without a warning
\c -
SET recording_gap.threshold = 0.8;
SELECT recording_ratio(3146::bigint, 884::bigint) > 0 AS loaded;
SHOW recording_gap.threshold;
RESET recording_gap.threshold;

-- Once loaded, an out-of-range or malformed value is an error.
SET recording_gap.threshold = 9;
SET recording_gap.threshold = -0.1;
SET recording_gap.threshold = 'high';
SET recording_gap.threshold = 'NaN';
SHOW recording_gap.threshold;
-- a misspelt name under the reserved prefix is refused too
SET recording_gap.treshold = 0.9;
-- in range: accepted, and the edges are in range
SET recording_gap.threshold = 0.9;
SHOW recording_gap.threshold;
SET recording_gap.threshold = 0;
SET recording_gap.threshold = 1;
SHOW recording_gap.threshold;
RESET recording_gap.threshold;
SHOW recording_gap.threshold;

-- With the library loaded, ALTER DATABASE and ALTER ROLE check the value
-- too (the reason to load it first, or to preload it).
DO $$ BEGIN
	EXECUTE format('ALTER DATABASE %I SET recording_gap.threshold = 9', current_database());
END $$;
DO $$ BEGIN
	EXECUTE format('ALTER ROLE %I SET recording_gap.threshold = 9', current_user);
END $$;
SELECT count(*) AS stored_settings
  FROM pg_db_role_setting, unnest(setconfig) c
 WHERE c LIKE 'recording_gap.%';
-- Leave nothing behind, even if a check above went wrong.
DO $$ BEGIN
	EXECUTE format('ALTER DATABASE %I RESET recording_gap.threshold', current_database());
	EXECUTE format('ALTER ROLE %I RESET recording_gap.threshold', current_user);
END $$;
