
-- ---------------------------------------------------------------------
-- Pictures: funnel plots and ratio charts as SVG documents
-- (src/pictures.c over src/core/svg.c, funnel_plot.c, ratio_chart.c)
--
-- Aggregates cannot have default arguments, so each optional argument
-- gives one more aggregate.  They have no combine function: the rows are
-- gathered in one process (a parallel plan runs them in the leader).
-- ---------------------------------------------------------------------

CREATE FUNCTION @extschema@.funnel_plot_svg_accum(internal, text, @extschema@.recording_stats)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'funnel_plot_svg_accum'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_plot_svg_accum(internal, text, @extschema@.recording_stats,
												  double precision)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'funnel_plot_svg_accum'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_plot_svg_accum(internal, text, @extschema@.recording_stats,
												  double precision, text)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'funnel_plot_svg_accum'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_plot_svg_accum(internal, text, @extschema@.recording_stats,
												  double precision, text, jsonb)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'funnel_plot_svg_accum'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_plot_svg_final(internal)
	RETURNS text
	AS 'MODULE_PATHNAME', 'funnel_plot_svg_final'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_plot_svg_accum(internal, text, @extschema@.recording_stats) IS
	'Transition function of funnel_plot_svg: keeps the label and summary of each row';
COMMENT ON FUNCTION @extschema@.funnel_plot_svg_accum(internal, text, @extschema@.recording_stats, double precision) IS
	'Transition function of funnel_plot_svg: keeps the label and summary of each row';
COMMENT ON FUNCTION @extschema@.funnel_plot_svg_accum(internal, text, @extschema@.recording_stats, double precision, text) IS
	'Transition function of funnel_plot_svg: keeps the label and summary of each row';
COMMENT ON FUNCTION @extschema@.funnel_plot_svg_accum(internal, text, @extschema@.recording_stats, double precision, text, jsonb) IS
	'Transition function of funnel_plot_svg: keeps the label and summary of each row';
COMMENT ON FUNCTION @extschema@.funnel_plot_svg_final(internal) IS
	'Final function of funnel_plot_svg: lays out and writes the SVG document';

CREATE AGGREGATE @extschema@.funnel_plot_svg(label text, s @extschema@.recording_stats) (
	SFUNC = @extschema@.funnel_plot_svg_accum,
	STYPE = internal,
	FINALFUNC = @extschema@.funnel_plot_svg_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.funnel_plot_svg(label text, s @extschema@.recording_stats,
											 target double precision) (
	SFUNC = @extschema@.funnel_plot_svg_accum,
	STYPE = internal,
	FINALFUNC = @extschema@.funnel_plot_svg_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.funnel_plot_svg(label text, s @extschema@.recording_stats,
											 target double precision, title text) (
	SFUNC = @extschema@.funnel_plot_svg_accum,
	STYPE = internal,
	FINALFUNC = @extschema@.funnel_plot_svg_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.funnel_plot_svg(label text, s @extschema@.recording_stats,
											 target double precision, title text,
											 options jsonb) (
	SFUNC = @extschema@.funnel_plot_svg_accum,
	STYPE = internal,
	FINALFUNC = @extschema@.funnel_plot_svg_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.funnel_plot_svg(text, @extschema@.recording_stats) IS
	'Funnel plot (SVG) of the rows around their pooled ratio (units with unknowns left out of the pool), with 95% and 99.8% exact binomial limits';
COMMENT ON AGGREGATE @extschema@.funnel_plot_svg(text, @extschema@.recording_stats, double precision) IS
	'Funnel plot (SVG) of the rows around a target (NULL: the pooled ratio of the units without unknowns), with 95% and 99.8% exact binomial limits';
COMMENT ON AGGREGATE @extschema@.funnel_plot_svg(text, @extschema@.recording_stats, double precision, text) IS
	'Funnel plot (SVG) of the rows around a target (NULL: pooled), with 95% and 99.8% exact binomial limits and a title';
COMMENT ON AGGREGATE @extschema@.funnel_plot_svg(text, @extschema@.recording_stats, double precision, text, jsonb) IS
	'Funnel plot (SVG) with options phi (limits widened by sqrt(phi)), levels, width and height (doc/pictures.md)';

CREATE FUNCTION @extschema@.ratio_chart_svg_accum(internal, date, @extschema@.recording_stats)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'ratio_chart_svg_accum'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ratio_chart_svg_accum(internal, date, @extschema@.recording_stats, text)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'ratio_chart_svg_accum'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ratio_chart_svg_accum(internal, date, @extschema@.recording_stats, text,
												  double precision)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'ratio_chart_svg_accum'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ratio_chart_svg_final(internal)
	RETURNS text
	AS 'MODULE_PATHNAME', 'ratio_chart_svg_final'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ratio_chart_svg_accum(internal, date, @extschema@.recording_stats) IS
	'Transition function of ratio_chart_svg: keeps the period and summary of each row';
COMMENT ON FUNCTION @extschema@.ratio_chart_svg_accum(internal, date, @extschema@.recording_stats, text) IS
	'Transition function of ratio_chart_svg: keeps the period, summary and series of each row';
COMMENT ON FUNCTION @extschema@.ratio_chart_svg_accum(internal, date, @extschema@.recording_stats, text, double precision) IS
	'Transition function of ratio_chart_svg: keeps the period, summary and series of each row';
COMMENT ON FUNCTION @extschema@.ratio_chart_svg_final(internal) IS
	'Final function of ratio_chart_svg: adds rows of the same series and period, lays out and writes the SVG document';

CREATE AGGREGATE @extschema@.ratio_chart_svg(period date, s @extschema@.recording_stats) (
	SFUNC = @extschema@.ratio_chart_svg_accum,
	STYPE = internal,
	FINALFUNC = @extschema@.ratio_chart_svg_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.ratio_chart_svg(period date, s @extschema@.recording_stats,
											 series text) (
	SFUNC = @extschema@.ratio_chart_svg_accum,
	STYPE = internal,
	FINALFUNC = @extschema@.ratio_chart_svg_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.ratio_chart_svg(period date, s @extschema@.recording_stats,
											 series text, threshold double precision) (
	SFUNC = @extschema@.ratio_chart_svg_accum,
	STYPE = internal,
	FINALFUNC = @extschema@.ratio_chart_svg_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ratio_chart_svg(date, @extschema@.recording_stats) IS
	'Line chart (SVG) of recorded / referrals per period with its 95% Wilson interval as a band';
COMMENT ON AGGREGATE @extschema@.ratio_chart_svg(date, @extschema@.recording_stats, text) IS
	'Line chart (SVG) of recorded / referrals per period and series (at most 8), with 95% Wilson interval bands';
COMMENT ON AGGREGATE @extschema@.ratio_chart_svg(date, @extschema@.recording_stats, text, double precision) IS
	'Line chart (SVG) of recorded / referrals per period and series (at most 8), with 95% Wilson interval bands and a threshold line';
