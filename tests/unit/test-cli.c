/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>

#include "ys-test-sql.h"

/* Runs the real program as a script or a person would. */

static char *tmp_dir;

typedef struct
{
  int status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static Result
run (const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("YARDSTICK_BIN");
  Result r = { 0 };
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (bin);
  g_ptr_array_add (args, (char *) bin);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &r.out, &r.err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  return r;
}

static void
test_version_and_help (void)
{
  g_auto(Result) version = run ("--version", NULL);
  g_auto(Result) help = run ("--help", NULL);

  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "yardstick "));
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--database"));
  g_assert_nonnull (strstr (help.out, "--demo"));
}

static void
test_usage_errors (void)
{
  g_auto(Result) unknown = run ("--frobnicate", NULL);
  g_auto(Result) stray = run ("stray-argument", NULL);
  g_auto(Result) empty = run ("--database", "", NULL);

  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "--frobnicate"));
  g_assert_cmpint (stray.status, ==, 2);
  g_assert_nonnull (strstr (stray.err, "stray-argument"));
  g_assert_cmpint (empty.status, ==, 2);
}

static void
test_demo_once (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "demo.db", NULL);
  g_auto(Result) first = run ("--database", path, "--demo", NULL);
  g_auto(Result) second = run ("--database", path, "--demo", NULL);

  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpint (second.status, ==, 1);
  /* One clear line that names the file. */
  g_assert_nonnull (strstr (second.err, path));
  g_assert_true (g_str_has_suffix (second.err, "\n"));
  g_assert_true (strchr (second.err, '\n') == second.err + strlen (second.err) - 1);

  ys_test_assert_integrity (path);
}

static void
test_refused_database (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "newer.db", NULL);
  g_auto(Result) result = { 0 };
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  result = run ("--database", path, "--demo", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "newer version of Yardstick"));
  g_assert_nonnull (strstr (result.err, path));
}

/* A damaged or read-only file: one line naming it, exit 1, the file as it was. */
static void
test_damaged_database (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "damaged.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Result) result = { 0 };
  gsize length;

  g_assert_true (g_file_set_contents (path, "Not a database, but long enough to look like the "
                                      "start of one to SQLite's header check.\n", -1, NULL));
  g_assert_true (g_file_get_contents (path, &before, &length, NULL));
  result = run ("--database", path, "--summary", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "damaged.db is damaged, or is not a Yardstick database"));
  g_assert_true (strchr (result.err, '\n') == result.err + strlen (result.err) - 1);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_true (g_file_get_contents (path, &after, &length, NULL));
  g_assert_cmpstr (before, ==, after);
}

static char *
dump_rows (const char *path)
{
  return ys_test_sql_rows (path,
                           "SELECT id, workflow_id, duration_seconds, note FROM runs ORDER BY id",
                           "SELECT id, name, people, description FROM workflows ORDER BY id",
                           NULL);
}

/* --backup writes a whole, separate copy; opening the copy shows the same. */
static void
test_backup (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "to-back-up.db", NULL);
  g_autofree char *copy = g_build_filename (tmp_dir, "copies", "copy.db", NULL);
  g_autofree char *original_rows = NULL;
  g_autofree char *copy_rows = NULL;
  g_auto(Result) demo = run ("--database", path, "--demo", NULL);
  g_auto(Result) backup = run ("--database", path, "--backup", copy, NULL);
  g_auto(Result) summary_original = run ("--database", path, "--summary", NULL);
  g_auto(Result) summary_copy = run ("--database", copy, "--summary", NULL);
  g_auto(Result) onto_itself = run ("--database", path, "--backup", path, NULL);
  g_auto(Result) to_stdout = run ("--database", path, "--backup", "-", NULL);

  g_assert_cmpint (demo.status, ==, 0);
  g_assert_cmpint (backup.status, ==, 0);
  original_rows = dump_rows (path);
  copy_rows = dump_rows (copy);
  g_assert_true (g_strcmp0 (original_rows, copy_rows) == 0);
  g_assert_cmpint (summary_copy.status, ==, 0);
  g_assert_cmpstr (summary_original.out, ==, summary_copy.out);

  g_assert_cmpint (onto_itself.status, ==, 1);
  g_assert_nonnull (strstr (onto_itself.err, "--backup must name a file other than the database"));
  g_assert_cmpint (to_stdout.status, ==, 2);
}

static int
count_runs (const char *path)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM runs", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
test_import_export (void)
{
  g_autofree char *demo = g_build_filename (tmp_dir, "team-demo.db", NULL);
  g_autofree char *copy = g_build_filename (tmp_dir, "team-copy.db", NULL);
  g_autofree char *bundle = g_build_filename (tmp_dir, "anna.json", NULL);
  g_autofree char *broken = g_build_filename (tmp_dir, "broken.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *damaged = NULL;
  g_auto(Result) fill = run ("--database", demo, "--demo", NULL);
  g_auto(Result) exported = run ("--database", demo, "--export", bundle, NULL);
  g_auto(Result) imported = { 0 };
  g_auto(Result) again = { 0 };
  g_auto(Result) refused = { 0 };
  g_auto(Result) to_stdout = { 0 };
  char *at;
  int before;

  g_assert_cmpint (fill.status, ==, 0);
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_true (g_file_get_contents (bundle, &contents, NULL, NULL));

  imported = run ("--database", copy, "--import", bundle, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_true (g_str_has_prefix (imported.out, bundle));
  g_assert_nonnull (strstr (imported.out, ": workflows 3 new, 0 updated, 0 unchanged;"));
  g_assert_cmpint (count_runs (copy), ==, count_runs (demo));

  /* Twice, in one call: the second changes nothing. */
  again = run ("--database", copy, "--import", bundle, "--import", bundle, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "workflows 0 new, 0 updated, 3 unchanged"));

  /* A damaged copy: one clear line on stderr, exit 1, nothing changed. */
  at = strstr (contents, "\"duration_seconds\":");
  g_assert_nonnull (at);
  damaged = g_strdup_printf ("%.*s\"duration_seconds\":-5%s", (int) (at - contents), contents,
                             strchr (at + strlen ("\"duration_seconds\":"), ','));
  g_assert_true (g_file_set_contents (broken, damaged, -1, NULL));
  before = count_runs (copy);
  refused = run ("--database", copy, "--import", broken, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_true (g_str_has_prefix (refused.err, broken));
  g_assert_nonnull (strstr (refused.err, ": runs[0].duration_seconds: must be between 1 and 604800\n"));
  g_assert_true (strchr (refused.err, '\n') == refused.err + strlen (refused.err) - 1);
  g_assert_cmpint (count_runs (copy), ==, before);

  to_stdout = run ("--database", copy, "--export", "-", NULL);
  g_assert_cmpint (to_stdout.status, ==, 0);
  g_assert_true (g_str_has_prefix (to_stdout.out, "{\n  \"format\": \"yardstick-bundle\""));
}

static void
test_summary (void)
{
  g_autofree char *demo = g_build_filename (tmp_dir, "summary-demo.db", NULL);
  g_autofree char *bundle = g_build_filename (tmp_dir, "summary.json", NULL);
  g_autofree char *fresh = g_build_filename (tmp_dir, "summary-fresh.db", NULL);
  g_auto(Result) fill = run ("--database", demo, "--demo", "--export", bundle, NULL);
  g_auto(Result) summary = run ("--database", fresh, "--import", bundle, "--summary", NULL);
  g_auto(Result) quarter = run ("--database", fresh, "--summary", "--quarter", "2026-Q4", NULL);
  g_auto(Result) bad_quarter = run ("--database", fresh, "--summary", "--quarter", "2026-Q5", NULL);
  g_auto(Result) bad_date = run ("--database", fresh, "--summary", "--from", "2026-13-01", NULL);
  g_auto(Result) reversed = run ("--database", fresh, "--summary", "--from", "2026-12-01",
                                 "--to", "2026-11-01", NULL);
  g_auto(Result) both = run ("--database", fresh, "--summary", "--quarter", "2026-Q4",
                             "--from", "2026-10-01", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *workflows;
  guint enough = 0;

  g_assert_cmpint (fill.status, ==, 0);
  g_assert_cmpint (summary.status, ==, 0);
  /* Import counts go to stderr so that stdout is the JSON alone. */
  g_assert_nonnull (strstr (summary.err, "workflows 3 new"));
  g_assert_true (json_parser_load_from_data (parser, summary.out, -1, &error));
  g_assert_no_error (error);
  workflows = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                            "workflows");
  g_assert_cmpuint (json_array_get_length (workflows), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *change = json_object_get_object_member (json_array_get_object_element (workflows, i),
                                                          "change");
      enough += json_object_get_boolean_member (change, "enough_data");
    }
  g_assert_cmpuint (enough, >=, 2);

  g_assert_cmpint (quarter.status, ==, 0);
  g_assert_nonnull (strstr (quarter.out, "\"from\" : \"2026-10-01\",\n  \"to\" : \"2026-12-31\""));
  g_assert_cmpint (bad_quarter.status, ==, 1);
  g_assert_cmpstr (bad_quarter.err, ==, "--quarter: “2026-Q5” is not a quarter like 2026-Q3.\n");
  g_assert_cmpint (bad_date.status, ==, 1);
  g_assert_cmpstr (bad_date.err, ==, "--from: “2026-13-01” is not a date like 2026-11-22.\n");
  g_assert_cmpint (reversed.status, ==, 1);
  g_assert_cmpstr (reversed.err, ==, "--from 2026-12-01 is after --to 2026-11-01.\n");
  g_assert_cmpint (both.status, ==, 2);
}

static void
test_report_and_csv (void)
{
  g_autofree char *db = g_build_filename (tmp_dir, "report.db", NULL);
  g_autofree char *pdf = g_build_filename (tmp_dir, "q4.pdf", NULL);
  g_autofree char *md = g_build_filename (tmp_dir, "q4.md", NULL);
  g_autofree char *docx = g_build_filename (tmp_dir, "q4.docx", NULL);
  g_autofree char *nowhere = g_build_filename (tmp_dir, "no-such-folder", "q4.pdf", NULL);
  g_autofree char *csv = g_build_filename (tmp_dir, "runs.csv", NULL);
  g_auto(Result) fill = run ("--database", db, "--demo", NULL);
  g_auto(Result) as_pdf = run ("--database", db, "--report", pdf, "--quarter", "2026-Q4", NULL);
  g_auto(Result) as_md = run ("--database", db, "--report", md, "--quarter", "2026-Q4", NULL);
  g_auto(Result) as_docx = run ("--database", db, "--report", docx, NULL);
  g_auto(Result) unwritable = run ("--database", db, "--report", nowhere, NULL);
  g_auto(Result) as_csv = run ("--database", db, "--export-csv", csv, "--from", "2026-10-01",
                               "--to", "2026-10-31", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *markdown = NULL;

  g_assert_cmpint (fill.status, ==, 0);
  g_assert_cmpint (as_pdf.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpint (as_md.status, ==, 0);
  g_assert_true (g_file_get_contents (md, &markdown, NULL, NULL));
  g_assert_nonnull (strstr (markdown, "## Grant report section"));

  g_assert_cmpint (as_docx.status, ==, 1);
  g_assert_nonnull (strstr (as_docx.err, "q4.docx: the report is written as .pdf or .md"));
  g_assert_false (g_file_test (docx, G_FILE_TEST_EXISTS));
  g_assert_cmpint (unwritable.status, ==, 1);
  g_assert_true (g_str_has_prefix (unwritable.err, nowhere));

  g_assert_cmpint (as_csv.status, ==, 0);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "id,workflow,mode,tool,started_at"));
  g_assert_nonnull (strstr (contents, ",2026-10-"));
  g_assert_null (strstr (contents, ",2026-11-"));
}

/* Another program keeps even readers out: the summary is refused with one
 * line saying so, and nothing (no zeros) goes to standard output. */
static void
test_locked_database (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "locked.db", NULL);
  g_auto(Result) demo = run ("--database", path, "--demo", NULL);
  g_auto(Result) summary = { 0 };
  GPid pid;
  int status;

  g_assert_cmpint (demo.status, ==, 0);
  pid = ys_test_lock_in_other_process (path, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE",
                                       60 * 1000);
  summary = run ("--database", path, "--summary", NULL);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

  g_assert_cmpint (summary.status, ==, 1);
  g_assert_cmpstr (summary.out, ==, "");
  g_assert_nonnull (strstr (summary.err, "locked.db is locked by another program"));
  g_assert_true (strchr (summary.err, '\n') == summary.err + strlen (summary.err) - 1);
}

/* A run logged in New York just before midnight at the end of September
 * belongs to the third quarter on every computer: its day is the date in
 * the offset its start was written with, not in the reader's zone. */
static void
test_days_agree_across_zones (void)
{
  const char *bundle_text =
    "{\"format\": \"yardstick-bundle\", \"version\": 1,\n"
    " \"workflows\": [{\"id\": \"11111111-1111-4111-8111-111111111111\", \"name\": \"Intake summary\","
    " \"description\": \"\", \"people\": 2, \"archived\": false,"
    " \"updated_at\": \"2026-09-01T10:00:00Z\", \"deleted\": false}],\n"
    " \"runs\": [{\"id\": \"33333333-3333-4333-8333-333333333333\","
    " \"workflow\": \"11111111-1111-4111-8111-111111111111\", \"mode\": \"without-ai\", \"tool\": null,"
    " \"started_at\": \"2026-09-30T23:30:00-04:00\", \"duration_seconds\": 1800, \"corrections\": 0,"
    " \"used\": true, \"note\": \"\", \"updated_at\": \"2026-10-01T04:00:00Z\", \"deleted\": false}]}\n";
  const char *zones[] = { "Pacific/Auckland", "America/Los_Angeles", "UTC" };
  g_autofree char *bundle = g_build_filename (tmp_dir, "new-york.json", NULL);
  g_autofree char *first_csv = NULL;

  g_assert_true (g_file_set_contents (bundle, bundle_text, -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autofree char *name = g_strdup_printf ("zone-%u.db", i);
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonObject *workflow;
      g_auto(Result) imported = { 0 };
      g_auto(Result) q3 = { 0 };
      g_auto(Result) csv = { 0 };

      g_setenv ("TZ", zones[i], TRUE);
      imported = run ("--database", path, "--import", bundle, NULL);
      q3 = run ("--database", path, "--summary", "--quarter", "2026-Q3", NULL);
      csv = run ("--database", path, "--export-csv", "-", NULL);
      g_unsetenv ("TZ");

      g_assert_cmpint (imported.status, ==, 0);
      g_assert_cmpint (q3.status, ==, 0);
      g_assert_true (json_parser_load_from_data (parser, q3.out, -1, &error));
      g_assert_no_error (error);
      workflow = json_array_get_object_element (
        json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                      "workflows"), 0);
      g_test_message ("%s: %s", zones[i], csv.out);
      g_assert_cmpint (json_object_get_int_member (
                         json_object_get_object_member (workflow, "without_ai"), "runs"), ==, 1);

      /* The CSV writes the start as it was logged, the same everywhere. */
      g_assert_nonnull (strstr (csv.out, ",2026-09-30T23:30:00-04:00,1800,"));
      if (first_csv == NULL)
        first_csv = g_strdup (csv.out);
      else
        g_assert_cmpstr (csv.out, ==, first_csv);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *command = NULL;
  int status;

  ys_test_lock_helper_main (argc, argv);
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("ys-cli-XXXXXX", NULL);

  g_test_add_func ("/cli/version-and-help", test_version_and_help);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/demo-once", test_demo_once);
  g_test_add_func ("/cli/refused-database", test_refused_database);
  g_test_add_func ("/cli/damaged-database", test_damaged_database);
  g_test_add_func ("/cli/backup", test_backup);
  g_test_add_func ("/cli/import-export", test_import_export);
  g_test_add_func ("/cli/summary", test_summary);
  g_test_add_func ("/cli/report-and-csv", test_report_and_csv);
  g_test_add_func ("/cli/days-agree-across-zones", test_days_agree_across_zones);
  g_test_add_func ("/cli/locked-database", test_locked_database);

  status = g_test_run ();
  command = g_strdup_printf ("rm -rf '%s'", tmp_dir);
  if (system (command) != 0)
    status = 1;
  g_free (tmp_dir);
  return status;
}
