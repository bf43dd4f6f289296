/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "ys-chart-draw.h"
#include "ys-duration.h"
#include "ys-wording.h"

/*
 * A small chart drawn with cairo, in layers: weekly lines over time, faint
 * points, reference lines, bars, or intervals (a forest plot of ratios). Series are told apart by dash and marker shape as
 * well as colour. The window's chart widget and the PDF report both draw
 * through here, with their own colours and fonts.
 *
 * Text never sits on the data: each chart has its own legend above the
 * plot (series, reference lines, single runs), the axes' labels are in the
 * margins, and the dates along the bottom are thinned until they fit.
 */

/* Margins around the plot: the y labels' column on the left. */
#define LEFT 76
#define RIGHT 12
#define TOP 10
#define BOTTOM 26
#define LEGEND_SAMPLE 28
#define LEGEND_GAP 16
#define LEGEND_BELOW 8
#define TICK_GAP 12

typedef struct
{
  char *label;
  double estimate;
  double low;
  double high;
} Interval;

typedef struct
{
  char *label;
  YsChartStyle style;
  GArray *x;
  GArray *y;
  GArray *part;      /* guint, or NULL: the counts behind a share */
  GArray *whole;
} Series;

struct _YsChartData
{
  YsChartAxis axis;
  GPtrArray *series;
  GArray *points_x;
  GArray *points_y;
  GArray *references;
  GPtrArray *reference_labels;
  GPtrArray *bar_labels;
  GPtrArray *bar_captions;
  GArray *bar_values;
  GPtrArray *intervals;
  gboolean compact;
};

typedef struct
{
  cairo_t *cr;
  const PangoFontDescription *font;
  GArray *labels;    /* YsChartBox, when laying out for a test */
  GArray *markers;
} Painter;

static void
interval_free (gpointer data)
{
  Interval *interval = data;

  g_free (interval->label);
  g_free (interval);
}

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->label);
  g_array_unref (series->x);
  g_array_unref (series->y);
  g_clear_pointer (&series->part, g_array_unref);
  g_clear_pointer (&series->whole, g_array_unref);
  g_free (series);
}

static char *
format_value (const YsChartData *self,
              double   value)
{
  if (self->axis == YS_CHART_AXIS_SHARE)
    return ys_wording_percent (value);
  /* The origin needs no unit: "0", not "0 s". */
  if (llround (value) == 0)
    return g_strdup ("0");
  return ys_duration_format_approx ((gint64) llround (value));
}

static char *
format_day (double julian,
            gboolean with_year)
{
  GDate date;
  char text[64];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) julian);
  /* TRANSLATORS: dates on a chart axis, see strftime() */
  g_date_strftime (text, sizeof text, with_year ? _("%b %Y") : _("%-d %b"), &date);
  return g_strdup (text);
}

static gboolean
has_data (const YsChartData *self)
{
  if (self->bar_values->len > 0 || self->points_x->len > 0 || self->intervals->len > 0)
    return TRUE;
  for (guint i = 0; i < self->series->len; i++)
    if (((Series *) g_ptr_array_index (self->series, i))->x->len > 0)
      return TRUE;
  return FALSE;
}

/* A step that gives four to six ticks in readable units. */
static double
nice_step (const YsChartData *self,
           double   range)
{
  static const double durations[] = { 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 14400,
                                      21600, 43200, 86400, 172800 };

  if (self->axis == YS_CHART_AXIS_SHARE)
    return 0.25;
  for (guint i = 0; i < G_N_ELEMENTS (durations); i++)
    if (range / durations[i] <= 5)
      return durations[i];
  return 86400 * ceil (range / 86400 / 5);
}

/* Labels under bars wrap to at most this many lines, then end in "…". */
#define BAR_LABEL_LINES 2

static PangoLayout *
text_layout (Painter    *painter,
             const char *text,
             double      wrap_width)
{
  PangoLayout *layout = pango_cairo_create_layout (painter->cr);

  if (painter->font != NULL)
    pango_layout_set_font_description (layout, painter->font);
  if (wrap_width > 0)
    {
      pango_layout_set_width (layout, (int) (MAX (wrap_width, 1) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -BAR_LABEL_LINES);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
wrapped_height (Painter    *painter,
                const char *text,
                double      wrap_width)
{
  g_autoptr(PangoLayout) layout = text_layout (painter, text, wrap_width);
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.height;
}

static void
text_size (Painter    *painter,
           const char *text,
           double     *width,
           double     *height)
{
  g_autoptr(PangoLayout) layout = text_layout (painter, text, -1);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  *width = w;
  *height = h;
}

static void
record (GArray     *boxes,
        const char *text,
        double      x,
        double      y,
        double      width,
        double      height)
{
  YsChartBox box = { .x = x, .y = y, .width = width, .height = height };

  if (boxes == NULL)
    return;
  g_strlcpy (box.text, text ? text : "", sizeof box.text);
  g_array_append_val (boxes, box);
}

/* @wrap_width > 0: wrapped and centred in that width (bar labels). */
static void
draw_text_wrapped (Painter    *painter,
                   const char *text,
                   double      x,
                   double      y,
                   double      align_x,
                   double      align_y,
                   double      wrap_width)
{
  g_autoptr(PangoLayout) layout = text_layout (painter, text, wrap_width);
  PangoRectangle ink, logical;

  pango_layout_get_pixel_extents (layout, &ink, &logical);
  cairo_move_to (painter->cr, x - logical.width * align_x - logical.x,
                 y - logical.height * align_y);
  pango_cairo_show_layout (painter->cr, layout);
  record (painter->labels, text, x - logical.width * align_x, y - logical.height * align_y,
          logical.width, logical.height);
}

static void
draw_text (Painter    *painter,
           const char *text,
           double      x,
           double      y,
           double      align_x,
           double      align_y)
{
  draw_text_wrapped (painter, text, x, y, align_x, align_y, -1);
}

static void
draw_marker (Painter      *painter,
             YsChartStyle  style,
             double        x,
             double        y,
             double        size)
{
  cairo_t *cr = painter->cr;

  if (style == YS_CHART_STYLE_DASHED_SQUARES)
    cairo_rectangle (cr, x - size, y - size, size * 2, size * 2);
  else
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, size, 0, 2 * G_PI);
    }
  cairo_fill (cr);
  record (painter->markers, NULL, x - size, y - size, size * 2, size * 2);
}

static void
set_color (cairo_t       *cr,
           const YsColor *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* The height under the bars for each tool's name and the counts below it. */
static double
bar_labels_height (const YsChartData *self,
                   Painter           *painter,
                   double             width)
{
  double slot = width / MAX (self->bar_values->len, 1);
  double tallest = 0;

  for (guint i = 0; i < self->bar_values->len; i++)
    {
      const char *caption = g_ptr_array_index (self->bar_captions, i);
      double h = wrapped_height (painter, g_ptr_array_index (self->bar_labels, i), slot - 4);

      if (caption != NULL && *caption)
        h += wrapped_height (painter, caption, slot - 4);
      tallest = MAX (tallest, h);
    }
  return tallest;
}

static void
draw_bars (const YsChartData *self,
           Painter *painter,
           double   left,
           double   top,
           double   width,
           double   height,
           const YsColor *fg,
           const YsColor *accent)
{
  guint n = self->bar_values->len;
  double slot = width / MAX (n, 1);
  double bar = MIN (slot * 0.6, 64);
  cairo_t *cr = painter->cr;

  for (guint i = 0; i < n; i++)
    {
      double value = g_array_index (self->bar_values, double, i);
      double x = left + slot * i + (slot - bar) / 2;
      double h = isnan (value) ? 0 : value * height;
      const char *label = g_ptr_array_index (self->bar_labels, i);
      const char *caption = g_ptr_array_index (self->bar_captions, i);
      g_autofree char *text = isnan (value) ? g_strdup ("—") : format_value (self, value);
      double below = top + height + 4;

      set_color (cr, accent, 1);
      cairo_rectangle (cr, x, top + height - h, bar, h);
      cairo_fill (cr);
      set_color (cr, fg, 1);
      draw_text (painter, text, x + bar / 2, top + height - h - 2, 0.5, 1.0);
      draw_text_wrapped (painter, label, x + bar / 2, below, 0.5, 0.0, slot - 4);
      if (caption != NULL && *caption)
        draw_text_wrapped (painter, caption, x + bar / 2,
                           below + wrapped_height (painter, label, slot - 4), 0.5, 0.0, slot - 4);
    }
}

/* Legend ------------------------------------------------------------------------ */

typedef enum
{
  LEGEND_SERIES,
  LEGEND_REFERENCE,
  LEGEND_POINTS,
  LEGEND_INTERVAL,
} LegendKind;

typedef struct
{
  LegendKind kind;
  YsChartStyle style;
  const char *label;
} LegendItem;

static GArray *
legend_items (const YsChartData *self)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (LegendItem));

  if (self->compact || self->bar_values->len > 0)
    return items;

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = g_ptr_array_index (self->series, i);
      LegendItem item = { LEGEND_SERIES, series->style, series->label };

      if (series->x->len > 0)
        g_array_append_val (items, item);
    }
  for (guint i = 0; i < self->references->len; i++)
    {
      LegendItem item = { LEGEND_REFERENCE, 0, g_ptr_array_index (self->reference_labels, i) };
      g_array_append_val (items, item);
    }
  if (self->points_x->len > 0)
    {
      LegendItem item = { LEGEND_POINTS, 0, _("Single runs") };
      g_array_append_val (items, item);
    }
  if (self->intervals->len > 0)
    {
      /* Before the mark, which the loop above has put first. */
      LegendItem item = { LEGEND_INTERVAL, 0, _("Estimate and its 95% range") };
      g_array_prepend_val (items, item);
    }
  return items;
}

/* Lays the legend out in rows across @width, drawing it when @fg is set;
 * returns its height. */
static double
legend (const YsChartData *self,
        Painter           *painter,
        double             width,
        const YsColor     *fg,
        const YsColor     *accent)
{
  g_autoptr(GArray) items = legend_items (self);
  double x = 0, y = 0, row = 0;

  if (items->len == 0)
    return 0;

  for (guint i = 0; i < items->len; i++)
    {
      const LegendItem *item = &g_array_index (items, LegendItem, i);
      double text_w, text_h, item_w, middle;

      text_size (painter, item->label, &text_w, &text_h);
      item_w = LEGEND_SAMPLE + 6 + text_w;
      if (x > 0 && x + item_w > width)
        {
          x = 0;
          y += row + 4;
          row = 0;
        }
      row = MAX (row, text_h);
      middle = y + text_h / 2;

      if (fg != NULL)
        {
          cairo_t *cr = painter->cr;
          double dash_series[] = { 5, 4 };
          double dash_reference[] = { 8, 4 };

          cairo_save (cr);
          switch (item->kind)
            {
            case LEGEND_SERIES:
              set_color (cr, item->style == YS_CHART_STYLE_SOLID_CIRCLES ? accent : fg, 1);
              cairo_set_line_width (cr, 2);
              if (item->style == YS_CHART_STYLE_DASHED_SQUARES)
                cairo_set_dash (cr, dash_series, 2, 0);
              cairo_move_to (cr, x, middle);
              cairo_line_to (cr, x + LEGEND_SAMPLE, middle);
              cairo_stroke (cr);
              cairo_set_dash (cr, NULL, 0, 0);
              draw_marker (painter, item->style, x + LEGEND_SAMPLE / 2.0, middle, 3);
              break;
            case LEGEND_REFERENCE:
              set_color (cr, fg, 0.6);
              cairo_set_line_width (cr, 1);
              cairo_set_dash (cr, dash_reference, 2, 0);
              /* Across a forest plot the mark stands upright. */
              if (self->axis == YS_CHART_AXIS_RATIO)
                {
                  cairo_move_to (cr, x + LEGEND_SAMPLE / 2.0, y);
                  cairo_line_to (cr, x + LEGEND_SAMPLE / 2.0, y + text_h);
                }
              else
                {
                  cairo_move_to (cr, x, middle);
                  cairo_line_to (cr, x + LEGEND_SAMPLE, middle);
                }
              cairo_stroke (cr);
              break;
            case LEGEND_INTERVAL:
              set_color (cr, accent, 1);
              cairo_set_line_width (cr, 3);
              cairo_move_to (cr, x, middle);
              cairo_line_to (cr, x + LEGEND_SAMPLE, middle);
              cairo_stroke (cr);
              cairo_new_sub_path (cr);
              cairo_arc (cr, x + LEGEND_SAMPLE / 2.0, middle, 4.5, 0, 2 * G_PI);
              cairo_fill (cr);
              break;
            case LEGEND_POINTS:
            default:
              set_color (cr, fg, 0.35);
              cairo_new_sub_path (cr);
              cairo_arc (cr, x + LEGEND_SAMPLE / 2.0, middle, 2, 0, 2 * G_PI);
              cairo_fill (cr);
              break;
            }
          cairo_restore (cr);
          set_color (painter->cr, fg, 1);
          draw_text (painter, item->label, x + LEGEND_SAMPLE + 6, y, 0.0, 0.0);
        }
      x += item_w + LEGEND_GAP;
    }
  return y + row;
}

/* A painter that only measures, on a surface of one pixel. */
static void
measuring_begin (Painter *painter)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);

  painter->cr = cairo_create (surface);
  cairo_surface_destroy (surface);
}

static void
measuring_end (Painter *painter)
{
  g_clear_pointer (&painter->cr, cairo_destroy);
}

double
ys_chart_data_legend_height (const YsChartData          *self,
                             double                      width,
                             const PangoFontDescription *font)
{
  Painter painter = { NULL, font, NULL, NULL };
  double height;

  g_return_val_if_fail (self != NULL, 0);

  measuring_begin (&painter);
  height = legend (self, &painter, width, NULL, NULL);
  measuring_end (&painter);
  return height > 0 ? height + LEGEND_BELOW : 0;
}

/* The interval layer ------------------------------------------------------------ */

/* Each row: its label, then a band that holds the line and the dot. */
#define INTERVAL_SIDE 12
#define INTERVAL_LABEL_GAP 4
#define INTERVAL_BAND 18
#define INTERVAL_ROW_GAP 10
#define INTERVAL_DOT 5

/* A row's label, left-aligned and wrapped to the plot's width. */
static PangoLayout *
interval_label_layout (Painter    *painter,
                       const char *text,
                       double      width)
{
  PangoLayout *layout = text_layout (painter, text, -1);

  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static char *
format_ratio (double value)
{
  /* "0.5", "1", "1.5" in the reader's locale. */
  return g_strdup_printf ("%g", value);
}

/* The rows, the mark and the ratio axis below them. */
static double
draw_intervals (const YsChartData *self,
                Painter           *painter,
                double             width,
                double             top,
                const YsColor     *fg,
                const YsColor     *accent)
{
  /* 1 first, then the others by how round they are, each where it fits. */
  static const double ticks[] = { 1, 0.5, 2, 0.25, 0.75, 1.5, 3, 0.1, 0.2, 0.3, 0.4, 0.6, 0.8,
                                  1.25, 4, 5, 10 };
  cairo_t *cr = painter->cr;
  double left = INTERVAL_SIDE, plot_w = width - 2 * INTERVAL_SIDE;
  double log_min = G_MAXDOUBLE, log_max = -G_MAXDOUBLE, pad, y = top;
  g_autoptr(GArray) bands = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (double));
  double label_w, label_h;

  for (guint i = 0; i < self->intervals->len; i++)
    {
      Interval *interval = g_ptr_array_index (self->intervals, i);

      log_min = MIN (log_min, log (interval->low));
      log_max = MAX (log_max, log (interval->high));
    }
  for (guint i = 0; i < self->references->len; i++)
    {
      log_min = MIN (log_min, log (g_array_index (self->references, double, i)));
      log_max = MAX (log_max, log (g_array_index (self->references, double, i)));
    }
  /* At least 0.8 to 1.25 around the middle, so that a narrow interval
   * does not look wide; then a margin so that no dot sits on the edge. */
  if (log_max - log_min < 2 * log (1.25))
    {
      double middle = (log_max + log_min) / 2;

      log_min = middle - log (1.25);
      log_max = middle + log (1.25);
    }
  pad = (log_max - log_min) * 0.08;
  log_min -= pad;
  log_max += pad;

#define RX(v) (left + (log (v) - log_min) / (log_max - log_min) * plot_w)

  /* Rows: the label above, the line and dot in a band of their own. */
  for (guint i = 0; i < self->intervals->len; i++)
    {
      Interval *interval = g_ptr_array_index (self->intervals, i);
      g_autoptr(PangoLayout) layout = interval_label_layout (painter, interval->label, plot_w);
      int lw, lh;
      double middle, x0, x1, xe;

      pango_layout_get_pixel_size (layout, &lw, &lh);
      if (fg != NULL)
        {
          set_color (cr, fg, 1);
          cairo_move_to (cr, left, y);
          pango_cairo_show_layout (cr, layout);
        }
      record (painter->labels, interval->label, left, y, lw, lh);
      y += lh + INTERVAL_LABEL_GAP;
      g_array_append_val (bands, y);
      middle = y + INTERVAL_BAND / 2.0;
      x0 = RX (interval->low);
      x1 = RX (interval->high);
      xe = RX (interval->estimate);

      if (fg != NULL)
        {
          set_color (cr, accent, 1);
          cairo_set_line_width (cr, 3);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
          cairo_move_to (cr, x0, middle);
          cairo_line_to (cr, x1, middle);
          cairo_stroke (cr);
          /* Ends as short upright ticks, so a range is not read as an arrow. */
          cairo_set_line_width (cr, 2);
          cairo_move_to (cr, x0, middle - 5);
          cairo_line_to (cr, x0, middle + 5);
          cairo_move_to (cr, x1, middle - 5);
          cairo_line_to (cr, x1, middle + 5);
          cairo_stroke (cr);
          cairo_new_sub_path (cr);
          cairo_arc (cr, xe, middle, INTERVAL_DOT, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      record (painter->markers, NULL, x0, middle - 5, x1 - x0, 10);
      record (painter->markers, NULL, xe - INTERVAL_DOT, middle - INTERVAL_DOT,
              2 * INTERVAL_DOT, 2 * INTERVAL_DOT);
      y += INTERVAL_BAND + INTERVAL_ROW_GAP;
    }

  /* Ticks that fit side by side, 1 first, each with a faint line through
   * the bands only, never through a label. */
  text_size (painter, "0.25", &label_w, &label_h);
  for (guint t = 0; t < G_N_ELEMENTS (ticks); t++)
    {
      double v = ticks[t], x = RX (v);
      g_autofree char *label = NULL;
      gboolean fits = TRUE;
      double w, h;

      if (log (v) < log_min || log (v) > log_max)
        continue;
      label = format_ratio (v);
      text_size (painter, label, &w, &h);
      if (x - w / 2 < 0 || x + w / 2 > width)
        continue;
      for (guint k = 0; k < shown->len; k++)
        if (fabs (RX (g_array_index (shown, double, k)) - x) < MAX (w, label_w) + TICK_GAP)
          fits = FALSE;
      if (!fits || shown->len == 5)
        continue;
      g_array_append_val (shown, v);
      if (fg != NULL)
        {
          set_color (cr, fg, 0.15);
          cairo_set_line_width (cr, 1);
          for (guint b = 0; b < bands->len; b++)
            {
              cairo_move_to (cr, round (x) + 0.5, g_array_index (bands, double, b));
              cairo_line_to (cr, round (x) + 0.5, g_array_index (bands, double, b) + INTERVAL_BAND);
            }
          cairo_stroke (cr);
          set_color (cr, fg, 1);
        }
      if (fg != NULL)
        draw_text (painter, label, x, y - INTERVAL_ROW_GAP + 4, 0.5, 0.0);
    }

  /* The marks (1.0, the same time) through every band. */
  for (guint i = 0; i < self->references->len; i++)
    {
      double x = RX (g_array_index (self->references, double, i));
      double dash[] = { 4, 3 };

      for (guint b = 0; b < bands->len; b++)
        record (painter->markers, NULL, x - 1, g_array_index (bands, double, b), 2, INTERVAL_BAND);
      if (fg != NULL)
        {
          set_color (cr, fg, 0.9);
          cairo_set_line_width (cr, 1.5);
          cairo_set_dash (cr, dash, 2, 0);
          for (guint b = 0; b < bands->len; b++)
            {
              cairo_move_to (cr, x, g_array_index (bands, double, b));
              cairo_line_to (cr, x, g_array_index (bands, double, b) + INTERVAL_BAND);
            }
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
    }
#undef RX

  return y - INTERVAL_ROW_GAP + 4 + label_h;
}

guint
ys_chart_data_get_n_intervals (const YsChartData *self)
{
  return self->intervals->len;
}

double
ys_chart_data_intervals_height (const YsChartData          *self,
                                double                      width,
                                const PangoFontDescription *font)
{
  Painter painter = { NULL, font, NULL, NULL };
  double height;

  g_return_val_if_fail (self != NULL, 0);

  if (self->intervals->len == 0)
    return 0;
  measuring_begin (&painter);
  height = legend (self, &painter, width, NULL, NULL);
  height = TOP + (height > 0 ? height + LEGEND_BELOW : 0);
  height = draw_intervals (self, &painter, width, height, NULL, NULL) + 4;
  measuring_end (&painter);
  return ceil (height);
}

/* The x axis ------------------------------------------------------------------ */

/* As many evenly spaced dates as fit without touching, from two to five;
 * the first is left-aligned and the last right-aligned at the plot's ends. */
static guint
x_tick_count (Painter  *painter,
              double    x_min,
              double    x_max,
              double    plot_w,
              gboolean  long_span)
{
  double widest = 0;

  for (int t = 0; t <= 4; t++)
    {
      g_autofree char *label = format_day (round (x_min + (x_max - x_min) * t / 4.0), long_span);
      double w, h;

      text_size (painter, label, &w, &h);
      widest = MAX (widest, w);
    }

  for (guint n = 5; n > 2; n--)
    /* Between neighbours: half of each centred label, or a whole edge one. */
    if (plot_w / (n - 1) >= 1.5 * widest + TICK_GAP)
      return n;
  return plot_w >= 2 * widest + TICK_GAP ? 2 : 1;
}

/* Drawing ----------------------------------------------------------------------- */

static void
draw (const YsChartData          *self,
      Painter                    *painter,
      double                      width,
      double                      height,
      const YsColor              *foreground,
      const YsColor              *accent_color,
      double                      hover_x)
{
  cairo_t *cr = painter->cr;
  double left = self->compact ? 2 : LEFT;
  double right = self->compact ? 2 : RIGHT;
  double top = self->compact ? 2 : TOP;
  double bottom = self->compact ? 2 : BOTTOM;
  double plot_w = width - left - right;
  double plot_h;
  double x_min = G_MAXDOUBLE, x_max = -G_MAXDOUBLE, y_max = 0;
  YsColor fg = *foreground, accent = *accent_color;

  if (width <= 0 || height <= 0 || plot_w <= 10)
    return;

  cairo_save (cr);

  if (!has_data (self))
    {
      if (!self->compact)
        {
          set_color (cr, &fg, 0.55);
          draw_text (painter, _("No runs in this period"), width / 2.0, height / 2.0, 0.5, 0.5);
        }
      cairo_restore (cr);
      return;
    }

  /* Each chart's own legend, above the plot. */
  if (!self->compact)
    {
      double legend_h = legend (self, painter, width, &fg, &accent);

      if (legend_h > 0)
        top += legend_h + LEGEND_BELOW;
    }
  plot_h = height - top - bottom;
  if (plot_h <= 10)
    {
      cairo_restore (cr);
      return;
    }

  if (self->intervals->len > 0)
    {
      draw_intervals (self, painter, width, top, &fg, &accent);
      cairo_restore (cr);
      return;
    }

  if (self->bar_values->len > 0)
    {
      double labels_h = bar_labels_height (self, painter, plot_w) + 8;

      plot_h = height - top - MAX (labels_h, BOTTOM);
      if (plot_h <= 26)
        {
          cairo_restore (cr);
          return;
        }
      draw_bars (self, painter, left, top + 16, plot_w, plot_h - 16, &fg, &accent);
      cairo_restore (cr);
      return;
    }

  /* Ranges over everything drawn. */
  for (guint i = 0; i < self->points_x->len; i++)
    {
      x_min = MIN (x_min, g_array_index (self->points_x, double, i));
      x_max = MAX (x_max, g_array_index (self->points_x, double, i));
      y_max = MAX (y_max, g_array_index (self->points_y, double, i));
    }
  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      for (guint i = 0; i < series->x->len; i++)
        {
          double y = g_array_index (series->y, double, i);

          x_min = MIN (x_min, g_array_index (series->x, double, i));
          x_max = MAX (x_max, g_array_index (series->x, double, i));
          if (!isnan (y))
            y_max = MAX (y_max, y);
        }
    }
  for (guint i = 0; i < self->references->len; i++)
    y_max = MAX (y_max, g_array_index (self->references, double, i));

  if (self->axis == YS_CHART_AXIS_SHARE)
    y_max = 1;
  else
    y_max = MAX (y_max * 1.1, 60);
  if (x_max - x_min < 7)
    {
      /* One week: centre it in a fortnight so that it is not on the edge. */
      x_min -= 7;
      x_max += 7;
    }

#define PX(v) (left + ((v) - x_min) / (x_max - x_min) * plot_w)
#define PY(v) (top + plot_h - (v) / y_max * plot_h)

  cairo_set_line_width (cr, 1);

  /* Grid and axes. */
  if (!self->compact)
    {
      double step = nice_step (self, y_max);
      gboolean long_span = x_max - x_min > 300;
      double label_w, label_h;
      guint ticks;

      /* Fewer lines when a short plot would crowd their labels. */
      text_size (painter, "0", &label_w, &label_h);
      while (step / y_max * plot_h < label_h + 2 && step < y_max)
        step *= 2;

      for (double v = 0; v <= y_max + 1e-9; v += step)
        {
          g_autofree char *label = format_value (self, v);

          set_color (cr, &fg, 0.15);
          cairo_move_to (cr, left, round (PY (v)) + 0.5);
          cairo_line_to (cr, left + plot_w, round (PY (v)) + 0.5);
          cairo_stroke (cr);
          set_color (cr, &fg, 1);
          draw_text (painter, label, left - 6, PY (v), 1.0, 0.5);
        }

      ticks = x_tick_count (painter, x_min, x_max, plot_w, long_span);
      for (guint t = 0; t < ticks; t++)
        {
          double fraction = ticks > 1 ? (double) t / (ticks - 1) : 0;
          double day = x_min + (x_max - x_min) * fraction;
          g_autofree char *label = format_day (round (day), long_span);

          set_color (cr, &fg, 1);
          draw_text (painter, label, PX (day), top + plot_h + 4,
                     t == 0 ? 0.0 : t == ticks - 1 ? 1.0 : 0.5, 0.0);
        }
    }

  /* Individual runs, faint. */
  set_color (cr, &fg, 0.18);
  for (guint i = 0; i < self->points_x->len; i++)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, PX (g_array_index (self->points_x, double, i)),
                 PY (g_array_index (self->points_y, double, i)), 2, 0, 2 * G_PI);
    }
  cairo_fill (cr);

  /* Reference lines: thin, long dashes; the legend names them. */
  for (guint i = 0; i < self->references->len; i++)
    {
      double v = g_array_index (self->references, double, i);
      double dash[] = { 8, 4 };

      set_color (cr, &fg, 0.6);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, left, PY (v));
      cairo_line_to (cr, left + plot_w, PY (v));
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      record (painter->markers, NULL, left, PY (v) - 0.5, plot_w, 1);
    }

  /* Series: without AI in the foreground colour, dashed, squares; with AI in
   * the accent colour, solid, circles. */
  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      const YsColor *color = series->style == YS_CHART_STYLE_SOLID_CIRCLES ? &accent : &fg;
      double dash[] = { 5, 4 };
      gboolean pen_down = FALSE;

      set_color (cr, color, 1);
      cairo_set_line_width (cr, self->compact ? 1.5 : 2);
      if (series->style == YS_CHART_STYLE_DASHED_SQUARES)
        cairo_set_dash (cr, dash, 2, 0);
      for (guint i = 0; i < series->x->len; i++)
        {
          double y = g_array_index (series->y, double, i);

          if (isnan (y))
            {
              /* A gap; a sparkline just carries on to the next point. */
              pen_down = pen_down && self->compact;
              continue;
            }
          if (pen_down)
            cairo_line_to (cr, PX (g_array_index (series->x, double, i)), PY (y));
          else
            cairo_move_to (cr, PX (g_array_index (series->x, double, i)), PY (y));
          pen_down = TRUE;
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      if (!self->compact)
        for (guint i = 0; i < series->x->len; i++)
          if (!isnan (g_array_index (series->y, double, i)))
            draw_marker (painter, series->style, PX (g_array_index (series->x, double, i)),
                         PY (g_array_index (series->y, double, i)), 3);
    }

  /* The week under the pointer. */
  if (!isnan (hover_x) && !self->compact)
    {
      set_color (cr, &fg, 0.4);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, round (PX (hover_x)) + 0.5, top);
      cairo_line_to (cr, round (PX (hover_x)) + 0.5, top + plot_h);
      cairo_stroke (cr);
    }

#undef PX
#undef PY
  cairo_restore (cr);
}

void
ys_chart_draw (const YsChartData          *self,
               cairo_t                    *cr,
               double                      width,
               double                      height,
               const YsColor              *foreground,
               const YsColor              *accent_color,
               double                      hover_x,
               const PangoFontDescription *font)
{
  Painter painter = { cr, font, NULL, NULL };

  draw (self, &painter, width, height, foreground, accent_color, hover_x);
}

void
ys_chart_data_layout (const YsChartData          *self,
                      double                      width,
                      double                      height,
                      const PangoFontDescription *font,
                      GArray                     *labels,
                      GArray                     *markers)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  Painter painter = { cairo_create (surface), font, labels, markers };
  YsColor ink = { 0, 0, 0, 1 };

  draw (self, &painter, width, height, &ink, &ink, NAN);
  cairo_destroy (painter.cr);
  cairo_surface_destroy (surface);
}

gboolean
ys_chart_data_nearest_x (const YsChartData *self,
                         double             pointer_x,
                         double             width,
                         double            *found)
{
  double x_min = G_MAXDOUBLE, x_max = -G_MAXDOUBLE, best = NAN, best_distance = G_MAXDOUBLE;
  double left = LEFT, plot_w = width - LEFT - RIGHT;
  double day;

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      for (guint i = 0; i < series->x->len; i++)
        {
          x_min = MIN (x_min, g_array_index (series->x, double, i));
          x_max = MAX (x_max, g_array_index (series->x, double, i));
        }
    }
  if (x_min > x_max || plot_w <= 0)
    return FALSE;
  if (x_max - x_min < 7)
    {
      x_min -= 7;
      x_max += 7;
    }

  day = x_min + (pointer_x - left) / plot_w * (x_max - x_min);
  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      for (guint i = 0; i < series->x->len; i++)
        {
          double d = fabs (g_array_index (series->x, double, i) - day);
          if (d < best_distance)
            {
              best_distance = d;
              best = g_array_index (series->x, double, i);
            }
        }
    }

  *found = best;
  return !isnan (best);
}

char *
ys_chart_data_describe_at (const YsChartData *self,
                           double             x,
                           double             width)
{
  GString *text;
  double day;

  if (self->intervals->len > 0)
    {
      GString *rows = g_string_new (NULL);

      for (guint i = 0; i < self->intervals->len; i++)
        g_string_append_printf (rows, "%s%s", i > 0 ? "\n" : "",
                                ((Interval *) g_ptr_array_index (self->intervals, i))->label);
      return g_string_free (rows, FALSE);
    }

  if (self->bar_values->len > 0)
    {
      guint n = self->bar_values->len;
      guint i = (guint) CLAMP ((x - LEFT) / ((width - LEFT - RIGHT) / n), 0, n - 1);
      double value = g_array_index (self->bar_values, double, i);
      const char *caption = g_ptr_array_index (self->bar_captions, i);
      g_autofree char *formatted = isnan (value) ? g_strdup (_("no answers")) : format_value (self, value);

      if (caption != NULL && *caption)
        return g_strdup_printf ("%s: %s, %s", (char *) g_ptr_array_index (self->bar_labels, i),
                                formatted, caption);
      return g_strdup_printf ("%s: %s", (char *) g_ptr_array_index (self->bar_labels, i),
                              formatted);
    }

  if (self->compact || !ys_chart_data_nearest_x (self, x, width, &day))
    return NULL;

  text = g_string_new (NULL);
  {
    GDate d;
    char buffer[64];

    g_date_clear (&d, 1);
    g_date_set_julian (&d, (guint32) day);
    g_date_strftime (buffer, sizeof buffer, _("Week of %-d %b %Y"), &d);
    g_string_append (text, buffer);
  }

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      for (guint i = 0; i < series->x->len; i++)
        if (g_array_index (series->x, double, i) == day &&
            !isnan (g_array_index (series->y, double, i)))
          {
            double y = g_array_index (series->y, double, i);
            /* Exact figures on hover, with the counts behind a share; the
             * axis rounds. */
            g_autofree char *value = self->axis == YS_CHART_AXIS_DURATION
              ? ys_duration_format ((gint64) llround (y))
              : series->part != NULL
              ? ys_wording_count_share (g_array_index (series->part, guint, i),
                                        g_array_index (series->whole, guint, i))
              : ys_wording_percent (y);
            g_string_append_printf (text, "\n%s: %s", series->label, value);
          }
    }

  return g_string_free (text, FALSE);
}

YsChartData *
ys_chart_data_new (YsChartAxis axis)
{
  YsChartData *self = g_new0 (YsChartData, 1);

  self->axis = axis;
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->points_x = g_array_new (FALSE, FALSE, sizeof (double));
  self->points_y = g_array_new (FALSE, FALSE, sizeof (double));
  self->references = g_array_new (FALSE, FALSE, sizeof (double));
  self->reference_labels = g_ptr_array_new_with_free_func (g_free);
  self->bar_labels = g_ptr_array_new_with_free_func (g_free);
  self->bar_captions = g_ptr_array_new_with_free_func (g_free);
  self->bar_values = g_array_new (FALSE, FALSE, sizeof (double));
  self->intervals = g_ptr_array_new_with_free_func (interval_free);
  return self;
}

void
ys_chart_data_free (YsChartData *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->series);
  g_array_unref (self->points_x);
  g_array_unref (self->points_y);
  g_array_unref (self->references);
  g_ptr_array_unref (self->reference_labels);
  g_ptr_array_unref (self->bar_labels);
  g_ptr_array_unref (self->bar_captions);
  g_array_unref (self->bar_values);
  g_ptr_array_unref (self->intervals);
  g_free (self);
}

void
ys_chart_data_clear (YsChartData *self)
{
  g_ptr_array_set_size (self->series, 0);
  g_array_set_size (self->points_x, 0);
  g_array_set_size (self->points_y, 0);
  g_array_set_size (self->references, 0);
  g_ptr_array_set_size (self->reference_labels, 0);
  g_ptr_array_set_size (self->bar_labels, 0);
  g_ptr_array_set_size (self->bar_captions, 0);
  g_array_set_size (self->bar_values, 0);
  g_ptr_array_set_size (self->intervals, 0);
}

void
ys_chart_data_add_series (YsChartData  *self,
                          const char   *label,
                          YsChartStyle  style,
                          const double *x,
                          const double *y,
                          guint         n)
{
  Series *series = g_new0 (Series, 1);

  series->label = g_strdup (label);
  series->style = style;
  series->x = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
  series->y = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
  g_array_append_vals (series->x, x, n);
  g_array_append_vals (series->y, y, n);
  g_ptr_array_add (self->series, series);
}

void
ys_chart_data_add_share_series (YsChartData  *self,
                                const char   *label,
                                YsChartStyle  style,
                                const double *x,
                                const guint  *part,
                                const guint  *whole,
                                guint         n)
{
  g_autofree double *y = g_new (double, MAX (n, 1));
  Series *series;

  for (guint i = 0; i < n; i++)
    y[i] = whole[i] > 0 ? (double) part[i] / whole[i] : NAN;
  ys_chart_data_add_series (self, label, style, x, y, n);
  series = g_ptr_array_index (self->series, self->series->len - 1);
  series->part = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  series->whole = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  g_array_append_vals (series->part, part, n);
  g_array_append_vals (series->whole, whole, n);
}

void
ys_chart_data_add_points (YsChartData  *self,
                          const double *x,
                          const double *y,
                          guint         n)
{
  g_array_append_vals (self->points_x, x, n);
  g_array_append_vals (self->points_y, y, n);
}

void
ys_chart_data_add_reference (YsChartData *self,
                             double       y,
                             const char  *label)
{
  g_array_append_val (self->references, y);
  g_ptr_array_add (self->reference_labels, g_strdup (label));
}

void
ys_chart_data_add_interval (YsChartData *self,
                            const char  *label,
                            double       estimate,
                            double       low,
                            double       high)
{
  Interval *interval;

  g_return_if_fail (self->axis == YS_CHART_AXIS_RATIO);
  g_return_if_fail (low > 0 && low <= estimate && estimate <= high);

  interval = g_new0 (Interval, 1);
  interval->label = g_strdup (label);
  interval->estimate = estimate;
  interval->low = low;
  interval->high = high;
  g_ptr_array_add (self->intervals, interval);
}

void
ys_chart_data_set_bars (YsChartData   *self,
                        const char   **labels,
                        const double  *values,
                        const char   **captions,
                        guint          n)
{
  g_ptr_array_set_size (self->bar_labels, 0);
  g_ptr_array_set_size (self->bar_captions, 0);
  g_array_set_size (self->bar_values, 0);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (self->bar_labels, g_strdup (labels[i]));
      g_ptr_array_add (self->bar_captions, g_strdup (captions ? captions[i] : NULL));
    }
  g_array_append_vals (self->bar_values, values, n);
}

void
ys_chart_data_set_compact (YsChartData *self,
                           gboolean     compact)
{
  self->compact = compact;
}

gboolean
ys_chart_data_get_compact (const YsChartData *self)
{
  return self->compact;
}
