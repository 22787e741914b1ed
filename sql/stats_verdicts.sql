-- Verdicts in 0.2.0.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS recording_gap;
RESET client_min_messages;

-- The enum type is now threshold_verdict, so a quoted summary calls the
-- function (0.1.0 parsed this as a cast to the type and failed with
-- 'invalid input value for enum recording_verdict').  884 / 3146 = 0.281
-- is below the default threshold 0.95.
SELECT recording_verdict('(referrals=3146, recorded=884)') AS verdict;
SELECT recording_verdict('(referrals=3146, recorded=884)', 0.25) AS verdict;
SELECT pg_typeof(recording_verdict('(referrals=3146, recorded=884)')) AS type;
SELECT to_regtype('recording_verdict') IS NULL AS old_type_gone;
