/*
 * funnel_plot.h - layout of a funnel plot as an SVG document: one point per
 * unit at (referrals, recorded / referrals), the target line, exact
 * binomial funnel limits at one to three levels (widened by sqrt(phi) as
 * rg_funnel_position does), outliers beyond the widest limits labelled and
 * coloured, and units whose position depends on their unknown outcomes
 * drawn hollow with a whisker from the worst to the best case.
 *
 * Plain C: no PostgreSQL header may be included here.
 */
#ifndef RG_CORE_FUNNEL_PLOT_H
#define RG_CORE_FUNNEL_PLOT_H

#include <stddef.h>

#include "counts.h"
#include "svg.h"

#define RG_FUNNEL_MAX_LEVELS 3

/* Colours, also read by the tests that look at rendered pixels. */
#define RG_FUNNEL_COLOUR_POINT   "#4d4d4d"
#define RG_FUNNEL_COLOUR_OUTLIER "#d55e00"	/* Okabe-Ito vermillion */
#define RG_FUNNEL_COLOUR_TARGET  "#000000"
/* limit colours, widest level first */
#define RG_FUNNEL_COLOUR_LIMIT0  "#0072b2"	/* Okabe-Ito blue */
#define RG_FUNNEL_COLOUR_LIMIT1  "#56b4e9"	/* Okabe-Ito sky blue */
#define RG_FUNNEL_COLOUR_LIMIT2  "#009e73"	/* Okabe-Ito bluish green */

/*
 * Decimals of the target and phi, and of tau2, where a reader sees them
 * (legend and description), more when rounding would make them look
 * rounder than they are (rg_svg_shown).
 */
#define RG_FUNNEL_SHOWN_DECIMALS 3
#define RG_FUNNEL_TAU2_DECIMALS 4

typedef struct RgFunnelUnit
{
	const char *label;			/* untrusted bytes; NULL for no label */
	size_t		label_len;
	RgCounts	c;
} RgFunnelUnit;

typedef struct RgFunnelOptions
{
	int			has_target;		/* 0: pooled ratio of the units without unknowns */
	double		target;			/* in [0, 1] */
	const char *title;			/* untrusted bytes; NULL: a default title */
	size_t		title_len;
	double		phi;			/* >= 0, finite; <= 1 leaves the limits alone */
	double		tau2;			/* >= 0, finite; not with phi > 1 */
	int			width;			/* 300 .. 4000 */
	int			height;			/* 200 .. 4000 */
	int			nlevels;		/* 1 .. RG_FUNNEL_MAX_LEVELS */
	double		levels[RG_FUNNEL_MAX_LEVELS];	/* distinct, each in (0, 1) */
} RgFunnelOptions;

/* Defaults: pooled target, phi 1, 800 x 500, levels 0.95 and 0.998. */
void		rg_funnel_options_default(RgFunnelOptions *o);

/*
 * Write the funnel plot of units[0..k-1] into out (initialised by the
 * caller).  units is sorted in place (label bytes, then the counts), so the
 * document does not depend on the order of the rows.  k = 0, or no unit
 * with referrals, gives a document saying "no data".  On RG_SVG_BAD_OPTION
 * *bad_option names the option.  More than RG_SVG_MAX_POINTS units gives
 * RG_SVG_TOO_MANY_POINTS.
 */
RgSvgStatus rg_funnel_plot_svg(RgFunnelUnit *units, size_t k,
							   const RgFunnelOptions *o, RgSvg *out,
							   const char **bad_option);

/*
 * The limits drawn at n referrals: rg_funnel_limits_od (the exact limits,
 * widened by sqrt(phi) around target when phi > 1 and clamped to [0, 1],
 * or FunnelPlotR's additive limits when tau2 > 0).  0 or -1 on failure.
 */
int			rg_funnel_plot_limits(int64_t n, double target, double level, double phi,
								  double tau2, double *lower, double *upper);

#endif							/* RG_CORE_FUNNEL_PLOT_H */
