/*
 * plot_frame.c - the frame of plot_frame.h.
 */
#include "plot_frame.h"

#include <math.h>

void
rg_plot_frame_init(RgPlotFrame *f, int width, int height, double inset)
{
	f->width = width;
	f->height = height;
	f->ax0 = RG_PLOT_MARGIN_LEFT;
	f->ax1 = (double) width - RG_PLOT_LEGEND_WIDTH;
	f->x0 = f->ax0 + inset;
	f->x1 = f->ax1 - inset;
	f->y0 = RG_PLOT_MARGIN_TOP;
	f->y1 = (double) height - RG_PLOT_MARGIN_BOTTOM;
	f->xmin = 0.0;
	f->xmax = 1.0;
	f->ymin = 0.0;
	f->ymax = 1.0;
	f->ystep = 0.2;
}

void
rg_plot_ratio_axis(RgPlotFrame *f, double lo, double hi)
{
	double		step;

	if (!(lo <= hi))
	{
		lo = 0.0;
		hi = 1.0;
	}
	lo = fmax(0.0, fmin(1.0, lo));
	hi = fmax(0.0, fmin(1.0, hi));
	step = rg_svg_nice_step(fmax(hi - lo, 0.05), 5);
	f->ystep = step;
	f->ymin = fmax(0.0, floor(lo / step + 1e-9) * step);
	f->ymax = fmin(1.0, ceil(hi / step - 1e-9) * step);
	if (f->ymax <= f->ymin)
	{
		f->ymin = fmax(0.0, f->ymin - step);
		f->ymax = fmin(1.0, f->ymax + step);
	}
}

double
rg_plot_count_axis(RgPlotFrame *f, double max)
{
	double		step;

	if (!(max > 0.0) || !isfinite(max))
		max = 1.0;
	step = rg_svg_nice_step(max * 1.03, 5);
	f->xmin = 0.0;
	f->xmax = ceil(max * 1.03 / step) * step;
	return step;
}

double
rg_plot_px(const RgPlotFrame *f, double x)
{
	if (!(f->xmax > f->xmin))
		return (f->x0 + f->x1) / 2;
	return f->x0 + (x - f->xmin) / (f->xmax - f->xmin) * (f->x1 - f->x0);
}

double
rg_plot_py(const RgPlotFrame *f, double y)
{
	if (!(f->ymax > f->ymin))
		return (f->y0 + f->y1) / 2;
	return f->y1 - (y - f->ymin) / (f->ymax - f->ymin) * (f->y1 - f->y0);
}

void
rg_plot_tick_range(double lo, double hi, double step, long *i0, long *i1)
{
	if (!(step > 0.0) || !(lo <= hi) || !isfinite(lo / step) || !isfinite(hi / step))
	{
		*i0 = 1;
		*i1 = 0;
		return;
	}
	*i0 = (long) ceil(lo / step - 1e-9);
	*i1 = (long) floor(hi / step + 1e-9);
}

void
rg_plot_label(RgSvg *s, const char *text, size_t len, size_t max_chars, const char *deflt)
{
	if (text)
		rg_svg_text(s, text, len, max_chars);
	else
		rg_svg_str(s, deflt);
}

static void
open_svg(RgSvg *s, int w, int h, const char *title, size_t title_len, const char *deflt)
{
	rg_svg_printf(s,
				  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
				  "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\" "
				  "role=\"img\" aria-labelledby=\"rg-title\">\n<title id=\"rg-title\">",
				  w, h, w, h);
	rg_plot_label(s, title, title_len, RG_SVG_MAX_LABEL_CHARS, deflt);
	rg_svg_printf(s, "</title>\n<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", w, h);
	rg_svg_printf(s, "<text x=\"%d\" y=\"28\" font-size=\"16\" font-weight=\"bold\">",
				  RG_PLOT_MARGIN_LEFT);
	rg_plot_label(s, title, title_len, RG_SVG_MAX_LABEL_CHARS, deflt);
	rg_svg_str(s, "</text>\n");
}

void
rg_plot_begin(RgSvg *s, const RgPlotFrame *f, const char *title, size_t title_len,
			  const char *deflt)
{
	open_svg(s, f->width, f->height, title, title_len, deflt);
}

void
rg_plot_no_data(RgSvg *s, int w, int h, const char *title, size_t title_len,
				const char *deflt, const char *why)
{
	open_svg(s, w, h, title, title_len, deflt);
	rg_svg_printf(s, "<text class=\"no-data\" x=\"%d\" y=\"%d\" font-size=\"20\" "
				  "text-anchor=\"middle\" fill=\"#4d4d4d\">no data</text>\n",
				  w / 2, h / 2);
	rg_svg_printf(s, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#4d4d4d\">%s</text>\n",
				  w / 2, h / 2 + 24, why);
	rg_svg_str(s, "</svg>\n");
}

void
rg_plot_axes(RgSvg *s, const RgPlotFrame *f, double xstep)
{
	long		i0,
				i1;

	rg_plot_tick_range(f->ymin, f->ymax, f->ystep, &i0, &i1);
	rg_svg_str(s, "<g class=\"grid\" stroke=\"#e5e5e5\" stroke-width=\"1\">\n");
	for (long i = i0; i <= i1; i++)
		rg_svg_printf(s, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\"/>\n",
					  f->ax0, rg_plot_py(f, i * f->ystep), f->ax1, rg_plot_py(f, i * f->ystep));
	rg_svg_str(s, "</g>\n<g class=\"axes\" stroke=\"#000000\" stroke-width=\"1\">\n");
	rg_svg_printf(s, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\"/>\n",
				  f->ax0, f->y1, f->ax1, f->y1);
	rg_svg_printf(s, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\"/>\n",
				  f->ax0, f->y0, f->ax0, f->y1);
	rg_svg_str(s, "</g>\n<g class=\"yticks\" text-anchor=\"end\">\n");
	for (long i = i0; i <= i1; i++)
	{
		double		y = rg_plot_py(f, i * f->ystep);

		rg_svg_printf(s, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" stroke=\"#000000\"/>"
					  "<text x=\"%f\" y=\"%f\">",
					  f->ax0 - 5, y, f->ax0, y, f->ax0 - 8, y + 4);
		rg_svg_tick(s, i, f->ystep);
		rg_svg_str(s, "</text>\n");
	}
	rg_svg_str(s, "</g>\n");
	if (xstep > 0)
	{
		rg_plot_tick_range(f->xmin, f->xmax, xstep, &i0, &i1);
		rg_plot_xticks_begin(s);
		for (long i = i0; i <= i1; i++)
		{
			rg_plot_xtick(s, f, i * xstep);
			rg_svg_tick(s, i, xstep);
			rg_plot_xtick_end(s);
		}
		rg_plot_xticks_end(s);
	}
}

void
rg_plot_axis_titles(RgSvg *s, const RgPlotFrame *f, const char *xtitle, const char *ytitle)
{
	rg_svg_printf(s, "<text class=\"xtitle\" x=\"%f\" y=\"%f\" text-anchor=\"middle\">%s</text>\n",
				  (f->x0 + f->x1) / 2, f->y1 + 40, xtitle);
	rg_svg_printf(s, "<text class=\"ytitle\" transform=\"translate(18 %f) rotate(-90)\" "
				  "text-anchor=\"middle\">%s</text>\n",
				  (f->y0 + f->y1) / 2, ytitle);
}

void
rg_plot_xticks_begin(RgSvg *s)
{
	rg_svg_str(s, "<g class=\"xticks\" text-anchor=\"middle\">\n");
}

void
rg_plot_xtick(RgSvg *s, const RgPlotFrame *f, double x)
{
	double		px = rg_plot_px(f, x);

	rg_svg_printf(s, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" stroke=\"#000000\"/>"
				  "<text x=\"%f\" y=\"%f\">",
				  px, f->y1, px, f->y1 + 5, px, f->y1 + 18);
}

void
rg_plot_xtick_end(RgSvg *s)
{
	rg_svg_str(s, "</text>\n");
}

void
rg_plot_xticks_end(RgSvg *s)
{
	rg_svg_str(s, "</g>\n");
}

/* ---- legend ---- */

void
rg_plot_legend_begin(RgSvg *s, const RgPlotFrame *f, RgPlotLegend *lg)
{
	lg->x = (double) f->width - RG_PLOT_LEGEND_WIDTH + 16;
	lg->y = RG_PLOT_MARGIN_TOP + 8;
	rg_svg_str(s, "<g class=\"legend\" font-size=\"11\">\n");
}

static void
open_text(RgSvg *s, const RgPlotLegend *lg)
{
	rg_svg_printf(s, "<text x=\"%f\" y=\"%f\">", lg->x + 26, lg->y + 4);
}

void
rg_plot_legend_line(RgSvg *s, const RgPlotLegend *lg, const char *colour,
					const char *dash, const char *stroke_width)
{
	rg_svg_printf(s, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" stroke=\"%s\" "
				  "stroke-width=\"%s\"",
				  lg->x, lg->y, lg->x + 20, lg->y, colour, stroke_width);
	if (dash)
		rg_svg_printf(s, " stroke-dasharray=\"%s\"", dash);
	rg_svg_str(s, "/>");
	open_text(s, lg);
}

void
rg_plot_legend_band(RgSvg *s, const RgPlotLegend *lg, const char *colour)
{
	rg_svg_printf(s, "<rect x=\"%f\" y=\"%f\" width=\"20\" height=\"10\" fill=\"%s\" "
				  "fill-opacity=\"0.18\"/>", lg->x, lg->y - 5, colour);
	rg_plot_legend_line(s, lg, colour, NULL, "2");
}

void
rg_plot_legend_marker(RgSvg *s, const RgPlotLegend *lg, const char *radius,
					  const char *colour, int hollow)
{
	if (hollow)
		rg_svg_printf(s, "<circle cx=\"%f\" cy=\"%f\" r=\"%s\" fill=\"#ffffff\" stroke=\"%s\" "
					  "stroke-width=\"1.5\"/>", lg->x + 10, lg->y, radius, colour);
	else
		rg_svg_printf(s, "<circle cx=\"%f\" cy=\"%f\" r=\"%s\" fill=\"%s\"/>",
					  lg->x + 10, lg->y, radius, colour);
	open_text(s, lg);
}

void
rg_plot_legend_whisker(RgSvg *s, const RgPlotLegend *lg, const char *colour)
{
	rg_svg_printf(s, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" stroke=\"%s\"/>",
				  lg->x + 10, lg->y - 6, lg->x + 10, lg->y + 6, colour);
	open_text(s, lg);
}

void
rg_plot_legend_note(RgSvg *s, const RgPlotLegend *lg)
{
	rg_svg_printf(s, "<text x=\"%f\" y=\"%f\">", lg->x, lg->y);
}

void
rg_plot_legend_text(RgSvg *s, RgPlotLegend *lg, const char *text, double dy)
{
	rg_plot_legend_note(s, lg);
	rg_svg_str(s, text);
	rg_plot_legend_next(s, lg, dy);
}

void
rg_plot_legend_next(RgSvg *s, RgPlotLegend *lg, double dy)
{
	rg_svg_str(s, "</text>\n");
	lg->y += dy;
}

void
rg_plot_legend_end(RgSvg *s)
{
	rg_svg_str(s, "</g>\n");
}
