/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reading and copying database files directly, beside the store, for tests. */

/* Runs and the totals with the ids of their workflow and tool, as tests
 * compare them, in place of the integer keys schema 9 stores (a database's
 * own numbering): runs with workflow_id and tool_id (NULL without AI), the
 * totals with workflow_id and tool_key ('' without AI). Read them as
 * tables: "SELECT ... FROM " YS_TEST_RUNS " WHERE ...". */
#define YS_TEST_RUNS \
  "(SELECT r.*, w.id AS workflow_id, t.id AS tool_id FROM runs r" \
  " JOIN workflows w ON w.key = r.workflow LEFT JOIN tools t ON t.key = r.tool)"
#define YS_TEST_DAILY \
  "(SELECT d.*, w.id AS workflow_id, coalesce (t.id, '') AS tool_key FROM daily d" \
  " JOIN workflows w ON w.key = d.workflow LEFT JOIN tools t ON t.key = d.tool)"
#define YS_TEST_DURATIONS \
  "(SELECT d.*, w.id AS workflow_id, coalesce (t.id, '') AS tool_key FROM durations d" \
  " JOIN workflows w ON w.key = d.workflow LEFT JOIN tools t ON t.key = d.tool)"
#define YS_TEST_MODE_DURATIONS \
  "(SELECT d.*, w.id AS workflow_id FROM mode_durations d" \
  " JOIN workflows w ON w.key = d.workflow)"

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
