/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <math.h>
#include <stdlib.h>

#include "ys-chart.h"
#include "ys-demo.h"
#include "ys-figures-view.h"
#include "ys-overview-view.h"
#include "ys-wording.h"

/* Charts drawn for real, offscreen: empty, one point, and the demo team. Any
 * critical fails the test (G_DEBUG=fatal-criticals). */

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

static void
test_demo_figures (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ys-charts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(YsStore) store = ys_store_open (path, &error);
  g_autoptr(YsWorkflow) workflow = NULL;
  g_autoptr(YsSummary) summary = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *interval = NULL;
  GtkWidget *view;
  GtkWidget *overview;
  GtkWidget *child;
  guint charts = 0;

  g_assert_no_error (error);
  g_assert_true (ys_demo_fill (store, &error));
  workflow = g_list_model_get_item (ys_store_get_workflows (store), 2);
  summary = ys_summary_compute (store, NULL, NULL, NULL);
  headline = ys_wording_headline (ys_summary_find (summary, ys_workflow_get_id (workflow)));

  view = ys_figures_view_new (store);
  ys_figures_view_set_workflow_id (YS_FIGURES_VIEW (view), ys_workflow_get_id (workflow));
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

  /* The period picker changes the figures: the demo's last quarter. */
  ys_figures_view_set_period (YS_FIGURES_VIEW (view), YS_PERIOD_LAST_QUARTER);
  g_object_unref (view);

  overview = ys_overview_view_new (store);
  render (overview, "test-overview-demo.png");

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

  g_test_add_func ("/charts/empty-and-one-point", test_empty_and_one_point);
  g_test_add_func ("/charts/demo-figures", test_demo_figures);

  return g_test_run ();
}
