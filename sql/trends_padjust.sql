-- p_adjust(p, method) OVER (...): R's p.adjust over the window partition.

-- By hand, five p-values 0.01 .. 0.05 (n = 5):
--   holm:       cummax of (5, 4, 3, 2, 1) * p = 0.05, 0.08, 0.09, 0.09, 0.09
--   hochberg:   cummin from the top of (5, 4, 3, 2, 1) * p: all 0.05
--   hommel:     all 0.05 (R: p.adjust(c(.01, .02, .03, .04, .05), "hommel"))
--   bonferroni: 5 p = 0.05, 0.10, 0.15, 0.20, 0.25
--   BH:         cummin from the top of 5 / i * p: all 0.05
--   BY:         BH times 1 + 1/2 + 1/3 + 1/4 + 1/5 = 2.283333: all 0.1141667
--   none:       p
SELECT p,
       round(p_adjust(p) OVER ()::numeric, 7) AS holm_default,
       round(p_adjust(p, 'holm') OVER ()::numeric, 7) AS holm,
       round(p_adjust(p, 'hochberg') OVER ()::numeric, 7) AS hochberg,
       round(p_adjust(p, 'hommel') OVER ()::numeric, 7) AS hommel,
       round(p_adjust(p, 'bonferroni') OVER ()::numeric, 7) AS bonferroni,
       round(p_adjust(p, 'BH') OVER ()::numeric, 7) AS bh,
       round(p_adjust(p, 'fdr') OVER ()::numeric, 7) AS fdr,
       round(p_adjust(p, 'BY') OVER ()::numeric, 7) AS by,
       p_adjust(p, 'none') OVER () AS none
  FROM (VALUES (0.03), (0.01), (0.05), (0.02), (0.04)) AS v(p)
 ORDER BY p;

-- Ties and NULLs.  NULL stays NULL and is not counted (n = 5):
--   holm:     (5, 4, 3, 2, 1) * (.01, .01, .04, .04, .2) = .05, .04, .12, .08, .2,
--             cummax .05, .05, .12, .12, .2
--   hochberg: from the top .2, 2 * .04 = .08, .08 (3 * .04 = .12 is larger),
--             4 * .01 = .04, .04
--   BH:       from the top .2, 5/4 * .04 = .05, .05, 5/2 * .01 = .025, .025
--   BY:       BH * 2.283333 = .4566667, .1141667, .0570833
-- (R: p.adjust(c(.01, .01, .04, NA, .04, .2), method) agrees for each.)
SELECT id, p,
       round(p_adjust(p, 'holm') OVER ()::numeric, 7) AS holm,
       round(p_adjust(p, 'hochberg') OVER ()::numeric, 7) AS hochberg,
       round(p_adjust(p, 'hommel') OVER ()::numeric, 7) AS hommel,
       round(p_adjust(p, 'bonferroni') OVER ()::numeric, 7) AS bonferroni,
       round(p_adjust(p, 'BH') OVER ()::numeric, 7) AS bh,
       round(p_adjust(p, 'BY') OVER ()::numeric, 7) AS by
  FROM (VALUES (1, 0.01), (2, 0.01), (3, 0.04), (4, NULL), (5, 0.04), (6, 0.2)) AS v(id, p)
 ORDER BY id;

-- The window's ORDER BY does not change the answers (the whole partition
-- is adjusted, whatever the frame), and several partitions are adjusted
-- separately: force group A is the first example, B the second.
SELECT grp, p,
       round(p_adjust(p, 'holm') OVER (PARTITION BY grp ORDER BY p DESC)::numeric, 7) AS holm_desc,
       round(p_adjust(p, 'holm') OVER (PARTITION BY grp ORDER BY id)::numeric, 7) AS holm_by_id,
       round(p_adjust(p, 'BH') OVER (PARTITION BY grp ORDER BY p ROWS BETWEEN CURRENT ROW AND CURRENT ROW)::numeric, 7) AS bh_one_row_frame
  FROM (VALUES ('A', 1, 0.01), ('A', 2, 0.02), ('A', 3, 0.03), ('A', 4, 0.04), ('A', 5, 0.05),
               ('B', 6, 0.01), ('B', 7, 0.01), ('B', 8, 0.04), ('B', 9, NULL), ('B', 10, 0.04), ('B', 11, 0.2)) AS v(grp, id, p)
 ORDER BY grp, id;

-- One p-value: unchanged (R returns p when n <= 1); hommel with two is
-- hochberg (max(p) and min(2 min(p), max(p))); only NULLs: NULL; 0 and 1
SELECT (SELECT p_adjust(p, 'bonferroni') OVER () FROM (VALUES (0.3::float8)) v(p)) AS single,
       (SELECT array_agg(a ORDER BY p) FROM (SELECT p, p_adjust(p, 'hommel') OVER () AS a FROM (VALUES (0.02::float8), (0.03)) v(p)) w) AS hommel_two,
       (SELECT array_agg(a) FROM (SELECT p_adjust(p) OVER () AS a FROM (VALUES (NULL::float8), (NULL)) v(p)) w) AS all_null,
       (SELECT array_agg(a ORDER BY p) FROM (SELECT p, p_adjust(p, 'BY') OVER () AS a FROM (VALUES (0::float8), (1), (0.5)) v(p)) w) AS zero_one;

-- As the issue's use: adjust Fisher p-values across forces
SELECT force, round(change_p_value(b, a)::numeric, 4) AS p,
       round(p_adjust(change_p_value(b, a), 'BH') OVER ()::numeric, 4) AS p_bh
  FROM (VALUES ('A', make_recording_stats(100, 30), make_recording_stats(100, 50)),
               ('B', make_recording_stats(100, 30), make_recording_stats(100, 33)),
               ('C', make_recording_stats(0, 0), make_recording_stats(100, 33)),
               ('D', make_recording_stats(200, 90), make_recording_stats(200, 60))) AS v(force, b, a)
 ORDER BY force;

-- Errors
\set VERBOSITY default
SELECT p_adjust(p, 'Holm') OVER () FROM (VALUES (0.1::float8)) v(p);
SELECT p_adjust(p, 'bh') OVER () FROM (VALUES (0.1::float8)) v(p);
SELECT p_adjust(p, NULL) OVER () FROM (VALUES (0.1::float8)) v(p);
SELECT p_adjust(p, m) OVER () FROM (VALUES (0.1::float8, 'holm'), (0.2, 'BH')) v(p, m);
SELECT p_adjust(p) OVER () FROM (VALUES (0.1::float8), (1.5)) v(p);
SELECT p_adjust(p) OVER () FROM (VALUES (0.1::float8), (-0.1)) v(p);
SELECT p_adjust(p) OVER () FROM (VALUES (0.1::float8), ('NaN')) v(p);
SELECT p_adjust(p) OVER () FROM (VALUES (0.1::float8), ('Infinity')) v(p);
\set VERBOSITY terse
-- 'fdr' and 'BH' are the same method, so they may be mixed
SELECT round(p_adjust(p, m) OVER ()::numeric, 7) FROM (VALUES (0.01::float8, 'fdr'), (0.04, 'BH')) v(p, m) ORDER BY 1;
-- a method per partition is fine
SELECT m, round(p_adjust(p, m) OVER (PARTITION BY m)::numeric, 7) AS adjusted
  FROM (VALUES (0.01::float8, 'holm'), (0.04, 'holm'), (0.01, 'bonferroni'), (0.04, 'bonferroni')) v(p, m)
 ORDER BY m, adjusted;

-- PL/pgSQL loop and a generic prepared plan: the method is read from its
-- value on every execution, never remembered from an earlier one
SET plan_cache_mode = force_generic_plan;
PREPARE pa(text) AS
  SELECT array_agg(round(a::numeric, 7) ORDER BY p)
    FROM (SELECT p, p_adjust(p, $1) OVER () AS a FROM (VALUES (0.01::float8), (0.02), (0.03), (0.04), (0.05)) v(p)) w;
EXECUTE pa('holm');
EXECUTE pa('bonferroni');
EXECUTE pa('BY');
EXECUTE pa('none');
DEALLOCATE pa;
RESET plan_cache_mode;
DO $$
DECLARE
	m text;
	r numeric[];
BEGIN
	FOREACH m IN ARRAY ARRAY['holm', 'bonferroni', 'BH', 'none', 'holm'] LOOP
		SELECT array_agg(round(a::numeric, 7) ORDER BY p) INTO r
		  FROM (SELECT p, p_adjust(p, m) OVER () AS a FROM (VALUES (0.01::float8), (0.02), (0.03), (0.04), (0.05)) v(p)) w;
		RAISE NOTICE '% %', m, r;
	END LOOP;
END
$$;

-- A large partition: 5,000 p-values (g / 5000)^6, hommel (quadratic in n).
-- R: p.adjust(((1:5000)/5000)^6, "hommel") has h[50] = 4.936e-09,
-- h[500] = 0.00399, sum 3773.74418, and every value between p and
-- Bonferroni's min(1, n p).
SELECT count(*) AS n,
       count(*) FILTER (WHERE h <= least(1, 5000 * p) AND h >= p) AS between_p_and_bonferroni,
       max(h) FILTER (WHERE g = 50)::numeric(20, 12) AS h50,
       round(max(h) FILTER (WHERE g = 500)::numeric, 7) AS h500,
       round(sum(h)::numeric, 5) AS total
  FROM (SELECT g, p, p_adjust(p, 'hommel') OVER () AS h
          FROM (SELECT g, (g / 5000.0::float8) ^ 6 AS p FROM generate_series(1, 5000) g) v) w;
