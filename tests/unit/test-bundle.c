/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "ys-bundle-parser.h"
#include "ys-bundle-reader.h"
#include "ys-bundle.h"
#include "ys-demo.h"
#include "ys-error.h"
#include "ys-step.h"
#include "ys-store.h"
#include "ys-test-sql.h"
#include "ys-wording.h"

#define W1 "11111111-1111-4111-8111-111111111111"
#define T1 "22222222-2222-4222-8222-222222222222"
#define R1 "33333333-3333-4333-8333-333333333333"
#define R2 "44444444-4444-4444-8444-444444444444"
#define F1 "55555555-5555-4555-8555-555555555555"

/* A small, valid bundle that every refusal below breaks in one place. */
static const char *valid_bundle =
  "{\"format\": \"yardstick-bundle\", \"version\": 1, \"exported_at\": \"2026-11-22T10:00:00Z\",\n"
  " \"workflows\": [{\"id\": \"" W1 "\", \"name\": \"Policy brief draft\", \"description\": \"\","
  " \"people\": 4, \"archived\": false, \"updated_at\": \"2026-11-01T10:00:00Z\", \"deleted\": false,"
  " \"colour\": \"blue\"}],\n"
  " \"tools\": [{\"id\": \"" T1 "\", \"name\": \"ChatGPT\", \"updated_at\": \"2026-11-01T10:00:00Z\","
  " \"deleted\": false}],\n"
  " \"runs\": [{\"id\": \"" R1 "\", \"workflow\": \"" W1 "\", \"mode\": \"without-ai\", \"tool\": null,"
  " \"started_at\": \"2026-11-02T09:00:00Z\", \"duration_seconds\": 14400, \"corrections\": 2,"
  " \"used\": true, \"note\": \"\", \"updated_at\": \"2026-11-02T13:00:00Z\", \"deleted\": false},\n"
  "  {\"id\": \"" R2 "\", \"workflow\": \"" W1 "\", \"mode\": \"with-ai\", \"tool\": \"" T1 "\","
  " \"started_at\": \"2026-11-03T09:00:00+01:00\", \"duration_seconds\": 5400, \"corrections\": 0,"
  " \"used\": null, \"note\": \"quick\", \"updated_at\": \"2026-11-03T13:00:00.5Z\", \"deleted\": false}],\n"
  " \"feedback\": [{\"id\": \"" F1 "\", \"workflow\": \"" W1 "\", \"tool\": \"" T1 "\","
  " \"saves_time\": true, \"given_on\": \"2026-11-03\", \"comment\": \"\","
  " \"updated_at\": \"2026-11-03T13:00:00Z\", \"deleted\": false}],\n"
  " \"future_extension\": {\"anything\": [1, 2, 3]}}\n";

static char *tmp_dir;
static guint n_stores;

static YsStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("store-%u.db", n_stores++);
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  YsStore *store = ys_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static char *
replace_once (const char *text,
              const char *old,
              const char *new)
{
  const char *at = strstr (text, old);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new, at + strlen (old));
}

/* Every stored row, tombstones and positions included. */
static char *
dump (YsStore  *store,
      gboolean  with_position)
{
  const char *queries[] = {
    with_position
      ? "SELECT id, name, description, people, archived, position, updated_at, deleted FROM workflows ORDER BY id"
      : "SELECT id, name, description, people, archived, updated_at, deleted FROM workflows ORDER BY id",
    "SELECT id, name, updated_at, deleted FROM tools ORDER BY id",
    "SELECT id, workflow_id, mode, tool_id, started_at, started_on, duration_seconds, corrections,"
    " used, note, updated_at, deleted FROM " YS_TEST_RUNS " ORDER BY id",
    "SELECT id, workflow_id, tool_id, saves_time, given_on, comment, updated_at, deleted FROM feedback ORDER BY id",
  };
  GString *out = g_string_new (NULL);
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open_v2 (ys_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL),
                   ==, SQLITE_OK);
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

static gboolean
import_text (YsStore         *store,
             const char      *text,
             YsImportResult  *result,
             GError         **error)
{
  return ys_bundle_import_data (store, "team.json", text, strlen (text), result, error);
}

static char *
export_text (YsStore       *store,
             YsBundleScope  scope)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autofree char *text = NULL;
  GString *kept = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_true (ys_bundle_export (store, scope, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_output_stream_close (out, NULL, NULL);
  text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));

  /* exported_at is the only line that differs between two exports. */
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (strstr (lines[i], "\"exported_at\"") == NULL)
      g_string_append_printf (kept, "%s\n", lines[i]);
  return g_string_free (kept, FALSE);
}

static char *
sql_rows (YsStore    *store,
          const char *sql)
{
  return ys_test_sql_rows (ys_store_get_path (store), sql, NULL);
}

static gboolean
add_many_runs (YsStore  *store,
               gpointer  user_data,
               GError  **error)
{
  g_autoptr(YsWorkflow) workflow = g_list_model_get_item (ys_store_get_workflows (store), 1);
  g_autoptr(YsTool) tool = g_list_model_get_item (ys_store_get_tools (store), 2);

  for (int i = 0; i < GPOINTER_TO_INT (user_data); i++)
    {
      YsRunFields fields = {
        .workflow_id = (char *) ys_workflow_get_id (workflow), .mode = i % 2,
        .tool_id = i % 2 ? (char *) ys_tool_get_id (tool) : NULL,
        .started_at = 1760000000 + i * 5400, .duration_seconds = 300 + (i * 53) % 9000,
        .corrections = i % 4, .used = i % 3, .note = (char *) "", .assignment = i / 2 % 3,
      };
      g_autoptr(YsRun) run = ys_store_add_run (store, &fields, error);

      if (run == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
count_bulk_steps (const char *step,
                  gpointer    user_data)
{
  guint *bulk = user_data;

  if (g_str_equal (step, "bulk"))
    (*bulk)++;
}

/* A bundle of thousands of runs takes the bulk path (indexes and totals
 * built once afterwards); it must leave exactly what run-by-run merging
 * leaves: the same rows, the same schema, totals equal to a recount. */
static void
test_bulk_merge (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) source = new_store ();
  g_autoptr(YsStore) target = new_store ();
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  const char *schema_sql = "SELECT type, name, sql FROM sqlite_schema ORDER BY name";
  const char *daily_recount =
    "SELECT workflow_id, mode, coalesce (tool_id, ''), started_on, count(*), sum (corrections),"
    " sum (corrections >= 1), sum (used IS 1), sum (used IS 0), sum (assignment = 1),"
    " sum (assignment = 2) FROM " YS_TEST_RUNS " WHERE deleted = 0"
    " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4";
  const char *daily_kept =
    "SELECT workflow_id, mode, tool_key, day, runs, corrections, corrected, used_yes, used_no,"
    " drawn, overridden FROM " YS_TEST_DAILY " WHERE runs > 0 ORDER BY 1, 2, 3, 4";
  const char *mode_durations_recount =
    "SELECT workflow_id, mode, duration_seconds, assignment = 1, count(*) FROM " YS_TEST_RUNS
    " WHERE deleted = 0 GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4";
  const char *mode_durations_kept =
    "SELECT workflow_id, mode, duration_seconds, drawn, runs FROM " YS_TEST_MODE_DURATIONS
    " WHERE runs > 0"
    " ORDER BY 1, 2, 3, 4";
  const char *durations_recount =
    "SELECT workflow_id, mode, coalesce (tool_id, ''), duration_seconds, count(*) FROM "
    YS_TEST_RUNS
    " WHERE deleted = 0 GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4";
  const char *durations_kept =
    "SELECT workflow_id, mode, tool_key, duration_seconds, runs FROM " YS_TEST_DURATIONS
    " WHERE runs > 0"
    " ORDER BY 1, 2, 3, 4";
  g_autofree char *schema_before = NULL;
  g_autofree char *schema_after = NULL;
  g_autofree char *source_rows = NULL;
  g_autofree char *target_rows = NULL;
  YsImportResult result;
  guint bulk = 0;
  gsize length;
  char *text;

  ys_step_set_func (count_bulk_steps, &bulk);
  /* The sample team's hundred-odd runs merge one by one. */
  g_assert_true (ys_demo_fill (source, &error));
  g_assert_cmpuint (bulk, ==, 0);
  g_assert_true (ys_store_run_in_transaction (source, add_many_runs, GINT_TO_POINTER (6000), &error));
  g_assert_no_error (error);
  g_assert_true (ys_bundle_export (source, YS_BUNDLE_EVERYTHING, out, NULL, &error));
  g_output_stream_close (out, NULL, NULL);
  length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
  text = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out));

  /* The target already holds the sample team, so the merge meets rows it
   * has as well as new ones. */
  g_assert_true (ys_demo_fill (target, &error));
  schema_before = sql_rows (target, schema_sql);
  g_assert_cmpuint (bulk, ==, 0);
  g_assert_true (ys_bundle_import_data (target, "big.json", text, length, &result, &error));
  g_assert_no_error (error);
  ys_step_set_func (NULL, NULL);
  /* This one took the bulk path. */
  g_assert_cmpuint (bulk, ==, 1);
  g_assert_cmpuint (result.runs.added, ==, 6000);

  schema_after = sql_rows (target, schema_sql);
  g_assert_true (g_strcmp0 (schema_before, schema_after) == 0);
  source_rows = dump (source, FALSE);
  target_rows = dump (target, FALSE);
  g_assert_true (g_strcmp0 (source_rows, target_rows) == 0);
  {
    g_autofree char *recount = sql_rows (target, daily_recount);
    g_autofree char *kept = sql_rows (target, daily_kept);
    g_assert_true (g_strcmp0 (recount, kept) == 0);
  }
  {
    g_autofree char *recount = sql_rows (target, durations_recount);
    g_autofree char *kept = sql_rows (target, durations_kept);
    g_assert_true (g_strcmp0 (recount, kept) == 0);
  }
  {
    g_autofree char *recount = sql_rows (target, mode_durations_recount);
    g_autofree char *kept = sql_rows (target, mode_durations_kept);
    g_assert_true (g_strcmp0 (recount, kept) == 0);
  }
  /* The window's figures read the totals: they agree with the source's. */
  {
    g_autoptr(YsWorkflow) in_target = g_list_model_get_item (ys_store_get_workflows (target), 1);
    g_autoptr(YsWorkflow) in_source = g_list_model_get_item (ys_store_get_workflows (source), 1);

    g_assert_cmpuint (ys_store_count_runs (target, ys_workflow_get_id (in_target), YS_MODE_WITH_AI, NULL), ==,
                      ys_store_count_runs (source, ys_workflow_get_id (in_source), YS_MODE_WITH_AI, NULL));
  }

  /* And the triggers are back: a run logged afterwards is counted. */
  {
    g_autoptr(YsWorkflow) workflow = g_list_model_get_item (ys_store_get_workflows (target), 0);
    YsRunFields fields = {
      .workflow_id = (char *) ys_workflow_get_id (workflow), .mode = YS_MODE_WITHOUT_AI,
      .started_at = 1763800000, .duration_seconds = 777, .corrections = 0,
      .used = YS_USED_UNKNOWN, .note = (char *) "",
    };
    guint before = ys_store_count_runs (target, ys_workflow_get_id (workflow), YS_MODE_WITHOUT_AI, NULL);
    g_autoptr(YsRun) run = ys_store_add_run (target, &fields, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ys_store_count_runs (target, ys_workflow_get_id (workflow), YS_MODE_WITHOUT_AI, NULL),
                      ==, before + 1);
  }
}

/* Merging ------------------------------------------------------------------ */

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) demo = new_store ();
  g_autoptr(YsStore) copy = new_store ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *dump_demo = NULL;
  g_autofree char *dump_copy = NULL;
  YsImportResult result;
  gint64 n_runs;

  g_assert_true (ys_demo_fill (demo, &error));
  /* A tombstone must survive the trip too. */
  {
    g_autoptr(GListModel) workflows = NULL;
    g_autoptr(YsWorkflow) workflow = g_list_model_get_item (ys_store_get_workflows (demo), 0);
    g_autoptr(GListModel) runs = ys_store_list_runs (demo, ys_workflow_get_id (workflow));
    g_autoptr(YsRun) run = g_list_model_get_item (runs, 0);

    g_assert_true (ys_store_delete_run (demo, ys_run_get_id (run), &error));
  }

  first = export_text (demo, YS_BUNDLE_EVERYTHING);
  g_assert_true (import_text (copy, first, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.workflows.added, ==, 3);
  g_assert_cmpuint (result.tools.added, ==, 3);
  /* Every run the sample team has, the deleted one too, counted in its
   * database and in the file by a JSON parser, is new here. */
  n_runs = ys_test_sql_int (ys_store_get_path (demo), "SELECT count(*) FROM runs");
  g_assert_cmpint (ys_test_sql_int (ys_store_get_path (demo),
                                    "SELECT count(*) FROM runs WHERE deleted = 1"), ==, 1);
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *root;

    g_assert_true (json_parser_load_from_data (parser, first, -1, &error));
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpint (json_array_get_length (json_object_get_array_member (root, "runs")), ==, n_runs);
  }
  g_assert_cmpuint (result.runs.added, ==, n_runs);
  g_assert_cmpuint (result.runs.updated + result.runs.unchanged, ==, 0);

  second = export_text (copy, YS_BUNDLE_EVERYTHING);
  g_assert_cmpstr (first, ==, second);
  dump_demo = dump (demo, TRUE);
  dump_copy = dump (copy, TRUE);
  g_assert_cmpstr (dump_demo, ==, dump_copy);
}

static void
test_idempotent (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = new_store ();
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  YsImportResult result;

  g_assert_true (import_text (store, valid_bundle, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.runs.added, ==, 2);
  g_assert_cmpuint (result.feedback.added, ==, 1);
  once = dump (store, TRUE);

  g_assert_true (import_text (store, valid_bundle, &result, &error));
  g_assert_cmpuint (result.runs.unchanged, ==, 2);
  g_assert_cmpuint (result.runs.added + result.runs.updated, ==, 0);
  g_assert_cmpuint (result.workflows.unchanged, ==, 1);
  twice = dump (store, TRUE);
  g_assert_cmpstr (once, ==, twice);

  /* What was read is what is stored: used null, a +01:00 start. */
  {
    g_autoptr(YsRun) run = ys_store_get_run (store, R2, NULL);
    g_assert_nonnull (run);
    g_assert_cmpint (ys_run_get_fields (run)->used, ==, YS_USED_UNKNOWN);
    g_assert_cmpint (ys_run_get_fields (run)->started_at, ==, 1793692800); /* 2026-11-03T08:00:00Z */
    g_assert_cmpstr (ys_run_get_tool_name (run), ==, "ChatGPT");
  }
}

/* A later edit of B: renamed workflow, a run deleted, a run added. */
static char *
edited_bundle (void)
{
  g_autofree char *a = replace_once (valid_bundle, "\"name\": \"Policy brief draft\", \"description\": \"\","
                                     " \"people\": 4, \"archived\": false, \"updated_at\": \"2026-11-01T10:00:00Z\"",
                                     "\"name\": \"Policy brief\", \"description\": \"Two pages\","
                                     " \"people\": 5, \"archived\": false, \"updated_at\": \"2026-11-05T10:00:00Z\"");
  g_autofree char *b = replace_once (a, "\"used\": true, \"note\": \"\", \"updated_at\": \"2026-11-02T13:00:00Z\", \"deleted\": false",
                                     "\"used\": true, \"note\": \"\", \"updated_at\": \"2026-11-06T13:00:00Z\", \"deleted\": true");
  return replace_once (b, "\"feedback\": [",
                       "\"feedback\": [{\"id\": \"66666666-6666-4666-8666-666666666666\", \"workflow\": \"" W1 "\","
                       " \"tool\": \"" T1 "\", \"saves_time\": false, \"given_on\": \"2026-11-06\", \"comment\": \"slower\","
                       " \"updated_at\": \"2026-11-06T13:00:00Z\", \"deleted\": false},");
}

static void
test_order_independent_and_newest_wins (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) ab = new_store ();
  g_autoptr(YsStore) ba = new_store ();
  g_autofree char *edited = edited_bundle ();
  g_autofree char *dump_ab = NULL;
  g_autofree char *dump_ba = NULL;
  YsImportResult result;

  g_assert_true (import_text (ab, valid_bundle, NULL, &error));
  g_assert_true (import_text (ab, edited, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.workflows.updated, ==, 1);
  g_assert_cmpuint (result.runs.updated, ==, 1);
  g_assert_cmpuint (result.runs.unchanged, ==, 1);
  g_assert_cmpuint (result.feedback.added, ==, 1);

  g_assert_true (import_text (ba, edited, NULL, &error));
  /* The older bundle afterwards changes nothing. */
  g_assert_true (import_text (ba, valid_bundle, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.workflows.unchanged, ==, 1);
  g_assert_cmpuint (result.runs.unchanged, ==, 2);
  g_assert_cmpuint (result.workflows.updated + result.runs.updated, ==, 0);

  dump_ab = dump (ab, TRUE);
  dump_ba = dump (ba, TRUE);
  g_assert_cmpstr (dump_ab, ==, dump_ba);

  {
    g_autoptr(YsWorkflow) workflow = ys_store_get_workflow (ba, W1);
    g_autoptr(YsRun) deleted = ys_store_get_run (ba, R1, NULL);

    g_assert_cmpstr (ys_workflow_get_name (workflow), ==, "Policy brief");
    g_assert_cmpint (ys_workflow_get_people (workflow), ==, 5);
    g_assert_null (deleted);
  }
}

static void
test_tombstones_travel (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) laptop = new_store ();
  g_autoptr(YsStore) office = new_store ();
  g_autofree char *bundle = NULL;
  g_autoptr(YsRun) gone = NULL;

  g_assert_true (import_text (laptop, valid_bundle, NULL, &error));
  g_assert_true (import_text (office, valid_bundle, NULL, &error));
  g_assert_true (ys_store_delete_run (laptop, R2, &error));
  g_assert_true (ys_store_delete_tool (laptop, T1, &error));

  bundle = export_text (laptop, YS_BUNDLE_EVERYTHING);
  g_assert_nonnull (strstr (bundle, "\"deleted\":true"));
  g_assert_true (import_text (office, bundle, NULL, &error));
  g_assert_no_error (error);

  gone = ys_store_get_run (office, R2, NULL);
  g_assert_null (gone);
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_tools (office)), ==, 0);
  /* And it travels on from there. */
  g_clear_pointer (&bundle, g_free);
  bundle = export_text (office, YS_BUNDLE_EVERYTHING);
  g_assert_nonnull (strstr (bundle, "{\"id\":\"" R2 "\""));
}

/* 2026-11-01T10:00:00Z, the updated_at of valid_bundle's workflow, in
 * microseconds, and a day. */
#define W1_UPDATED (G_GINT64_CONSTANT (1793527200) * G_USEC_PER_SEC)
#define DAY (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)

/* Adds @names a day apart from @first (microseconds), by a fixed clock. */
static void
add_workflows_at (YsStore    *store,
                  gint64      first,
                  const char *names[],
                  guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsClock) clock = ys_clock_new_fixed (first);

  ys_store_set_clock (store, clock);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YsWorkflow) workflow = NULL;

      ys_clock_set_now (clock, first + i * DAY);
      workflow = ys_store_add_workflow (store, names[i], "", 1, &error);
      g_assert_no_error (error);
    }
}

static gboolean
is_archived (YsStore    *store,
             const char *name)
{
  GListModel *workflows = ys_store_get_workflows (store);

  for (guint i = 0; i < g_list_model_get_n_items (workflows); i++)
    {
      g_autoptr(YsWorkflow) workflow = g_list_model_get_item (workflows, i);

      if (g_str_equal (ys_workflow_get_name (workflow), name))
        return ys_workflow_get_archived (workflow);
    }
  g_assert_not_reached ();
}

/* Three active at most: the three with the earliest updated_at stay
 * active, wherever they came from; a workflow made later arrives archived. */
static void
test_archived_on_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = new_store ();
  g_autoptr(YsStore) earlier = new_store ();
  const char *names[] = { "A", "B", "C" };
  YsImportResult result;
  g_autofree char *description = NULL;

  /* A, B and C were made after the bundle's workflow: C, the newest, goes. */
  add_workflows_at (store, W1_UPDATED + DAY, names, 3);
  g_assert_true (import_text (store, valid_bundle, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.archived_on_import, ==, 1);
  g_assert_cmpuint (ys_store_count_active_workflows (store, NULL), ==, 3);
  g_assert_false (is_archived (store, "Policy brief draft"));
  g_assert_false (is_archived (store, "A"));
  g_assert_false (is_archived (store, "B"));
  g_assert_true (is_archived (store, "C"));
  description = ys_import_result_describe (&result, "anna.json");
  g_assert_cmpstr (description, ==, "Imported 2 runs from anna.json: 2 new, 0 updated. "
                                    "1 workflow was archived to keep three active");

  /* Importing it again does not count it twice. */
  g_assert_true (import_text (store, valid_bundle, &result, &error));
  g_assert_cmpuint (result.archived_on_import, ==, 0);
  g_assert_cmpuint (result.workflows.unchanged, ==, 1);

  /* Made before the bundle's workflow, A, B and C stay; it arrives archived. */
  add_workflows_at (earlier, W1_UPDATED - 3 * DAY, names, 3);
  g_assert_true (import_text (earlier, valid_bundle, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.archived_on_import, ==, 1);
  g_assert_true (is_archived (earlier, "Policy brief draft"));
  g_assert_cmpuint (ys_store_count_active_workflows (earlier, NULL), ==, 3);
}

/* A workflow record of valid_bundle's shape. */
static char *
workflow_bundle (const char *id,
                 const char *name,
                 const char *updated_at)
{
  return g_strdup_printf ("{\"format\": \"yardstick-bundle\", \"version\": 1,"
                          " \"workflows\": [{\"id\": \"%s\", \"name\": \"%s\", \"description\": \"\","
                          " \"people\": 1, \"archived\": false, \"updated_at\": \"%s\","
                          " \"deleted\": false}]}", id, name, updated_at);
}

/* Two computers share two workflows and each activates a different third:
 * whichever order their bundles meet in, both end with the same records,
 * the later third archived on both. */
static void
test_active_limit_converges (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) laptop = new_store ();
  g_autoptr(YsStore) office = new_store ();
  g_autofree char *shared_a = workflow_bundle ("aaaaaaaa-0000-4000-8000-000000000001", "A",
                                               "2026-10-01T09:00:00Z");
  g_autofree char *shared_b = workflow_bundle ("aaaaaaaa-0000-4000-8000-000000000002", "B",
                                               "2026-10-02T09:00:00Z");
  g_autofree char *shared_c = workflow_bundle ("aaaaaaaa-0000-4000-8000-000000000003", "C",
                                               "2026-10-03T09:00:00Z");
  g_autofree char *laptop_d = workflow_bundle ("dddddddd-0000-4000-8000-000000000004", "D",
                                               "2026-11-04T09:00:00Z");
  g_autofree char *office_e = workflow_bundle ("eeeeeeee-0000-4000-8000-000000000005", "E",
                                               "2026-11-03T09:00:00Z");
  g_autofree char *from_laptop = NULL;
  g_autofree char *from_office = NULL;
  g_autofree char *laptop_after = NULL;
  g_autofree char *office_after = NULL;
  YsImportResult result;

  /* Both have A and B active and C archived; then each brings back its own. */
  for (guint i = 0; i < 2; i++)
    {
      YsStore *store = i == 0 ? laptop : office;
      g_autofree char *archived_c = replace_once (shared_c, "\"archived\": false",
                                                  "\"archived\": true");

      g_assert_true (import_text (store, shared_a, NULL, &error));
      g_assert_true (import_text (store, shared_b, NULL, &error));
      g_assert_true (import_text (store, archived_c, NULL, &error));
      g_assert_true (import_text (store, i == 0 ? laptop_d : office_e, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (ys_store_count_active_workflows (store, NULL), ==, 3);
    }

  from_laptop = export_text (laptop, YS_BUNDLE_EVERYTHING);
  from_office = export_text (office, YS_BUNDLE_EVERYTHING);

  /* The laptop hears from the office, and the office from the laptop. */
  g_assert_true (import_text (laptop, from_office, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.archived_on_import, ==, 1);
  g_assert_true (import_text (office, from_laptop, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.archived_on_import, ==, 1);

  /* E (older) stays active on both; D is archived on both. */
  g_assert_false (is_archived (laptop, "E"));
  g_assert_true (is_archived (laptop, "D"));
  g_assert_false (is_archived (office, "E"));
  g_assert_true (is_archived (office, "D"));

  laptop_after = export_text (laptop, YS_BUNDLE_EVERYTHING);
  office_after = export_text (office, YS_BUNDLE_EVERYTHING);
  g_assert_cmpstr (laptop_after, ==, office_after);

  /* And another round changes nothing anywhere. */
  g_assert_true (import_text (laptop, office_after, &result, &error));
  g_assert_cmpuint (result.workflows.updated + result.workflows.added, ==, 0);
  g_assert_cmpuint (result.archived_on_import, ==, 0);
}

/* The same updated_at with different content: a tombstone wins, otherwise
 * the record whose compact text sorts later, in either order. */
static void
test_ties (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *renamed = replace_once (valid_bundle, "\"name\": \"Policy brief draft\"",
                                           "\"name\": \"Zebra brief\"");
  g_autofree char *deleted_run = replace_once (valid_bundle,
                                               "\"used\": true, \"note\": \"\", \"updated_at\": \"2026-11-02T13:00:00Z\", \"deleted\": false",
                                               "\"used\": true, \"note\": \"\", \"updated_at\": \"2026-11-02T13:00:00Z\", \"deleted\": true");
  const char *orders[2][2] = { { valid_bundle, renamed }, { renamed, valid_bundle } };
  const char *tomb_orders[2][2] = { { valid_bundle, deleted_run }, { deleted_run, valid_bundle } };

  for (guint o = 0; o < 2; o++)
    {
      g_autoptr(YsStore) store = new_store ();
      g_autoptr(YsStore) tombs = new_store ();
      g_autoptr(YsWorkflow) workflow = NULL;
      g_autoptr(YsRun) run = NULL;

      g_assert_true (import_text (store, orders[o][0], NULL, &error));
      g_assert_true (import_text (store, orders[o][1], NULL, &error));
      g_assert_no_error (error);
      /* {"id":"…","name":"Zebra brief" sorts after …"name":"Policy brief draft". */
      workflow = ys_store_get_workflow (store, W1);
      g_assert_cmpstr (ys_workflow_get_name (workflow), ==, "Zebra brief");

      g_assert_true (import_text (tombs, tomb_orders[o][0], NULL, &error));
      g_assert_true (import_text (tombs, tomb_orders[o][1], NULL, &error));
      g_assert_no_error (error);
      run = ys_store_get_run (tombs, R1, NULL);
      g_assert_null (run);
    }
}

/* valid_bundle with a review, its run R2's note, answer F1's comment and
 * the review's first text as given, every updated_at unchanged. */
static char *
tie_bundle (const char *note,
            const char *comment,
            const char *working)
{
  g_autofree char *with_review = replace_once (valid_bundle, " \"future_extension\"",
    " \"reviews\": [{\"id\": \"77777777-7777-4777-8777-777777777777\", \"quarter\": \"2026-Q3\","
    " \"coverage_percent\": 60, \"working\": \"WORKING\", \"not_working\": \"\","
    " \"more_rework\": \"\", \"updated_at\": \"2026-11-03T13:00:00Z\", \"deleted\": false}],\n"
    " \"future_extension\"");
  g_autofree char *a = replace_once (with_review, "\"note\": \"quick\"", note);
  g_autofree char *b = replace_once (a, "\"saves_time\": true, \"given_on\": \"2026-11-03\","
                                     " \"comment\": \"\"", comment);

  return replace_once (b, "\"working\": \"WORKING\"", working);
}

/* A tie (same updated_at, different content) in a run, an answer and a
 * review, met in either order. FORMAT.md: the record whose compact JSON
 * text sorts later byte by byte wins. Worked by hand: the texts first
 * differ inside the changed string, where "quick, checked" has ',' (0x2c)
 * against the closing '"' (0x22) of "quick"; "fine" has 'f' (0x66)
 * against the '"' of ""; "Briefs" has 'B' (0x42) against 'A' (0x41) of
 * "After". So the first bundle below wins all three, in both orders, and
 * the import that brings it counts each as updated. */
static void
test_ties_every_kind (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wins = tie_bundle ("\"note\": \"quick, checked\"",
                                      "\"saves_time\": true, \"given_on\": \"2026-11-03\","
                                      " \"comment\": \"fine\"",
                                      "\"working\": \"Briefs\"");
  g_autofree char *loses = tie_bundle ("\"note\": \"quick\"",
                                       "\"saves_time\": true, \"given_on\": \"2026-11-03\","
                                       " \"comment\": \"\"",
                                       "\"working\": \"After\"");
  g_autofree char *first_dump = NULL;

  for (guint o = 0; o < 2; o++)
    {
      g_autoptr(YsStore) store = new_store ();
      g_autoptr(YsRun) run = NULL;
      g_autoptr(GListModel) answers = NULL;
      g_autoptr(YsFeedback) answer = NULL;
      g_autofree char *dumped = NULL;
      YsImportResult result;
      YsReview review;

      g_assert_true (import_text (store, o == 0 ? loses : wins, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (import_text (store, o == 0 ? wins : loses, &result, &error));
      g_assert_no_error (error);

      if (o == 0)
        {
          /* The winner came second: it replaced all three. */
          g_assert_cmpuint (result.runs.updated, ==, 1);
          g_assert_cmpuint (result.runs.unchanged, ==, 1);
          g_assert_cmpuint (result.feedback.updated, ==, 1);
          g_assert_cmpuint (result.reviews.updated, ==, 1);
        }
      else
        {
          g_assert_cmpuint (result.runs.updated, ==, 0);
          g_assert_cmpuint (result.runs.unchanged, ==, 2);
          g_assert_cmpuint (result.feedback.updated, ==, 0);
          g_assert_cmpuint (result.feedback.unchanged, ==, 1);
          g_assert_cmpuint (result.reviews.updated, ==, 0);
          g_assert_cmpuint (result.reviews.unchanged, ==, 1);
        }
      g_assert_cmpuint (result.runs.added + result.feedback.added + result.reviews.added, ==, 0);
      g_assert_cmpuint (result.workflows.unchanged + result.tools.unchanged, ==, 2);

      run = ys_store_get_run (store, R2, NULL);
      g_assert_cmpstr (ys_run_get_fields (run)->note, ==, "quick, checked");
      answers = ys_store_list_feedback (store, W1);
      g_assert_cmpuint (g_list_model_get_n_items (answers), ==, 1);
      answer = g_list_model_get_item (answers, 0);
      g_assert_cmpstr (ys_feedback_get_comment (answer), ==, "fine");
      g_assert_true (ys_store_get_review (store, "2026-Q3", &review, NULL));
      g_assert_cmpstr (review.working, ==, "Briefs");
      ys_review_clear (&review);

      dumped = export_text (store, YS_BUNDLE_EVERYTHING);
      if (first_dump == NULL)
        first_dump = g_steal_pointer (&dumped);
      else
        g_assert_cmpstr (dumped, ==, first_dump);
    }
}

/* Bundles from three computers, imported in each of the six orders, leave
 * byte-identical exports. */
static void
test_every_order_same_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *edited = edited_bundle ();
  g_autofree char *renamed = replace_once (valid_bundle, "\"name\": \"ChatGPT\"",
                                           "\"name\": \"Claude\"");
  const char *bundles[3] = { valid_bundle, edited, renamed };
  const int orders[6][3] = { { 0, 1, 2 }, { 0, 2, 1 }, { 1, 0, 2 },
                             { 1, 2, 0 }, { 2, 0, 1 }, { 2, 1, 0 } };
  g_autofree char *first = NULL;

  for (guint o = 0; o < G_N_ELEMENTS (orders); o++)
    {
      g_autoptr(YsStore) store = new_store ();
      g_autofree char *exported = NULL;

      for (guint i = 0; i < 3; i++)
        {
          g_assert_true (import_text (store, bundles[orders[o][i]], NULL, &error));
          g_assert_no_error (error);
        }
      exported = export_text (store, YS_BUNDLE_EVERYTHING);
      if (first == NULL)
        first = g_steal_pointer (&exported);
      else
        g_assert_cmpstr (exported, ==, first);
    }
  /* The tool's rename ties with the original: "Cl" sorts after "Ch". */
  g_assert_nonnull (strstr (first, "\"name\":\"Claude\""));
}

static void
test_templates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) source = new_store ();
  g_autoptr(YsStore) colleague = new_store ();
  g_autofree char *template = NULL;
  YsImportResult result;

  g_assert_true (import_text (source, valid_bundle, NULL, &error));
  template = export_text (source, YS_BUNDLE_WORKFLOWS);
  g_assert_null (strstr (template, R1));
  g_assert_nonnull (strstr (template, "\"runs\": []"));

  g_assert_true (import_text (colleague, template, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.workflows.added, ==, 1);
  g_assert_cmpuint (result.tools.added, ==, 1);
  g_assert_cmpuint (result.runs.added, ==, 0);
  /* Same ids on both laptops: later run bundles merge onto them. */
  g_assert_true (import_text (colleague, valid_bundle, &result, &error));
  g_assert_cmpuint (result.workflows.unchanged, ==, 1);
  g_assert_cmpuint (result.runs.added, ==, 2);
}

static void check_refusal (const char *text, const char *expected);

static void
check_refusal_text (const char *text,
                    const char *expected)
{
  check_refusal (text, expected);
}

/* Found by the fuzzer: year 26 was written as "26-…", which no reader takes. */
static void
test_early_years_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = new_store ();
  g_autofree char *early = replace_once (valid_bundle, "\"updated_at\": \"2026-11-01T10:00:00Z\", \"deleted\": false}],\n \"runs\"",
                                         "\"updated_at\": \"0026-11-01T10:00:00Z\", \"deleted\": false}],\n \"runs\"");
  g_autofree char *exported = NULL;
  YsImportResult result;

  g_assert_true (import_text (store, early, NULL, &error));
  g_assert_no_error (error);
  exported = export_text (store, YS_BUNDLE_EVERYTHING);
  g_assert_nonnull (strstr (exported, "\"updated_at\":\"0026-11-01T10:00:00Z\""));
  g_assert_true (import_text (store, exported, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.tools.unchanged, ==, 1);
}

static void
test_reviews_travel (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) here = new_store ();
  g_autoptr(YsStore) there = new_store ();
  g_autofree char *bundle = NULL;
  g_autofree char *older = NULL;
  YsReview review = { .quarter = (char *) "2026-Q3", .coverage_percent = 45,
                      .working = (char *) "Intake notes \"in one go\".\nSecond line.",
                      .not_working = (char *) "Grant sections", .more_rework = (char *) "" };
  YsReview copy;
  YsImportResult result;

  g_assert_true (ys_store_save_review (here, &review, &error));
  bundle = export_text (here, YS_BUNDLE_EVERYTHING);
  g_assert_nonnull (strstr (bundle, "\"reviews\": ["));
  g_assert_true (import_text (there, bundle, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.reviews.added, ==, 1);

  ys_store_get_review (there, "2026-Q3", &copy, NULL);
  g_assert_cmpint (copy.coverage_percent, ==, 45);
  g_assert_cmpstr (copy.working, ==, review.working);
  g_assert_cmpstr (copy.not_working, ==, "Grant sections");
  ys_review_clear (&copy);

  /* A newer edit there wins over the older bundle from here. */
  review.coverage_percent = 70;
  g_assert_true (ys_store_save_review (there, &review, &error));
  g_assert_true (import_text (there, bundle, &result, &error));
  g_assert_cmpuint (result.reviews.unchanged, ==, 1);
  ys_store_get_review (there, "2026-Q3", &copy, NULL);
  g_assert_cmpint (copy.coverage_percent, ==, 70);
  ys_review_clear (&copy);

  older = replace_once (bundle, "\"coverage_percent\":45", "\"coverage_percent\":101");
  check_refusal_text (older, "team.json: reviews[0].coverage_percent: must be between 0 and 100");
  g_free (older);
  older = replace_once (bundle, "\"quarter\":\"2026-Q3\"", "\"quarter\":\"Q3 2026\"");
  check_refusal_text (older, "team.json: reviews[0].quarter: must be a quarter such as 2026-Q3, not “Q3 2026”");
}

/* The fields added since the first bundles: read, stored, written back
 * exactly, in the writer's order. */
static void
test_new_fields_travel (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = new_store ();
  g_autoptr(YsStore) again = new_store ();
  g_autofree char *a = replace_once (valid_bundle, "\"note\": \"quick\",",
                                     "\"note\": \"quick\", \"assignment\": \"drawn\","
                                     " \"source\": \"tracker\",");
  g_autofree char *b = replace_once (a, "\"name\": \"ChatGPT\",",
                                     "\"name\": \"ChatGPT\", \"monthly_cost\": 49.9,");
  g_autofree char *exported = NULL;
  g_autofree char *exported_again = NULL;

  g_assert_true (import_text (store, b, NULL, &error));
  g_assert_no_error (error);
  exported = export_text (store, YS_BUNDLE_EVERYTHING);

  /* A tool's cost as hundredths, printed back the shortest way. */
  g_assert_nonnull (strstr (exported, "{\"id\":\"" T1 "\",\"name\":\"ChatGPT\",\"monthly_cost\":49.9,"
                                      "\"updated_at\":\"2026-11-01T10:00:00Z\",\"deleted\":false}"));
  g_assert_cmpint (ys_test_sql_int (ys_store_get_path (store),
                                    "SELECT monthly_cost FROM tools"), ==, 4990);
  /* The start in the offset it was written with; assignment and source
   * after the note; the run without a source has none, and is "chosen". */
  g_assert_nonnull (strstr (exported, "\"started_at\":\"2026-11-03T09:00:00+01:00\""));
  g_assert_nonnull (strstr (exported, "\"note\":\"quick\",\"assignment\":\"drawn\","
                                      "\"source\":\"tracker\",\"updated_at\":"));
  g_assert_nonnull (strstr (exported, "\"note\":\"\",\"assignment\":\"chosen\",\"updated_at\":"));
  g_assert_cmpint (ys_test_sql_int (ys_store_get_path (store),
                                    "SELECT count(*) FROM runs WHERE source = 'tracker'"
                                    " AND assignment = 1 AND started_offset = 3600"), ==, 1);
  /* A tool with no cost says null. */
  g_assert_true (import_text (again, valid_bundle, NULL, &error));
  g_clear_pointer (&exported_again, g_free);
  exported_again = export_text (again, YS_BUNDLE_EVERYTHING);
  g_assert_nonnull (strstr (exported_again, "\"name\":\"ChatGPT\",\"monthly_cost\":null,"));

  /* What was written reads back the same. */
  g_clear_object (&again);
  again = new_store ();
  g_assert_true (import_text (again, exported, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&exported_again, g_free);
  exported_again = export_text (again, YS_BUNDLE_EVERYTHING);
  g_assert_cmpstr (exported_again, ==, exported);
}

/* An output stream that, when the export first writes, has another
 * connection (another window, the command line) write to the database. */
#define TEST_TYPE_WRITER_STREAM (test_writer_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestWriterStream, test_writer_stream, TEST, WRITER_STREAM, GOutputStream)

struct _TestWriterStream
{
  GOutputStream parent_instance;
  YsStore *other;
  GString *written;
  gboolean wrote_meanwhile;
  gint64 waited_usec;
};

G_DEFINE_FINAL_TYPE (TestWriterStream, test_writer_stream, G_TYPE_OUTPUT_STREAM)

static gssize
test_writer_stream_write (GOutputStream  *stream,
                          const void     *buffer,
                          gsize           count,
                          GCancellable   *cancellable,
                          GError        **error)
{
  TestWriterStream *self = TEST_WRITER_STREAM (stream);

  if (self->written->len == 0)
    {
      g_autoptr(GError) write_error = NULL;
      g_autoptr(YsWorkflow) added = NULL;
      gint64 start = g_get_monotonic_time ();

      added = ys_store_add_workflow (self->other, "Written meanwhile", "", 1, &write_error);
      self->waited_usec = g_get_monotonic_time () - start;
      g_assert_no_error (write_error);
      self->wrote_meanwhile = added != NULL;
    }
  g_string_append_len (self->written, buffer, count);
  return count;
}

static void
test_writer_stream_finalize (GObject *object)
{
  TestWriterStream *self = TEST_WRITER_STREAM (object);

  g_string_free (self->written, TRUE);
  G_OBJECT_CLASS (test_writer_stream_parent_class)->finalize (object);
}

static void
test_writer_stream_class_init (TestWriterStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_writer_stream_finalize;
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = test_writer_stream_write;
}

static void
test_writer_stream_init (TestWriterStream *self)
{
  self->written = g_string_new (NULL);
}

/* An export reads one snapshot without taking the write lock: another
 * connection writes while it runs, at once, and the bundle is the
 * database as it was when the export began. */
static void
test_export_does_not_block_writer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = new_store ();
  g_autoptr(YsStore) other = ys_store_open (ys_store_get_path (store), &error);
  g_autoptr(TestWriterStream) stream = g_object_new (TEST_TYPE_WRITER_STREAM, NULL);

  g_assert_no_error (error);
  g_assert_true (import_text (store, valid_bundle, NULL, &error));
  stream->other = other;

  g_assert_true (ys_bundle_export (store, YS_BUNDLE_EVERYTHING, G_OUTPUT_STREAM (stream), NULL,
                                   &error));
  g_assert_no_error (error);
  g_assert_true (stream->wrote_meanwhile);
  /* Not the busy timeout's seconds: no wait at all. */
  g_assert_cmpint (stream->waited_usec, <, G_USEC_PER_SEC);
  g_assert_null (strstr (stream->written->str, "Written meanwhile"));
  g_assert_nonnull (strstr (stream->written->str, "Policy brief draft"));
  g_assert_cmpuint (ys_store_count_active_workflows (other, NULL), ==, 2);
}

/* Refusals ----------------------------------------------------------------- */

typedef struct
{
  const char *old;
  const char *new;
  const char *message;   /* exact, or a prefix when it ends in "…" */
} Breakage;

static const Breakage breakages[] = {
  { "\"duration_seconds\": 14400", "\"duration_seconds\": 0",
    "team.json: runs[0].duration_seconds: must be between 1 and 604800" },
  { "\"duration_seconds\": 5400", "\"duration_seconds\": 604801",
    "team.json: runs[1].duration_seconds: must be between 1 and 604800" },
  { "\"duration_seconds\": 14400", "\"duration_seconds\": \"14400\"",
    "team.json: runs[0].duration_seconds: must be a number" },
  { "\"duration_seconds\": 14400", "\"duration_seconds\": 14400.5",
    "team.json: runs[0].duration_seconds: must be a whole number" },
  { "\"corrections\": 2,", "",
    "team.json: runs[0].corrections: missing" },
  { "\"corrections\": 2,", "\"corrections\": 1001,",
    "team.json: runs[0].corrections: must be between 0 and 1000" },
  { "\"people\": 4", "\"people\": 0",
    "team.json: workflows[0].people: must be between 1 and 10000" },
  { "\"id\": \"" R2 "\"", "\"id\": \"" R1 "\"",
    "team.json: runs[1].id: " R1 " appears twice" },
  { "\"id\": \"" R1 "\"", "\"id\": \"33333333-3333-4333-8333-33333333333Z\"",
    "team.json: runs[0].id: must be a UUID in lowercase canonical form, not “33333333-3333-4333-8333-33333333333Z”" },
  { "\"id\": \"" T1 "\"", "\"id\": \"22222222-2222-4222-8222-22222222222\"",
    "team.json: tools[0].id: must be a UUID in lowercase canonical form, not “22222222-2222-4222-8222-22222222222”" },
  { "\"started_at\": \"2026-11-02T09:00:00Z\"", "\"started_at\": \"2026-11-02 09:00\"",
    "team.json: runs[0].started_at: must be an RFC 3339 timestamp such as 2026-11-22T10:00:00Z, not “2026-11-02 09:00”" },
  { "\"started_at\": \"2026-11-02T09:00:00Z\"", "\"started_at\": \"2026-11-02T09:00:00\"",
    "team.json: runs[0].started_at: must be an RFC 3339 timestamp…" },
  { "\"started_at\": \"2026-11-02T09:00:00Z\"", "\"started_at\": \"2026-02-30T09:00:00Z\"",
    "team.json: runs[0].started_at: must be an RFC 3339 timestamp…" },
  { "\"updated_at\": \"2026-11-01T10:00:00Z\", \"deleted\": false}],\n \"runs\"",
    "\"updated_at\": 17, \"deleted\": false}],\n \"runs\"",
    "team.json: tools[0].updated_at: must be a string" },
  { "\"workflow\": \"" W1 "\", \"mode\": \"without-ai\"",
    "\"workflow\": \"77777777-7777-4777-8777-777777777777\", \"mode\": \"without-ai\"",
    "team.json: runs[0].workflow: no workflow with id 77777777-7777-4777-8777-777777777777 in the bundle or the database" },
  { "\"tool\": \"" T1 "\", \"saves_time\"", "\"tool\": \"77777777-7777-4777-8777-777777777777\", \"saves_time\"",
    "team.json: feedback[0].tool: no tool with id 77777777-7777-4777-8777-777777777777 in the bundle or the database" },
  { "\"mode\": \"without-ai\"", "\"mode\": \"sometimes\"",
    "team.json: runs[0].mode: must be \"without-ai\" or \"with-ai\", not “sometimes”" },
  { "\"mode\": \"with-ai\", \"tool\": \"" T1 "\"", "\"mode\": \"with-ai\", \"tool\": null",
    "team.json: runs[1].tool: a with-ai run must name a tool" },
  { "\"mode\": \"without-ai\", \"tool\": null", "\"mode\": \"without-ai\", \"tool\": \"" T1 "\"",
    "team.json: runs[0].tool: must be null for a without-ai run" },
  { "\"name\": \"ChatGPT\"", "\"name\": \"   \"",
    "team.json: tools[0].name: must be 1 to 200 characters after trimming" },
  { "\"used\": true", "\"used\": \"yes\"",
    "team.json: runs[0].used: must be true, false or null" },
  { "\"archived\": false", "\"archived\": 0",
    "team.json: workflows[0].archived: must be true or false" },
  { "\"given_on\": \"2026-11-03\"", "\"given_on\": \"2026-02-30\"",
    "team.json: feedback[0].given_on: must be a date such as 2026-11-22, not “2026-02-30”" },
  { "\"version\": 1", "\"version\": 2",
    "team.json: version: written by a newer Yardstick (bundle version 2); update Yardstick to import it" },
  { "\"version\": 1", "\"version\": \"1\"",
    "team.json: version: must be the whole number 1" },
  { "\"format\": \"yardstick-bundle\"", "\"format\": \"something-else\"",
    "team.json: not a Yardstick bundle (\"format\" is not \"yardstick-bundle\")" },
  { "\"version\": 1,", "\"version\": 1,,",
    "team.json: not a Yardstick bundle (line 1, column …" },
  { "\"runs\": [", "\"runs\": {\"x\": [",
    "team.json: not a Yardstick bundle (line …" },
  { "\"tools\": [{", "\"tools\": 7, \"ignored\": [{",
    "team.json: tools: must be an array" },
  { "\"feedback\": [{", "\"feedback\": [3, {",
    "team.json: feedback[0]: must be an object" },
  { "\"note\": \"quick\",", "\"note\": \"quick\", \"assignment\": \"random\",",
    "team.json: runs[1].assignment: must be \"chosen\", \"drawn\" or \"overridden\", not “random”" },
  { "\"note\": \"quick\",", "\"note\": \"quick\", \"assignment\": null,",
    "team.json: runs[1].assignment: must be \"chosen\", \"drawn\" or \"overridden\"" },
  { "\"note\": \"quick\",", "\"note\": \"quick\", \"source\": \"toggl\",",
    "team.json: runs[1].source: must be \"tracker\" when it is there, not “toggl”" },
  { "\"name\": \"ChatGPT\",", "\"name\": \"ChatGPT\", \"monthly_cost\": -1,",
    "team.json: tools[0].monthly_cost: must be between 0 and 10000000" },
  { "\"name\": \"ChatGPT\",", "\"name\": \"ChatGPT\", \"monthly_cost\": 10000000.01,",
    "team.json: tools[0].monthly_cost: must be between 0 and 10000000" },
  { "\"name\": \"ChatGPT\",", "\"name\": \"ChatGPT\", \"monthly_cost\": 12.345,",
    "team.json: tools[0].monthly_cost: must have at most two decimals" },
  { "\"name\": \"ChatGPT\",", "\"name\": \"ChatGPT\", \"monthly_cost\": \"50\",",
    "team.json: tools[0].monthly_cost: must be a number or null" },
};

/* The kind of refusal, which the window words plainly: a file that is not
 * a whole bundle, one that refers to what it does not carry, one from a
 * newer Yardstick, or one value that breaks a rule. */
static int
expected_code (const char *message)
{
  if (strstr (message, "not a Yardstick bundle") || strstr (message, "not valid UTF-8") ||
      strstr (message, "the file is empty"))
    return YS_ERROR_DAMAGED;
  if (strstr (message, ": no workflow with id") || strstr (message, ": no tool with id"))
    return YS_ERROR_NOT_FOUND;
  if (strstr (message, "written by a newer Yardstick"))
    return YS_ERROR_NEWER_DATABASE;
  return YS_ERROR_INVALID;
}

static void
check_refusal (const char *text,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = new_store ();
  g_autoptr(YsWorkflow) existing = ys_store_add_workflow (store, "Intake summary", "", 2, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  YsImportResult result = { .runs.added = 99 };

  g_assert_no_error (error);
  before = dump (store, TRUE);
  g_assert_false (ys_bundle_import_data (store, "team.json", text, strlen (text), &result, &error));
  g_assert_error (error, YS_ERROR, expected_code (expected));
  if (g_str_has_suffix (expected, "…"))
    {
      g_autofree char *prefix = g_strndup (expected, strlen (expected) - strlen ("…"));
      if (!g_str_has_prefix (error->message, prefix))
        g_error ("“%s” does not start with “%s”", error->message, prefix);
    }
  else
    g_assert_cmpstr (error->message, ==, expected);

  /* Refused whole: nothing written, nothing counted. */
  after = dump (store, TRUE);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (result.runs.added, ==, 0);
}

static void
test_refusals (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (breakages); i++)
    {
      g_autofree char *broken = replace_once (valid_bundle, breakages[i].old, breakages[i].new);

      g_test_message ("breakage %u: %s", i, breakages[i].message);
      check_refusal (broken, breakages[i].message);
    }
}

static void
test_refused_files (void)
{
  g_autofree char *long_note = g_strnfill (10001, 'n');
  g_autofree char *note_text = g_strdup_printf ("\"note\": \"%s\"", long_note);
  g_autofree char *too_long = replace_once (valid_bundle, "\"note\": \"quick\"", note_text);
  g_autofree char *bad_utf8 = replace_once (valid_bundle, "Policy brief draft", "Policy \xc3\x28 draft");
  GString *deep = g_string_new ("{\"format\": \"yardstick-bundle\", \"version\": 1, \"x\": ");

  check_refusal (too_long, "team.json: runs[1].note: must be at most 10000 characters");
  check_refusal (bad_utf8, "team.json: not valid UTF-8 text (at byte …");
  check_refusal ("   \n", "team.json: the file is empty");
  check_refusal ("[]", "team.json: not a Yardstick bundle (it is not a JSON object)");
  check_refusal ("nonsense", "team.json: not a Yardstick bundle (line 1, column …");
  check_refusal ("{\"version\": 1}", "team.json: not a Yardstick bundle (\"format\" is not \"yardstick-bundle\")");

  for (int i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  check_refusal (deep->str, "team.json: not a Yardstick bundle (nested more than 64 levels deep at line 1)");
  g_string_free (deep, TRUE);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(YsStore) store = new_store ();

    g_assert_false (ys_bundle_import_data (store, "empty.json", "", 0, NULL, &error));
    g_assert_cmpstr (error->message, ==, "empty.json: the file is empty");
    g_assert_error (error, YS_ERROR, YS_ERROR_DAMAGED);
  }
}

static void
test_oversized_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = new_store ();
  g_autofree char *path = g_build_filename (tmp_dir, "huge.json", NULL);
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.json", NULL);
  FILE *file = fopen (path, "w");

  /* A sparse file: refused from its size, never read. */
  g_assert_nonnull (file);
  g_assert_cmpint (ftruncate (fileno (file), YS_BUNDLE_MAX_FILE_SIZE + 1), ==, 0);
  g_assert_false (ys_bundle_import_file (store, path, "huge.json", NULL, &error));
  g_assert_cmpstr (error->message, ==, "huge.json: the file is larger than 1 GiB");
  g_clear_error (&error);

  /* A file streams, so 256 MiB is no limit for it: this one is read, and
   * its first byte (a zero) refused. In memory, 256 MiB still is. */
  g_assert_cmpint (ftruncate (fileno (file), YS_BUNDLE_MAX_SIZE + 1), ==, 0);
  fclose (file);
  g_assert_false (ys_bundle_import_file (store, path, "huge.json", NULL, &error));
  g_assert_cmpstr (error->message, ==, "huge.json: not valid UTF-8 text (at byte 0)");
  g_clear_error (&error);
  g_assert_null (ys_bundle_read_data ("huge.json", "", YS_BUNDLE_MAX_SIZE + 1, &error));
  g_assert_cmpstr (error->message, ==, "huge.json: the file is larger than 256 MiB");
  g_assert_error (error, YS_ERROR, YS_ERROR_TOO_LARGE);
  g_clear_error (&error);

  g_assert_false (ys_bundle_import_file (store, missing, "missing.json", NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "missing.json: could not be read: "));
  g_assert_error (error, YS_ERROR, YS_ERROR_UNREADABLE);
  g_clear_error (&error);

  g_assert_false (ys_bundle_import_file (store, tmp_dir, "folder", NULL, &error));
  g_assert_cmpstr (error->message, ==, "folder: is a folder, not a bundle");
  g_assert_error (error, YS_ERROR, YS_ERROR_UNREADABLE);
}

/* Reading as a stream ------------------------------------------------------- */

/* What the parser makes of @text fed in pieces of @piece bytes: the
 * message, or the number of records of each kind. */
static char *
verdict_in_pieces (const char *text,
                   gsize       length,
                   gsize       piece)
{
  g_autoptr(YsBundleParser) parser = ys_bundle_parser_new ("team.json");
  g_autoptr(YsBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;

  for (gsize at = 0; at < length; at += piece)
    if (!ys_bundle_parser_feed (parser, text + at, MIN (piece, length - at)))
      break;
  bundle = ys_bundle_parser_finish (parser, &error);
  if (bundle == NULL)
    return g_strdup (error->message);
  return g_strdup_printf ("%u workflows, %u tools, %u runs, %u feedback, %u reviews",
                          ys_bundle_get_n_records (bundle, YS_RECORD_WORKFLOW),
                          ys_bundle_get_n_records (bundle, YS_RECORD_TOOL),
                          ys_bundle_get_n_records (bundle, YS_RECORD_RUN),
                          ys_bundle_get_n_records (bundle, YS_RECORD_FEEDBACK),
                          ys_bundle_get_n_records (bundle, YS_RECORD_REVIEW));
}

static void
assert_same_in_pieces (const char *text,
                       gsize       length,
                       const char *expected)
{
  const gsize pieces[] = { 1, 2, 3, 5, 64, 4096 };
  g_autofree char *whole = verdict_in_pieces (text, length, MAX (length, 1));

  if (expected != NULL)
    g_assert_cmpstr (whole, ==, expected);
  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    {
      g_autofree char *verdict = verdict_in_pieces (text, length, pieces[i]);
      g_assert_cmpstr (verdict, ==, whole);
    }
}

/* Where a piece ends never changes the verdict: not inside a character of
 * two, three or four bytes, nor for the line and column of a syntax error. */
static void
test_any_pieces (void)
{
  /* “Política — 政策 😀”: characters of 2, 3, 3 and 4 bytes. */
  g_autofree char *wide = replace_once (valid_bundle, "Policy brief draft",
                                        "Pol\xc3\xadtica \xe2\x80\x94 \xe6\x94\xbf\xe7\xad\x96 "
                                        "\xf0\x9f\x98\x80");
  g_autofree char *cut = NULL;
  g_autofree char *cut_message = NULL;
  const char *smile = strstr (wide, "\xf0\x9f\x98\x80");
  const char *all = "1 workflows, 1 tools, 2 runs, 1 feedback, 0 reviews";

  assert_same_in_pieces (valid_bundle, strlen (valid_bundle), all);
  assert_same_in_pieces (wide, strlen (wide), all);

  /* The file ends inside the four-byte character. */
  cut = g_strndup (wide, smile - wide + 2);
  cut_message = g_strdup_printf ("team.json: not valid UTF-8 text (at byte %d)", (int) (smile - wide));
  assert_same_in_pieces (cut, strlen (cut), cut_message);

  for (guint i = 0; i < G_N_ELEMENTS (breakages); i++)
    {
      g_autofree char *broken = replace_once (valid_bundle, breakages[i].old, breakages[i].new);
      g_autofree char *wide_broken = replace_once (wide, breakages[i].old, breakages[i].new);

      assert_same_in_pieces (broken, strlen (broken), NULL);
      assert_same_in_pieces (wide_broken, strlen (wide_broken), NULL);
    }
  assert_same_in_pieces ("   \n", 4, "team.json: the file is empty");
  assert_same_in_pieces ("", 0, "team.json: the file is empty");
  assert_same_in_pieces ("nonsense", 8, NULL);
  /* A token yajl cannot take, cut by the end of a piece: yajl names the
   * place of the token (whole, or from the piece it ends in when that is
   * all it has), so it is given whole lines. */
  assert_same_in_pieces ("{\"format\": \"yardstick-bundle\" \"version\": 1}", 43, NULL);
  assert_same_in_pieces ("{\"format\": \"yardstick-bundle\",\n \"version\": 1 \"runs\": []}", 56,
                         NULL);
  assert_same_in_pieces ("{\"format\": \"yardstick-bundle\", \"version\": 1,\n \"runs\": [\n{}, ",
                         strlen ("{\"format\": \"yardstick-bundle\", \"version\": 1,\n \"runs\": [\n{}, "),
                         NULL);
}

#define WORKFLOW_JSON \
  "{\"id\": \"" W1 "\", \"name\": \"Policy brief draft\", \"description\": \"\", \"people\": 4," \
  " \"archived\": false, \"updated_at\": \"2026-11-01T10:00:00Z\", \"deleted\": false}"
#define TOOL_JSON \
  "{\"id\": \"" T1 "\", \"name\": \"ChatGPT\", \"updated_at\": \"2026-11-01T10:00:00Z\", \"deleted\": false}"
#define RUN_JSON(id, duration) \
  "{\"id\": \"" id "\", \"workflow\": \"" W1 "\", \"mode\": \"with-ai\", \"tool\": \"" T1 "\"," \
  " \"started_at\": \"2026-11-03T09:00:00+01:00\", \"duration_seconds\": " duration ", \"corrections\": 0," \
  " \"used\": null, \"note\": \"\", \"updated_at\": \"2026-11-03T13:00:00Z\", \"deleted\": false}"
#define HEADER_JSON "\"format\": \"yardstick-bundle\", \"version\": 1"

/* The members of the file may come in any order; the verdict is the one a
 * reader of the whole file gives (FORMAT.md's checks in their order). */
static void
test_any_member_order (void)
{
  const struct
  {
    const char *text;
    const char *message;   /* NULL: accepted */
    guint runs;
  } cases[] = {
    /* The header last, runs before the workflow they name. */
    { "{\"runs\": [" RUN_JSON (R1, "600") "], \"tools\": [" TOOL_JSON "],"
      " \"workflows\": [" WORKFLOW_JSON "], " HEADER_JSON "}", NULL, 1 },
    /* A refused run, then a refused workflow: the workflow is named. */
    { "{" HEADER_JSON ", \"runs\": [" RUN_JSON (R1, "0") "], \"tools\": [" TOOL_JSON "],"
      " \"workflows\": [{\"people\": 0}]}",
      "team.json: workflows[0].id: missing", 0 },
    /* A refused run, then a newer version: the version is named. */
    { "{\"format\": \"yardstick-bundle\", \"runs\": [" RUN_JSON (R1, "0") "], \"version\": 2}",
      "team.json: version: written by a newer Yardstick (bundle version 2); update Yardstick to"
      " import it", 0 },
    /* A refused run, then the file is cut short: it is broken JSON. */
    { "{" HEADER_JSON ", \"runs\": [" RUN_JSON (R1, "0") ", ",
      "team.json: not a Yardstick bundle (line 1, column …", 0 },
    /* A second array of a kind replaces the first, as a second member of a
     * JSON object does: the refused run goes with the first. */
    { "{" HEADER_JSON ", \"workflows\": [" WORKFLOW_JSON "], \"tools\": [" TOOL_JSON "],"
      " \"runs\": [" RUN_JSON (R1, "0") "], \"runs\": [" RUN_JSON (R2, "60") "]}", NULL, 1 },
    { "{" HEADER_JSON ", \"workflows\": [" WORKFLOW_JSON "], \"tools\": [" TOOL_JSON "],"
      " \"runs\": 7, \"runs\": [" RUN_JSON (R2, "60") "]}", NULL, 1 },
    { "{" HEADER_JSON ", \"workflows\": [" WORKFLOW_JSON "], \"tools\": [" TOOL_JSON "],"
      " \"runs\": [" RUN_JSON (R2, "60") "], \"runs\": {}}", "team.json: runs: must be an array", 0 },
    /* The same id in both arrays of a kind is no duplicate: only the second counts. */
    { "{" HEADER_JSON ", \"workflows\": [" WORKFLOW_JSON "], \"tools\": [" TOOL_JSON "],"
      " \"runs\": [" RUN_JSON (R2, "60") "], \"runs\": [" RUN_JSON (R2, "60") "]}", NULL, 1 },
    /* Unknown members of any shape are passed over. */
    { "{\"x\": [[{\"runs\": 7}]], " HEADER_JSON ", \"workflows\": [" WORKFLOW_JSON "],"
      " \"y\": {\"format\": 2}, \"tools\": [" TOOL_JSON "], \"runs\": [" RUN_JSON (R2, "60") "]}",
      NULL, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(YsStore) store = new_store ();
      YsImportResult result;

      g_test_message ("case %u", i);
      if (cases[i].message == NULL)
        {
          g_assert_true (ys_bundle_import_data (store, "team.json", cases[i].text,
                                                strlen (cases[i].text), &result, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (result.runs.added, ==, cases[i].runs);
          g_assert_cmpuint (result.workflows.added, ==, 1);
        }
      else
        check_refusal (cases[i].text, cases[i].message);
    }
}

/* A bundle past the memory limit is staged on disk and merges to exactly
 * what the same bundle merges to from memory. */
static void
test_staged_same_as_memory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) source = new_store ();
  g_autoptr(YsStore) from_memory = new_store ();
  g_autoptr(YsStore) from_disk = new_store ();
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(YsBundle) bundle = NULL;
  g_autofree char *memory_rows = NULL;
  g_autofree char *disk_rows = NULL;
  gsize limit = ys_bundle_memory_limit;
  YsImportResult memory_result, disk_result;
  gsize length;
  const char *text;

  g_assert_true (ys_demo_fill (source, &error));
  g_assert_true (ys_store_run_in_transaction (source, add_many_runs, GINT_TO_POINTER (700), &error));
  g_assert_no_error (error);
  g_assert_true (ys_bundle_export (source, YS_BUNDLE_EVERYTHING, out, NULL, &error));
  g_output_stream_close (out, NULL, NULL);
  length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
  text = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out));

  ys_bundle_memory_limit = 64 * 1024 * 1024;
  bundle = ys_bundle_read_data ("big.json", text, length, &error);
  g_assert_no_error (error);
  g_assert_false (ys_bundle_is_staged (bundle));
  g_assert_true (ys_bundle_import_data (from_memory, "big.json", text, length, &memory_result, &error));
  g_assert_no_error (error);

  /* About a hundred runs in memory, the rest straight to disk. */
  ys_bundle_memory_limit = 20000;
  g_clear_pointer (&bundle, ys_bundle_free);
  bundle = ys_bundle_read_data ("big.json", text, length, &error);
  g_assert_no_error (error);
  g_assert_true (ys_bundle_is_staged (bundle));
  g_assert_cmpuint (ys_bundle_get_records (bundle, YS_RECORD_RUN)->len, ==, 0);
  g_assert_cmpuint (ys_bundle_get_n_records (bundle, YS_RECORD_RUN), ==,
                    memory_result.runs.added);
  g_assert_true (ys_bundle_import_data (from_disk, "big.json", text, length, &disk_result, &error));
  ys_bundle_memory_limit = limit;
  g_assert_no_error (error);

  g_assert_cmpmem (&memory_result, sizeof memory_result, &disk_result, sizeof disk_result);
  memory_rows = dump (from_memory, TRUE);
  disk_rows = dump (from_disk, TRUE);
  g_assert_cmpstr (memory_rows, ==, disk_rows);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The names in @dir, sorted, one a line. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

/* Exports while the process may write no file beyond @limit bytes, as on
 * a full disk: the write fails part-way with EFBIG. */
static gboolean
export_with_size_limit (YsStore     *store,
                        const char  *path,
                        rlim_t       limit,
                        GError     **error)
{
  struct rlimit saved, limited;
  gboolean ok;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limited = saved;
  limited.rlim_cur = limit;
  /* Past the limit write() fails instead of the process being killed. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);
  ok = ys_bundle_export_file (store, YS_BUNDLE_EVERYTHING, path, error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, SIG_DFL);
  return ok;
}

/* An export that fails part-way (the disk is full after its first 4 KiB)
 * leaves the file it was replacing as it was, and nothing else: no
 * temporary file beside it, and no half file where there was none. */
static void
test_export_file_is_atomic (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = g_build_filename (tmp_dir, "atomic.db", NULL);
  g_autofree char *out_dir = g_build_filename (tmp_dir, "atomic", NULL);
  g_autofree char *existing = g_build_filename (out_dir, "team.json", NULL);
  g_autofree char *fresh = g_build_filename (out_dir, "fresh.json", NULL);
  g_autofree char *nowhere = g_build_filename (tmp_dir, "no", "such", "dir", "out.json", NULL);
  g_autoptr(YsStore) store = ys_store_open (db_path, &error);
  const char *before = "{\"format\": \"yardstick-bundle\", \"the\": \"previous export\"}\n";
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  /* The demo team's bundle is over 4 KiB. */
  g_assert_true (ys_demo_fill (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (existing, before, -1, NULL));
  g_assert_cmpint (g_chmod (existing, 0644), ==, 0);

  g_assert_false (export_with_size_limit (store, existing, 4096, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, existing));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, before);
  listing = list_dir (out_dir);
  g_assert_cmpstr (listing, ==, "team.json");

  g_assert_false (export_with_size_limit (store, fresh, 4096, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, fresh));
  g_clear_error (&error);
  g_clear_pointer (&listing, g_free);
  listing = list_dir (out_dir);
  g_assert_cmpstr (listing, ==, "team.json");

  g_assert_false (ys_bundle_export_file (store, YS_BUNDLE_EVERYTHING, nowhere, &error));
  g_assert_true (g_str_has_prefix (error->message, nowhere));
  g_clear_error (&error);

  /* With room on the disk the export replaces the file, which keeps its
   * permissions; a new file is private. */
  g_assert_true (ys_bundle_export_file (store, YS_BUNDLE_EVERYTHING, existing, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "{\n  \"format\": \"yardstick-bundle\""));
  g_assert_true (g_str_has_suffix (contents, "}\n"));
  g_assert_cmpint (g_stat (existing, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);
  g_assert_true (ys_bundle_export_file (store, YS_BUNDLE_EVERYTHING, fresh, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (fresh, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_clear_pointer (&listing, g_free);
  listing = list_dir (out_dir);
  g_assert_cmpstr (listing, ==, "fresh.json\nteam.json");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *command = NULL;
  int status;

  /* --staged: every bundle goes to disk (tests/meson.build's -staged run). */
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--staged"))
      {
        ys_bundle_memory_limit = 0;
        memmove (argv + i, argv + i + 1, (argc - i) * sizeof *argv);
        argc--;
        break;
      }
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("ys-bundle-XXXXXX", NULL);

  g_test_add_func ("/bundle/round-trip", test_round_trip);
  g_test_add_func ("/bundle/bulk-merge", test_bulk_merge);
  g_test_add_func ("/bundle/idempotent", test_idempotent);
  g_test_add_func ("/bundle/order-independent-and-newest-wins", test_order_independent_and_newest_wins);
  g_test_add_func ("/bundle/tombstones-travel", test_tombstones_travel);
  g_test_add_func ("/bundle/archived-on-import", test_archived_on_import);
  g_test_add_func ("/bundle/active-limit-converges", test_active_limit_converges);
  g_test_add_func ("/bundle/ties", test_ties);
  g_test_add_func ("/bundle/ties-every-kind", test_ties_every_kind);
  g_test_add_func ("/bundle/new-fields-travel", test_new_fields_travel);
  g_test_add_func ("/bundle/export-does-not-block-writer", test_export_does_not_block_writer);
  g_test_add_func ("/bundle/every-order-same-export", test_every_order_same_export);
  g_test_add_func ("/bundle/templates", test_templates);
  g_test_add_func ("/bundle/reviews-travel", test_reviews_travel);
  g_test_add_func ("/bundle/early-years-round-trip", test_early_years_round_trip);
  g_test_add_func ("/bundle/refusals", test_refusals);
  g_test_add_func ("/bundle/refused-files", test_refused_files);
  g_test_add_func ("/bundle/oversized-file", test_oversized_file);
  g_test_add_func ("/bundle/any-pieces", test_any_pieces);
  g_test_add_func ("/bundle/any-member-order", test_any_member_order);
  g_test_add_func ("/bundle/staged-same-as-memory", test_staged_same_as_memory);
  g_test_add_func ("/bundle/export-file-is-atomic", test_export_file_is_atomic);

  status = g_test_run ();
  command = g_strdup_printf ("rm -rf '%s'", tmp_dir);
  if (system (command) != 0)
    status = 1;
  g_free (tmp_dir);
  return status;
}
