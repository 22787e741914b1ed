/*
 * plot_frame.h - the frame that both pictures (funnel_plot.h,
 * ratio_chart.h) draw in: the page and its margins, the linear map from
 * data to pixels, the ratio axis and its ticks, axis lines and titles, the
 * opening of the document with its title, the "no data" document, and the
 * legend column.  Degenerate ranges (a single value, NaN) are guarded here,
 * once, for both.
 *
 * Plain C: no PostgreSQL header may be included here.
 */
#ifndef RG_CORE_PLOT_FRAME_H
#define RG_CORE_PLOT_FRAME_H

#include <stddef.h>
#include <stdint.h>

#include "svg.h"

/* The page: margins around the plot area and the legend column, in pixels. */
#define RG_PLOT_MARGIN_LEFT   72
#define RG_PLOT_MARGIN_TOP    48
#define RG_PLOT_MARGIN_BOTTOM 56
#define RG_PLOT_LEGEND_WIDTH  196

typedef struct RgPlotFrame
{
	int			width,
				height;			/* the page */
	double		ax0,
				ax1;			/* the axis box: y axis at ax0, grid to ax1 */
	double		x0,
				x1,
				y0,
				y1;				/* data area: left, right, top, bottom */
	double		xmin,
				xmax,
				ymin,
				ymax;			/* data ranges */
	double		ystep;			/* y tick step */
} RgPlotFrame;

/*
 * A frame of width x height pixels: the axis box from RG_PLOT_MARGIN_LEFT
 * to the legend column, the data area inset by inset pixels left and right
 * of it (0 for a funnel plot, whose x axis starts at 0 referrals), ranges
 * 0..1.
 */
void		rg_plot_frame_init(RgPlotFrame *f, int width, int height, double inset);

/*
 * The y axis of a ratio: from about lo to hi (0 <= lo <= hi <= 1), widened
 * to a span of at least 0.05, ending at "nice" ticks, clamped to [0, 1].
 * lo > hi or NaN gives the axis 0..1.
 */
void		rg_plot_ratio_axis(RgPlotFrame *f, double lo, double hi);

/*
 * An x axis from 0 to a "nice" number a little above max (> 0); returns
 * its tick step.
 */
double		rg_plot_count_axis(RgPlotFrame *f, double max);

/* Pixels of a data value; the middle of the area when the range is empty. */
double		rg_plot_px(const RgPlotFrame *f, double x);
double		rg_plot_py(const RgPlotFrame *f, double y);

/* The ticks i0..i1 (i * step) inside [lo, hi]; i1 < i0 when none. */
void		rg_plot_tick_range(double lo, double hi, double step, long *i0, long *i1);

/*
 * The opening of the document: the svg element, its <title> (title, or
 * deflt when title is NULL; untrusted, escaped), the white page and the
 * visible title.  The caller writes its <desc> next.
 */
void		rg_plot_begin(RgSvg *s, const RgPlotFrame *f, const char *title,
						  size_t title_len, const char *deflt);

/* A complete document that says "no data", and why (trusted text). */
void		rg_plot_no_data(RgSvg *s, int width, int height, const char *title,
							size_t title_len, const char *deflt, const char *why);

/*
 * The horizontal grid, the two axis lines and the labelled ticks of the y
 * axis; then, when xstep > 0, labelled ticks of a numeric x axis every
 * xstep; then the axis titles (trusted text).  A caller with another x
 * axis passes xstep 0 and draws its own ticks with rg_plot_xtick between
 * rg_plot_axes and rg_plot_axis_titles.
 */
void		rg_plot_axes(RgSvg *s, const RgPlotFrame *f, double xstep);
void		rg_plot_axis_titles(RgSvg *s, const RgPlotFrame *f, const char *xtitle,
								const char *ytitle);

/* The group of x ticks, and one tick at data x: the caller writes the label. */
void		rg_plot_xticks_begin(RgSvg *s);
void		rg_plot_xtick(RgSvg *s, const RgPlotFrame *f, double x);
void		rg_plot_xtick_end(RgSvg *s);
void		rg_plot_xticks_end(RgSvg *s);

/*
 * Untrusted text (a label, a series name), escaped and cut after max_chars
 * characters; deflt (trusted) when text is NULL.
 */
void		rg_plot_label(RgSvg *s, const char *text, size_t len, size_t max_chars,
						  const char *deflt);

/*
 * The legend column, top to bottom.  Each item writes its key and opens the
 * text beside it; the caller writes the text, and rg_plot_legend_next
 * closes it and moves down by dy pixels.
 */
typedef struct RgPlotLegend
{
	double		x,
				y;
} RgPlotLegend;

void		rg_plot_legend_begin(RgSvg *s, const RgPlotFrame *f, RgPlotLegend *lg);
/* a line 20 pixels long (dash NULL: solid) */
void		rg_plot_legend_line(RgSvg *s, const RgPlotLegend *lg, const char *colour,
								const char *dash, const char *stroke_width);
/* a band (a pale rectangle) under a line, as a series of a ratio chart */
void		rg_plot_legend_band(RgSvg *s, const RgPlotLegend *lg, const char *colour);
/* a marker; hollow: white fill with a stroke of colour */
void		rg_plot_legend_marker(RgSvg *s, const RgPlotLegend *lg, const char *radius,
								  const char *colour, int hollow);
/* a vertical whisker */
void		rg_plot_legend_whisker(RgSvg *s, const RgPlotLegend *lg, const char *colour);
/* a note: text only, from the left edge of the column */
void		rg_plot_legend_note(RgSvg *s, const RgPlotLegend *lg);
/* a whole note of trusted text, then down by dy */
void		rg_plot_legend_text(RgSvg *s, RgPlotLegend *lg, const char *text, double dy);
void		rg_plot_legend_next(RgSvg *s, RgPlotLegend *lg, double dy);
void		rg_plot_legend_end(RgSvg *s);

#endif							/* RG_CORE_PLOT_FRAME_H */
