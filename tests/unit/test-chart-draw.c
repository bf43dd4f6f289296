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

/* The interval layer (a forest plot): a line from the low to the high end
 * on a log scale, the dot at the estimate, 1.0 marked through every row;
 * labels above their lines, never on them. The positions are fractions
 * of logs worked by hand: (ln 0.36 − ln 0.33) / (ln 0.40 − ln 0.33) =
 * 0.087011 / 0.192372 = 0.452308, and 1.0 at −ln 0.33 / 0.192372 =
 * 5.763122 line lengths from its start. */
static void
test_intervals (void)
{
  g_autoptr(YsChartData) clear = ys_chart_data_new (YS_CHART_AXIS_RATIO);
  g_autoptr(YsChartData) unclear = ys_chart_data_new (YS_CHART_AXIS_RATIO);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 10");
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (YsChartBox));
  g_autoptr(GArray) markers = g_array_new (FALSE, FALSE, sizeof (YsChartBox));
  g_autofree char *hover = NULL;
  const YsChartBox *line, *dot, *mark;
  double height;

  ys_chart_data_add_interval (clear, "All runs: 0.36 (95% range 0.33 to 0.40)", 0.36, 0.33, 0.40);
  ys_chart_data_add_interval (clear, "Fair test, drawn runs only: 0.37 (95% range 0.30 to 0.45)",
                              0.37, 0.30, 0.45);
  ys_chart_data_add_reference (clear, 1.0, "Same time (1.0)");
  g_assert_cmpuint (ys_chart_data_get_n_intervals (clear), ==, 2);

  for (double width = 240; width <= 760; width += 520)
    {
      height = ys_chart_data_intervals_height (clear, width, font);
      check_no_collisions (clear, width, height);
    }

  height = ys_chart_data_intervals_height (clear, 600, font);
  ys_chart_data_layout (clear, 600, height, font, labels, markers);
  g_assert_true (has_label (labels, "Estimate and its 95% range"));
  g_assert_true (has_label (labels, "Same time (1.0)"));
  g_assert_true (has_label (labels, "All runs: 0.36 (95% range 0.33 to 0.40)"));
  g_assert_true (has_label (labels, "1"));
  /* Per row its line and its dot, then the mark through each row's line. */
  g_assert_cmpuint (markers->len, ==, 6);
  line = &g_array_index (markers, YsChartBox, 0);
  dot = &g_array_index (markers, YsChartBox, 1);
  g_assert_cmpfloat_with_epsilon ((dot->x + dot->width / 2 - line->x) / line->width, 0.452308,
                                  1e-5);
  for (guint row = 0; row < 2; row++)
    {
      const YsChartBox *row_line = &g_array_index (markers, YsChartBox, 2 * row);

      mark = &g_array_index (markers, YsChartBox, 4 + row);
      g_assert_cmpfloat_with_epsilon (mark->x + mark->width / 2,
                                      line->x + 5.763122 * line->width, 1e-3);
      g_assert_cmpfloat (mark->y, <=, row_line->y);
      g_assert_cmpfloat (mark->y + mark->height, >=, row_line->y + row_line->height);
    }
  /* Everything inside the chart's width. */
  for (guint i = 0; i < markers->len; i++)
    {
      g_assert_cmpfloat (g_array_index (markers, YsChartBox, i).x, >=, 0);
      g_assert_cmpfloat (g_array_index (markers, YsChartBox, i).x +
                         g_array_index (markers, YsChartBox, i).width, <=, 600);
    }

  /* Hovering says every row. */
  hover = ys_chart_data_describe_at (clear, 100, 600);
  g_assert_cmpstr (hover, ==, "All runs: 0.36 (95% range 0.33 to 0.40)\n"
                              "Fair test, drawn runs only: 0.37 (95% range 0.30 to 0.45)");

  /* Not clear: 1.0 inside the line, at −ln 0.96 / (ln 1.42 − ln 0.96) =
   * 0.040822 / 0.391496 = 0.104276 of it; the dot at 0.438977. */
  ys_chart_data_add_interval (unclear, "All runs: 1.14 (95% range 0.96 to 1.42)", 1.14, 0.96, 1.42);
  ys_chart_data_add_reference (unclear, 1.0, "Same time (1.0)");
  height = ys_chart_data_intervals_height (unclear, 300, font);
  check_no_collisions (unclear, 300, height);
  g_array_set_size (markers, 0);
  ys_chart_data_layout (unclear, 300, height, font, NULL, markers);
  g_assert_cmpuint (markers->len, ==, 3);
  line = &g_array_index (markers, YsChartBox, 0);
  dot = &g_array_index (markers, YsChartBox, 1);
  mark = &g_array_index (markers, YsChartBox, 2);
  g_assert_cmpfloat_with_epsilon ((dot->x + dot->width / 2 - line->x) / line->width, 0.438977,
                                  1e-5);
  g_assert_cmpfloat_with_epsilon ((mark->x + mark->width / 2 - line->x) / line->width, 0.104276,
                                  1e-5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-draw/time", test_time_chart);
  g_test_add_func ("/chart-draw/share-and-bars", test_share_and_bars);
  g_test_add_func ("/chart-draw/intervals", test_intervals);

  return g_test_run ();
}
