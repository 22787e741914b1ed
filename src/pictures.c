/*
 * pictures.c - fmgr adapters of the SVG pictures: the aggregates
 * funnel_plot_svg and ratio_chart_svg gather their rows into arrays and
 * hand them to src/core/funnel_plot.c and src/core/ratio_chart.c, which lay
 * out and write the document.
 */
#include "recording_gap.h"

#include "mb/pg_wchar.h"

#include "core/binomial.h"
#include "core/funnel_plot.h"
#include "core/ratio_chart.h"
#include "core/svg.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/float.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

PG_FUNCTION_INFO_V1(funnel_plot_svg_accum);
PG_FUNCTION_INFO_V1(funnel_plot_svg_final);
PG_FUNCTION_INFO_V1(ratio_chart_svg_accum);
PG_FUNCTION_INFO_V1(ratio_chart_svg_final);

/* ---- shared ---- */

static void *
svg_realloc(void *ptr, size_t size, void *arg)
{
	(void) arg;
	if (ptr == NULL)
		return palloc_extended(size, MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM);
	return repalloc_huge(ptr, size);
}

/* Untrusted text as UTF-8 (the core escapes it), copied into cxt. */
static char *
text_utf8(MemoryContext cxt, text *t, size_t *len)
{
	int			n = VARSIZE_ANY_EXHDR(t);
	char	   *conv = pg_server_to_any(VARDATA_ANY(t), n, PG_UTF8);
	char	   *copy;

	if (conv != VARDATA_ANY(t))
		n = strlen(conv);
	copy = MemoryContextAlloc(cxt, n + 1);
	memcpy(copy, conv, n);
	copy[n] = '\0';
	if (conv != VARDATA_ANY(t))
		pfree(conv);
	*len = (size_t) n;
	return copy;
}

/* Raw bytes of a text argument, copied into cxt, for comparing later rows. */
static char *
text_raw(MemoryContext cxt, text *t, size_t *len)
{
	size_t		n = VARSIZE_ANY_EXHDR(t);
	char	   *copy = MemoryContextAlloc(cxt, n + 1);

	memcpy(copy, VARDATA_ANY(t), n);
	copy[n] = '\0';
	*len = n;
	return copy;
}

static void
null_summary(const char *fn)
{
	ereport(ERROR,
			(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
			 errmsg("%s cannot draw a NULL summary", fn),
			 errhint("Leave such rows out with WHERE s IS NOT NULL.")));
}

static void
check_drawable(const RecordingStats *s, const char *fn)
{
	rg_check_counts(s);
	if (s->referrals > RG_STAT_MAX_COUNT)
	{
		RgErrArgs	a = {RG_A_FN | RG_A_N};

		a.fn = fn;
		a.n = s->referrals;
		rg_error(RG_DOM_SVG, RG_SVG_BAD_COUNTS, &a);
	}
}

/* The document, or the ERROR of a failed status (src/errors.c). */
static text *
svg_result(RgSvgStatus st, RgSvg *svg, const char *fn, const char *bad_option, size_t nseries)
{
	RgErrArgs	a = {RG_A_FN};

	if (st == RG_SVG_OK)
		return cstring_to_text_with_len(svg->buf, (int) svg->len);
	a.fn = fn;
	if (bad_option)
	{
		a.have |= RG_A_OPTION;
		a.option = bad_option;
	}
	if (st == RG_SVG_TOO_MANY_SERIES)
	{
		a.have |= RG_A_NSERIES;
		a.nseries = nseries;
	}
	rg_error(RG_DOM_SVG, (int) st, &a);
	return NULL;
}

/* ---- funnel_plot_svg ---- */

typedef struct FunnelState
{
	RgFunnelUnit *units;
	size_t		count;
	size_t		cap;
	int			nargs;			/* of the first row */
	bool		compare;		/* later rows must be compared with the first */
	bool		has_target;
	double		target;
	bool		has_title;
	char	   *title;			/* UTF-8, for the core */
	size_t		title_len;
	char	   *title_raw;		/* as given, for comparing later rows */
	size_t		title_raw_len;
	Jsonb	   *options;		/* copy, or NULL */
	RgFunnelOptions opts;
} FunnelState;

/* What a JSON value is, for a message: "a string", "an array", ... */
static const char *
jsonb_kind(const JsonbValue *v)
{
	switch (v->type)
	{
		case jbvNull:
			return "null";
		case jbvString:
			return "a string";
		case jbvNumeric:
			return "a number";
		case jbvBool:
			return "a boolean";
		case jbvBinary:
			return JsonContainerIsArray(v->val.binary.data) ? "an array" : "an object";
		default:
			return "not a number";
	}
}

/*
 * A numeric option as double precision.  what names it in messages:
 * "option \"phi\"" or "element 2 of option \"levels\"".  A number beyond
 * double precision is refused naming the option, never quoted in full.
 */
static double
jsonb_number(JsonbValue *v, const char *key, const char *what)
{
	char	   *str;
	char	   *end;
	double		d;

	if (v->type != jbvNumeric)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s of funnel_plot_svg must be a number", what),
				 errdetail("It is %s.", jsonb_kind(v)),
				 errhint("%s", rg_picture_option_hint(key))));
	str = DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(v->val.numeric)));
	errno = 0;
	d = strtod(str, &end);
	if (*end != '\0' || (errno == ERANGE && isinf(d)))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s of funnel_plot_svg is out of range", what),
				 errdetail("The number has %zu characters; it is beyond the range of double precision.", strlen(str)),
				 errhint("%s", rg_picture_option_hint(key))));
	pfree(str);
	return d;
}

/* A size in pixels: a whole number from lo to hi. */
static int
jsonb_int(JsonbValue *v, const char *key, int lo, int hi)
{
	char		what[64];
	double		d;

	snprintf(what, sizeof(what), "option \"%s\"", key);
	d = jsonb_number(v, key, what);
	if (!(d >= lo && d <= hi) || d != floor(d))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("option \"%s\" of funnel_plot_svg must be a whole number of pixels from %d to %d",
						key, lo, hi),
				 errdetail("The %s is %s.", key, float8out_internal(d)),
				 errhint("%s", rg_picture_option_hint(key))));
	return (int) d;
}

static void
funnel_parse_options(Jsonb *jb, RgFunnelOptions *o)
{
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;

	if (!JB_ROOT_IS_OBJECT(jb) || JB_ROOT_IS_SCALAR(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("options of funnel_plot_svg must be a json object"),
				 errhint("For example '{\"phi\": 1.8, \"levels\": [0.95, 0.998]}'.")));
	it = JsonbIteratorInit(&jb->root);
	tok = JsonbIteratorNext(&it, &v, true);		/* WJB_BEGIN_OBJECT */
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		char	   *key;

		if (tok != WJB_KEY)
			continue;
		key = pnstrdup(v.val.string.val, v.val.string.len);
		tok = JsonbIteratorNext(&it, &v, true);
		if (strcmp(key, "phi") == 0)
			o->phi = jsonb_number(&v, key, "option \"phi\"");
		else if (strcmp(key, "tau2") == 0)
			o->tau2 = jsonb_number(&v, key, "option \"tau2\"");
		else if (strcmp(key, "width") == 0)
			o->width = jsonb_int(&v, key, 300, 4000);
		else if (strcmp(key, "height") == 0)
			o->height = jsonb_int(&v, key, 200, 4000);
		else if (strcmp(key, "levels") == 0)
		{
			JsonbIterator *ai;
			JsonbValue	e;
			int			n = 0;

			if (v.type != jbvBinary || !JsonContainerIsArray(v.val.binary.data))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("option \"levels\" of funnel_plot_svg must be an array of numbers"),
						 errhint("For example [0.95, 0.998].")));
			ai = JsonbIteratorInit(v.val.binary.data);
			while ((tok = JsonbIteratorNext(&ai, &e, true)) != WJB_DONE)
			{
				if (tok != WJB_ELEM)
					continue;
				if (n == RG_FUNNEL_MAX_LEVELS)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("funnel_plot_svg draws at most %d levels", RG_FUNNEL_MAX_LEVELS),
							 errhint("For example [0.95, 0.998].")));
				{
					char		what[64];

					snprintf(what, sizeof(what), "element %d of option \"levels\"", n + 1);
					o->levels[n] = jsonb_number(&e, "levels", what);
				}
				for (int j = 0; j < n; j++)
					if (o->levels[j] == o->levels[n])
						ereport(ERROR,
								(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
								 errmsg("option \"levels\" of funnel_plot_svg must not repeat a level"),
								 errdetail("Elements %d and %d are both %s.", j + 1, n + 1,
										   float8out_internal(o->levels[n])),
								 errhint("%s", rg_picture_option_hint("levels"))));
				n++;
			}
			if (n == 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("option \"levels\" of funnel_plot_svg must not be empty"),
						 errhint("For example [0.95, 0.998].")));
			o->nlevels = n;
		}
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown option \"%s\" of funnel_plot_svg", key),
					 errhint("The options are phi, tau2, width, height and levels.")));
		pfree(key);
	}
	if (o->phi > 1.0 && o->tau2 > 0.0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("options \"phi\" and \"tau2\" of funnel_plot_svg cannot be combined"),
				 errdetail("phi %s widens the limits by a factor; tau2 %s adds a variance.",
						   float8out_internal(o->phi), float8out_internal(o->tau2)),
				 errhint("Give one of them, as FunnelPlotR does.")));
}

static void
funnel_check_options(const RgFunnelOptions *o)
{
	RgFunnelOptions t = *o;
	RgSvg		probe;
	const char *bad = NULL;
	RgSvgStatus st;

	/* the core checks the options before it looks at the (zero) units */
	rg_svg_init(&probe, 0, svg_realloc, NULL);
	st = rg_funnel_plot_svg(NULL, 0, &t, &probe, &bad);
	if (probe.buf)
		pfree(probe.buf);
	if (st == RG_SVG_BAD_OPTION)
	{
		RgErrArgs	a = {RG_A_FN | RG_A_OPTION | RG_A_CORE};
		StringInfoData d;

		/* quote the value that is out of range */
		initStringInfo(&d);
		if (bad && strcmp(bad, "phi") == 0)
			appendStringInfo(&d, "The phi is %s.", float8out_internal(o->phi));
		else if (bad && strcmp(bad, "tau2") == 0)
			appendStringInfo(&d, "The tau2 is %s.", float8out_internal(o->tau2));
		else if (bad && strcmp(bad, "levels") == 0)
		{
			appendStringInfoString(&d, "The levels are");
			for (int i = 0; i < o->nlevels; i++)
				appendStringInfo(&d, "%s %s", i ? "," : "", float8out_internal(o->levels[i]));
			appendStringInfoChar(&d, '.');
		}
		a.fn = "funnel_plot_svg";
		a.option = bad;
		a.core = d.data;
		rg_error(RG_DOM_SVG, st, &a);
	}
}

static void
same_in_every_row(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s of funnel_plot_svg must be the same in every row", what),
			 errhint("Pass a constant, or draw one plot per %s.", what)));
}

Datum
funnel_plot_svg_accum(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	FunnelState *st = PG_ARGISNULL(0) ? NULL : (FunnelState *) PG_GETARG_POINTER(0);
	int			nargs = PG_NARGS();
	RecordingStats *s;
	RgFunnelUnit *u;

	aggcxt = rg_agg_context(fcinfo, "funnel_plot_svg_accum");
	if (PG_ARGISNULL(2))
		null_summary("funnel_plot_svg");
	s = PG_GETARG_RECORDING_STATS_P(2);
	check_drawable(s, "funnel_plot_svg");

	if (st == NULL)
	{
		st = MemoryContextAllocZero(aggcxt, sizeof(FunnelState));
		st->nargs = nargs;
		/* target, title and options: checked once when the query fixes them */
		for (int a = 3; a < nargs; a++)
			if (!rg_agg_arg_fixed(fcinfo, a))
				st->compare = true;
		rg_funnel_options_default(&st->opts);
		if (nargs > 3 && !PG_ARGISNULL(3))
		{
			double		t = PG_GETARG_FLOAT8(3);

			if (!(t >= 0.0 && t <= 1.0))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("target must be between 0 and 1"),
						 errdetail("The target is %s.", float8out_internal(t)),
						 errhint("Pass NULL for the pooled ratio of the units whose outcomes are all known.")));
			st->has_target = true;
			st->target = t;
		}
		if (nargs > 4 && !PG_ARGISNULL(4))
		{
			text	   *t = PG_GETARG_TEXT_PP(4);

			st->has_title = true;
			st->title = text_utf8(aggcxt, t, &st->title_len);
			if (st->compare)
				st->title_raw = text_raw(aggcxt, t, &st->title_raw_len);
		}
		if (nargs > 5 && !PG_ARGISNULL(5))
		{
			Jsonb	   *jb = PG_GETARG_JSONB_P(5);

			st->options = MemoryContextAlloc(aggcxt, VARSIZE(jb));
			memcpy(st->options, jb, VARSIZE(jb));
			funnel_parse_options(st->options, &st->opts);
			funnel_check_options(&st->opts);
		}
		st->opts.has_target = st->has_target;
		st->opts.target = st->target;
		st->opts.title = st->has_title ? st->title : NULL;
		st->opts.title_len = st->title_len;
	}
	else if (st->compare)
	{
		/*
		 * the parameters of the plot come from the first row; all must
		 * agree.  Compared as given: no conversion per row.
		 */
		if (nargs > 3)
		{
			bool		has = !PG_ARGISNULL(3);

			if (has != st->has_target || (has && PG_GETARG_FLOAT8(3) != st->target))
				same_in_every_row("target");
		}
		if (nargs > 4)
		{
			bool		has = !PG_ARGISNULL(4);

			if (has != st->has_title)
				same_in_every_row("title");
			if (has)
			{
				text	   *t = PG_GETARG_TEXT_PP(4);

				if (VARSIZE_ANY_EXHDR(t) != st->title_raw_len ||
					memcmp(VARDATA_ANY(t), st->title_raw, st->title_raw_len) != 0)
					same_in_every_row("title");
			}
		}
		if (nargs > 5)
		{
			bool		has = !PG_ARGISNULL(5);

			if (has != (st->options != NULL))
				same_in_every_row("options");
			if (has)
			{
				Jsonb	   *jb = PG_GETARG_JSONB_P(5);

				if (VARSIZE(jb) != VARSIZE(st->options) ||
					memcmp(jb, st->options, VARSIZE(jb)) != 0)
					same_in_every_row("options");
			}
		}
	}

	/* refuse the row beyond what the core draws now, not after gathering */
	if (st->count == RG_SVG_MAX_POINTS)
		(void) svg_result(RG_SVG_TOO_MANY_POINTS, NULL, "funnel_plot_svg", NULL, 0);
	if (st->count == st->cap)
	{
		size_t		cap = st->cap ? st->cap * 2 : 64;

		st->units = st->units
			? repalloc_huge(st->units, cap * sizeof(RgFunnelUnit))
			: MemoryContextAllocHuge(aggcxt, cap * sizeof(RgFunnelUnit));
		st->cap = cap;
	}
	u = &st->units[st->count];
	u->c = *s;
	if (PG_ARGISNULL(1))
	{
		u->label = NULL;
		u->label_len = 0;
	}
	else
		u->label = text_utf8(aggcxt, PG_GETARG_TEXT_PP(1), &u->label_len);
	st->count++;
	PG_RETURN_POINTER(st);
}

Datum
funnel_plot_svg_final(PG_FUNCTION_ARGS)
{
	FunnelState *st = PG_ARGISNULL(0) ? NULL : (FunnelState *) PG_GETARG_POINTER(0);
	RgFunnelOptions o;
	RgFunnelUnit *units = NULL;
	size_t		k = 0;
	RgSvg		svg;
	const char *bad = NULL;
	RgSvgStatus rs;

	if (st)
	{
		o = st->opts;
		k = st->count;
		if (k > RG_SVG_MAX_POINTS)
			(void) svg_result(RG_SVG_TOO_MANY_POINTS, NULL, "funnel_plot_svg", NULL, 0);
		/* a copy: the core sorts it, and the state stays as it was */
		units = palloc_extended(sizeof(RgFunnelUnit) * (k ? k : 1), MCXT_ALLOC_HUGE);
		if (k)
			memcpy(units, st->units, sizeof(RgFunnelUnit) * k);
	}
	else
		rg_funnel_options_default(&o);
	rg_svg_init(&svg, 0, svg_realloc, NULL);
	rs = rg_funnel_plot_svg(units, k, &o, &svg, &bad);
	PG_RETURN_TEXT_P(svg_result(rs, &svg, "funnel_plot_svg", bad, 0));
}

/* ---- ratio_chart_svg ---- */

typedef struct RatioState
{
	RgRatioRow *rows;
	size_t		count;
	size_t		cap;
	bool		compare;		/* later rows must be compared with the first */
	bool		has_threshold;
	double		threshold;
	/* the distinct series seen, each copied once; rows point at them */
	int			nseries;
	bool		null_series;
	char	   *series[RG_SVG_MAX_SERIES];
	size_t		series_len[RG_SVG_MAX_SERIES];
} RatioState;

/* Rows gathered before they are merged (added per series and period). */
#define RATIO_MERGE_AT 8192

static void
too_many_series(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("ratio_chart_svg draws at most %d series", RG_SVG_MAX_SERIES),
			 errdetail("The rows have more than %d series.", RG_SVG_MAX_SERIES),
			 errhint("Draw at most %d series per chart, for example one chart per group of series, "
					 "so that every series keeps a colour-blind-safe colour.", RG_SVG_MAX_SERIES)));
}

/* The interned copy of a series name (NULL for the NULL series). */
static const char *
intern_series(MemoryContext cxt, RatioState *st, text *t, size_t *len)
{
	int			n;
	char	   *conv;
	const char *found = NULL;

	if (t == NULL)
	{
		if (!st->null_series)
		{
			if (st->nseries + 1 > RG_SVG_MAX_SERIES)
				too_many_series();
			st->null_series = true;
			st->nseries++;
		}
		*len = 0;
		return NULL;
	}
	n = VARSIZE_ANY_EXHDR(t);
	conv = pg_server_to_any(VARDATA_ANY(t), n, PG_UTF8);
	if (conv != VARDATA_ANY(t))
		n = strlen(conv);
	for (int i = 0; i < RG_SVG_MAX_SERIES && found == NULL; i++)
		if (st->series[i] && st->series_len[i] == (size_t) n && memcmp(st->series[i], conv, n) == 0)
		{
			found = st->series[i];
			*len = st->series_len[i];
		}
	if (found == NULL)
	{
		int			slot = 0;

		if (st->nseries + 1 > RG_SVG_MAX_SERIES)
			too_many_series();
		while (st->series[slot])
			slot++;
		st->series[slot] = MemoryContextAlloc(cxt, n + 1);
		memcpy(st->series[slot], conv, n);
		st->series[slot][n] = '\0';
		st->series_len[slot] = (size_t) n;
		st->nseries++;
		found = st->series[slot];
		*len = (size_t) n;
	}
	if (conv != VARDATA_ANY(t))
		pfree(conv);
	return found;
}

Datum
ratio_chart_svg_accum(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	RatioState *st = PG_ARGISNULL(0) ? NULL : (RatioState *) PG_GETARG_POINTER(0);
	int			nargs = PG_NARGS();
	RecordingStats *s;
	RgRatioRow *r;
	DateADT		period;

	aggcxt = rg_agg_context(fcinfo, "ratio_chart_svg_accum");
	if (PG_ARGISNULL(2))
		null_summary("ratio_chart_svg");
	if (PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("ratio_chart_svg cannot draw a NULL period"),
				 errhint("Leave such rows out with WHERE period IS NOT NULL.")));
	period = PG_GETARG_DATEADT(1);
	if (DATE_NOT_FINITE(period))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("ratio_chart_svg cannot draw an infinite period"),
				 errhint("Leave such rows out with WHERE isfinite(period).")));
	s = PG_GETARG_RECORDING_STATS_P(2);
	check_drawable(s, "ratio_chart_svg");

	if (st == NULL)
	{
		st = MemoryContextAllocZero(aggcxt, sizeof(RatioState));
		/* the threshold: checked once when the query fixes it */
		st->compare = nargs > 4 && !rg_agg_arg_fixed(fcinfo, 4);
		if (nargs > 4 && !PG_ARGISNULL(4))
		{
			double		t = PG_GETARG_FLOAT8(4);

			if (!(t >= 0.0 && t <= 1.0))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("threshold must be between 0 and 1"),
						 errdetail("The threshold is %s.", float8out_internal(t)),
						 errhint("Pass NULL for a chart without a threshold line.")));
			st->has_threshold = true;
			st->threshold = t;
		}
	}
	else if (st->compare)
	{
		bool		has = !PG_ARGISNULL(4);

		if (has != st->has_threshold || (has && PG_GETARG_FLOAT8(4) != st->threshold))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("threshold of ratio_chart_svg must be the same in every row"),
					 errhint("Pass a constant, or draw one chart per threshold.")));
	}

	if (st->count == st->cap && st->cap >= RATIO_MERGE_AT)
	{
		/* add up what came so far: memory stays bounded by the points */
		size_t		k = st->count;
		RgSvgStatus ms = rg_ratio_rows_merge(st->rows, &k);

		if (ms != RG_SVG_OK)
			(void) svg_result(ms, NULL, "ratio_chart_svg", NULL, 0);
		if (k > RG_SVG_MAX_POINTS)
			(void) svg_result(RG_SVG_TOO_MANY_POINTS, NULL, "ratio_chart_svg", NULL, 0);
		st->count = k;
	}
	if (st->count == st->cap)
	{
		size_t		cap = st->cap ? st->cap * 2 : 64;

		st->rows = st->rows
			? repalloc_huge(st->rows, cap * sizeof(RgRatioRow))
			: MemoryContextAllocHuge(aggcxt, cap * sizeof(RgRatioRow));
		st->cap = cap;
	}
	r = &st->rows[st->count];
	r->period = period;
	r->c = *s;
	r->series = intern_series(aggcxt, st,
							  nargs > 3 && !PG_ARGISNULL(3) ? PG_GETARG_TEXT_PP(3) : NULL,
							  &r->series_len);
	st->count++;
	PG_RETURN_POINTER(st);
}

Datum
ratio_chart_svg_final(PG_FUNCTION_ARGS)
{
	RatioState *st = PG_ARGISNULL(0) ? NULL : (RatioState *) PG_GETARG_POINTER(0);
	RgRatioOptions o;
	RgRatioRow *rows = NULL;
	size_t		k = 0,
				nseries = 0;
	RgSvg		svg;
	const char *bad = NULL;
	RgSvgStatus rs;

	rg_ratio_options_default(&o);
	if (st)
	{
		o.has_threshold = st->has_threshold;
		o.threshold = st->threshold;
		k = st->count;
		/* a copy: the core sorts and merges it */
		rows = palloc_extended(sizeof(RgRatioRow) * (k ? k : 1), MCXT_ALLOC_HUGE);
		if (k)
			memcpy(rows, st->rows, sizeof(RgRatioRow) * k);
	}
	rg_svg_init(&svg, 0, svg_realloc, NULL);
	rs = rg_ratio_chart_svg(rows, k, &o, &svg, &bad, &nseries);
	PG_RETURN_TEXT_P(svg_result(rs, &svg, "ratio_chart_svg", bad, nseries));
}
