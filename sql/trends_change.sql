-- change_lower / change_upper: Newcombe's hybrid score interval (Newcombe
-- 1998, Statistics in Medicine 17:873-890, method 10, no continuity
-- correction) for ratio(after) - ratio(before).
--
-- The expected four-decimal figures are those of the paper's Table II
-- (examples a, b, d, e, f, g, h; each is p1 - p2 with p1 = after), which
-- test/oracle/trends.R's re-implementation of the paper's formula also
-- reproduces.
SELECT ex, after_x || '/' || after_n || ' - ' || before_x || '/' || before_n AS difference,
       round(change_lower(make_recording_stats(before_n, before_x),
                          make_recording_stats(after_n, after_x))::numeric, 4) AS lower,
       round(change_upper(make_recording_stats(before_n, before_x),
                          make_recording_stats(after_n, after_x))::numeric, 4) AS upper
  FROM (VALUES ('a', 56, 70, 48, 80), ('b', 9, 10, 3, 10), ('d', 5, 56, 0, 29),
               ('e', 0, 10, 0, 20), ('f', 0, 10, 0, 10), ('g', 10, 10, 0, 20),
               ('h', 10, 10, 0, 10)) AS v(ex, after_x, after_n, before_x, before_n)
 ORDER BY ex;

-- Swapping the periods mirrors the interval: -(0.3339) to -(0.0524),
-- the R re-implementation gives -0.333873 and -0.052431.
SELECT round(change_lower(make_recording_stats(70, 56), make_recording_stats(80, 48))::numeric, 6) AS lower,
       round(change_upper(make_recording_stats(70, 56), make_recording_stats(80, 48))::numeric, 6) AS upper;

-- Other levels (R re-implementation: 99% 0.005371 to 0.371808; 50%
-- 0.150186 to 0.248117); the default level is 0.95.
SELECT round(change_lower(b, a, 0.99)::numeric, 6) AS lower_99, round(change_upper(b, a, 0.99)::numeric, 6) AS upper_99,
       round(change_lower(b, a, 0.5)::numeric, 6) AS lower_50, round(change_upper(b, a, 0.5)::numeric, 6) AS upper_50,
       change_lower(b, a) = change_lower(b, a, 0.95) AS default_is_95
  FROM (SELECT make_recording_stats(80, 48) AS b, make_recording_stats(70, 56) AS a) v;

-- Unknowns: the interval spans every resolution.  before 48 of 80 with 4
-- unknown, after 56 of 70 with 2 unknown: the lower end is Newcombe's lower
-- limit for 56/70 - 52/80 and the upper end Newcombe's upper limit for
-- 58/70 - 48/80 (R re-implementation: 0.005738 and 0.358870).
SELECT round(change_lower(make_recording_stats(80, 48, 4), make_recording_stats(70, 56, 2))::numeric, 6) AS lower,
       round(change_upper(make_recording_stats(80, 48, 4), make_recording_stats(70, 56, 2))::numeric, 6) AS upper,
       change_lower(make_recording_stats(80, 48, 4), make_recording_stats(70, 56, 2))
         < change_lower(make_recording_stats(80, 48), make_recording_stats(70, 56)) AS lower_widened,
       change_upper(make_recording_stats(80, 48, 4), make_recording_stats(70, 56, 2))
         > change_upper(make_recording_stats(80, 48), make_recording_stats(70, 56)) AS upper_widened;

-- The two corners, checked against the interval without unknowns
SELECT change_lower(make_recording_stats(80, 48, 4), make_recording_stats(70, 56, 2))
         = change_lower(make_recording_stats(80, 52), make_recording_stats(70, 56)) AS lower_is_corner,
       change_upper(make_recording_stats(80, 48, 4), make_recording_stats(70, 56, 2))
         = change_upper(make_recording_stats(80, 48), make_recording_stats(70, 58)) AS upper_is_corner;

-- The interval contains the difference, and stays within [-1, 1]
SELECT count(*) AS cases,
       count(*) FILTER (WHERE change_lower(b, a) <= recording_ratio(a) - recording_ratio(b)
                          AND change_upper(b, a) >= recording_ratio(a) - recording_ratio(b)) AS contain,
       count(*) FILTER (WHERE change_lower(b, a) >= -1 AND change_upper(b, a) <= 1) AS within_bounds
  FROM (SELECT make_recording_stats(n1, x1) AS b, make_recording_stats(n2, x2) AS a
          FROM generate_series(1, 12) n1, generate_series(0, 12) x1,
               generate_series(1, 7) n2, generate_series(0, 7) x2
         WHERE x1 <= n1 AND x2 <= n2) v;

-- No referrals in either period: NULL
SELECT change_lower(make_recording_stats(0, 0), make_recording_stats(10, 5)) IS NULL AS before_empty,
       change_upper(make_recording_stats(10, 5), make_recording_stats(0, 0)) IS NULL AS after_empty;

-- Bad levels: SQLSTATE 22023
\set VERBOSITY default
SELECT change_lower(make_recording_stats(10, 5), make_recording_stats(10, 6), 1);
SELECT change_upper(make_recording_stats(10, 5), make_recording_stats(10, 6), 0);
SELECT change_lower(make_recording_stats(10, 5), make_recording_stats(10, 6), 'NaN');
SELECT change_upper(make_recording_stats(10, 5), make_recording_stats(10, 6), '-Infinity');
-- Counts above 2^53: SQLSTATE 22003
SELECT change_lower(make_recording_stats(9007199254740993, 5), make_recording_stats(10, 6));
\set VERBOSITY terse

-- Prepared with a generic plan, and in a PL/pgSQL loop: the level is read
-- on every call
SET plan_cache_mode = force_generic_plan;
PREPARE ch(double precision) AS
  SELECT round(change_lower(make_recording_stats(80, 48), make_recording_stats(70, 56), $1)::numeric, 6);
EXECUTE ch(0.95);
EXECUTE ch(0.99);
EXECUTE ch(0.5);
DEALLOCATE ch;
RESET plan_cache_mode;
DO $$
DECLARE
	lv double precision;
	lo double precision;
BEGIN
	FOREACH lv IN ARRAY ARRAY[0.5, 0.95, 0.99] LOOP
		lo := change_lower(make_recording_stats(80, 48), make_recording_stats(70, 56), lv);
		RAISE NOTICE 'level % lower %', lv, round(lo::numeric, 6);
	END LOOP;
END
$$;
