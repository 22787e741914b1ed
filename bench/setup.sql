-- bench/setup.sql - the benchmark's data, built by bench/run.
-- psql variables: rows (referrals), summaries (stored summaries),
-- calls (rows of each per-call table), pvals (p-values for p_adjust).
-- Deterministic: setseed.
\set ON_ERROR_STOP 1
CREATE EXTENSION pg_prewarm;
SELECT setseed(0.2015);

-- One row per referral: 45 forces, about 30% recorded, about 2% unknown
-- (NULL), a referral timestamp and a timely flag (only recorded referrals
-- can be timely).
CREATE UNLOGGED TABLE referral (
	id          bigint NOT NULL,
	force       smallint NOT NULL,
	referred_at timestamptz NOT NULL,
	recorded    boolean,
	timely      boolean NOT NULL
);
INSERT INTO referral
SELECT i,
	   1 + floor(f * 45)::int,
	   timestamptz '2015-04-01 00:00+00' + (i % 3652) * interval '1 day' + (r * 86400) * interval '1 second',
	   CASE WHEN r < 0.02 THEN NULL ELSE r < 0.32 END,
	   r >= 0.02 AND r < 0.32 AND t < 0.75
FROM (SELECT i, random() AS f, random() AS r, random() AS t
	  FROM generate_series(1, :rows) AS i) AS g;

-- Stored summaries: one per force and month, as a reporting table would
-- hold them.  Stored in (force, month) order, with an index on it.
CREATE UNLOGGED TABLE summary (
	force smallint NOT NULL,
	month integer NOT NULL,
	s     recording_stats NOT NULL
);
INSERT INTO summary
SELECT force, month, make_recording_stats(n, rec, unk, (rec * t)::bigint)
FROM (SELECT 1 + (i % 45) AS force, i / 45 AS month,
			 n, floor(n * 0.6 * random())::bigint AS rec,
			 floor(n * 0.04 * random())::bigint AS unk, random() AS t
	  FROM (SELECT i, 20 + floor(random() * 200)::bigint AS n
			FROM generate_series(0, :summaries - 1) AS i) AS a) AS b
ORDER BY force, month;
CREATE INDEX ON summary (force, month);

-- Per-call tables: :calls summaries of n referrals each, recorded uniform
-- in [0, n].
CREATE UNLOGGED TABLE calls_10 AS
SELECT 10::bigint AS n, make_recording_stats(10, floor(random() * 11)::bigint) AS s
FROM generate_series(1, :calls);
CREATE UNLOGGED TABLE calls_1000 AS
SELECT 1000::bigint AS n, make_recording_stats(1000, floor(random() * 1001)::bigint) AS s
FROM generate_series(1, :calls);
CREATE UNLOGGED TABLE calls_100000 AS
SELECT 100000::bigint AS n, make_recording_stats(100000, floor(random() * 100001)::bigint) AS s
FROM generate_series(1, :calls);

-- p-values for p_adjust: :pvals of them, skewed towards 0 (a few small
-- p-values among many large ones, as from a test per unit), 43 groups.
CREATE UNLOGGED TABLE pvals AS
SELECT g AS id, g % 43 AS grp, random() ^ 3 AS p
FROM generate_series(1, :pvals) AS g;

-- 5,000 synthetic units for a large funnel plot: 20 to 2,019 referrals,
-- ratios between 0.25 and 0.35, every 13th with 5 unknowns.
CREATE UNLOGGED TABLE units_5000 AS
SELECT 'unit ' || g AS label,
	   make_recording_stats(20 + (g * 7919) % 2000,
							((g * 7919) % 2000 + 20) * (25 + g % 11) / 100,
							CASE WHEN g % 13 = 0 THEN 5 ELSE 0 END) AS s
FROM generate_series(1, 5000) AS g;

-- Parallel plans get exactly two workers when asked for.
ALTER TABLE referral SET (parallel_workers = 2);
VACUUM (FREEZE, ANALYZE) referral, summary, calls_10, calls_1000, calls_100000, pvals, units_5000;
