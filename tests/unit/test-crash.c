/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ys-bundle-reader.h"
#include "ys-bundle.h"
#include "ys-demo.h"
#include "ys-error.h"
#include "ys-schema.h"
#include "ys-step.h"
#include "ys-store.h"
#include "ys-sync.h"
#include "ys-test-sql.h"

/*
 * The power goes, the laptop is shut, the program is killed: whenever it
 * stops, the database is whole and holds each change entirely or not at
 * all. These tests kill real processes with SIGKILL at moments chosen by
 * the test's random seed (--seed repeats a run), never by a clock.
 *
 * The child and the test go in lockstep: the child says which step it has
 * finished (one byte on its standard output) and waits for the go-ahead
 * (one byte on its standard input). To kill it after step k, the test gives
 * the go-ahead for k and kills it at once, so the kill lands somewhere in
 * the work between steps k and k + 1, however fast the machine: the child
 * cannot get past k + 1 without the test.
 */

#define IMPORT_RUNS 20000
#define IMPORT_KILLS 14
/* One step for this many records merged. */
#define RECORDS_PER_STEP 500
#define TIMER_KILLS 20
#define SYNC_KILLS 8
#define SYNC_RUNS 3000
#define OTHER_FILE "yardstick-aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee.json"

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
  int n_runs = GPOINTER_TO_INT (user_data);
  g_autoptr(YsWorkflow) workflow = g_list_model_get_item (ys_store_get_workflows (store), 0);
  g_autoptr(YsTool) tool = g_list_model_get_item (ys_store_get_tools (store), 0);

  for (int i = 0; i < n_runs; i++)
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
 * that team plus @n_runs more runs. */
static void
make_base_and_bundle (const char *base,
                      const char *bundle,
                      int         n_runs)
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
  g_assert_true (ys_store_run_in_transaction (store, add_many_runs, GINT_TO_POINTER (n_runs),
                                              &error));
  g_assert_no_error (error);
  g_assert_true (ys_bundle_export_file (store, YS_BUNDLE_EVERYTHING, bundle, &error));
  g_assert_no_error (error);
}

/* The child's half: step @step is done; wait for the go-ahead. */
static void
step_done (char step)
{
  char go;

  if (write (STDOUT_FILENO, &step, 1) != 1 || read (STDIN_FILENO, &go, 1) != 1)
    _exit (10);
}

typedef struct
{
  GPid pid;
  int to_child;
  int from_child;
} Child;

/* A fresh process, as the app would be: nothing of ours inherited, no
 * SQLite connection across a fork. */
static void
child_spawn (Child      *child,
             const char *mode,
             const char *database,
             const char *bundle)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { self_path, mode, database, bundle, NULL };

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &child->pid, &child->to_child,
                                           &child->from_child, NULL, &error));
  g_assert_no_error (error);
}

/* The step the child has just finished, or 0 when it has gone. */
static char
child_next_step (Child *child)
{
  char step;

  return read (child->from_child, &step, 1) == 1 ? step : 0;
}

static void
child_go_on (Child *child)
{
  g_assert_cmpint (write (child->to_child, "g", 1), ==, 1);
}

/* Waits for the child to end; returns its wait status. */
static int
child_reap (Child *child)
{
  int status;

  g_assert_cmpint (waitpid (child->pid, &status, 0), ==, child->pid);
  close (child->to_child);
  close (child->from_child);
  return status;
}

static void
import_step (const char *step,
             gpointer    user_data)
{
  guint *records = user_data;   /* read, merged */

  if (g_str_equal (step, "read"))
    {
      if (++records[0] % RECORDS_PER_STEP == 0)
        step_done ('p');
    }
  else if (g_str_equal (step, "record"))
    {
      if (++records[1] % RECORDS_PER_STEP == 0)
        step_done ('r');
    }
  else if (g_str_equal (step, "merged"))
    step_done ('m');
}

/* The child: "o" opened, "p" each RECORDS_PER_STEP records read and
 * checked (the file is parsed as a stream), "r" each RECORDS_PER_STEP
 * records merged, "m" everything merged (the commit is next), "c"
 * committed. */
static G_NORETURN void
import_child (const char *database,
              const char *bundle)
{
  g_autoptr(GError) error = NULL;
  YsStore *store = ys_store_open (database, &error);
  guint records[2] = { 0, 0 };

  if (store == NULL)
    _exit (2);
  step_done ('o');
  ys_step_set_func (import_step, records);
  if (!ys_bundle_import_file (store, bundle, NULL, NULL, &error))
    _exit (3);
  step_done ('c');
  g_object_unref (store);
  _exit (0);
}

static void
fresh_copy (const char *base,
            const char *work)
{
  g_autofree char *wal = g_strconcat (work, "-wal", NULL);
  g_autofree char *shm = g_strconcat (work, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  ys_test_copy_file (base, work);
}

/* @data: the child's mode, "--import-child" or "--import-child-staged"
 * (every record read set aside on disk first, as a large bundle's are). */
static void
test_kill_during_import (gconstpointer data)
{
  const char *mode = data;
  g_autofree char *folder = g_build_filename (tmp_dir, mode, NULL);
  g_autofree char *base = g_build_filename (folder, "base.db", NULL);
  g_autofree char *bundle = g_build_filename (folder, "bundle.json", NULL);
  g_autofree char *work = g_build_filename (folder, "work.db", NULL);
  g_autoptr(GString) steps = g_string_new (NULL);
  gint64 base_runs, full_runs;
  guint nothing = 0, everything = 0;
  Child child;
  char step;
  int status;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  make_base_and_bundle (base, bundle, IMPORT_RUNS);
  base_runs = check_database (base);

  /* A whole import, going on at every step, to learn its steps. */
  fresh_copy (base, work);
  child_spawn (&child, mode, work, bundle);
  while ((step = child_next_step (&child)) != 0)
    {
      g_string_append_c (steps, step);
      child_go_on (&child);
    }
  status = child_reap (&child);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  full_runs = check_database (work);
  g_assert_cmpint (full_runs, ==, base_runs + IMPORT_RUNS);
  g_assert_true (g_str_has_prefix (steps->str, "opp"));
  g_assert_nonnull (strstr (steps->str, "prr"));
  g_assert_true (g_str_has_suffix (steps->str, "rmc"));
  g_assert_cmpuint (steps->len, >=, 3 + 2 * IMPORT_RUNS / RECORDS_PER_STEP);
  g_test_message ("an import of %d runs in %" G_GSIZE_FORMAT " steps", IMPORT_RUNS, steps->len);

  for (guint i = 0; i < IMPORT_KILLS; i++)
    {
      gsize merged = steps->len - 2, committed = steps->len - 1, kill_after;
      gint64 runs;

      /* Anywhere from start-up to the end of the merge; then once during
       * the commit, and once after it with the store still open. */
      if (i == IMPORT_KILLS - 2)
        kill_after = merged;
      else if (i == IMPORT_KILLS - 1)
        kill_after = committed;
      else
        kill_after = g_test_rand_int_range (0, (gint32) merged);

      fresh_copy (base, work);
      child_spawn (&child, mode, work, bundle);
      for (gsize k = 0; k <= kill_after; k++)
        {
          g_assert_cmpint (child_next_step (&child), ==, steps->str[k]);
          if (k < committed)
            child_go_on (&child);
        }
      kill (child.pid, SIGKILL);
      status = child_reap (&child);
      /* Killed inside the import: it never got to end on its own. */
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      runs = check_database (work);
      if (kill_after < merged)
        g_assert_cmpint (runs, ==, base_runs);
      else if (kill_after == committed)
        g_assert_cmpint (runs, ==, full_runs);
      else
        g_assert_true (runs == base_runs || runs == full_runs);
      if (runs == base_runs)
        nothing++;
      else
        everything++;
      g_test_message ("killed after step %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " ('%c'): %s",
                      kill_after, steps->len, steps->str[kill_after],
                      runs == base_runs ? "nothing of the bundle" : "all of it");

      /* The app opens it as usual afterwards. */
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(YsStore) store = ys_store_open (work, &error);
        g_assert_no_error (error);
      }
    }

  g_test_message ("%u kills: %u left nothing of the bundle, %u all of it",
                  IMPORT_KILLS, nothing, everything);
}

/* Syncing with a team folder ------------------------------------------------ */

static void
sync_step (const char *step,
           gpointer    user_data)
{
  guint *records = user_data;

  if (g_str_equal (step, "record"))
    {
      if (++*records % RECORDS_PER_STEP == 0)
        step_done ('r');
    }
  else if (g_str_equal (step, "merged"))
    step_done ('m');
  else if (g_str_equal (step, "sync-file-read"))
    step_done ('f');
  else if (g_str_equal (step, "bytes-written"))
    step_done ('w');
  else if (g_str_equal (step, "sync-written"))
    step_done ('d');
}

/* The child: "o" opened, "f" a file read, "r" RECORDS_PER_STEP records merged, "m" all
 * merged (the commit is next), "w" part of its own file written (to the
 * temporary file), "d" its own file renamed into place, "c" the sync's
 * state saved. */
static G_NORETURN void
sync_child (const char *database,
            const char *folder)
{
  g_autoptr(GError) error = NULL;
  YsStore *store = ys_store_open (database, &error);
  YsSyncReport *report;
  guint records = 0;

  if (store == NULL)
    _exit (2);
  step_done ('o');
  ys_step_set_func (sync_step, &records);
  report = ys_sync_run (store, folder, NULL, &error);
  if (report == NULL)
    _exit (3);
  step_done ('c');
  ys_sync_report_free (report);
  g_object_unref (store);
  _exit (0);
}

/* The folder as the kill found it: the own file as it was before, or the
 * whole new one, never part of it; anything else a dot file. */
static void
check_folder (const char *folder,
              const char *own_name,
              const char *old_own,
              gsize       old_length,
              int         expect)     /* 0 the old file, 1 a new one, -1 either */
{
  g_autofree char *own = g_build_filename (folder, own_name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  gsize length;
  gboolean old;

  g_assert_true (g_file_get_contents (own, &text, &length, NULL));
  old = length == old_length && memcmp (text, old_own, length) == 0;
  if (!old)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(YsBundle) bundle = ys_bundle_read_data (own_name, text, length, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (bundle->runs->len, >, SYNC_RUNS);
    }
  if (expect >= 0)
    g_assert_cmpint (old, ==, expect == 0);

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_equal (name, own_name) || g_str_equal (name, OTHER_FILE) ||
                   name[0] == '.');
}

static void
fresh_folder (const char *folder,
              const char *own_name,
              const char *old_own,
              gsize       old_length,
              const char *other)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", folder);
  g_autofree char *own = g_build_filename (folder, own_name, NULL);
  g_autofree char *other_copy = g_build_filename (folder, OTHER_FILE, NULL);

  g_assert_cmpint (system (command), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (own, old_own, old_length, NULL));
  ys_test_copy_file (other, other_copy);
}

static void
test_kill_during_sync (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_build_filename (tmp_dir, "sync-base.db", NULL);
  g_autofree char *other = g_build_filename (tmp_dir, "sync-other.json", NULL);
  g_autofree char *work = g_build_filename (tmp_dir, "sync-work.db", NULL);
  g_autofree char *folder = g_build_filename (tmp_dir, "Team", NULL);
  g_autofree char *own_name = NULL;
  g_autofree char *old_own = NULL;
  g_autoptr(GString) steps = g_string_new (NULL);
  gsize old_length = 0;
  gint64 base_runs, full_runs;
  Child child;
  char step;
  int status;

  /* The database has synced before: its older file is in the folder, with
   * another computer's file that brings SYNC_RUNS runs. */
  make_base_and_bundle (base, other, SYNC_RUNS);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  {
    g_autoptr(YsStore) store = ys_store_open (base, &error);
    g_autoptr(YsSyncReport) report = NULL;
    g_autofree char *own = NULL;

    g_assert_no_error (error);
    report = ys_sync_run (store, folder, NULL, &error);
    g_assert_no_error (error);
    own_name = g_strdup (report->own_name);
    own = g_build_filename (folder, own_name, NULL);
    g_assert_true (g_file_get_contents (own, &old_own, &old_length, NULL));
  }
  base_runs = check_database (base);

  /* A whole sync, going on at every step, to learn its steps. */
  fresh_copy (base, work);
  fresh_folder (folder, own_name, old_own, old_length, other);
  child_spawn (&child, "--sync-child", work, folder);
  while ((step = child_next_step (&child)) != 0)
    {
      g_string_append_c (steps, step);
      child_go_on (&child);
    }
  status = child_reap (&child);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  full_runs = check_database (work);
  g_assert_cmpint (full_runs, ==, base_runs + SYNC_RUNS);
  check_folder (folder, own_name, old_own, old_length, 1);
  g_assert_true (g_str_has_prefix (steps->str, "off"));
  g_assert_nonnull (strstr (steps->str, "rmww"));
  g_assert_true (g_str_has_suffix (steps->str, "wdc"));
  g_test_message ("a sync of %d runs in %" G_GSIZE_FORMAT " steps: %s", SYNC_RUNS, steps->len,
                  steps->str);

  for (guint i = 0; i < SYNC_KILLS; i++)
    {
      gsize merged = strchr (steps->str, 'm') - steps->str;
      gsize first_write = strchr (steps->str, 'w') - steps->str;
      gsize renamed = strchr (steps->str, 'd') - steps->str;
      gsize kill_after;
      gint64 runs;
      int expect;

      /* Anywhere; and at least once while it writes its file, and once
       * just after the file is in place. */
      if (i == 0)
        kill_after = g_test_rand_int_range ((gint32) first_write, (gint32) renamed - 1);
      else if (i == 1)
        kill_after = renamed;
      else
        kill_after = g_test_rand_int_range (0, (gint32) steps->len - 1);

      fresh_copy (base, work);
      fresh_folder (folder, own_name, old_own, old_length, other);
      child_spawn (&child, "--sync-child", work, folder);
      for (gsize k = 0; k <= kill_after; k++)
        {
          g_assert_cmpint (child_next_step (&child), ==, steps->str[k]);
          if (k < steps->len - 1)
            child_go_on (&child);
        }
      kill (child.pid, SIGKILL);
      status = child_reap (&child);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      /* The merge is all or nothing; the own file is the old one until
       * the new one is whole and in place. */
      runs = check_database (work);
      if (kill_after < merged)
        g_assert_cmpint (runs, ==, base_runs);
      else if (kill_after > merged)
        g_assert_cmpint (runs, ==, full_runs);
      else
        g_assert_true (runs == base_runs || runs == full_runs);
      expect = kill_after + 1 < renamed ? 0 : kill_after >= renamed ? 1 : -1;
      check_folder (folder, own_name, old_own, old_length, expect);
      g_test_message ("killed after step %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " ('%c')",
                      kill_after, steps->len, steps->str[kill_after]);

      /* The next sync ends the work and tidies up. */
      {
        g_autoptr(YsStore) store = ys_store_open (work, &error);
        g_autoptr(YsSyncReport) report = NULL;
        g_autoptr(GDir) dir = NULL;
        const char *name;

        g_assert_no_error (error);
        report = ys_sync_run (store, folder, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpint (check_database (work), ==, full_runs);
        check_folder (folder, own_name, old_own, old_length, 1);
        dir = g_dir_open (folder, 0, NULL);
        while ((name = g_dir_read_name (dir)) != NULL)
          g_assert_cmpint (name[0], !=, '.');
      }
    }
}

/* Round r of the timer test, in seconds: the timer starts at
 * ROUND_START (r), is paused 10 minutes in and resumed 5 minutes later, and
 * finished 40 minutes in, so its run lasts 35 minutes; the run logged by
 * hand in between starts an hour in and lasts 60 + r seconds. */
#define ROUND_START(r) (G_GINT64_CONSTANT (1763800000) + (gint64) (r) * 7200)
#define PAUSED_AFTER 600
#define RESUMED_AFTER 900
#define FINISHED_AFTER 2400
#define TIMED_SECONDS (FINISHED_AFTER - (RESUMED_AFTER - PAUSED_AFTER))

static void
set_clock (YsClock *clock,
           gint64   seconds)
{
  ys_clock_set_now (clock, seconds * G_USEC_PER_SEC);
}

/* The child: round after round, start the timer ("s"), pause it ("p"),
 * resume it ("u"), log a run by hand ("h") and finish the timer as a run
 * ("f"), each note numbering the round; "o" once the store is open. Its
 * clock is fixed at each step's moment. A child that finds a round
 * half-done (the one before it was killed) takes it up where the database
 * says it stopped. */
static G_NORETURN void
timer_rounds (const char *path)
{
  g_autoptr(YsClock) clock = ys_clock_new_fixed (0);
  g_autoptr(YsStore) store = ys_store_open (path, NULL);
  g_autoptr(YsWorkflow) workflow = NULL;
  const char *id;
  int round;

  if (store == NULL)
    _exit (2);
  ys_store_set_clock (store, clock);
  workflow = g_list_model_get_item (ys_store_get_workflows (store), 0);
  id = ys_workflow_get_id (workflow);
  round = ys_store_count_runs (store, id, YS_MODE_WITHOUT_AI, NULL) / 2 + 1;
  step_done ('o');

  for (;; round++)
    {
      g_autofree char *note = g_strdup_printf ("round %d", round);
      g_autoptr(YsTimer) timer = ys_store_get_timer (store, id);
      g_autoptr(YsRun) finished = NULL;
      YsRunOutcome outcome = { 0, 0, YS_USED_UNKNOWN, note };

      if (timer == NULL)
        {
          set_clock (clock, ROUND_START (round));
          if (!ys_store_start_timer (store, id, YS_MODE_WITHOUT_AI, NULL, NULL))
            _exit (3);
          step_done ('s');
          timer = ys_store_get_timer (store, id);
        }
      if (!ys_timer_is_paused (timer) && ys_timer_get_paused_total (timer) == 0)
        {
          set_clock (clock, ROUND_START (round) + PAUSED_AFTER);
          if (!ys_store_pause_timer (store, id, NULL))
            _exit (4);
          step_done ('p');
          g_clear_object (&timer);
          timer = ys_store_get_timer (store, id);
        }
      if (ys_timer_is_paused (timer))
        {
          set_clock (clock, ROUND_START (round) + RESUMED_AFTER);
          if (!ys_store_resume_timer (store, id, NULL))
            _exit (5);
          step_done ('u');
          g_clear_object (&timer);
          timer = ys_store_get_timer (store, id);
        }
      if (ys_store_count_runs (store, id, YS_MODE_WITHOUT_AI, NULL) % 2 == 0)
        {
          YsRunFields fields = {
            .workflow_id = (char *) id, .mode = YS_MODE_WITHOUT_AI,
            .started_at = ROUND_START (round) + 3600, .duration_seconds = 60 + round,
            .corrections = 0, .used = YS_USED_UNKNOWN, .note = note,
          };
          g_autoptr(YsRun) by_hand = ys_store_add_run (store, &fields, NULL);

          if (by_hand == NULL)
            _exit (6);
          step_done ('h');
        }
      set_clock (clock, ROUND_START (round) + FINISHED_AFTER);
      outcome.duration_seconds = ys_timer_get_elapsed_seconds (timer,
                                                               ys_clock_get_now (clock));
      finished = ys_store_finish_timer (store, id, &outcome, -1, NULL);
      if (finished == NULL)
        _exit (7);
      step_done ('f');
    }
}

/* The timer of round @round as the database holds it after a kill:
 * "none", "started", "paused" or "resumed", or "wrong" when its times are
 * none of those the child wrote. */
static const char *
timer_state (const char *path,
             int         round)
{
  g_autofree char *row = ys_test_sql_rows (path, "SELECT started_at, coalesce (paused_at, 0),"
                                                 " paused_total FROM timers", NULL);
  gint64 start = ROUND_START (round) * G_USEC_PER_SEC;
  struct { const char *name; gint64 paused_at, paused_total; } states[] = {
    { "started", 0, 0 },
    { "paused", start + PAUSED_AFTER * G_USEC_PER_SEC, 0 },
    { "resumed", 0, (RESUMED_AFTER - PAUSED_AFTER) * G_USEC_PER_SEC },
  };

  if (*row == '\0')
    return "none";
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%"
                                                   G_GINT64_FORMAT "|\n", start,
                                                   states[i].paused_at, states[i].paused_total);
      if (g_str_equal (row, expected))
        return states[i].name;
    }
  g_test_message ("timer of round %d: %s", round, row);
  return "wrong";
}

static void
test_kill_while_timing_and_saving (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "timer.db", NULL);
  g_autoptr(YsStore) store = ys_store_open (path, &error);
  guint with_timer = 0;
  gint64 runs = 0;

  g_assert_no_error (error);
  {
    g_autoptr(YsWorkflow) added = ys_store_add_workflow (store, "Policy brief draft", "", 2, &error);
    g_assert_nonnull (added);
  }
  g_clear_object (&store);

  for (int i = 0; i < TIMER_KILLS; i++)
    {
      /* Killed while it pauses (after "s"), resumes (after "p"), logs a
       * run by hand (after "u"), finishes the timer (after "h") or starts
       * the next one (after "f"), in turn, in the first, second or third
       * round this child gets to. */
      char kill_after = "spuhf"[i % 5];
      int nth = g_test_rand_int_range (1, 4);
      const char *state;
      int round;
      Child child;
      char step;
      int status;

      child_spawn (&child, "--timer-rounds", path, NULL);
      do
        {
          step = child_next_step (&child);
          g_assert_cmpint (step, !=, 0);
          child_go_on (&child);
        }
      while (step != kill_after || --nth > 0);
      kill (child.pid, SIGKILL);
      status = child_reap (&child);
      g_assert_true (WIFSIGNALED (status));

      runs = check_database (path);
      /* The round under way: the one after the last whole round. */
      round = runs / 2 + 1;
      state = timer_state (path, round);

      /* Every round saved both its runs or neither: the notes count up
       * in pairs, with no gap and no repeat. */
      {
        sqlite3 *db;
        sqlite3_stmt *stmt;
        int expected = 1;

        g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
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
            g_assert_true (count == 2 || (count == 1 && n == round));
            expected++;
          }
        sqlite3_finalize (stmt);
        sqlite3_close (db);
      }
      /* Each run is the one its round wrote: the timer's started when the
       * timer did and lasted the time it ran, pauses left out. */
      g_assert_cmpint (ys_test_sql_int (path,
                         "SELECT count(*) FROM runs WHERE started_at = 1763800000"
                         " + CAST (substr (note, 7) AS INTEGER) * 7200"
                         " AND duration_seconds = " G_STRINGIFY (TIMED_SECONDS)), ==, runs / 2);
      g_assert_cmpint (ys_test_sql_int (path,
                         "SELECT count(*) FROM runs WHERE started_at = 1763800000 + 3600"
                         " + CAST (substr (note, 7) AS INTEGER) * 7200"
                         " AND duration_seconds = 60 + CAST (substr (note, 7) AS INTEGER)"),
                       ==, runs - runs / 2);

      /* The timer is there exactly when the kill let it be, started when
       * it was, and paused or resumed as far as the kill let it go. A run
       * logged by hand comes only after the timer is resumed. */
      g_test_message ("kill after %c: %" G_GINT64_FORMAT " runs, timer %s",
                      kill_after, runs, state);
      if (runs % 2 == 1)
        g_assert_cmpstr (state, ==, "resumed");
      switch (kill_after)
        {
        case 's':
          g_assert_true (g_str_equal (state, "started") || g_str_equal (state, "paused"));
          break;
        case 'p':
          g_assert_true (g_str_equal (state, "paused") || g_str_equal (state, "resumed"));
          break;
        case 'u':
          g_assert_cmpstr (state, ==, "resumed");
          break;
        case 'h':
          g_assert_true (g_str_equal (state, "resumed") || g_str_equal (state, "none"));
          break;
        case 'f':
          g_assert_true (g_str_equal (state, "started") || g_str_equal (state, "none"));
          break;
        default:
          g_assert_not_reached ();
        }
      with_timer += !g_str_equal (state, "none");

      /* The app opens it as usual, with the timer as it was. */
      store = ys_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_timers (store)), ==,
                        !g_str_equal (state, "none"));
      g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
      g_object_unref (store);
      /* No connection may stay open across fork(). */
      g_assert_null (store);
    }

  g_test_message ("%d kills; %" G_GINT64_FORMAT " runs saved; %u kills found a timer running",
                  TIMER_KILLS, runs, with_timer);
  g_assert_cmpint (runs, >, 0);
}

/* Upgrading a database of an earlier schema ---------------------------------- */

#define UPGRADE_RUNS 20000
#define W8 "11111111-1111-4111-8111-111111111111"
#define T8 "22222222-2222-4222-8222-222222222222"
/* A run as bundles carry it, with the ids of its workflow and tool. */
#define UPGRADE_ROWS(from) \
  "SELECT id, workflow_id, mode, tool_id, started_at, started_on, duration_seconds," \
  " corrections, used, assignment, deleted FROM " from " ORDER BY id"

static void
upgrade_step (const char *step,
              gpointer    user_data)
{
  if (g_str_equal (step, "migrating"))
    step_done ('s');
  else if (g_str_equal (step, "migrated"))
    step_done ('m');
  else if (g_str_equal (step, "upgraded"))
    step_done ('u');
}

/* The child: "s" the migration begins, "m" it ran (the commit is next),
 * "u" committed (the VACUUM is next), "o" the store is open. */
static G_NORETURN void
upgrade_child (const char *database)
{
  g_autoptr(GError) error = NULL;
  YsStore *store;

  ys_step_set_func (upgrade_step, NULL);
  store = ys_store_open (database, &error);
  if (store == NULL)
    _exit (2);
  step_done ('o');
  g_object_unref (store);
  _exit (0);
}

/* A schema-8 database, as that release wrote it, with UPGRADE_RUNS runs. */
static void
make_schema_8_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_true (ys_schema_create_at_version (path, 8, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO workflows (id, name, updated_at) VALUES ('" W8 "', 'Policy brief draft', 1);"
    "INSERT INTO tools (id, name, updated_at) VALUES ('" T8 "', 'ChatGPT', 1);"
    "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n"
    "  WHERE i + 1 < " G_STRINGIFY (UPGRADE_RUNS) ")"
    " INSERT INTO runs (id, workflow_id, mode, tool_id, started_at, started_on, started_week,"
    " duration_seconds, corrections, used, note, assignment, updated_at, deleted)"
    " SELECT printf ('%08x-0000-4000-8000-000000000000', i), '" W8 "', i % 2,"
    " CASE i % 2 WHEN 1 THEN '" T8 "' END, 1700000000 + i * 3600,"
    " date (1700000000 + i * 3600, 'unixepoch'),"
    " date (1700000000 + i * 3600, 'unixepoch', 'weekday 0', '-6 days'),"
    " 600 + i * 37 % 7000, i % 3, CASE i % 3 WHEN 0 THEN NULL ELSE i % 2 END, '', i % 3, 1,"
    " i % 97 = 0 FROM n", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Killed anywhere in the upgrade to schema 9 (its migration, its commit,
 * the VACUUM after it), the database is whole at schema 8 or 9, and the
 * next start brings it up to date with every run as it was. */
static void
test_kill_during_upgrade (void)
{
  g_autofree char *folder = g_build_filename (tmp_dir, "upgrade", NULL);
  g_autofree char *base = g_build_filename (folder, "base.db", NULL);
  g_autofree char *work = g_build_filename (folder, "work.db", NULL);
  g_autofree char *base_rows = NULL;
  g_autoptr(GString) steps = g_string_new (NULL);
  gint64 base_runs;
  Child child;
  char step;
  int status;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  make_schema_8_database (base);
  base_runs = check_database (base);
  g_assert_cmpint (base_runs, ==, UPGRADE_RUNS - (UPGRADE_RUNS + 96) / 97);
  base_rows = ys_test_sql_rows (base, UPGRADE_ROWS ("runs"), NULL);

  /* A whole upgrade, going on at every step, to learn its steps. */
  fresh_copy (base, work);
  child_spawn (&child, "--upgrade-child", work, "");
  while ((step = child_next_step (&child)) != 0)
    {
      g_string_append_c (steps, step);
      child_go_on (&child);
    }
  status = child_reap (&child);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_cmpstr (steps->str, ==, "smuo");

  /* Killed in the migration, in its commit, in the VACUUM. */
  for (gsize kill_after = 0; kill_after < 3; kill_after++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(YsStore) store = NULL;
      g_autofree char *rows = NULL;
      gint64 version;

      fresh_copy (base, work);
      child_spawn (&child, "--upgrade-child", work, "");
      for (gsize k = 0; k <= kill_after; k++)
        {
          g_assert_cmpint (child_next_step (&child), ==, steps->str[k]);
          child_go_on (&child);
        }
      kill (child.pid, SIGKILL);
      status = child_reap (&child);
      g_assert_true (WIFSIGNALED (status));

      g_assert_cmpint (check_database (work), ==, base_runs);
      version = ys_test_sql_int (work, "PRAGMA user_version");
      if (kill_after == 0)
        g_assert_cmpint (version, ==, 8);
      else if (kill_after == 1)
        g_assert_true (version == 8 || version == 9);
      else
        g_assert_cmpint (version, ==, 9);
      g_test_message ("killed after '%c': schema %" G_GINT64_FORMAT, steps->str[kill_after],
                      version);

      store = ys_store_open (work, &error);
      g_assert_no_error (error);
      g_assert_cmpint (ys_test_sql_int (work, "PRAGMA user_version"), ==, 9);
      rows = ys_test_sql_rows (work, UPGRADE_ROWS (YS_TEST_RUNS), NULL);
      g_assert_cmpstr (rows, ==, base_rows);
      g_assert_cmpint (check_database (work), ==, base_runs);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  int status;

  if (argc == 4 && g_str_equal (argv[1], "--import-child"))
    import_child (argv[2], argv[3]);
  if (argc == 4 && g_str_equal (argv[1], "--import-child-staged"))
    {
      ys_bundle_memory_limit = 0;
      import_child (argv[2], argv[3]);
    }
  if (argc == 3 && g_str_equal (argv[1], "--timer-rounds"))
    timer_rounds (argv[2]);
  if (argc == 4 && g_str_equal (argv[1], "--sync-child"))
    sync_child (argv[2], argv[3]);
  if (argc == 4 && g_str_equal (argv[1], "--upgrade-child"))
    upgrade_child (argv[2]);

  self_path = g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("ys-crash-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_data_func ("/crash/kill-during-import", "--import-child", test_kill_during_import);
  g_test_add_data_func ("/crash/kill-during-staged-import", "--import-child-staged",
                        test_kill_during_import);
  g_test_add_func ("/crash/kill-while-timing-and-saving", test_kill_while_timing_and_saving);
  g_test_add_func ("/crash/kill-during-sync", test_kill_during_sync);
  g_test_add_func ("/crash/kill-during-upgrade", test_kill_during_upgrade);

  status = g_test_run ();
  command = g_strdup_printf ("rm -rf '%s'", tmp_dir);
  if (system (command) != 0)
    g_warning ("Could not remove %s", tmp_dir);
  g_free (tmp_dir);
  return status;
}
