/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>

#include "ys-demo.h"
#include "ys-error.h"
#include "ys-store.h"
#include "ys-test-sql.h"

static char *tmp_dir;

static YsStore *
open_new (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  YsStore *store = ys_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

/* Every row of every table, in a stable order, as one string. */
static char *
dump (const char *path)
{
  static const char *queries[] = {
    "SELECT id, name, description, people, archived, position, updated_at, deleted FROM workflows ORDER BY id",
    "SELECT id, name, updated_at, deleted FROM tools ORDER BY id",
    "SELECT id, workflow_id, mode, tool_id, started_at, started_on, duration_seconds, corrections,"
    " used, note, updated_at, deleted FROM runs ORDER BY id",
    "SELECT id, workflow_id, tool_id, saves_time, given_on, comment, updated_at, deleted FROM feedback ORDER BY id",
  };
  GString *out = g_string_new (NULL);
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);

  return g_string_free (out, FALSE);
}

static gint64
sql_int (YsStore    *store,
         const char *sql)
{
  return ys_test_sql_int (ys_store_get_path (store), sql);
}

static void
test_deterministic (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) a = open_new ("a.db");
  g_autoptr(YsStore) b = open_new ("b.db");
  g_autofree char *dump_a = NULL;
  g_autofree char *dump_b = NULL;

  g_assert_true (ys_demo_fill (a, &error));
  g_assert_no_error (error);
  g_assert_true (ys_demo_fill (b, &error));
  g_assert_no_error (error);

  dump_a = dump (ys_store_get_path (a));
  dump_b = dump (ys_store_get_path (b));
  g_assert_cmpuint (strlen (dump_a), >, 1000);
  g_assert_cmpstr (dump_a, ==, dump_b);
}

static void
test_believable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = open_new ("c.db");

  g_assert_true (ys_demo_fill (store, &error));

  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_workflows (store)), ==, 3);
  g_assert_cmpuint (ys_store_count_active_workflows (store, NULL), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_tools (store)), ==, 3);
  g_assert_cmpint (sql_int (store, "SELECT count(*) FROM feedback"), >=, 10);
  /* Twelve weeks, both modes for every workflow. */
  g_assert_cmpint (sql_int (store, "SELECT count(DISTINCT workflow_id || mode) FROM runs"), ==, 6);
  g_assert_cmpint (sql_int (store, "SELECT julianday(max(started_on)) - julianday(min(started_on)) FROM runs"), >=, 7 * 11);
  g_assert_cmpint (sql_int (store, "SELECT max(started_on) <= '" YS_DEMO_LAST_DAY "' FROM runs"), ==, 1);
  g_assert_cmpint (sql_int (store, "SELECT min(c) FROM (SELECT count(*) c FROM runs GROUP BY workflow_id, mode)"), >=, 6);
  /* Used yes, no and not yet known all appear. */
  g_assert_cmpint (sql_int (store, "SELECT count(DISTINCT coalesce(used, -1)) FROM runs"), ==, 3);

  /* AI helps a lot on briefs, a little on intake, and slows grant sections
   * with more corrections. */
#define MEAN(workflow, mode, column) \
  "SELECT avg(" column ") FROM runs r JOIN workflows w ON w.id = r.workflow_id" \
  " WHERE w.name = '" workflow "' AND r.mode = " #mode
  {
    gint64 brief_before = sql_int (store, MEAN ("Policy brief draft", 0, "duration_seconds"));
    gint64 brief_after = sql_int (store, MEAN ("Policy brief draft", 1, "duration_seconds"));
    gint64 intake_before = sql_int (store, MEAN ("Intake summary", 0, "duration_seconds"));
    gint64 intake_after = sql_int (store, MEAN ("Intake summary", 1, "duration_seconds"));
    gint64 grant_before = sql_int (store, MEAN ("Grant report section", 0, "duration_seconds"));
    gint64 grant_after = sql_int (store, MEAN ("Grant report section", 1, "duration_seconds"));

    g_assert_cmpint (brief_after * 2, <, brief_before);
    g_assert_cmpint (intake_after, <, intake_before);
    g_assert_cmpint (intake_after * 10, >, intake_before * 7);
    g_assert_cmpint (grant_after, >, grant_before);
    g_assert_cmpint (sql_int (store, MEAN ("Grant report section", 1, "corrections * 100")), >,
                     sql_int (store, MEAN ("Grant report section", 0, "corrections * 100")));
  }
#undef MEAN
}

static void
test_refuses_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = open_new ("d.db");
  g_autoptr(YsWorkflow) workflow = ys_store_add_workflow (store, "Ours", "", 2, &error);

  g_assert_no_error (error);
  g_assert_false (ys_demo_fill (store, &error));
  g_assert_error (error, YS_ERROR, YS_ERROR_NOT_EMPTY);
  g_assert_nonnull (strstr (error->message, ys_store_get_path (store)));
  g_assert_cmpint (sql_int (store, "SELECT count(*) FROM workflows"), ==, 1);
  g_assert_cmpint (sql_int (store, "SELECT count(*) FROM runs"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *command = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("ys-demo-XXXXXX", NULL);

  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/believable", test_believable);
  g_test_add_func ("/demo/refuses-data", test_refuses_data);

  status = g_test_run ();
  command = g_strdup_printf ("rm -rf '%s'", tmp_dir);
  if (system (command) != 0)
    status = 1;
  g_free (tmp_dir);
  return status;
}
