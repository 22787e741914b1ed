-- pgTAP: the complete list of the extension's objects (the contract).
--
-- EVERY NEW OBJECT MUST BE ADDED HERE: a function, aggregate, window
-- function, type, enum label, operator, operator class or family, or cast
-- that the install or update script creates and this file does not list
-- fails below by name, and so does one listed here that the scripts do not
-- create.  20-pgtap runs this file against a fresh install and against a
-- database updated from 0.1.0, so an object the update script forgot fails
-- too.  (A new enum type also goes into enums_are and gets its own
-- enum_has_labels, and the plan grows by one.)
--
-- One array per kind, sorted (COLLATE "C"), one object per line, written
-- and reviewed by hand against the install and update scripts.
-- test/lib/objects.sql prints the current lists in this form, to help
-- review a change; never paste its output unread.
BEGIN;
CREATE EXTENSION IF NOT EXISTS recording_gap;
SET LOCAL search_path = public, tap;
SELECT plan(15);

CREATE TEMP VIEW ext_member AS
	SELECT d.classid, d.objid FROM pg_catalog.pg_depend d
	 WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.deptype = 'e'
	   AND d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'recording_gap');

-- Functions (prokind f), by signature.
SELECT set_eq($$
	SELECT p.oid::regprocedure::text FROM ext_member m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
	 WHERE p.prokind = 'f'$$,
	ARRAY[
		'below_threshold(recording_stats,double precision)',
		'below_threshold(recording_stats,numeric)',
		'change_lower(recording_stats,recording_stats,double precision)',
		'change_lower(recording_stats,recording_stats,numeric)',
		'change_p_value(recording_stats,recording_stats)',
		'change_upper(recording_stats,recording_stats,double precision)',
		'change_upper(recording_stats,recording_stats,numeric)',
		'chapman_estimate(bigint,bigint,bigint)',
		'chapman_variance(bigint,bigint,bigint)',
		'ci_bounds_lower(recording_stats,double precision,text)',
		'ci_bounds_lower(recording_stats,numeric,text)',
		'ci_bounds_upper(recording_stats,double precision,text)',
		'ci_bounds_upper(recording_stats,numeric,text)',
		'ci_lower(recording_stats,double precision,text)',
		'ci_lower(recording_stats,numeric,text)',
		'ci_upper(recording_stats,double precision,text)',
		'ci_upper(recording_stats,numeric,text)',
		'completeness(recording_stats)',
		'confirmed_gap(recording_stats)',
		'create_recording_summary(text,regclass,text[],text,text)',
		'drop_recording_summary(regclass)',
		'funnel_lower(bigint,double precision,double precision)',
		'funnel_lower(bigint,numeric,numeric)',
		'funnel_lower_phi(bigint,double precision,double precision,double precision)',
		'funnel_lower_phi(bigint,numeric,numeric,numeric)',
		'funnel_lower_tau2(bigint,double precision,double precision,double precision)',
		'funnel_lower_tau2(bigint,numeric,numeric,numeric)',
		'funnel_p_value(recording_stats,double precision)',
		'funnel_p_value(recording_stats,numeric)',
		'funnel_phi_accum(internal,recording_stats,double precision)',
		'funnel_phi_accum(internal,recording_stats,numeric)',
		'funnel_phi_combine(internal,internal)',
		'funnel_phi_deserialize(bytea,internal)',
		'funnel_phi_final(internal)',
		'funnel_phi_serialize(internal)',
		'funnel_plot_svg_accum(internal,text,recording_stats)',
		'funnel_plot_svg_accum(internal,text,recording_stats,double precision)',
		'funnel_plot_svg_accum(internal,text,recording_stats,double precision,text)',
		'funnel_plot_svg_accum(internal,text,recording_stats,double precision,text,jsonb)',
		'funnel_plot_svg_accum(internal,text,recording_stats,numeric)',
		'funnel_plot_svg_accum(internal,text,recording_stats,numeric,text)',
		'funnel_plot_svg_accum(internal,text,recording_stats,numeric,text,jsonb)',
		'funnel_plot_svg_final(internal)',
		'funnel_position(recording_stats,double precision,double precision,double precision)',
		'funnel_position(recording_stats,numeric,numeric,numeric)',
		'funnel_position_tau2(recording_stats,double precision,double precision,double precision)',
		'funnel_position_tau2(recording_stats,numeric,numeric,numeric)',
		'funnel_tau2_accum(internal,recording_stats,double precision)',
		'funnel_tau2_accum(internal,recording_stats,numeric)',
		'funnel_tau2_final(internal)',
		'funnel_upper(bigint,double precision,double precision)',
		'funnel_upper(bigint,numeric,numeric)',
		'funnel_upper_phi(bigint,double precision,double precision,double precision)',
		'funnel_upper_phi(bigint,numeric,numeric,numeric)',
		'funnel_upper_tau2(bigint,double precision,double precision,double precision)',
		'funnel_upper_tau2(bigint,numeric,numeric,numeric)',
		'funnel_z(recording_stats,double precision)',
		'funnel_z(recording_stats,double precision,double precision)',
		'funnel_z(recording_stats,numeric)',
		'funnel_z(recording_stats,numeric,numeric)',
		'make_recording_stats(bigint,bigint,bigint,bigint)',
		'make_recording_stats(integer,integer,integer,integer)',
		'make_recording_stats(numeric,numeric,numeric,numeric)',
		'make_recording_stats(smallint,smallint,smallint,smallint)',
		'mse_aic(mse_result)',
		'mse_estimate(mse_result)',
		'mse_fit_combine(internal,internal)',
		'mse_fit_deserialize(bytea,internal)',
		'mse_fit_final(internal)',
		'mse_fit_serialize(internal)',
		'mse_fit_trans(internal,boolean[],bigint)',
		'mse_fit_trans_int(internal,integer[],bigint)',
		'mse_fit_trans_int_model(internal,integer[],bigint,text)',
		'mse_fit_trans_int_named(internal,integer[],bigint,text,text[])',
		'mse_fit_trans_int_opts(internal,integer[],bigint,text,text[],double precision)',
		'mse_fit_trans_int_opts(internal,integer[],bigint,text,text[],numeric)',
		'mse_fit_trans_model(internal,boolean[],bigint,text)',
		'mse_fit_trans_named(internal,boolean[],bigint,text,text[])',
		'mse_fit_trans_opts(internal,boolean[],bigint,text,text[],double precision)',
		'mse_fit_trans_opts(internal,boolean[],bigint,text,text[],numeric)',
		'mse_lower(mse_result,double precision)',
		'mse_lower(mse_result,numeric)',
		'mse_model(mse_result)',
		'mse_observed(mse_result)',
		'mse_result_eq(mse_result,mse_result)',
		'mse_result_hash(mse_result)',
		'mse_result_in(cstring)',
		'mse_result_ne(mse_result,mse_result)',
		'mse_result_out(mse_result)',
		'mse_result_recv(internal)',
		'mse_result_send(mse_result)',
		'mse_status(mse_result)',
		'mse_unobserved(mse_result)',
		'mse_upper(mse_result,double precision)',
		'mse_upper(mse_result,numeric)',
		'ratio_bounds_lower(recording_stats)',
		'ratio_bounds_upper(recording_stats)',
		'ratio_chart_svg_accum(internal,date,recording_stats)',
		'ratio_chart_svg_accum(internal,date,recording_stats,text)',
		'ratio_chart_svg_accum(internal,date,recording_stats,text,double precision)',
		'ratio_chart_svg_accum(internal,date,recording_stats,text,numeric)',
		'ratio_chart_svg_final(internal)',
		'recorded(recording_stats)',
		'recording_change(recording_stats,recording_stats,double precision)',
		'recording_change(recording_stats,recording_stats,numeric)',
		'recording_gap(bigint,bigint)',
		'recording_gap(integer,integer)',
		'recording_gap(numeric,numeric)',
		'recording_gap(recording_stats)',
		'recording_gap(smallint,smallint)',
		'recording_ratio(bigint,bigint)',
		'recording_ratio(integer,integer)',
		'recording_ratio(numeric,numeric)',
		'recording_ratio(recording_stats)',
		'recording_ratio(smallint,smallint)',
		'recording_stats_accum(recording_stats,boolean)',
		'recording_stats_accum_inv(recording_stats,boolean)',
		'recording_stats_accum_timely(recording_stats,boolean,boolean)',
		'recording_stats_accum_timely_inv(recording_stats,boolean,boolean)',
		'recording_stats_add(recording_stats,recording_stats)',
		'recording_stats_columns(recording_stats)',
		'recording_stats_eq(recording_stats,recording_stats)',
		'recording_stats_hash(recording_stats)',
		'recording_stats_in(cstring)',
		'recording_stats_json(recording_stats)',
		'recording_stats_jsonb(recording_stats)',
		'recording_stats_merge(recording_stats,recording_stats)',
		'recording_stats_ne(recording_stats,recording_stats)',
		'recording_stats_out(recording_stats)',
		'recording_stats_recv(internal)',
		'recording_stats_send(recording_stats)',
		'recording_stats_sub(recording_stats,recording_stats)',
		'recording_stats_unmerge(recording_stats,recording_stats)',
		'recording_stats_zero()',
		'recording_summary_merge(regclass,bigint)',
		'recording_summary_parts(regclass)',
		'recording_trend_final(internal)',
		'recording_verdict(recording_stats)',
		'recording_verdict(recording_stats,double precision)',
		'recording_verdict(recording_stats,double precision,double precision,text)',
		'recording_verdict(recording_stats,numeric)',
		'recording_verdict(recording_stats,numeric,numeric,text)',
		'referrals(recording_stats)',
		'timeliness_ratio(recording_stats)',
		'timely(recording_stats)',
		'trend_accum(internal,double precision,recording_stats)',
		'trend_accum(internal,double precision,recording_stats,double precision)',
		'trend_accum(internal,double precision,recording_stats,numeric)',
		'trend_combine(internal,internal)',
		'trend_deserialize(bytea,internal)',
		'trend_p_value_final(internal)',
		'trend_serialize(internal)',
		'unknown(recording_stats)',
		'unrecorded_estimate(recording_stats,bigint)',
		'unrecorded_estimate_lower(recording_stats,bigint,double precision)',
		'unrecorded_estimate_lower(recording_stats,bigint,numeric)',
		'unrecorded_estimate_upper(recording_stats,bigint,double precision)',
		'unrecorded_estimate_upper(recording_stats,bigint,numeric)'
	]::text[],
	'the extension has exactly these functions');

-- Aggregates, by signature.
SELECT set_eq($$
	SELECT p.oid::regprocedure::text FROM ext_member m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
	 WHERE p.prokind = 'a'$$,
	ARRAY[
		'funnel_phi(recording_stats,double precision)',
		'funnel_phi(recording_stats,numeric)',
		'funnel_plot_svg(text,recording_stats)',
		'funnel_plot_svg(text,recording_stats,double precision)',
		'funnel_plot_svg(text,recording_stats,double precision,text)',
		'funnel_plot_svg(text,recording_stats,double precision,text,jsonb)',
		'funnel_plot_svg(text,recording_stats,numeric)',
		'funnel_plot_svg(text,recording_stats,numeric,text)',
		'funnel_plot_svg(text,recording_stats,numeric,text,jsonb)',
		'funnel_tau2(recording_stats,double precision)',
		'funnel_tau2(recording_stats,numeric)',
		'mse_fit(boolean[],bigint)',
		'mse_fit(boolean[],bigint,text)',
		'mse_fit(boolean[],bigint,text,text[])',
		'mse_fit(boolean[],bigint,text,text[],double precision)',
		'mse_fit(boolean[],bigint,text,text[],numeric)',
		'mse_fit(integer[],bigint)',
		'mse_fit(integer[],bigint,text)',
		'mse_fit(integer[],bigint,text,text[])',
		'mse_fit(integer[],bigint,text,text[],double precision)',
		'mse_fit(integer[],bigint,text,text[],numeric)',
		'ratio_chart_svg(date,recording_stats)',
		'ratio_chart_svg(date,recording_stats,text)',
		'ratio_chart_svg(date,recording_stats,text,double precision)',
		'ratio_chart_svg(date,recording_stats,text,numeric)',
		'recording_stats(boolean)',
		'recording_stats(boolean,boolean)',
		'recording_trend(double precision,recording_stats)',
		'recording_trend(double precision,recording_stats,double precision)',
		'recording_trend(double precision,recording_stats,numeric)',
		'rollup(recording_stats)',
		'trend_p_value(double precision,recording_stats)'
	]::text[],
	'the extension has exactly these aggregates');

-- Window functions, by signature.
SELECT set_eq($$
	SELECT p.oid::regprocedure::text FROM ext_member m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
	 WHERE p.prokind = 'w'$$,
	ARRAY[
		'p_adjust(double precision,text)'
	]::text[],
	'the extension has exactly these window functions');

-- Procedures, by signature.
SELECT set_eq($$
	SELECT p.oid::regprocedure::text FROM ext_member m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
	 WHERE p.prokind = 'p'$$,
	ARRAY[]::text[],
	'the extension has exactly these procedures');

-- Types (base types and enums).  From PostgreSQL 17 the implicit array
-- type of each is an extension member too: those are checked apart, below.
SELECT set_eq($$
	SELECT format_type(t.oid, NULL) FROM ext_member m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
	 WHERE NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid)$$,
	ARRAY[
		'funnel_position',
		'mse_result',
		'recording_change',
		'recording_stats',
		'threshold_verdict',
		'trend_direction'
	]::text[],
	'the extension has exactly these types');

-- Implicit array types: members with their element type from PostgreSQL 17
-- (release notes of 17), never before; no other array type is a member.
SELECT set_eq($$
	SELECT format_type(t.oid, NULL) FROM ext_member m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
	 WHERE EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid)$$,
	$$
	SELECT format_type(t.typarray, NULL) FROM ext_member m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
	 WHERE t.typarray <> 0 AND current_setting('server_version_num')::int >= 170000$$,
	'the implicit array types are members exactly from PostgreSQL 17');

SELECT enums_are('public', ARRAY['funnel_position', 'recording_change', 'threshold_verdict', 'trend_direction'],
	'the enum types in schema public are exactly these');


-- Enum labels, in their sort order (0.2.0 renames recording_verdict to
-- threshold_verdict and adds 'undetermined' to funnel_position and
-- recording_change).
SELECT enum_has_labels('public', 'funnel_position', ARRAY['low', 'within', 'high', 'undetermined'],
	'funnel_position has its labels in order');
SELECT enum_has_labels('public', 'recording_change', ARRAY['improved', 'worsened', 'no_change', 'no_data', 'undetermined'],
	'recording_change has its labels in order');
SELECT enum_has_labels('public', 'threshold_verdict', ARRAY['no_referrals', 'below', 'undetermined', 'meets'],
	'threshold_verdict has its labels in order');
SELECT enum_has_labels('public', 'trend_direction', ARRAY['improving', 'worsening', 'no_trend', 'no_data', 'undetermined'],
	'trend_direction has its labels in order');

-- Operators, by signature.
SELECT set_eq($$
	SELECT o.oid::regoperator::text FROM ext_member m JOIN pg_operator o ON m.classid = 'pg_operator'::regclass AND o.oid = m.objid$$,
	ARRAY[
		'+(recording_stats,recording_stats)',
		'-(recording_stats,recording_stats)',
		'<>(mse_result,mse_result)',
		'<>(recording_stats,recording_stats)',
		'=(mse_result,mse_result)',
		'=(recording_stats,recording_stats)'
	]::text[],
	'the extension has exactly these operators');

-- Operator classes and families.
SELECT set_eq($$
	SELECT c.opcname || ' USING ' || am.amname FROM ext_member m
	  JOIN pg_opclass c ON m.classid = 'pg_opclass'::regclass AND c.oid = m.objid JOIN pg_am am ON am.oid = c.opcmethod
	UNION ALL
	SELECT 'FAMILY ' || f.opfname || ' USING ' || am.amname FROM ext_member m
	  JOIN pg_opfamily f ON m.classid = 'pg_opfamily'::regclass AND f.oid = m.objid JOIN pg_am am ON am.oid = f.opfmethod$$,
	ARRAY[
		'FAMILY mse_result_hash_ops USING hash',
		'FAMILY recording_stats_hash_ops USING hash',
		'mse_result_hash_ops USING hash',
		'recording_stats_hash_ops USING hash'
	]::text[],
	'the extension has exactly these operator classes and families');

-- Casts.
SELECT set_eq($$
	SELECT format_type(c.castsource, NULL) || ' AS ' || format_type(c.casttarget, NULL) FROM ext_member m
	  JOIN pg_cast c ON m.classid = 'pg_cast'::regclass AND c.oid = m.objid$$,
	ARRAY[
		'recording_stats AS json',
		'recording_stats AS jsonb'
	]::text[],
	'the extension has exactly these casts');

-- Nothing of another kind.
SELECT is_empty($$
	SELECT pg_describe_object(m.classid, m.objid, 0) FROM ext_member m
	 WHERE m.classid NOT IN ('pg_proc'::regclass, 'pg_type'::regclass, 'pg_operator'::regclass,
	                         'pg_opclass'::regclass, 'pg_opfamily'::regclass, 'pg_cast'::regclass)$$,
	'every object of the extension is of a kind listed in this file');

SELECT * FROM finish();
ROLLBACK;
