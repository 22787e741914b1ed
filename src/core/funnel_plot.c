/*
 * funnel_plot.c - the funnel plot layout of funnel_plot.h.
 */
#include "funnel_plot.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "binomial.h"
#include "funnel.h"
#include "plot_frame.h"

/* limit curves: every integer n up to this, else this many samples */
#define CURVE_SAMPLES 300

static const char *const limit_colour[RG_FUNNEL_MAX_LEVELS] = {
	RG_FUNNEL_COLOUR_LIMIT0, RG_FUNNEL_COLOUR_LIMIT1, RG_FUNNEL_COLOUR_LIMIT2
};
static const char *const limit_dash[RG_FUNNEL_MAX_LEVELS] = {
	NULL, "6 4", "2 3"
};

void
rg_funnel_options_default(RgFunnelOptions *o)
{
	memset(o, 0, sizeof(*o));
	o->has_target = 0;
	o->target = 0.0;
	o->title = NULL;
	o->phi = 1.0;
	o->tau2 = 0.0;
	o->width = 800;
	o->height = 500;
	o->nlevels = 2;
	o->levels[0] = 0.95;
	o->levels[1] = 0.998;
}

int
rg_funnel_plot_limits(int64_t n, double target, double level, double phi, double tau2,
					  double *lower, double *upper)
{
	return rg_funnel_limits_od((double) n, target, level, phi, tau2, lower, upper) == RG_STAT_OK ? 0 : -1;
}

static int
cmp_unit(const void *a, const void *b)
{
	const RgFunnelUnit *x = a,
			   *y = b;
	int			r = rg_svg_cmp_bytes(x->label, x->label_len, y->label, y->label_len);

	return r ? r : rg_counts_cmp(&x->c, &y->c);
}

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return x < y ? -1 : (x > y ? 1 : 0);
}

/* Greedy placement of outlier labels so that they do not overlap. */
#define MAX_PLACED 64
#define LABEL_CHARS 40

typedef struct Placed
{
	int			n;
	double		x0[MAX_PLACED],
				x1[MAX_PLACED],
				y0[MAX_PLACED],
				y1[MAX_PLACED];
} Placed;

static size_t
label_chars(const RgFunnelUnit *u)
{
	size_t		n = 0;

	if (u->label == NULL)
		return 10;
	for (size_t i = 0; i < u->label_len; i++)
		if (((unsigned char) u->label[i] & 0xC0) != 0x80)
			n++;
	return n > LABEL_CHARS ? LABEL_CHARS + 1 : n;
}

static void
place_label(Placed *p, const RgPlotFrame *m, const RgFunnelUnit *u, double cx, double cy,
			double *tx, double *ty, int *right)
{
	double		w = 6.2 * (double) label_chars(u) + 2,
				h = 12;
	int			pref_right = cx < (m->x0 + m->x1) / 2;

	*tx = cx + 8;
	*ty = cy - 6;
	*right = 1;
	/* candidates: beside the point, then stacked further up or down */
	for (int step = 0; step < 12; step++)
	{
		for (int c = 0; c < 4; c++)
		{
			int			r = (c < 2) ? pref_right : !pref_right;
			double		dy = (c % 2 == 0 ? -1 : 1) * (6 + 13 * step);
			double		bx0 = r ? cx + 7 : cx - 7 - w,
						by1 = cy + dy + (dy > 0 ? h : 0),
						by0 = by1 - h;
			int			ok = bx0 >= m->x0 && bx0 + w <= m->x1 + 150 &&
				by0 >= m->y0 - 4 && by1 <= m->y1 - 2;

			for (int i = 0; ok && i < p->n; i++)
				if (bx0 < p->x1[i] && bx0 + w > p->x0[i] && by0 < p->y1[i] && by1 > p->y0[i])
					ok = 0;
			if (ok || (step == 11 && c == 3))
			{
				if (p->n < MAX_PLACED)
				{
					p->x0[p->n] = bx0;
					p->x1[p->n] = bx0 + w;
					p->y0[p->n] = by0;
					p->y1[p->n] = by1;
					p->n++;
				}
				*tx = r ? cx + 8 : cx - 8;
				*ty = by1 - 2;
				*right = r;
				return;
			}
		}
	}
}

typedef enum
{
	POS_LOW,
	POS_WITHIN,
	POS_HIGH,
	POS_UNDETERMINED
} Pos;

RgSvgStatus
rg_funnel_plot_svg(RgFunnelUnit *units, size_t k, const RgFunnelOptions *o,
				   RgSvg *s, const char **bad_option)
{
	static const char deflt[] = "Funnel plot of recording ratios";
	double		levels[RG_FUNNEL_MAX_LEVELS];
	int			nl = o->nlevels;
	double		outer,
				target,
				ymin_d,
				ymax_d,
				xstep;
	int64_t		nmax = 0,
				nmin = INT64_MAX;
	size_t		shown = 0,
				noref = 0;
	int			has_target;
	RgPlotFrame m;
	Placed		lp;
	unsigned char posv[RG_SVG_MAX_POINTS];
	const char *dummy;

	lp.n = 0;
	if (bad_option == NULL)
		bad_option = &dummy;
	*bad_option = NULL;

	/* ---- options ---- */
	if (o->width < 300 || o->width > 4000)
		return (*bad_option = "width", RG_SVG_BAD_OPTION);
	if (o->height < 200 || o->height > 4000)
		return (*bad_option = "height", RG_SVG_BAD_OPTION);
	if (!(o->phi >= 0.0) || isinf(o->phi))
		return (*bad_option = "phi", RG_SVG_BAD_OPTION);
	if (!(o->tau2 >= 0.0) || isinf(o->tau2) || (o->tau2 > 0.0 && o->phi > 1.0))
		return (*bad_option = "tau2", RG_SVG_BAD_OPTION);
	if (o->has_target && !(o->target >= 0.0 && o->target <= 1.0))
		return (*bad_option = "target", RG_SVG_BAD_OPTION);
	if (nl < 1 || nl > RG_FUNNEL_MAX_LEVELS)
		return (*bad_option = "levels", RG_SVG_BAD_OPTION);
	for (int i = 0; i < nl; i++)
	{
		if (!(o->levels[i] > 0.0 && o->levels[i] < 1.0))
			return (*bad_option = "levels", RG_SVG_BAD_OPTION);
		levels[i] = o->levels[i];
	}
	/* widest level first */
	qsort(levels, (size_t) nl, sizeof(double), cmp_double);
	for (int i = 0; i < nl / 2; i++)
	{
		double		t = levels[i];

		levels[i] = levels[nl - 1 - i];
		levels[nl - 1 - i] = t;
	}
	for (int i = 1; i < nl; i++)
		if (levels[i] == levels[i - 1])
			return (*bad_option = "levels", RG_SVG_BAD_OPTION);
	outer = levels[0];

	if (k > RG_SVG_MAX_POINTS)
		return RG_SVG_TOO_MANY_POINTS;

	/* ---- data ---- */
	{
		__int128	sx = 0,
					sn = 0;

		for (size_t i = 0; i < k; i++)
		{
			const RgCounts *c = &units[i].c;

			if (rg_counts_check(c, NULL) != RG_OK)
				return RG_SVG_BAD_COUNTS;
			if (c->referrals > RG_STAT_MAX_COUNT)
				return RG_SVG_BAD_COUNTS;
			if (c->referrals == 0)
			{
				noref++;
				continue;
			}
			shown++;
			if (c->referrals > nmax)
				nmax = c->referrals;
			if (c->referrals < nmin)
				nmin = c->referrals;
			if (c->unknown == 0)
			{
				sx += c->recorded;
				sn += c->referrals;
			}
		}
		if (o->has_target)
		{
			has_target = 1;
			target = o->target;
		}
		else if (sn > 0)
		{
			has_target = 1;
			target = (double) sx / (double) sn;
		}
		else
		{
			has_target = 0;
			target = 0.0;
		}
	}
	if (shown == 0)
	{
		rg_plot_no_data(s, o->width, o->height, o->title, o->title_len, deflt,
				k == 0 ? "no rows" : "no unit has referrals");
		return s->status;
	}
	qsort(units, k, sizeof(RgFunnelUnit), cmp_unit);

	/* ---- scales ---- */
	ymin_d = 1.0;
	ymax_d = 0.0;
	for (size_t i = 0; i < k; i++)
	{
		const RgCounts *c = &units[i].c;
		double		lo,
					hi;

		if (c->referrals == 0)
			continue;
		lo = (double) c->recorded / (double) c->referrals;
		hi = (double) (c->recorded + c->unknown) / (double) c->referrals;
		ymin_d = fmin(ymin_d, lo);
		ymax_d = fmax(ymax_d, hi);
	}
	if (has_target)
	{
		double		lo,
					hi;

		ymin_d = fmin(ymin_d, target);
		ymax_d = fmax(ymax_d, target);
		/* the mouth of the funnel at the smallest unit */
		if (rg_funnel_plot_limits(nmin, target, outer, o->phi, o->tau2, &lo, &hi) != 0)
			return RG_SVG_NUMERIC;
		ymin_d = fmin(ymin_d, lo);
		ymax_d = fmax(ymax_d, hi);
	}
	rg_plot_frame_init(&m, o->width, o->height, 0.0);
	rg_plot_ratio_axis(&m, ymin_d, ymax_d);
	xstep = rg_plot_count_axis(&m, (double) nmax);

	/* ---- document ---- */
	rg_plot_begin(s, &m, o->title, o->title_len, deflt);
	rg_svg_printf(s, "<desc>Funnel plot of %D units (recorded / referrals against referrals)",
				  (int64_t) shown);
	if (has_target)
	{
		rg_svg_str(s, ", target ");
		rg_svg_shown(s, target, RG_FUNNEL_SHOWN_DECIMALS);
	}
	if (o->phi > 1.0)
	{
		rg_svg_str(s, ", limits widened by sqrt(phi), phi ");
		rg_svg_shown(s, o->phi, RG_FUNNEL_SHOWN_DECIMALS);
	}
	if (o->tau2 > 0.0)
	{
		rg_svg_str(s, ", limits with additive overdispersion, tau2 ");
		rg_svg_shown(s, o->tau2, RG_FUNNEL_TAU2_DECIMALS);
	}
	rg_svg_str(s, ".</desc>\n");
	rg_svg_printf(s, "<defs><clipPath id=\"rg-plot-area\"><rect x=\"%f\" y=\"%f\" "
				  "width=\"%f\" height=\"%f\"/></clipPath></defs>\n",
				  m.x0, m.y0, m.x1 - m.x0, m.y1 - m.y0);
	rg_plot_axes(s, &m, xstep);
	rg_plot_axis_titles(s, &m, "Referrals", "Recorded / referrals");

	/* the map, for readers of the document (and its tests) */
	rg_svg_printf(s, "<g id=\"rg-plot\" data-x0=\"%f\" data-x1=\"%f\" data-y0=\"%f\" data-y1=\"%f\" "
				  "data-xmin=\"%v\" data-xmax=\"%v\" data-ymin=\"%v\" data-ymax=\"%v\"",
				  m.x0, m.x1, m.y0, m.y1, m.xmin, m.xmax, m.ymin, m.ymax);
	if (has_target)
		rg_svg_printf(s, " data-target=\"%v\"", target);
	rg_svg_printf(s, " data-phi=\"%v\" data-tau2=\"%v\">\n", o->phi > 1.0 ? o->phi : 1.0, o->tau2);

	/* limit curves and target, clipped to the plot area */
	rg_svg_str(s, "<g clip-path=\"url(#rg-plot-area)\" fill=\"none\">\n");
	if (has_target)
	{
		/* the axis may end above the largest count the limits accept */
		int64_t		top = m.xmax > (double) RG_STAT_MAX_COUNT ? RG_STAT_MAX_COUNT : (int64_t) m.xmax;
		int64_t		samples = top <= CURVE_SAMPLES ? top : CURVE_SAMPLES;

		for (int l = nl - 1; l >= 0; l--)
		{
			int64_t		ns[CURVE_SAMPLES];
			double		lo[CURVE_SAMPLES],
						hi[CURVE_SAMPLES];
			int			cnt = 0;
			int64_t		prev = 0;

			for (int64_t i = 1; i <= samples; i++)
			{
				/* quadratic spacing: dense where the funnel bends */
				double		f = (double) i / (double) samples;
				int64_t		n = top <= CURVE_SAMPLES ? i : (int64_t) ceil(f * f * (double) top);

				if (n <= prev)
					continue;
				prev = n;
				if (rg_funnel_plot_limits(n, target, levels[l], o->phi, o->tau2, &lo[cnt], &hi[cnt]) != 0)
					return RG_SVG_NUMERIC;
				ns[cnt++] = n;
			}
			for (int side = 0; side < 2; side++)
			{
				rg_svg_printf(s, "<path class=\"limit %s\" data-level=\"%v\" stroke=\"%s\" "
							  "stroke-width=\"1.5\"",
							  side == 0 ? "lower" : "upper", levels[l], limit_colour[l]);
				if (limit_dash[l])
					rg_svg_printf(s, " stroke-dasharray=\"%s\"", limit_dash[l]);
				rg_svg_str(s, " d=\"");
				for (int i = 0; i < cnt; i++)
					rg_svg_printf(s, "%s%f %f", i == 0 ? "M" : " L", rg_plot_px(&m, (double) ns[i]),
								  rg_plot_py(&m, side == 0 ? lo[i] : hi[i]));
				rg_svg_str(s, "\"/>\n");
			}
		}
		rg_svg_printf(s, "<line class=\"target\" x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" "
					  "stroke=\"%s\" stroke-width=\"1.5\"/>\n",
					  m.x0, rg_plot_py(&m, target), m.x1, rg_plot_py(&m, target), RG_FUNNEL_COLOUR_TARGET);
	}
	rg_svg_str(s, "</g>\n");

	/*
	 * positions, once per unit: at the worst and at the best case, with the
	 * function of funnel_position and funnel_position_tau2; when they
	 * differ, undetermined
	 */
	for (size_t i = 0; i < k; i++)
	{
		const RgCounts *c = &units[i].c;
		RgFunnelPosition p;

		posv[i] = POS_WITHIN;
		if (c->referrals == 0 || !has_target)
			continue;
		if (rg_funnel_position_od(c, target, outer, o->phi, o->tau2, &p) != RG_STAT_OK)
			return RG_SVG_NUMERIC;
		posv[i] = p == RG_FUNNEL_LOW ? POS_LOW : p == RG_FUNNEL_HIGH ? POS_HIGH :
			p == RG_FUNNEL_UNDETERMINED ? POS_UNDETERMINED : POS_WITHIN;
	}

	/*
	 * points: within first, then undetermined, then the outliers' labels,
	 * then the outliers themselves, so that no label hides a marker
	 */
	for (int pass = 0; pass < 4; pass++)
	{
		for (size_t i = 0; i < k; i++)
		{
			const RgFunnelUnit *u = &units[i];
			const RgCounts *c = &u->c;
			double		n = (double) c->referrals,
						worst,
						best,
						cx,
						cy;
			Pos			pos = POS_WITHIN;
			const char *cls;

			if (c->referrals == 0)
				continue;
			worst = (double) c->recorded / n;
			best = (double) (c->recorded + c->unknown) / n;
			pos = (Pos) posv[i];
			if ((pass == 0 && pos != POS_WITHIN) ||
				(pass == 1 && pos != POS_UNDETERMINED) ||
				(pass >= 2 && pos != POS_LOW && pos != POS_HIGH))
				continue;
			cls = pos == POS_LOW ? "outlier low" : pos == POS_HIGH ? "outlier high" :
				pos == POS_UNDETERMINED ? "undetermined" : "within";
			cx = rg_plot_px(&m, n);
			cy = rg_plot_py(&m, worst);
			if (pass == 2)
			{
				double		tx = 0,
							ty = 0;
				int			right = 1;

				place_label(&lp, &m, u, cx, cy, &tx, &ty, &right);
				rg_svg_printf(s, "<text class=\"outlier-label\" x=\"%f\" y=\"%f\" font-size=\"11\" "
							  "fill=\"%s\"%s>", tx, ty, RG_FUNNEL_COLOUR_OUTLIER,
							  right ? "" : " text-anchor=\"end\"");
				rg_plot_label(s, u->label, u->label_len, LABEL_CHARS, "(no label)");
				rg_svg_str(s, "</text>\n");
				continue;
			}
			rg_svg_printf(s, "<g class=\"unit %s\" data-referrals=\"%D\" data-recorded=\"%D\" "
						  "data-unknown=\"%D\"><title>",
						  cls, c->referrals, c->recorded, c->unknown);
			rg_plot_label(s, u->label, u->label_len, RG_SVG_MAX_LABEL_CHARS, "(no label)");
			rg_svg_printf(s, ": %D of %D recorded", c->recorded, c->referrals);
			if (c->unknown > 0)
				rg_svg_printf(s, ", %D unknown", c->unknown);
			rg_svg_str(s, "</title>");
			if (c->unknown > 0)
				rg_svg_printf(s, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" stroke=\"%s\"/>",
							  cx, cy, cx, rg_plot_py(&m, best),
							  pos == POS_LOW || pos == POS_HIGH ? RG_FUNNEL_COLOUR_OUTLIER : RG_FUNNEL_COLOUR_POINT);
			if (pos == POS_UNDETERMINED)
				rg_svg_printf(s, "<circle cx=\"%f\" cy=\"%f\" r=\"3.5\" fill=\"#ffffff\" "
							  "stroke=\"%s\" stroke-width=\"1.5\"/>",
							  cx, cy, RG_FUNNEL_COLOUR_POINT);
			else if (pos == POS_WITHIN)
				rg_svg_printf(s, "<circle cx=\"%f\" cy=\"%f\" r=\"3.5\" fill=\"%s\"/>",
							  cx, cy, RG_FUNNEL_COLOUR_POINT);
			else
				rg_svg_printf(s, "<circle cx=\"%f\" cy=\"%f\" r=\"5\" fill=\"%s\"/>",
							  cx, cy, RG_FUNNEL_COLOUR_OUTLIER);
			rg_svg_str(s, "</g>\n");
		}
	}
	rg_svg_str(s, "</g>\n");

	/* ---- legend ---- */
	{
		RgPlotLegend lg;

		rg_plot_legend_begin(s, &m, &lg);
		if (has_target)
		{
			rg_plot_legend_line(s, &lg, RG_FUNNEL_COLOUR_TARGET, NULL, "1.5");
			rg_svg_str(s, "Target ");
			rg_svg_shown(s, target, RG_FUNNEL_SHOWN_DECIMALS);
			if (!o->has_target)
				rg_svg_str(s, " (pooled)");
			rg_plot_legend_next(s, &lg, 18);
			for (int l = 0; l < nl; l++)
			{
				rg_plot_legend_line(s, &lg, limit_colour[l], limit_dash[l], "1.5");
				rg_svg_percent(s, levels[l]);
				rg_svg_str(s, "% limits");
				rg_plot_legend_next(s, &lg, 18);
			}
		}
		rg_plot_legend_marker(s, &lg, "3.5", RG_FUNNEL_COLOUR_POINT, 0);
		rg_svg_str(s, "Unit");
		rg_plot_legend_next(s, &lg, 18);
		if (has_target)
		{
			rg_plot_legend_marker(s, &lg, "5", RG_FUNNEL_COLOUR_OUTLIER, 0);
			rg_svg_str(s, "Outside ");
			rg_svg_percent(s, outer);
			rg_svg_str(s, "% limits");
			rg_plot_legend_next(s, &lg, 18);
		}
		rg_plot_legend_marker(s, &lg, "3.5", RG_FUNNEL_COLOUR_POINT, 1);
		rg_svg_str(s, "Undetermined (unknowns)");
		rg_plot_legend_next(s, &lg, 18);
		rg_plot_legend_whisker(s, &lg, RG_FUNNEL_COLOUR_POINT);
		rg_svg_str(s, "Worst to best case");
		rg_plot_legend_next(s, &lg, 24);
		/* notes */
		if (o->phi > 1.0)
		{
			rg_plot_legend_note(s, &lg);
			rg_svg_str(s, "Limits widened by &#x221A;&#x3C6;, &#x3C6; = ");
			rg_svg_shown(s, o->phi, RG_FUNNEL_SHOWN_DECIMALS);
			rg_plot_legend_next(s, &lg, 16);
		}
		if (o->tau2 > 0.0)
		{
			rg_plot_legend_note(s, &lg);
			rg_svg_str(s, "Limits with &#x3C4;&#xB2; = ");
			rg_svg_shown(s, o->tau2, RG_FUNNEL_TAU2_DECIMALS);
			rg_plot_legend_next(s, &lg, 16);
		}
		if (!has_target)
		{
			rg_plot_legend_text(s, &lg, "No limits: no target and", 14);
			rg_plot_legend_text(s, &lg, "no unit without unknowns", 16);
		}
		rg_plot_legend_text(s, &lg, "Points at the worst case", 16);
		if (noref > 0)
		{
			rg_plot_legend_note(s, &lg);
			rg_svg_printf(s, "%D without referrals not shown", (int64_t) noref);
			rg_plot_legend_next(s, &lg, 16);
		}
		rg_plot_legend_end(s);
	}
	rg_svg_str(s, "</svg>\n");
	return s->status;
}
