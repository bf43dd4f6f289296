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

/* Schema 9 (integer keys) from a schema-8 database as that release wrote
 * it: two workflows and two tools inserted in the other order than their
 * ids sort (so that keys and ids disagree), runs with and without AI, one
 * from a tracker, one deleted, one with a tool since deleted. */
#define W2 "77777777-7777-4777-8777-777777777777"
#define T2 "88888888-8888-4888-8888-888888888888"
#define RUN(n) "a000000" #n "-0000-4000-8000-000000000000"
/* 10:00 UTC on 16 and 17 July 2026, 12:00 in Berlin. */
#define JULY_16 1784196000
#define JULY_17 1784282400

static void
make_schema_8_database (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ys_schema_create_at_version (path, 8, &error));
  g_assert_no_error (error);
  exec (path,
        "INSERT INTO workflows (id, name, description, people, archived, updated_at, deleted,"
        " fair_test) VALUES"
        " ('" W2 "', 'Intake summary', 'Forms', 2, 1, 1767225600000000, 0, 1),"
        " ('" W1 "', 'Policy brief draft', '', 4, 0, 1767225600000001, 0, 0);"
        "INSERT INTO tools (id, name, monthly_cost, updated_at, deleted) VALUES"
        " ('" T2 "', 'Claude', NULL, 1767225600000002, 1),"
        " ('" T1 "', 'ChatGPT', 5000, 1767225600000003, 0);"
        "INSERT INTO runs (id, workflow_id, mode, tool_id, started_at, started_offset, started_on,"
        " started_week, duration_seconds, corrections, used, note, assignment, source, updated_at,"
        " deleted) VALUES"
        " ('" RUN (1) "', '" W1 "', 0, NULL, " G_STRINGIFY (SUMMER_RUN) ", 7200, '2026-07-15',"
        "  '2026-07-13', 5400, 1, 1, '', 1, NULL, 1784160000000000, 0),"
        " ('" RUN (2) "', '" W1 "', 1, '" T1 "', " G_STRINGIFY (JULY_16) ", 7200, '2026-07-16',"
        "  '2026-07-13', 1800, 0, NULL, 'quick', 1, NULL, 1784200000000000, 0),"
        " ('" RUN (3) "', '" W1 "', 1, '" T2 "', " G_STRINGIFY (JULY_16) ", 7200, '2026-07-16',"
        "  '2026-07-13', 2400, 2, 0, '', 2, NULL, 1784200000000001, 0),"
        " ('" RUN (4) "', '" W1 "', 0, NULL, " G_STRINGIFY (JULY_16) ", 7200, '2026-07-16',"
        "  '2026-07-13', 6000, 0, NULL, '', 0, 'tracker', 1784200000000002, 0),"
        " ('" RUN (5) "', '" W1 "', 0, NULL, " G_STRINGIFY (JULY_17) ", 7200, '2026-07-17',"
        "  '2026-07-13', 9999, 0, NULL, '', 0, NULL, 1784290000000000, 1),"
        " ('" RUN (6) "', '" W2 "', 1, '" T1 "', " G_STRINGIFY (SUMMER_RUN) ", 7200, '2026-07-15',"
        "  '2026-07-13', 3000, 1, 1, '', 0, NULL, 1784160000000001, 0);"
        "INSERT INTO feedback (id, workflow_id, tool_id, saves_time, given_on, comment, updated_at,"
        " deleted) VALUES ('55555555-5555-4555-8555-555555555555', '" W1 "', '" T1 "', 1,"
        " '2026-07-16', '', 1784200000000000, 0);"
        "INSERT INTO timers (workflow_id, mode, tool_id, started_at, paused_at, paused_total,"
        " assignment, reason) VALUES ('" W1 "', 1, '" T1 "', 1784200000000000, NULL, 0, 2,"
        " 'deadline');"
        "INSERT INTO draws (workflow_id, position, span, pending) VALUES ('" W2 "', 1, 2, 0);");
}

/* A run as the bundle carries it, with the ids of its workflow and tool. */
#define RUN_ROWS(from) \
  "SELECT id, workflow_id, mode, tool_id, started_at, started_offset, started_on, started_week," \
  " duration_seconds, corrections, used, note, assignment, source, updated_at, deleted FROM " \
  from " ORDER BY id"

static void
test_integer_keys (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ys-schema-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "eight.db", NULL);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
  g_autofree char *runs_before = NULL;
  g_autofree char *runs_after = NULL;
  g_autofree char *others_before = NULL;
  g_autofree char *others_after = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *keys = NULL;
  g_autofree char *totals = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *outcome = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(YsStore) store = NULL;
  g_autoptr(YsSummary) summary = NULL;
  const char *others[] = {
    "SELECT id, name, description, people, archived, position, updated_at, deleted, fair_test"
    " FROM workflows ORDER BY id",
    "SELECT id, name, monthly_cost, updated_at, deleted FROM tools ORDER BY id",
    "SELECT * FROM feedback", "SELECT * FROM timers", "SELECT * FROM draws",
    "SELECT * FROM reviews", "SELECT * FROM sync_state",
  };
  const YsWorkflowFigures *brief;
  GDate from, to;

  make_schema_8_database (path);
  runs_before = ys_test_sql_rows (path, RUN_ROWS ("runs"), NULL);
  others_before = ys_test_sql_rows (path, others[0], others[1], others[2], others[3], others[4],
                                    others[5], others[6], NULL);
  /* What the schema-8 triggers counted: five live runs. */
  g_assert_cmpint (ys_test_sql_int (path, "SELECT sum (runs) FROM daily"), ==, 5);

  store = ys_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  ys_test_assert_integrity (path);
  g_assert_cmpint (ys_test_sql_int (path, "PRAGMA user_version"), ==, 9);
  g_assert_cmpint (ys_test_sql_int (path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  /* The upgrade is followed by a VACUUM: no free pages are left. */
  g_assert_cmpint (ys_test_sql_int (path, "PRAGMA freelist_count"), ==, 0);

  /* Every run, workflow, tool and the small tables as they were, the team
   * folder's count of changes included (the upgrade is no change to send). */
  runs_after = ys_test_sql_rows (path, RUN_ROWS (YS_TEST_RUNS), NULL);
  g_assert_cmpstr (runs_after, ==, runs_before);
  others_after = ys_test_sql_rows (path, others[0], others[1], others[2], others[3], others[4],
                                   others[5], others[6], NULL);
  g_assert_cmpstr (others_after, ==, others_before);

  /* Keys are the rows' old rowids: the order they were inserted in. */
  keys = ys_test_sql_rows (path, "SELECT key, id FROM workflows ORDER BY key",
                           "SELECT key, id FROM tools ORDER BY key",
                           "SELECT key, workflow, coalesce (tool, '-') FROM runs ORDER BY key",
                           NULL);
  g_assert_cmpstr (keys, ==,
                   "1|" W2 "|\n2|" W1 "|\n"
                   "1|" T2 "|\n2|" T1 "|\n"
                   "1|2|-|\n2|2|2|\n3|2|1|\n4|2|-|\n5|2|-|\n6|1|2|\n");

  /* The totals, worked out from the rows above. */
  totals = ys_test_sql_rows (path,
    "SELECT workflow_id, mode, tool_key, day, runs, corrections, corrected, used_yes, used_no,"
    " drawn, overridden FROM " YS_TEST_DAILY " ORDER BY 1, 2, 3, 4",
    "SELECT workflow_id, mode, tool_key, duration_seconds, runs FROM " YS_TEST_DURATIONS
    " ORDER BY 1, 2, 3, 4",
    "SELECT workflow_id, mode, duration_seconds, drawn, runs FROM " YS_TEST_MODE_DURATIONS
    " ORDER BY 1, 2, 3, 4", NULL);
  g_assert_cmpstr (totals, ==,
    W1 "|0||2026-07-15|1|1|1|1|0|1|0|\n"
    W1 "|0||2026-07-16|1|0|0|0|0|0|0|\n"
    W1 "|1|" T1 "|2026-07-16|1|0|0|0|0|1|0|\n"
    W1 "|1|" T2 "|2026-07-16|1|2|1|0|1|0|1|\n"
    W2 "|1|" T1 "|2026-07-15|1|1|1|1|0|0|0|\n"
    W1 "|0||5400|1|\n"
    W1 "|0||6000|1|\n"
    W1 "|1|" T1 "|1800|1|\n"
    W1 "|1|" T2 "|2400|1|\n"
    W2 "|1|" T1 "|3000|1|\n"
    W1 "|0|5400|1|1|\n"
    W1 "|0|6000|0|1|\n"
    W1 "|1|1800|1|1|\n"
    W1 "|1|2400|0|1|\n"
    W2 "|1|3000|0|1|\n");

  /* The indexes of schema 9, and the triggers, all there again. */
  schema = ys_test_sql_rows (path,
    "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'runs'"
    " AND sql IS NOT NULL ORDER BY name",
    "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'sync_%'",
    "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'daily_%'", NULL);
  g_assert_cmpstr (schema, ==,
    "runs_awaiting_outcome|\nruns_by_tool_duration|\nruns_by_week|\nruns_by_workflow_start|\n"
    "runs_from_tracker|\n15|\n4|\n");

  /* The figures, worked by hand: without AI 5400 and 6000 s (the deleted
   * run left out), with AI 1800 and 2400 s; ChatGPT's one run, Claude
   * deleted; over 15 and 16 July. */
  summary = ys_summary_compute (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_date_set_dmy (&from, 15, G_DATE_JULY, 2026);
  g_date_set_dmy (&to, 16, G_DATE_JULY, 2026);
  g_assert_true (summary->has_period);
  g_assert_cmpint (g_date_compare (&summary->from, &from), ==, 0);
  g_assert_cmpint (g_date_compare (&summary->to, &to), ==, 0);
  g_assert_cmpuint (summary->workflows->len, ==, 2);
  brief = g_ptr_array_index (summary->workflows, 0);
  g_assert_cmpstr (brief->id, ==, W1);
  g_assert_cmpuint (brief->without_ai.runs, ==, 2);
  g_assert_cmpfloat (brief->without_ai.median_seconds, ==, 5700);
  g_assert_cmpfloat (brief->without_ai.corrections_per_run, ==, 0.5);
  g_assert_cmpfloat (brief->without_ai.used_rate, ==, 1);
  g_assert_cmpuint (brief->with_ai.runs, ==, 2);
  g_assert_cmpfloat (brief->with_ai.median_seconds, ==, 2100);
  g_assert_cmpfloat (brief->with_ai.used_rate, ==, 0);
  g_assert_cmpuint (brief->fair_test.drawn, ==, 2);
  g_assert_cmpuint (brief->fair_test.overridden, ==, 1);
  g_assert_cmpuint (brief->fair_test.chosen, ==, 1);
  g_assert_cmpuint (brief->tools->len, ==, 1);
  g_assert_cmpstr (g_array_index (brief->tools, YsToolFigures, 0).id, ==, T1);
  g_assert_cmpfloat (g_array_index (brief->tools, YsToolFigures, 0).median_seconds, ==, 1800);
  g_assert_cmpstr (((YsWorkflowFigures *) g_ptr_array_index (summary->workflows, 1))->id, ==, W2);
  g_clear_pointer (&summary, ys_summary_free);

  /* 16 July alone, read along the indexes rather than the totals. */
  summary = ys_summary_compute (store, &to, &to, &error);
  g_assert_no_error (error);
  brief = g_ptr_array_index (summary->workflows, 0);
  g_assert_cmpuint (brief->without_ai.runs, ==, 1);
  g_assert_cmpfloat (brief->without_ai.median_seconds, ==, 6000);
  g_assert_cmpfloat (brief->with_ai.median_seconds, ==, 2100);
  g_assert_cmpfloat (g_array_index (brief->tools, YsToolFigures, 0).median_seconds, ==, 1800);
  g_assert_cmpuint (ys_store_count_awaiting_outcome (store, NULL), ==, 1);

  /* Bundles name workflows and tools by id, as before. */
  out = g_memory_output_stream_new_resizable ();
  g_assert_true (ys_bundle_export (store, YS_BUNDLE_EVERYTHING, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_output_stream_close (out, NULL, NULL);
  exported = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_nonnull (strstr (exported, "{\"id\":\"" RUN (3) "\",\"workflow\":\"" W1 "\","
                                      "\"mode\":\"with-ai\",\"tool\":\"" T2 "\""));
  g_assert_nonnull (strstr (exported, "{\"id\":\"" RUN (6) "\",\"workflow\":\"" W2 "\","
                                      "\"mode\":\"with-ai\",\"tool\":\"" T1 "\""));

  /* The new triggers keep the totals: an outcome arrives. */
  g_assert_true (ys_store_set_run_used (store, RUN (2), YS_USED_YES, &error));
  g_assert_no_error (error);
  outcome = ys_test_sql_rows (path,
    "SELECT workflow_id, tool_key, runs, used_yes FROM " YS_TEST_DAILY
    " WHERE mode = 1 AND day = '2026-07-16' ORDER BY 1, 2", NULL);
  g_assert_cmpstr (outcome, ==,
    W1 "|" T1 "|1|1|\n" W1 "|" T2 "|1|0|\n");

  g_clear_object (&store);
  g_assert_cmpint (system (command), ==, 0);
}

/* A schema-8 run whose workflow is not there (foreign keys off in another
 * program) stops the upgrade, and the file is left as it was. */
static void
test_integer_keys_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ys-schema-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "eight.db", NULL);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(YsStore) store = NULL;

  make_schema_8_database (path);
  exec (path, "UPDATE runs SET workflow_id = '99999999-9999-4999-8999-999999999999'"
              " WHERE id = '" RUN (4) "'");
  before = ys_test_sql_rows (path, "PRAGMA user_version", RUN_ROWS ("runs"),
                             "SELECT * FROM daily", NULL);

  store = ys_store_open (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  after = ys_test_sql_rows (path, "PRAGMA user_version", RUN_ROWS ("runs"),
                            "SELECT * FROM daily", NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (strstr (after, "8|\n"));

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

  g_test_add_func ("/schema/integer-keys", test_integer_keys);
  g_test_add_func ("/schema/integer-keys-refused", test_integer_keys_refused);

  return g_test_run ();
}
