/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "ys-demo.h"
#include "ys-draw.h"
#include "ys-error.h"
#include "ys-report.h"
#include "ys-store.h"
#include "ys-test-sql.h"
#include "ys-wording.h"

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
    " used, note, updated_at, deleted FROM " YS_TEST_RUNS " ORDER BY id",
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
  g_assert_cmpint (sql_int (store, "SELECT count(DISTINCT workflow || '|' || mode) FROM runs"), ==, 6);
  g_assert_cmpint (sql_int (store, "SELECT julianday(max(started_on)) - julianday(min(started_on)) FROM runs"), >=, 7 * 11);
  g_assert_cmpint (sql_int (store, "SELECT max(started_on) <= '" YS_DEMO_LAST_DAY "' FROM runs"), ==, 1);
  g_assert_cmpint (sql_int (store, "SELECT min(c) FROM (SELECT count(*) c FROM runs GROUP BY workflow, mode)"), >=, 6);
  /* Used yes, no and not yet known all appear. */
  g_assert_cmpint (sql_int (store, "SELECT count(DISTINCT coalesce(used, -1)) FROM runs"), ==, 3);

  /* AI helps a lot on briefs, a little on intake, and slows grant sections
   * with more corrections. */
#define MEAN(workflow, mode, column) \
  "SELECT avg(" column ") FROM runs r JOIN workflows w ON w.key = r.workflow" \
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

/* Grant report sections are a fair test after their baseline: every run
 * from the week of 28 September drawn (two done the other way), every
 * other run chosen. The draws, in the order the runs started, never let
 * one mode lead by more than 2 over any stretch, and the store's walk is
 * where they left it. The 2026-Q4 figures were computed from the sample's
 * exported bundle by an independent implementation of FORMAT.md's summary
 * and checked by hand against the runs' durations. */
static void
test_fair_test (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = open_new ("fair.db");
  g_autoptr(YsSummary) summary = NULL;
  g_autoptr(GPtrArray) sequence = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *rows = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *headline = NULL;
  GListModel *workflows;
  const char *grant_id = NULL;
  YsWorkflowFigures *grant;
  int walk = 0, lowest = 0, highest = 0, drawn_with = 0, drawn_without = 0;
  GDate from, to;

  g_assert_true (ys_demo_fill (store, &error));
  g_assert_no_error (error);

  /* The switch is on for that workflow only. */
  workflows = ys_store_get_workflows (store);
  for (guint i = 0; i < g_list_model_get_n_items (workflows); i++)
    {
      g_autoptr(YsWorkflow) workflow = g_list_model_get_item (workflows, i);
      gboolean grant_report = g_str_equal (ys_workflow_get_name (workflow),
                                           "Grant report section");

      g_assert_cmpint (ys_workflow_get_fair_test (workflow), ==, grant_report);
      if (grant_report)
        grant_id = ys_workflow_get_id (workflow);
    }
  g_assert_nonnull (grant_id);

#define GRANT "(SELECT id FROM workflows WHERE name = 'Grant report section')"
  g_assert_cmpint (sql_int (store, "SELECT count(*) FROM " YS_TEST_RUNS " WHERE assignment != 0"
                                   " AND (workflow_id != " GRANT " OR started_on < '2026-09-28')"),
                   ==, 0);
  g_assert_cmpint (sql_int (store, "SELECT count(*) FROM " YS_TEST_RUNS " WHERE assignment = 0"
                                   " AND workflow_id = " GRANT " AND started_on >= '2026-09-28'"),
                   ==, 0);
  /* One drawn without AI and done with it, one the other way round. */
  g_assert_cmpint (sql_int (store, "SELECT count(*) FROM " YS_TEST_RUNS " WHERE assignment = 2"),
                   ==, 2);
  g_assert_cmpint (sql_int (store, "SELECT sum(mode) FROM " YS_TEST_RUNS " WHERE assignment = 2"),
                   ==, 1);

  /* The walk of draws in the order the runs started: +1 drawn with AI, −1
   * without; a run done the other way was drawn the other mode. */
  rows = ys_test_sql_rows (ys_store_get_path (store),
                           "SELECT CASE WHEN assignment = 1 THEN mode ELSE 1 - mode END"
                           " FROM " YS_TEST_RUNS " WHERE workflow_id = " GRANT
                           " AND assignment != 0 ORDER BY started_at", NULL);
  lines = g_strsplit (rows, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      gboolean with_ai = g_str_equal (lines[i], "1|");

      walk += with_ai ? 1 : -1;
      lowest = MIN (lowest, walk);
      highest = MAX (highest, walk);
      /* Any stretch's lead is a difference of two points of the walk. */
      g_assert_cmpint (highest - lowest, <=, 2);
      if (with_ai)
        drawn_with++;
      else
        drawn_without++;
    }
  g_assert_cmpint (drawn_with + drawn_without, ==, 25);
  g_assert_cmpint (sql_int (store, "SELECT position FROM draws WHERE workflow_id = " GRANT),
                   ==, walk - lowest);
  g_assert_cmpint (sql_int (store, "SELECT span FROM draws WHERE workflow_id = " GRANT),
                   ==, highest - lowest);
  g_assert_cmpint (sql_int (store, "SELECT count(*) FROM draws WHERE pending IS NOT NULL"), ==, 0);
#undef GRANT

  /* The sample's draws ended two ahead with AI, at the top of their range:
   * the next Start goes on from there and draws without AI, even with a
   * coin that says with AI on a walk of its own. */
  g_assert_cmpint (walk - lowest, ==, 2);
  g_assert_cmpint (highest - lowest, ==, 2);
  {
    YsDrawWalk fresh = { 0, 0 };
    guint32 seed = 1;
    g_autoptr(GRand) coin = NULL;
    YsMode drawn = YS_MODE_WITH_AI;

    for (;; seed++)
      {
        g_autoptr(GRand) probe = g_rand_new_with_seed (seed);

        if (ys_draw_walk_next (&fresh, probe) == YS_MODE_WITH_AI)
          break;
      }
    coin = g_rand_new_with_seed (seed);
    g_assert_true (ys_store_start_drawn_timer (store, grant_id, NULL, coin, &drawn, &error));
    g_assert_no_error (error);
    g_assert_cmpint (drawn, ==, YS_MODE_WITHOUT_AI);
    g_assert_true (ys_store_discard_timer (store, grant_id, &error));
  }

  /* 2026-Q4: 21 drawn runs (10 without AI with a median of 2 h 35 min,
   * 11 with AI, 3 h 35 min), 2 done the other way, none chosen. The
   * pairwise ratios' median is 215/165 min and the Moses interval's ends
   * are 190/175 and 220/140 min: about 30% more time with AI, between 8%
   * and 58% more with the ends rounded outward. */
  g_assert_true (ys_stats_parse_quarter ("2026-Q4", &from, &to, NULL));
  summary = ys_summary_compute (store, &from, &to, NULL);
  grant = ys_summary_find (summary, grant_id);
  g_assert_cmpuint (grant->fair_test.drawn, ==, 21);
  g_assert_cmpuint (grant->fair_test.overridden, ==, 2);
  g_assert_cmpuint (grant->fair_test.chosen, ==, 0);
  g_assert_cmpuint (grant->fair_test.change.without_ai_runs, ==, 10);
  g_assert_cmpuint (grant->fair_test.change.with_ai_runs, ==, 11);
  g_assert_true (grant->fair_test.change.enough_data);
  g_assert_cmpfloat_with_epsilon (grant->fair_test.change.ratio, 215.0 / 165, 1e-9);
  g_assert_cmpfloat_with_epsilon (grant->fair_test.change.low, 190.0 / 175, 1e-9);
  g_assert_cmpfloat_with_epsilon (grant->fair_test.change.high, 220.0 / 140, 1e-9);
  g_assert_true (grant->fair_test.change.clear);
  headline = ys_wording_headline (grant);
  g_assert_cmpstr (headline, ==, "In a fair test (Yardstick drew with or without AI for each "
                                 "run), with AI it takes about 30% more time (between 8% and 58% "
                                 "more), from 11 runs with AI and 10 without.");
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

/* Every row of every table the database has, whatever its schema: the
 * whole content, to compare before and after. */
static char *
dump_everything (const char *path)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                           " ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (tables->len, >=, 6);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1",
                                              (char *) tables->pdata[t]);

      g_string_append_printf (out, "[%s]\n", (char *) tables->pdata[t]);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
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

/* Item 3 of issue 13: the sample lives in a database of its own, and
 * leaving it (or never leaving it) leaves nothing of it in the real one. */
static void
test_sample_apart (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) real = open_new ("real.db");
  g_autoptr(YsStore) empty = open_new ("empty.db");
  g_autoptr(YsWorkflow) ours = ys_store_add_workflow (real, "Board minutes", "", 2, &error);
  g_autoptr(YsTool) tool = ys_store_add_tool (real, "Mistral", &error);
  g_autoptr(YsRun) run = NULL;
  g_autoptr(YsStore) sample = NULL;
  g_autofree char *real_before = NULL;
  g_autofree char *empty_before = NULL;
  g_autofree char *real_after = NULL;
  g_autofree char *empty_after = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *runtime = NULL;
  YsRunFields fields = { .mode = YS_MODE_WITHOUT_AI, .started_at = 1795000000,
                         .duration_seconds = 3600, .used = YS_USED_YES, .note = (char *) "" };
  YsReview review = { .quarter = (char *) "2026-Q4", .coverage_percent = 20,
                      .working = (char *) "Our own words", .not_working = (char *) "",
                      .more_rework = (char *) "" };

  g_assert_no_error (error);
  fields.workflow_id = (char *) ys_workflow_get_id (ours);
  run = ys_store_add_run (real, &fields, &error);
  g_assert_no_error (error);
  g_assert_true (ys_store_save_review (real, &review, &error));
  real_before = dump_everything (ys_store_get_path (real));
  empty_before = dump_everything (ys_store_get_path (empty));

  sample = ys_demo_open_sample (&error);
  g_assert_no_error (error);
  g_assert_nonnull (sample);
  g_assert_true (ys_demo_is_sample (sample));
  g_assert_false (ys_demo_is_sample (real));
  folder = g_path_get_dirname (ys_store_get_path (sample));
  runtime = g_build_filename (tmp_dir, "runtime", NULL);
  parent = g_path_get_dirname (folder);
  g_assert_cmpstr (parent, ==, runtime);

  /* The whole sample team, with its review, tools and answers. */
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_workflows (sample)), ==, 3);
  g_assert_cmpint (sql_int (sample, "SELECT count(*) FROM tools"), ==, 3);
  g_assert_cmpint (sql_int (sample, "SELECT count(*) FROM feedback"), >=, 10);
  g_assert_cmpint (sql_int (sample, "SELECT count(*) FROM reviews WHERE coverage_percent = 60"),
                   ==, 1);

  /* A report of it can never pass for the team's own. */
  {
    g_autoptr(YsReport) report = NULL;
    g_autofree char *plain = NULL;
    YsReportOptions options = { .organisation = (char *) "Riverside Advice Centre",
                                .staff_cost_per_hour = -1 };
    GDate from, to;

    g_assert_true (ys_stats_parse_quarter ("2026-Q4", &from, &to, NULL));
    report = ys_report_build (sample, &from, &to, NULL, &options, NULL);
    g_assert_cmpstr (report->title, ==, "Sample report of a made-up team: not real figures");
    plain = ys_report_to_plain_text (report);
    g_assert_true (g_str_has_prefix (plain, "Sample report of a made-up team"));
    g_clear_pointer (&report, ys_report_free);
    report = ys_report_build (real, &from, &to, NULL, &options, NULL);
    g_assert_cmpstr (report->title, ==, "What AI changed at Riverside Advice Centre");
  }

  /* Looking at the sample wrote nothing anywhere else. */
  real_after = dump_everything (ys_store_get_path (real));
  g_assert_cmpstr (real_after, ==, real_before);
  g_clear_pointer (&real_after, g_free);

  /* Leaving it: the folder and everything in it are gone. */
  g_clear_object (&sample);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  real_after = dump_everything (ys_store_get_path (real));
  empty_after = dump_everything (ys_store_get_path (empty));
  g_assert_cmpstr (real_after, ==, real_before);
  g_assert_cmpstr (empty_after, ==, empty_before);
  g_assert_cmpint (sql_int (real, "SELECT count(*) FROM workflows"), ==, 1);
  g_assert_cmpint (sql_int (real, "SELECT count(*) FROM tools"), ==, 1);
  g_assert_cmpint (sql_int (real, "SELECT count(*) FROM runs"), ==, 1);
  g_assert_cmpint (sql_int (real, "SELECT count(*) FROM feedback"), ==, 0);
  g_assert_cmpint (sql_int (real, "SELECT count(*) FROM reviews WHERE coverage_percent = 60"),
                   ==, 0);
  g_assert_true (ys_store_is_empty (empty, &error));
  g_assert_no_error (error);

  /* A second sample is a new one, in a new folder. */
  sample = ys_demo_open_sample (&error);
  g_assert_no_error (error);
  g_assert_false (g_str_has_prefix (ys_store_get_path (sample), folder));
  g_clear_pointer (&folder, g_free);
  folder = g_path_get_dirname (ys_store_get_path (sample));
  g_clear_object (&sample);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *command = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("ys-demo-XXXXXX", NULL);
  /* Where the sample goes: read once by GLib, so set before anything asks. */
  {
    g_autofree char *runtime = g_build_filename (tmp_dir, "runtime", NULL);

    g_assert_cmpint (g_mkdir (runtime, 0700), ==, 0);
    g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);
  }

  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/believable", test_believable);
  g_test_add_func ("/demo/fair-test", test_fair_test);
  g_test_add_func ("/demo/refuses-data", test_refuses_data);
  g_test_add_func ("/demo/sample-apart", test_sample_apart);

  status = g_test_run ();
  command = g_strdup_printf ("rm -rf '%s'", tmp_dir);
  if (system (command) != 0)
    status = 1;
  g_free (tmp_dir);
  return status;
}
