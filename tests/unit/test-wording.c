/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "ys-error.h"
#include "ys-test-locale.h"
#include "ys-wording.h"

/* Each state of the evidence gives its sentence, and only a clear change is
 * worded as a finding. The expected sentences are written out by hand; the
 * p-values of Fisher's exact test come from R's fisher.test() (the R line is
 * beside each). */

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
  w.change.without_ai_runs = before_runs;
  w.change.with_ai_runs = after_runs;
  w.change.enough_data = w.enough_data;
  w.change.clear = w.clear;
  w.change.runs_to_settle = -1;
  /* Every run chosen, unless a test says otherwise. */
  w.fair_test.chosen = before_runs + after_runs;
  w.fair_test.change.runs_to_settle = -1;
  return w;
}

/* FORMAT.md's change (or fair_test.change) as given: ratio and ratio_ci95. */
static void
set_ratio (YsRatioChange *c,
           double         ratio,
           double         low,
           double         high)
{
  c->has_ratio = TRUE;
  c->ratio = ratio;
  c->has_interval = TRUE;
  c->low = low;
  c->high = high;
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

  /* FORMAT.md's example: ratio 0.375 in [0.33, 0.43] is 62.5% less time,
   * worded toward no change (62%), its interval outward: 1 − 0.43 = 57%
   * and 1 − 0.33 = 67%. A time cut is less time, never "faster" (62.5%
   * less time is 2.7 times as fast). All 30 runs were chosen, so the
   * caveat follows. */
  set_ratio (&clear.change, 0.375, 0.33, 0.43);
  g_assert_cmpint (ys_wording_evidence (&clear), ==, YS_EVIDENCE_CLEAR);
  check (ys_wording_headline (&clear),
         "Policy brief draft: with AI it takes about 62% less time (between 57% and 67% less), "
         "from 18 runs with AI and 12 without. People chose with or without AI for 30 of these "
         "30 runs, so the comparison may favour one side.");
  /* 1.3 in [1.1, 1.6]: 30% more, between 10% and 60% more. */
  set_ratio (&slower.change, 1.3, 1.1, 1.6);
  check (ys_wording_headline (&slower),
         "Policy brief draft: with AI it takes about 30% more time (between 10% and 60% more), "
         "from 14 runs with AI and 13 without. People chose with or without AI for 27 of these "
         "27 runs, so the comparison may favour one side.");
  /* Not clear, the interval from 0.95 to 1.8 spans 0.9 and 1.1: no
   * percentage at all. runs_to_settle worked by hand from FORMAT.md:
   * h = (ln 1.8 − ln 0.95) / 2 = 0.31954, d = ln 1.3 = 0.26236,
   * n = 2·13·14 / 27 = 13.481; 13.481 · (h/d)² − 13.481 = 6.52, so 7. */
  set_ratio (&noise.change, 1.3, 0.95, 1.8);
  noise.change.runs_to_settle = 7;
  g_assert_cmpint (ys_wording_evidence (&noise), ==, YS_EVIDENCE_WITHIN_NOISE);
  check (ys_wording_headline (&noise),
         "The difference is within normal variation so far: a median of 3 h with AI and "
         "2 h 15 min without (14 and 13 runs). Not clear yet: about 7 more runs of each kind "
         "would probably settle it. People chose with or without AI for 27 of these 27 runs, so "
         "the comparison may favour one side.");
  noise.change.runs_to_settle = 1;
  noise.fair_test.drawn = 27;
  noise.fair_test.chosen = 0;
  check (ys_wording_headline (&noise),
         "The difference is within normal variation so far: a median of 3 h with AI and "
         "2 h 15 min without (14 and 13 runs). Not clear yet: about 1 more run of each kind "
         "would probably settle it.");
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
  g_assert_cmpstr (ys_wording_evidence_caption (YS_EVIDENCE_WITHIN_NOISE), ==,
                   "No clear change yet");
}

/* Item 5 of issue 13: no time saved or lost under "No clear change yet". */
static void
test_time_saved_only_when_clear (void)
{
  YsWorkflowFigures clear = figures (12, 14400, 18, 5400, TRUE);
  YsWorkflowFigures noise = figures (13, 8100, 14, 10800, FALSE);
  YsWorkflowFigures short_ = figures (4, 600, 2, 300, FALSE);

  check (ys_wording_time_saved (&short_), "Time saved is shown once both sides have six runs.");

  /* The figures would say 45 min lost a week, but the change is not clear. */
  noise.has_time_saved = TRUE;
  noise.time_saved_per_week = -2700;
  noise.time_saved_per_person_per_week = -675;
  check (ys_wording_time_saved (&noise), "Not known yet: the difference is within normal "
                                         "variation, so no time saved or lost is stated.");

  clear.has_time_saved = TRUE;
  clear.time_saved_per_week = 12462;
  clear.time_saved_per_person_per_week = 3116;
  check (ys_wording_time_saved (&clear), "3 h 28 min saved a week, 52 min per person.");
  clear.time_saved_per_week = -3600;
  clear.time_saved_per_person_per_week = -900;
  check (ys_wording_time_saved (&clear), "1 h lost a week, 15 min per person.");
  clear.time_saved_per_week = 0;
  clear.time_saved_per_person_per_week = 0;
  check (ys_wording_time_saved (&clear), "No time saved or lost per week.");
}

/* Item 6: counts beside every rate, and no mark below six known outcomes. */
static void
test_rates_have_counts (void)
{
  YsWorkflowFigures w = figures (12, 14400, 18, 5400, TRUE);
  YsWorkflowFigures none = figures (0, 0, 0, 0, FALSE);
  YsWorkflowFigures baseline_only = figures (5, 600, 0, 0, FALSE);

  w.with_ai.corrected = 5;
  w.with_ai.corrections_per_run = 0.75;
  w.without_ai.corrected = 6;
  w.without_ai.corrections_per_run = 1.5;
  /* 5/18 = 27.8%, 6/12 = 50%; 0.75 rounds half to even in printf. */
  check (ys_wording_corrections (&w),
         "Runs needing correction: 5 of 18 (28%) with AI, 6 of 12 (50%) without; 0.8 and 1.5 "
         "corrections per run.");
  baseline_only.without_ai.corrected = 2;
  baseline_only.without_ai.corrections_per_run = 0.4;
  check (ys_wording_corrections (&baseline_only),
         "Runs without AI needing correction: 2 of 5 (40%); 0.4 corrections per run.");
  check (ys_wording_corrections (&none), "No runs yet.");

  check (ys_wording_used (&w), "No outcomes known yet for runs with AI.");

  /* After one run: one of one used, and no 70% mark in sight. */
  w.with_ai.used_yes = 1;
  w.with_ai.used_known = 1;
  check (ys_wording_used (&w), "Of 1 output with AI whose use is known, 1 was used: too few to "
                               "judge yet (it takes 6).");
  g_assert_false (ys_wording_used_names_marks (&w));
  w.with_ai.used_yes = 5;
  w.with_ai.used_known = 5;
  check (ys_wording_used (&w), "Of 5 outputs with AI whose use is known, 5 were used: too few "
                               "to judge yet (it takes 6).");
  g_assert_false (ys_wording_used_names_marks (&w));

  w.with_ai.used_yes = 5;
  w.with_ai.used_known = 11;
  check (ys_wording_used (&w), "5 of 11 outputs with AI were used (45%): below the 50% mark, so "
                               "this is still exploration, not production.");
  g_assert_true (ys_wording_used_names_marks (&w));
  w.with_ai.used_yes = 6;
  w.with_ai.used_known = 10;
  check (ys_wording_used (&w), "6 of 10 outputs with AI were used (60%), short of the 70% mark.");
  w.with_ai.used_yes = 7;
  check (ys_wording_used (&w), "7 of 10 outputs with AI were used (70%), at or above the 70% "
                               "mark.");
  w.with_ai.used_yes = 11;
  w.with_ai.used_known = 12;
  check (ys_wording_used (&w), "11 of 12 outputs with AI were used (92%), at or above the 70% "
                               "mark.");
  g_assert_cmpstr (ys_wording_used_marks (), ==,
                   "Below 50% of outputs used, a tool is still exploration, not production; "
                   "70% or more is good.");

  check (ys_wording_count_share (11, 12), "11 of 12 (92%)");
  check (ys_wording_count_share (0, 0), "0 of 0");
}

static void
test_tools_and_divergence (void)
{
  YsWorkflowFigures w = figures (12, 8100, 14, 10800, FALSE);
  YsToolFigures copilot = { .name = (char *) "Copilot", .runs = 14, .median_seconds = 10800,
                            .used_rate = 10.0 / 13, .used_yes = 10, .used_known = 13,
                            .yes = 4, .no = 1, .yes_share = 0.8, .divergent = 1 };
  YsToolFigures claude = { .name = (char *) "Claude", .runs = 8, .median_seconds = 5400,
                           .used_rate = NAN, .yes = 1, .no = 3, .yes_share = 0.25,
                           .divergent = 1 };
  YsToolFigures quiet = { .name = (char *) "Gemini", .median_seconds = NAN, .used_rate = NAN,
                          .yes_share = NAN, .divergent = -1 };

  check (ys_wording_tool (&copilot),
         "14 runs, median 3 h, 10 of 13 (77%) used, 4 of 5 say it saves time");
  check (ys_wording_tool (&claude), "8 runs, median 1 h 30 min, 1 of 4 say it saves time");
  check (ys_wording_tool (&quiet), "0 runs");
  check (ys_wording_divergence (&w, &copilot),
         "People say Copilot saves time on this workflow (4 of 5 answers), but the clock does "
         "not show it: a median of 3 h with it (14 runs) and 2 h 15 min without AI (12 runs). "
         "This gap is worth discussing as a team.");
  check (ys_wording_divergence (&w, &claude),
         "People say Claude does not save time on this workflow (3 of 4 answers), but the clock "
         "says it does: a median of 1 h 30 min with it (8 runs) and 2 h 15 min without AI "
         "(12 runs). This gap is worth discussing as a team.");
  g_assert_null (ys_wording_divergence (&w, &quiet));
}

/* Weeks from a compact description: per week, runs and corrected runs with
 * AI, then without AI. */
static GArray *
weeks_of (const guint (*counts)[4],
          guint        n)
{
  GArray *weeks = g_array_new (FALSE, TRUE, sizeof (YsWeek));

  for (guint i = 0; i < n; i++)
    {
      YsWeek week = { 0 };

      g_date_clear (&week.monday, 1);
      g_date_set_dmy (&week.monday, 7, G_DATE_SEPTEMBER, 2026);
      g_date_add_days (&week.monday, 7 * i);
      week.runs[YS_MODE_WITH_AI] = counts[i][0];
      week.corrected[YS_MODE_WITH_AI] = counts[i][1];
      week.runs[YS_MODE_WITHOUT_AI] = counts[i][2];
      week.corrected[YS_MODE_WITHOUT_AI] = counts[i][3];
      g_array_append_val (weeks, week);
    }
  return weeks;
}

static void
check_trend (const guint (*counts)[4],
             guint        n,
             YsTrend      direction,
             YsTrendBaseline baseline,
             double       p_value,
             const char  *sentence)
{
  g_autoptr(GArray) weeks = weeks_of (counts, n);
  YsCorrectionTrend trend;
  g_autofree char *text = NULL;

  ys_wording_correction_trend (weeks, &trend);
  g_assert_cmpint (trend.direction, ==, direction);
  g_assert_cmpint (trend.baseline, ==, baseline);
  if (isnan (p_value))
    g_assert_true (isnan (trend.p_value));
  else
    g_assert_cmpfloat_with_epsilon (trend.p_value, p_value, 1e-9);
  text = ys_wording_correction_trend_sentence (&trend);
  g_assert_cmpstr (text, ==, sentence);
}

/* Item 7: a trend only on the rule, and relative to runs without AI. */
static void
test_trend (void)
{
  /* Four weeks of 4 runs with AI, one corrected each, then four with
   * three each: 4 of 16 against 12 of 16.
   * R: fisher.test(matrix(c(4,12,12,4), 2, byrow=TRUE))$p.value 0.0121137107800173 */
  static const guint rising_alone[][4] = {
    { 4, 1, 2, 1 }, { 4, 1, 2, 1 }, { 4, 1, 2, 1 }, { 4, 1, 2, 1 },
    { 4, 3, 2, 1 }, { 4, 3, 2, 1 }, { 4, 3, 2, 1 }, { 4, 3, 2, 1 },
  };
  /* The same with AI, while without AI also rose from 1 of 8 to 6 of 8:
   * the work changed, not the tool. */
  static const guint rising_both[][4] = {
    { 4, 1, 2, 0 }, { 4, 1, 2, 0 }, { 4, 1, 2, 1 }, { 4, 1, 2, 0 },
    { 4, 3, 2, 2 }, { 4, 3, 2, 1 }, { 4, 3, 2, 2 }, { 4, 3, 2, 1 },
  };
  /* Without AI rose by 2 of 8 to 4 of 8, exactly half of the rise with AI
   * (25% against 50%): still the same way. */
  static const guint rising_half[][4] = {
    { 4, 1, 2, 1 }, { 4, 1, 2, 0 }, { 4, 1, 2, 1 }, { 4, 1, 2, 0 },
    { 4, 3, 2, 1 }, { 4, 3, 2, 1 }, { 4, 3, 2, 1 }, { 4, 3, 2, 1 },
  };
  /* Falling from 12 of 16 to 4 of 16 (the same p-value, mirrored); without
   * AI only in the first weeks (the baseline came first), so the cause is
   * unknown. */
  static const guint falling_no_baseline[][4] = {
    { 0, 0, 5, 2 }, { 0, 0, 5, 3 },
    { 4, 3, 3, 1 }, { 4, 3, 0, 0 }, { 4, 3, 0, 0 }, { 4, 3, 0, 0 },
    { 4, 1, 0, 0 }, { 4, 1, 0, 0 }, { 4, 1, 0, 0 }, { 4, 1, 0, 0 },
  };
  /* 1 of 6 against 3 of 6 could be chance.
   * R: fisher.test(matrix(c(1,5,3,3), 2, byrow=TRUE))$p.value 0.545454545454546 */
  static const guint steady[][4] = {
    { 3, 1, 0, 0 }, { 3, 0, 0, 0 }, { 3, 2, 0, 0 }, { 3, 1, 0, 0 },
  };
  /* Five runs with AI in the later half: too few to test. */
  static const guint too_few[][4] = {
    { 3, 0, 0, 0 }, { 3, 0, 0, 0 }, { 3, 3, 0, 0 }, { 2, 2, 0, 0 },
  };
  /* An odd count of weeks with AI: the middle one (all corrected) is in
   * neither half, and a week without any run with AI between them changes
   * nothing. 3 of 18 against 9 of 15.
   * R: fisher.test(matrix(c(3,15,9,6), 2, byrow=TRUE))$p.value 0.0142735084070868 */
  static const guint odd_weeks[][4] = {
    { 6, 1, 0, 0 }, { 6, 1, 0, 0 }, { 0, 0, 4, 4 }, { 6, 1, 0, 0 },
    { 9, 9, 0, 0 },
    { 5, 3, 0, 0 }, { 5, 3, 0, 0 }, { 5, 3, 0, 0 },
  };

  check_trend (rising_alone, G_N_ELEMENTS (rising_alone), YS_TREND_RISING,
               YS_TREND_BASELINE_OTHER, 0.0121137107800173,
               "With AI, the share of runs needing correction rose from 4 of 16 (25%) in the "
               "earlier half of the period to 12 of 16 (75%) in the later half, more than chance "
               "would explain. Without AI it went from 4 of 8 (50%) to 4 of 8 (50%) in the same "
               "weeks: the tool may be the wrong one for this job.");
  check_trend (rising_both, G_N_ELEMENTS (rising_both), YS_TREND_RISING,
               YS_TREND_BASELINE_SAME, 0.0121137107800173,
               "With AI, the share of runs needing correction rose from 4 of 16 (25%) in the "
               "earlier half of the period to 12 of 16 (75%) in the later half, more than chance "
               "would explain. Without AI it rose as well in the same weeks, from 1 of 8 (13%) to "
               "6 of 8 (75%), so the tool is not the cause.");
  check_trend (rising_half, G_N_ELEMENTS (rising_half), YS_TREND_RISING,
               YS_TREND_BASELINE_SAME, 0.0121137107800173,
               "With AI, the share of runs needing correction rose from 4 of 16 (25%) in the "
               "earlier half of the period to 12 of 16 (75%) in the later half, more than chance "
               "would explain. Without AI it rose as well in the same weeks, from 2 of 8 (25%) to "
               "4 of 8 (50%), so the tool is not the cause.");
  check_trend (falling_no_baseline, G_N_ELEMENTS (falling_no_baseline), YS_TREND_FALLING,
               YS_TREND_BASELINE_UNKNOWN, 0.0121137107800173,
               "With AI, the share of runs needing correction fell from 12 of 16 (75%) in the "
               "earlier half of the period to 4 of 16 (25%) in the later half, more than chance "
               "would explain. There were too few runs without AI in the same weeks to tell "
               "whether the tool is the cause.");
  check_trend (steady, G_N_ELEMENTS (steady), YS_TREND_STEADY, YS_TREND_BASELINE_UNKNOWN,
               0.545454545454546,
               "With AI, the share of runs needing correction did not clearly change from the "
               "earlier half of the period, 1 of 6 (17%), to the later half, 3 of 6 (50%).");
  check_trend (too_few, G_N_ELEMENTS (too_few), YS_TREND_UNKNOWN, YS_TREND_BASELINE_UNKNOWN,
               NAN, NULL);
  check_trend (odd_weeks, G_N_ELEMENTS (odd_weeks), YS_TREND_RISING, YS_TREND_BASELINE_UNKNOWN,
               0.0142735084070868,
               "With AI, the share of runs needing correction rose from 3 of 18 (17%) in the "
               "earlier half of the period to 9 of 15 (60%) in the later half, more than chance "
               "would explain. There were too few runs without AI in the same weeks to tell "
               "whether the tool is the cause.");
  check_trend (NULL, 0, YS_TREND_UNKNOWN, YS_TREND_BASELINE_UNKNOWN, NAN, NULL);
}

/* The test itself on large counts, where a naive product of factorials
 * would overflow: 400 of 1000 against 450 of 1000.
 * R: fisher.test(matrix(c(400,600,450,550), 2, byrow=TRUE))$p.value 0.026635537710441
 * and a table at the edge, 0 of 6 against 6 of 6:
 * R: fisher.test(matrix(c(0,6,6,0), 2, byrow=TRUE))$p.value 0.00216450216450217 */
static void
test_trend_large_and_edge (void)
{
  static const guint large[][4] = { { 1000, 400, 0, 0 }, { 1000, 450, 0, 0 } };
  static const guint edge[][4] = { { 6, 0, 0, 0 }, { 6, 6, 0, 0 } };
  g_autoptr(GArray) large_weeks = weeks_of (large, 2);
  g_autoptr(GArray) edge_weeks = weeks_of (edge, 2);
  YsCorrectionTrend trend;

  ys_wording_correction_trend (large_weeks, &trend);
  g_assert_cmpfloat_with_epsilon (trend.p_value, 0.026635537710441, 1e-9);
  g_assert_cmpint (trend.direction, ==, YS_TREND_RISING);
  ys_wording_correction_trend (edge_weeks, &trend);
  g_assert_cmpfloat_with_epsilon (trend.p_value, 0.00216450216450217, 1e-12);
}

static GDate
day (int d, int m, int y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

/* Item 8: a period still going on says so, from the caller's today. */
static void
test_period (void)
{
  GDate from = day (1, 10, 2026), to = day (31, 12, 2026);
  GDate today = day (29, 11, 2026);
  GDate last = to;

  g_assert_true (ys_stats_period_so_far (&from, &last, &today));
  g_assert_cmpint (g_date_compare (&last, &today), ==, 0);
  check (ys_wording_period (&from, &last, "2026-Q4", TRUE, YS_DATES_LONG),
         "1 October 2026 to 29 November 2026 (2026-Q4 so far)");
  check (ys_wording_period (&from, &last, NULL, TRUE, YS_DATES_SHORT),
         "1 Oct 2026 – 29 Nov 2026 (so far)");
  check (ys_wording_period (&from, &last, NULL, TRUE, YS_DATES_LONG),
         "1 October 2026 to 29 November 2026 (so far)");
  check (ys_wording_period (&from, &to, "2026-Q4", FALSE, YS_DATES_LONG),
         "1 October 2026 to 31 December 2026 (2026-Q4)");
  check (ys_wording_period (&from, &to, NULL, FALSE, YS_DATES_SHORT),
         "1 Oct 2026 – 31 Dec 2026");

  /* The last day, a day after the end, before the start, and no today. */
  last = to;
  today = day (31, 12, 2026);
  g_assert_false (ys_stats_period_so_far (&from, &last, &today));
  today = day (1, 1, 2027);
  g_assert_false (ys_stats_period_so_far (&from, &last, &today));
  today = day (30, 9, 2026);
  g_assert_false (ys_stats_period_so_far (&from, &last, &today));
  g_assert_false (ys_stats_period_so_far (&from, &last, NULL));
  g_assert_cmpint (g_date_compare (&last, &to), ==, 0);
  /* The first day of a period is already "so far". */
  today = day (1, 10, 2026);
  g_assert_true (ys_stats_period_so_far (&from, &last, &today));
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
  week.corrected[YS_MODE_WITHOUT_AI] = 1;
  week.used_rate[YS_MODE_WITHOUT_AI] = 1;
  week.used_yes[YS_MODE_WITHOUT_AI] = 1;
  week.used_known[YS_MODE_WITHOUT_AI] = 1;
  check (ys_wording_week (&week, YS_MODE_WITHOUT_AI), "1 run, 4 h 10 min, needed correcting, used");
  week.correction_rate[YS_MODE_WITHOUT_AI] = 0;
  week.corrected[YS_MODE_WITHOUT_AI] = 0;
  week.used_rate[YS_MODE_WITHOUT_AI] = NAN;
  week.used_yes[YS_MODE_WITHOUT_AI] = 0;
  week.used_known[YS_MODE_WITHOUT_AI] = 0;
  check (ys_wording_week (&week, YS_MODE_WITHOUT_AI), "1 run, 4 h 10 min, no corrections");

  /* Several runs: the counts beside each share (item 6). */
  week.runs[YS_MODE_WITH_AI] = 3;
  week.median_seconds[YS_MODE_WITH_AI] = 45 * 60;
  week.correction_rate[YS_MODE_WITH_AI] = 1.0 / 3;
  week.corrected[YS_MODE_WITH_AI] = 1;
  week.used_rate[YS_MODE_WITH_AI] = 0.5;
  week.used_yes[YS_MODE_WITH_AI] = 1;
  week.used_known[YS_MODE_WITH_AI] = 2;
  check (ys_wording_week (&week, YS_MODE_WITH_AI),
         "3 runs, median 45 min, 1 of 3 (33%) corrected, 1 of 2 (50%) used");
}

/* Item 14: a refused import in a sentence a person can act on. */
static void
test_import_refusal (void)
{
  g_autoptr(GError) damaged = g_error_new (YS_ERROR, YS_ERROR_DAMAGED,
                                           "team.json: not a Yardstick bundle (line 1, column 30: "
                                           "scanner: unterminated string constant)");
  g_autoptr(GError) invalid = g_error_new (YS_ERROR, YS_ERROR_INVALID,
                                           "team.json: runs[1].duration_seconds: must be between "
                                           "1 and 604800");
  g_autoptr(GError) newer = g_error_new (YS_ERROR, YS_ERROR_NEWER_DATABASE, "team.json: version");
  g_autoptr(GError) io = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, "team.json: odd");

  check (ys_wording_import_refusal (damaged, "team.json"),
         "team.json is damaged or incomplete — perhaps it was still being copied. Try again once "
         "it has arrived, or ask for it to be exported again.");
  check (ys_wording_import_refusal (invalid, "team.json"),
         "team.json has a value that Yardstick cannot accept, so nothing from it was imported. "
         "Ask for it to be exported again; the details say which value.");
  check (ys_wording_import_refusal (newer, "team.json"),
         "team.json comes from a newer version of Yardstick. Update Yardstick on this computer "
         "to import it.");
  check (ys_wording_import_refusal (io, "team.json"), "team.json could not be imported.");
}

/* "About the same" only when the interval itself rules out a change of
 * more than a tenth either way (it lies within 0.9 to 1.1); a wide
 * interval that spans both 0.9 and 1.1 says nothing either way. */
static void
test_about_the_same (void)
{
  YsWorkflowFigures small = figures (12, 3600, 14, 3420, TRUE);
  YsWorkflowFigures even = figures (12, 3600, 14, 3600, FALSE);
  YsWorkflowFigures tiny = figures (12, 3600, 14, 3600, FALSE);
  YsWorkflowFigures wide = figures (12, 3600, 14, 3600, FALSE);

  small.fair_test.drawn = 26;
  small.fair_test.chosen = 0;
  even.fair_test = small.fair_test;
  tiny.fair_test = small.fair_test;
  wide.fair_test = small.fair_test;

  /* Clear but small, 0.95 in [0.93, 0.98]: 1 − 0.98 = 2%, 1 − 0.93 = 7%. */
  set_ratio (&small.change, 0.95, 0.93, 0.98);
  g_assert_cmpint (ys_wording_evidence (&small), ==, YS_EVIDENCE_CLEAR);
  check (ys_wording_headline (&small),
         "Policy brief draft: with AI it takes about the same time (between 2% and 7% less), "
         "from 14 runs with AI and 12 without.");
  set_ratio (&small.change, 1.05, 1.02, 1.09);
  check (ys_wording_headline (&small),
         "Policy brief draft: with AI it takes about the same time (between 2% and 9% more), "
         "from 14 runs with AI and 12 without.");

  /* Not clear, [0.96, 1.04]: ratio 1, so runs_to_settle is null. */
  set_ratio (&even.change, 1.0, 0.96, 1.04);
  g_assert_cmpint (ys_wording_evidence (&even), ==, YS_EVIDENCE_WITHIN_NOISE);
  check (ys_wording_headline (&even),
         "Policy brief draft: with AI it takes about the same time (between 4% less and 4% "
         "more), from 14 runs with AI and 12 without.");

  /* 0.999 in [0.95, 1.03]: h = 0.040426, d = 0.0010005, n = 2·12·14/26 =
   * 12.923; 12.923 · 1632.6 − 12.923 ≈ 21,085, so 999: too small to matter. */
  set_ratio (&tiny.change, 0.999, 0.95, 1.03);
  tiny.change.runs_to_settle = 999;
  check (ys_wording_headline (&tiny),
         "Policy brief draft: with AI it takes about the same time (between 5% less and 3% "
         "more), from 14 runs with AI and 12 without. Not clear yet: the difference may be too "
         "small to matter.");

  /* [0.85, 1.12] spans both 0.9 and 1.1: within normal variation, no
   * "about the same" and no percentage. */
  set_ratio (&wide.change, 0.97, 0.85, 1.12);
  wide.change.runs_to_settle = 999;
  check (ys_wording_headline (&wide),
         "The difference is within normal variation so far: a median of 1 h with AI and 1 h "
         "without (14 and 12 runs). Not clear yet: the difference may be too small to matter.");
}

/* FORMAT.md's fair_test: its change words the headline once it has enough
 * data, and says so; below 80% drawn, a headline from all runs says that
 * people chose. */
static void
test_fair_test (void)
{
  YsWorkflowFigures w = figures (12, 14400, 18, 5400, TRUE);

  set_ratio (&w.change, 0.375, 0.33, 0.43);

  /* 20 of 25 drawn is 80%: no caveat. 19 of 25 is 76%: 6 of 25 chose. */
  w.fair_test.drawn = 20;
  w.fair_test.overridden = 2;
  w.fair_test.chosen = 3;
  g_assert_null (ys_wording_chosen_caveat (&w));
  w.fair_test.drawn = 19;
  w.fair_test.chosen = 4;
  check (ys_wording_chosen_caveat (&w),
         "People chose with or without AI for 6 of these 25 runs, so the comparison may favour "
         "one side.");

  /* Drawn runs enough on both sides (5 and 6 would not be): the fair test
   * words the headline, 0.6 in [0.5, 0.72] is 40% less, between 1 − 0.72 =
   * 28% and 1 − 0.5 = 50%, from its own counts; no caveat however few of
   * all runs were drawn, and no runs_to_settle of all the runs. */
  w.change.runs_to_settle = 12;
  w.fair_test.drawn = 21;
  w.fair_test.overridden = 2;
  w.fair_test.chosen = 7;
  w.fair_test.change.without_ai_runs = 10;
  w.fair_test.change.with_ai_runs = 11;
  w.fair_test.change.enough_data = TRUE;
  w.fair_test.change.clear = TRUE;
  set_ratio (&w.fair_test.change, 0.6, 0.5, 0.72);
  g_assert_true (ys_wording_from_fair_test (&w));
  g_assert_cmpint (ys_wording_evidence (&w), ==, YS_EVIDENCE_CLEAR);
  check (ys_wording_headline (&w),
         "In a fair test (Yardstick drew with or without AI for each run), with AI it takes "
         "about 40% less time (between 28% and 50% less), from 11 runs with AI and 10 without.");

  /* The fair test unclear: no percentage, whatever all runs say. */
  w.fair_test.change.clear = FALSE;
  set_ratio (&w.fair_test.change, 0.7, 0.45, 1.2);
  g_assert_cmpint (ys_wording_evidence (&w), ==, YS_EVIDENCE_WITHIN_NOISE);
  check (ys_wording_headline (&w),
         "In a fair test (Yardstick drew with or without AI for each run), the difference is "
         "within normal variation so far (11 runs with AI and 10 without).");

  /* Clear in the fair test, not over all runs: no time saved is stated
   * (FORMAT.md: only from a clear change). */
  w.fair_test.change.clear = TRUE;
  set_ratio (&w.fair_test.change, 0.6, 0.5, 0.72);
  w.clear = w.change.clear = FALSE;
  w.has_time_saved = TRUE;
  w.time_saved_per_week = 12462;
  w.time_saved_per_person_per_week = 3116;
  check (ys_wording_time_saved (&w),
         "Not known yet: the fair test shows a clear change, but over all runs the difference "
         "is within normal variation, so no time saved or lost is stated.");

  /* Five drawn runs without AI are not enough: back to all runs, with the
   * caveat (21 of 30 drawn is 70%). */
  w.clear = w.change.clear = TRUE;
  w.change.runs_to_settle = -1;
  w.fair_test.change.without_ai_runs = 5;
  w.fair_test.change.enough_data = FALSE;
  w.fair_test.change.clear = FALSE;
  g_assert_false (ys_wording_from_fair_test (&w));
  check (ys_wording_headline (&w),
         "Policy brief draft: with AI it takes about 62% less time (between 57% and 67% less), "
         "from 18 runs with AI and 12 without. People chose with or without AI for 9 of these "
         "30 runs, so the comparison may favour one side.");
}

/* The same sentences in German, from the build tree's de.po: under the
 * -de variant only, where the locale is de_DE (gettext ignores LANGUAGE
 * in C). The German is written here by hand. */
static void
test_german (void)
{
  YsWorkflowFigures w = figures (12, 14400, 18, 5400, TRUE);

  if (!g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "de_DE"))
    {
      g_test_skip ("German messages are checked under --locale=de_DE.UTF-8");
      return;
    }

  set_ratio (&w.change, 0.375, 0.33, 0.43);
  w.change.runs_to_settle = 9;
  g_setenv ("LANGUAGE", "de", TRUE);
  {
    g_autofree char *headline = ys_wording_headline (&w);
    g_autofree char *settle = NULL;
    g_autofree char *fair = NULL;

    /* A no-break space keeps each number with its per cent sign. */
    g_assert_cmpstr (headline, ==,
                     "Policy brief draft: Mit KI braucht es etwa 62 % weniger Zeit (zwischen 57 % "
                     "und 67 % weniger), gemessen an 18 Durchläufen mit KI und 12 ohne. Bei 30 "
                     "von diesen 30 Durchläufen haben Menschen selbst gewählt, ob mit oder ohne "
                     "KI; der Vergleich kann deshalb eine Seite begünstigen.");
    w.clear = w.change.clear = FALSE;
    settle = ys_wording_runs_to_settle (&w);
    g_assert_cmpstr (settle, ==, "Noch nicht eindeutig: Etwa 9 weitere Durchläufe jeder Art "
                                 "würden es wahrscheinlich klären.");
    w.fair_test.drawn = 30;
    w.fair_test.chosen = 0;
    w.fair_test.change.without_ai_runs = 12;
    w.fair_test.change.with_ai_runs = 18;
    w.fair_test.change.enough_data = TRUE;
    set_ratio (&w.fair_test.change, 1.0, 0.96, 1.04);
    fair = ys_wording_headline (&w);
    g_assert_cmpstr (fair, ==,
                     "In einem fairen Test (Yardstick hat für jeden Durchlauf ausgelost, ob mit "
                     "oder ohne KI) braucht es mit KI etwa gleich viel Zeit "
                     "(zwischen 4 % weniger und 4 % mehr), gemessen an 18 Durchläufen mit KI "
                     "und 12 ohne.");
  }
  g_setenv ("LANGUAGE", "C", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  ys_test_init_locale (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  /* The build tree's translations, for the German sentences. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("YARDSTICK_LOCALEDIR") ? g_getenv ("YARDSTICK_LOCALEDIR")
                                                                     : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/wording/headlines", test_headlines);
  g_test_add_func ("/wording/about-the-same", test_about_the_same);
  g_test_add_func ("/wording/fair-test", test_fair_test);
  g_test_add_func ("/wording/german", test_german);
  g_test_add_func ("/wording/time-saved-only-when-clear", test_time_saved_only_when_clear);
  g_test_add_func ("/wording/rates-have-counts", test_rates_have_counts);
  g_test_add_func ("/wording/tools-and-divergence", test_tools_and_divergence);
  g_test_add_func ("/wording/trend", test_trend);
  g_test_add_func ("/wording/week", test_week);
  g_test_add_func ("/wording/trend-large-and-edge", test_trend_large_and_edge);
  g_test_add_func ("/wording/period", test_period);
  g_test_add_func ("/wording/import-refusal", test_import_refusal);

  return g_test_run ();
}
