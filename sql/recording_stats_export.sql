-- Export: a summary as JSON numbers and as four bigint columns.

-- to_json keeps the key order; jsonb orders keys by length, then bytes.
SELECT to_json(make_recording_stats(3146, 884)) AS to_json,
       to_jsonb(make_recording_stats(3146, 884)) AS to_jsonb;
SELECT make_recording_stats(10, 4, 3, 2)::jsonb AS cast_jsonb,
       make_recording_stats(10, 4, 3, 2)::json AS cast_json;
-- The counts are JSON numbers, not strings.
SELECT jsonb_typeof(j -> 'referrals') AS referrals_type, (j ->> 'referrals')::bigint = 3146 AS referrals_3146,
       (j ->> 'recorded')::bigint = 884 AS recorded_884, j ? 'unknown' AS has_unknown, j ? 'timely' AS has_timely,
       (SELECT count(*) FROM jsonb_object_keys(j)) AS keys
  FROM (SELECT make_recording_stats(3146, 884)::jsonb AS j) x;
SELECT jsonb_build_object('area', 'England and Wales', 's', make_recording_stats(3146, 884, 145, 327)) AS built;
SELECT json_build_object('s', make_recording_stats(3146, 884, 145, 327)) AS built_json;
-- In a row, an aggregate and a NULL.
SELECT row_to_json(r) AS row_json
  FROM (SELECT 'Kent' AS force, make_recording_stats(10, 4, 3, 2) AS s) r;
SELECT jsonb_agg(s ORDER BY referrals(s)) AS agg
  FROM (VALUES (make_recording_stats(2, 1)), (make_recording_stats(1, 0, 1))) v(s);
SELECT to_jsonb(NULL::recording_stats) IS NULL AS null_in, NULL::recording_stats::jsonb IS NULL AS null_cast;
-- The largest counts are exact: jsonb numbers are numeric.
SELECT make_recording_stats(9223372036854775807, 9223372036854775806, 1, 9223372036854775806)::jsonb AS largest;
SELECT (make_recording_stats(9223372036854775807, 0)::jsonb ->> 'referrals')::numeric = 9223372036854775807 AS exact;
-- Round trip: the JSON numbers rebuild the same summary.
SELECT make_recording_stats((j->>'referrals')::bigint, (j->>'recorded')::bigint,
                            (j->>'unknown')::bigint, (j->>'timely')::bigint) = s AS round_trip
  FROM (SELECT s, s::jsonb AS j FROM (VALUES (make_recording_stats(3146, 884, 145, 327)),
                                             (make_recording_stats(0, 0))) v(s)) x;

-- Columns.
SELECT (recording_stats_columns(make_recording_stats(3146, 884, 145, 327))).*;
SELECT pg_typeof(referrals) AS type, referrals, recorded, unknown, timely
  FROM recording_stats_columns(make_recording_stats(10, 4, 3, 2));
CREATE TABLE export_src (force text, s recording_stats);
INSERT INTO export_src VALUES ('Kent', make_recording_stats(10, 4, 3, 2)),
	('Essex', make_recording_stats(5, 1)), ('Fife', NULL);
-- LATERAL keeps the row of a NULL summary: one row of NULLs.
SELECT e.force, c.* FROM export_src e, LATERAL recording_stats_columns(e.s) c ORDER BY e.force;
SELECT e.force, c.* FROM export_src e CROSS JOIN recording_stats_columns(e.s) c ORDER BY e.force;
-- A CSV export of numbers, with a header.
COPY (SELECT e.force, c.* FROM export_src e, recording_stats_columns(e.s) c ORDER BY e.force)
  TO STDOUT WITH (FORMAT csv, HEADER);
-- and the JSON one: one object per line
COPY (SELECT jsonb_build_object('force', force, 'stats', s) FROM export_src ORDER BY force)
  TO STDOUT;
-- Through a prepared statement with a generic plan.
SET plan_cache_mode = force_generic_plan;
PREPARE cols(recording_stats) AS SELECT (recording_stats_columns($1)).*, $1::jsonb AS j;
EXECUTE cols('(referrals=3, recorded=2)');
EXECUTE cols('(referrals=7, recorded=1, unknown=6)');
DEALLOCATE cols;
RESET plan_cache_mode;
DROP TABLE export_src;
