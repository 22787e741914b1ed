/*
 * ratio_chart.c - the ratio chart layout of ratio_chart.h.
 */
#include "ratio_chart.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "binomial.h"
#include "plot_frame.h"

/* Okabe & Ito (2008), "Color Universal Design": yellow last, as it is pale */
const char *const rg_ratio_palette[RG_SVG_MAX_SERIES] = {
	"#0072b2", "#d55e00", "#009e73", "#cc79a7",
	"#e69f00", "#56b4e9", "#000000", "#f0e442"
};

void
rg_ratio_options_default(RgRatioOptions *o)
{
	memset(o, 0, sizeof(*o));
	o->width = 800;
	o->height = 500;
}

static int
cmp_series(const RgRatioRow *x, const RgRatioRow *y)
{
	return rg_svg_cmp_bytes(x->series, x->series_len, y->series, y->series_len);
}

static int
cmp_row(const void *a, const void *b)
{
	const RgRatioRow *x = a,
			   *y = b;
	int			r = cmp_series(x, y);

	if (r)
		return r;
	if (x->period != y->period)
		return x->period < y->period ? -1 : 1;
	/* counts last: the sum does not depend on it, but keep qsort total */
	return rg_counts_cmp(&x->c, &y->c);
}

static int
cmp_int32(const void *a, const void *b)
{
	int32_t		x = *(const int32_t *) a,
				y = *(const int32_t *) b;

	return x < y ? -1 : (x > y ? 1 : 0);
}

RgSvgStatus
rg_ratio_rows_merge(RgRatioRow *rows, size_t *k)
{
	size_t		out = 0;

	for (size_t i = 0; i < *k; i++)
		if (rg_counts_check(&rows[i].c, NULL) != RG_OK || rows[i].c.referrals > RG_STAT_MAX_COUNT)
			return RG_SVG_BAD_COUNTS;
	if (*k > 1)
		qsort(rows, *k, sizeof(RgRatioRow), cmp_row);
	for (size_t i = 0; i < *k; i++)
	{
		if (out > 0 && cmp_series(&rows[out - 1], &rows[i]) == 0 &&
			rows[out - 1].period == rows[i].period)
		{
			if (rg_counts_add(&rows[out - 1].c, &rows[i].c, &rows[out - 1].c) != RG_OK ||
				rows[out - 1].c.referrals > RG_STAT_MAX_COUNT)
				return RG_SVG_OVERFLOW;
			continue;
		}
		rows[out++] = rows[i];
	}
	*k = out;
	return RG_SVG_OK;
}

static void
date_text(RgSvg *s, int32_t days)
{
	int			y,
				mo,
				d;

	rg_svg_date(days, &y, &mo, &d);
	rg_svg_int(s, y);
	rg_svg_printf(s, "-%s%d-%s%d", mo < 10 ? "0" : "", mo, d < 10 ? "0" : "", d);
}

static const char deflt_title[] = "Recording ratio per period";

static void
series_name(RgSvg *s, const RgRatioRow *r, size_t max_chars)
{
	rg_plot_label(s, r->series, r->series_len, max_chars, "(no series)");
}

/* One point of a series after adding its rows. */
typedef struct Point
{
	int32_t		period;
	RgCounts	c;
	double		ratio,
				lo,
				hi;				/* only when c.referrals > 0 */
} Point;

RgSvgStatus
rg_ratio_chart_svg(RgRatioRow *rows, size_t k, const RgRatioOptions *o, RgSvg *s,
				   const char **bad_option, size_t *nseries_out)
{
	size_t		start[RG_SVG_MAX_SERIES + 1];	/* first row of each series */
	size_t		nseries = 0,
				npoints = 0,
				nref = 0;
	int32_t		pmin = INT32_MAX,
				pmax = INT32_MIN;
	double		ymin_d = 1.0,
				ymax_d = 0.0;
	RgPlotFrame m;
	int			w = o->width,
				h = o->height;
	const char *dummy;

	if (bad_option == NULL)
		bad_option = &dummy;
	*bad_option = NULL;
	if (nseries_out)
		*nseries_out = 0;
	if (w < 300 || w > 4000)
		return (*bad_option = "width", RG_SVG_BAD_OPTION);
	if (h < 200 || h > 4000)
		return (*bad_option = "height", RG_SVG_BAD_OPTION);
	if (o->has_threshold && !(o->threshold >= 0.0 && o->threshold <= 1.0))
		return (*bad_option = "threshold", RG_SVG_BAD_OPTION);

	for (size_t i = 0; i < k; i++)
		if (rg_counts_check(&rows[i].c, NULL) != RG_OK || rows[i].c.referrals > RG_STAT_MAX_COUNT)
			return RG_SVG_BAD_COUNTS;
	{
		RgSvgStatus ms = rg_ratio_rows_merge(rows, &k);

		if (ms != RG_SVG_OK)
			return ms;
	}

	/* count the series of the merged rows (sorted by series) */
	for (size_t i = 0; i < k; i++)
	{
		if (i > 0 && cmp_series(&rows[i - 1], &rows[i]) == 0)
			continue;
		if (nseries == RG_SVG_MAX_SERIES)
		{
			/* count them all, for the message */
			size_t		more = nseries + 1;

			for (size_t j = i + 1; j < k; j++)
				if (cmp_series(&rows[j - 1], &rows[j]) != 0)
					more++;
			if (nseries_out)
				*nseries_out = more;
			return RG_SVG_TOO_MANY_SERIES;
		}
		start[nseries++] = i;
	}
	start[nseries] = k;
	if (nseries_out)
		*nseries_out = nseries;
	npoints = k;
	if (npoints > RG_SVG_MAX_POINTS)
		return RG_SVG_TOO_MANY_POINTS;

	for (size_t i = 0; i < k; i++)
	{
		const RgCounts *c = &rows[i].c;
		double		lo,
					hi,
					dummy2;

		if (rows[i].period < pmin)
			pmin = rows[i].period;
		if (rows[i].period > pmax)
			pmax = rows[i].period;
		if (c->referrals == 0)
			continue;
		nref++;
		if (rg_binom_ci(c->recorded, c->referrals, 0.95, RG_CI_WILSON, &lo, &dummy2) != RG_STAT_OK ||
			rg_binom_ci(c->recorded + c->unknown, c->referrals, 0.95, RG_CI_WILSON, &dummy2, &hi) != RG_STAT_OK)
			return RG_SVG_NUMERIC;
		ymin_d = fmin(ymin_d, lo);
		ymax_d = fmax(ymax_d, hi);
	}
	if (nref == 0)
	{
		rg_plot_no_data(s, w, h, o->title, o->title_len, deflt_title,
						k == 0 ? "no rows" : "no period has referrals");
		return s->status;
	}
	if (o->has_threshold)
	{
		ymin_d = fmin(ymin_d, o->threshold);
		ymax_d = fmax(ymax_d, o->threshold);
	}
	rg_plot_frame_init(&m, w, h, 12.0);
	rg_plot_ratio_axis(&m, ymin_d, ymax_d);
	m.xmin = pmin;
	m.xmax = pmax;

	rg_plot_begin(s, &m, o->title, o->title_len, deflt_title);
	rg_svg_printf(s, "<desc>Recording ratio per period of %D series, with 95%% Wilson "
				  "intervals (worst-case lower to best-case upper limit)",
				  (int64_t) nseries);
	if (o->has_threshold)
	{
		rg_svg_str(s, ", threshold ");
		rg_svg_shown(s, o->threshold, RG_RATIO_SHOWN_DECIMALS);
	}
	rg_svg_str(s, ".</desc>\n");
	rg_plot_axes(s, &m, 0.0);

	/* x ticks: the distinct periods, thinned to at most 8 labels */
	{
		int32_t		periods[RG_SVG_MAX_POINTS];
		size_t		np = 0,
					every;

		for (size_t i = 0; i < k; i++)
			periods[i] = rows[i].period;
		if (k > 1)
			qsort(periods, k, sizeof(int32_t), cmp_int32);
		for (size_t i = 0; i < k; i++)
			if (np == 0 || periods[np - 1] != periods[i])
				periods[np++] = periods[i];
		every = (np + 7) / 8;
		rg_plot_xticks_begin(s);
		for (size_t j = 0; j < np; j += every)
		{
			rg_plot_xtick(s, &m, periods[j]);
			date_text(s, periods[j]);
			rg_plot_xtick_end(s);
		}
		rg_plot_xticks_end(s);
		rg_plot_axis_titles(s, &m, "Period", "Recorded / referrals");
	}

	rg_svg_printf(s, "<g id=\"rg-plot\" data-x0=\"%f\" data-x1=\"%f\" data-y0=\"%f\" data-y1=\"%f\" "
				  "data-xmin=\"%D\" data-xmax=\"%D\" data-ymin=\"%v\" data-ymax=\"%v\"",
				  m.x0, m.x1, m.y0, m.y1, (int64_t) pmin, (int64_t) pmax, m.ymin, m.ymax);
	if (o->has_threshold)
		rg_svg_printf(s, " data-threshold=\"%v\"", o->threshold);
	rg_svg_str(s, ">\n");
	if (o->has_threshold)
	{
		rg_svg_printf(s, "<line class=\"threshold\" x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" "
					  "stroke=\"%s\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"><title>Threshold ",
					  m.ax0, rg_plot_py(&m, o->threshold), m.ax1, rg_plot_py(&m, o->threshold),
					  RG_RATIO_COLOUR_THRESHOLD);
		rg_svg_shown(s, o->threshold, RG_RATIO_SHOWN_DECIMALS);
		rg_svg_str(s, "</title></line>\n");
	}

	/* per series: band, then line, then markers */
	for (size_t si = 0; si < nseries; si++)
	{
		const char *colour = rg_ratio_palette[si];
		size_t		a = start[si],
					b = start[si + 1];

		rg_svg_printf(s, "<g class=\"series\" data-index=\"%D\" data-colour=\"%s\"><title>",
					  (int64_t) si, colour);
		series_name(s, &rows[a], RG_SVG_MAX_LABEL_CHARS);
		rg_svg_str(s, "</title>\n");
		/* bands: one polygon per run of periods with referrals */
		for (size_t i = a; i < b;)
		{
			size_t		j = i;

			if (rows[i].c.referrals == 0)
			{
				i++;
				continue;
			}
			while (j < b && rows[j].c.referrals > 0)
				j++;
			rg_svg_printf(s, "<path class=\"band\" fill=\"%s\" fill-opacity=\"0.18\" stroke=\"%s\" "
						  "stroke-opacity=\"0.18\" d=\"", colour, colour);
			for (size_t t = i; t < j; t++)
			{
				const RgCounts *c = &rows[t].c;
				double		lo,
							d2;

				(void) rg_binom_ci(c->recorded, c->referrals, 0.95, RG_CI_WILSON, &lo, &d2);
				rg_svg_printf(s, "%s%f %f", t == i ? "M" : " L", rg_plot_px(&m, rows[t].period), rg_plot_py(&m, lo));
			}
			for (size_t t = j; t-- > i;)
			{
				const RgCounts *c = &rows[t].c;
				double		hi,
							d2;

				(void) rg_binom_ci(c->recorded + c->unknown, c->referrals, 0.95, RG_CI_WILSON, &d2, &hi);
				rg_svg_printf(s, " L%f %f", rg_plot_px(&m, rows[t].period), rg_plot_py(&m, hi));
			}
			rg_svg_str(s, " Z\"/>\n");
			i = j;
		}
		/* the line: a new subpath after each gap */
		rg_svg_printf(s, "<path class=\"line\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\" d=\"", colour);
		{
			int			pen = 0;

			for (size_t t = a; t < b; t++)
			{
				const RgCounts *c = &rows[t].c;

				if (c->referrals == 0)
				{
					pen = 0;
					continue;
				}
				rg_svg_printf(s, "%s%f %f", pen ? " L" : (t == a ? "M" : " M"),
							  rg_plot_px(&m, rows[t].period), rg_plot_py(&m, (double) c->recorded / (double) c->referrals));
				pen = 1;
			}
		}
		rg_svg_str(s, "\"/>\n");
		for (size_t t = a; t < b; t++)
		{
			const RgCounts *c = &rows[t].c;

			if (c->referrals == 0)
				continue;
			rg_svg_printf(s, "<circle class=\"point\" cx=\"%f\" cy=\"%f\" r=\"3\" fill=\"%s\" "
						  "data-period=\"", rg_plot_px(&m, rows[t].period),
						  rg_plot_py(&m, (double) c->recorded / (double) c->referrals), colour);
			date_text(s, rows[t].period);
			rg_svg_printf(s, "\" data-referrals=\"%D\" data-recorded=\"%D\" data-unknown=\"%D\"><title>",
						  c->referrals, c->recorded, c->unknown);
			date_text(s, rows[t].period);
			rg_svg_printf(s, ": %D of %D recorded", c->recorded, c->referrals);
			if (c->unknown > 0)
				rg_svg_printf(s, ", %D unknown", c->unknown);
			rg_svg_str(s, "</title></circle>\n");
		}
		rg_svg_str(s, "</g>\n");
	}
	rg_svg_str(s, "</g>\n");

	/* legend */
	{
		RgPlotLegend lg;

		rg_plot_legend_begin(s, &m, &lg);
		for (size_t si = 0; si < nseries; si++)
		{
			rg_plot_legend_band(s, &lg, rg_ratio_palette[si]);
			series_name(s, &rows[start[si]], 24);
			rg_plot_legend_next(s, &lg, 18);
		}
		if (o->has_threshold)
		{
			rg_plot_legend_line(s, &lg, RG_RATIO_COLOUR_THRESHOLD, "6 4", "1.5");
			rg_svg_str(s, "Threshold ");
			rg_svg_shown(s, o->threshold, RG_RATIO_SHOWN_DECIMALS);
			rg_plot_legend_next(s, &lg, 18);
		}
		lg.y += 6;
		rg_plot_legend_text(s, &lg, "Band: 95% Wilson interval", 16);
		rg_plot_legend_text(s, &lg, "Line: worst case (unknown", 14);
		rg_plot_legend_text(s, &lg, "counted as not recorded)", 16);
		rg_plot_legend_text(s, &lg, "Gap: no referrals", 16);
		rg_plot_legend_end(s);
	}
	rg_svg_str(s, "</svg>\n");
	return s->status;
}
