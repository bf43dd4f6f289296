/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ys-error.h"
#include "ys-store.h"

/* Timers, outcomes that arrive later and the feedback interval, with a clock
 * the test moves by hand. Local time is Berlin, which changes to summer time
 * on 2026-03-29 at 02:00. */

#define MINUTES(n) ((gint64) (n) * 60 * G_USEC_PER_SEC)

static char *self_path;

typedef struct
{
  char *dir;
  char *path;
  YsStore *store;
  YsClock *clock;
  gint64 now;
  char *workflow;
  char *tool;
} Fixture;

/* Moves the fixed clock the store tells time by. */
static void
set_now (Fixture *f,
         gint64   now)
{
  f->now = now;
  ys_clock_set_now (f->clock, now);
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
  ys_store_set_clock (f->store, f->clock);
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
  f->clock = ys_clock_new_fixed (f->now);
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
  g_clear_object (&f->clock);
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
  YsRunOutcome outcome = {
    .duration_seconds = ys_timer_get_elapsed_seconds (timer, f->now),
    .used = YS_USED_UNKNOWN,
  };
  YsRun *run = ys_store_finish_timer (f->store, f->workflow, &outcome, -1, &error);

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

  set_now (f, f->now + MINUTES (10));
  g_assert_cmpint (elapsed_seconds (f), ==, 600);
  g_assert_true (ys_store_pause_timer (f->store, f->workflow, &error));
  set_now (f, f->now + MINUTES (5));
  g_assert_cmpint (elapsed_seconds (f), ==, 600);
  /* Pausing twice changes nothing. */
  g_assert_true (ys_store_pause_timer (f->store, f->workflow, &error));
  set_now (f, f->now + MINUTES (1));
  g_assert_true (ys_store_resume_timer (f->store, f->workflow, &error));
  set_now (f, f->now + MINUTES (20));
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

  set_now (f, local_usec (2026, 11, 20, 23, 50));
  g_assert_true (ys_store_start_timer (f->store, f->workflow, YS_MODE_WITHOUT_AI, NULL, &error));
  set_now (f, local_usec (2026, 11, 21, 0, 20));
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
  set_now (f, local_usec (2026, 3, 29, 1, 30));
  g_assert_true (ys_store_start_timer (f->store, f->workflow, YS_MODE_WITHOUT_AI, NULL, &error));
  set_now (f, local_usec (2026, 3, 29, 3, 30));
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
  set_now (f, f->now + MINUTES (45));
  g_assert_true (ys_store_pause_timer (f->store, f->workflow, &error));

  /* As after a reboot: the store closed, a new one on the same file, later. */
  open_store (f);
  set_now (f, f->now + MINUTES (180));
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_timers (f->store)), ==, 1);
  g_assert_cmpint (elapsed_seconds (f), ==, 45 * 60);
  g_assert_true (ys_store_resume_timer (f->store, f->workflow, &error));
  set_now (f, f->now + MINUTES (15));

  open_store (f);
  g_assert_cmpint (elapsed_seconds (f), ==, 3600);
  run = finish (f);
  g_assert_cmpint (ys_run_get_fields (run)->duration_seconds, ==, 3600);
}

/* The child of /timer/survives-crash: opens the database at @path with its
 * clock at @now (microseconds), starts, pauses or resumes (@what) the timer
 * of its first workflow, with AI and its first tool, and dies at once, as
 * the program does when the power goes. */
static G_NORETURN void
crash_child (const char *path,
             const char *what,
             const char *now)
{
  g_autoptr(YsClock) clock = ys_clock_new_fixed (g_ascii_strtoll (now, NULL, 10));
  YsStore *store = ys_store_open (path, NULL);
  YsWorkflow *workflow;
  YsTool *tool;
  gboolean ok = FALSE;

  if (store == NULL)
    _exit (2);
  ys_store_set_clock (store, clock);
  workflow = g_list_model_get_item (ys_store_get_workflows (store), 0);
  tool = g_list_model_get_item (ys_store_get_tools (store), 0);
  if (g_str_equal (what, "start"))
    ok = ys_store_start_timer (store, ys_workflow_get_id (workflow), YS_MODE_WITH_AI,
                               ys_tool_get_id (tool), NULL);
  else if (g_str_equal (what, "pause"))
    ok = ys_store_pause_timer (store, ys_workflow_get_id (workflow), NULL);
  else if (g_str_equal (what, "resume"))
    ok = ys_store_resume_timer (store, ys_workflow_get_id (workflow), NULL);
  if (!ok)
    _exit (3);
  kill (getpid (), SIGKILL);
  _exit (4);
}

/* Closes the store, has a fresh process do @what to the timer at @now and
 * get killed, then opens the database again, as the app does next. */
static void
crash_after (Fixture    *f,
             const char *what,
             gint64      now)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *now_text = g_strdup_printf ("%" G_GINT64_FORMAT, now);
  const char *argv[] = { self_path, "--crash-child", f->path, what, now_text, NULL };
  int status;

  g_clear_object (&f->store);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  set_now (f, now);
  open_store (f);
}

/* A timer started, paused and resumed by a process that was killed each
 * time comes back as it was: its workflow, mode and tool, the moment it
 * started and its pauses. */
static void
test_survives_crash (Fixture       *f,
                     gconstpointer  data)
{
  gint64 started = f->now;
  g_autoptr(YsRun) run = NULL;

  crash_after (f, "start", started);
  {
    g_autoptr(YsTimer) timer = ys_store_get_timer (f->store, f->workflow);

    g_assert_nonnull (timer);
    g_assert_cmpint (ys_timer_get_mode (timer), ==, YS_MODE_WITH_AI);
    g_assert_cmpstr (ys_timer_get_tool_id (timer), ==, f->tool);
    g_assert_cmpint (ys_timer_get_started_at (timer), ==, started);
    g_assert_false (ys_timer_is_paused (timer));
    g_assert_cmpint (ys_timer_get_paused_at (timer), ==, 0);
    g_assert_cmpint (ys_timer_get_paused_total (timer), ==, 0);
  }

  /* Paused after 45 minutes; three hours later it still says 45. */
  crash_after (f, "pause", started + MINUTES (45));
  {
    g_autoptr(YsTimer) timer = ys_store_get_timer (f->store, f->workflow);

    g_assert_cmpint (ys_timer_get_started_at (timer), ==, started);
    g_assert_true (ys_timer_is_paused (timer));
    g_assert_cmpint (ys_timer_get_paused_at (timer), ==, started + MINUTES (45));
    g_assert_cmpint (ys_timer_get_paused_total (timer), ==, 0);
  }
  set_now (f, started + MINUTES (180));
  g_assert_cmpint (elapsed_seconds (f), ==, 45 * 60);

  /* Resumed at 3 h 45: the pause lasted 180 minutes. */
  crash_after (f, "resume", started + MINUTES (225));
  {
    g_autoptr(YsTimer) timer = ys_store_get_timer (f->store, f->workflow);

    g_assert_cmpint (ys_timer_get_started_at (timer), ==, started);
    g_assert_false (ys_timer_is_paused (timer));
    g_assert_cmpint (ys_timer_get_paused_at (timer), ==, 0);
    g_assert_cmpint (ys_timer_get_paused_total (timer), ==, MINUTES (180));
  }

  /* 45 minutes, then 15 more: the run is an hour, started when it was. */
  set_now (f, started + MINUTES (240));
  run = finish (f);
  g_assert_cmpint (ys_run_get_fields (run)->duration_seconds, ==, 3600);
  g_assert_cmpint (ys_run_get_fields (run)->started_at, ==, started / G_USEC_PER_SEC);
  g_assert_cmpint (ys_run_get_fields (run)->mode, ==, YS_MODE_WITH_AI);
  g_assert_cmpstr (ys_run_get_tool_name (run), ==, "Claude");
}

static void
test_discard_and_undo (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsTimer) timer = NULL;

  g_assert_true (ys_store_start_timer (f->store, f->workflow, YS_MODE_WITH_AI, f->tool, &error));
  set_now (f, f->now + MINUTES (10));
  timer = ys_store_get_timer (f->store, f->workflow);
  g_assert_true (ys_store_discard_timer (f->store, f->workflow, &error));
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_timers (f->store)), ==, 0);
  set_now (f, f->now + (gint64) 5 * G_USEC_PER_SEC);
  g_assert_true (ys_store_restore_timer (f->store, timer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (elapsed_seconds (f), ==, 605);
}

/* What the timer was started as is what is saved: its workflow, mode, tool,
 * start and the way its mode was decided come from the timer, whatever is
 * going on elsewhere; the person gives only the outcome. */
static void
test_saved_as_started (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) other = ys_store_add_workflow (f->store, "Grant report section", "", 2,
                                                       &error);
  gint64 started = f->now;
  YsRunOutcome outcome = { .duration_seconds = 1200, .corrections = 2, .used = YS_USED_YES,
                           .note = "checked twice" };
  g_autoptr(YsRun) run = NULL;
  const YsRunFields *fields;

  g_assert_true (ys_store_start_timer (f->store, f->workflow, YS_MODE_WITH_AI, f->tool, &error));
  g_assert_no_error (error);
  /* A mode Yardstick drew (1, "drawn") travels with the run. */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE timers SET assignment = 1"
                                            " WHERE workflow_id = '%s'", f->workflow);
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  set_now (f, f->now + MINUTES (25));

  run = ys_store_finish_timer (f->store, f->workflow, &outcome, 1, &error);
  g_assert_no_error (error);
  fields = ys_run_get_fields (run);
  g_assert_cmpstr (fields->workflow_id, ==, f->workflow);
  g_assert_cmpint (fields->mode, ==, YS_MODE_WITH_AI);
  g_assert_cmpstr (fields->tool_id, ==, f->tool);
  g_assert_cmpint (fields->started_at, ==, started / G_USEC_PER_SEC);
  g_assert_cmpint (fields->assignment, ==, YS_ASSIGNMENT_DRAWN);
  g_assert_cmpint (fields->duration_seconds, ==, 1200);
  g_assert_cmpint (fields->corrections, ==, 2);
  g_assert_cmpstr (fields->note, ==, "checked twice");
  g_assert_cmpuint (ys_store_count_runs (f->store, ys_workflow_get_id (other), YS_MODE_WITH_AI,
                                         NULL), ==, 0);
  /* The answer to the question was saved with it. */
  g_assert_cmpuint (ys_store_count_feedback (f->store, f->workflow, NULL), ==, 1);
  g_assert_null (ys_store_get_timer (f->store, f->workflow));
}

/* Finishing names a workflow; only that workflow's timer, as it was
 * started, can become a run. Another workflow's finish is refused and
 * leaves the timer running; a timer started without AI saves a run
 * without AI and no answer about a tool, whatever the dialog sends. */
static void
test_finish_mismatched (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) other = ys_store_add_workflow (f->store, "Grant report section", "", 2,
                                                       &error);
  YsRunOutcome outcome = { .duration_seconds = 900, .used = YS_USED_YES };
  g_autoptr(YsRun) run = NULL;
  YsRun *refused;

  g_assert_no_error (error);
  g_assert_true (ys_store_start_timer (f->store, f->workflow, YS_MODE_WITHOUT_AI, NULL, &error));
  g_assert_no_error (error);

  refused = ys_store_finish_timer (f->store, ys_workflow_get_id (other), &outcome, 1, &error);
  g_assert_null (refused);
  g_assert_error (error, YS_ERROR, YS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (elapsed_seconds (f), ==, 0);
  g_assert_null (ys_store_get_timer (f->store, ys_workflow_get_id (other)));
  for (YsMode mode = YS_MODE_WITHOUT_AI; mode <= YS_MODE_WITH_AI; mode++)
    {
      g_assert_cmpuint (ys_store_count_runs (f->store, f->workflow, mode, NULL), ==, 0);
      g_assert_cmpuint (ys_store_count_runs (f->store, ys_workflow_get_id (other), mode, NULL),
                        ==, 0);
    }

  /* "Saves time: yes" sent with a run without AI is no answer about a tool. */
  run = ys_store_finish_timer (f->store, f->workflow, &outcome, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ys_run_get_fields (run)->mode, ==, YS_MODE_WITHOUT_AI);
  g_assert_null (ys_run_get_fields (run)->tool_id);
  g_assert_cmpstr (ys_run_get_fields (run)->workflow_id, ==, f->workflow);
  g_assert_cmpuint (ys_store_count_feedback (f->store, f->workflow, NULL), ==, 0);
  g_assert_null (ys_store_get_timer (f->store, f->workflow));
}

static void
test_failed_finish_keeps_timer (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  YsRunOutcome outcome = { .duration_seconds = 0 };
  YsRun *run;

  g_assert_true (ys_store_start_timer (f->store, f->workflow, YS_MODE_WITHOUT_AI, NULL, &error));
  run = ys_store_finish_timer (f->store, f->workflow, &outcome, -1, &error);
  g_assert_null (run);
  g_assert_error (error, YS_ERROR, YS_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_timers (f->store)), ==, 1);
  g_assert_cmpuint (ys_store_count_runs (f->store, f->workflow, YS_MODE_WITHOUT_AI, NULL), ==, 0);
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
  g_assert_true (ys_store_should_ask_feedback (f->store, f->workflow, f->tool, 14, &today, NULL));

  id = ys_store_add_feedback (f->store, f->workflow, f->tool, TRUE, "2026-11-10", "", &error);
  g_assert_no_error (error);
  g_assert_false (ys_store_should_ask_feedback (f->store, f->workflow, f->tool, 14, &today, NULL));
  /* Another tool has its own interval; a shorter interval has passed. */
  g_assert_true (ys_store_should_ask_feedback (f->store, f->workflow, ys_tool_get_id (other), 14, &today, NULL));
  g_assert_true (ys_store_should_ask_feedback (f->store, f->workflow, f->tool, 10, &today, NULL));
  g_assert_false (ys_store_should_ask_feedback (f->store, f->workflow, f->tool, 11, &today, NULL));

  g_date_set_dmy (&today, 24, 11, 2026);
  g_assert_true (ys_store_should_ask_feedback (f->store, f->workflow, f->tool, 14, &today, NULL));

  /* Deleted feedback does not count; undo brings it back. */
  g_date_set_dmy (&today, 20, 11, 2026);
  g_assert_true (ys_store_delete_feedback (f->store, id, &error));
  g_assert_true (ys_store_should_ask_feedback (f->store, f->workflow, f->tool, 14, &today, NULL));
  g_assert_true (ys_store_restore_feedback (f->store, id, &error));
  g_assert_false (ys_store_should_ask_feedback (f->store, f->workflow, f->tool, 14, &today, NULL));
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

  g_assert_cmpuint (ys_store_count_awaiting_outcome (f->store, NULL), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (awaiting), ==, 3);
  {
    g_autoptr(YsRun) first = g_list_model_get_item (awaiting, 0);
    g_assert_cmpstr (ys_run_get_id (first), ==, newest_id);
  }

  /* One click: used. */
  g_assert_true (ys_store_set_run_used (f->store, newest_id, YS_USED_NO, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (awaiting), ==, 2);
  g_assert_cmpuint (ys_store_count_awaiting_outcome (f->store, NULL), ==, 2);
  {
    g_autoptr(YsRun) run = ys_store_get_run (f->store, newest_id, NULL);
    g_assert_cmpint (ys_run_get_fields (run)->used, ==, YS_USED_NO);
  }

  /* A deleted workflow's runs await nothing. */
  g_assert_true (ys_store_delete_workflow (f->store, f->workflow, &error));
  g_assert_cmpuint (ys_store_count_awaiting_outcome (f->store, NULL), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (awaiting), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && g_str_equal (argv[1], "--crash-child"))
    crash_child (argv[2], argv[3], argv[4]);

  g_setenv ("TZ", "Europe/Berlin", TRUE);
  self_path = g_canonicalize_filename (argv[0], NULL);
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
  ADD ("/timer/survives-crash", test_survives_crash);
  ADD ("/timer/discard-and-undo", test_discard_and_undo);
  ADD ("/timer/failed-finish-keeps-timer", test_failed_finish_keeps_timer);
  ADD ("/timer/finish-mismatched", test_finish_mismatched);
  ADD ("/timer/saved-as-started", test_saved_as_started);
  ADD ("/feedback/interval", test_feedback_interval);
  ADD ("/feedback/list", test_feedback_list);
  ADD ("/runs/awaiting-outcome", test_awaiting_outcome);

  return g_test_run ();
}
