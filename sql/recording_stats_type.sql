-- The recording_stats type: text form, constructor, equality, addition.

-- Canonical text form, and the liberties input allows.
SELECT '(referrals=3146, recorded=884, unknown=0, timely=0)'::recording_stats;
SELECT '(recorded=884,referrals=3146)'::recording_stats;
SELECT E' ( referrals = 10 ,\trecorded = +4 , timely=2, unknown = 3 ) '::recording_stats;
SELECT '(referrals=0, recorded=0)'::recording_stats;
SELECT '(referrals=9223372036854775807, recorded=9223372036854775806, unknown=1, timely=9223372036854775806)'::recording_stats;

-- Malformed text, one per line.
SELECT ''::recording_stats;
SELECT 'referrals=1, recorded=0'::recording_stats;
SELECT '()'::recording_stats;
SELECT '(referrals=1)'::recording_stats;
SELECT '(referrals=1, recorded=0'::recording_stats;
SELECT '(referrals=1, recorded=0) x'::recording_stats;
SELECT '(referrals=1, recorded=0,)'::recording_stats;
SELECT '(referrals=1, recorded=0, referrals=2)'::recording_stats;
SELECT '(referrals=1.5, recorded=0)'::recording_stats;
SELECT '(referrals=1e3, recorded=0)'::recording_stats;
SELECT '(referrals=, recorded=0)'::recording_stats;
SELECT '(referals=1, recorded=0)'::recording_stats;
SELECT '(referrals:1, recorded:0)'::recording_stats;
SELECT '(Referrals=1, recorded=0)'::recording_stats;
-- Out of range, and values that break the invariants.
SELECT '(referrals=9223372036854775808, recorded=0)'::recording_stats;
SELECT '(referrals=1, recorded=-99999999999999999999)'::recording_stats;
SELECT '(referrals=-1, recorded=0)'::recording_stats;
SELECT '(referrals=5, recorded=0, timely=-9223372036854775808)'::recording_stats;
SELECT '(referrals=5, recorded=6)'::recording_stats;
SELECT '(referrals=5, recorded=3, unknown=3)'::recording_stats;
SELECT '(referrals=9223372036854775807, recorded=9223372036854775807, unknown=9223372036854775807)'::recording_stats;
SELECT '(referrals=5, recorded=3, timely=4)'::recording_stats;

-- The constructor enforces the same rules.
SELECT make_recording_stats(3146, 884);
SELECT make_recording_stats(10, 4, 3, 2);
SELECT make_recording_stats(referrals => 7, recorded => 7, timely => 7);
-- a NULL count is an error naming it, not a NULL summary (recording_stats_null)
SELECT make_recording_stats(10, 4, NULL);
SELECT make_recording_stats(-1, 0);
SELECT make_recording_stats(5, 0, -2);
SELECT make_recording_stats(5, 6);
SELECT make_recording_stats(5, 3, 3);
SELECT make_recording_stats(5, 3, 0, 4);
SELECT make_recording_stats(5, 0, 0, 1);

-- Equality, inequality and hashing.
SELECT make_recording_stats(10, 4, 3, 2) = '(referrals=10, recorded=4, unknown=3, timely=2)' AS eq,
       make_recording_stats(10, 4, 3, 2) = make_recording_stats(10, 4, 3, 1) AS eq_differs,
       make_recording_stats(10, 4, 3, 2) <> make_recording_stats(10, 4, 2, 2) AS ne,
       make_recording_stats(10, 4, 3, 2) <> make_recording_stats(10, 4, 3, 2) AS ne_same;
SELECT count(DISTINCT s) AS distinct_values
  FROM (VALUES (make_recording_stats(1, 1)), (make_recording_stats(1, 1)),
               (make_recording_stats(1, 0)), (make_recording_stats(1, 0, 1))) v(s);
SET enable_sort = off;
SELECT s, count(*) FROM (VALUES (make_recording_stats(2, 1)), (make_recording_stats(2, 1)),
                                (make_recording_stats(3, 1))) v(s)
 GROUP BY s ORDER BY count(*);
RESET enable_sort;

-- Addition: count by count, with overflow an error rather than a wrap-around.
SELECT make_recording_stats(10, 4, 3, 2) + make_recording_stats(5, 1, 0, 1);
SELECT make_recording_stats(3146, 884) + '(referrals=0, recorded=0)';
SELECT make_recording_stats(9223372036854775807, 0) + make_recording_stats(1, 0);
SELECT make_recording_stats(9223372036854775806, 9223372036854775806, 0, 9223372036854775806)
       + make_recording_stats(1, 1, 0, 1);
SELECT make_recording_stats(9223372036854775806, 9223372036854775806)
       + make_recording_stats(2, 2);

-- A stored column enforces the invariants on every path in.
CREATE TABLE stats_store (id int PRIMARY KEY, s recording_stats NOT NULL);
INSERT INTO stats_store VALUES (1, '(referrals=3146, recorded=884)'), (2, make_recording_stats(10, 4, 3, 2));
INSERT INTO stats_store VALUES (3, '(referrals=1, recorded=2)');
UPDATE stats_store SET s = s + make_recording_stats(1, 1, 0, 1) WHERE id = 2;
SELECT id, s FROM stats_store ORDER BY id;
DROP TABLE stats_store;
