/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>

#include "ys-test-locale.h"
#include "ys-wording.h"

/* Each state of the evidence gives its sentence, and only a clear change is
 * worded as a finding. */

static YsWorkflowFigures
figures (guint  before_runs,
         double before_median,
         guint  after_runs,
         double after_median,
         gboolean clear)
{
  YsWorkflowFigures w = { 0 };

  w.name = (char *) "Policy brief draft";
  w.people = 4;
  w.without_ai.runs = before_runs;
  w.without_ai.median_seconds = before_runs ? before_median : NAN;
  w.with_ai.runs = after_runs;
  w.with_ai.median_seconds = after_runs ? after_median : NAN;
  w.with_ai.used_rate = NAN;
  w.enough_data = before_runs >= 6 && after_runs >= 6;
  w.clear = w.enough_data && clear;
  w.change_percent = before_runs && after_runs
    ? round ((after_median - before_median) / before_median * 1000) / 10 : NAN;
  return w;
}

/* Under --locale=de_DE.UTF-8 (tests/meson.build) the same sentences, with
 * German numbers and dates. */
static void
check (char       *text,
       const char *expected)
{
  g_autofree char *localized = ys_test_localized (expected);

  g_assert_cmpstr (text, ==, localized);
  g_free (text);
}

static void
test_headlines (void)
{
  YsWorkflowFigures clear = figures (12, 14400, 18, 5400, TRUE);
  YsWorkflowFigures slower = figures (13, 8100, 14, 10800, TRUE);
  YsWorkflowFigures noise = figures (13, 8100, 14, 10800, FALSE);
  YsWorkflowFigures both_short = figures (4, 600, 2, 300, FALSE);
  YsWorkflowFigures before_short = figures (4, 600, 9, 300, FALSE);
  YsWorkflowFigures after_short = figures (7, 600, 1, 300, FALSE);
  YsWorkflowFigures no_baseline = figures (0, 0, 9, 300, FALSE);

  g_assert_cmpint (ys_wording_evidence (&clear), ==, YS_EVIDENCE_CLEAR);
  check (ys_wording_headline (&clear),
         "Policy brief draft: with AI it takes 1 h 30 min instead of 4 h — 62% faster "
         "(medians of 18 and 12 runs).");
  check (ys_wording_headline (&slower),
         "Policy brief draft: with AI it takes 3 h instead of 2 h 15 min — 33% slower "
         "(medians of 14 and 13 runs).");
  g_assert_cmpint (ys_wording_evidence (&noise), ==, YS_EVIDENCE_WITHIN_NOISE);
  check (ys_wording_headline (&noise),
         "The difference is within normal variation so far: a median of 3 h with AI and "
         "2 h 15 min without (14 and 13 runs).");
  g_assert_cmpint (ys_wording_evidence (&both_short), ==, YS_EVIDENCE_COLLECTING);
  check (ys_wording_headline (&both_short),
         "4 of 6 runs without AI and 2 of 6 with AI recorded — keep clocking to compare.");
  check (ys_wording_headline (&before_short),
         "4 of 6 runs without AI recorded — keep clocking to compare.");
  check (ys_wording_headline (&after_short),
         "1 of 6 runs with AI recorded — keep clocking to compare.");
  g_assert_cmpint (ys_wording_evidence (&no_baseline), ==, YS_EVIDENCE_NO_BASELINE);
  check (ys_wording_headline (&no_baseline),
         "9 runs with AI and none without: record a few runs without AI so that there is "
         "something to compare with.");
}

static void
test_figures_sentences (void)
{
  YsWorkflowFigures w = figures (12, 14400, 18, 5400, TRUE);
  YsWorkflowFigures none = figures (0, 0, 0, 0, FALSE);

  w.with_ai.corrections_per_run = 0.75;
  w.without_ai.corrections_per_run = 1.5;
  check (ys_wording_corrections (&w, YS_TREND_RISING),
         "0.8 corrections per run with AI, 1.5 without. The correction rate with AI is rising: "
         "the tool may be the wrong one for this job.");
  check (ys_wording_corrections (&w, YS_TREND_UNKNOWN),
         "0.8 corrections per run with AI, 1.5 without.");
  check (ys_wording_corrections (&none, YS_TREND_UNKNOWN), "No runs yet.");

  check (ys_wording_used (&w), "No outcomes known yet for runs with AI.");
  w.with_ai.used_rate = 0.45;
  check (ys_wording_used (&w), "45% of outputs with AI were used — below half, so this is still "
                               "exploration, not production.");
  w.with_ai.used_rate = 0.6;
  check (ys_wording_used (&w), "60% of outputs with AI were used, short of the 70% mark.");
  w.with_ai.used_rate = 0.7;
  check (ys_wording_used (&w), "70% of outputs with AI were used, at or above the 70% mark.");

  check (ys_wording_time_saved (&none), "Time saved is shown once both sides have six runs.");
  w.has_time_saved = TRUE;
  w.time_saved_per_week = 12462;
  w.time_saved_per_person_per_week = 3116;
  check (ys_wording_time_saved (&w), "3 h 28 min saved a week, 52 min per person.");
  w.time_saved_per_week = -3600;
  w.time_saved_per_person_per_week = -900;
  check (ys_wording_time_saved (&w), "1 h lost a week, 15 min per person.");
}

static void
test_tools_and_divergence (void)
{
  YsWorkflowFigures w = figures (12, 8100, 14, 10800, FALSE);
  YsToolFigures copilot = { .name = (char *) "Copilot", .runs = 14, .median_seconds = 10800,
                            .used_rate = 0.7692, .yes = 4, .no = 1, .yes_share = 0.8,
                            .divergent = 1 };
  YsToolFigures claude = { .name = (char *) "Claude", .runs = 8, .median_seconds = 5400,
                           .used_rate = NAN, .yes = 1, .no = 3, .yes_share = 0.25,
                           .divergent = 1 };
  YsToolFigures quiet = { .name = (char *) "Gemini", .median_seconds = NAN, .used_rate = NAN,
                          .yes_share = NAN, .divergent = -1 };

  check (ys_wording_tool (&copilot), "14 runs, median 3 h, 77% used, 4 of 5 say it saves time");
  check (ys_wording_tool (&quiet), "0 runs");
  check (ys_wording_divergence (&w, &copilot),
         "People say Copilot saves time on this workflow, but the clock says otherwise: a median "
         "of 3 h with it and 2 h 15 min without AI. This gap is worth discussing as a team.");
  check (ys_wording_divergence (&w, &claude),
         "People say Claude does not save time on this workflow, but the clock says it does: a "
         "median of 1 h 30 min with it and 2 h 15 min without AI. This gap is worth discussing "
         "as a team.");
  g_assert_null (ys_wording_divergence (&w, &quiet));
}

static void
test_trend (void)
{
  g_autoptr(GArray) weeks = g_array_new (FALSE, TRUE, sizeof (YsWeek));

  g_assert_cmpint (ys_wording_correction_trend (weeks), ==, YS_TREND_UNKNOWN);
  for (int i = 0; i < 8; i++)
    {
      YsWeek week = { 0 };

      week.runs[YS_MODE_WITH_AI] = 2;
      week.correction_rate[YS_MODE_WITH_AI] = i < 4 ? 0.25 : 0.75;
      g_array_append_val (weeks, week);
    }
  g_assert_cmpint (ys_wording_correction_trend (weeks), ==, YS_TREND_RISING);
  for (int i = 0; i < 8; i++)
    g_array_index (weeks, YsWeek, i).correction_rate[YS_MODE_WITH_AI] = i < 4 ? 0.75 : 0.25;
  g_assert_cmpint (ys_wording_correction_trend (weeks), ==, YS_TREND_FALLING);
  for (int i = 0; i < 8; i++)
    g_array_index (weeks, YsWeek, i).correction_rate[YS_MODE_WITH_AI] = 0.5;
  g_assert_cmpint (ys_wording_correction_trend (weeks), ==, YS_TREND_STEADY);
}

/* A week's row in the table: one run has no median, and no share of
 * corrections; several have both. */
static void
test_week (void)
{
  YsWeek week = { 0 };

  check (ys_wording_week (&week, YS_MODE_WITH_AI), "");

  week.runs[YS_MODE_WITHOUT_AI] = 1;
  week.median_seconds[YS_MODE_WITHOUT_AI] = 4 * 3600 + 10 * 60;
  week.correction_rate[YS_MODE_WITHOUT_AI] = 1;
  week.used_rate[YS_MODE_WITHOUT_AI] = 1;
  check (ys_wording_week (&week, YS_MODE_WITHOUT_AI), "1 run, 4 h 10 min, needed correcting, used");
  week.correction_rate[YS_MODE_WITHOUT_AI] = 0;
  week.used_rate[YS_MODE_WITHOUT_AI] = NAN;
  check (ys_wording_week (&week, YS_MODE_WITHOUT_AI), "1 run, 4 h 10 min, no corrections");

  week.runs[YS_MODE_WITH_AI] = 3;
  week.median_seconds[YS_MODE_WITH_AI] = 45 * 60;
  week.correction_rate[YS_MODE_WITH_AI] = 1.0 / 3;
  week.used_rate[YS_MODE_WITH_AI] = 0.5;
  check (ys_wording_week (&week, YS_MODE_WITH_AI), "3 runs, median 45 min, 33% corrected, 50% used");
}

int
main (int   argc,
      char *argv[])
{
  ys_test_init_locale (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/wording/headlines", test_headlines);
  g_test_add_func ("/wording/figures", test_figures_sentences);
  g_test_add_func ("/wording/tools-and-divergence", test_tools_and_divergence);
  g_test_add_func ("/wording/trend", test_trend);
  g_test_add_func ("/wording/week", test_week);

  return g_test_run ();
}
