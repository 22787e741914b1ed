-- On the coordinator: the version of recording_gap on every node.  All
-- rows must show the same version; a shard without the extension shows
-- NULL.
SELECT node, v.extversion,
       v.extversion IS NOT DISTINCT FROM c.extversion AS same_as_coordinator
FROM (SELECT extversion FROM pg_extension WHERE extname = 'recording_gap') AS c,
     LATERAL (VALUES
        ('coordinator', c.extversion),
        ('shard1', (SELECT extversion FROM shard1_extension WHERE extname = 'recording_gap')),
        ('shard2', (SELECT extversion FROM shard2_extension WHERE extname = 'recording_gap'))
     ) AS v(node, extversion)
ORDER BY node;
