-- Statistics over shipped summaries, run twice like equality.sql
-- (-v tbl=referral and -v tbl=referral_local); outputs must be identical.
-- "-- @@ NAME requires f1,f2": skipped while those functions do not exist.

-- @@ intervals per force (defaults) requires ci_lower,ci_upper
SELECT force, ci_lower(s), ci_upper(s)
FROM (SELECT force, recording_stats(recorded, timely) AS s
      FROM :"tbl" GROUP BY force) AS x
ORDER BY force;

-- @@ intervals per force (level 0.99, wilson) requires ci_lower,ci_upper
SELECT force, ci_lower(s, 0.99, 'wilson'), ci_upper(s, 0.99, 'wilson')
FROM (SELECT force, recording_stats(recorded) AS s
      FROM :"tbl" GROUP BY force) AS x
ORDER BY force;

-- @@ national interval, two-step requires ci_lower,ci_upper
SELECT ci_lower(rollup(s)), ci_upper(rollup(s))
FROM (SELECT force, recording_stats(recorded) AS s
      FROM :"tbl" GROUP BY force) AS x;

-- @@ monthly intervals by force requires ci_lower,ci_upper
SELECT force, referred_month, ci_lower(s), ci_upper(s)
FROM (SELECT force, referred_month, recording_stats(recorded) AS s
      FROM :"tbl" GROUP BY force, referred_month) AS x
ORDER BY force, referred_month;

-- @@ verdicts per force requires recording_verdict
SELECT force, recording_verdict(s, 0.25), recording_verdict(s, 0.3)
FROM (SELECT force, recording_stats(recorded) AS s
      FROM :"tbl" GROUP BY force) AS x
ORDER BY force;

-- @@ funnel positions against the national ratio requires funnel_position
SELECT force, funnel_position(s, recording_ratio(sum_s)),
       funnel_position(s, recording_ratio(sum_s), 0.95)
FROM (SELECT force, s, rollup(s) OVER () AS sum_s
      FROM (SELECT force, recording_stats(recorded) AS s
            FROM :"tbl" GROUP BY force) AS y) AS x
ORDER BY force;
