/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "ys-chart-draw.h"
#include "ys-duration.h"

/*
 * A small chart drawn with cairo: weekly lines over time, faint points, a
 * reference line, or bars. Series are told apart by dash and marker shape as
 * well as colour. The window's chart widget and the PDF report both draw
 * through here, with their own colours and fonts.
 */

typedef struct
{
  char *label;
  YsChartStyle style;
  GArray *x;
  GArray *y;
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
  GArray *bar_values;
  gboolean compact;
};

typedef struct
{
  cairo_t *cr;
  const PangoFontDescription *font;
} Painter;

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->label);
  g_array_unref (series->x);
  g_array_unref (series->y);
  g_free (series);
}

static char *
format_value (const YsChartData *self,
              double   value)
{
  if (self->axis == YS_CHART_AXIS_SHARE)
    return g_strdup_printf (_("%d%%"), (int) lround (value * 100));
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
  if (self->bar_values->len > 0 || self->points_x->len > 0)
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

static void
draw_text (Painter    *painter,
           const char *text,
           double      x,
           double      y,
           double      align_x,
           double      align_y)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (painter->cr);
  int width, height;

  if (painter->font != NULL)
    pango_layout_set_font_description (layout, painter->font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (painter->cr, x - width * align_x, y - height * align_y);
  pango_cairo_show_layout (painter->cr, layout);
}

static void
draw_marker (cairo_t      *cr,
             YsChartStyle  style,
             double        x,
             double        y,
             double        size)
{
  if (style == YS_CHART_STYLE_DASHED_SQUARES)
    cairo_rectangle (cr, x - size, y - size, size * 2, size * 2);
  else
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, size, 0, 2 * G_PI);
    }
  cairo_fill (cr);
}

static void
set_color (cairo_t       *cr,
           const YsColor *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
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
      g_autofree char *text = isnan (value) ? g_strdup ("—") : format_value (self, value);

      set_color (cr, accent, 1);
      cairo_rectangle (cr, x, top + height - h, bar, h);
      cairo_fill (cr);
      set_color (cr, fg, 1);
      draw_text (painter, text, x + bar / 2, top + height - h - 2, 0.5, 1.0);
      draw_text (painter, g_ptr_array_index (self->bar_labels, i),
                 x + bar / 2, top + height + 4, 0.5, 0.0);
    }
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
  Painter painter = { cr, font };
  double left = self->compact ? 2 : 76;
  double right = self->compact ? 2 : 12;
  double top = self->compact ? 2 : 10;
  double bottom = self->compact ? 2 : 26;
  double plot_w = width - left - right;
  double plot_h = height - top - bottom;
  double x_min = G_MAXDOUBLE, x_max = -G_MAXDOUBLE, y_max = 0;
  YsColor fg = *foreground, accent = *accent_color;

  if (width <= 0 || height <= 0 || plot_w <= 10 || plot_h <= 10)
    return;

  cairo_save (cr);

  if (!has_data (self))
    {
      if (!self->compact)
        {
          set_color (cr, &fg, 0.55);
          draw_text (&painter, _("No runs in this period"), width / 2.0, height / 2.0, 0.5, 0.5);
        }
      cairo_restore (cr);
      return;
    }

  if (self->bar_values->len > 0)
    {
      if (self->axis == YS_CHART_AXIS_SHARE)
        y_max = 1;
      draw_bars (self, &painter, left, top + 16, plot_w, plot_h - 16, &fg, &accent);
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

      for (double v = 0; v <= y_max + 1e-9; v += step)
        {
          g_autofree char *label = format_value (self, v);

          set_color (cr, &fg, 0.15);
          cairo_move_to (cr, left, round (PY (v)) + 0.5);
          cairo_line_to (cr, left + plot_w, round (PY (v)) + 0.5);
          cairo_stroke (cr);
          set_color (cr, &fg, 1);
          draw_text (&painter, label, left - 6, PY (v), 1.0, 0.5);
        }

      for (int t = 0; t <= 4; t++)
        {
          double day = x_min + (x_max - x_min) * t / 4.0;
          g_autofree char *label = format_day (round (day), long_span);

          set_color (cr, &fg, 1);
          draw_text (&painter, label, PX (day), top + plot_h + 4,
                     t == 0 ? 0.0 : t == 4 ? 1.0 : 0.5, 0.0);
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

  /* Reference lines: thin, long dashes, labelled at the right. */
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
      if (!self->compact)
        draw_text (&painter, g_ptr_array_index (self->reference_labels, i),
                   left + plot_w - 4, PY (v) - 2, 1.0, 1.0);
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
            draw_marker (cr, series->style, PX (g_array_index (series->x, double, i)),
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

gboolean
ys_chart_data_nearest_x (const YsChartData *self,
                         double             pointer_x,
                         double             width,
                         double            *found)
{
  double x_min = G_MAXDOUBLE, x_max = -G_MAXDOUBLE, best = NAN, best_distance = G_MAXDOUBLE;
  double left = 76, plot_w = width - 76 - 12;
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

  if (self->bar_values->len > 0)
    {
      guint n = self->bar_values->len;
      guint i = (guint) CLAMP ((x - 76) / ((width - 88.0) / n), 0, n - 1);
      double value = g_array_index (self->bar_values, double, i);
      g_autofree char *formatted = isnan (value) ? g_strdup (_("no answers")) : format_value (self, value);
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
            /* Exact figures on hover; the axis rounds. */
            g_autofree char *value = self->axis == YS_CHART_AXIS_DURATION
              ? ys_duration_format ((gint64) llround (y))
              : g_strdup_printf ("%.1f%%", y * 100);
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
  self->bar_values = g_array_new (FALSE, FALSE, sizeof (double));
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
  g_array_unref (self->bar_values);
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
  g_array_set_size (self->bar_values, 0);
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
ys_chart_data_set_bars (YsChartData   *self,
                        const char   **labels,
                        const double  *values,
                        guint          n)
{
  g_ptr_array_set_size (self->bar_labels, 0);
  g_array_set_size (self->bar_values, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->bar_labels, g_strdup (labels[i]));
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
