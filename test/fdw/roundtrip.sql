-- Text round trip of recording_stats through postgres_fdw.
-- @@ coordinator-write
-- On the coordinator: summaries computed from the local rows, plus edge
-- values, written through the foreign partitions to the shards.
INSERT INTO force_summary (force, period, s)
SELECT force, referred_month, recording_stats(recorded, timely)
FROM referral_local GROUP BY force, referred_month;
INSERT INTO force_summary (force, period, s) VALUES
    ('Kent',        date '1900-01-01', '(referrals=0, recorded=0, unknown=0, timely=0)'),
    ('Kent',        date '1900-02-01', make_recording_stats(9223372036854775807, 9223372036854775807, 0, 9223372036854775807)),
    ('Northumbria', date '1900-01-01', make_recording_stats(9223372036854775807, 1, 9223372036854775806, 0)),
    ('Northumbria', date '1900-02-01', make_recording_stats(3146, 884));
-- @@ coordinator-expected
-- What the shards must now hold, as text, computed on the coordinator.
SELECT force, period, s::text FROM (
    SELECT force, referred_month AS period, recording_stats(recorded, timely) AS s
    FROM referral_local GROUP BY force, referred_month
    UNION ALL VALUES
    ('Kent',        date '1900-01-01', '(referrals=0, recorded=0, unknown=0, timely=0)'::recording_stats),
    ('Kent',        date '1900-02-01', make_recording_stats(9223372036854775807, 9223372036854775807, 0, 9223372036854775807)),
    ('Northumbria', date '1900-01-01', make_recording_stats(9223372036854775807, 1, 9223372036854775806, 0)),
    ('Northumbria', date '1900-02-01', make_recording_stats(3146, 884))) AS x
WHERE force = ANY (string_to_array(:'forces', ','))
ORDER BY force, period;
-- @@ shard-read
SELECT force, period, s::text FROM force_summary ORDER BY force, period;
-- @@ shard-write
INSERT INTO force_summary (force, period, s)
SELECT force, date '1800-01-01' + (row_number() OVER (ORDER BY force))::int, s
FROM (VALUES ('Kent', make_recording_stats(10, 3, 2, 1)),
             ('Essex', '(referrals=9223372036854775807, recorded=4611686018427387904, unknown=4611686018427387903, timely=1)'::recording_stats),
             ('Northumbria', make_recording_stats(1, 0, 1, 0)),
             ('Lancashire', make_recording_stats(884, 884, 0, 884))) AS v(force, s)
WHERE force = ANY (string_to_array(:'forces', ','));
-- @@ shard-expected
SELECT force, period, s::text FROM force_summary
WHERE period < date '1900-01-01' ORDER BY force, period;
-- @@ coordinator-read
SELECT force, period, s::text FROM force_summary
WHERE period < date '1900-01-01' AND force = ANY (string_to_array(:'forces', ','))
ORDER BY force, period;
-- @@ coordinator-read-binary-equality
-- The summaries read through the foreign tables equal, by the type's own =,
-- those computed locally: counts of matching and of all rows.
SELECT count(*) FILTER (WHERE f.s = l.s), count(*)
FROM force_summary AS f
JOIN (SELECT force, referred_month AS period, recording_stats(recorded, timely) AS s
      FROM referral_local GROUP BY force, referred_month) AS l USING (force, period);
