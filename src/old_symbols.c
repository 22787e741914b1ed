/*
 * old_symbols.c - the C symbols of 0.1.0 and 0.2.0, kept for one release.
 *
 * From 0.3.0 the C function of a user-facing SQL function bears the SQL
 * function's name (an overload adds a suffix: funnel_z_tau2), so that a
 * grep of the SQL name finds its C code.  A database still on 0.1.0 or
 * 0.2.0 calls this library under the old names until ALTER EXTENSION
 * recording_gap UPDATE has run (sql/0.3.0/15_c_symbols.sql points the
 * catalog at the new names), and CREATE EXTENSION ... VERSION '0.2.0'
 * still builds an old catalog: each old name forwards to the new one.
 */
#include "recording_gap.h"

#define RG_OLD_SYMBOL(old_name, new_name) \
	extern Datum new_name(PG_FUNCTION_ARGS); \
	PG_FUNCTION_INFO_V1(old_name); \
	Datum \
	old_name(PG_FUNCTION_ARGS) \
	{ \
		return new_name(fcinfo); \
	}

RG_OLD_SYMBOL(recording_stats_referrals, referrals)
RG_OLD_SYMBOL(recording_stats_recorded, recorded)
RG_OLD_SYMBOL(recording_stats_unknown, unknown)
RG_OLD_SYMBOL(recording_stats_timely, timely)
RG_OLD_SYMBOL(recording_stats_ratio, recording_ratio)
RG_OLD_SYMBOL(recording_stats_gap, recording_gap)
RG_OLD_SYMBOL(recording_stats_confirmed_gap, confirmed_gap)
RG_OLD_SYMBOL(recording_stats_completeness, completeness)
RG_OLD_SYMBOL(recording_stats_timeliness_ratio, timeliness_ratio)
RG_OLD_SYMBOL(recording_stats_bounds_lower, ratio_bounds_lower)
RG_OLD_SYMBOL(recording_stats_bounds_upper, ratio_bounds_upper)
RG_OLD_SYMBOL(recording_stats_ci_lower, ci_lower)
RG_OLD_SYMBOL(recording_stats_ci_upper, ci_upper)
RG_OLD_SYMBOL(recording_stats_verdict, recording_verdict)
RG_OLD_SYMBOL(recording_stats_verdict_ci, recording_verdict_ci)
RG_OLD_SYMBOL(recording_stats_below_threshold, below_threshold)
RG_OLD_SYMBOL(recording_funnel_lower, funnel_lower)
RG_OLD_SYMBOL(recording_funnel_upper, funnel_upper)
RG_OLD_SYMBOL(recording_stats_funnel_position, funnel_position)
RG_OLD_SYMBOL(recording_stats_change_p_value, change_p_value)
RG_OLD_SYMBOL(recording_stats_change, recording_change)
RG_OLD_SYMBOL(recording_stats_ci_bounds_lower, ci_bounds_lower)
RG_OLD_SYMBOL(recording_stats_ci_bounds_upper, ci_bounds_upper)
RG_OLD_SYMBOL(recording_funnel_lower_phi, funnel_lower_phi)
RG_OLD_SYMBOL(recording_funnel_upper_phi, funnel_upper_phi)
RG_OLD_SYMBOL(recording_funnel_lower_tau2, funnel_lower_tau2)
RG_OLD_SYMBOL(recording_funnel_upper_tau2, funnel_upper_tau2)
RG_OLD_SYMBOL(recording_stats_funnel_position_tau2, funnel_position_tau2)
RG_OLD_SYMBOL(recording_stats_funnel_z, funnel_z)
RG_OLD_SYMBOL(recording_stats_funnel_z_tau2, funnel_z_tau2)
RG_OLD_SYMBOL(recording_stats_funnel_p_value, funnel_p_value)
RG_OLD_SYMBOL(mse_result_estimate, mse_estimate)
RG_OLD_SYMBOL(mse_result_unobserved, mse_unobserved)
RG_OLD_SYMBOL(mse_result_observed, mse_observed)
RG_OLD_SYMBOL(mse_result_lower, mse_lower)
RG_OLD_SYMBOL(mse_result_upper, mse_upper)
RG_OLD_SYMBOL(mse_result_model, mse_model)
RG_OLD_SYMBOL(mse_result_aic, mse_aic)
RG_OLD_SYMBOL(mse_result_status, mse_status)
RG_OLD_SYMBOL(recording_stats_change_lower, change_lower)
RG_OLD_SYMBOL(recording_stats_change_upper, change_upper)
RG_OLD_SYMBOL(recording_p_adjust, p_adjust)
RG_OLD_SYMBOL(recording_stats_unrecorded_estimate, unrecorded_estimate)
RG_OLD_SYMBOL(recording_stats_unrecorded_lower, unrecorded_estimate_lower)
RG_OLD_SYMBOL(recording_stats_unrecorded_upper, unrecorded_estimate_upper)
