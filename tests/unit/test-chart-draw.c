/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include "ys-chart-draw.h"

/* Where the charts put their text, at the widths the window and the PDF
 * use: no label on another label, on a marker or on a reference line; each
 * chart names its own series; the duration axis starts at "0"; the dates
 * along the bottom thin out rather than overlap. */

static gboolean
overlap (const YsChartBox *a,
         const YsChartBox *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
has_label (GArray     *labels,
           const char *text)
{
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (g_array_index (labels, YsChartBox, i).text, text))
      return TRUE;
  return FALSE;
}

static void
check_no_collisions (YsChartData *data,
                     double       width,
                     double       height)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 10");
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (YsChartBox));
  g_autoptr(GArray) markers = g_array_new (FALSE, FALSE, sizeof (YsChartBox));

  ys_chart_data_layout (data, width, height, font, labels, markers);
  g_assert_cmpuint (labels->len, >, 0);

  for (guint i = 0; i < labels->len; i++)
    {
      const YsChartBox *a = &g_array_index (labels, YsChartBox, i);

      g_assert_cmpfloat (a->x, >=, 0);
      g_assert_cmpfloat (a->x + a->width, <=, width + 0.5);
      g_assert_cmpfloat (a->y + a->height, <=, height + 0.5);
      for (guint j = i + 1; j < labels->len; j++)
        if (overlap (a, &g_array_index (labels, YsChartBox, j)))
          g_error ("at %g px, “%s” overlaps “%s”", width, a->text,
                   g_array_index (labels, YsChartBox, j).text);
      for (guint j = 0; j < markers->len; j++)
        if (overlap (a, &g_array_index (markers, YsChartBox, j)))
          g_error ("at %g px, “%s” lies on a marker or line at (%g, %g)", width, a->text,
                   g_array_index (markers, YsChartBox, j).x,
                   g_array_index (markers, YsChartBox, j).y);
    }
}

/* Twelve weeks like the demo's policy briefs: a baseline near 4 h, then
 * with AI near 1 h 30 min, and the baseline's median drawn across. */
static YsChartData *
time_chart (void)
{
  YsChartData *data = ys_chart_data_new (YS_CHART_AXIS_DURATION);
  double x[12], before[12], after[12], points_x[24], points_y[24];

  for (int i = 0; i < 12; i++)
    {
      x[i] = 2461285 + 7 * i;
      before[i] = 14400 + (i % 3 - 1) * 1800;
      after[i] = 5400 + (i % 2) * 600;
      points_x[2 * i] = points_x[2 * i + 1] = x[i] + 2;
      points_y[2 * i] = before[i] * 1.1;
      points_y[2 * i + 1] = after[i] * 0.9;
    }
  ys_chart_data_add_points (data, points_x, points_y, 24);
  ys_chart_data_add_series (data, "Without AI", YS_CHART_STYLE_DASHED_SQUARES, x, before, 12);
  ys_chart_data_add_series (data, "With AI", YS_CHART_STYLE_SOLID_CIRCLES, x + 4, after + 4, 8);
  /* The line sits right where the last baseline week is: its name must not. */
  ys_chart_data_add_reference (data, 14400, "Median without AI (4 h)");
  return data;
}

static void
test_time_chart (void)
{
  g_autoptr(YsChartData) data = time_chart ();
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 10");
  double widths[] = { 240, 300, 360, 520, 760, 1000 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    check_no_collisions (data, widths[i], 180 + ys_chart_data_legend_height (data, widths[i], font));

  {
    g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (YsChartBox));
    guint dates = 0;

    ys_chart_data_layout (data, 240, 240, font, labels, NULL);
    /* Its own legend, and an axis from "0", not "0 s". */
    g_assert_true (has_label (labels, "Without AI"));
    g_assert_true (has_label (labels, "With AI"));
    g_assert_true (has_label (labels, "Median without AI (4 h)"));
    g_assert_true (has_label (labels, "Single runs"));
    g_assert_true (has_label (labels, "0"));
    g_assert_false (has_label (labels, "0 s"));
    for (guint i = 0; i < labels->len; i++)
      if (g_regex_match_simple ("^[0-9]+ [A-Z][a-z]+$", g_array_index (labels, YsChartBox, i).text,
                                0, 0))
        dates++;
    /* Narrow: fewer dates, but still both ends. */
    g_assert_cmpuint (dates, >=, 2);
    g_assert_cmpuint (dates, <, 5);
  }

  /* The legend wraps into more rows when narrow. */
  g_assert_cmpfloat (ys_chart_data_legend_height (data, 240, font), >,
                     ys_chart_data_legend_height (data, 1000, font));
}

static void
test_share_and_bars (void)
{
  g_autoptr(YsChartData) shares = ys_chart_data_new (YS_CHART_AXIS_SHARE);
  g_autoptr(YsChartData) bars = ys_chart_data_new (YS_CHART_AXIS_SHARE);
  g_autoptr(YsChartData) empty = ys_chart_data_new (YS_CHART_AXIS_DURATION);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 10");
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (YsChartBox));
  double x[] = { 2461285, 2461292, 2461299, 2461306 };
  guint part[] = { 1, 3, 0, 2 }, whole[] = { 3, 3, 2, 2 };
  const char *names[] = { "ChatGPT", "A tool with a rather long name", "Claude" };
  double values[] = { 0.75, 0.5, NAN };
  const char *captions[] = { "3 of 4 say yes", "1 of 2 says yes", NULL };
  g_autofree char *hover = NULL;

  ys_chart_data_add_share_series (shares, "With AI", YS_CHART_STYLE_SOLID_CIRCLES, x, part,
                                  whole, 4);
  /* Exactly on the 70% line: the week of 2 of 3 would be 67%. */
  ys_chart_data_add_reference (shares, 0.7, "70% mark");
  check_no_collisions (shares, 240, 220);
  check_no_collisions (shares, 760, 220);
  ys_chart_data_layout (shares, 240, 220, font, labels, NULL);
  g_assert_true (has_label (labels, "0%"));
  g_assert_true (has_label (labels, "70% mark"));

  /* Hovering a week gives the counts behind its share. */
  hover = ys_chart_data_describe_at (shares, 76, 760);
  g_assert_nonnull (strstr (hover, "With AI: 1 of 3 (33%)"));

  ys_chart_data_set_bars (bars, names, values, captions, 3);
  check_no_collisions (bars, 240, 200);
  check_no_collisions (bars, 760, 200);
  g_array_set_size (labels, 0);
  ys_chart_data_layout (bars, 760, 200, font, labels, NULL);
  g_assert_true (has_label (labels, "ChatGPT"));
  g_assert_true (has_label (labels, "3 of 4 say yes"));
  g_assert_true (has_label (labels, "75%"));
  g_assert_cmpfloat (ys_chart_data_legend_height (bars, 760, font), ==, 0);

  g_array_set_size (labels, 0);
  ys_chart_data_layout (empty, 300, 180, font, labels, NULL);
  g_assert_cmpuint (labels->len, ==, 1);
  g_assert_cmpstr (g_array_index (labels, YsChartBox, 0).text, ==, "No runs in this period");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-draw/time", test_time_chart);
  g_test_add_func ("/chart-draw/share-and-bars", test_share_and_bars);

  return g_test_run ();
}
