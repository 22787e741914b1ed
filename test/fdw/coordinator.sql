-- Run on the coordinator, in database nrm.  psql variables name the shards:
--   psql -d nrm -v shard1_host=... -v shard1_port=... \
--               -v shard2_host=... -v shard2_port=... -v shard_user=... \
--               -f coordinator.sql
-- The extension must be installed here too, at the same version as on
-- every shard: postgres_fdw only ships the extension's functions,
-- aggregates and operators to servers whose "extensions" option names it.
CREATE EXTENSION recording_gap;
CREATE EXTENSION postgres_fdw;

CREATE SERVER shard1 FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host :'shard1_host', port :'shard1_port', dbname 'nrm',
             extensions 'recording_gap',  -- ship recording_stats(), rollup(), ...
             fetch_size '10000',          -- rows per round trip when rows do cross
             batch_size '1000',           -- rows per INSERT sent to the shard
             async_capable 'true');       -- scan the shards at the same time
CREATE SERVER shard2 FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host :'shard2_host', port :'shard2_port', dbname 'nrm',
             extensions 'recording_gap',
             fetch_size '10000',
             batch_size '1000',
             async_capable 'true');

CREATE USER MAPPING FOR CURRENT_USER SERVER shard1 OPTIONS (user :'shard_user');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard2 OPTIONS (user :'shard_user');

-- The coordinator's table holds no rows: each partition is a foreign
-- table on one shard.  Partition by force, the unit every report groups by.
CREATE TABLE referral (
    id          bigint  NOT NULL,
    force       text    NOT NULL,
    referred_on date    NOT NULL,
    recorded    boolean,
    timely      boolean,
    referred_month date GENERATED ALWAYS AS
        (date_trunc('month', referred_on::timestamp)::date) STORED
) PARTITION BY LIST (force);

CREATE FOREIGN TABLE referral_shard1 PARTITION OF referral
    FOR VALUES IN ('Metropolitan Police', 'Kent', 'Essex', 'Thames Valley',
                   'Hampshire', 'Sussex', 'Surrey')
    SERVER shard1 OPTIONS (table_name 'referral');
CREATE FOREIGN TABLE referral_shard2 PARTITION OF referral
    FOR VALUES IN ('West Midlands', 'Greater Manchester', 'West Yorkshire',
                   'Merseyside', 'Lancashire', 'South Wales', 'Northumbria')
    SERVER shard2 OPTIONS (table_name 'referral');

-- Without this the planner aggregates on the coordinator, so every row
-- crosses the wire.
ALTER DATABASE nrm SET enable_partitionwise_aggregate = on;

-- Stored summaries, partitioned the same way.
CREATE TABLE force_summary (
    force   text    NOT NULL,
    period  date    NOT NULL,
    s       recording_stats NOT NULL
) PARTITION BY LIST (force);

CREATE FOREIGN TABLE force_summary_shard1 PARTITION OF force_summary
    FOR VALUES IN ('Metropolitan Police', 'Kent', 'Essex', 'Thames Valley',
                   'Hampshire', 'Sussex', 'Surrey')
    SERVER shard1 OPTIONS (table_name 'force_summary');
CREATE FOREIGN TABLE force_summary_shard2 PARTITION OF force_summary
    FOR VALUES IN ('West Midlands', 'Greater Manchester', 'West Yorkshire',
                   'Merseyside', 'Lancashire', 'South Wales', 'Northumbria')
    SERVER shard2 OPTIONS (table_name 'force_summary');

-- Each shard's catalogue of extensions, to check that every node runs the
-- same version of recording_gap (see versions.sql).
CREATE FOREIGN TABLE shard1_extension (extname name, extversion text)
    SERVER shard1 OPTIONS (schema_name 'pg_catalog', table_name 'pg_extension');
CREATE FOREIGN TABLE shard2_extension (extname name, extversion text)
    SERVER shard2 OPTIONS (schema_name 'pg_catalog', table_name 'pg_extension');
