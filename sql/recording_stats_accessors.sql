-- Accessors and the scalar shortcuts, on hand-computed figures.

-- England and Wales 2015-16: 884 recorded crimes from 3,146 referrals.
-- 884 / 3146 = 0.28099173553719..., gap 3146 - 884 = 2262.
SELECT recording_ratio(s), round(recording_ratio(s)::numeric, 3) AS ratio_3dp,
       recording_gap(s), confirmed_gap(s), completeness(s)
  FROM (SELECT make_recording_stats(3146, 884) s) x;
SELECT recording_ratio(3146, 884), recording_gap(3146, 884);

-- (10 referrals, 4 recorded, 3 unknown, 2 timely):
-- ratio 4/10, gap 6, confirmed gap 3, completeness 7/10, timeliness 2/4,
-- bounds 4/10 and 7/10.
SELECT referrals(s), recorded(s), unknown(s), timely(s), recording_ratio(s), recording_gap(s),
       confirmed_gap(s), completeness(s), timeliness_ratio(s),
       ratio_bounds_lower(s), ratio_bounds_upper(s)
  FROM (SELECT make_recording_stats(10, 4, 3, 2) s) x;

-- No referrals: ratios are NULL, counts and gaps are 0.
SELECT referrals(s), recording_ratio(s) IS NULL AS ratio_null, recording_gap(s), confirmed_gap(s),
       completeness(s) IS NULL AS completeness_null, timeliness_ratio(s) IS NULL AS timeliness_null,
       ratio_bounds_lower(s) IS NULL AS lower_null, ratio_bounds_upper(s) IS NULL AS upper_null
  FROM (SELECT make_recording_stats(0, 0) s) x;
-- Referrals but nothing recorded: timeliness is NULL, not 0.
SELECT recording_ratio(s), timeliness_ratio(s) IS NULL AS timeliness_null, ratio_bounds_upper(s)
  FROM (SELECT make_recording_stats(4, 0, 1) s) x;
-- Everything unknown: the bounds span [0, 1].
SELECT completeness(s), ratio_bounds_lower(s), ratio_bounds_upper(s)
  FROM (SELECT make_recording_stats(8, 0, 8) s) x;
-- Largest counts: no overflow in the gaps or the upper bound.
SELECT recording_gap(s), confirmed_gap(s), ratio_bounds_upper(s)
  FROM (SELECT make_recording_stats(9223372036854775807, 1, 9223372036854775806) s) x;
-- NULL in, NULL out.
SELECT recording_ratio(NULL::recording_stats) IS NULL AS null_in_null_out;

-- The scalar shortcuts take referrals first and check their input.
SELECT recording_ratio(0, 0) IS NULL AS zero_referrals_null, recording_gap(0, 0);
SELECT recording_ratio(5, 5), recording_gap(5, 5);
SELECT recording_ratio(-1, 0);
SELECT recording_ratio(5, -1);
SELECT recording_ratio(884, 3146);
SELECT recording_gap(884, 3146);
SELECT recording_gap(-9223372036854775808, 0);
