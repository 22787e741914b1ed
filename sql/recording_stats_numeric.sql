-- Counts given as numeric (sum() of bigint is numeric), and the integer
-- forms that keep integer calls unambiguous.

CREATE TABLE published (area text, referrals bigint, recorded bigint, unknown bigint, timely bigint);
INSERT INTO published VALUES
	('North', 2000, 500, 100, 200),
	('South', 1146, 384, 45, 127);
-- sum(bigint) is numeric: 2000 + 1146 = 3146, 500 + 384 = 884,
-- 100 + 45 = 145, 200 + 127 = 327.
SELECT pg_typeof(sum(referrals)) AS sum_type,
       make_recording_stats(sum(referrals), sum(recorded)) AS two,
       make_recording_stats(sum(referrals), sum(recorded), sum(unknown), sum(timely)) AS four
  FROM published;
-- 884 / 3146 = 0.28099173553719..., gap 2262
SELECT recording_ratio(sum(referrals), sum(recorded)) AS ratio,
       recording_gap(sum(referrals), sum(recorded)) AS gap
  FROM published;
-- the same as the bigint forms
SELECT recording_ratio(sum(referrals), sum(recorded)) = recording_ratio(3146::bigint, 884::bigint) AS ratio_same,
       make_recording_stats(sum(referrals), sum(recorded), sum(unknown), sum(timely))
         = make_recording_stats(3146::bigint, 884::bigint, 145::bigint, 327::bigint) AS stats_same
  FROM published;

-- Which form each call resolves to: the one of its widest argument type.
-- Integer literals, bigint columns, mixed, named and defaulted arguments
-- all resolve without "function is not unique".
SELECT make_recording_stats(3146, 884) AS int_literals,
       make_recording_stats(referrals, recorded) AS bigint_columns
  FROM published WHERE area = 'North';
SELECT make_recording_stats(3146::smallint, 884::smallint) AS smallints,
       make_recording_stats(3146::smallint, 884) AS smallint_int,
       make_recording_stats(3146, 884::bigint) AS int_bigint,
       make_recording_stats(3146::bigint, 884.0) AS bigint_numeric,
       make_recording_stats(recorded => 884, referrals => 3146) AS named;
SELECT recording_ratio(3146, 884) AS int_literals, recording_gap(3146, 884) AS gap_int,
       recording_ratio(3146::smallint, 884::smallint) AS smallints,
       recording_gap(3146::smallint, 884::smallint) AS gap_smallints,
       recording_ratio(3146::bigint, 884) AS bigint_int,
       recording_ratio(3146.0, 884) AS numeric_int;
SELECT recording_ratio(count(*), count(*) FILTER (WHERE recorded > 400)) AS bigint_counts FROM published;
-- The function each call picked, read from a view's dependencies.
CREATE FUNCTION pg_temp.picked(call text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	r text;
BEGIN
	EXECUTE format('CREATE TEMP VIEW picked_view AS SELECT %s', call);
	SELECT string_agg(d.refobjid::regprocedure::text, ', ') INTO r
	  FROM pg_depend d JOIN pg_rewrite w ON d.classid = 'pg_rewrite'::regclass AND d.objid = w.oid
	 WHERE w.ev_class = 'picked_view'::regclass AND d.refclassid = 'pg_proc'::regclass;
	DROP VIEW picked_view;
	RETURN r;
END $$;
SELECT c AS call, pg_temp.picked(c) AS picked
  FROM unnest(ARRAY['make_recording_stats(1, 1)', 'make_recording_stats(1::smallint, 1::smallint)',
                    'make_recording_stats(1::smallint, 1)', 'make_recording_stats(1::bigint, 1)',
                    'make_recording_stats(1, 1, 0::bigint)', 'make_recording_stats(1.0, 1)',
                    'make_recording_stats(sum(1::bigint), 1)',
                    'recording_ratio(1, 1)', 'recording_ratio(1::smallint, 1::smallint)',
                    'recording_ratio(1::bigint, 1)', 'recording_ratio(1, 1.0)',
                    'recording_gap(1, 1)', 'recording_gap(1::smallint, 1::smallint)',
                    'recording_gap(1::bigint, 1)', 'recording_gap(1.0, 1)']) c;

-- All arguments untyped string literals: every form matches equally, and
-- the call is refused as "not unique" (documented); one number decides.
SELECT make_recording_stats('3146', '884');
SELECT make_recording_stats(3146, '884') AS one_number_decides;

-- Whole numbers written with zeros after the point are whole.
SELECT make_recording_stats(3146.000, 884.0, 0.00, 0) AS trailing_zeros,
       make_recording_stats(9223372036854775807::numeric, 0) AS largest;
-- Not whole: invalid_parameter_value (22023), naming the argument.
\set VERBOSITY default
SELECT make_recording_stats(3146.5, 884);
SELECT make_recording_stats(3146, 884, 0.001);
SELECT make_recording_stats(3146, 884, 0, 'NaN'::numeric);
SELECT recording_ratio(10, 2.5);
SELECT recording_gap(10.1, 2);
-- Beyond bigint or infinite: numeric_value_out_of_range (22003).
SELECT make_recording_stats(9223372036854775808::numeric, 0);
SELECT make_recording_stats(1e30, 0);
SELECT make_recording_stats(-9223372036854775809::numeric, 0);
SELECT recording_ratio('Infinity'::numeric, 0);
SELECT recording_gap(10, '-Infinity'::numeric);
-- Whole but breaking the invariants: the same errors as the bigint forms.
SELECT make_recording_stats(-1.0, 0);
SELECT make_recording_stats(5.0, 6);
SELECT make_recording_stats(5.0, 3, 3);
SELECT make_recording_stats(5.0, 3, 0, 4);
SELECT recording_ratio(884.0, 3146);
SELECT recording_gap(-1.0, 0);
SELECT recording_ratio(-1::smallint, 0::smallint);
SELECT recording_gap(5, 6);
-- the smallest bigint, negative, through the numeric form
SELECT make_recording_stats(-9223372036854775808::numeric, 0);
-- NULL totals give NULL (the shortcuts are STRICT); a NULL count for the
-- constructor is an error (recording_stats_null).
SELECT recording_ratio(NULL::numeric, 1) IS NULL AS ratio_null,
       recording_gap(1::smallint, NULL) IS NULL AS gap_null,
       recording_ratio(NULL::int, 1) IS NULL AS int_null;
-- In a prepared statement with a generic plan, and in PL/pgSQL.
SET plan_cache_mode = force_generic_plan;
PREPARE totals(numeric, numeric) AS SELECT recording_ratio($1, $2), make_recording_stats($1, $2);
EXECUTE totals(3146, 884);
EXECUTE totals(10, 10);
EXECUTE totals(10, 2.5);
DEALLOCATE totals;
RESET plan_cache_mode;
DO $$
DECLARE
	n numeric;
BEGIN
	FOREACH n IN ARRAY ARRAY[10, 10.0, 3146]::numeric[] LOOP
		RAISE NOTICE '% -> %', n, make_recording_stats(n, 2);
	END LOOP;
END $$;
DROP TABLE published;
