/*
 * literals.c - the numeric forms of the aggregates' transition functions.
 *
 * A decimal literal such as 0.95 is of type numeric.  Each parameter that
 * users type as a literal (a target, a threshold, alpha, the stepwise
 * p-value threshold) therefore has an exact numeric form in the
 * extension's schema beside its double precision form (see
 * sql/current/90_literals.sql): a function of the same name and argument
 * types created in a schema later on the search_path is then hidden by the
 * extension's, and cannot take the call.
 *
 * The scalar functions' numeric forms are SQL functions that cast and call
 * the double precision form.  An aggregate's transition function cannot be
 * written in SQL (its state is internal), so each numeric form here
 * converts its numeric arguments to double precision and calls the double
 * precision transition function in the same call context: the same
 * aggregate state, memory context and number of arguments.
 */
#include "recording_gap.h"

#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

/* The double precision transition functions (src/funnel.c, src/trend.c,
 * src/pictures.c, src/capture_recapture.c). */
extern Datum funnel_phi_accum(PG_FUNCTION_ARGS);
extern Datum funnel_tau2_accum(PG_FUNCTION_ARGS);
extern Datum trend_accum(PG_FUNCTION_ARGS);
extern Datum funnel_plot_svg_accum(PG_FUNCTION_ARGS);
extern Datum ratio_chart_svg_accum(PG_FUNCTION_ARGS);
extern Datum mse_fit_trans_any(PG_FUNCTION_ARGS);

#define LITERAL_MAX_ARGS 6

/*
 * Call inner with fcinfo's arguments, those at the positions set in
 * numeric_args (bit i for argument i) converted from numeric to double
 * precision.  A NULL stays NULL: the inner function reports it.
 */
static Datum
call_as_float8(FunctionCallInfo fcinfo, PGFunction inner, unsigned numeric_args)
{
	LOCAL_FCINFO(in, LITERAL_MAX_ARGS);
	int			nargs = PG_NARGS();
	Datum		result;

	if (nargs > LITERAL_MAX_ARGS)
		elog(ERROR, "numeric form called with %d arguments", nargs);
	InitFunctionCallInfoData(*in, fcinfo->flinfo, nargs, fcinfo->fncollation,
							 fcinfo->context, fcinfo->resultinfo);
	for (int i = 0; i < nargs; i++)
	{
		in->args[i] = fcinfo->args[i];
		if ((numeric_args & (1u << i)) && !fcinfo->args[i].isnull)
			in->args[i].value = DirectFunctionCall1(numeric_float8, fcinfo->args[i].value);
	}
	result = inner(in);
	fcinfo->isnull = in->isnull;
	return result;
}

#define NUMERIC_FORM(name, inner, numeric_args) \
	PG_FUNCTION_INFO_V1(name); \
	Datum \
	name(PG_FUNCTION_ARGS) \
	{ \
		return call_as_float8(fcinfo, inner, numeric_args); \
	}

/* (state, s, target) */
NUMERIC_FORM(funnel_phi_accum_numeric, funnel_phi_accum, 1u << 2)
NUMERIC_FORM(funnel_tau2_accum_numeric, funnel_tau2_accum, 1u << 2)
/* (state, score, s, alpha) */
NUMERIC_FORM(trend_accum_numeric, trend_accum, 1u << 3)
/* (state, label, s, target [, title [, options]]) */
NUMERIC_FORM(funnel_plot_svg_accum_numeric, funnel_plot_svg_accum, 1u << 3)
/* (state, period, s, series, threshold) */
NUMERIC_FORM(ratio_chart_svg_accum_numeric, ratio_chart_svg_accum, 1u << 4)
/* (state, on_lists, n, model, list_names, p_threshold) */
NUMERIC_FORM(mse_fit_trans_numeric, mse_fit_trans_any, 1u << 5)
