/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ys-error.h"
#include "ys-report.h"
#include "ys-stats.h"
#include "ys-store.h"
#include "ys-tracker-import.h"
#include "ys-test-sql.h"

/*
 * Entries from a tracker's export merged as runs. The sample is a Hamster
 * TSV written here; every expected count, duration and median was worked
 * out by hand from it. Times are Europe/Berlin's wall clock.
 */

/* 2 March 2026 09:00 +01:00, as Unix time (date -d 2026-03-02T09:00+01:00 +%s). */
#define MARCH_2 1772438400

static const char sample[] =
  "activity\tstart time\tend time\tduration minutes\tcategory\tdescription\ttags\r\n"
  "Grant report\t2026-03-02 09:00\t2026-03-02 10:30\t90\tWork\tBudget\tgrants\r\n"
  "Grant report\t2026-03-03 09:00\t2026-03-03 10:00\t60\tWork\tNarrative\tgrants\r\n"
  "Grant report\t2026-03-04 09:00\t2026-03-04 11:00\t120\tWork\t\tgrants\r\n"
  "Grant report\t2026-03-05 09:00\t2026-03-05 09:00\t0\tWork\tStarted by mistake\t\r\n"
  "Intake\t2026-03-06 09:00\t2026-03-06 09:30\t30\tWork\tCall\tintake\r\n";

typedef struct
{
  char *dir;
  char *path;
  YsStore *store;
  YsClock *clock;
  YsTrackerCsv *csv;
  char *workflow_id;
} Fixture;

static YsTrackerCsv *
read_text (const char *text)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text, -1, NULL);
  g_autoptr(GError) error = NULL;
  YsTrackerCsv *csv = ys_tracker_csv_read (stream, "hamster.tsv", NULL, &error);

  g_assert_no_error (error);
  return csv;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) workflow = NULL;

  f->dir = g_dir_make_tmp ("ys-tracker-import-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->store = ys_store_open (f->path, &error);
  g_assert_no_error (error);
  /* 1 December 2026, in microseconds. */
  f->clock = ys_clock_new_fixed (G_GINT64_CONSTANT (1796083200) * G_USEC_PER_SEC);
  ys_store_set_clock (f->store, f->clock);
  workflow = ys_store_add_workflow (f->store, "Grant report section", "", 2, &error);
  g_assert_no_error (error);
  f->workflow_id = g_strdup (ys_workflow_get_id (workflow));
  f->csv = read_text (sample);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->dir);

  ys_tracker_csv_free (f->csv);
  g_clear_object (&f->store);
  g_clear_object (&f->clock);
  g_free (f->workflow_id);
  g_free (f->path);
  g_assert_cmpint (system (command), ==, 0);
  g_free (f->dir);
}

static char *
runs (Fixture *f)
{
  return ys_test_sql_rows (f->path,
                           "SELECT started_at - " G_STRINGIFY (MARCH_2) ", started_offset,"
                           " duration_seconds, mode, tool IS NULL, corrections,"
                           " used IS NULL, note, assignment, source, deleted FROM runs"
                           " ORDER BY started_at", NULL);
}

static void
count_change (guint   *count,
              guint    changes,
              YsStore *store)
{
  (*count)++;
}

static void
advance (Fixture *f)
{
  ys_clock_set_now (f->clock, ys_clock_get_now (f->clock) + G_USEC_PER_SEC);
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  YsTrackerImportOptions options = { .workflow_id = f->workflow_id, .match = "GRANTS" };
  g_auto(YsTrackerImport) first = { 0 };
  g_auto(YsTrackerImport) second = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *rows_again = NULL;

  g_assert_true (ys_tracker_import (f->store, f->csv, &options, &first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (first.format, ==, YS_TRACKER_FORMAT_HAMSTER);
  /* Three entries tagged "grants"; the zero-minute one has no tag. */
  g_assert_cmpuint (first.matched, ==, 3);
  g_assert_cmpuint (first.added, ==, 3);
  g_assert_cmpuint (first.unchanged, ==, 0);
  g_assert_cmpuint (first.skipped, ==, 0);
  g_assert_cmpstr (first.workflow_name, ==, "Grant report section");
  g_assert_false (first.workflow_created);
  g_assert_cmpuint (first.written->len, ==, 3);

  /* A day apart, 09:00 in CET; 90, 60 and 120 minutes. */
  rows = runs (f);
  g_assert_cmpstr (rows, ==,
                   "0|3600|5400|0|1|0|1||0|tracker|0|\n"
                   "86400|3600|3600|0|1|0|1||0|tracker|0|\n"
                   "172800|3600|7200|0|1|0|1||0|tracker|0|\n");

  advance (f);
  g_assert_true (ys_tracker_import (f->store, f->csv, &options, &second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (second.added, ==, 0);
  g_assert_cmpuint (second.unchanged, ==, 3);
  g_assert_cmpuint (second.written->len, ==, 0);
  rows_again = runs (f);
  g_assert_cmpstr (rows_again, ==, rows);
}

/* The whole file: the zero-minute entry is skipped and counted. */
static void
test_skipped (Fixture       *f,
              gconstpointer  data)
{
  YsTrackerImportOptions options = { .workflow_id = f->workflow_id };
  g_auto(YsTrackerImport) result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  g_assert_true (ys_tracker_import (f->store, f->csv, &options, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.matched, ==, 4);
  g_assert_cmpuint (result.added, ==, 4);
  g_assert_cmpuint (result.skipped, ==, 1);
  line = ys_tracker_import_describe (&result, "hamster.tsv");
  g_assert_cmpstr (line, ==, "hamster.tsv: Hamster: 4 new runs of “Grant report section” without "
                             "AI, 0 already there; 1 entry skipped (shorter than a second or "
                             "longer than a week).");
}

/* A run the team edited after importing keeps the edit; a deleted one
 * comes back, later than its deletion. */
static void
test_edited_and_deleted (Fixture       *f,
                         gconstpointer  data)
{
  YsTrackerImportOptions options = { .workflow_id = f->workflow_id, .match = "grants" };
  g_auto(YsTrackerImport) first = { 0 };
  g_auto(YsTrackerImport) second = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *restored_sql = NULL;
  const char *edited, *deleted;
  gint64 deleted_at;

  g_assert_true (ys_tracker_import (f->store, f->csv, &options, &first, &error));
  g_assert_no_error (error);
  edited = g_ptr_array_index (first.written, 0);
  deleted = g_ptr_array_index (first.written, 1);

  advance (f);
  g_assert_true (ys_store_set_run_used (f->store, edited, YS_USED_YES, &error));
  g_assert_no_error (error);
  g_assert_true (ys_store_delete_run (f->store, deleted, &error));
  g_assert_no_error (error);
  deleted_at = ys_test_sql_int (f->path, "SELECT max (updated_at) FROM runs WHERE deleted = 1");

  /* The clock is not later than the deletion: the import still wins. */
  g_assert_true (ys_tracker_import (f->store, f->csv, &options, &second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (second.added, ==, 0);
  g_assert_cmpuint (second.restored, ==, 1);
  g_assert_cmpuint (second.unchanged, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (second.written, 0), ==, deleted);
  g_assert_cmpint (ys_test_sql_int (f->path, "SELECT count(*) FROM runs WHERE deleted = 0"), ==, 3);
  g_assert_cmpint (ys_test_sql_int (f->path, "SELECT count(*) FROM runs WHERE used = 1"), ==, 1);
  restored_sql = g_strdup_printf ("SELECT updated_at FROM runs WHERE id = '%s'", deleted);
  g_assert_cmpint (ys_test_sql_int (f->path, restored_sql), >, deleted_at);
}

/* Runs whose workflow was deleted are invisible: importing again puts
 * them in the workflow the import names. */
static void
test_workflow_deleted (Fixture       *f,
                       gconstpointer  data)
{
  YsTrackerImportOptions options = { .workflow_id = f->workflow_id, .match = "grants" };
  YsTrackerImportOptions by_name = { .workflow_name = "Grant report, again", .match = "grants",
                                     .mode = YS_MODE_WITH_AI, .tool_name = "Claude" };
  g_auto(YsTrackerImport) first = { 0 };
  g_auto(YsTrackerImport) second = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (ys_tracker_import (f->store, f->csv, &options, &first, &error));
  g_assert_no_error (error);
  g_assert_true (ys_store_delete_workflow (f->store, f->workflow_id, &error));
  g_assert_no_error (error);

  g_assert_true (ys_tracker_import (f->store, f->csv, &by_name, &second, &error));
  g_assert_no_error (error);
  g_assert_true (second.workflow_created);
  g_assert_false (second.workflow_archived);
  g_assert_true (second.tool_created);
  g_assert_cmpuint (second.restored, ==, 3);
  g_assert_cmpint (ys_test_sql_int (f->path, "SELECT count(*) FROM runs r"
                                             " JOIN workflows w ON w.key = r.workflow"
                                             " JOIN tools t ON t.key = r.tool"
                                             " WHERE w.name = 'Grant report, again'"
                                             " AND t.name = 'Claude' AND r.mode = 1"), ==, 3);
}

/* Undo takes back the runs and what the import made, and importing again
 * afterwards brings the entries back. */
static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  YsTrackerImportOptions options = { .workflow_name = "Intake", .match = "intake",
                                     .mode = YS_MODE_WITH_AI, .tool_name = "Copilot" };
  g_auto(YsTrackerImport) result = { 0 };
  g_auto(YsTrackerImport) again = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (ys_tracker_import (f->store, f->csv, &options, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_workflows (f->store)), ==, 2);

  advance (f);
  g_assert_true (ys_tracker_import_undo (f->store, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ys_test_sql_int (f->path, "SELECT count(*) FROM runs WHERE deleted = 0"), ==, 0);
  g_assert_cmpint (ys_test_sql_int (f->path, "SELECT count(*) FROM tools WHERE deleted = 0"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_workflows (f->store)), ==, 1);

  advance (f);
  g_assert_true (ys_tracker_import (f->store, f->csv, &options, &again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (again.restored, ==, 1);
  g_assert_true (again.workflow_created);
  g_assert_cmpint (ys_test_sql_int (f->path, "SELECT count(*) FROM runs WHERE deleted = 0"), ==, 1);
}

/* The preview gives the figures and writes nothing. */
static void
test_preview (Fixture       *f,
              gconstpointer  data)
{
  YsTrackerImportOptions options = { .workflow_id = f->workflow_id, .match = "grants" };
  g_auto(YsTrackerImport) result = { 0 };
  g_autoptr(YsSummary) figures = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = ys_test_sql_rows (f->path, "SELECT * FROM runs", "SELECT * FROM daily",
                                              "SELECT * FROM workflows", NULL);
  g_autofree char *after = NULL;
  YsWorkflowFigures *w;
  guint changes = 0;

  g_signal_connect_swapped (f->store, "changed", G_CALLBACK (count_change), &changes);
  g_assert_true (ys_tracker_import_preview (f->store, f->csv, &options, &result, &figures, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 3);
  g_assert_nonnull (figures);
  w = ys_summary_find (figures, f->workflow_id);
  g_assert_nonnull (w);
  /* 90, 60 and 120 minutes: the median is 90. */
  g_assert_cmpuint (w->without_ai.runs, ==, 3);
  g_assert_cmpfloat (w->without_ai.median_seconds, ==, 5400);
  g_assert_cmpuint (w->with_ai.runs, ==, 0);

  after = ys_test_sql_rows (f->path, "SELECT * FROM runs", "SELECT * FROM daily",
                            "SELECT * FROM workflows", NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (changes, ==, 0);
}

static void
test_count_imported (Fixture       *f,
                     gconstpointer  data)
{
  YsTrackerImportOptions options = { .workflow_id = f->workflow_id, .match = "grants" };
  g_auto(YsTrackerImport) result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(YsRun) logged = NULL;
  YsRunFields fields = { .workflow_id = f->workflow_id, .mode = YS_MODE_WITHOUT_AI,
                         .started_at = MARCH_2 + 3600, .duration_seconds = 600,
                         .note = (char *) "" };
  g_autoptr(YsReport) report = NULL;
  g_autoptr(GListModel) awaiting = NULL;
  g_autoptr(YsRun) first = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *plain = NULL;
  GDate from, to;
  guint n = 99;

  g_assert_true (ys_tracker_import (f->store, f->csv, &options, &result, &error));
  g_assert_no_error (error);
  logged = ys_store_add_run (f->store, &fields, &error);
  g_assert_no_error (error);

  g_assert_true (ys_tracker_count_imported (f->store, f->workflow_id, NULL, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);

  /* Awaiting Outcome asks about the run logged here, not about the history. */
  awaiting = ys_store_list_awaiting_outcome (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (awaiting), ==, 1);
  first = g_list_model_get_item (awaiting, 0);
  g_assert_cmpstr (ys_run_get_id (first), ==, ys_run_get_id (logged));
  g_assert_cmpuint (ys_store_count_awaiting_outcome (f->store, &error), ==, 1);
  g_assert_no_error (error);

  /* 3 and 4 March only. */
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 3, G_DATE_MARCH, 2026);
  g_date_set_dmy (&to, 4, G_DATE_MARCH, 2026);
  g_assert_true (ys_tracker_count_imported (f->store, f->workflow_id, &from, &to, &n, &error));
  g_assert_cmpuint (n, ==, 2);

  /* The report says it, for March: three of the four runs. */
  g_date_set_dmy (&from, 1, G_DATE_MARCH, 2026);
  g_date_set_dmy (&to, 31, G_DATE_MARCH, 2026);
  report = ys_report_build (f->store, &from, &to, NULL, NULL, &error);
  g_assert_no_error (error);
  markdown = ys_report_to_markdown (report);
  plain = ys_report_to_plain_text (report);
  g_assert_nonnull (strstr (markdown, "\n- 3 of these 4 runs came from an imported time-tracker "
                                      "history: baseline evidence with no corrections recorded, "
                                      "use unknown, and the mode chosen rather than drawn.\n"));
  g_assert_nonnull (strstr (plain, "3 of these 4 runs came from an imported"));

  g_date_set_dmy (&from, 3, G_DATE_MARCH, 2026);
  g_date_set_dmy (&to, 4, G_DATE_MARCH, 2026);
  g_assert_true (ys_store_delete_run (f->store, g_ptr_array_index (result.written, 1), &error));
  g_assert_true (ys_tracker_count_imported (f->store, f->workflow_id, &from, &to, &n, &error));
  g_assert_cmpuint (n, ==, 1);
}

/* What the assistant says about a file, worked out from the sample. */
static void
test_describe (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *file = ys_tracker_describe_file (f->csv);
  g_autofree char *left_out = ys_tracker_describe_left_out (f->csv);
  g_autofree char *all = ys_tracker_describe_matches (f->csv, NULL);
  g_autofree char *grants = ys_tracker_describe_matches (f->csv, "Grants");
  g_autofree char *none = ys_tracker_describe_matches (f->csv, "board");
  g_autofree char *toast = NULL;
  g_autofree char *nothing = NULL;
  g_autoptr(YsTrackerCsv) span = read_text ("activity\tstart time\tend time\tduration minutes\t"
                                            "category\tdescription\ttags\n"
                                            "A\t2025-11-30 09:00\t\t5\tW\t\t\n"
                                            "A\t2026-02-01 09:00\t\t5\tW\t\t\n"
                                            "A\t2026-02-01 09:00\t\t5\tW\t\t\n");
  g_autofree char *span_file = ys_tracker_describe_file (span);
  g_autofree char *span_left_out = ys_tracker_describe_left_out (span);
  YsTrackerImportOptions options = { .workflow_id = f->workflow_id, .match = "intake" };
  g_auto(YsTrackerImport) result = { 0 };
  g_auto(YsTrackerImport) again = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(YsTrackerImport) copy = NULL;

  /* Four usable entries, 2 to 6 March; the zero-minute one left out. */
  g_assert_cmpstr (file, ==, "Hamster, 4 entries, March 2026");
  g_assert_cmpstr (left_out, ==, "1 entry is left out: shorter than a second or longer than a "
                                 "week.");
  g_assert_cmpstr (all, ==, "All 4 entries");
  g_assert_cmpstr (grants, ==, "3 entries match");
  g_assert_cmpstr (none, ==, "No entry matches");
  g_assert_cmpstr (span_file, ==, "Hamster, 2 entries, November 2025 to February 2026");
  g_assert_cmpstr (span_left_out, ==, "1 entry is in the file twice and counts once.");

  g_assert_true (ys_tracker_import (f->store, f->csv, &options, &result, &error));
  g_assert_no_error (error);
  toast = ys_tracker_import_toast (&result);
  g_assert_cmpstr (toast, ==, "1 run brought in from Hamster");
  copy = ys_tracker_import_dup (&result);
  g_assert_cmpstr (copy->workflow_id, ==, f->workflow_id);
  g_assert_cmpuint (copy->written->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (copy->written, 0), ==, g_ptr_array_index (result.written, 0));
  g_assert_true (ys_tracker_import (f->store, f->csv, &options, &again, &error));
  nothing = ys_tracker_import_toast (&again);
  g_assert_cmpstr (nothing, ==, "Nothing new: every entry was already there");
}

static void
test_sentence (void)
{
  g_autofree char *one = ys_tracker_imported_sentence (1, 1);
  g_autofree char *all = ys_tracker_imported_sentence (7, 7);
  g_autofree char *some = ys_tracker_imported_sentence (12, 30);

  g_assert_null (ys_tracker_imported_sentence (0, 5));
  g_assert_cmpstr (one, ==, "This run came from an imported time-tracker history: baseline "
                            "evidence with no corrections recorded, use unknown, and the mode "
                            "chosen rather than drawn.");
  g_assert_cmpstr (all, ==, "All these runs came from an imported time-tracker history: "
                            "baseline evidence with no corrections recorded, use unknown, and "
                            "the mode chosen rather than drawn.");
  g_assert_cmpstr (some, ==, "12 of these 30 runs came from an imported time-tracker history: "
                             "baseline evidence with no corrections recorded, use unknown, and "
                             "the mode chosen rather than drawn.");
}

/* Thousands of entries take the bulk path (indexes and totals built once
 * at the end) and leave the same schema and totals. */
static void
test_bulk (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("activity\tstart time\tend time\tduration minutes\t"
                                          "category\tdescription\ttags\n");
  YsTrackerImportOptions options = { .workflow_id = f->workflow_id };
  g_auto(YsTrackerImport) result = { 0 };
  g_autoptr(YsTrackerCsv) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *schema = ys_test_sql_rows (f->path, "SELECT type, name, sql FROM sqlite_schema"
                                                       " ORDER BY name", NULL);
  g_autofree char *schema_after = NULL;

  /* 6000 entries: minute i of some day, lasting 1 to 60 minutes. */
  for (guint i = 0; i < 6000; i++)
    g_string_append_printf (text, "Task\t2026-%02u-%02u %02u:%02u\t\t%u\tWork\t\t\n",
                            1 + i / 600, 1 + i / 24 % 25, i % 24, i % 60, 1 + i % 60);
  csv = read_text (text->str);

  g_assert_true (ys_tracker_import (f->store, csv, &options, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 6000);

  schema_after = ys_test_sql_rows (f->path, "SELECT type, name, sql FROM sqlite_schema"
                                            " ORDER BY name", NULL);
  g_assert_cmpstr (schema_after, ==, schema);
  g_assert_cmpint (ys_test_sql_int (f->path, "SELECT sum (runs) FROM daily"), ==, 6000);
  g_assert_cmpint (ys_test_sql_int (f->path, "SELECT sum (runs) FROM durations"), ==, 6000);
  /* Each of 1..60 minutes a hundred times: 6000 × 30.5 minutes. */
  g_assert_cmpint (ys_test_sql_int (f->path, "SELECT sum (duration_seconds) FROM runs"), ==,
                   6000 * 61 / 2 * 60);
  ys_test_assert_integrity (f->path);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/tracker-import/import", test_import);
  ADD ("/tracker-import/skipped", test_skipped);
  ADD ("/tracker-import/edited-and-deleted", test_edited_and_deleted);
  ADD ("/tracker-import/workflow-deleted", test_workflow_deleted);
  ADD ("/tracker-import/undo", test_undo);
  ADD ("/tracker-import/preview", test_preview);
  ADD ("/tracker-import/count-imported", test_count_imported);
  ADD ("/tracker-import/bulk", test_bulk);
  g_test_add_func ("/tracker-import/sentence", test_sentence);
  ADD ("/tracker-import/describe", test_describe);
#undef ADD

  return g_test_run ();
}
