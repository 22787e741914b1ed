
-- Flags and booleans over every resolution of the unknowns.  The C
-- functions changed in place (same symbols and signatures); only what they
-- promise changes:
--  * below_threshold is NULL, no longer false, when the verdict is
--    undetermined;
--  * recording_trend looks at every resolution of the unknowns, not at two.

COMMENT ON FUNCTION @extschema@.below_threshold(@extschema@.recording_stats, double precision) IS
	'True when recording_verdict(s, threshold) is below, false when it meets; NULL when undetermined (the unknown outcomes decide) or when there are no referrals';
COMMENT ON FUNCTION @extschema@.recording_trend_final(internal) IS
	'Final function of recording_trend: the direction of the trend when every resolution of the unknowns agrees, undetermined otherwise';
