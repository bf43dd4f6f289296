/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <math.h>
#include <stdlib.h>

#include "ys-chart.h"
#include "ys-demo.h"
#include "ys-figures-view.h"
#include "ys-overview-view.h"
#include "ys-test-ui.h"
#include "ys-wording.h"

/* Charts drawn for real: into an image whose pixels are checked (the series
 * with AI in its colour where its points are, no text on a point), and as
 * widgets, offscreen: empty, one point, and the demo team. Any critical
 * fails the test (G_DEBUG=fatal-criticals). */

static void
render (GtkWidget  *widget,
        const char *name)
{
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  paintable = gtk_widget_paintable_new (widget);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_empty_and_one_point (void)
{
  GtkWidget *empty = ys_chart_new (YS_CHART_AXIS_DURATION);
  GtkWidget *one = ys_chart_new (YS_CHART_AXIS_SHARE);
  GtkWidget *bars = ys_chart_new (YS_CHART_AXIS_SHARE);
  GtkWidget *sparkline = ys_chart_new (YS_CHART_AXIS_DURATION);
  double x[] = { 2461300 }, y[] = { 0.5 };
  double gap_x[] = { 2461300, 2461307, 2461314 }, gap_y[] = { 3600, NAN, 5400 };
  const char *labels[] = { "ChatGPT", "Claude" };
  double shares[] = { 0.75, NAN };
  const char *captions[] = { "3 of 4 say yes", NULL };

  ys_chart_set_description (YS_CHART (empty), "Weekly median time", "No runs yet.");
  g_assert_cmpstr (ys_chart_get_description (YS_CHART (empty)), ==,
                   "Weekly median time. No runs yet.");
  render (empty, "test-chart-empty.png");

  ys_chart_add_series (YS_CHART (one), "With AI", YS_CHART_STYLE_SOLID_CIRCLES, x, y, 1);
  ys_chart_add_reference (YS_CHART (one), 0.7, "70% target");
  render (one, "test-chart-one-point.png");

  ys_chart_set_bars (YS_CHART (bars), labels, shares, captions, 2);
  render (bars, "test-chart-bars.png");

  ys_chart_set_compact (YS_CHART (sparkline), TRUE);
  ys_chart_add_series (YS_CHART (sparkline), "Without AI", YS_CHART_STYLE_DASHED_SQUARES,
                       gap_x, gap_y, 3);
  render (sparkline, "test-chart-sparkline.png");
}

/* Pixels ------------------------------------------------------------------ */

/* The colours the pixel tests draw with: black ink, a red that nothing else
 * in a chart uses for the series with AI, on white. */
static const YsColor ink = { 0, 0, 0, 1 };
static const YsColor red = { 0.8, 0.1, 0.1, 1 };

typedef struct
{
  double r, g, b;
} Pixel;

static Pixel
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int px = (int) floor (x), py = (int) floor (y);
  guint32 argb;

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (surface));
  argb = *(const guint32 *) (data + py * stride + px * 4);
  /* Opaque (the white background is painted first), so not premultiplied. */
  return (Pixel) { ((argb >> 16) & 0xff) / 255.0, ((argb >> 8) & 0xff) / 255.0,
                   (argb & 0xff) / 255.0 };
}

static gboolean
is_red (Pixel p)
{
  return fabs (p.r - red.red) < 0.02 && fabs (p.g - red.green) < 0.02 &&
         fabs (p.b - red.blue) < 0.02;
}

/* The core of a letter (or of the line and squares without AI): nearly
 * black. Grid lines, reference lines and single runs are drawn faint. */
static gboolean
is_ink (Pixel p)
{
  return p.r < 0.3 && p.g < 0.3 && p.b < 0.3;
}

/* @data drawn at @width × @height on white, as the window draws it. */
static cairo_surface_t *
draw_chart (YsChartData *data,
            int          width,
            int          height,
            const char  *png)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 10");
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, png, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ys_chart_draw (data, cr, width, height, &ink, &red, NAN, font);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

/* Where the chart says it put its @n last markers: the centres, in the
 * order of the series' points. */
static GArray *
last_markers (YsChartData *data,
              int          width,
              int          height,
              guint        n)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 10");
  g_autoptr(GArray) markers = g_array_new (FALSE, FALSE, sizeof (YsChartBox));
  GArray *centres = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));

  ys_chart_data_layout (data, width, height, font, NULL, markers);
  g_assert_cmpuint (markers->len, >=, n);
  for (guint i = markers->len - n; i < markers->len; i++)
    {
      const YsChartBox *box = &g_array_index (markers, YsChartBox, i);
      graphene_point_t centre = GRAPHENE_POINT_INIT (box->x + box->width / 2,
                                                     box->y + box->height / 2);

      g_array_append_val (centres, centre);
    }
  return centres;
}

/* A point with AI is drawn in its colour, and nothing dark (a letter, or
 * the line without AI) within 5 px of its centre: no label lies on it. */
static void
assert_point_clear (cairo_surface_t        *surface,
                    const graphene_point_t *centre)
{
  g_assert_true (is_red (pixel_at (surface, centre->x, centre->y)));
  for (int dy = -5; dy <= 5; dy++)
    for (int dx = -5; dx <= 5; dx++)
      if (dx * dx + dy * dy <= 25 && is_ink (pixel_at (surface, centre->x + dx, centre->y + dy)))
        g_error ("ink at (%g, %g), %d px from the point with AI at (%g, %g)",
                 centre->x + dx, centre->y + dy, (int) round (sqrt (dx * dx + dy * dy)),
                 centre->x, centre->y);
}

/* Twelve weeks like the demo's policy briefs: four weeks near 4 h without
 * AI, then eight with AI alternating 1 h 30 min and 1 h 40 min; the
 * baseline's median as a reference line. */
static void
test_time_chart_pixels (void)
{
  g_autoptr(YsChartData) data = ys_chart_data_new (YS_CHART_AXIS_DURATION);
  double x[12], y[12];
  cairo_surface_t *surface;
  g_autoptr(GArray) with_ai = NULL;
  g_autoptr(GArray) without_ai = NULL;
  int widths[] = { 300, 520, 760 };

  for (int i = 0; i < 12; i++)
    {
      x[i] = 2461285 + 7 * i;
      y[i] = i < 4 ? 14400 + (i % 2) * 900 : 5400 + (i % 2) * 600;
    }
  ys_chart_data_add_series (data, "Without AI", YS_CHART_STYLE_DASHED_SQUARES, x, y, 4);
  ys_chart_data_add_series (data, "With AI", YS_CHART_STYLE_SOLID_CIRCLES, x + 4, y + 4, 8);
  ys_chart_data_add_reference (data, 14400, "Median without AI (4 h)");

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      g_autofree char *png = g_strdup_printf ("test-chart-pixels-time-%d.png", widths[w]);

      surface = draw_chart (data, widths[w], 240, png);
      without_ai = last_markers (data, widths[w], 240, 12);
      with_ai = last_markers (data, widths[w], 240, 8);

      /* Where the points are: a week further right each time, the same
       * distance each week; the longer runs higher up. */
      for (guint i = 1; i < with_ai->len; i++)
        {
          graphene_point_t *a = &g_array_index (with_ai, graphene_point_t, i - 1);
          graphene_point_t *b = &g_array_index (with_ai, graphene_point_t, i);
          graphene_point_t *first = &g_array_index (with_ai, graphene_point_t, 0);
          graphene_point_t *second = &g_array_index (with_ai, graphene_point_t, 1);

          g_assert_cmpfloat_with_epsilon (b->x - a->x, second->x - first->x, 0.01);
          g_assert_cmpfloat (b->x - a->x, >, 0);
          /* Weeks 4, 6, 8, 10 took 1 h 30 min; 5, 7, 9, 11 took 1 h 40 min. */
          if (i % 2 == 1)
            g_assert_cmpfloat (b->y, <, a->y);
          else
            g_assert_cmpfloat (b->y, >, a->y);
        }

      /* The colour with AI is at each of its points, and only there: the
       * four weeks without AI are drawn in ink. */
      for (guint i = 0; i < with_ai->len; i++)
        assert_point_clear (surface, &g_array_index (with_ai, graphene_point_t, i));
      for (guint i = 0; i < 4; i++)
        {
          Pixel p = pixel_at (surface, g_array_index (without_ai, graphene_point_t, i).x,
                              g_array_index (without_ai, graphene_point_t, i).y);

          g_assert_true (is_ink (p));
          g_assert_false (is_red (p));
        }
      g_clear_pointer (&with_ai, g_array_unref);
      g_clear_pointer (&without_ai, g_array_unref);
      cairo_surface_destroy (surface);
    }
}

/* Shares with AI from 0% to 100%: the 0% week sits on the bottom axis in
 * the corner, between the "0%" of the side axis and the first date, and
 * the 100% week at the top, under the legend. No text may cover them. */
static void
test_share_chart_pixels (void)
{
  g_autoptr(YsChartData) data = ys_chart_data_new (YS_CHART_AXIS_SHARE);
  double x[] = { 2461285, 2461292, 2461299, 2461306, 2461313 };
  guint part[] = { 0, 1, 2, 3, 2 }, whole[] = { 2, 3, 3, 3, 2 };
  int widths[] = { 240, 360, 760 };

  ys_chart_data_add_share_series (data, "With AI", YS_CHART_STYLE_SOLID_CIRCLES, x, part, whole,
                                  G_N_ELEMENTS (x));
  ys_chart_data_add_reference (data, 0.7, "70% mark");

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      g_autofree char *png = g_strdup_printf ("test-chart-pixels-share-%d.png", widths[w]);
      cairo_surface_t *surface = draw_chart (data, widths[w], 200, png);
      g_autoptr(GArray) points = last_markers (data, widths[w], 200, G_N_ELEMENTS (x));
      graphene_point_t *zero = &g_array_index (points, graphene_point_t, 0);
      graphene_point_t *full = &g_array_index (points, graphene_point_t, 3);

      /* 0 of 2 is lowest, 3 of 3 and 2 of 2 highest, 1 of 3 below 2 of 3. */
      g_assert_cmpfloat (zero->y, >, g_array_index (points, graphene_point_t, 1).y);
      g_assert_cmpfloat (g_array_index (points, graphene_point_t, 1).y, >,
                         g_array_index (points, graphene_point_t, 2).y);
      g_assert_cmpfloat (g_array_index (points, graphene_point_t, 2).y, >, full->y);
      g_assert_cmpfloat_with_epsilon (full->y, g_array_index (points, graphene_point_t, 4).y,
                                      0.01);
      for (guint i = 0; i < points->len; i++)
        assert_point_clear (surface, &g_array_index (points, graphene_point_t, i));
      cairo_surface_destroy (surface);
    }
}

/* Widgets ------------------------------------------------------------------ */

static void
test_demo_figures (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ys-charts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(YsStore) store = ys_store_open (path, &error);
  /* A fixed today, 25 November 2026, so that "last quarter" is July to
   * September whenever the test runs. */
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 11, 25, 12, 0, 0);
  g_autoptr(YsClock) clock = ys_clock_new_fixed (g_date_time_to_unix (today) * G_USEC_PER_SEC);
  g_autoptr(YsWorkflow) workflow = NULL;
  g_autoptr(YsSummary) summary = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *interval = NULL;
  GtkWidget *view;
  GtkWidget *overview;
  GtkWidget *child;
  guint charts = 0;

  g_assert_no_error (error);
  ys_store_set_clock (store, clock);
  g_assert_true (ys_demo_fill (store, &error));
  workflow = g_list_model_get_item (ys_store_get_workflows (store), 2);
  summary = ys_summary_compute (store, NULL, NULL, NULL);
  headline = ys_wording_headline (ys_summary_find (summary, ys_workflow_get_id (workflow)));

  view = ys_figures_view_new (store);
  ys_figures_view_set_workflow_id (YS_FIGURES_VIEW (view), ys_workflow_get_id (workflow));
  /* Read on a worker thread, with its own connection to the file. */
  g_assert_true (ys_figures_view_is_reading (YS_FIGURES_VIEW (view)));
  ys_test_wait_until (!ys_figures_view_is_reading (YS_FIGURES_VIEW (view)));
  g_assert_cmpstr (ys_figures_view_get_headline (YS_FIGURES_VIEW (view)), ==, headline);
  g_object_ref (view);
  render (view, "test-figures-demo.png");

  /* Every chart says in words what it shows: first the forest plot, an
   * image whose label states the ratio and its range (the demo's briefs:
   * all runs' range wholly below 1), then the time chart with the headline. */
  interval = ys_wording_interval_description (ys_summary_find (summary,
                                                               ys_workflow_get_id (workflow)));
  g_assert_nonnull (strstr (interval, "All runs: "));
  g_assert_nonnull (strstr (interval, "the whole range lies below 1"));
  for (child = gtk_widget_get_first_child (view); child != NULL; )
    {
      if (YS_IS_CHART (child))
        {
          const char *description = ys_chart_get_description (YS_CHART (child));

          g_assert_nonnull (description);
          g_assert_cmpuint (strlen (description), >, 20);
          g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)), ==,
                           GTK_ACCESSIBLE_ROLE_IMG);
          if (charts == 0)
            {
              g_autofree char *expected = g_strconcat ("Time with AI as a share of without. ",
                                                       interval, NULL);

              g_assert_cmpstr (description, ==, expected);
              g_assert_true (gtk_widget_is_visible (child));
            }
          if (charts == 1)
            g_assert_nonnull (strstr (description, headline));
          charts++;
        }
      /* Depth-first walk of the widget tree. */
      if (gtk_widget_get_first_child (child) != NULL)
        child = gtk_widget_get_first_child (child);
      else
        {
          while (child != view && gtk_widget_get_next_sibling (child) == NULL)
            child = gtk_widget_get_parent (child);
          child = child == view ? NULL : gtk_widget_get_next_sibling (child);
        }
    }
  g_assert_cmpuint (charts, ==, 5);

  /* The same numbers as a table. */
  gtk_switch_set_active (GTK_SWITCH (gtk_widget_get_template_child (view, YS_TYPE_FIGURES_VIEW,
                                                                    "table_switch")), TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (
                     GTK_STACK (gtk_widget_get_template_child (view, YS_TYPE_FIGURES_VIEW,
                                                               "trend_stack"))), ==, "table");
  g_assert_nonnull (gtk_list_box_get_row_at_index (
                      GTK_LIST_BOX (gtk_widget_get_template_child (view, YS_TYPE_FIGURES_VIEW,
                                                                   "table_list")), 11));
  /* Its first row is the forest plot in words. */
  {
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (
      GTK_LIST_BOX (gtk_widget_get_template_child (view, YS_TYPE_FIGURES_VIEW, "table_list")), 0);

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==,
                     "Time with AI as a share of without");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (first)), ==, interval);
  }
  render (view, "test-figures-table.png");

  /* The period picker changes the figures: the demo's last quarter, July
   * to September, holds only its first five weeks (from 31 August). */
  ys_figures_view_set_period (YS_FIGURES_VIEW (view), YS_PERIOD_LAST_QUARTER);
  ys_test_wait_until (!ys_figures_view_is_reading (YS_FIGURES_VIEW (view)));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_template_child (
                     view, YS_TYPE_FIGURES_VIEW, "period_label"))), ==,
                   "1 Jul 2026 – 30 Sep 2026");
  g_assert_cmpstr (ys_figures_view_get_headline (YS_FIGURES_VIEW (view)), !=, headline);
  {
    GDate from, to;
    g_autoptr(YsSummary) quarter = NULL;
    g_autofree char *quarter_headline = NULL;

    g_date_clear (&from, 1);
    g_date_clear (&to, 1);
    g_date_set_dmy (&from, 1, G_DATE_JULY, 2026);
    g_date_set_dmy (&to, 30, G_DATE_SEPTEMBER, 2026);
    quarter = ys_summary_compute (store, &from, &to, NULL);
    quarter_headline = ys_wording_headline (ys_summary_find (quarter,
                                                             ys_workflow_get_id (workflow)));
    g_assert_cmpstr (ys_figures_view_get_headline (YS_FIGURES_VIEW (view)), ==, quarter_headline);
  }
  g_object_unref (view);

  overview = ys_overview_view_new (store);
  render (overview, "test-overview-demo.png");

  g_clear_object (&store);
  g_assert_cmpint (system (command), ==, 0);
}

static void
note_headline (GtkLabel   *label,
               GParamSpec *pspec,
               GPtrArray  *shown)
{
  g_ptr_array_add (shown, g_strdup (gtk_label_get_label (label)));
}

/* Figures asked for and then not wanted (another workflow, another period
 * chosen before they came) are never shown, not even for a moment: only
 * the last request's headline ever reaches the page. */
static void
test_figures_last_request (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ys-charts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(YsStore) store = ys_store_open (path, &error);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(YsWorkflow) first = NULL;
  g_autoptr(YsWorkflow) last = NULL;
  g_autoptr(YsSummary) summary = NULL;
  g_autofree char *expected = NULL;
  GDate today, from, to;
  GtkWidget *view;

  g_assert_no_error (error);
  g_assert_true (ys_demo_fill (store, &error));
  first = g_list_model_get_item (ys_store_get_workflows (store), 0);
  last = g_list_model_get_item (ys_store_get_workflows (store), 2);
  ys_clock_get_today (ys_store_get_clock (store), &today);
  g_assert_true (ys_stats_period_dates (YS_PERIOD_LAST_QUARTER, &today, &from, &to));
  summary = ys_summary_compute (store, &from, &to, NULL);

  view = g_object_ref_sink (ys_figures_view_new (store));
  g_signal_connect (gtk_widget_get_template_child (view, YS_TYPE_FIGURES_VIEW, "headline_label"),
                    "notify::label", G_CALLBACK (note_headline), shown);
  ys_figures_view_set_workflow_id (YS_FIGURES_VIEW (view), ys_workflow_get_id (first));
  ys_figures_view_set_workflow_id (YS_FIGURES_VIEW (view), ys_workflow_get_id (last));
  ys_figures_view_set_period (YS_FIGURES_VIEW (view), YS_PERIOD_LAST_QUARTER);
  ys_test_wait_until (!ys_figures_view_is_reading (YS_FIGURES_VIEW (view)));

  expected = ys_wording_headline (ys_summary_find (summary, ys_workflow_get_id (last)));
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (shown, 0), ==, expected);
  g_object_unref (view);

  g_clear_object (&store);
  g_assert_cmpint (system (command), ==, 0);
}

typedef struct
{
  gboolean painted;           /* the window has shown a frame */
  gboolean shown_unpainted;   /* a headline came before that frame */
} FirstFrame;

static void
on_after_paint (GdkFrameClock *clock,
                FirstFrame    *first)
{
  first->painted = TRUE;
}

static void
on_realize (GtkWidget  *window,
            FirstFrame *first)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), first);
}

static void
note_first_frame (GtkLabel   *label,
                  GParamSpec *pspec,
                  FirstFrame *first)
{
  if (!first->painted && *gtk_label_get_label (label) != '\0')
    first->shown_unpainted = TRUE;
}

static gboolean
table_has_rows (GtkWidget *view)
{
  GtkListBox *table = GTK_LIST_BOX (gtk_widget_get_template_child (view, YS_TYPE_FIGURES_VIEW,
                                                                   "table_list"));

  return gtk_list_box_get_row_at_index (table, 1) != NULL;
}

/* In a window, the page's first frame shows the period picker and nothing
 * under it: figures read before that frame wait for it, and the rows,
 * charts and the Show as Table switch come with them. The table can be
 * switched on while another workflow's figures are on their way; it then
 * lists that workflow's weeks. */
static void
test_figures_after_first_frame (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ys-charts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(YsStore) store = ys_store_open (path, &error);
  g_autoptr(YsWorkflow) first = NULL;
  g_autoptr(YsWorkflow) second = NULL;
  FirstFrame frame = { FALSE, FALSE };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view, *table_switch, *table_list;

  g_assert_no_error (error);
  g_assert_true (ys_demo_fill (store, &error));
  first = g_list_model_get_item (ys_store_get_workflows (store), 0);
  second = g_list_model_get_item (ys_store_get_workflows (store), 1);

  view = ys_figures_view_new (store);
  table_switch = ys_test_child (view, YS_TYPE_FIGURES_VIEW, "table_switch");
  table_list = ys_test_child (view, YS_TYPE_FIGURES_VIEW, "table_list");
  g_signal_connect (gtk_widget_get_template_child (view, YS_TYPE_FIGURES_VIEW, "headline_label"),
                    "notify::label", G_CALLBACK (note_first_frame), &frame);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), &frame);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  gtk_window_set_child (GTK_WINDOW (window), view);
  ys_figures_view_set_workflow_id (YS_FIGURES_VIEW (view), ys_workflow_get_id (first));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (gtk_widget_is_visible (table_switch));

  ys_test_wait_until (!ys_figures_view_is_reading (YS_FIGURES_VIEW (view)));
  g_assert_true (frame.painted);
  g_assert_false (frame.shown_unpainted);
  g_assert_cmpstr (ys_figures_view_get_headline (YS_FIGURES_VIEW (view)), !=, "");
  g_assert_true (gtk_widget_is_visible (table_switch));

  /* Another workflow: the table is switched on before its figures come. */
  ys_figures_view_set_workflow_id (YS_FIGURES_VIEW (view), ys_workflow_get_id (second));
  g_assert_true (ys_figures_view_is_reading (YS_FIGURES_VIEW (view)));
  gtk_switch_set_active (GTK_SWITCH (table_switch), TRUE);
  ys_test_wait_until (!ys_figures_view_is_reading (YS_FIGURES_VIEW (view)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (
                     GTK_STACK (gtk_widget_get_template_child (view, YS_TYPE_FIGURES_VIEW,
                                                               "trend_stack"))), ==, "table");
  ys_test_wait_until (table_has_rows (view));
  g_assert_true (gtk_widget_is_drawable (table_list));
  {
    g_autoptr(YsSummary) summary = ys_summary_compute (store, NULL, NULL, NULL);
    g_autofree char *headline = ys_wording_headline (ys_summary_find (summary,
                                                                      ys_workflow_get_id (second)));

    g_assert_cmpstr (ys_figures_view_get_headline (YS_FIGURES_VIEW (view)), ==, headline);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  g_assert_cmpint (system (command), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/charts/time-chart-pixels", test_time_chart_pixels);
  g_test_add_func ("/charts/share-chart-pixels", test_share_chart_pixels);
  g_test_add_func ("/charts/empty-and-one-point", test_empty_and_one_point);
  g_test_add_func ("/charts/demo-figures", test_demo_figures);
  g_test_add_func ("/charts/figures-last-request", test_figures_last_request);
  g_test_add_func ("/charts/figures-after-first-frame", test_figures_after_first_frame);

  return g_test_run ();
}
