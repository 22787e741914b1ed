-- Test and benchmark rows, on the coordinator: the same rows go into the
-- local reference table referral_local and, through the foreign
-- partitions, into the shards.  Deterministic (no random()), so every run
-- sees the same data.  psql variable nrows: number of referrals.
CREATE TABLE referral_local (LIKE referral INCLUDING GENERATED);

INSERT INTO referral_local (id, force, referred_on, recorded, timely)
SELECT i, f.force, date '2015-04-01' + ((i * 7919) % 731)::integer, r.recorded,
       CASE WHEN r.recorded THEN i % 4 <> 0      -- 3 in 4 recorded in time
            WHEN i % 2 = 0 THEN NULL             -- timeliness not given
            ELSE false END
FROM generate_series(1::bigint, :nrows) AS i,
     LATERAL (SELECT i * 48271 % 1000003 AS h) AS hh,        -- spread over forces,
     LATERAL (SELECT 1 + 14 * h * h / (1000003::bigint * 1000003) AS k) AS kk, -- larger first
     LATERAL (SELECT (ARRAY['Metropolitan Police', 'Kent', 'Essex', 'Thames Valley',
                            'Hampshire', 'Sussex', 'Surrey', 'West Midlands',
                            'Greater Manchester', 'West Yorkshire', 'Merseyside',
                            'Lancashire', 'South Wales', 'Northumbria'])[kk.k] AS force) AS f,
     LATERAL (SELECT CASE WHEN (i * 104729) % 1000 < 150 + 20 * kk.k THEN true
                          WHEN (i * 104729) % 1000 < 960 THEN false
                          END AS recorded) AS r;   -- 4% unknown (NULL)

INSERT INTO referral (id, force, referred_on, recorded, timely)
SELECT id, force, referred_on, recorded, timely FROM referral_local;
ANALYZE referral_local;
ANALYZE referral;
