/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reading and copying database files directly, beside the store, for tests. */

/* Every row of each query, in order, as "a|b|c|\n": two databases hold the
 * same data when these strings are equal. The list ends with NULL. */
char   *ys_test_sql_rows        (const char *path,
                                 const char *first_sql,
                                 ...) G_GNUC_NULL_TERMINATED;

/* The first column of the first row, or -1 when there is none. */
gint64  ys_test_sql_int         (const char *path,
                                 const char *sql);

/* Opens @path as the app would (replaying its -wal) and asserts that
 * SQLite's integrity check says "ok". */
void    ys_test_assert_integrity (const char *path);

/* A byte-for-byte copy of the file at @from, written to @to. */
void    ys_test_copy_file       (const char *from,
                                 const char *to);

/* Another process takes a lock on @path with @mode_sql (for example
 * "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE", which keeps even
 * readers out), writes, and holds it for @hold_ms before committing.
 * Returns once the lock is held; reap or kill the process. A fresh
 * process, not a fork: SQLite's locks must not be inherited. */
GPid    ys_test_lock_in_other_process (const char *path,
                                       const char *mode_sql,
                                       guint       hold_ms);
/* First thing in main() of a test that uses it: runs as that process. */
void    ys_test_lock_helper_main (int    argc,
                                  char **argv);

G_END_DECLS
