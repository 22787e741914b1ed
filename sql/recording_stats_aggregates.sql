-- The aggregates: recording_stats(boolean), recording_stats(boolean, boolean), rollup().
--
-- 1,000 referrals, i = 1..1000:
--   unknown  (NULL)  when i is a multiple of 10                      -> 100
--   recorded (true)  when i is a multiple of 3 but not of 10         -> 333 - 33 = 300
--   timely           when i is a multiple of 6 but not of 10         -> 166 - 33 = 133
--   force  'F' || i % 4; month (i / 4) % 24, so every force has all 24 months.
-- Force F0 (i multiple of 4): 250 referrals, unknown multiples of 20 = 50,
--   recorded multiples of 12 not of 60 = 83 - 16 = 67, all of them even so timely = 67.
CREATE TABLE referral_rows AS
SELECT i,
       'F' || (i % 4) AS force,
       (i / 4) % 24 AS month,
       CASE WHEN i % 10 = 0 THEN NULL ELSE i % 3 = 0 END AS recorded,
       (i % 6 = 0 AND i % 10 <> 0) AS timely
  FROM generate_series(1, 1000) i;

SELECT recording_stats(recorded) FROM referral_rows;
SELECT recording_stats(recorded, timely) FROM referral_rows;
SELECT recording_stats(recorded, timely) FROM referral_rows WHERE force = 'F0';

-- The same figures as the hand-written FILTER query.
SELECT recording_stats(recorded, timely)
       = make_recording_stats(count(*), count(*) FILTER (WHERE recorded),
                              count(*) FILTER (WHERE recorded IS NULL),
                              count(*) FILTER (WHERE recorded AND timely)) AS same_as_filter
  FROM referral_rows;
SELECT count(*) AS forces,
       count(*) FILTER (WHERE s = make_recording_stats(n, r, u, t)) AS same_as_filter
  FROM (SELECT force, recording_stats(recorded, timely) s, count(*) n,
               count(*) FILTER (WHERE recorded) r, count(*) FILTER (WHERE recorded IS NULL) u,
               count(*) FILTER (WHERE recorded AND timely) t
          FROM referral_rows GROUP BY force) g;

-- Over zero rows: a summary of zero referrals, not NULL.
SELECT recording_stats(recorded) FROM referral_rows WHERE false;
SELECT recording_stats(recorded, timely) FROM referral_rows WHERE false;
SELECT rollup(s) FROM (SELECT NULL::recording_stats s WHERE false) z;
-- A NULL summary is an error in rollup (0.1.0 skipped it); left out on
-- purpose, (3, 1) + (2, 2, 0, 1) = (5, 3, 0, 1).
SELECT rollup(s) FROM (VALUES (make_recording_stats(3, 1)), (NULL), (make_recording_stats(2, 2, 0, 1))) v(s);
SELECT rollup(s) FROM (VALUES (make_recording_stats(3, 1)), (NULL), (make_recording_stats(2, 2, 0, 1))) v(s)
 WHERE s IS NOT NULL;
-- NULL timely counts as not timely.
SELECT recording_stats(r, t) FROM (VALUES (true, NULL::boolean), (true, true), (NULL, NULL), (false, false)) v(r, t);

-- A timely referral must be recorded.
SELECT recording_stats(r, t) FROM (VALUES (true, true), (false, true)) v(r, t);
SELECT recording_stats(r, t) FROM (VALUES (NULL::boolean, true)) v(r, t);

-- Stored monthly summaries roll up to the figures over the raw rows.
CREATE TABLE monthly AS
SELECT force, month, recording_stats(recorded, timely) AS s
  FROM referral_rows GROUP BY force, month;
SELECT count(*) AS months FROM monthly;
SELECT rollup(s) FROM monthly;
SELECT rollup(s) = (SELECT recording_stats(recorded, timely) FROM referral_rows) AS rollup_equals_raw
  FROM monthly;
SELECT count(*) AS forces, count(*) FILTER (WHERE r.s = m.s) AS equal
  FROM (SELECT force, rollup(s) s FROM monthly GROUP BY force) m
  JOIN (SELECT force, recording_stats(recorded, timely) s FROM referral_rows GROUP BY force) r USING (force);
-- ... and a rollup of rollups is the same again.
SELECT rollup(s) FROM (SELECT force, rollup(s) s FROM monthly GROUP BY force) f;

-- Accessors over an aggregate.
SELECT referrals(s), recorded(s), unknown(s), timely(s), recording_gap(s), confirmed_gap(s),
       recording_ratio(s), completeness(s), timeliness_ratio(s),
       ratio_bounds_lower(s), ratio_bounds_upper(s)
  FROM (SELECT recording_stats(recorded, timely) s FROM referral_rows) a;

-- Overflow in rollup is an error, not a wrap-around.
SELECT rollup(s) FROM (VALUES (make_recording_stats(9223372036854775807, 0)), (make_recording_stats(1, 0))) v(s);

-- The transition functions called directly work on a copy.
SELECT recording_stats_accum(make_recording_stats(1, 0), NULL);
SELECT recording_stats_accum(NULL, true);
