/*
 * ratio_chart.h - layout of a line chart of the recording ratio per period
 * as an SVG document: one line per series (at most eight, in the Okabe-Ito
 * colour-blind-safe palette, with a legend), a band for the 95% Wilson
 * interval (from the worst-case lower limit to the best-case upper limit
 * when outcomes are unknown), an optional threshold line, and a gap in the
 * line where a period has no referrals.
 *
 * Plain C: no PostgreSQL header may be included here.
 */
#ifndef RG_CORE_RATIO_CHART_H
#define RG_CORE_RATIO_CHART_H

#include <stddef.h>
#include <stdint.h>

#include "counts.h"
#include "svg.h"

/* The palette, in the order the series (sorted by name) take it. */
extern const char *const rg_ratio_palette[RG_SVG_MAX_SERIES];

#define RG_RATIO_COLOUR_THRESHOLD "#7f7f7f"

/*
 * Decimals of the threshold where a reader sees it (legend, tooltip,
 * description), more when rounding would make it look rounder than it is
 * (rg_svg_shown).
 */
#define RG_RATIO_SHOWN_DECIMALS 3

typedef struct RgRatioRow
{
	int32_t		period;			/* days since 2000-01-01 */
	const char *series;			/* untrusted bytes; NULL: the unnamed series */
	size_t		series_len;
	RgCounts	c;
} RgRatioRow;

typedef struct RgRatioOptions
{
	int			has_threshold;
	double		threshold;		/* in [0, 1] */
	const char *title;			/* untrusted; NULL: a default title */
	size_t		title_len;
	int			width;			/* 300 .. 4000 */
	int			height;			/* 200 .. 4000 */
} RgRatioOptions;

void		rg_ratio_options_default(RgRatioOptions *o);

/*
 * Write the chart of rows[0..k-1] into out.  rows is sorted in place
 * (series, then period) and rows of the same series and period are added
 * (RG_SVG_OVERFLOW if that overflows).  More than RG_SVG_MAX_SERIES series
 * gives RG_SVG_TOO_MANY_SERIES, more than RG_SVG_MAX_POINTS distinct
 * (series, period) pairs RG_SVG_TOO_MANY_POINTS; k = 0 or no period with
 * referrals a document saying "no data".  *nseries receives the number of
 * series when not NULL.
 */
RgSvgStatus rg_ratio_chart_svg(RgRatioRow *rows, size_t k, const RgRatioOptions *o,
							   RgSvg *out, const char **bad_option, size_t *nseries);

/*
 * Sort rows[0..*k-1] (series, then period) and add the rows of the same
 * series and period, in place; *k becomes the number of distinct pairs.
 * Merging merged rows again changes nothing, so a caller may merge as rows
 * come in, to bound its memory.  RG_SVG_BAD_COUNTS for an invalid summary
 * or one with more than 2^53 referrals, RG_SVG_OVERFLOW when a sum would
 * exceed 2^53 referrals; on failure the rows are in an unspecified order.
 */
RgSvgStatus rg_ratio_rows_merge(RgRatioRow *rows, size_t *k);

#endif							/* RG_CORE_RATIO_CHART_H */
