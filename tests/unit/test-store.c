/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "ys-demo.h"
#include "ys-error.h"
#include "ys-stats.h"
#include "ys-store.h"
#include "ys-store-private.h"
#include "ys-test-sql.h"
#include "ys-tracker-import.h"
#include "ys-validate.h"

typedef struct
{
  char *dir;
  char *path;
  YsStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("ys-store-XXXXXX", &error);
  g_assert_no_error (error);
  /* A folder that does not exist yet: the store creates it. */
  f->path = g_build_filename (f->dir, "sub", "yardstick.db", NULL);
  f->store = ys_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_object (&f->store);
  g_assert_cmpint (system (command), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
sql_int (const char *path,
         const char *sql)
{
  return ys_test_sql_int (path, sql);
}

static YsWorkflow *
add_workflow (Fixture    *f,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  YsWorkflow *workflow = ys_store_add_workflow (f->store, name, "", 3, &error);

  g_assert_no_error (error);
  g_assert_nonnull (workflow);
  return workflow;
}

static YsRunFields
run_fields (const char *workflow_id)
{
  YsRunFields fields = {
    .workflow_id = (char *) workflow_id, .mode = YS_MODE_WITHOUT_AI,
    .started_at = 1763800000, .duration_seconds = 5400, .corrections = 1,
    .used = YS_USED_UNKNOWN, .note = (char *) "",
  };
  return fields;
}

/* Opening --------------------------------------------------------------------- */

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, YS_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (f->path, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), ==, 1);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                                     " AND name LIKE 'runs_by_%'"), >=, 3);
  g_assert_true (ys_store_is_empty (f->store, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_workflows (f->store)), ==, 0);
}

static void
test_reopen_keeps_data (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) workflow = add_workflow (f, "Policy brief draft");

  g_clear_object (&f->store);
  f->store = ys_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_workflows (f->store)), ==, 1);
  g_assert_false (ys_store_is_empty (f->store, NULL));
}

/* A quarterly review alone is data: the sample team never goes beside it. */
static void
test_review_is_data (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  YsReview review = { .quarter = (char *) "2026-Q4", .coverage_percent = -1,
                      .working = (char *) "Intake notes", .not_working = (char *) "",
                      .more_rework = (char *) "" };

  g_assert_true (ys_store_is_empty (f->store, &error));
  g_assert_true (ys_store_save_review (f->store, &review, &error));
  g_assert_no_error (error);
  g_assert_false (ys_store_is_empty (f->store, &error));
  g_assert_no_error (error);
  g_assert_false (ys_demo_fill (f->store, &error));
  g_assert_error (error, YS_ERROR, YS_ERROR_NOT_EMPTY);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM runs"), ==, 0);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, length);
}

static void
test_newer_database_refused (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", YS_STORE_SCHEMA_VERSION + 1);
  sqlite3 *db;

  g_clear_object (&f->store);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  before = file_checksum (f->path);
  store = ys_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, YS_ERROR, YS_ERROR_NEWER_DATABASE);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_nonnull (strstr (error->message, "newer version of Yardstick"));
  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_foreign_files_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsStore) store = NULL;
  g_autofree char *text_file = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *other_db = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db;

  g_assert_true (g_file_set_contents (text_file, "This is not a database, just some notes.\n"
                                      "It is long enough to fill a header. 0123456789\n", -1, NULL));
  store = ys_store_open (text_file, &error);
  g_assert_null (store);
  g_assert_error (error, YS_ERROR, YS_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "is damaged, or is not a Yardstick database"));
  g_assert_nonnull (strstr (error->message, text_file));
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (other_db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE invoices (id INTEGER)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = file_checksum (other_db);
  store = ys_store_open (other_db, &error);
  g_assert_null (store);
  g_assert_error (error, YS_ERROR, YS_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "not a Yardstick one"));
  after = file_checksum (other_db);
  g_assert_cmpstr (before, ==, after);
}

/* Workflows ------------------------------------------------------------------- */

static void
test_workflow_rules (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) brief = add_workflow (f, "  Policy brief draft  ");
  YsWorkflow *refused;

  g_assert_cmpstr (ys_workflow_get_name (brief), ==, "Policy brief draft");

  refused = ys_store_add_workflow (f->store, "policy BRIEF draft", "", 1, &error);
  g_assert_null (refused);
  g_assert_error (error, YS_ERROR, YS_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "There is already a workflow called “policy BRIEF draft”.");
  g_clear_error (&error);

  refused = ys_store_add_workflow (f->store, " ", "", 1, &error);
  g_assert_null (refused);
  g_assert_cmpstr (error->message, ==, "A workflow needs a name.");
  g_clear_error (&error);

  refused = ys_store_add_workflow (f->store, "Intake", "", 0, &error);
  g_assert_null (refused);
  g_assert_cmpstr (error->message, ==, "The number of people must be between 1 and 10000.");
  g_clear_error (&error);

  g_assert_true (ys_store_update_workflow (f->store, ys_workflow_get_id (brief),
                                           "Policy brief", "Two pages", 5, &error));
  g_assert_no_error (error);
  {
    g_autoptr(YsWorkflow) again = ys_store_get_workflow (f->store, ys_workflow_get_id (brief));
    g_assert_cmpstr (ys_workflow_get_name (again), ==, "Policy brief");
    g_assert_cmpstr (ys_workflow_get_description (again), ==, "Two pages");
    g_assert_cmpint (ys_workflow_get_people (again), ==, 5);
  }

  /* Nothing refused was written. */
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM workflows"), ==, 1);
}

static void
test_three_active_workflows (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) a = add_workflow (f, "A");
  g_autoptr(YsWorkflow) b = add_workflow (f, "B");
  g_autoptr(YsWorkflow) c = add_workflow (f, "C");
  g_autoptr(YsWorkflow) d = NULL;
  g_autoptr(YsWorkflow) first = NULL;
  gboolean archived_instead = FALSE;

  d = ys_store_add_workflow (f->store, "D", "", 1, &error);
  g_assert_null (d);
  g_assert_error (error, YS_ERROR, YS_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "Archive one to add another"));
  g_clear_error (&error);
  g_assert_cmpuint (ys_store_count_active_workflows (f->store, NULL), ==, 3);

  /* Archiving frees a slot; the archived one keeps its place at the end. */
  g_assert_true (ys_store_set_workflow_archived (f->store, ys_workflow_get_id (a), TRUE, &error));
  g_assert_no_error (error);
  d = add_workflow (f, "D");
  first = g_list_model_get_item (ys_store_get_workflows (f->store), 3);
  g_assert_cmpstr (ys_workflow_get_name (first), ==, "A");
  g_assert_true (ys_workflow_get_archived (first));

  /* Bringing it back would make four. */
  g_assert_false (ys_store_set_workflow_archived (f->store, ys_workflow_get_id (a), FALSE, &error));
  g_assert_error (error, YS_ERROR, YS_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==,
                   "Three workflows are already active. Archive one before bringing back “A”.");
  g_clear_error (&error);

  /* Undoing a delete always works: it comes back archived if need be. */
  g_assert_true (ys_store_delete_workflow (f->store, ys_workflow_get_id (b), &error));
  g_assert_true (ys_store_set_workflow_archived (f->store, ys_workflow_get_id (a), FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (ys_store_restore_workflow (f->store, ys_workflow_get_id (b), &archived_instead,
                                            &error));
  g_assert_no_error (error);
  g_assert_true (archived_instead);
  g_assert_cmpuint (ys_store_count_active_workflows (f->store, NULL), ==, 3);
}

static void
test_tombstones (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) brief = add_workflow (f, "Brief");
  YsRunFields fields = run_fields (ys_workflow_get_id (brief));
  g_autoptr(YsRun) run = ys_store_add_run (f->store, &fields, &error);
  g_autoptr(GListModel) runs = ys_store_list_runs (f->store, ys_workflow_get_id (brief));
  g_autoptr(YsRun) gone = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (runs), ==, 1);

  g_assert_true (ys_store_delete_run (f->store, ys_run_get_id (run), &error));
  g_assert_cmpuint (g_list_model_get_n_items (runs), ==, 0);
  gone = ys_store_get_run (f->store, ys_run_get_id (run), NULL);
  g_assert_null (gone);
  /* A tombstone, not a deletion: it must travel in bundles. */
  g_assert_cmpint (sql_int (f->path, "SELECT deleted FROM runs"), ==, 1);
  g_assert_true (ys_store_restore_run (f->store, ys_run_get_id (run), &error));
  g_assert_cmpuint (g_list_model_get_n_items (runs), ==, 1);

  /* Deleting the workflow hides it and its runs. */
  g_assert_true (ys_store_delete_workflow (f->store, ys_workflow_get_id (brief), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_workflows (f->store)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (runs), ==, 0);
  g_assert_cmpuint (ys_store_count_active_workflows (f->store, NULL), ==, 0);
  g_assert_false (ys_store_update_workflow (f->store, ys_workflow_get_id (brief), "X", "", 1, &error));
  g_assert_error (error, YS_ERROR, YS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* A deleted name is free again. */
  g_clear_object (&brief);
  brief = add_workflow (f, "Brief");
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM workflows"), ==, 2);
}

/* Tools ---------------------------------------------------------------------- */

static void
test_tools (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsTool) claude = ys_store_add_tool (f->store, "Claude", &error);
  g_autoptr(YsTool) chatgpt = ys_store_add_tool (f->store, "ChatGPT", &error);
  g_autoptr(YsTool) first = NULL;
  YsTool *refused;
  GListModel *tools = ys_store_get_tools (f->store);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tools), ==, 2);
  first = g_list_model_get_item (tools, 0);
  g_assert_cmpstr (ys_tool_get_name (first), ==, "ChatGPT");

  refused = ys_store_add_tool (f->store, "chatgpt", &error);
  g_assert_null (refused);
  g_assert_cmpstr (error->message, ==, "There is already a tool called “chatgpt”.");
  g_clear_error (&error);

  g_assert_false (ys_store_rename_tool (f->store, ys_tool_get_id (claude), "ChatGPT", &error));
  g_assert_error (error, YS_ERROR, YS_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_true (ys_store_rename_tool (f->store, ys_tool_get_id (claude), "Claude Pro", &error));
  g_assert_no_error (error);

  g_assert_true (ys_store_delete_tool (f->store, ys_tool_get_id (claude), &error));
  g_assert_cmpuint (g_list_model_get_n_items (tools), ==, 1);
  g_assert_true (ys_store_restore_tool (f->store, ys_tool_get_id (claude), &error));
  g_assert_cmpuint (g_list_model_get_n_items (tools), ==, 2);
}

/* A tool's monthly cost: set, kept in cents, cleared to unknown, never
 * bumped when typed again, refused beyond FORMAT.md's range. */
static void
test_tool_cost (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsTool) tool = ys_store_add_tool (f->store, "ChatGPT", &error);
  g_autoptr(YsTool) listed = NULL;
  const char *id = ys_tool_get_id (tool);
  GListModel *tools = ys_store_get_tools (f->store);
  gint64 updated_at;

  g_assert_no_error (error);
  g_assert_cmpint (ys_tool_get_monthly_cost (tool), ==, -1);
  g_assert_cmpint (sql_int (f->path, "SELECT monthly_cost IS NULL FROM tools"), ==, 1);

  g_assert_true (ys_store_set_tool_cost (f->store, id, 6000, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (f->path, "SELECT monthly_cost FROM tools"), ==, 6000);
  listed = g_list_model_get_item (tools, 0);
  g_assert_cmpint (ys_tool_get_monthly_cost (listed), ==, 6000);

  /* The same cost again is no edit: nothing new to send to others. */
  updated_at = sql_int (f->path, "SELECT updated_at FROM tools");
  g_assert_true (ys_store_set_tool_cost (f->store, id, 6000, &error));
  g_assert_cmpint (sql_int (f->path, "SELECT updated_at FROM tools"), ==, updated_at);

  /* The largest cost a bundle may carry, and one cent more. */
  g_assert_true (ys_store_set_tool_cost (f->store, id, G_GINT64_CONSTANT (1000000000), &error));
  g_assert_cmpint (sql_int (f->path, "SELECT updated_at FROM tools"), >, updated_at);
  g_assert_false (ys_store_set_tool_cost (f->store, id, G_GINT64_CONSTANT (1000000001), &error));
  g_assert_error (error, YS_ERROR, YS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A monthly cost can be at most 10000000.00.");
  g_clear_error (&error);
  g_assert_false (ys_store_set_tool_cost (f->store, id, -2, &error));
  g_assert_error (error, YS_ERROR, YS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sql_int (f->path, "SELECT monthly_cost FROM tools"), ==, 1000000000);

  /* Not known again: NULL, as in a bundle. */
  g_assert_true (ys_store_set_tool_cost (f->store, id, -1, &error));
  g_assert_cmpint (sql_int (f->path, "SELECT monthly_cost IS NULL FROM tools"), ==, 1);
  g_clear_object (&listed);
  listed = g_list_model_get_item (tools, 0);
  g_assert_cmpint (ys_tool_get_monthly_cost (listed), ==, -1);

  /* A removed tool has no cost to set. */
  g_assert_true (ys_store_delete_tool (f->store, id, &error));
  g_assert_false (ys_store_set_tool_cost (f->store, id, 100, &error));
  g_assert_error (error, YS_ERROR, YS_ERROR_NOT_FOUND);
}

/* Runs ----------------------------------------------------------------------- */

static void
test_run_rules (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) brief = add_workflow (f, "Brief");
  g_autoptr(YsTool) tool = ys_store_add_tool (f->store, "Claude", &error);
  YsRunFields fields = run_fields (ys_workflow_get_id (brief));
  g_autoptr(YsRun) run = NULL;
  g_autofree char *last_tool = NULL;
  YsRun *refused;

  fields.duration_seconds = 0;
  refused = ys_store_add_run (f->store, &fields, &error);
  g_assert_null (refused);
  g_assert_cmpstr (error->message, ==, "A run must take between 1 second and 7 days.");
  g_clear_error (&error);
  fields.duration_seconds = 5400;

  fields.corrections = 1001;
  refused = ys_store_add_run (f->store, &fields, &error);
  g_assert_null (refused);
  g_assert_cmpstr (error->message, ==, "Corrections must be between 0 and 1000.");
  g_clear_error (&error);
  fields.corrections = 2;

  fields.mode = YS_MODE_WITH_AI;
  refused = ys_store_add_run (f->store, &fields, &error);
  g_assert_null (refused);
  g_assert_cmpstr (error->message, ==, "A run with AI needs the tool it used.");
  g_clear_error (&error);

  fields.tool_id = (char *) "00000000-0000-4000-8000-000000000000";
  refused = ys_store_add_run (f->store, &fields, &error);
  g_assert_null (refused);
  g_assert_error (error, YS_ERROR, YS_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "That tool no longer exists.");
  g_clear_error (&error);

  fields.workflow_id = (char *) "00000000-0000-4000-8000-000000000000";
  fields.tool_id = (char *) ys_tool_get_id (tool);
  refused = ys_store_add_run (f->store, &fields, &error);
  g_assert_null (refused);
  g_assert_cmpstr (error->message, ==, "That workflow no longer exists.");
  g_clear_error (&error);

  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM runs"), ==, 0);

  fields.workflow_id = (char *) ys_workflow_get_id (brief);
  fields.used = YS_USED_YES;
  fields.note = (char *) "Sent to partners";
  run = ys_store_add_run (f->store, &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ys_run_get_tool_name (run), ==, "Claude");
  g_assert_cmpint (ys_run_get_fields (run)->used, ==, YS_USED_YES);
  g_assert_cmpstr (ys_run_get_fields (run)->note, ==, "Sent to partners");
  g_assert_cmpuint (ys_store_count_runs (f->store, ys_workflow_get_id (brief), YS_MODE_WITH_AI, NULL), ==, 1);
  last_tool = ys_store_get_last_tool_id (f->store, ys_workflow_get_id (brief), NULL);
  g_assert_cmpstr (last_tool, ==, ys_tool_get_id (tool));

  /* Editing: a run with AI turned into a baseline run drops its tool. */
  fields.mode = YS_MODE_WITHOUT_AI;
  fields.tool_id = NULL;
  fields.used = YS_USED_UNKNOWN;
  g_assert_true (ys_store_update_run (f->store, ys_run_get_id (run), &fields, &error));
  g_assert_no_error (error);
  g_clear_object (&run);
  {
    g_autoptr(GListModel) runs = ys_store_list_runs (f->store, ys_workflow_get_id (brief));
    run = g_list_model_get_item (runs, 0);
  }
  g_assert_cmpint (ys_run_get_fields (run)->mode, ==, YS_MODE_WITHOUT_AI);
  g_assert_null (ys_run_get_fields (run)->tool_id);
  g_assert_cmpint (ys_run_get_fields (run)->used, ==, YS_USED_UNKNOWN);

  /* No new runs on an archived workflow. */
  g_assert_true (ys_store_set_workflow_archived (f->store, ys_workflow_get_id (brief), TRUE, &error));
  refused = ys_store_add_run (f->store, &fields, &error);
  g_assert_null (refused);
  g_assert_cmpstr (error->message, ==, "“Brief” is archived. Bring it back to log new runs.");
}

/* What a view of the list has been told, by its items-changed signals. */
typedef struct
{
  GListModel *model;
  guint seen;   /* items the signals add up to */
  guint grew;   /* signals that added one more run */
  guint shrank; /* signals that took one away */
} ListView;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  ListView   *view)
{
  g_assert_cmpuint (position + removed, <=, view->seen);
  view->seen = view->seen - removed + added;
  g_assert_cmpuint (view->seen, ==, g_list_model_get_n_items (model));
  if (added == removed + 1)
    view->grew++;
  else if (removed == added + 1)
    view->shrank++;
  else
    g_assert_cmpuint (added, ==, removed);
}

/* The list of one workflow's runs tells its views about each run added to
 * that workflow. A run of another workflow may be announced as a change
 * that adds nothing, or not at all: that is not this list's business. */
static void
test_run_list_model (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) brief = add_workflow (f, "Brief");
  g_autoptr(YsWorkflow) other = add_workflow (f, "Other");
  g_autoptr(GListModel) runs = ys_store_list_runs (f->store, ys_workflow_get_id (brief));
  ListView view = { runs, 0, 0, 0 };
  gint64 previous = G_MAXINT64;

  g_assert_cmpuint (g_list_model_get_n_items (runs), ==, 0);
  g_signal_connect (runs, "items-changed", G_CALLBACK (on_items_changed), &view);

  /* More than a page, in random order of start. */
  for (int i = 0; i < 250; i++)
    {
      gboolean to_brief = i % 5 != 0;
      YsRunFields fields = run_fields (ys_workflow_get_id (to_brief ? brief : other));
      g_autoptr(YsRun) run = NULL;
      guint grew = view.grew;

      fields.started_at = 1760000000 + ((i * 7919) % 250) * 3600;
      run = ys_store_add_run (f->store, &fields, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (view.grew, ==, grew + to_brief);
    }
  g_assert_cmpuint (view.shrank, ==, 0);

  g_assert_cmpuint (view.grew, ==, 200);
  g_assert_cmpuint (view.seen, ==, 200);
  g_assert_cmpuint (g_list_model_get_n_items (runs), ==, 200);
  g_assert_true (g_list_model_get_item_type (runs) == YS_TYPE_RUN);

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(YsRun) run = g_list_model_get_item (runs, i);

      g_assert_nonnull (run);
      g_assert_cmpstr (ys_run_get_fields (run)->workflow_id, ==, ys_workflow_get_id (brief));
      g_assert_cmpint (ys_run_get_fields (run)->started_at, <=, previous);
      previous = ys_run_get_fields (run)->started_at;
    }
  g_assert_null (g_list_model_get_item (runs, 200));

  /* A deletion is told too. */
  {
    g_autoptr(YsRun) newest = g_list_model_get_item (runs, 0);

    g_assert_true (ys_store_delete_run (f->store, ys_run_get_id (newest), &error));
    g_assert_no_error (error);
    g_assert_cmpuint (view.shrank, ==, 1);
    g_assert_cmpuint (view.seen, ==, 199);
  }
}

static char *
sql_text (const char *path,
          const char *sql)
{
  return ys_test_sql_rows (path, sql, NULL);
}

/* What the test expects of one run, kept beside the store as it goes. */
typedef struct
{
  char *id;
  gint64 started_at;
  int corrections;
  YsUsed used;
  gboolean with_ai;
  gboolean deleted;
} ExpectedRun;

/* The stored value of used: 1, 0 or, for not known, NULL (-1 here). */
static int
used_column (YsUsed used)
{
  return used == YS_USED_UNKNOWN ? -1 : used == YS_USED_YES;
}

static int
compare_expected_runs (const void *a,
                       const void *b)
{
  return strcmp (((const ExpectedRun *) a)->id, ((const ExpectedRun *) b)->id);
}

/* The per-day totals the triggers keep always equal a count from scratch,
 * through edits, deletions, undos and outcomes, each of which does what
 * the test expects of it: a deleted run can be deleted or brought back
 * again, but neither edited nor given an outcome. */
static void
test_daily_totals_follow_runs (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) brief = add_workflow (f, "Brief");
  g_autoptr(YsTool) tool = ys_store_add_tool (f->store, "Claude", &error);
  ExpectedRun expected[60];
  g_autoptr(GString) expected_rows = g_string_new (NULL);
  g_autofree char *stored_rows = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *counted = NULL;
  guint refused = 0, deleted_at_end = 0;
  GRand *rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      YsRunFields fields = run_fields (ys_workflow_get_id (brief));
      g_autoptr(YsRun) run = NULL;

      fields.started_at = 1790000000 + g_rand_int_range (rand, 0, 10) * 86400;
      fields.corrections = g_rand_int_range (rand, 0, 3);
      fields.used = g_rand_int_range (rand, 0, 3);
      fields.assignment = i * 7 % 3;
      if (g_rand_boolean (rand))
        {
          fields.mode = YS_MODE_WITH_AI;
          fields.tool_id = (char *) ys_tool_get_id (tool);
        }
      run = ys_store_add_run (f->store, &fields, &error);
      g_assert_no_error (error);
      expected[i] = (ExpectedRun) { g_strdup (ys_run_get_id (run)), fields.started_at,
                                    fields.corrections, fields.used,
                                    fields.mode == YS_MODE_WITH_AI, FALSE };
    }

  /* Edits that move runs between days and modes, deletions and undo. */
  for (int i = 0; i < 40; i++)
    {
      ExpectedRun *run = &expected[g_rand_int_range (rand, 0, G_N_ELEMENTS (expected))];
      int what = g_rand_int_range (rand, 0, 4);
      gboolean ok;

      if (what == 0)
        {
          YsRunFields fields = run_fields (ys_workflow_get_id (brief));

          fields.started_at = 1790000000 + g_rand_int_range (rand, 0, 10) * 86400;
          fields.corrections = 5;
          ok = ys_store_update_run (f->store, run->id, &fields, &error);
          if (!run->deleted)
            {
              run->started_at = fields.started_at;
              run->corrections = fields.corrections;
              run->used = fields.used;
              run->with_ai = FALSE;
            }
        }
      else if (what == 1)
        {
          ok = ys_store_delete_run (f->store, run->id, &error);
          run->deleted = TRUE;
        }
      else if (what == 2)
        {
          ok = ys_store_restore_run (f->store, run->id, &error);
          run->deleted = FALSE;
        }
      else
        {
          YsUsed used = g_rand_int_range (rand, 0, 3);

          ok = ys_store_set_run_used (f->store, run->id, used, &error);
          if (!run->deleted)
            run->used = used;
        }

      if ((what == 0 || what == 3) && run->deleted)
        {
          g_assert_false (ok);
          g_assert_error (error, YS_ERROR, YS_ERROR_NOT_FOUND);
          g_clear_error (&error);
          refused++;
        }
      else
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
    }

  /* A merge may change how a run's mode was decided. */
  for (int i = 0; i < 10; i++)
    {
      g_autoptr(GStringChunk) strings = g_string_chunk_new (256);
      const char *id = expected[g_rand_int_range (rand, 0, G_N_ELEMENTS (expected))].id;
      YsRunRecord record = { 0 };
      gboolean found = FALSE;

      g_assert_true (ys_store_get_record (f->store, YS_RECORD_RUN, id, &record, strings, &found,
                                          &error));
      g_assert_true (found);
      record.assignment = (record.assignment + 1 + g_rand_int_range (rand, 0, 2)) % 3;
      record.updated_at++;
      g_assert_true (ys_store_begin (f->store, &error));
      g_assert_true (ys_store_end (f->store,
                                   ys_store_put_record (f->store, YS_RECORD_RUN, &record, &error),
                                   &error));
      g_assert_no_error (error);
    }
  g_rand_free (rand);

  /* The seed above reaches both kinds of call on a deleted run. */
  g_assert_cmpuint (refused, >, 0);

  /* Every run holds what the calls above should have left. */
  qsort (expected, G_N_ELEMENTS (expected), sizeof expected[0], compare_expected_runs);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_string_append_printf (expected_rows, "%s|%" G_GINT64_FORMAT "|%d|%d|%d|%d|\n",
                              expected[i].id, expected[i].started_at, expected[i].corrections,
                              used_column (expected[i].used), expected[i].with_ai,
                              expected[i].deleted);
      deleted_at_end += expected[i].deleted;
      g_free (expected[i].id);
    }
  g_assert_cmpuint (deleted_at_end, >, 0);
  stored_rows = sql_text (f->path, "SELECT id, started_at, corrections, coalesce (used, -1), mode,"
                                   " deleted FROM runs ORDER BY id");
  g_assert_cmpstr (stored_rows, ==, expected_rows->str);

  kept = sql_text (f->path, "SELECT workflow_id, mode, tool_key, day, runs, corrections, corrected,"
                            " used_yes, used_no, drawn, overridden FROM " YS_TEST_DAILY " WHERE runs <> 0"
                            " ORDER BY 1, 2, 3, 4");
  counted = sql_text (f->path, "SELECT workflow_id, mode, coalesce (tool_id, ''), started_on,"
                               " count(*), sum (corrections), sum (corrections >= 1),"
                               " sum (used IS 1), sum (used IS 0), sum (assignment = 1),"
                               " sum (assignment = 2) FROM " YS_TEST_RUNS " WHERE deleted = 0"
                               " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4");
  g_assert_cmpstr (kept, ==, counted);
  g_assert_cmpuint (strlen (kept), >, 100);

  g_free (kept);
  g_free (counted);
  kept = sql_text (f->path, "SELECT workflow_id, mode, tool_key, duration_seconds, runs"
                            " FROM " YS_TEST_DURATIONS " WHERE runs <> 0 ORDER BY 1, 2, 3, 4");
  counted = sql_text (f->path, "SELECT workflow_id, mode, coalesce (tool_id, ''), duration_seconds,"
                               " count(*) FROM " YS_TEST_RUNS " WHERE deleted = 0"
                               " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4");
  g_assert_cmpstr (kept, ==, counted);

  g_free (kept);
  g_free (counted);
  kept = sql_text (f->path, "SELECT workflow_id, mode, duration_seconds, drawn, runs"
                            " FROM " YS_TEST_MODE_DURATIONS " WHERE runs <> 0 ORDER BY 1, 2, 3, 4");
  counted = sql_text (f->path, "SELECT workflow_id, mode, duration_seconds, assignment = 1,"
                               " count(*) FROM " YS_TEST_RUNS " WHERE deleted = 0"
                               " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4");
  g_assert_cmpstr (kept, ==, counted);
  g_assert_nonnull (strstr (kept, "|1|"));
}

static void
test_reviews (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  YsReview review = { .quarter = (char *) "2026-Q3", .coverage_percent = 60,
                      .working = (char *) "Briefs are quicker.", .not_working = (char *) "",
                      .more_rework = (char *) "Grant figures." };
  YsReview stored, again;
  g_autofree char *first_id = NULL;

  /* An empty form before anything is saved. */
  ys_store_get_review (f->store, "2026-Q3", &stored, NULL);
  g_assert_null (stored.id);
  g_assert_cmpint (stored.coverage_percent, ==, -1);
  g_assert_cmpstr (stored.working, ==, "");
  ys_review_clear (&stored);

  g_assert_true (ys_store_save_review (f->store, &review, &error));
  g_assert_no_error (error);
  ys_store_get_review (f->store, "2026-Q3", &stored, NULL);
  g_assert_nonnull (stored.id);
  g_assert_cmpint (stored.coverage_percent, ==, 60);
  g_assert_cmpstr (stored.more_rework, ==, "Grant figures.");
  first_id = g_strdup (stored.id);
  ys_review_clear (&stored);

  /* Autosave keeps editing the same record. */
  review.coverage_percent = -1;
  review.working = (char *) "Briefs are much quicker.";
  g_assert_true (ys_store_save_review (f->store, &review, &error));
  ys_store_get_review (f->store, "2026-Q3", &again, NULL);
  g_assert_cmpstr (again.id, ==, first_id);
  g_assert_cmpint (again.coverage_percent, ==, -1);
  g_assert_cmpstr (again.working, ==, "Briefs are much quicker.");
  ys_review_clear (&again);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM reviews"), ==, 1);

  review.quarter = (char *) "2026-Q5";
  g_assert_false (ys_store_save_review (f->store, &review, &error));
  g_assert_cmpstr (error->message, ==, "“2026-Q5” is not a quarter like 2026-Q3.");
  g_clear_error (&error);
  review.quarter = (char *) "2026-Q4";
  review.coverage_percent = 101;
  g_assert_false (ys_store_save_review (f->store, &review, &error));
  g_assert_cmpstr (error->message, ==, "Coverage must be between 0% and 100%, or not known.");
}

static gboolean
fail_after_writing (YsStore   *store,
                    gpointer   user_data,
                    GError   **error)
{
  g_autoptr(YsWorkflow) workflow = ys_store_add_workflow (store, "Half-done", "", 1, error);

  g_assert_nonnull (workflow);
  g_set_error_literal (error, YS_ERROR, YS_ERROR_INVALID, "Something later was refused.");
  return FALSE;
}

static void
test_transaction_all_or_nothing (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ys_store_run_in_transaction (f->store, fail_after_writing, NULL, &error));
  g_assert_error (error, YS_ERROR, YS_ERROR_INVALID);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM workflows"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ys_store_get_workflows (f->store)), ==, 0);
}

static void
test_feedback (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) brief = add_workflow (f, "Brief");
  g_autoptr(YsTool) tool = ys_store_add_tool (f->store, "Claude", &error);
  g_autofree char *id = NULL;
  char *refused;

  id = ys_store_add_feedback (f->store, ys_workflow_get_id (brief), ys_tool_get_id (tool),
                              TRUE, "2026-11-20", "", &error);
  g_assert_no_error (error);
  g_assert_true (ys_is_uuid (id));
  g_assert_cmpuint (ys_store_count_feedback (f->store, ys_workflow_get_id (brief), NULL), ==, 1);

  refused = ys_store_add_feedback (f->store, ys_workflow_get_id (brief), ys_tool_get_id (tool),
                                   FALSE, "2026-02-30", "", &error);
  g_assert_null (refused);
  g_assert_cmpstr (error->message, ==, "“2026-02-30” is not a date like 2026-11-22.");
}

/* Active first, then archived, each by case-folded name (Unicode code
 * points, the same in every locale), then id: the order every computer
 * shows, whatever order the workflows arrived in. */
static void
test_workflow_order (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) brief = add_workflow (f, "policy brief");
  g_autoptr(YsWorkflow) intake = add_workflow (f, "Intake summary");
  g_autoptr(YsWorkflow) eclair = add_workflow (f, "Éclair reports");
  g_autoptr(YsWorkflow) budget = NULL;
  g_autoptr(YsWorkflow) alpha = NULL;
  g_autoptr(YsSummary) summary = NULL;
  const char *expected[] = { "Alpha", "budget memo", "policy brief", "Intake summary",
                             "Éclair reports" };
  GListModel *workflows = ys_store_get_workflows (f->store);

  g_assert_true (ys_store_set_workflow_archived (f->store, ys_workflow_get_id (intake), TRUE, &error));
  budget = add_workflow (f, "budget memo");
  g_assert_true (ys_store_set_workflow_archived (f->store, ys_workflow_get_id (eclair), TRUE, &error));
  alpha = add_workflow (f, "Alpha");
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (workflows), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(YsWorkflow) workflow = g_list_model_get_item (workflows, i);
      g_assert_cmpstr (ys_workflow_get_name (workflow), ==, expected[i]);
    }

  /* The summary (and so the report) lists them the same way. */
  summary = ys_summary_compute (f->store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->workflows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (((YsWorkflowFigures *) summary->workflows->pdata[i])->name, ==, expected[i]);
}

/* Models: each change is announced as the stretch that differs -------------- */

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
record_change (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

/* Takes the changes recorded so far. */
static void
assert_changes (GArray       *changes,
                const Change *expected,
                guint         n)
{
  g_assert_cmpuint (changes->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      Change *change = &g_array_index (changes, Change, i);

      g_assert_cmpuint (change->position, ==, expected[i].position);
      g_assert_cmpuint (change->removed, ==, expected[i].removed);
      g_assert_cmpuint (change->added, ==, expected[i].added);
    }
  g_array_set_size (changes, 0);
}

#define ASSERT_CHANGES(changes, ...) G_STMT_START { \
  const Change expected[] = { __VA_ARGS__ }; \
  assert_changes (changes, expected, G_N_ELEMENTS (expected)); \
} G_STMT_END

static void
test_models_announce_changes (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) workflows = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GArray) tools = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GArray) timers = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(YsWorkflow) a = NULL;
  g_autoptr(YsWorkflow) b = NULL;
  g_autoptr(YsWorkflow) c = NULL;
  g_autoptr(YsTool) copilot = NULL;
  g_autoptr(YsTool) chatgpt = NULL;
  g_autoptr(YsTool) claude = NULL;
  g_autoptr(YsRun) run = NULL;
  YsRunFields fields;

  g_signal_connect (ys_store_get_workflows (f->store), "items-changed",
                    G_CALLBACK (record_change), workflows);
  g_signal_connect (ys_store_get_tools (f->store), "items-changed",
                    G_CALLBACK (record_change), tools);
  g_signal_connect (ys_store_get_timers (f->store), "items-changed",
                    G_CALLBACK (record_change), timers);

  /* Workflows in the order they were added: each one joins the end. */
  a = add_workflow (f, "A");
  b = add_workflow (f, "B");
  c = add_workflow (f, "C");
  ASSERT_CHANGES (workflows, { 0, 0, 1 }, { 1, 0, 1 }, { 2, 0, 1 });

  /* A renamed workflow is replaced where it stands. */
  g_assert_true (ys_store_update_workflow (f->store, ys_workflow_get_id (b), "B two", "", 3,
                                           &error));
  ASSERT_CHANGES (workflows, { 1, 1, 1 });

  /* A run changes no workflow, so the workflows announce nothing. */
  fields = run_fields (ys_workflow_get_id (a));
  run = ys_store_add_run (f->store, &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (workflows->len, ==, 0);

  /* Timers follow the workflows' order: A, C. */
  g_assert_true (ys_store_start_timer (f->store, ys_workflow_get_id (a), YS_MODE_WITHOUT_AI,
                                       NULL, &error));
  g_assert_true (ys_store_start_timer (f->store, ys_workflow_get_id (c), YS_MODE_WITHOUT_AI,
                                       NULL, &error));
  g_assert_true (ys_store_pause_timer (f->store, ys_workflow_get_id (a), &error));
  g_assert_true (ys_store_discard_timer (f->store, ys_workflow_get_id (c), &error));
  g_assert_no_error (error);
  ASSERT_CHANGES (timers, { 0, 0, 1 }, { 1, 0, 1 }, { 0, 1, 1 }, { 1, 1, 0 });
  g_assert_cmpuint (workflows->len, ==, 0);

  /* Archived workflows go after the active ones: archiving the last one
   * replaces it; archiving the first moves it behind B two, a stretch of
   * two, while C (archived) stays. */
  g_assert_true (ys_store_set_workflow_archived (f->store, ys_workflow_get_id (c), TRUE, &error));
  ASSERT_CHANGES (workflows, { 2, 1, 1 });
  g_assert_true (ys_store_set_workflow_archived (f->store, ys_workflow_get_id (a), TRUE, &error));
  ASSERT_CHANGES (workflows, { 0, 2, 2 });
  g_assert_true (ys_store_delete_workflow (f->store, ys_workflow_get_id (b), &error));
  g_assert_no_error (error);
  ASSERT_CHANGES (workflows, { 0, 1, 0 });

  /* Tools by name, whatever the case. */
  copilot = ys_store_add_tool (f->store, "Copilot", &error);
  chatgpt = ys_store_add_tool (f->store, "ChatGPT", &error);
  claude = ys_store_add_tool (f->store, "claude", &error);
  g_assert_true (ys_store_rename_tool (f->store, ys_tool_get_id (copilot), "Zed", &error));
  g_assert_no_error (error);
  ASSERT_CHANGES (tools, { 0, 0, 1 }, { 0, 0, 1 }, { 1, 0, 1 }, { 2, 1, 1 });
}

/* What the window and --summary read never walks every run: on a database
 * of 3,000 runs (60 from a tracker), no statement they ran stepped through
 * a whole table or index more than a tenth of the runs' worth. Reading a
 * workflow's runs by its id, the integer key it has inside the indexes is
 * looked up first; a plan that misses it (the Awaiting Outcome count once
 * walked runs_by_workflow_start, 3,000 steps) fails here. */
#define PLAN_RUNS 3000

typedef struct
{
  const char *workflow;
  const char *tool;
} PlanIds;

static gboolean
add_plan_runs (YsStore  *store,
               gpointer  user_data,
               GError  **error)
{
  const PlanIds *ids = user_data;

  for (int i = 0; i < PLAN_RUNS; i++)
    {
      g_autofree char *id = g_uuid_string_random ();
      YsRunRecord run = {
        .id = id, .workflow = ids->workflow, .mode = i % 2, .tool = i % 2 ? ids->tool : NULL,
        /* Over 30 days, so that the per-day totals stay few. */
        .started_at = 1763800000 + i * 860, .duration_seconds = 300 + (i * 53) % 9000,
        .corrections = i % 4, .used = i % 3, .note = "", .assignment = i % 3,
        .source = i % 50 == 0 ? "tracker" : NULL, .updated_at = 1,
      };

      if (!ys_store_put_record (store, YS_RECORD_RUN, &run, error))
        return FALSE;
    }
  return TRUE;
}

static void
test_no_walk_over_runs (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YsWorkflow) brief = add_workflow (f, "Policy brief draft");
  g_autoptr(YsTool) tool = ys_store_add_tool (f->store, "ChatGPT", &error);
  PlanIds ids = { ys_workflow_get_id (brief), NULL };
  sqlite3 *db = ys_database_get_handle (ys_store_get_database (f->store));
  g_autoptr(YsSummary) all = NULL;
  g_autoptr(YsSummary) week = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) durations = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GListModel) runs = NULL;
  g_autoptr(GListModel) awaiting = NULL;
  g_autoptr(GObject) first = NULL;
  g_autoptr(GObject) first_awaiting = NULL;
  g_autofree char *last_tool = NULL;
  GDate from, to;
  guint imported = 0;
  int checked = 0;

  g_assert_no_error (error);
  ids.tool = ys_tool_get_id (tool);
  g_assert_true (ys_store_run_in_transaction (f->store, add_plan_runs, &ids, &error));
  g_assert_no_error (error);

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt; stmt = sqlite3_next_stmt (db, stmt))
    sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_FULLSCAN_STEP, TRUE);

  g_date_set_dmy (&from, 25, G_DATE_NOVEMBER, 2025);
  g_date_set_dmy (&to, 1, G_DATE_DECEMBER, 2025);
  all = ys_summary_compute (f->store, NULL, NULL, &error);
  g_assert_no_error (error);
  week = ys_summary_compute (f->store, &from, &to, &error);
  g_assert_no_error (error);
  weeks = ys_stats_weekly (f->store, ids.workflow, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ys_stats_run_points (f->store, ids.workflow, &from, &to, PLAN_RUNS, days,
                                      durations, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ys_store_count_awaiting_outcome (f->store, &error), ==, 980);
  g_assert_no_error (error);
  g_assert_cmpuint (ys_store_count_runs (f->store, ids.workflow, YS_MODE_WITH_AI, &error), ==,
                    PLAN_RUNS / 2);
  last_tool = ys_store_get_last_tool_id (f->store, ids.workflow, &error);
  g_assert_cmpstr (last_tool, ==, ids.tool);
  g_assert_true (ys_tracker_count_imported (f->store, ids.workflow, NULL, NULL, &imported,
                                            &error));
  g_assert_cmpuint (imported, ==, PLAN_RUNS / 50);
  runs = ys_store_list_runs (f->store, ids.workflow);
  g_assert_cmpuint (g_list_model_get_n_items (runs), ==, PLAN_RUNS);
  first = g_list_model_get_item (runs, 0);
  awaiting = ys_store_list_awaiting_outcome (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (awaiting), ==, 980);
  first_awaiting = g_list_model_get_item (awaiting, 0);

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt; stmt = sqlite3_next_stmt (db, stmt))
    {
      int steps = sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_FULLSCAN_STEP, FALSE);

      if (steps >= PLAN_RUNS / 10)
        g_error ("%d steps of a full scan: %s", steps, sqlite3_sql (stmt));
      checked++;
    }
  g_assert_cmpint (checked, >, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/create", test_create);
  ADD ("/store/reopen-keeps-data", test_reopen_keeps_data);
  ADD ("/store/review-is-data", test_review_is_data);
  ADD ("/store/newer-database-refused", test_newer_database_refused);
  ADD ("/store/foreign-files-refused", test_foreign_files_refused);
  ADD ("/store/workflow-rules", test_workflow_rules);
  ADD ("/store/three-active-workflows", test_three_active_workflows);
  ADD ("/store/workflow-order", test_workflow_order);
  ADD ("/store/tombstones", test_tombstones);
  ADD ("/store/tools", test_tools);
  ADD ("/store/tool-cost", test_tool_cost);
  ADD ("/store/run-rules", test_run_rules);
  ADD ("/store/run-list-model", test_run_list_model);
  ADD ("/store/models-announce-changes", test_models_announce_changes);
  ADD ("/store/transaction-all-or-nothing", test_transaction_all_or_nothing);
  ADD ("/store/daily-totals-follow-runs", test_daily_totals_follow_runs);
  ADD ("/store/reviews", test_reviews);
  ADD ("/store/feedback", test_feedback);
  ADD ("/store/no-walk-over-runs", test_no_walk_over_runs);

  return g_test_run ();
}
