-- EXPLAIN (VERBOSE, COSTS OFF) of the query shapes, on the coordinator.
-- "-- @@ shipped NAME": every shard's Remote SQL must carry the aggregate
-- recording_stats(...) and a GROUP BY, so only summaries cross the wire.
-- "-- @@ pulled NAME": measured not to be shipped (the Remote SQL is a
-- plain row scan); kept here so that doc/scale-out.md stays true.

-- @@ shipped force-grouped
EXPLAIN (VERBOSE, COSTS OFF)
SELECT force, recording_stats(recorded, timely) FROM referral GROUP BY force;

-- @@ shipped two-step national rollup
EXPLAIN (VERBOSE, COSTS OFF)
SELECT rollup(s)
FROM (SELECT force, recording_stats(recorded) AS s FROM referral GROUP BY force) AS x;

-- @@ shipped date_bin weekly series by force
EXPLAIN (VERBOSE, COSTS OFF)
SELECT force, date_bin('7 days', referred_on, timestamp '2015-04-01') AS week,
       recording_stats(recorded)
FROM referral GROUP BY force, week;

-- @@ shipped date_bin national weekly series, two-step
EXPLAIN (VERBOSE, COSTS OFF)
SELECT week, rollup(s)
FROM (SELECT force, date_bin('7 days', referred_on, timestamp '2015-04-01') AS week,
             recording_stats(recorded) AS s
      FROM referral GROUP BY force, week) AS x
GROUP BY week;

-- @@ shipped stored-month series by force
EXPLAIN (VERBOSE, COSTS OFF)
SELECT force, referred_month, recording_stats(recorded, timely)
FROM referral GROUP BY force, referred_month;

-- @@ shipped filtered force-grouped
EXPLAIN (VERBOSE, COSTS OFF)
SELECT force, recording_stats(recorded)
FROM referral WHERE referred_on >= date '2016-01-01' AND recorded IS NOT NULL
GROUP BY force;

-- @@ pulled national total without GROUP BY
EXPLAIN (VERBOSE, COSTS OFF)
SELECT recording_stats(recorded) FROM referral;

-- @@ pulled grouped by a non-partition key
EXPLAIN (VERBOSE, COSTS OFF)
SELECT referred_month, recording_stats(recorded) FROM referral GROUP BY referred_month;

-- @@ pulled date_trunc month series by force
EXPLAIN (VERBOSE, COSTS OFF)
SELECT force, date_trunc('month', referred_on::timestamp) AS month, recording_stats(recorded)
FROM referral GROUP BY force, month;

-- @@ pulled cast to date by force
EXPLAIN (VERBOSE, COSTS OFF)
SELECT force, referred_on::timestamptz::date AS day, recording_stats(recorded)
FROM referral GROUP BY force, day;

-- @@ shipped intervals per force, over shipped summaries requires ci_lower,ci_upper
EXPLAIN (VERBOSE, COSTS OFF)
SELECT force, ci_lower(s), ci_upper(s)
FROM (SELECT force, recording_stats(recorded) AS s FROM referral GROUP BY force) AS x;

-- @@ shipped funnel positions, over shipped summaries requires funnel_position
EXPLAIN (VERBOSE, COSTS OFF)
SELECT force, funnel_position(s, 0.28)
FROM (SELECT force, recording_stats(recorded) AS s FROM referral GROUP BY force) AS x;

-- @@ shipped verdicts per force, over shipped summaries requires recording_verdict
EXPLAIN (VERBOSE, COSTS OFF)
SELECT force, recording_verdict(s, 0.25)
FROM (SELECT force, recording_stats(recorded) AS s FROM referral GROUP BY force) AS x;
