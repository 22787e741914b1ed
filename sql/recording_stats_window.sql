-- Moving-aggregate mode: window frames that slide, checked against a
-- self-join that recomputes every frame from scratch.
-- (Uses referral_rows and monthly from recording_stats_aggregates.)

-- A 12-month moving total per force, as analysts write it.
SELECT count(*) AS frames, count(*) FILTER (WHERE w.moving = j.joined) AS equal
  FROM (SELECT force, month,
               rollup(s) OVER (PARTITION BY force ORDER BY month ROWS 11 PRECEDING) AS moving
          FROM monthly) w
  CROSS JOIN LATERAL (SELECT rollup(m2.s) AS joined FROM monthly m2
                       WHERE m2.force = w.force AND m2.month BETWEEN w.month - 11 AND w.month) j;

-- A frame that both gains and loses rows at every step, over raw rows.
SELECT count(*) AS frames,
       count(*) FILTER (WHERE w.a = j.a) AS equal_one_arg,
       count(*) FILTER (WHERE w.b = j.b) AS equal_two_args
  FROM (SELECT i,
               recording_stats(recorded) OVER f AS a,
               recording_stats(recorded, timely) OVER f AS b
          FROM referral_rows
        WINDOW f AS (ORDER BY i ROWS BETWEEN 5 PRECEDING AND 3 FOLLOWING)) w
  CROSS JOIN LATERAL (SELECT recording_stats(r2.recorded) AS a,
                             recording_stats(r2.recorded, r2.timely) AS b
                        FROM referral_rows r2 WHERE r2.i BETWEEN w.i - 5 AND w.i + 3) j;

-- Hand-checked frames: rows i = 1..10 (recorded at 3, 6, 9; unknown at 10;
-- timely at 6), a frame of the current and two preceding rows.
SELECT i, recording_stats(recorded, timely) OVER (ORDER BY i ROWS 2 PRECEDING)
  FROM referral_rows WHERE i <= 10 ORDER BY i;

-- A NULL summary inside a moving rollup frame is an error (0.1.0 skipped
-- it); said as a zero summary, row 2's frame is row 1 alone, (2, 1), row 3's
-- is row 3 alone, (3, 0, 1), and row 4's is (3, 0, 1) + (1, 1, 0, 1).
SELECT n, rollup(s) OVER (ORDER BY n ROWS 1 PRECEDING)
  FROM (VALUES (1, make_recording_stats(2, 1)), (2, NULL), (3, make_recording_stats(3, 0, 1)),
               (4, make_recording_stats(1, 1, 0, 1))) v(n, s)
 ORDER BY n;
SELECT n, rollup(coalesce(s, make_recording_stats(0, 0))) OVER (ORDER BY n ROWS 1 PRECEDING)
  FROM (VALUES (1, make_recording_stats(2, 1)), (2, NULL), (3, make_recording_stats(3, 0, 1)),
               (4, make_recording_stats(1, 1, 0, 1))) v(n, s)
 ORDER BY n;
