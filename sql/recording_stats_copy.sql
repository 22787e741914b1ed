-- Binary form: send/recv, a binary COPY round trip, and hostile binary input.

-- The binary form is four big-endian int64 in the order referrals, recorded,
-- unknown, timely: (10, 4, 3, 2) is 0x0a, 0x04, 0x03, 0x02 in 8-byte words.
SELECT recording_stats_send(make_recording_stats(10, 4, 3, 2));

CREATE TABLE copy_src (id int, s recording_stats);
INSERT INTO copy_src VALUES
	(1, make_recording_stats(3146, 884)),
	(2, make_recording_stats(10, 4, 3, 2)),
	(3, make_recording_stats(0, 0)),
	(4, make_recording_stats(9223372036854775807, 9223372036854775806, 1, 9223372036854775806)),
	(5, NULL);
COPY copy_src TO '/tmp/recording_gap_regress_copy.bin' WITH (FORMAT binary);
CREATE TABLE copy_dst (LIKE copy_src);
COPY copy_dst FROM '/tmp/recording_gap_regress_copy.bin' WITH (FORMAT binary);
SELECT id, s FROM copy_dst ORDER BY id;
SELECT count(*) AS rows, count(*) FILTER (WHERE a.s = b.s OR (a.s IS NULL AND b.s IS NULL)) AS identical
  FROM copy_src a JOIN copy_dst b USING (id);

-- Hand-made binary values: a bytea column's binary COPY carries raw bytes,
-- which are then read back as recording_stats, so recv sees exactly them.
CREATE TABLE raw_bytes (b bytea);
CREATE TABLE hostile (s recording_stats);
-- valid: (10, 4, 3, 2)
INSERT INTO raw_bytes VALUES (decode('000000000000000a000000000000000400000000000000030000000000000002', 'hex'));
COPY raw_bytes TO '/tmp/recording_gap_regress_raw.bin' WITH (FORMAT binary);
COPY hostile FROM '/tmp/recording_gap_regress_raw.bin' WITH (FORMAT binary);
SELECT s FROM hostile;
-- referrals = -1
TRUNCATE raw_bytes;
INSERT INTO raw_bytes VALUES (decode('ffffffffffffffff000000000000000000000000000000000000000000000000', 'hex'));
COPY raw_bytes TO '/tmp/recording_gap_regress_raw.bin' WITH (FORMAT binary);
COPY hostile FROM '/tmp/recording_gap_regress_raw.bin' WITH (FORMAT binary);
-- recorded 6 > referrals 5
TRUNCATE raw_bytes;
INSERT INTO raw_bytes VALUES (decode('0000000000000005000000000000000600000000000000000000000000000000', 'hex'));
COPY raw_bytes TO '/tmp/recording_gap_regress_raw.bin' WITH (FORMAT binary);
COPY hostile FROM '/tmp/recording_gap_regress_raw.bin' WITH (FORMAT binary);
-- recorded + unknown overflows int64 and exceeds referrals
TRUNCATE raw_bytes;
INSERT INTO raw_bytes VALUES (decode('7fffffffffffffff7fffffffffffffff7fffffffffffffff0000000000000000', 'hex'));
COPY raw_bytes TO '/tmp/recording_gap_regress_raw.bin' WITH (FORMAT binary);
COPY hostile FROM '/tmp/recording_gap_regress_raw.bin' WITH (FORMAT binary);
-- timely 3 > recorded 2
TRUNCATE raw_bytes;
INSERT INTO raw_bytes VALUES (decode('0000000000000005000000000000000200000000000000000000000000000003', 'hex'));
COPY raw_bytes TO '/tmp/recording_gap_regress_raw.bin' WITH (FORMAT binary);
COPY hostile FROM '/tmp/recording_gap_regress_raw.bin' WITH (FORMAT binary);
-- 31 bytes, and 33 bytes
TRUNCATE raw_bytes;
INSERT INTO raw_bytes VALUES (decode(repeat('00', 31), 'hex'));
COPY raw_bytes TO '/tmp/recording_gap_regress_raw.bin' WITH (FORMAT binary);
COPY hostile FROM '/tmp/recording_gap_regress_raw.bin' WITH (FORMAT binary);
TRUNCATE raw_bytes;
INSERT INTO raw_bytes VALUES (decode(repeat('00', 33), 'hex'));
COPY raw_bytes TO '/tmp/recording_gap_regress_raw.bin' WITH (FORMAT binary);
COPY hostile FROM '/tmp/recording_gap_regress_raw.bin' WITH (FORMAT binary);
-- only the valid value got in
SELECT s FROM hostile;

-- Text COPY round trip.
COPY copy_src TO '/tmp/recording_gap_regress_copy.txt';
TRUNCATE copy_dst;
COPY copy_dst FROM '/tmp/recording_gap_regress_copy.txt';
SELECT count(*) AS rows, count(*) FILTER (WHERE a.s = b.s OR (a.s IS NULL AND b.s IS NULL)) AS identical
  FROM copy_src a JOIN copy_dst b USING (id);
DROP TABLE copy_src, copy_dst, raw_bytes, hostile;
