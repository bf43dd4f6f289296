/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick"

#include "config.h"

#include <math.h>

#include "ys-chart.h"

/*
 * The chart as a widget: the drawing is ys_chart_draw(), with colours from
 * the style so that light, dark and high contrast all work. For screen
 * readers it is an image whose label states the trend in words; the page
 * beside it offers the same numbers as a table.
 */

struct _YsChart
{
  GtkWidget parent_instance;

  YsChartData *data;
  double hover_x;
  char *description;
};

G_DEFINE_FINAL_TYPE (YsChart, ys_chart, GTK_TYPE_WIDGET)

static void
get_colors (YsChart *self,
            YsColor *fg,
            YsColor *accent)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA color;

  gtk_style_context_get_color (context, &color);
  *fg = (YsColor) { color.red, color.green, color.blue, color.alpha };
  if (!gtk_style_context_lookup_color (context, "accent_color", &color))
    gdk_rgba_parse (&color, "#1c71d8");
  *accent = (YsColor) { color.red, color.green, color.blue, color.alpha };
}

static void
ys_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  YsChart *self = YS_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  YsColor fg, accent;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  get_colors (self, &fg, &accent);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ys_chart_draw (self->data, cr, width, height, &fg, &accent, self->hover_x,
                 pango_context_get_font_description (gtk_widget_get_pango_context (widget)));
  cairo_destroy (cr);
}

static gboolean
on_query_tooltip (YsChart    *self,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  g_autofree char *text = ys_chart_data_describe_at (self->data, x,
                                                     gtk_widget_get_width (GTK_WIDGET (self)));

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_motion (YsChart                  *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  double day = NAN;

  if (!ys_chart_data_nearest_x (self->data, x, gtk_widget_get_width (GTK_WIDGET (self)), &day))
    day = NAN;
  if (day != self->hover_x && !(isnan (day) && isnan (self->hover_x)))
    {
      self->hover_x = day;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave (YsChart *self)
{
  self->hover_x = NAN;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static GtkSizeRequestMode
ys_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ys_chart_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  YsChart *self = YS_CHART (widget);
  gboolean compact = ys_chart_data_get_compact (self->data);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = compact ? 80 : 240;
  else if (ys_chart_data_get_n_intervals (self->data) > 0)
    /* A forest plot is as tall as its rows, with their labels wrapped. */
    *minimum = *natural = (int) ys_chart_data_intervals_height (
      self->data, for_size > 0 ? for_size : 240,
      pango_context_get_font_description (gtk_widget_get_pango_context (widget)));
  else
    {
      /* The plot keeps its height; a legend that wraps at a narrow width
       * adds rows above it. */
      double legend = compact ? 0 : ys_chart_data_legend_height (
        self->data, for_size > 0 ? for_size : 240,
        pango_context_get_font_description (gtk_widget_get_pango_context (widget)));

      *minimum = *natural = compact ? 32 : 180 + (int) ceil (legend);
    }
}

static void
ys_chart_finalize (GObject *object)
{
  YsChart *self = (YsChart *) object;

  ys_chart_data_free (self->data);
  g_free (self->description);

  G_OBJECT_CLASS (ys_chart_parent_class)->finalize (object);
}

static void
ys_chart_class_init (YsChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ys_chart_finalize;
  widget_class->snapshot = ys_chart_snapshot;
  widget_class->measure = ys_chart_measure;
  widget_class->get_request_mode = ys_chart_get_request_mode;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
ys_chart_init (YsChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->hover_x = NAN;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}

GtkWidget *
ys_chart_new (YsChartAxis axis)
{
  YsChart *self = g_object_new (YS_TYPE_CHART, NULL);

  self->data = ys_chart_data_new (axis);
  return GTK_WIDGET (self);
}

void
ys_chart_clear (YsChart *self)
{
  g_return_if_fail (YS_IS_CHART (self));
  ys_chart_data_clear (self->data);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
ys_chart_add_series (YsChart      *self,
                     const char   *label,
                     YsChartStyle  style,
                     const double *x,
                     const double *y,
                     guint         n)
{
  g_return_if_fail (YS_IS_CHART (self));
  ys_chart_data_add_series (self->data, label, style, x, y, n);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
ys_chart_add_share_series (YsChart      *self,
                           const char   *label,
                           YsChartStyle  style,
                           const double *x,
                           const guint  *part,
                           const guint  *whole,
                           guint         n)
{
  g_return_if_fail (YS_IS_CHART (self));
  ys_chart_data_add_share_series (self->data, label, style, x, part, whole, n);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
ys_chart_add_points (YsChart      *self,
                     const double *x,
                     const double *y,
                     guint         n)
{
  g_return_if_fail (YS_IS_CHART (self));
  ys_chart_data_add_points (self->data, x, y, n);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
ys_chart_add_reference (YsChart    *self,
                        double      y,
                        const char *label)
{
  g_return_if_fail (YS_IS_CHART (self));
  ys_chart_data_add_reference (self->data, y, label);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
ys_chart_add_interval (YsChart    *self,
                       const char *label,
                       double      estimate,
                       double      low,
                       double      high)
{
  g_return_if_fail (YS_IS_CHART (self));
  ys_chart_data_add_interval (self->data, label, estimate, low, high);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
ys_chart_set_bars (YsChart      *self,
                   const char  **labels,
                   const double *values,
                   const char  **captions,
                   guint         n)
{
  g_return_if_fail (YS_IS_CHART (self));
  ys_chart_data_set_bars (self->data, labels, values, captions, n);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ys_chart_set_description (YsChart    *self,
                          const char *title,
                          const char *trend)
{
  g_autofree char *label = NULL;

  g_return_if_fail (YS_IS_CHART (self));

  label = trend && *trend ? g_strdup_printf ("%s. %s", title, trend) : g_strdup (title);
  g_free (self->description);
  self->description = g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, trend ? trend : "",
                                  -1);
}

void
ys_chart_set_compact (YsChart  *self,
                      gboolean  compact)
{
  g_return_if_fail (YS_IS_CHART (self));

  ys_chart_data_set_compact (self->data, compact);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), !compact);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
ys_chart_get_description (YsChart *self)
{
  g_return_val_if_fail (YS_IS_CHART (self), NULL);
  return self->description;
}
