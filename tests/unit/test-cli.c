/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

/* Runs the real program as a script or a person would. */

static char *tmp_dir;

typedef struct
{
  int status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static Result
run (const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("YARDSTICK_BIN");
  Result r = { 0 };
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (bin);
  g_ptr_array_add (args, (char *) bin);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &r.out, &r.err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  return r;
}

static void
test_version_and_help (void)
{
  g_auto(Result) version = run ("--version", NULL);
  g_auto(Result) help = run ("--help", NULL);

  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "yardstick "));
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--database"));
  g_assert_nonnull (strstr (help.out, "--demo"));
}

static void
test_usage_errors (void)
{
  g_auto(Result) unknown = run ("--frobnicate", NULL);
  g_auto(Result) stray = run ("stray-argument", NULL);
  g_auto(Result) empty = run ("--database", "", NULL);

  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "--frobnicate"));
  g_assert_cmpint (stray.status, ==, 2);
  g_assert_nonnull (strstr (stray.err, "stray-argument"));
  g_assert_cmpint (empty.status, ==, 2);
}

static void
test_demo_once (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "demo.db", NULL);
  g_auto(Result) first = run ("--database", path, "--demo", NULL);
  g_auto(Result) second = run ("--database", path, "--demo", NULL);
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpint (second.status, ==, 1);
  /* One clear line that names the file. */
  g_assert_nonnull (strstr (second.err, path));
  g_assert_true (g_str_has_suffix (second.err, "\n"));
  g_assert_true (strchr (second.err, '\n') == second.err + strlen (second.err) - 1);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_refused_database (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "newer.db", NULL);
  g_auto(Result) result = { 0 };
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  result = run ("--database", path, "--demo", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "newer version of Yardstick"));
  g_assert_nonnull (strstr (result.err, path));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *command = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("ys-cli-XXXXXX", NULL);

  g_test_add_func ("/cli/version-and-help", test_version_and_help);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/demo-once", test_demo_once);
  g_test_add_func ("/cli/refused-database", test_refused_database);

  status = g_test_run ();
  command = g_strdup_printf ("rm -rf '%s'", tmp_dir);
  if (system (command) != 0)
    status = 1;
  g_free (tmp_dir);
  return status;
}
