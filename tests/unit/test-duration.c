/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ys-duration.h"
#include "ys-error.h"

static void
test_parse_accepted (void)
{
  static const struct { const char *text; gint64 seconds; } cases[] = {
    { "90", 5400 },            /* a bare number is minutes */
    { " 45 ", 2700 },
    { "1:30", 5400 },          /* h:mm */
    { "0:45", 2700 },
    { "1:30:15", 5415 },       /* h:mm:ss */
    { "1h 30m", 5400 },
    { "1h30m", 5400 },
    { "1h30", 5400 },          /* minutes after hours need no unit */
    { "45m", 2700 },
    { "45 min", 2700 },
    { "2 hours 10 minutes", 7800 },
    { "1 hour", 3600 },
    { "1.5h", 5400 },
    { "1,5 h", 5400 },         /* decimal comma */
    { "90s", 90 },
    { "2m 5s", 125 },
    { "4H", 14400 },
    { "168h", 604800 },        /* the upper limit */
    { "1s", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 seconds = -1;

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_true (ys_duration_parse (cases[i].text, &seconds, &error));
      g_assert_no_error (error);
      g_assert_cmpint (seconds, ==, cases[i].seconds);
    }
}

static void
test_parse_refused (void)
{
  static const char *unreadable[] = {
    "abc", "1:5", "1:60", "1:30:75", "1::30", ":30", "1h 2h", "30m 1h", "m", "1x",
    "1.2.3h", "-5", "1h -5m", "1:30:00:00", "\xff",
  };
  g_autoptr(GError) error = NULL;
  gint64 seconds = 42;

  for (guint i = 0; i < G_N_ELEMENTS (unreadable); i++)
    {
      g_autofree char *shown = g_strescape (unreadable[i], NULL);

      g_test_message ("refusing “%s”", shown);
      g_assert_false (ys_duration_parse (unreadable[i], &seconds, &error));
      g_assert_error (error, YS_ERROR, YS_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, "Type a duration such as 90, 1:30 or 1h 30m.");
      g_assert_cmpint (seconds, ==, 42);
      g_clear_error (&error);
    }

  g_assert_false (ys_duration_parse ("", &seconds, &error));
  g_assert_cmpstr (error->message, ==, "Type how long the run took, such as 90 or 1h 30m.");
  g_clear_error (&error);

  /* Readable, but outside 1 s .. 7 days. */
  g_assert_false (ys_duration_parse ("0", &seconds, &error));
  g_assert_cmpstr (error->message, ==, "A run must take between 1 second and 7 days.");
  g_clear_error (&error);
  g_assert_false (ys_duration_parse ("169h", &seconds, &error));
  g_assert_cmpstr (error->message, ==, "A run must take between 1 second and 7 days.");
  g_clear_error (&error);
  g_assert_false (ys_duration_parse ("99999999999", &seconds, &error));
  g_assert_error (error, YS_ERROR, YS_ERROR_INVALID);
  g_assert_cmpint (seconds, ==, 42);
}

static void
test_format (void)
{
  static const struct { gint64 seconds; const char *text; } cases[] = {
    { 5400, "1 h 30 min" },
    { 2700, "45 min" },
    { 14400, "4 h" },
    { 30, "30 s" },
    { 125, "2 min 5 s" },
    { 3605, "1 h 0 min 5 s" },
    { 604800, "168 h" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = ys_duration_format (cases[i].seconds);
      gint64 back = 0;

      g_assert_cmpstr (text, ==, cases[i].text);
      /* What is shown back can be typed again. */
      g_assert_true (ys_duration_parse (text, &back, NULL));
      g_assert_cmpint (back, ==, cases[i].seconds);
    }
}

static void
test_format_approx (void)
{
  static const struct { gint64 seconds; const char *text; } cases[] = {
    { 45, "45 s" }, { 599, "9 min 59 s" }, { 600, "10 min" }, { 629, "10 min" },
    { 630, "11 min" }, { 12462, "3 h 28 min" }, { -3600, "1 h" },
  };
  g_autofree char *clock = ys_duration_format_clock (3725);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = ys_duration_format_approx (cases[i].seconds);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
  g_assert_cmpstr (clock, ==, "1:02:05");
}

static void
test_clock_time (void)
{
  g_autoptr(GError) error = NULL;
  int minute = -1;

  g_assert_true (ys_clock_time_parse ("14:30", &minute, NULL));
  g_assert_cmpint (minute, ==, 14 * 60 + 30);
  g_assert_true (ys_clock_time_parse ("9:05", &minute, NULL));
  g_assert_cmpint (minute, ==, 9 * 60 + 5);
  g_assert_true (ys_clock_time_parse ("14.30", &minute, NULL));
  g_assert_true (ys_clock_time_parse ("9", &minute, NULL));
  g_assert_cmpint (minute, ==, 540);
  g_assert_true (ys_clock_time_parse ("0:00", &minute, NULL));
  g_assert_cmpint (minute, ==, 0);

  g_assert_false (ys_clock_time_parse ("24:00", &minute, &error));
  g_assert_cmpstr (error->message, ==, "Type a time of day such as 14:30.");
  g_clear_error (&error);
  g_assert_false (ys_clock_time_parse ("12:60", &minute, NULL));
  g_assert_false (ys_clock_time_parse ("12:5", &minute, NULL));
  g_assert_false (ys_clock_time_parse ("noon", &minute, NULL));
  g_assert_false (ys_clock_time_parse ("", &minute, NULL));
  g_assert_false (ys_clock_time_parse ("-1:00", &minute, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/duration/parse-accepted", test_parse_accepted);
  g_test_add_func ("/duration/parse-refused", test_parse_refused);
  g_test_add_func ("/duration/format", test_format);
  g_test_add_func ("/duration/clock-time", test_clock_time);
  g_test_add_func ("/duration/format-approx", test_format_approx);

  return g_test_run ();
}
