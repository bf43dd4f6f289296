/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

typedef enum
{
  YS_CHART_AXIS_DURATION,   /* seconds, labelled "1 h 30 min" */
  YS_CHART_AXIS_SHARE,      /* 0..1, labelled "70%" */
  YS_CHART_AXIS_RATIO,      /* a ratio of times on a log scale, across: intervals */
} YsChartAxis;

/* How a series is told apart without colour. */
typedef enum
{
  YS_CHART_STYLE_DASHED_SQUARES,  /* without AI */
  YS_CHART_STYLE_SOLID_CIRCLES,   /* with AI */
} YsChartStyle;

typedef struct
{
  double red, green, blue, alpha;
} YsColor;

/* What a chart shows, apart from where it is drawn: the window's chart
 * widget and the PDF report draw the same data the same way. */
typedef struct _YsChartData YsChartData;

YsChartData *ys_chart_data_new          (YsChartAxis         axis);
void         ys_chart_data_free         (YsChartData        *data);
void         ys_chart_data_clear        (YsChartData        *data);
void         ys_chart_data_add_series   (YsChartData        *data,
                                         const char         *label,
                                         YsChartStyle        style,
                                         const double       *x,
                                         const double       *y,
                                         guint               n);
/* A weekly share with its counts (corrected runs of all runs, say): the
 * value is @part / @whole, and hovering says "1 of 3 (33%)". */
void         ys_chart_data_add_share_series (YsChartData    *data,
                                             const char     *label,
                                             YsChartStyle    style,
                                             const double   *x,
                                             const guint    *part,
                                             const guint    *whole,
                                             guint           n);
void         ys_chart_data_add_points   (YsChartData        *data,
                                         const double       *x,
                                         const double       *y,
                                         guint               n);
void         ys_chart_data_add_reference (YsChartData       *data,
                                          double             y,
                                          const char        *label);
/* The interval layer (a forest plot, on a YS_CHART_AXIS_RATIO chart): one
 * row per interval, @label above its line from @low to @high with a dot
 * at @estimate. A reference (ys_chart_data_add_reference) on such a chart
 * is a mark across the rows, such as 1.0 for the same time. */
void         ys_chart_data_add_interval (YsChartData        *data,
                                         const char         *label,
                                         double              estimate,
                                         double              low,
                                         double              high);
guint        ys_chart_data_get_n_intervals (const YsChartData *data);
/* The height an interval chart needs at @width: legend, rows and axis. */
double       ys_chart_data_intervals_height (const YsChartData         *data,
                                             double                     width,
                                             const PangoFontDescription *font);
/* @captions: a second line under each label ("3 of 4 say yes"), or NULL. */
void         ys_chart_data_set_bars     (YsChartData        *data,
                                         const char        **labels,
                                         const double       *values,
                                         const char        **captions,
                                         guint               n);
void         ys_chart_data_set_compact  (YsChartData        *data,
                                         gboolean            compact);
gboolean     ys_chart_data_get_compact  (const YsChartData  *data);

/* Draws into (0, 0, @width, @height) of @cr. @hover_x: a Julian day to mark,
 * or NAN. @font: the font of labels, or NULL for the default. */
void         ys_chart_draw              (const YsChartData          *data,
                                         cairo_t                    *cr,
                                         double                      width,
                                         double                      height,
                                         const YsColor              *foreground,
                                         const YsColor              *accent,
                                         double                      hover_x,
                                         const PangoFontDescription *font);

/* The height of the legend above the plot at @width: each chart names its
 * own series, reference lines and single runs. 0 for bars and sparklines. */
double       ys_chart_data_legend_height (const YsChartData         *data,
                                          double                     width,
                                          const PangoFontDescription *font);

/* Where ys_chart_draw() puts its text and markers, for tests that check
 * nothing collides. */
typedef struct
{
  char text[96];             /* empty for a marker */
  double x, y, width, height;
} YsChartBox;

void         ys_chart_data_layout       (const YsChartData          *data,
                                         double                      width,
                                         double                      height,
                                         const PangoFontDescription *font,
                                         GArray                     *labels,
                                         GArray                     *markers);

/* For hover: the day nearest to @pointer_x, and the values on that day. */
gboolean     ys_chart_data_nearest_x    (const YsChartData  *data,
                                         double              pointer_x,
                                         double              width,
                                         double             *day);
char        *ys_chart_data_describe_at  (const YsChartData  *data,
                                         double              pointer_x,
                                         double              width);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsChartData, ys_chart_data_free)

G_END_DECLS
