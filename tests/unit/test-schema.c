/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "ys-bundle.h"
#include "ys-schema.h"
#include "ys-stats.h"
#include "ys-store.h"
#include "ys-test-sql.h"

/*
 * Databases as earlier releases made them (ys_schema_create_at_version),
 * with rows written the way those releases wrote them, brought up to date
 * by opening them. The computer is in Berlin (TZ below), so a run's day
 * was its Berlin date.
 */

#define W1 "11111111-1111-4111-8111-111111111111"
#define T1 "22222222-2222-4222-8222-222222222222"

/* 2026-07-15T21:30:00Z is 23:30 in Berlin (summer, +02:00), that day;
 * 2026-01-10T23:30:00Z is 00:30 on the 11th in Berlin (winter, +01:00). */
#define SUMMER_RUN 1784151000
#define WINTER_RUN 1768087800

static void
exec (const char *path,
      const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* A database of schema @version at @path, holding the rows that release
 * would have written. */
static void
make_old_database (const char *path,
                   int         version)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ys_schema_create_at_version (path, version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ys_test_sql_int (path, "PRAGMA user_version"), ==, version);

  /* Rows as that release wrote them: started_on the local date, and from
   * version 3 the week of it. */
  exec (path,
        "INSERT INTO workflows (id, name, description, people, archived, position, updated_at, deleted)"
        " VALUES ('" W1 "', 'Policy brief draft', '', 4, 0, 1, 1767225600000000, 0);"
        "INSERT INTO tools (id, name, updated_at, deleted)"
        " VALUES ('" T1 "', 'ChatGPT', 1767225600000000, 0);"
        "INSERT INTO feedback (id, workflow_id, tool_id, saves_time, given_on, comment, updated_at,"
        " deleted) VALUES ('55555555-5555-4555-8555-555555555555', '" W1 "', '" T1 "', 1,"
        " '2026-07-16', '', 1784160000000000, 0);");
  if (version < 3)
    exec (path,
          "INSERT INTO runs (id, workflow_id, mode, tool_id, started_at, started_on,"
          " duration_seconds, corrections, used, note, updated_at, deleted) VALUES"
          " ('33333333-3333-4333-8333-333333333333', '" W1 "', 0, NULL, 1784151000, '2026-07-15',"
          "  5400, 1, 1, '', 1784160000000000, 0),"
          " ('44444444-4444-4444-8444-444444444444', '" W1 "', 1, '" T1 "', 1768087800, '2026-01-11',"
          "  1800, 0, NULL, 'quick', 1768090000000000, 0);");
  else
    exec (path,
          "INSERT INTO runs (id, workflow_id, mode, tool_id, started_at, started_on, started_week,"
          " duration_seconds, corrections, used, note, updated_at, deleted) VALUES"
          " ('33333333-3333-4333-8333-333333333333', '" W1 "', 0, NULL, 1784151000, '2026-07-15',"
          "  '2026-07-13', 5400, 1, 1, '', 1784160000000000, 0),"
          " ('44444444-4444-4444-8444-444444444444', '" W1 "', 1, '" T1 "', 1768087800, '2026-01-11',"
          "  '2026-01-05', 1800, 0, NULL, 'quick', 1768090000000000, 0);");
  if (version >= 5)
    /* From version 5 the store writes each run's offset with it. */
    exec (path,
          "UPDATE runs SET started_offset = CASE id WHEN '33333333-3333-4333-8333-333333333333'"
          " THEN 7200 ELSE 3600 END;");
  if (version >= 5)
    /* ...and how its mode was decided: the baseline run was drawn, the run
     * with ChatGPT went the other way from its draw. */
    exec (path,
          "UPDATE runs SET assignment = CASE id WHEN '33333333-3333-4333-8333-333333333333'"
          " THEN 1 ELSE 2 END;");
  if (version >= 2)
    exec (path,
          "INSERT INTO timers (workflow_id, mode, tool_id, started_at, paused_at, paused_total)"
          " VALUES ('" W1 "', 1, '" T1 "', 1784151000000000, NULL, 5000000);");
  if (version >= 4)
    exec (path,
          "INSERT INTO reviews (id, quarter, coverage_percent, working, not_working, more_rework,"
          " updated_at, deleted) VALUES ('66666666-6666-4666-8666-666666666666', '2026-Q3', 40,"
          " 'Briefs', '', '', 1784160000000000, 0);");
}

/* The rows make_old_database() wrote, brought up to date in the database
 * @store has open at @path. */
static void
assert_brought_up_to_date (YsStore    *store,
                           const char *path,
                           int         version)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *runs = NULL;
  g_autofree char *timers = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(YsSummary) summary = NULL;

  ys_test_assert_integrity (path);
  g_assert_cmpint (ys_test_sql_int (path, "PRAGMA user_version"), ==, YS_SCHEMA_VERSION);

  /* Each run keeps its day and gains the offset its day was counted in;
   * before version 5 every run was chosen; none came from a tracker. */
  runs = ys_test_sql_rows (path,
                           "SELECT started_on, started_week, started_offset, assignment,"
                           " source IS NULL FROM runs ORDER BY started_at", NULL);
  if (version >= 5)
    g_assert_cmpstr (runs, ==, "2026-01-11|2026-01-05|3600|2|1|\n"
                               "2026-07-15|2026-07-13|7200|1|1|\n");
  else
    g_assert_cmpstr (runs, ==, "2026-01-11|2026-01-05|3600|0|1|\n"
                               "2026-07-15|2026-07-13|7200|0|1|\n");
  g_assert_cmpint (ys_test_sql_int (path, "SELECT count(*) FROM tools WHERE monthly_cost IS NULL"),
                   ==, 1);
  g_assert_cmpint (ys_test_sql_int (path, "SELECT sum (fair_test) FROM workflows"), ==, 0);
  /* Imported runs are counted from their own index. */
  g_assert_cmpint (ys_test_sql_int (path, "SELECT count(*) FROM sqlite_schema"
                                          " WHERE name = 'runs_from_tracker'"), ==, 1);
  /* The totals count what is there, however old the file: the baseline run
   * on 15 July (5400 s, one correction, used) and the run with ChatGPT on
   * 11 January (1800 s, no correction, use not known). */
  {
    g_autofree char *daily = ys_test_sql_rows (path,
      "SELECT day, mode, tool_key, runs, corrections, corrected, used_yes, used_no, drawn,"
      " overridden FROM " YS_TEST_DAILY " WHERE runs <> 0 ORDER BY day", NULL);
    g_autofree char *durations = ys_test_sql_rows (path,
      "SELECT mode, tool_key, duration_seconds, runs FROM " YS_TEST_DURATIONS " WHERE runs <> 0"
      " ORDER BY duration_seconds", NULL);
    g_autofree char *mode_durations = ys_test_sql_rows (path,
      "SELECT mode, duration_seconds, drawn, runs FROM mode_durations WHERE runs <> 0"
      " ORDER BY duration_seconds", NULL);

    /* From version 8 drawn and overridden runs are counted apart. */
    if (version >= 5)
      {
        g_assert_cmpstr (daily, ==, "2026-01-11|1|" T1 "|1|0|0|0|0|0|1|\n"
                                    "2026-07-15|0||1|1|1|1|0|1|0|\n");
        g_assert_cmpstr (mode_durations, ==, "1|1800|0|1|\n"
                                             "0|5400|1|1|\n");
      }
    else
      {
        g_assert_cmpstr (daily, ==, "2026-01-11|1|" T1 "|1|0|0|0|0|0|0|\n"
                                    "2026-07-15|0||1|1|1|1|0|0|0|\n");
        g_assert_cmpstr (mode_durations, ==, "1|1800|0|1|\n"
                                             "0|5400|0|1|\n");
      }
    g_assert_cmpstr (durations, ==, "1|" T1 "|1800|1|\n"
                                    "0||5400|1|\n");
    g_assert_cmpint (ys_test_sql_int (path, "SELECT count(*) FROM draws"), ==, 0);
  }

  /* The team folder's state: no device id until the first sync. */
  g_assert_cmpint (ys_test_sql_int (path, "SELECT count(*) FROM sync_state WHERE id = 1"
                                          " AND device_id IS NULL AND written_changes IS NULL"),
                   ==, 1);
  g_assert_cmpint (ys_test_sql_int (path, "SELECT count(*) FROM sync_files"), ==, 0);

  /* The bundle writes each start with that offset, so every computer puts
   * it on the same day. */
  out = g_memory_output_stream_new_resizable ();
  g_assert_true (ys_bundle_export (store, YS_BUNDLE_EVERYTHING, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_output_stream_close (out, NULL, NULL);
  exported = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_nonnull (strstr (exported, "\"started_at\":\"2026-07-15T23:30:00+02:00\""));
  g_assert_nonnull (strstr (exported, "\"started_at\":\"2026-01-11T00:30:00+01:00\""));
  g_assert_nonnull (strstr (exported, version >= 5 ? "\"assignment\":\"drawn\""
                                                   : "\"assignment\":\"chosen\""));
  g_assert_null (strstr (exported, "\"source\""));

  /* A timer running through the upgrade keeps running, chosen. */
  timers = ys_test_sql_rows (path, "SELECT mode, tool_id, started_at, paused_total, assignment,"
                                   " reason FROM timers", NULL);
  g_assert_cmpstr (timers, ==, version >= 2 ? "1|" T1 "|1784151000000000|5000000|0||\n" : "");
  if (version >= 2)
    g_assert_true (ys_store_discard_timer (store, W1, &error));

  /* And the store works on it: a timer starts, the figures count both runs. */
  g_assert_true (ys_store_start_timer (store, W1, YS_MODE_WITHOUT_AI, NULL, &error));
  g_assert_no_error (error);
  summary = ys_summary_compute (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->workflows->len, ==, 1);
  g_assert_cmpuint (((YsWorkflowFigures *) g_ptr_array_index (summary->workflows, 0))->without_ai.runs,
                    ==, 1);
  g_assert_cmpuint (((YsWorkflowFigures *) g_ptr_array_index (summary->workflows, 0))->with_ai.runs,
                    ==, 1);
}

/* Opening a database an earlier release made brings it up to date. */
static void
test_from_version (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ys-schema-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(YsStore) store = NULL;

  make_old_database (path, version);
  store = ys_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  assert_brought_up_to_date (store, path, version);

  g_clear_object (&store);
  g_assert_cmpint (system (command), ==, 0);
}

/* A backup an earlier release made is restored over today's database and
 * brought up to date, while the backup itself is left as it was. */
static void
test_restore_from_version (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ys-schema-XXXXXX", NULL);
  g_autofree char *backup = g_build_filename (dir, "old-backup.db", NULL);
  g_autofree char *path = g_build_filename (dir, "yardstick.db", NULL);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
  g_autofree char *backup_before = NULL;
  g_autofree char *backup_after = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(YsStore) store = NULL;
  g_autoptr(YsWorkflow) today = NULL;

  make_old_database (backup, version);
  backup_before = ys_test_sql_rows (backup, "PRAGMA user_version", "SELECT * FROM runs", NULL);

  store = ys_store_open (path, &error);
  g_assert_no_error (error);
  today = ys_store_add_workflow (store, "Intake summary", "", 2, &error);
  g_assert_no_error (error);

  g_assert_true (ys_store_restore_backup (store, backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  assert_brought_up_to_date (store, path, version);
  /* What was there before the restore is gone from the database... */
  g_assert_cmpint (ys_test_sql_int (path, "SELECT count(*) FROM workflows"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_workflows (store)), ==, 1);
  /* ...and kept aside, in today's schema. */
  g_assert_cmpint (ys_test_sql_int (kept, "SELECT count(*) FROM workflows"
                                          " WHERE name = 'Intake summary'"), ==, 1);

  backup_after = ys_test_sql_rows (backup, "PRAGMA user_version", "SELECT * FROM runs", NULL);
  g_assert_cmpstr (backup_after, ==, backup_before);

  g_clear_object (&store);
  g_assert_cmpint (system (command), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, NULL);

  for (int v = 1; v < YS_SCHEMA_VERSION; v++)
    {
      g_autofree char *name = g_strdup_printf ("/schema/from-version-%d", v);
      g_autofree char *restore = g_strdup_printf ("/schema/restore-from-version-%d", v);

      g_test_add_data_func (name, GINT_TO_POINTER (v), test_from_version);
      g_test_add_data_func (restore, GINT_TO_POINTER (v), test_restore_from_version);
    }

  return g_test_run ();
}
