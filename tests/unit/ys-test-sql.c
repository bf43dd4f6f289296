/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include "ys-test-sql.h"

static void
append_rows (sqlite3    *db,
             const char *sql,
             GString    *out)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        g_string_append_printf (out, "%s|", (const char *) sqlite3_column_text (stmt, c));
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
}

char *
ys_test_sql_rows (const char *path,
                  const char *first_sql,
                  ...)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;
  va_list ap;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  va_start (ap, first_sql);
  for (const char *sql = first_sql; sql != NULL; sql = va_arg (ap, const char *))
    append_rows (db, sql, out);
  va_end (ap);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

gint64
ys_test_sql_int (const char *path,
                 const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

void
ys_test_assert_integrity (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

void
ys_test_copy_file (const char *from,
                   const char *to)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
}

/* Run as "TEST --hold-lock PATH SQL MS": takes the lock, says so on
 * standard output, holds it, then commits. */
static G_NORETURN void
hold_lock (const char *path,
           const char *mode_sql,
           guint       hold_ms)
{
  sqlite3 *db;

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      sqlite3_exec (db, mode_sql, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (db, "UPDATE workflows SET people = people", NULL, NULL, NULL) != SQLITE_OK)
    _exit (1);
  if (write (STDOUT_FILENO, "x", 1) != 1)
    _exit (1);
  g_usleep (hold_ms * 1000);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  _exit (0);
}

void
ys_test_lock_helper_main (int    argc,
                          char **argv)
{
  if (argc == 5 && g_str_equal (argv[1], "--hold-lock"))
    hold_lock (argv[2], argv[3], atoi (argv[4]));
}

GPid
ys_test_lock_in_other_process (const char *path,
                               const char *mode_sql,
                               guint       hold_ms)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *ms = g_strdup_printf ("%u", hold_ms);
  const char *argv[] = { self_path, "--hold-lock", path, mode_sql, ms, NULL };
  GPid pid;
  int out;
  char byte;

  g_assert_nonnull (self_path);
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read (out, &byte, 1), ==, 1);
  close (out);
  return pid;
}
