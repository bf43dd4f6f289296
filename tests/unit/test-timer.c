/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>

#include "ys-error.h"
#include "ys-store.h"

/* Timers, outcomes that arrive later and the feedback interval, with a clock
 * the test moves by hand. Local time is Berlin, which changes to summer time
 * on 2026-03-29 at 02:00. */

#define MINUTES(n) ((gint64) (n) * 60 * G_USEC_PER_SEC)

typedef struct
{
  char *dir;
  char *path;
  YsStore *store;
  gint64 now;
  char *workflow;
  char *tool;
} Fixture;

static gint64
fake_clock (gpointer user_data)
{
  return ((Fixture *) user_data)->now;
}

static gint64
local_usec (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (year, month, day, hour, minute, 0);
  return g_date_time_to_unix (when) * G_USEC_PER_SEC;
}

static void
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  f->store = ys_store_open (f->path, &error);
  g_assert_no_error (error);
  ys_store_set_clock (f->store, fake_clock, f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) workflow = NULL;
  g_autoptr(YsTool) tool = NULL;

  f->dir = g_dir_make_tmp ("ys-timer-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "t.db", NULL);
  f->now = local_usec (2026, 11, 20, 9, 0);
  open_store (f);
  workflow = ys_store_add_workflow (f->store, "Intake summary", "", 6, &error);
  tool = ys_store_add_tool (f->store, "Claude", &error);
  g_assert_no_error (error);
  f->workflow = g_strdup (ys_workflow_get_id (workflow));
  f->tool = g_strdup (ys_tool_get_id (tool));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_object (&f->store);
  g_assert_cmpint (system (command), ==, 0);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->workflow);
  g_free (f->tool);
}

static gint64
elapsed_seconds (Fixture *f)
{
  g_autoptr(YsTimer) timer = ys_store_get_timer (f->store, f->workflow);

  g_assert_nonnull (timer);
  return ys_timer_get_elapsed_seconds (timer, f->now);
}

static YsRun *
finish (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsTimer) timer = ys_store_get_timer (f->store, f->workflow);
  YsRunFields fields = {
    .workflow_id = f->workflow,
    .mode = ys_timer_get_mode (timer),
    .tool_id = (char *) ys_timer_get_tool_id (timer),
    .started_at = ys_timer_get_started_at (timer) / G_USEC_PER_SEC,
    .duration_seconds = ys_timer_get_elapsed_seconds (timer, f->now),
    .used = YS_USED_UNKNOWN,
  };
  YsRun *run = ys_store_finish_timer (f->store, f->workflow, &fields, &error);

  g_assert_no_error (error);
  g_assert_nonnull (run);
  return run;
}

static void
test_pause_and_resume (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsRun) run = NULL;

  g_assert_true (ys_store_start_timer (f->store, f->workflow, YS_MODE_WITH_AI, f->tool, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_timers (f->store)), ==, 1);

  f->now += MINUTES (10);
  g_assert_cmpint (elapsed_seconds (f), ==, 600);
  g_assert_true (ys_store_pause_timer (f->store, f->workflow, &error));
  f->now += MINUTES (5);
  g_assert_cmpint (elapsed_seconds (f), ==, 600);
  /* Pausing twice changes nothing. */
  g_assert_true (ys_store_pause_timer (f->store, f->workflow, &error));
  f->now += MINUTES (1);
  g_assert_true (ys_store_resume_timer (f->store, f->workflow, &error));
  f->now += MINUTES (20);
  g_assert_cmpint (elapsed_seconds (f), ==, 1800);

  run = finish (f);
  g_assert_cmpint (ys_run_get_fields (run)->duration_seconds, ==, 1800);
  g_assert_cmpint (ys_run_get_fields (run)->mode, ==, YS_MODE_WITH_AI);
  g_assert_cmpstr (ys_run_get_tool_name (run), ==, "Claude");
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_timers (f->store)), ==, 0);
  g_assert_false (ys_store_pause_timer (f->store, f->workflow, &error));
  g_assert_error (error, YS_ERROR, YS_ERROR_NOT_FOUND);
}

static void
test_one_per_workflow (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) other = ys_store_add_workflow (f->store, "Policy brief", "", 2, &error);

  g_assert_true (ys_store_start_timer (f->store, f->workflow, YS_MODE_WITHOUT_AI, NULL, &error));
  g_assert_false (ys_store_start_timer (f->store, f->workflow, YS_MODE_WITHOUT_AI, NULL, &error));
  g_assert_cmpstr (error->message, ==, "A timer is already running for “Intake summary”.");
  g_clear_error (&error);
  /* Several workflows may run at once. */
  g_assert_true (ys_store_start_timer (f->store, ys_workflow_get_id (other), YS_MODE_WITHOUT_AI,
                                       NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_timers (f->store)), ==, 2);

  g_assert_false (ys_store_start_timer (f->store, "nope", YS_MODE_WITH_AI, NULL, &error));
  g_assert_cmpstr (error->message, ==, "A run with AI needs the tool it used.");
  g_clear_error (&error);

  g_assert_true (ys_store_set_workflow_archived (f->store, ys_workflow_get_id (other), TRUE, &error));
  g_assert_true (ys_store_discard_timer (f->store, ys_workflow_get_id (other), &error));
  g_assert_false (ys_store_start_timer (f->store, ys_workflow_get_id (other), YS_MODE_WITHOUT_AI,
                                        NULL, &error));
  g_assert_cmpstr (error->message, ==, "“Policy brief” is archived. Bring it back to log new runs.");
}

static void
test_across_midnight (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsRun) run = NULL;
  g_autoptr(GDateTime) started = NULL;

  f->now = local_usec (2026, 11, 20, 23, 50);
  g_assert_true (ys_store_start_timer (f->store, f->workflow, YS_MODE_WITHOUT_AI, NULL, &error));
  f->now = local_usec (2026, 11, 21, 0, 20);
  g_assert_cmpint (elapsed_seconds (f), ==, 1800);

  run = finish (f);
  started = g_date_time_new_from_unix_local (ys_run_get_fields (run)->started_at);
  g_assert_cmpint (g_date_time_get_day_of_month (started), ==, 20);
  g_assert_cmpint (ys_run_get_fields (run)->duration_seconds, ==, 1800);
}

static void
test_across_daylight_saving (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsRun) run = NULL;

  /* 01:30 winter time to 03:30 summer time is one hour of work, not two. */
  f->now = local_usec (2026, 3, 29, 1, 30);
  g_assert_true (ys_store_start_timer (f->store, f->workflow, YS_MODE_WITHOUT_AI, NULL, &error));
  f->now = local_usec (2026, 3, 29, 3, 30);
  g_assert_cmpint (elapsed_seconds (f), ==, 3600);
  run = finish (f);
  g_assert_cmpint (ys_run_get_fields (run)->duration_seconds, ==, 3600);
}

static void
test_survives_restart (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsRun) run = NULL;

  g_assert_true (ys_store_start_timer (f->store, f->workflow, YS_MODE_WITHOUT_AI, NULL, &error));
  f->now += MINUTES (45);
  g_assert_true (ys_store_pause_timer (f->store, f->workflow, &error));

  /* As after a crash or a reboot: a new store on the same file, later. */
  open_store (f);
  f->now += MINUTES (180);
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_timers (f->store)), ==, 1);
  g_assert_cmpint (elapsed_seconds (f), ==, 45 * 60);
  g_assert_true (ys_store_resume_timer (f->store, f->workflow, &error));
  f->now += MINUTES (15);

  open_store (f);
  g_assert_cmpint (elapsed_seconds (f), ==, 3600);
  run = finish (f);
  g_assert_cmpint (ys_run_get_fields (run)->duration_seconds, ==, 3600);
}

static void
test_discard_and_undo (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsTimer) timer = NULL;

  g_assert_true (ys_store_start_timer (f->store, f->workflow, YS_MODE_WITH_AI, f->tool, &error));
  f->now += MINUTES (10);
  timer = ys_store_get_timer (f->store, f->workflow);
  g_assert_true (ys_store_discard_timer (f->store, f->workflow, &error));
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_timers (f->store)), ==, 0);
  f->now += (gint64) 5 * G_USEC_PER_SEC;
  g_assert_true (ys_store_restore_timer (f->store, timer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (elapsed_seconds (f), ==, 605);
}

static void
test_failed_finish_keeps_timer (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  YsRunFields fields = { .workflow_id = f->workflow, .mode = YS_MODE_WITHOUT_AI,
                         .started_at = f->now / G_USEC_PER_SEC, .duration_seconds = 0 };
  YsRun *run;

  g_assert_true (ys_store_start_timer (f->store, f->workflow, YS_MODE_WITHOUT_AI, NULL, &error));
  run = ys_store_finish_timer (f->store, f->workflow, &fields, &error);
  g_assert_null (run);
  g_assert_error (error, YS_ERROR, YS_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_timers (f->store)), ==, 1);
  g_assert_cmpuint (ys_store_count_runs (f->store, f->workflow, YS_MODE_WITHOUT_AI), ==, 0);
}

static void
test_feedback_interval (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsTool) other = ys_store_add_tool (f->store, "ChatGPT", &error);
  g_autofree char *id = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 20, 11, 2026);
  g_assert_true (ys_store_should_ask_feedback (f->store, f->workflow, f->tool, 14, &today));

  id = ys_store_add_feedback (f->store, f->workflow, f->tool, TRUE, "2026-11-10", "", &error);
  g_assert_no_error (error);
  g_assert_false (ys_store_should_ask_feedback (f->store, f->workflow, f->tool, 14, &today));
  /* Another tool has its own interval; a shorter interval has passed. */
  g_assert_true (ys_store_should_ask_feedback (f->store, f->workflow, ys_tool_get_id (other), 14, &today));
  g_assert_true (ys_store_should_ask_feedback (f->store, f->workflow, f->tool, 10, &today));
  g_assert_false (ys_store_should_ask_feedback (f->store, f->workflow, f->tool, 11, &today));

  g_date_set_dmy (&today, 24, 11, 2026);
  g_assert_true (ys_store_should_ask_feedback (f->store, f->workflow, f->tool, 14, &today));

  /* Deleted feedback does not count; undo brings it back. */
  g_date_set_dmy (&today, 20, 11, 2026);
  g_assert_true (ys_store_delete_feedback (f->store, id, &error));
  g_assert_true (ys_store_should_ask_feedback (f->store, f->workflow, f->tool, 14, &today));
  g_assert_true (ys_store_restore_feedback (f->store, id, &error));
  g_assert_false (ys_store_should_ask_feedback (f->store, f->workflow, f->tool, 14, &today));
}

static void
test_feedback_list (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = ys_store_list_feedback (f->store, f->workflow);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(YsFeedback) newest = NULL;

  first = ys_store_add_feedback (f->store, f->workflow, f->tool, TRUE, "2026-11-01", "", &error);
  second = ys_store_add_feedback (f->store, f->workflow, f->tool, FALSE, "2026-11-15", "slow", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  newest = g_list_model_get_item (list, 0);
  g_assert_cmpstr (ys_feedback_get_id (newest), ==, second);
  g_assert_cmpstr (ys_feedback_get_tool_name (newest), ==, "Claude");
  g_assert_false (ys_feedback_get_saves_time (newest));
  g_assert_cmpstr (ys_feedback_get_comment (newest), ==, "slow");

  g_assert_true (ys_store_update_feedback (f->store, second, f->tool, TRUE, "quicker now", &error));
  g_clear_object (&newest);
  newest = g_list_model_get_item (list, 0);
  g_assert_true (ys_feedback_get_saves_time (newest));
  g_assert_cmpstr (ys_feedback_get_comment (newest), ==, "quicker now");

  g_assert_true (ys_store_delete_feedback (f->store, first, &error));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
}

static void
test_awaiting_outcome (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) awaiting = ys_store_list_awaiting_outcome (f->store);
  g_autofree char *newest_id = NULL;

  for (int i = 0; i < 5; i++)
    {
      YsRunFields fields = { .workflow_id = f->workflow, .mode = YS_MODE_WITHOUT_AI,
                             .started_at = 1790000000 + i * 86400, .duration_seconds = 600,
                             .used = i % 2 ? YS_USED_YES : YS_USED_UNKNOWN };
      g_autoptr(YsRun) run = ys_store_add_run (f->store, &fields, &error);

      g_assert_no_error (error);
      if (i == 4)
        newest_id = g_strdup (ys_run_get_id (run));
    }

  g_assert_cmpuint (ys_store_count_awaiting_outcome (f->store), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (awaiting), ==, 3);
  {
    g_autoptr(YsRun) first = g_list_model_get_item (awaiting, 0);
    g_assert_cmpstr (ys_run_get_id (first), ==, newest_id);
  }

  /* One click: used. */
  g_assert_true (ys_store_set_run_used (f->store, newest_id, YS_USED_NO, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (awaiting), ==, 2);
  g_assert_cmpuint (ys_store_count_awaiting_outcome (f->store), ==, 2);
  {
    g_autoptr(YsRun) run = ys_store_get_run (f->store, newest_id);
    g_assert_cmpint (ys_run_get_fields (run)->used, ==, YS_USED_NO);
  }

  /* A deleted workflow's runs await nothing. */
  g_assert_true (ys_store_delete_workflow (f->store, f->workflow, &error));
  g_assert_cmpuint (ys_store_count_awaiting_outcome (f->store), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (awaiting), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (!g_file_test ("/usr/share/zoneinfo/Europe/Berlin", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no time zone data");
      return g_test_run ();
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/timer/pause-and-resume", test_pause_and_resume);
  ADD ("/timer/one-per-workflow", test_one_per_workflow);
  ADD ("/timer/across-midnight", test_across_midnight);
  ADD ("/timer/across-daylight-saving", test_across_daylight_saving);
  ADD ("/timer/survives-restart", test_survives_restart);
  ADD ("/timer/discard-and-undo", test_discard_and_undo);
  ADD ("/timer/failed-finish-keeps-timer", test_failed_finish_keeps_timer);
  ADD ("/feedback/interval", test_feedback_interval);
  ADD ("/feedback/list", test_feedback_list);
  ADD ("/runs/awaiting-outcome", test_awaiting_outcome);

  return g_test_run ();
}
