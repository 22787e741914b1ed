-- Run on every shard, in the database the coordinator's foreign servers
-- name (here: nrm).  The shard holds plain rows; it needs the extension so
-- that it can run the aggregates the coordinator sends it.
CREATE EXTENSION recording_gap;

CREATE TABLE referral (
    id          bigint  PRIMARY KEY,
    force       text    NOT NULL,   -- police force: the partition key
    referred_on date    NOT NULL,
    recorded    boolean,            -- NULL: linkage to a crime record unknown
    timely      boolean,            -- recorded within the deadline
    -- Calendar month, stored: GROUP BY date_trunc('month', ...) is not
    -- shipped to the shard, GROUP BY a column is.
    referred_month date GENERATED ALWAYS AS
        (date_trunc('month', referred_on::timestamp)::date) STORED
);

-- Stored summaries (e.g. a published monthly table), written and read
-- through the coordinator.
CREATE TABLE force_summary (
    force   text    NOT NULL,
    period  date    NOT NULL,
    s       recording_stats NOT NULL,
    PRIMARY KEY (force, period)
);
