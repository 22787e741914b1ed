-- unrecorded_estimate and its interval: from an audit sample's recording
-- rate r to the crimes left unrecorded, recorded_total * (1 - r) / r.

-- HMICFRS, Nottinghamshire 2018: recording rate 87.3% +/- 1.8% (95%),
-- "about 13,800" crimes a year unrecorded.  A Wilson half-width of 1.8
-- points at 87.3% needs n = 1.96^2 * 0.873 * 0.127 / 0.018^2 = 1315 sampled
-- reports, 1148 of them recorded (1148 / 1315 = 87.30%); 13,800 unrecorded
-- at that rate means recorded_total = 13800 * 0.873 / 0.127 = 94,861
-- (derived here, not a published figure).  By hand: 94861 * 167 / 1148 =
-- 13,799.47.  The interval maps R's prop.test(1148, 1315, correct = FALSE)
-- interval (0.8539142, 0.8899204): 11,733.92 to 16,228.61.
SELECT round(recording_ratio(s)::numeric, 4) AS rate,
       round(ci_lower(s)::numeric, 4) AS rate_lower, round(ci_upper(s)::numeric, 4) AS rate_upper,
       round(unrecorded_estimate(s, 94861)::numeric, 2) AS unrecorded,
       round(unrecorded_estimate_lower(s, 94861)::numeric, 2) AS lower,
       round(unrecorded_estimate_upper(s, 94861)::numeric, 2) AS upper
  FROM (SELECT make_recording_stats(1315, 1148) AS s) v;

-- Levels: the interval narrows as the level falls, and always holds the
-- estimate
SELECT level,
       unrecorded_estimate_lower(s, 94861, level) <= unrecorded_estimate(s, 94861) AS lower_below,
       unrecorded_estimate_upper(s, 94861, level) >= unrecorded_estimate(s, 94861) AS upper_above,
       round((unrecorded_estimate_upper(s, 94861, level) - unrecorded_estimate_lower(s, 94861, level))::numeric) AS width
  FROM (SELECT make_recording_stats(1315, 1148) AS s) v,
       (VALUES (0.5), (0.9), (0.95), (0.99)) AS l(level)
 ORDER BY level;

-- Unknown outcomes in the sample: the estimate counts them as not recorded
-- (the worst case, as recording_ratio); the lower end uses the best case.
-- 20 unknown: lower = 94861 (1 - u) / u with u the Wilson upper limit of
-- 1168 / 1315 (R: prop.test(1168, 1315, correct = FALSE)): 10,059.13; the
-- upper end is unchanged.
SELECT round(unrecorded_estimate(s, 94861)::numeric, 2) AS unrecorded,
       round(unrecorded_estimate_lower(s, 94861)::numeric, 2) AS lower,
       round(unrecorded_estimate_upper(s, 94861)::numeric, 2) AS upper
  FROM (SELECT make_recording_stats(1315, 1148, 20) AS s) v;

-- Corners: every sampled report recorded gives 0 (the Wilson upper limit
-- is 1); none recorded gives Infinity for the estimate and the upper end
-- (R: 1000 (1 - u) / u with u = prop.test(0, 50, correct = FALSE)'s upper
-- limit 0.07134: 13,015.89 for the lower end); an empty sample gives NULL;
-- recorded_total 0 gives 0, except with none recorded (0 times an unbounded
-- ratio), which gives NULL.  All recorded, upper end: the Wilson lower
-- limit of 50 / 50 is 50 / (50 + 1.959964^2) = 0.928652, so 1000 * 0.071348
-- / 0.928652 = 76.83.
SELECT unrecorded_estimate(make_recording_stats(50, 50), 1000) AS all_recorded,
       unrecorded_estimate_lower(make_recording_stats(50, 50), 1000) AS all_recorded_lower,
       round(unrecorded_estimate_upper(make_recording_stats(50, 50), 1000)::numeric, 2) AS all_recorded_upper;
SELECT unrecorded_estimate(make_recording_stats(50, 0), 1000) AS none_recorded,
       round(unrecorded_estimate_lower(make_recording_stats(50, 0), 1000)::numeric, 2) AS none_recorded_lower,
       unrecorded_estimate_upper(make_recording_stats(50, 0), 1000) AS none_recorded_upper;
SELECT unrecorded_estimate(make_recording_stats(0, 0), 1000) IS NULL AS empty,
       unrecorded_estimate_lower(make_recording_stats(0, 0), 1000) IS NULL AS empty_lower,
       unrecorded_estimate(make_recording_stats(50, 40), 0) AS zero_total,
       unrecorded_estimate_upper(make_recording_stats(50, 40), 0) AS zero_total_upper,
       unrecorded_estimate(make_recording_stats(50, 0), 0) IS NULL AS zero_total_none_recorded,
       unrecorded_estimate_upper(make_recording_stats(50, 0), 0) IS NULL AS zero_total_none_recorded_upper;

-- Errors
\set VERBOSITY default
SELECT unrecorded_estimate(make_recording_stats(50, 40), -1);
SELECT unrecorded_estimate_lower(make_recording_stats(50, 40), 1000, 1);
SELECT unrecorded_estimate_upper(make_recording_stats(50, 40), 1000, 'NaN');
SELECT unrecorded_estimate_upper(make_recording_stats(50, 40), 1000, 0);
SELECT unrecorded_estimate(make_recording_stats(9007199254740993, 40), 1000);
\set VERBOSITY terse

-- A generic prepared plan over levels (R, level 0.5: 14,592.15)
SET plan_cache_mode = force_generic_plan;
PREPARE ue(double precision) AS
  SELECT round(unrecorded_estimate_upper(make_recording_stats(1315, 1148), 94861, $1)::numeric, 2);
EXECUTE ue(0.95);
EXECUTE ue(0.5);
DEALLOCATE ue;
RESET plan_cache_mode;
