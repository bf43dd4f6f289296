/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>
#include <string.h>

#include "ys-bundle.h"
#include "ys-error.h"
#include "ys-store.h"
#include "ys-test-sql.h"

/* "Merge into…" (issue 13, item 10): a colleague's bundle brings a second
 * "Grant report section"; merging it moves its runs and answers into ours
 * in one transaction, Undo takes that back, and both travel to the
 * colleague's computer as ordinary edits. */

#define OURS "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"
#define THEIRS "11111111-1111-4111-8111-111111111111"
#define TOOL "22222222-2222-4222-8222-222222222222"
#define RUN1 "33333333-3333-4333-8333-333333333333"
#define RUN2 "44444444-4444-4444-8444-444444444444"
#define ANSWER "55555555-5555-4555-8555-555555555555"
#define OUR_RUN "66666666-6666-4666-8666-666666666666"

/* Ours: the workflow and one run of our own. */
static const char *ours_bundle =
  "{\"format\": \"yardstick-bundle\", \"version\": 1,\n"
  " \"workflows\": [{\"id\": \"" OURS "\", \"name\": \"Grant report section\","
  " \"description\": \"\", \"people\": 3, \"archived\": false,"
  " \"updated_at\": \"2026-10-01T10:00:00Z\", \"deleted\": false}],\n"
  " \"runs\": [{\"id\": \"" OUR_RUN "\", \"workflow\": \"" OURS "\", \"mode\": \"without-ai\","
  " \"tool\": null, \"started_at\": \"2026-10-05T09:00:00Z\", \"duration_seconds\": 9000,"
  " \"corrections\": 1, \"used\": true, \"note\": \"\","
  " \"updated_at\": \"2026-10-05T12:00:00Z\", \"deleted\": false}]}\n";

/* The colleague's: the same task, created separately, with two runs and an
 * answer. */
static const char *theirs_bundle =
  "{\"format\": \"yardstick-bundle\", \"version\": 1,\n"
  " \"workflows\": [{\"id\": \"" THEIRS "\", \"name\": \"Grant report section\","
  " \"description\": \"\", \"people\": 3, \"archived\": false,"
  " \"updated_at\": \"2026-11-01T10:00:00Z\", \"deleted\": false}],\n"
  " \"tools\": [{\"id\": \"" TOOL "\", \"name\": \"Copilot\","
  " \"updated_at\": \"2026-11-01T10:00:00Z\", \"deleted\": false}],\n"
  " \"runs\": [{\"id\": \"" RUN1 "\", \"workflow\": \"" THEIRS "\", \"mode\": \"without-ai\","
  " \"tool\": null, \"started_at\": \"2026-11-02T09:00:00Z\", \"duration_seconds\": 9600,"
  " \"corrections\": 2, \"used\": true, \"note\": \"\","
  " \"updated_at\": \"2026-11-02T13:00:00Z\", \"deleted\": false},\n"
  "  {\"id\": \"" RUN2 "\", \"workflow\": \"" THEIRS "\", \"mode\": \"with-ai\","
  " \"tool\": \"" TOOL "\", \"started_at\": \"2026-11-03T09:00:00Z\", \"duration_seconds\": 10800,"
  " \"corrections\": 3, \"used\": null, \"note\": \"\","
  " \"updated_at\": \"2026-11-03T13:00:00Z\", \"deleted\": false}],\n"
  " \"feedback\": [{\"id\": \"" ANSWER "\", \"workflow\": \"" THEIRS "\", \"tool\": \"" TOOL "\","
  " \"saves_time\": true, \"given_on\": \"2026-11-03\", \"comment\": \"\","
  " \"updated_at\": \"2026-11-03T13:00:00Z\", \"deleted\": false}]}\n";

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

static void
import (YsStore    *store,
        const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ys_bundle_import_data (store, "team.json", text, strlen (text), NULL, &error));
  g_assert_no_error (error);
}

static char *
export (YsStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_true (ys_bundle_export (store, YS_BUNDLE_EVERYTHING, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* Where each record is, the way both computers must agree on it. */
static char *
placement (YsStore *store)
{
  return ys_test_sql_rows (ys_store_get_path (store),
                           "SELECT id, deleted FROM workflows ORDER BY id",
                           "SELECT id, workflow_id, deleted FROM " YS_TEST_RUNS " ORDER BY id",
                           "SELECT id, workflow_id, deleted FROM feedback ORDER BY id",
                           NULL);
}

/* The per-day totals equal a count from scratch. */
static void
assert_totals (YsStore *store)
{
  g_autofree char *kept = ys_test_sql_rows (ys_store_get_path (store),
    "SELECT workflow_id, mode, tool_key, day, runs, corrections, corrected, used_yes, used_no"
    " FROM " YS_TEST_DAILY " WHERE runs <> 0 ORDER BY 1, 2, 3, 4", NULL);
  g_autofree char *counted = ys_test_sql_rows (ys_store_get_path (store),
    "SELECT workflow_id, mode, coalesce (tool_id, ''), started_on, count(*), sum (corrections),"
    " sum (corrections >= 1), sum (used IS 1), sum (used IS 0) FROM " YS_TEST_RUNS
    " WHERE deleted = 0"
    " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4", NULL);

  g_assert_cmpstr (kept, ==, counted);
}

static gint64
count (YsStore    *store,
       const char *sql)
{
  return ys_test_sql_int (ys_store_get_path (store), sql);
}

static void
test_merge_travels_and_undoes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) here = new_store ();
  g_autoptr(YsStore) there = new_store ();
  g_auto(YsWorkflowMerge) merge = { 0 };
  g_autofree char *sent = NULL;
  g_autofree char *here_after = NULL;
  g_autofree char *there_after = NULL;
  gboolean archived_instead = TRUE;
  /* 2026-11-03T13:00:00Z, the latest of the moved records' updated_at. */
  const gint64 before_merge = G_GINT64_CONSTANT (1793797200) * G_USEC_PER_SEC;

  /* Here: ours, then the colleague's bundle. There: the colleague's
   * computer, which has theirs and got ours too. */
  import (here, ours_bundle);
  import (here, theirs_bundle);
  import (there, theirs_bundle);
  import (there, ours_bundle);
  g_assert_cmpint (count (here, "SELECT count(*) FROM workflows WHERE deleted = 0"), ==, 2);

  g_assert_true (ys_store_merge_workflows (here, THEIRS, OURS, &merge, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (merge.runs, ==, 2);
  g_assert_cmpuint (merge.feedback, ==, 1);
  g_assert_nonnull (merge.undo_id);

  /* Every run and the answer are ours now; theirs is a tombstone. */
  g_assert_cmpint (count (here, "SELECT count(*) FROM " YS_TEST_RUNS " WHERE workflow_id = '" OURS "'"),
                   ==, 3);
  g_assert_cmpint (count (here, "SELECT count(*) FROM feedback WHERE workflow_id = '" OURS "'"),
                   ==, 1);
  g_assert_cmpint (count (here, "SELECT deleted FROM workflows WHERE id = '" THEIRS "'"), ==, 1);
  g_assert_null (ys_store_get_workflow (here, THEIRS));
  g_assert_cmpuint (ys_store_count_runs (here, OURS, YS_MODE_WITH_AI, NULL), ==, 1);
  g_assert_cmpuint (ys_store_count_runs (here, OURS, YS_MODE_WITHOUT_AI, NULL), ==, 2);
  assert_totals (here);
  /* Each move is an edit, newer than what the colleague has. */
  g_assert_cmpint (count (here, "SELECT min (updated_at) FROM runs WHERE id IN ('" RUN1 "', '"
                                RUN2 "')"), >, before_merge);

  /* The colleague's computer follows from the bundle alone. */
  sent = export (here);
  import (there, sent);
  here_after = placement (here);
  there_after = placement (there);
  g_assert_cmpstr (there_after, ==, here_after);
  assert_totals (there);

  /* Undo: the two runs and the answer go back, theirs returns as it was. */
  g_assert_true (ys_store_unmerge_workflows (here, merge.undo_id, &archived_instead, &error));
  g_assert_no_error (error);
  g_assert_false (archived_instead);
  g_assert_cmpint (count (here, "SELECT count(*) FROM " YS_TEST_RUNS " WHERE workflow_id = '" THEIRS "'"),
                   ==, 2);
  g_assert_cmpint (count (here, "SELECT workflow_id = '" THEIRS "' FROM feedback"), ==, 1);
  g_assert_cmpint (count (here, "SELECT workflow_id = '" OURS "' FROM " YS_TEST_RUNS " WHERE id = '"
                                OUR_RUN "'"), ==, 1);
  g_assert_cmpint (count (here, "SELECT deleted FROM workflows WHERE id = '" THEIRS "'"), ==, 0);
  assert_totals (here);

  /* ... and that travels too. */
  g_free (sent);
  sent = export (here);
  import (there, sent);
  g_free (here_after);
  g_free (there_after);
  here_after = placement (here);
  there_after = placement (there);
  g_assert_cmpstr (there_after, ==, here_after);

  /* A merge is taken back once. */
  g_assert_false (ys_store_unmerge_workflows (here, merge.undo_id, NULL, &error));
  g_assert_error (error, YS_ERROR, YS_ERROR_NOT_FOUND);
}

static void
test_refusals_change_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = new_store ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  YsWorkflowMerge merge = { 0 };
  sqlite3 *db;

  import (store, ours_bundle);
  import (store, theirs_bundle);
  before = placement (store);

  g_assert_false (ys_store_merge_workflows (store, OURS, OURS, &merge, &error));
  g_assert_error (error, YS_ERROR, YS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (ys_store_merge_workflows (store, THEIRS,
                                            "77777777-7777-4777-8777-777777777777", &merge,
                                            &error));
  g_assert_error (error, YS_ERROR, YS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A timer belongs to its workflow: finished or discarded first. */
  g_assert_true (ys_store_start_timer (store, THEIRS, YS_MODE_WITHOUT_AI, NULL, &error));
  g_assert_false (ys_store_merge_workflows (store, THEIRS, OURS, &merge, &error));
  g_assert_error (error, YS_ERROR, YS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Grant report section"));
  g_clear_error (&error);
  g_assert_true (ys_store_discard_timer (store, THEIRS, &error));

  /* One transaction: when the answers cannot move, the runs stay too. */
  g_assert_cmpint (sqlite3_open (ys_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER refuse_answers BEFORE UPDATE ON feedback"
                                     " BEGIN SELECT RAISE (ABORT, 'refused'); END", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  g_assert_false (ys_store_merge_workflows (store, THEIRS, OURS, &merge, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER refuse_answers", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  after = placement (store);
  g_assert_cmpstr (after, ==, before);
  assert_totals (store);
  g_assert_null (merge.undo_id);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *command = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("ys-merge-XXXXXX", NULL);

  g_test_add_func ("/workflow-merge/travels-and-undoes", test_merge_travels_and_undoes);
  g_test_add_func ("/workflow-merge/refusals-change-nothing", test_refusals_change_nothing);

  status = g_test_run ();
  command = g_strdup_printf ("rm -rf '%s'", tmp_dir);
  if (system (command) != 0)
    status = 1;
  g_free (tmp_dir);
  return status;
}
