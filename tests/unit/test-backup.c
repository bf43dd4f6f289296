/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "ys-backup.h"
#include "ys-busy.h"
#include "ys-demo.h"
#include "ys-error.h"
#include "ys-stats.h"
#include "ys-store-private.h"
#include "ys-store.h"
#include "ys-test-sql.h"

/* Damaged and locked databases, and backups: nothing is lost or changed
 * behind the user's back, and there is always a way forward. */

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = NULL;

  f->dir = g_dir_make_tmp ("ys-backup-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "yardstick.db", NULL);

  store = ys_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (ys_demo_fill (store, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("chmod -R u+w '%s'; rm -rf '%s'", f->dir, f->dir);

  g_assert_cmpint (system (command), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, length);
}

/* Every row the user cares about, as text, to compare two databases. */
static char *
dump (const char *path)
{
  return ys_test_sql_rows (path,
                           "SELECT * FROM workflows ORDER BY id",
                           "SELECT * FROM tools ORDER BY id",
                           "SELECT * FROM runs ORDER BY id",
                           "SELECT * FROM feedback ORDER BY id",
                           "SELECT * FROM reviews ORDER BY id",
                           "SELECT * FROM timers ORDER BY workflow_id",
                           NULL);
}

static void
assert_refused (const char *path,
                int         code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = NULL;
  g_autofree char *before = file_checksum (path);
  g_autofree char *after = NULL;

  store = ys_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, YS_ERROR, code);
  g_test_message ("%s", error->message);
  /* The message names the file (or its folder) and says what happened. */
  g_assert_nonnull (strstr (error->message, words));
  g_assert_null (strchr (error->message, '\n'));
  after = file_checksum (path);
  g_assert_true (g_strcmp0 (before, after) == 0);
}

static char *
copy_of_database (Fixture    *f,
                  const char *name)
{
  char *copy = g_build_filename (f->dir, name, NULL);

  ys_test_copy_file (f->path, copy);
  return copy;
}

static void
test_damaged_files_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *truncated = copy_of_database (f, "truncated.db");
  g_autofree char *zeroed = g_build_filename (f->dir, "zeroed.db", NULL);
  g_autofree char *random_bytes = g_build_filename (f->dir, "random.db", NULL);
  g_autofree char *text = g_build_filename (f->dir, "notes.db", NULL);
  g_autofree char *foreign = g_build_filename (f->dir, "invoices.db", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "folder.db", NULL);
  g_autofree char *zeros = NULL;
  g_autofree guint32 *noise = NULL;
  GStatBuf st;
  sqlite3 *db;

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 8 * 4096);

  g_assert_cmpint (truncate (truncated, st.st_size / 2), ==, 0);
  assert_refused (truncated, YS_ERROR_DAMAGED, "truncated.db is damaged");

  zeros = g_malloc0 (st.st_size);
  g_assert_true (g_file_set_contents (zeroed, zeros, st.st_size, NULL));
  assert_refused (zeroed, YS_ERROR_DAMAGED, "zeroed.db is damaged");

  noise = g_new (guint32, st.st_size / 4);
  for (gsize i = 0; i < (gsize) st.st_size / 4; i++)
    noise[i] = g_random_int ();
  g_assert_true (g_file_set_contents (random_bytes, (char *) noise, st.st_size, NULL));
  assert_refused (random_bytes, YS_ERROR_DAMAGED, "random.db is damaged");

  g_assert_true (g_file_set_contents (text, "These are my notes, not a database.\n"
                                      "They are long enough to fill a header. 0123456789\n",
                                      -1, NULL));
  assert_refused (text, YS_ERROR_DAMAGED, "notes.db is damaged, or is not a Yardstick database");

  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE invoices (id INTEGER)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  assert_refused (foreign, YS_ERROR_DAMAGED, "not a Yardstick one");

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(YsStore) store = ys_store_open (folder, &error);
    g_assert_null (store);
    g_assert_error (error, YS_ERROR, YS_ERROR_DAMAGED);
  }
}

static void
test_read_only_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *sub = g_build_filename (f->dir, "locked-folder", NULL);
  g_autofree char *in_sub = g_build_filename (sub, "yardstick.db", NULL);
  g_autofree char *copy = copy_of_database (f, "read-only.db");

  g_assert_cmpint (g_chmod (copy, 0444), ==, 0);
  assert_refused (copy, YS_ERROR_READ_ONLY, "read-only.db is read-only");

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  ys_test_copy_file (f->path, in_sub);
  g_assert_cmpint (g_chmod (sub, 0555), ==, 0);
  assert_refused (in_sub, YS_ERROR_READ_ONLY, "locked-folder is read-only");
  /* No -wal or -shm appeared in the folder. */
  {
    g_autofree char *wal = g_strconcat (in_sub, "-wal", NULL);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
}

static void
test_locked_database (Fixture       *f,
                      gconstpointer  data)
{
  GPid pid = ys_test_lock_in_other_process (f->path,
                                            "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE",
                                            60 * 1000);
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = NULL;
  gint64 start, waited_ms;
  int status;

  /* A fifth of a second, not five real ones. */
  ys_busy_set_timeout_ms (200);
  start = g_get_monotonic_time ();
  store = ys_store_open (f->path, &error);
  waited_ms = (g_get_monotonic_time () - start) / 1000;
  ys_busy_set_timeout_ms (YS_BUSY_TIMEOUT_MS);

  g_assert_null (store);
  g_assert_error (error, YS_ERROR, YS_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "yardstick.db is locked by another program"));
  /* It waited for the other program before giving up: SQLite sleeps out
   * the whole timeout first, and a busy machine only makes that longer. */
  g_assert_cmpint (waited_ms, >=, 200);

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_clear_error (&error);

  /* Once the other program has gone, the same file opens as before. */
  store = ys_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_workflows (store)), ==, 3);
}

static void
count_failure (YsStore      *store,
               const GError *error,
               guint        *failures)
{
  (*failures)++;
}

/* Reads fail once the database is open (another program keeping readers
 * out, which in WAL mode only lasts moments; told to the database layer
 * here, since a real one cannot be held while this connection is open):
 * each read gives the sentence for a lock and the store announces it,
 * rather than answering zeros. */
static void
test_locked_after_open (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = ys_store_open (f->path, &error);
  g_autoptr(YsSummary) summary = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(YsWorkflow) workflow = NULL;
  guint failures = 0;
  guint runs;

  g_assert_no_error (error);
  workflow = g_list_model_get_item (ys_store_get_workflows (store), 0);
  g_signal_connect (store, "read-failed", G_CALLBACK (count_failure), &failures);
  ys_database_set_fault (ys_store_get_database (store), SQLITE_BUSY);

  summary = ys_summary_compute (store, NULL, NULL, &error);
  g_assert_null (summary);
  g_assert_error (error, YS_ERROR, YS_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "yardstick.db is locked by another program"));
  g_clear_error (&error);

  runs = ys_store_count_runs (store, ys_workflow_get_id (workflow), YS_MODE_WITHOUT_AI, &error);
  g_assert_error (error, YS_ERROR, YS_ERROR_BUSY);
  g_clear_error (&error);
  weeks = ys_stats_weekly (store, ys_workflow_get_id (workflow), NULL, NULL, &error);
  g_assert_null (weeks);
  g_assert_error (error, YS_ERROR, YS_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_cmpuint (failures, ==, 3);

  /* Once the other program has gone, the same reads answer. */
  ys_database_set_fault (ys_store_get_database (store), 0);
  runs = ys_store_count_runs (store, ys_workflow_get_id (workflow), YS_MODE_WITHOUT_AI, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs, >, 0);
  summary = ys_summary_compute (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);
}

/* A writer elsewhere (the command line importing, say) makes the window
 * wait a moment, not fail. */
static void
test_busy_database_waits (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = ys_store_open (f->path, &error);
  g_autoptr(YsWorkflow) added = NULL;
  g_autoptr(YsWorkflow) first = NULL;
  GPid pid;
  int status;

  g_assert_no_error (error);
  first = g_list_model_get_item (ys_store_get_workflows (store), 0);
  ys_store_set_workflow_archived (store, ys_workflow_get_id (first), TRUE, &error);
  g_assert_no_error (error);

  /* Held for half a second, well inside the five the store waits. How
   * long it waited is not asserted: a busy machine may delay this process
   * past the other's commit, and then there is nothing to wait for. */
  pid = ys_test_lock_in_other_process (f->path, "BEGIN IMMEDIATE", 500);
  added = ys_store_add_workflow (store, "Board minutes", "", 2, &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static void
test_backup_and_restore (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = ys_store_open (f->path, &error);
  g_autofree char *copy = g_build_filename (f->dir, "elsewhere", "copy.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *undone = NULL;
  guint changes = 0;
  GStatBuf st;

  g_assert_no_error (error);
  before = dump (f->path);

  /* Taken while the store has the database open, with its -wal in use. */
  g_assert_true (ys_backup_write (f->path, copy, &error));
  g_assert_no_error (error);
  g_assert_true (ys_backup_check (copy, &error));
  g_assert_no_error (error);
  {
    g_autofree char *copy_dump = dump (copy);
    g_autofree char *wal = g_strconcat (copy, "-wal", NULL);
    g_assert_true (g_strcmp0 (copy_dump, before) == 0);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Someone deletes a workflow and renames another. */
  {
    g_autoptr(YsWorkflow) first = g_list_model_get_item (ys_store_get_workflows (store), 0);
    ys_store_delete_workflow (store, ys_workflow_get_id (first), &error);
  }
  g_assert_no_error (error);
  changed = dump (f->path);
  g_assert_true (g_strcmp0 (changed, before) != 0);

  g_signal_connect_swapped (store, "changed", G_CALLBACK (g_atomic_int_inc), &changes);
  g_assert_true (ys_store_restore_backup (store, copy, &kept, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  restored = dump (f->path);
  g_assert_true (g_strcmp0 (restored, before) == 0);
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_workflows (store)), ==, 3);

  /* The restore kept what it replaced, so it can be undone. */
  g_assert_nonnull (kept);
  g_assert_true (ys_store_restore_backup (store, kept, NULL, &error));
  g_assert_no_error (error);
  undone = dump (f->path);
  g_assert_true (g_strcmp0 (undone, changed) == 0);

  /* The store still works, and a reopen sees the same. */
  g_clear_object (&store);
  store = ys_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_workflows (store)), ==, 2);
  ys_test_assert_integrity (f->path);
}

static void
test_restore_refuses_bad_backups (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = ys_store_open (f->path, &error);
  g_autofree char *text = g_build_filename (f->dir, "notes.db", NULL);
  g_autofree char *before = dump (f->path);
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (text, "not a database at all, just some words to fill "
                                      "a header and a little more.\n", -1, NULL));
  g_assert_false (ys_store_restore_backup (store, text, NULL, &error));
  g_assert_error (error, YS_ERROR, YS_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "notes.db cannot be used"));
  after = dump (f->path);
  g_assert_true (g_strcmp0 (after, before) == 0);
}

static GDateTime *
day (int y, int m, int d)
{
  return g_date_time_new_local (y, m, d, 9, 30, 0);
}

/* Seven daily copies, then the newest of each of four weeks before them. */
static void
test_plan_keep (void)
{
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_autofree gboolean *keep = NULL;
  g_autoptr(GString) kept = g_string_new (NULL);
  g_autoptr(GDateTime) d = g_date_time_new_utc (2026, 11, 23, 12, 0, 0);

  /* Every day for 60 days, newest first; 2026-11-23 is a Monday. */
  for (int i = 0; i < 60; i++)
    {
      g_autoptr(GDateTime) then = g_date_time_add_days (d, -i);
      g_ptr_array_add (dates, g_date_time_format (then, "%Y-%m-%d"));
    }
  keep = ys_backup_plan_keep ((const char * const *) dates->pdata, dates->len);
  for (guint i = 0; i < dates->len; i++)
    if (keep[i])
      g_string_append_printf (kept, "%s ", (char *) dates->pdata[i]);

  /* Daily: 23 back to 17 November (17 is a Tuesday, so that week counts as
   * covered); then the Sundays ending the four weeks before. */
  g_assert_cmpstr (kept->str, ==,
                   "2026-11-23 2026-11-22 2026-11-21 2026-11-20 2026-11-19 2026-11-18 2026-11-17 "
                   "2026-11-15 2026-11-08 2026-11-01 2026-10-25 ");

  /* Gaps (the app was not opened for weeks) keep what there is. */
  {
    const char *sparse[] = { "2026-11-23", "2026-10-01", "2026-09-30", "2025-12-31", "2025-01-02" };
    g_autofree gboolean *k = ys_backup_plan_keep (sparse, G_N_ELEMENTS (sparse));
    for (guint i = 0; i < G_N_ELEMENTS (sparse); i++)
      g_assert_true (k[i]);
  }
}

static void
test_daily_rotation (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *dir = ys_backup_dir (f->path);
  g_autoptr(GDateTime) start = day (2026, 9, 1);
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GDateTime) today = NULL;

  /* The first opening of a day makes that day's copy, the second nothing. */
  today = day (2026, 11, 23);
  first = ys_backup_daily (f->path, today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (g_str_has_suffix (first, "backups/yardstick-2026-11-23.db"));
  again = ys_backup_daily (f->path, today, &error);
  g_assert_no_error (error);
  g_assert_null (again);

  /* Twelve weeks of daily use. */
  for (int i = 0; i < 83; i++)
    {
      g_autoptr(GDateTime) then = g_date_time_add_days (start, i);
      g_autofree char *made = ys_backup_daily (f->path, then, &error);
      g_assert_no_error (error);
      g_assert_nonnull (made);
    }

  list = ys_backup_list (f->path);
  g_assert_cmpuint (list->len, ==, YS_BACKUP_KEEP_DAILY + YS_BACKUP_KEEP_WEEKLY);
  g_assert_cmpstr (((YsBackup *) list->pdata[0])->date, ==, "2026-11-23");
  for (guint i = 0; i < list->len; i++)
    {
      YsBackup *b = list->pdata[i];

      /* What the list says (from the copy's per-day totals) against the
       * copy's rows, counted one by one. */
      g_assert_cmpint (b->n_runs, >, 0);
      g_assert_cmpint (b->n_runs, ==,
                       ys_test_sql_int (b->path, "SELECT count(*) FROM runs WHERE deleted = 0"));
      g_assert_cmpint (b->n_workflows, ==,
                       ys_test_sql_int (b->path, "SELECT count(*) FROM workflows WHERE deleted = 0"));
      g_assert_cmpint (b->version, ==, YS_STORE_SCHEMA_VERSION);
      g_assert_false (b->before_restore);
    }

  /* A partial copy left by a process killed mid-write is tidied away once
   * it is old, and never listed. */
  {
    g_autofree char *partial = g_build_filename (dir, "yardstick-2026-11-24.db.partial-ab12CD", NULL);
    g_autoptr(GDateTime) tomorrow = day (2026, 11, 24);
    g_autofree char *made = NULL;
    struct utimbuf old = { 1000, 1000 };

    g_assert_true (g_file_set_contents (partial, "half a copy", -1, NULL));
    g_assert_cmpint (g_utime (partial, &old), ==, 0);
    made = ys_backup_daily (f->path, tomorrow, &error);
    g_assert_no_error (error);
    g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  }
}

static void
test_empty_database_not_backed_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ys-backup-empty-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "yardstick.db", NULL);
  g_autoptr(YsStore) store = ys_store_open (path, &error);
  g_autoptr(GDateTime) today = day (2026, 11, 23);
  g_autofree char *made = ys_backup_daily (path, today, &error);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);

  g_assert_no_error (error);
  g_assert_null (made);
  g_clear_object (&store);
  g_assert_cmpint (system (command), ==, 0);
}

/* The way forward from a damaged file: keep it aside, then start anew or
 * put a backup in its place. */
static void
test_set_aside_and_restore_file (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = day (2026, 11, 23);
  g_autofree char *backup = ys_backup_daily (f->path, today, &error);
  g_autofree char *before = dump (f->path);
  g_autofree char *damaged_checksum = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *restored = NULL;
  g_autoptr(YsStore) store = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_nonnull (backup);

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (truncate (f->path, st.st_size / 2), ==, 0);
  damaged_checksum = file_checksum (f->path);
  store = ys_store_open (f->path, &error);
  g_assert_error (error, YS_ERROR, YS_ERROR_DAMAGED);
  g_clear_error (&error);

  aside = ys_backup_set_aside (f->path, today, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (aside, "/yardstick-damaged-2026-11-23-093000.db"));
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  {
    g_autofree char *aside_checksum = file_checksum (aside);
    g_assert_cmpstr (aside_checksum, ==, damaged_checksum);
  }

  g_assert_true (ys_backup_restore_file (backup, f->path, &error));
  g_assert_no_error (error);
  store = ys_store_open (f->path, &error);
  g_assert_no_error (error);
  restored = dump (f->path);
  g_assert_true (g_strcmp0 (restored, before) == 0);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

int
main (int   argc,
      char *argv[])
{
  ys_test_lock_helper_main (argc, argv);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/open/damaged-files-refused", test_damaged_files_refused);
  ADD ("/open/read-only-refused", test_read_only_refused);
  ADD ("/open/locked-database", test_locked_database);
  ADD ("/open/busy-database-waits", test_busy_database_waits);
  ADD ("/open/locked-after-open", test_locked_after_open);
  ADD ("/backup/backup-and-restore", test_backup_and_restore);
  ADD ("/backup/restore-refuses-bad-backups", test_restore_refuses_bad_backups);
  g_test_add_func ("/backup/plan-keep", test_plan_keep);
  ADD ("/backup/daily-rotation", test_daily_rotation);
  g_test_add_func ("/backup/empty-database-not-backed-up", test_empty_database_not_backed_up);
  ADD ("/backup/set-aside-and-restore-file", test_set_aside_and_restore_file);

  return g_test_run ();
}
