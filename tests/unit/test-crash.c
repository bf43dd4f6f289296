/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ys-bundle.h"
#include "ys-demo.h"
#include "ys-error.h"
#include "ys-store.h"
#include "ys-test-sql.h"

/*
 * The power goes, the laptop is shut, the program is killed: whenever it
 * stops, the database is whole and holds each change entirely or not at
 * all. These tests kill real processes with SIGKILL at random moments.
 */

#define IMPORT_RUNS 20000
#define IMPORT_KILLS 10
#define TIMER_KILLS 20

static char *tmp_dir;
static char *self_path;

/* Whole, with the per-day totals the triggers keep equal to a count from
 * scratch; returns the number of runs. */
static gint64
check_database (const char *path)
{
  gint64 runs;

  /* Opened read-write first, as the app does: that replays the -wal. */
  ys_test_assert_integrity (path);
  runs = ys_test_sql_int (path, "SELECT count(*) FROM runs WHERE deleted = 0");
  g_assert_cmpint (ys_test_sql_int (path, "SELECT coalesce (sum (runs), 0) FROM daily"), ==, runs);
  g_assert_cmpint (ys_test_sql_int (path, "SELECT coalesce (sum (runs), 0) FROM durations"), ==, runs);
  g_assert_cmpint (ys_test_sql_int (path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  return runs;
}

static gboolean
add_many_runs (YsStore  *store,
               gpointer  user_data,
               GError  **error)
{
  g_autoptr(YsWorkflow) workflow = g_list_model_get_item (ys_store_get_workflows (store), 0);
  g_autoptr(YsTool) tool = g_list_model_get_item (ys_store_get_tools (store), 0);

  for (int i = 0; i < IMPORT_RUNS; i++)
    {
      YsRunFields fields = {
        .workflow_id = (char *) ys_workflow_get_id (workflow), .mode = i % 2,
        .tool_id = i % 2 ? (char *) ys_tool_get_id (tool) : NULL,
        .started_at = 1700000000 + i * 3600,
        .duration_seconds = 600 + (i * 37) % 7000, .corrections = i % 3,
        .used = YS_USED_YES, .note = (char *) "",
      };
      g_autoptr(YsRun) run = ys_store_add_run (store, &fields, error);

      if (run == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The demo team, closed cleanly (so a single file), and a bundle holding
 * that team plus IMPORT_RUNS more runs. */
static void
make_base_and_bundle (const char *base,
                      const char *bundle)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_build_filename (tmp_dir, "big.db", NULL);
  g_autoptr(YsStore) store = ys_store_open (base, &error);

  g_assert_no_error (error);
  g_assert_true (ys_demo_fill (store, &error));
  g_clear_object (&store);
  ys_test_copy_file (base, big);

  store = ys_store_open (big, &error);
  g_assert_no_error (error);
  g_assert_true (ys_store_run_in_transaction (store, add_many_runs, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ys_bundle_export_file (store, YS_BUNDLE_EVERYTHING, bundle, &error));
  g_assert_no_error (error);
}

static GPid
spawn_import (const char *database,
              const char *bundle)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("YARDSTICK_BIN"), "--database", database, "--import", bundle, NULL };
  GPid pid;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                G_SPAWN_STDERR_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  return pid;
}

static void
test_kill_during_import (void)
{
  g_autofree char *base = g_build_filename (tmp_dir, "base.db", NULL);
  g_autofree char *bundle = g_build_filename (tmp_dir, "bundle.json", NULL);
  g_autofree char *work = g_build_filename (tmp_dir, "work.db", NULL);
  gint64 base_runs, full_runs, import_us, start;
  guint nothing = 0, everything = 0, killed = 0;
  int status;

  make_base_and_bundle (base, bundle);
  base_runs = check_database (base);

  /* Whole imports, to know how long one takes: the shorter of two, since
   * the first also pays for a cold start (much more so under ASan). */
  import_us = G_MAXINT64;
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *wal = g_strconcat (work, "-wal", NULL);

      g_unlink (wal);
      ys_test_copy_file (base, work);
      start = g_get_monotonic_time ();
      g_assert_cmpint (waitpid (spawn_import (work, bundle), &status, 0), >, 0);
      import_us = MIN (import_us, g_get_monotonic_time () - start);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
      full_runs = check_database (work);
      g_assert_cmpint (full_runs, ==, base_runs + IMPORT_RUNS);
    }
  g_test_message ("a whole import of %d runs takes %" G_GINT64_FORMAT " ms",
                  IMPORT_RUNS, import_us / 1000);

  for (int i = 0; i < IMPORT_KILLS; i++)
    {
      g_autofree char *wal = g_strconcat (work, "-wal", NULL);
      g_autofree char *shm = g_strconcat (work, "-shm", NULL);
      GPid pid;
      gint64 runs;

      g_unlink (wal);
      g_unlink (shm);
      ys_test_copy_file (base, work);
      pid = spawn_import (work, bundle);
      /* Anywhere from start-up to the commit. */
      g_usleep (g_random_int_range (0, (int) import_us));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      killed += WIFSIGNALED (status);

      runs = check_database (work);
      g_assert_true (runs == base_runs || runs == full_runs);
      if (runs == base_runs)
        nothing++;
      else
        everything++;

      /* The app opens it as usual afterwards. */
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(YsStore) store = ys_store_open (work, &error);
        g_assert_no_error (error);
      }
    }

  g_test_message ("%u kills: %u while running; %u left nothing of the bundle, %u all of it",
                  IMPORT_KILLS, killed, nothing, everything);
  /* Most kills land while the import runs. */
  g_assert_cmpuint (killed, >=, IMPORT_KILLS / 2);
}

static gboolean
has_timer (YsStore    *store,
           const char *workflow_id)
{
  g_autoptr(YsTimer) timer = ys_store_get_timer (store, workflow_id);

  return timer != NULL;
}

/* The child: round after round, start the timer and finish it as a run
 * whose note numbers the round, and log a run by hand in between. */
static G_NORETURN void
timer_rounds (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = ys_store_open (path, &error);
  g_autoptr(YsWorkflow) workflow = NULL;
  const char *id;
  int round;

  if (store == NULL)
    _exit (2);
  workflow = g_list_model_get_item (ys_store_get_workflows (store), 0);
  id = ys_workflow_get_id (workflow);
  round = ys_store_count_runs (store, id, YS_MODE_WITHOUT_AI) / 2 + 1;

  /* Killed between a round's two runs: its timer is still running. */
  if (ys_store_count_runs (store, id, YS_MODE_WITHOUT_AI) % 2 == 1)
    {
      g_autofree char *note = g_strdup_printf ("round %d", round);
      YsRunFields fields = {
        .workflow_id = (char *) id, .mode = YS_MODE_WITHOUT_AI,
        .started_at = 1763800000 + round, .duration_seconds = 60 + round,
        .corrections = 0, .used = YS_USED_UNKNOWN, .note = note,
      };
      g_autoptr(YsRun) finished = ys_store_finish_timer (store, id, &fields, NULL);

      if (finished == NULL)
        _exit (5);
      round++;
    }

  for (;; round++)
    {
      g_autofree char *note = g_strdup_printf ("round %d", round);
      YsRunFields fields = {
        .workflow_id = (char *) id, .mode = YS_MODE_WITHOUT_AI,
        .started_at = 1763800000 + round, .duration_seconds = 60 + round,
        .corrections = 0, .used = YS_USED_UNKNOWN, .note = note,
      };
      g_autoptr(YsRun) by_hand = NULL;
      g_autoptr(YsRun) finished = NULL;

      if (!has_timer (store, id) &&
          !ys_store_start_timer (store, id, YS_MODE_WITHOUT_AI, NULL, NULL))
        _exit (3);
      by_hand = ys_store_add_run (store, &fields, NULL);
      finished = ys_store_finish_timer (store, id, &fields, NULL);
      if (by_hand == NULL || finished == NULL)
        _exit (4);
    }
}

static void
test_kill_while_timing_and_saving (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "timer.db", NULL);
  g_autoptr(YsStore) store = ys_store_open (path, &error);
  guint with_timer = 0;
  gboolean timer_running;
  gint64 runs = 0;

  g_assert_no_error (error);
  {
    g_autoptr(YsWorkflow) added = ys_store_add_workflow (store, "Policy brief draft", "", 2, &error);
    g_assert_nonnull (added);
  }
  g_clear_object (&store);

  for (int i = 0; i < TIMER_KILLS; i++)
    {
      const char *argv[] = { self_path, "--timer-rounds", path, NULL };
      GPid pid;
      int status;

      /* A fresh process, as the app would be: nothing of ours inherited. */
      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                    NULL, NULL, &pid, &error));
      g_assert_no_error (error);

      g_usleep (g_random_int_range (50 * 1000, 300 * 1000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));

      runs = check_database (path);
      timer_running = FALSE;

      /* Every round saved both its runs or neither: the notes count up
       * in pairs, with no gap and no repeat. */
      {
        sqlite3 *db;
        sqlite3_stmt *stmt;
        int expected = 1;

        g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
        timer_running = ys_test_sql_int (path, "SELECT count(*) FROM timers") == 1;
        g_assert_cmpint (sqlite3_prepare_v2 (db,
                                             "SELECT CAST (substr (note, 7) AS INTEGER) AS n, count(*)"
                                             " FROM runs GROUP BY n ORDER BY n",
                                             -1, &stmt, NULL), ==, SQLITE_OK);
        while (sqlite3_step (stmt) == SQLITE_ROW)
          {
            int n = sqlite3_column_int (stmt, 0);
            int count = sqlite3_column_int (stmt, 1);

            /* The last round may have its hand-logged run without the
             * finished one: the timer is then still there to finish. */
            g_assert_cmpint (n, ==, expected);
            g_assert_true (count == 2 || (count == 1 && timer_running));
            expected++;
          }
        sqlite3_finalize (stmt);
        sqlite3_close (db);
        with_timer += timer_running;
      }

      /* The app opens it as usual, with the timer still running. */
      store = ys_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_timers (store)), ==, timer_running);
      g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
      g_object_unref (store);
      /* No connection may stay open across fork(). */
      g_assert_null (store);
    }

  g_test_message ("%d kills; %" G_GINT64_FORMAT " runs saved; %u kills found a timer running",
                  TIMER_KILLS, runs, with_timer);
  g_assert_cmpint (runs, >, 0);
  /* A timer runs most of the time, so most kills find one and keep it. */
  g_assert_cmpuint (with_timer, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  int status;

  if (argc == 3 && g_str_equal (argv[1], "--timer-rounds"))
    timer_rounds (argv[2]);

  self_path = g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("ys-crash-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/crash/kill-during-import", test_kill_during_import);
  g_test_add_func ("/crash/kill-while-timing-and-saving", test_kill_while_timing_and_saving);

  status = g_test_run ();
  command = g_strdup_printf ("rm -rf '%s'", tmp_dir);
  if (system (command) != 0)
    g_warning ("Could not remove %s", tmp_dir);
  g_free (tmp_dir);
  return status;
}
