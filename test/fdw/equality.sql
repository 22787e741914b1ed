-- Query shapes run twice on the coordinator: over the sharded table
-- (psql -v tbl=referral) and over the local table holding the same rows
-- (-v tbl=referral_local).  Each section's output must be identical.

-- @@ per force, with timeliness
SELECT force, recording_stats(recorded, timely) AS s
FROM :"tbl" GROUP BY force ORDER BY force;

-- @@ per force, accessors
SELECT force, referrals(s), recorded(s), unknown(s), timely(s),
       recording_ratio(s), recording_gap(s), confirmed_gap(s), completeness(s),
       timeliness_ratio(s), ratio_bounds_lower(s), ratio_bounds_upper(s)
FROM (SELECT force, recording_stats(recorded, timely) AS s
      FROM :"tbl" GROUP BY force) AS x
ORDER BY force;

-- @@ national, two-step rollup
SELECT rollup(s)
FROM (SELECT force, recording_stats(recorded, timely) AS s
      FROM :"tbl" GROUP BY force) AS x;

-- @@ national, one step (rows pulled when sharded)
SELECT recording_stats(recorded, timely) FROM :"tbl";

-- @@ national, one-argument aggregate
SELECT recording_stats(recorded) FROM :"tbl";

-- @@ weekly series by force (date_bin)
SELECT force, date_bin('7 days', referred_on, timestamp '2015-04-01') AS week,
       recording_stats(recorded, timely)
FROM :"tbl" GROUP BY force, week ORDER BY force, week;

-- @@ monthly series by force (stored month)
SELECT force, referred_month, recording_stats(recorded, timely)
FROM :"tbl" GROUP BY force, referred_month ORDER BY force, referred_month;

-- @@ national monthly series from force summaries
SELECT referred_month, rollup(s), recording_ratio(rollup(s))
FROM (SELECT force, referred_month, recording_stats(recorded, timely) AS s
      FROM :"tbl" GROUP BY force, referred_month) AS x
GROUP BY referred_month ORDER BY referred_month;

-- @@ three-month moving window over shipped summaries
SELECT force, referred_month,
       rollup(s) OVER (PARTITION BY force ORDER BY referred_month
                       ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)
FROM (SELECT force, referred_month, recording_stats(recorded, timely) AS s
      FROM :"tbl" GROUP BY force, referred_month) AS x
ORDER BY force, referred_month;

-- @@ grouped by a non-partition key (unknown outcome or not)
SELECT recorded IS NULL AS outcome_unknown, recording_stats(recorded, timely)
FROM :"tbl" GROUP BY 1 ORDER BY 1;

-- @@ filtered, only the rows with a known outcome
SELECT force, recording_stats(recorded)
FROM :"tbl" WHERE referred_on >= date '2016-01-01' AND recorded IS NOT NULL
GROUP BY force ORDER BY force;

-- @@ summaries agree with plain counts
SELECT force,
       recording_stats(recorded, timely)
         = make_recording_stats(count(*),
                                count(*) FILTER (WHERE recorded),
                                count(*) FILTER (WHERE recorded IS NULL),
                                count(*) FILTER (WHERE timely)) AS agrees,
       count(*) FILTER (WHERE recorded IS NULL) > 0 AS has_unknown,
       count(*) FILTER (WHERE timely IS NULL) > 0 AS has_null_timely
FROM :"tbl" GROUP BY force ORDER BY force;
