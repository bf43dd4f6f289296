/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ys-error.h"
#include "ys-stats.h"
#include "ys-store.h"
#include "ys-test-locale.h"

/* Every figure of the summary against numbers worked out by hand. Local time
 * is Berlin, so period boundaries are tested away from UTC. */

typedef struct
{
  char *dir;
  YsStore *store;
  char *workflow;
  char *chatgpt;
  char *claude;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(YsWorkflow) workflow = NULL;
  g_autoptr(YsTool) chatgpt = NULL;
  g_autoptr(YsTool) claude = NULL;

  f->dir = g_dir_make_tmp ("ys-stats-XXXXXX", NULL);
  path = g_build_filename (f->dir, "s.db", NULL);
  f->store = ys_store_open (path, &error);
  g_assert_no_error (error);
  workflow = ys_store_add_workflow (f->store, "Policy brief draft", "", 4, &error);
  chatgpt = ys_store_add_tool (f->store, "ChatGPT", &error);
  claude = ys_store_add_tool (f->store, "Claude", &error);
  g_assert_no_error (error);
  f->workflow = g_strdup (ys_workflow_get_id (workflow));
  f->chatgpt = g_strdup (ys_tool_get_id (chatgpt));
  f->claude = g_strdup (ys_tool_get_id (claude));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_object (&f->store);
  g_assert_cmpint (system (command), ==, 0);
  g_free (f->dir);
  g_free (f->workflow);
  g_free (f->chatgpt);
  g_free (f->claude);
}

static gint64
local_time (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (year, month, day, hour, minute, 0);
  return g_date_time_to_unix (when);
}

static char *
add_run_as (Fixture      *f,
            const char   *tool_id,
            gint64        started_at,
            gint64        duration,
            gint64        corrections,
            YsUsed        used,
            YsAssignment  assignment)
{
  g_autoptr(GError) error = NULL;
  YsRunFields fields = {
    .workflow_id = f->workflow, .mode = tool_id ? YS_MODE_WITH_AI : YS_MODE_WITHOUT_AI,
    .tool_id = (char *) tool_id, .started_at = started_at, .duration_seconds = duration,
    .corrections = corrections, .used = used, .note = (char *) "", .assignment = assignment,
  };
  g_autoptr(YsRun) run = ys_store_add_run (f->store, &fields, &error);

  g_assert_no_error (error);
  return g_strdup (ys_run_get_id (run));
}

static char *
add_run (Fixture    *f,
         const char *tool_id,
         gint64      started_at,
         gint64      duration,
         gint64      corrections,
         YsUsed      used)
{
  return add_run_as (f, tool_id, started_at, duration, corrections, used,
                     YS_ASSIGNMENT_CHOSEN);
}

static void
add_feedback (Fixture    *f,
              const char *tool_id,
              gboolean    yes,
              const char *given_on)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = ys_store_add_feedback (f->store, f->workflow, tool_id, yes, given_on, "",
                                               &error);
  g_assert_no_error (error);
}

static GDate
date (int year, int month, int day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);
  return d;
}

static YsWorkflowFigures *
figures (YsSummary *summary,
         Fixture   *f)
{
  YsWorkflowFigures *w = ys_summary_find (summary, f->workflow);

  g_assert_nonnull (w);
  return w;
}

/* FORMAT.md says "rounded"; an exact half goes to the even neighbour, as
 * Python's round() and R's round() do. Six runs of 400 s without AI, six of
 * 3 s with: (3 - 400) / 400 = -99.25%, shown -99.2 (not -99.3); over 21
 * days (3 weeks) 397 s x 6 / 3 = 794 s a week, and for 4 people 198.5,
 * shown 198 (not 199). */
static void
test_rounding_ties (Fixture       *f,
                    gconstpointer  data)
{
  GDate from = date (2026, 7, 1), to = date (2026, 7, 21);
  g_autoptr(YsSummary) summary = NULL;
  YsWorkflowFigures *w;

  for (int i = 0; i < 6; i++)
    {
      g_free (add_run (f, NULL, local_time (2026, 7, 1 + i, 10, 0), 400, 0, YS_USED_YES));
      g_free (add_run (f, f->claude, local_time (2026, 7, 10 + i, 10, 0), 3, 0, YS_USED_YES));
    }

  summary = ys_summary_compute (f->store, &from, &to, NULL);
  w = figures (summary, f);

  g_assert_cmpfloat (w->change_percent, ==, -99.2);
  g_assert_true (w->has_time_saved);
  g_assert_cmpint (w->time_saved_per_week, ==, 794);
  g_assert_cmpint (w->time_saved_per_person_per_week, ==, 198);
}

/* The worked example of FORMAT.md: 12 runs without AI at a 4 h median,
 * 18 with AI at 1 h 30 min, Q3 2026, four people. */
static void
test_worked_example (Fixture       *f,
                     gconstpointer  data)
{
  GDate from = date (2026, 7, 1), to = date (2026, 9, 30);
  g_autoptr(YsSummary) summary = NULL;
  YsWorkflowFigures *w;
  /* Sorted: x(3) = 12600 and x(10) = 16200 give the interval. */
  static const gint64 before[12] = { 10800, 12000, 12600, 13200, 13800, 14400,
                                     14400, 15000, 15600, 16200, 16800, 18000 };
  static const gint64 after[18] = { 3600, 4200, 4500, 4800, 4800, 5100, 5100, 5400, 5400,
                                    5400, 5400, 5700, 6000, 6300, 6600, 7200, 7800, 9000 };

  for (int i = 0; i < 12; i++)
    g_free (add_run (f, NULL, local_time (2026, 7, 6 + i, 10, 0), before[i], i % 2 ? 2 : 1,
                     i < 10 ? YS_USED_YES : YS_USED_NO));
  for (int i = 0; i < 18; i++)
    g_free (add_run (f, i % 3 ? f->chatgpt : f->claude, local_time (2026, 8, 3 + i, 10, 0),
                     after[i], i % 2, YS_USED_YES));

  summary = ys_summary_compute (f->store, &from, &to, NULL);
  w = figures (summary, f);

  g_assert_cmpuint (w->without_ai.runs, ==, 12);
  g_assert_cmpfloat (w->without_ai.median_seconds, ==, 14400);
  g_assert_cmpint (w->without_ai.ci_low, ==, 12600);
  g_assert_cmpint (w->without_ai.ci_high, ==, 16200);
  g_assert_cmpfloat (w->without_ai.corrections_per_run, ==, 1.5);
  g_assert_cmpfloat (w->without_ai.correction_rate, ==, 1.0);
  g_assert_cmpfloat_with_epsilon (w->without_ai.used_rate, 10.0 / 12.0, 1e-12);

  g_assert_cmpuint (w->with_ai.runs, ==, 18);
  g_assert_cmpfloat (w->with_ai.median_seconds, ==, 5400);
  /* n = 18: k = 5, so [x(5), x(14)]. */
  g_assert_cmpint (w->with_ai.ci_low, ==, 4800);
  g_assert_cmpint (w->with_ai.ci_high, ==, 6300);
  g_assert_cmpfloat (w->with_ai.correction_rate, ==, 0.5);

  g_assert_cmpfloat (w->change_percent, ==, -62.5);
  g_assert_true (w->enough_data);
  g_assert_true (w->clear);
  /* The 216 pair ratios y/x, listed and sorted by tests/check-summary.py:
   * the 108th and 109th are both 8/21; the exact Mann–Whitney rank for
   * 12 and 18 runs is 62 (R: qwilcox (0.025, 12, 18)), so the interval is
   * the 62nd and 155th, 1/3 and 4/9. */
  g_assert_true (w->change.has_ratio);
  g_assert_cmpfloat_with_epsilon (w->change.ratio, 8.0 / 21.0, 1e-12);
  g_assert_true (w->change.has_interval);
  g_assert_cmpfloat_with_epsilon (w->change.low, 1.0 / 3.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (w->change.high, 4.0 / 9.0, 1e-12);
  g_assert_true (w->change.clear);
  g_assert_cmpint (w->change.runs_to_settle, ==, -1);
  /* Every run was logged after the fact: chosen, none drawn. */
  g_assert_cmpuint (w->fair_test.chosen, ==, 30);
  g_assert_cmpuint (w->fair_test.drawn, ==, 0);
  g_assert_cmpuint (w->fair_test.overridden, ==, 0);
  g_assert_false (w->fair_test.change.has_ratio);
  g_assert_false (w->fair_test.change.enough_data);
  /* July to September has 92 days, both ends counted: (14400 - 5400) * 18
   * / (92 / 7) = 12326.09, and 3081.5 for each of 4 people. */
  g_assert_true (w->has_time_saved);
  g_assert_cmpint (w->time_saved_per_week, ==, 12326);
  g_assert_cmpint (w->time_saved_per_person_per_week, ==, 3082);

  /* Tools by name, with their own medians. */
  g_assert_cmpuint (w->tools->len, ==, 2);
  g_assert_cmpstr (g_array_index (w->tools, YsToolFigures, 0).name, ==, "ChatGPT");
  g_assert_cmpuint (g_array_index (w->tools, YsToolFigures, 0).runs, ==, 12);
  g_assert_cmpuint (g_array_index (w->tools, YsToolFigures, 1).runs, ==, 6);
  /* Claude's runs are after[0, 3, 6, 9, 12, 15] = 3600 4800 5100 5400 6000 7200. */
  g_assert_cmpfloat (g_array_index (w->tools, YsToolFigures, 1).median_seconds, ==, 5250);
}

static void
test_medians_and_small_counts (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(YsSummary) odd = NULL;
  g_autoptr(YsSummary) five = NULL;
  g_autoptr(YsSummary) six = NULL;
  YsWorkflowFigures *w;

  g_free (add_run (f, NULL, local_time (2026, 9, 1, 9, 0), 300, 0, YS_USED_UNKNOWN));
  g_free (add_run (f, NULL, local_time (2026, 9, 2, 9, 0), 100, 0, YS_USED_UNKNOWN));
  g_free (add_run (f, NULL, local_time (2026, 9, 3, 9, 0), 200, 0, YS_USED_UNKNOWN));
  odd = ys_summary_compute (f->store, NULL, NULL, NULL);
  w = figures (odd, f);
  g_assert_cmpfloat (w->without_ai.median_seconds, ==, 200);
  g_assert_cmpint (w->without_ai.ci_low, ==, -1);
  /* Unknown use is left out: nothing to count. */
  g_assert_true (isnan (w->without_ai.used_rate));
  g_assert_true (isnan (w->with_ai.median_seconds));
  g_assert_true (isnan (w->change_percent));
  g_assert_false (w->enough_data);
  g_assert_false (w->has_time_saved);
  g_assert_true (odd->has_period);

  g_free (add_run (f, NULL, local_time (2026, 9, 4, 9, 0), 400, 0, YS_USED_NO));
  g_free (add_run (f, NULL, local_time (2026, 9, 5, 9, 0), 500, 0, YS_USED_YES));
  five = ys_summary_compute (f->store, NULL, NULL, NULL);
  w = figures (five, f);
  g_assert_cmpuint (w->without_ai.runs, ==, 5);
  g_assert_cmpint (w->without_ai.ci_low, ==, -1);
  g_assert_cmpfloat (w->without_ai.used_rate, ==, 0.5);

  g_free (add_run (f, NULL, local_time (2026, 9, 6, 9, 0), 600, 0, YS_USED_YES));
  six = ys_summary_compute (f->store, NULL, NULL, NULL);
  w = figures (six, f);
  /* Even count: the mean of the two middle values; n = 6 has [x(1), x(6)]. */
  g_assert_cmpfloat (w->without_ai.median_seconds, ==, 350);
  g_assert_cmpint (w->without_ai.ci_low, ==, 100);
  g_assert_cmpint (w->without_ai.ci_high, ==, 600);
  g_assert_false (w->enough_data);
}

/* clear is the ratio's interval wholly on one side of 1, not two median
 * intervals apart (the test before version 0.2, which missed this change).
 * Expected figures from tests/check-summary.py, which lists every pair;
 * the exact Mann–Whitney rank for 6 and 7 runs is 7 (R: qwilcox). */
static void
test_clear_and_deleted (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsSummary) overlapping = NULL;
  g_autoptr(YsSummary) after_delete = NULL;
  g_autoptr(YsSummary) unclear = NULL;
  g_autofree char *outlier = NULL;
  g_autoptr(GPtrArray) shorter = g_ptr_array_new_with_free_func (g_free);
  YsWorkflowFigures *w;

  for (int i = 0; i < 6; i++)
    {
      g_free (add_run (f, NULL, local_time (2026, 9, 1 + i, 9, 0), 1000 + 100 * i, 0, YS_USED_YES));
      g_ptr_array_add (shorter, add_run (f, f->chatgpt, local_time (2026, 9, 10 + i, 9, 0),
                                         100 + 100 * i, 0, YS_USED_YES));
    }
  /* A seventh run with AI, long enough to make the median intervals overlap. */
  outlier = add_run (f, f->chatgpt, local_time (2026, 9, 20, 9, 0), 5000, 3, YS_USED_NO);

  overlapping = ys_summary_compute (f->store, NULL, NULL, NULL);
  w = figures (overlapping, f);
  g_assert_true (w->enough_data);
  g_assert_cmpint (w->with_ai.ci_high, ==, 5000);
  g_assert_cmpint (w->without_ai.ci_low, ==, 1000);
  /* 42 pairs: d(7) = 200/1500, d(36) = 600/1000. */
  g_assert_cmpfloat_with_epsilon (w->change.low, 2.0 / 15.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (w->change.high, 0.6, 1e-12);
  g_assert_cmpfloat_with_epsilon (w->change.ratio, 0.32025630761017426, 1e-12);
  g_assert_true (w->clear);
  g_assert_cmpint (w->change.runs_to_settle, ==, -1);

  /* Deleted runs count nowhere. */
  g_assert_true (ys_store_delete_run (f->store, outlier, &error));
  after_delete = ys_summary_compute (f->store, NULL, NULL, NULL);
  w = figures (after_delete, f);
  g_assert_cmpuint (w->with_ai.runs, ==, 6);
  g_assert_cmpint (w->with_ai.ci_high, ==, 600);
  g_assert_true (w->clear);
  g_assert_cmpfloat (w->with_ai.used_rate, ==, 1.0);

  /* Runs with AI of 900 to 1400 and 5000 against 1000 to 1500: about the
   * same, [0.75, 1.4], and 523 more runs of each kind might settle it. */
  g_assert_true (ys_store_restore_run (f->store, outlier, &error));
  for (guint i = 0; i < shorter->len; i++)
    g_assert_true (ys_store_delete_run (f->store, g_ptr_array_index (shorter, i), &error));
  for (int i = 0; i < 6; i++)
    g_free (add_run (f, f->chatgpt, local_time (2026, 9, 10 + i, 9, 0), 900 + 100 * i, 0,
                     YS_USED_YES));
  unclear = ys_summary_compute (f->store, NULL, NULL, NULL);
  w = figures (unclear, f);
  g_assert_cmpfloat_with_epsilon (w->change.low, 0.75, 1e-12);
  g_assert_cmpfloat_with_epsilon (w->change.high, 1.4, 1e-12);
  g_assert_cmpfloat_with_epsilon (w->change.ratio, 0.9660917830792959, 1e-12);
  g_assert_false (w->clear);
  g_assert_cmpint (w->change.runs_to_settle, ==, 523);
}

static void
test_period_in_local_time (Fixture       *f,
                           gconstpointer  data)
{
  GDate q3_from = date (2026, 7, 1), q3_to = date (2026, 9, 30);
  GDate q4_from = date (2026, 10, 1), q4_to = date (2026, 12, 31);
  g_autoptr(YsSummary) q3 = NULL;
  g_autoptr(YsSummary) q4 = NULL;

  /* 23:30 and 00:30 Berlin time: both are 30 September in UTC. */
  g_free (add_run (f, NULL, local_time (2026, 9, 30, 23, 30), 600, 0, YS_USED_YES));
  g_free (add_run (f, NULL, local_time (2026, 10, 1, 0, 30), 900, 0, YS_USED_YES));

  q3 = ys_summary_compute (f->store, &q3_from, &q3_to, NULL);
  q4 = ys_summary_compute (f->store, &q4_from, &q4_to, NULL);
  g_assert_cmpuint (figures (q3, f)->without_ai.runs, ==, 1);
  g_assert_cmpfloat (figures (q3, f)->without_ai.median_seconds, ==, 600);
  g_assert_cmpuint (figures (q4, f)->without_ai.runs, ==, 1);
  g_assert_cmpfloat (figures (q4, f)->without_ai.median_seconds, ==, 900);
}

static void
test_tools_and_divergence (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsTool) gemini = ys_store_add_tool (f->store, "Gemini", &error);
  g_autoptr(YsSummary) summary = NULL;
  YsWorkflowFigures *w;
  YsToolFigures *chatgpt, *claude, *only_feedback;

  for (int i = 0; i < 6; i++)
    {
      g_free (add_run (f, NULL, local_time (2026, 9, 1 + i, 9, 0), 1000, 0, YS_USED_YES));
      /* ChatGPT is slower than the baseline, Claude faster. */
      g_free (add_run (f, f->chatgpt, local_time (2026, 9, 8 + i, 9, 0), 1200, 0, YS_USED_YES));
      g_free (add_run (f, f->claude, local_time (2026, 9, 15 + i, 9, 0), 500, 0, YS_USED_YES));
    }
  /* People say ChatGPT saves time (the clock disagrees) and Claude does not
   * (the clock disagrees again). Gemini only has answers. */
  add_feedback (f, f->chatgpt, TRUE, "2026-09-10");
  add_feedback (f, f->chatgpt, TRUE, "2026-09-11");
  add_feedback (f, f->chatgpt, FALSE, "2026-09-12");
  add_feedback (f, f->claude, FALSE, "2026-09-16");
  add_feedback (f, f->claude, FALSE, "2026-09-17");
  add_feedback (f, f->claude, TRUE, "2026-09-18");
  add_feedback (f, ys_tool_get_id (gemini), TRUE, "2026-09-19");

  summary = ys_summary_compute (f->store, NULL, NULL, NULL);
  w = figures (summary, f);
  g_assert_cmpuint (w->tools->len, ==, 3);
  chatgpt = &g_array_index (w->tools, YsToolFigures, 0);
  claude = &g_array_index (w->tools, YsToolFigures, 1);
  only_feedback = &g_array_index (w->tools, YsToolFigures, 2);

  g_assert_cmpstr (chatgpt->name, ==, "ChatGPT");
  g_assert_cmpuint (chatgpt->yes, ==, 2);
  g_assert_cmpuint (chatgpt->no, ==, 1);
  g_assert_cmpfloat_with_epsilon (chatgpt->yes_share, 2.0 / 3.0, 1e-12);
  g_assert_cmpint (chatgpt->divergent, ==, 1);
  g_assert_cmpint (claude->divergent, ==, 1);

  g_assert_cmpstr (only_feedback->name, ==, "Gemini");
  g_assert_cmpuint (only_feedback->runs, ==, 0);
  g_assert_true (isnan (only_feedback->median_seconds));
  g_assert_cmpint (only_feedback->divergent, ==, -1);

  /* Agreeing answers: no divergence. */
  {
    g_autoptr(YsSummary) again = NULL;

    add_feedback (f, f->claude, TRUE, "2026-09-19");
    add_feedback (f, f->claude, TRUE, "2026-09-20");
    again = ys_summary_compute (f->store, NULL, NULL, NULL);
    g_assert_cmpint (g_array_index (figures (again, f)->tools, YsToolFigures, 1).divergent, ==, 0);
  }
}

static int
divergent (Fixture    *f,
           const char *tool_name)
{
  g_autoptr(YsSummary) summary = ys_summary_compute (f->store, NULL, NULL, NULL);
  YsWorkflowFigures *w = figures (summary, f);

  for (guint i = 0; i < w->tools->len; i++)
    if (g_str_equal (g_array_index (w->tools, YsToolFigures, i).name, tool_name))
      return g_array_index (w->tools, YsToolFigures, i).divergent;
  g_assert_not_reached ();
}

/* Divergence is defined from 6 runs of the tool, 3 answers and 6 runs
 * without AI (FORMAT.md): one short of any of them, and it is not. */
static void
test_divergence_needs_enough (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *baseline = NULL;

  /* Without AI: 1000 s; ChatGPT is quicker (500 s) and people say it is
   * not, Claude slower (1200 s) and people say it is quicker. */
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *id = add_run (f, NULL, local_time (2026, 9, 1 + i, 9, 0), 1000, 0,
                                     YS_USED_YES);

      if (i == 0)
        baseline = g_steal_pointer (&id);
      g_free (add_run (f, f->chatgpt, local_time (2026, 9, 8 + i, 9, 0), 500, 0, YS_USED_YES));
    }
  for (int i = 0; i < 5; i++)
    g_free (add_run (f, f->claude, local_time (2026, 9, 15 + i, 9, 0), 1200, 0, YS_USED_YES));
  /* Answers within the period the runs span (1 to 19 September). */
  for (int i = 0; i < 3; i++)
    add_feedback (f, f->claude, TRUE, "2026-09-18");
  add_feedback (f, f->chatgpt, FALSE, "2026-09-14");
  add_feedback (f, f->chatgpt, FALSE, "2026-09-15");

  /* ChatGPT: two answers; Claude: five runs. */
  g_assert_cmpint (divergent (f, "ChatGPT"), ==, -1);
  g_assert_cmpint (divergent (f, "Claude"), ==, -1);

  add_feedback (f, f->chatgpt, FALSE, "2026-09-16");
  g_free (add_run (f, f->claude, local_time (2026, 9, 20, 9, 0), 1200, 0, YS_USED_YES));
  g_assert_cmpint (divergent (f, "ChatGPT"), ==, 1);
  g_assert_cmpint (divergent (f, "Claude"), ==, 1);

  /* Five runs without AI leave nothing to compare with. */
  g_assert_true (ys_store_delete_run (f->store, baseline, NULL));
  g_assert_cmpint (divergent (f, "ChatGPT"), ==, -1);
  g_assert_cmpint (divergent (f, "Claude"), ==, -1);
  g_assert_true (ys_store_restore_run (f->store, baseline, NULL));

  /* Evenly split answers say neither: no divergence, whatever the clock. */
  for (int i = 0; i < 3; i++)
    add_feedback (f, f->chatgpt, TRUE, "2026-09-17");
  g_assert_cmpint (divergent (f, "ChatGPT"), ==, 0);
}

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsSummary) empty = ys_summary_compute (f->store, NULL, NULL, NULL);
  g_autofree char *empty_json = ys_summary_to_json (empty);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(YsSummary) summary = NULL;
  g_autofree char *json = NULL;
  JsonObject *root, *workflow, *without, *change, *fair;

  g_assert_true (json_parser_load_from_data (parser, empty_json, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_null_member (root, "from"));
  g_assert_true (json_object_get_null_member (root, "to"));

  g_free (add_run (f, NULL, local_time (2026, 9, 1, 9, 0), 90, 0, YS_USED_UNKNOWN));
  summary = ys_summary_compute (f->store, NULL, NULL, NULL);
  json = ys_summary_to_json (summary);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "from"), ==, "2026-09-01");
  workflow = json_array_get_object_element (json_object_get_array_member (root, "workflows"), 0);
  without = json_object_get_object_member (workflow, "without_ai");
  /* Absent figures are null, never omitted. */
  g_assert_true (json_object_has_member (without, "median_ci95"));
  g_assert_true (json_object_get_null_member (without, "median_ci95"));
  g_assert_true (json_object_get_null_member (without, "used_rate"));
  g_assert_cmpint (json_object_get_int_member (without, "median_seconds"), ==, 90);
  g_assert_true (json_object_get_null_member (workflow, "time_saved_per_week_seconds"));
  g_assert_true (json_object_get_null_member (json_object_get_object_member (workflow, "change"),
                                              "percent"));
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (workflow, "change"),
                                                  "enough_data"));
  /* One run, logged after the fact: no ratio, and a fair test of nothing. */
  change = json_object_get_object_member (workflow, "change");
  g_assert_true (json_object_get_null_member (change, "ratio"));
  g_assert_true (json_object_get_null_member (change, "ratio_ci95"));
  g_assert_false (json_object_get_boolean_member (change, "clear"));
  g_assert_true (json_object_get_null_member (change, "runs_to_settle"));
  fair = json_object_get_object_member (workflow, "fair_test");
  g_assert_cmpint (json_object_get_int_member (fair, "drawn"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (fair, "overridden"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (fair, "chosen"), ==, 1);
  change = json_object_get_object_member (fair, "change");
  g_assert_cmpuint (json_object_get_size (change), ==, 4);
  g_assert_true (json_object_get_null_member (change, "ratio"));
  g_assert_true (json_object_get_null_member (change, "ratio_ci95"));
  g_assert_false (json_object_get_boolean_member (change, "enough_data"));
  g_assert_false (json_object_get_boolean_member (change, "clear"));


  /* Fractions keep their point in every locale: this test runs again with
   * German formats, where printf would write "0,5". Two runs, one of them
   * corrected once: 0.5 corrections a run, half of them corrected. */
  g_free (add_run (f, NULL, local_time (2026, 9, 2, 9, 0), 150, 1, YS_USED_YES));
  g_clear_pointer (&summary, ys_summary_free);
  g_clear_pointer (&json, g_free);
  summary = ys_summary_compute (f->store, NULL, NULL, &error);
  json = ys_summary_to_json (summary);
  g_assert_true (g_regex_match_simple ("\"corrections_per_run\" ?: ?0\\.5[,\n}]", json, 0, 0));
  g_assert_true (g_regex_match_simple ("\"correction_rate\" ?: ?0\\.5[,\n}]", json, 0, 0));
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  workflow = json_array_get_object_element (json_object_get_array_member (root, "workflows"), 0);
  without = json_object_get_object_member (workflow, "without_ai");
  g_assert_cmpfloat (json_object_get_double_member (without, "corrections_per_run"), ==, 0.5);
  g_assert_cmpfloat (json_object_get_double_member (without, "correction_rate"), ==, 0.5);
  g_assert_cmpint (json_object_get_int_member (without, "median_seconds"), ==, 120);

  /* Six runs a side, all drawn: a ratio with its interval, here and in the
   * fair test. 600 to 1100 s against 1200 to 2200 s: every pair is below 1. */
  g_clear_pointer (&summary, ys_summary_free);
  g_clear_pointer (&json, g_free);
  for (int i = 0; i < 6; i++)
    {
      g_free (add_run_as (f, NULL, local_time (2026, 9, 2 + i, 9, 0), 1200 + 200 * i, 0,
                          YS_USED_YES, YS_ASSIGNMENT_DRAWN));
      g_free (add_run_as (f, f->chatgpt, local_time (2026, 9, 2 + i, 11, 0), 600 + 100 * i, 0,
                          YS_USED_YES, YS_ASSIGNMENT_DRAWN));
    }
  summary = ys_summary_compute (f->store, NULL, NULL, NULL);
  json = ys_summary_to_json (summary);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  workflow = json_array_get_object_element (json_object_get_array_member (root, "workflows"), 0);
  fair = json_object_get_object_member (workflow, "fair_test");
  g_assert_cmpint (json_object_get_int_member (fair, "drawn"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (fair, "chosen"), ==, 2);
  change = json_object_get_object_member (fair, "change");
  /* Every ratio y/x is (6 + i) / (2 (6 + j)), symmetric about 1/2 on the
   * log scale, so the median of the 36 is 1/2; with k = 6 (m = n = 6) the
   * interval is the 6th and the 31st, both below 1. */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (change, "ratio"), 0.5, 1e-12);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (change, "ratio_ci95")),
                    ==, 2);
  g_assert_true (json_object_get_boolean_member (change, "clear"));
  /* All runs together are not clear: the two short ones chosen without AI
   * (90 and 150 s) put 12 of the 48 pairs above 1. */
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (workflow,
                                                                                 "change"),
                                                  "clear"));
}

static void
test_weekly (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GArray) weeks = NULL;
  YsWeek *first, *second;

  /* Monday 7 and Sunday 13 September are one ISO week; 14 the next. */
  g_free (add_run (f, NULL, local_time (2026, 9, 7, 9, 0), 100, 1, YS_USED_YES));
  g_free (add_run (f, NULL, local_time (2026, 9, 13, 22, 0), 300, 0, YS_USED_NO));
  g_free (add_run (f, f->chatgpt, local_time (2026, 9, 10, 9, 0), 50, 0, YS_USED_UNKNOWN));
  g_free (add_run (f, NULL, local_time (2026, 9, 14, 9, 0), 700, 0, YS_USED_YES));

  weeks = ys_stats_weekly (f->store, f->workflow, NULL, NULL, NULL);
  g_assert_cmpuint (weeks->len, ==, 2);
  first = &g_array_index (weeks, YsWeek, 0);
  second = &g_array_index (weeks, YsWeek, 1);
  g_assert_cmpint (g_date_get_day (&first->monday), ==, 7);
  g_assert_cmpuint (first->runs[YS_MODE_WITHOUT_AI], ==, 2);
  g_assert_cmpfloat (first->median_seconds[YS_MODE_WITHOUT_AI], ==, 200);
  g_assert_cmpfloat (first->correction_rate[YS_MODE_WITHOUT_AI], ==, 0.5);
  g_assert_cmpfloat (first->used_rate[YS_MODE_WITHOUT_AI], ==, 0.5);
  g_assert_cmpuint (first->runs[YS_MODE_WITH_AI], ==, 1);
  g_assert_cmpfloat (first->median_seconds[YS_MODE_WITH_AI], ==, 50);
  g_assert_true (isnan (first->used_rate[YS_MODE_WITH_AI]));
  g_assert_cmpint (g_date_get_day (&second->monday), ==, 14);
  g_assert_cmpuint (second->runs[YS_MODE_WITH_AI], ==, 0);
  g_assert_true (isnan (second->median_seconds[YS_MODE_WITH_AI]));
  g_assert_cmpfloat (second->median_seconds[YS_MODE_WITHOUT_AI], ==, 700);
}

/* However a period's durations are read (its runs along an index, or the
 * per-duration counts less the runs outside it), drawn runs too, the
 * figures are the same. */
static void
test_plans_agree (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (11);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  static const struct { int from[3], to[3]; } periods[] = {
    { { 0 }, { 0 } },                           /* all time */
    { { 2026, 3, 4 }, { 2026, 3, 20 } },        /* a little of it */
    { { 2026, 1, 15 }, { 2026, 11, 30 } },      /* most of it */
    { { 2025, 1, 1 }, { 2026, 1, 1 } },         /* its first day */
  };

  for (int i = 0; i < 400; i++)
    {
      int kind = g_rand_int_range (rand, 0, 3);
      char *id = add_run_as (f, kind == 0 ? NULL : kind == 1 ? f->chatgpt : f->claude,
                             local_time (2026, 1 + i % 12, 1 + i % 28, 9, 0),
                             60 * g_rand_int_range (rand, 1, 40), i % 3,
                             g_rand_int_range (rand, 0, 3), g_rand_int_range (rand, 0, 3));

      g_ptr_array_add (ids, id);
    }
  for (int i = 0; i < 40; i++)
    g_assert_true (ys_store_delete_run (f->store, g_ptr_array_index (ids, i * 7), &error));
  g_rand_free (rand);

  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    {
      gboolean dated = periods[p].from[0] != 0;
      GDate from = date (dated ? periods[p].from[0] : 2000, MAX (1, periods[p].from[1]),
                         MAX (1, periods[p].from[2]));
      GDate to = date (dated ? periods[p].to[0] : 2000, MAX (1, periods[p].to[1]),
                       MAX (1, periods[p].to[2]));
      char *json[3] = { NULL, NULL, NULL };

      for (int plan = 0; plan < 3; plan++)
        {
          g_autoptr(YsSummary) summary = NULL;

          ys_stats_set_plan (plan);
          summary = ys_summary_compute (f->store, dated ? &from : NULL, dated ? &to : NULL,
                                        &error);
          ys_stats_set_plan (YS_STATS_PLAN_AUTO);
          g_assert_no_error (error);
          json[plan] = ys_summary_to_json (summary);
        }
      g_assert_cmpstr (json[YS_STATS_PLAN_INSIDE], ==, json[YS_STATS_PLAN_AUTO]);
      g_assert_cmpstr (json[YS_STATS_PLAN_OUTSIDE], ==, json[YS_STATS_PLAN_AUTO]);
      if (p < 3)
        g_assert_nonnull (strstr (json[0], "\"median_ci95\" : ["));
      g_assert_nonnull (strstr (json[0], "\"drawn\" : "));
      for (int plan = 0; plan < 3; plan++)
        g_free (json[plan]);
    }
}

static void
test_one_workflow (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) other = ys_store_add_workflow (f->store, "Intake summary", "", 1, &error);
  g_autoptr(YsSummary) all = NULL;
  g_autoptr(YsSummary) one = NULL;
  YsWorkflowFigures *w, *alone;

  g_assert_no_error (error);
  for (int i = 0; i < 7; i++)
    g_free (add_run (f, i % 2 ? f->chatgpt : NULL, local_time (2026, 9, 1 + i, 9, 0), 600 + i * 60,
                     i % 3, YS_USED_YES));

  all = ys_summary_compute (f->store, NULL, NULL, NULL);
  one = ys_summary_compute_one (f->store, NULL, NULL, f->workflow, NULL);
  g_assert_cmpuint (all->workflows->len, ==, 2);
  g_assert_cmpuint (one->workflows->len, ==, 1);
  g_assert_null (ys_summary_find (one, ys_workflow_get_id (other)));
  w = figures (all, f);
  alone = figures (one, f);
  g_assert_true (g_date_compare (&all->from, &one->from) == 0);
  g_assert_true (g_date_compare (&all->to, &one->to) == 0);
  g_assert_cmpuint (alone->without_ai.runs, ==, w->without_ai.runs);
  g_assert_cmpuint (alone->with_ai.runs, ==, w->with_ai.runs);
  g_assert_cmpfloat (alone->without_ai.median_seconds, ==, w->without_ai.median_seconds);
  g_assert_cmpfloat (alone->with_ai.median_seconds, ==, w->with_ai.median_seconds);
  g_assert_cmpuint (alone->tools->len, ==, w->tools->len);
}

static void
test_quarters (void)
{
  g_autoptr(GError) error = NULL;
  GDate from, to;

  g_assert_true (ys_stats_parse_quarter ("2026-Q3", &from, &to, &error));
  g_assert_cmpint (g_date_get_month (&from), ==, 7);
  g_assert_cmpint (g_date_get_day (&to), ==, 30);
  g_assert_cmpint (g_date_get_month (&to), ==, 9);
  g_assert_true (ys_stats_parse_quarter ("2024-Q1", &from, &to, &error));
  g_assert_cmpint (g_date_get_day (&to), ==, 31);
  g_assert_false (ys_stats_parse_quarter ("2026-Q5", &from, &to, &error));
  g_assert_cmpstr (error->message, ==, "“2026-Q5” is not a quarter like 2026-Q3.");
  g_clear_error (&error);
  g_assert_false (ys_stats_parse_quarter ("2026Q1", &from, &to, NULL));
  g_assert_false (ys_stats_parse_quarter ("20x6-Q1", &from, &to, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  ys_test_init_locale (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/stats/quarters", test_quarters);
  ADD ("/stats/worked-example", test_worked_example);
  ADD ("/stats/rounding-ties", test_rounding_ties);
  ADD ("/stats/medians-and-small-counts", test_medians_and_small_counts);
  ADD ("/stats/clear-and-deleted", test_clear_and_deleted);
  ADD ("/stats/period-in-local-time", test_period_in_local_time);
  ADD ("/stats/tools-and-divergence", test_tools_and_divergence);
  ADD ("/stats/divergence-needs-enough", test_divergence_needs_enough);
  ADD ("/stats/json", test_json);
  ADD ("/stats/weekly", test_weekly);
  ADD ("/stats/plans-agree", test_plans_agree);
  ADD ("/stats/one-workflow", test_one_workflow);

  return g_test_run ();
}
