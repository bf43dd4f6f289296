/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>

#include "ys-test-locale.h"
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
                           "SELECT id, workflow_id, duration_seconds, note FROM " YS_TEST_RUNS
                           " ORDER BY id",
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

/* The records of @database's export, without the time it was made. */
static char *
export_records (const char *database)
{
  g_auto(Result) exported = run ("--database", database, "--export", "-", NULL);
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (exported.status, ==, 0);
  lines = g_strsplit (exported.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "\"exported_at\"") == NULL)
      g_string_append_printf (out, "%s\n", lines[i]);
  return g_string_free (out, FALSE);
}

static guint
count_lines (const char *text,
             const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_has_prefix (lines[i], prefix);
  return n;
}

/* Three databases sync with one folder through the command line, in
 * random orders: they end the same; what is not a whole bundle is skipped
 * with exit 0; a sync with nothing new reads nothing and writes nothing. */
static void
test_sync_folder (void)
{
  g_autofree char *folder = g_build_filename (tmp_dir, "Team", NULL);
  g_auto(GStrv) dbs = g_new0 (char *, 4);
  g_autofree char *first = NULL;
  g_autofree char *bundle = g_build_filename (tmp_dir, "for-sync.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *cut = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *junk = g_build_filename (folder, "notes.json", NULL);
  gsize length;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  for (guint i = 0; i < 3; i++)
    dbs[i] = g_strdup_printf ("%s/sync-%u.db", tmp_dir, i);
  {
    g_auto(Result) fill = run ("--database", dbs[0], "--demo", NULL);
    g_auto(Result) exported = run ("--database", dbs[0], "--export", bundle, NULL);

    g_assert_cmpint (fill.status, ==, 0);
    g_assert_cmpint (exported.status, ==, 0);
  }

  /* A file still arriving, one that is not a bundle, one from a newer
   * Yardstick. */
  g_assert_true (g_file_get_contents (bundle, &contents, &length, NULL));
  cut = g_build_filename (folder, "yardstick-11111111-2222-4333-8444-555555555555.json", NULL);
  g_assert_true (g_file_set_contents (cut, contents, length / 3, NULL));
  g_assert_true (g_file_set_contents (junk, "{\"shopping\": [\"milk\"]}", -1, NULL));
  memcpy (strstr (contents, "\"version\": 1"), "\"version\": 7", 12);
  newer = g_build_filename (folder, "yardstick-66666666-7777-4888-8999-000000000000.json", NULL);
  g_assert_true (g_file_set_contents (newer, contents, length, NULL));

  for (guint round = 0; round < 3; round++)
    {
      guint order[3] = { 0, 1, 2 };

      for (guint i = 2; i > 0; i--)
        {
          guint j = g_test_rand_int_range (0, i + 1), t = order[i];
          order[i] = order[j];
          order[j] = t;
        }
      for (guint i = 0; i < 3; i++)
        {
          g_auto(Result) synced = run ("--database", dbs[order[i]], "--sync-folder", folder, NULL);

          g_assert_cmpint (synced.status, ==, 0);
          g_assert_cmpstr (synced.err, ==, "");
          /* One line for each file merged or skipped, and one with the counts. */
          g_assert_cmpuint (count_lines (synced.out, "Skipped "), ==, 3);
          g_assert_nonnull (strstr (synced.out, "Skipped notes.json: "));
          g_assert_nonnull (strstr (synced.out, "Skipped yardstick-66666666-7777-4888-8999-000000000000.json: "));
          g_assert_nonnull (strstr (synced.out, "Team folder "));
          g_assert_cmpuint (count_lines (synced.out, ""), ==,
                            count_lines (synced.out, "Merged ") + 3 + 1 + 1);
        }
    }

  first = export_records (dbs[0]);
  for (guint i = 1; i < 3; i++)
    {
      g_autofree char *records = export_records (dbs[i]);
      g_assert_cmpstr (records, ==, first);
    }

  /* Nothing new: no file merged, nothing written. */
  for (guint i = 0; i < 3; i++)
    {
      g_auto(Result) again = run ("--database", dbs[i], "--sync-folder", folder, NULL);
      g_autofree char *tail = g_strdup_printf (": 0 merged, 3 skipped, 2 unchanged; yardstick-");

      g_assert_cmpint (again.status, ==, 0);
      g_assert_cmpuint (count_lines (again.out, "Merged "), ==, 0);
      g_assert_nonnull (strstr (again.out, tail));
      g_assert_true (g_str_has_suffix (again.out, ".json was up to date\n"));
    }

  /* A read-only folder: the other files are merged all the same and listed,
   * then the counts say the own file was not written, and the exit is 1. A
   * fresh database has something to merge and its own file to write. */
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  {
    g_autofree char *fresh = g_strdup_printf ("%s/sync-read-only.db", tmp_dir);
    g_auto(Result) refused = run ("--database", fresh, "--sync-folder", folder, NULL);

    g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
    g_assert_cmpint (refused.status, ==, 1);
    g_assert_cmpuint (count_lines (refused.out, "Merged "), ==, 3);
    g_assert_cmpuint (count_lines (refused.out, "Skipped "), ==, 3);
    g_assert_true (g_str_has_suffix (refused.out, ".json could not be written\n"));
    g_assert_nonnull (strstr (refused.err, "is read-only"));
  }

  /* No folder there: exit 1 with one line naming it. */
  {
    g_autofree char *missing = g_build_filename (tmp_dir, "No such folder", NULL);
    g_auto(Result) refused = run ("--database", dbs[0], "--sync-folder", missing, NULL);

    g_assert_cmpint (refused.status, ==, 1);
    g_assert_nonnull (strstr (refused.err, missing));
    g_assert_true (strchr (refused.err, '\n') == refused.err + strlen (refused.err) - 1);
  }
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

  /* Fractions keep their point with German formats too (test-cli-de),
   * and each equals a count by SQL. */
  g_assert_true (g_regex_match_simple ("\"corrections_per_run\" ?: ?[0-9]+\\.[0-9]", summary.out,
                                       0, 0));
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *workflow = json_array_get_object_element (workflows, i);
      JsonObject *with_ai = json_object_get_object_member (workflow, "with_ai");
      g_autofree char *sql = g_strdup_printf ("SELECT avg (corrections) FROM " YS_TEST_RUNS
                                              " WHERE deleted = 0 AND mode = 1 AND workflow_id = '%s'",
                                              json_object_get_string_member (workflow, "id"));
      g_autofree char *counted = ys_test_sql_rows (fresh, sql, NULL);

      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (with_ai, "corrections_per_run"),
                                      g_ascii_strtod (counted, NULL), 1e-12);
    }

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

/* Time-tracker exports (FORMAT.md, "Time-tracker history"), modelled on
 * the real headers: a byte-order mark, CRLF, quoted commas and quotes, a
 * line break inside a description. The person columns hold marker strings
 * that must never reach the database. */
static const char toggl_export[] =
  "\xEF\xBB\xBFUser,Email,Client,Project,Task,Description,Billable,Start date,Start time,"
  "End date,End time,Duration,Tags,Amount (USD)\r\n"
  "Zelda Markerperson,zelda.marker@example.org,\"Acme, Inc.\",Grant report,,"
  "\"Budget, \"\"first\"\" draft\",Yes,2026-03-02,09:00:00,2026-03-02,11:30:00,02:30:00,"
  "\"writing, grants\",\r\n"
  "Zelda Markerperson,zelda.marker@example.org,,Grant report,,\"Narrative section\r\n"
  "second line\",No,2026-03-03,14:15:00,2026-03-03,15:00:30,00:45:30,,\r\n"
  "Yusuf Uniquename,yusuf.unique@example.net,,Policy brief,,Figures check,No,2026-07-14,"
  "10:00:00,2026-07-14,11:30:00,01:30:00,review,\r\n"
  "Yusuf Uniquename,yusuf.unique@example.net,,Admin,,Grant meeting,No,2026-07-16,"
  "09:00:00,2026-07-16,09:20:00,00:20:00,,\r\n";

static const char clockify_export[] =
  "\xEF\xBB\xBFProject,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,"
  "Start Time,End Date,End Time,Duration (h),Duration (decimal),Billable Rate (USD),"
  "Billable Amount (USD)\r\n"
  "Intake summary,\"Acme, Inc.\",\"Call notes, \"\"short\"\"\",,Xavier Markname,"
  "Quokka Unit Marker,xavier.mark@example.com,,No,03/16/2026,01:30:00 PM,03/16/2026,"
  "02:15:00 PM,00:45:00,0.75,0.00,0.00\r\n"
  "Intake summary,,\"Two\nlines\",,Xavier Markname,Quokka Unit Marker,xavier.mark@example.com,"
  "intake,No,03/17/2026,09:00:00 AM,03/17/2026,10:05:00 AM,01:05:00,1.08,0.00,0.00\r\n"
  "Grant report,,Other,,Wilma Specialname,Quokka Unit Marker,wilma.special@example.com,,No,"
  "03/18/2026,09:00:00 AM,03/18/2026,10:00:00 AM,01:00:00,1.00,0.00,0.00\r\n";

static const char *person_markers[] = {
  "Zelda Markerperson", "zelda.marker@example.org", "Yusuf Uniquename",
  "yusuf.unique@example.net", "Xavier Markname", "xavier.mark@example.com",
  "Quokka Unit Marker", "Wilma Specialname", "wilma.special@example.com",
  /* Descriptions only choose entries; they are not kept either. */
  "Narrative section", "Call notes",
};

static char *
write_sample (const char *name,
              const char *contents)
{
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static char *
tracker_runs (const char *path)
{
  return ys_test_sql_rows (path,
                           "SELECT w.name, r.mode, coalesce (t.name, '-'), r.started_at,"
                           " r.started_offset, r.duration_seconds, r.corrections,"
                           " coalesce (r.used, 'unknown'), r.note, r.assignment, r.source"
                           " FROM runs r JOIN workflows w ON w.key = r.workflow"
                           " LEFT JOIN tools t ON t.key = r.tool"
                           " WHERE r.deleted = 0 ORDER BY r.started_at", NULL);
}

/* The bytes of the database and of its write-ahead log, if one is left. */
static void
assert_no_marker_in_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  const char *files[] = { path, wal };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *bytes = NULL;
      gsize length = 0;

      if (!g_file_test (files[f], G_FILE_TEST_EXISTS))
        continue;
      g_assert_true (g_file_get_contents (files[f], &bytes, &length, NULL));
      if (f == 0)
        g_assert_cmpuint (length, >, 0);
      for (guint m = 0; m < G_N_ELEMENTS (person_markers); m++)
        {
          g_test_message ("%s: %s", files[f], person_markers[m]);
          g_assert_null (memmem (bytes, length, person_markers[m], strlen (person_markers[m])));
        }
    }
}

static void
test_import_csv (void)
{
  g_autofree char *db = g_build_filename (tmp_dir, "history.db", NULL);
  g_autofree char *toggl = write_sample ("toggl.csv", toggl_export);
  g_autofree char *clockify = write_sample ("clockify.csv", clockify_export);
  g_autofree char *rows = NULL;
  g_autofree char *again_rows = NULL;
  g_auto(Result) from_toggl = { 0 };
  g_auto(Result) from_clockify = { 0 };
  g_auto(Result) again = { 0 };
  g_auto(Result) csv = { 0 };

  g_setenv ("TZ", "Europe/Berlin", TRUE);
  from_toggl = run ("--database", db, "--import-csv", toggl, "--workflow", "Grant report",
                    "--mode", "without-ai", "--match", "GRANT", NULL);
  from_clockify = run ("--database", db, "--import-csv", clockify, "--workflow", "Intake summary",
                       "--mode", "with-ai", "--tool", "Claude", "--match", "intake", NULL);
  csv = run ("--database", db, "--export-csv", "-", NULL);
  g_unsetenv ("TZ");

  g_assert_cmpint (from_toggl.status, ==, 0);
  g_assert_true (g_str_has_prefix (from_toggl.out, toggl));
  g_assert_nonnull (strstr (from_toggl.out, ": Toggl Track: 3 new runs of “Grant report” without "
                                            "AI, 0 already there; “Grant report” is a new "
                                            "workflow.\n"));
  g_assert_cmpint (from_clockify.status, ==, 0);
  g_assert_nonnull (strstr (from_clockify.out, ": Clockify: 2 new runs of “Intake summary” with "
                                               "Claude, 0 already there; “Intake summary” is a new "
                                               "workflow; “Claude” is a new tool.\n"));

  /* Worked by hand from the samples: Toggl's project or description
   * holds "grant" on three entries (2 h 30, 45 min 30 s, 20 min), the
   * Clockify tag or project "intake" on two (45 min, 1 h 05); starts on
   * the exporting tracker's wall clock, here Berlin (CET in March, CEST in
   * July). */
  rows = tracker_runs (db);
  g_assert_cmpstr (rows, ==,
                   /* 2026-03-02 09:00 +01:00 */
                   "Grant report|0|-|1772438400|3600|9000|0|unknown||0|tracker|\n"
                   /* 2026-03-03 14:15 +01:00 */
                   "Grant report|0|-|1772543700|3600|2730|0|unknown||0|tracker|\n"
                   /* 2026-03-16 13:30 +01:00 */
                   "Intake summary|1|Claude|1773664200|3600|2700|0|unknown||0|tracker|\n"
                   /* 2026-03-17 09:00 +01:00 */
                   "Intake summary|1|Claude|1773734400|3600|3900|0|unknown||0|tracker|\n"
                   /* 2026-07-16 09:00 +02:00 */
                   "Grant report|0|-|1784185200|7200|1200|0|unknown||0|tracker|\n");
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_nonnull (strstr (csv.out, ",Grant report,without-ai,,2026-03-02T09:00:00+01:00,9000,0,,,"
                                     "chosen\r\n"));
  g_assert_nonnull (strstr (csv.out, ",Intake summary,with-ai,Claude,2026-03-17T09:00:00+01:00,"
                                     "3900,0,,,chosen\r\n"));

  /* A second import of both adds nothing. */
  again = run ("--database", db, "--import-csv", toggl, "--workflow", "grant report",
               "--mode", "without-ai", "--match", "grant", NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, ": Toggl Track: 0 new runs of “Grant report” without AI, "
                                       "3 already there.\n"));
  result_clear (&again);
  again = run ("--database", db, "--import-csv", clockify, "--workflow", "Intake summary",
               "--mode", "with-ai", "--tool", "claude", "--match", "intake", NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "0 new runs of “Intake summary” with Claude, 2 already "
                                       "there.\n"));
  again_rows = tracker_runs (db);
  g_assert_cmpstr (again_rows, ==, rows);
  g_assert_cmpint (ys_test_sql_int (db, "SELECT count(*) FROM workflows"), ==, 2);
  g_assert_cmpint (ys_test_sql_int (db, "SELECT count(*) FROM tools"), ==, 1);

  /* No name, e-mail or group of a person in the database, nor in what
   * was printed. */
  assert_no_marker_in_files (db);
  for (guint m = 0; m < G_N_ELEMENTS (person_markers); m++)
    {
      g_assert_null (strstr (from_toggl.out, person_markers[m]));
      g_assert_null (strstr (from_clockify.out, person_markers[m]));
    }
  ys_test_assert_integrity (db);
}

static void
test_import_csv_refused (void)
{
  g_autofree char *db = g_build_filename (tmp_dir, "refusing.db", NULL);
  g_autofree char *never = g_build_filename (tmp_dir, "never-made.db", NULL);
  g_autofree char *toggl = write_sample ("good-toggl.csv", toggl_export);
  g_autofree char *bad_text = g_strconcat (toggl_export,
                                           "Zelda Markerperson,zelda.marker@example.org,,"
                                           "Grant report,,\"Late\r\nentry\",No,2026-03-09,"
                                           "09:00:00,2026-03-09,10:00:00,1:61:00,,\r\n", NULL);
  g_autofree char *bad = write_sample ("bad-duration.csv", bad_text);
  g_autofree char *unknown = write_sample ("hours.csv",
                                           "\xEF\xBB\xBF" "Date,Person,Hours,Notes\r\n"
                                           "2026-03-02,Zelda Markerperson,1.5,Draft\r\n");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Result) first = run ("--database", db, "--import-csv", toggl, "--workflow", "Grant report",
                              "--mode", "without-ai", NULL);
  g_auto(Result) refused = { 0 };
  g_auto(Result) unrecognised = { 0 };
  g_auto(Result) no_database = { 0 };

  g_assert_cmpint (first.status, ==, 0);
  before = dump_rows (db);

  /* The bad row starts on line 7 (after the header and four entries, one
   * of them on two lines); nothing of the file goes in. */
  refused = run ("--database", db, "--import-csv", bad, "--workflow", "Other work",
                 "--mode", "without-ai", NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_true (g_str_has_prefix (refused.err, bad));
  g_assert_nonnull (strstr (refused.err, ": line 7: Duration: \"1:61:00\" is not a duration"));
  g_assert_true (strchr (refused.err, '\n') == refused.err + strlen (refused.err) - 1);
  g_assert_cmpstr (refused.out, ==, "");
  for (guint m = 0; m < G_N_ELEMENTS (person_markers); m++)
    g_assert_null (strstr (refused.err, person_markers[m]));

  unrecognised = run ("--database", db, "--import-csv", unknown, "--workflow", "Grant report",
                      "--mode", "without-ai", NULL);
  g_assert_cmpint (unrecognised.status, ==, 1);
  g_assert_true (g_str_has_prefix (unrecognised.err, unknown));
  g_assert_nonnull (strstr (unrecognised.err, ": line 1: not a time-tracker export"));
  g_assert_null (strstr (unrecognised.err, "Zelda"));

  after = dump_rows (db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (ys_test_sql_int (db, "SELECT count(*) FROM workflows"), ==, 1);

  /* A refused file is refused before the database is even made. */
  no_database = run ("--database", never, "--import-csv", bad, "--workflow", "Grant report",
                     "--mode", "without-ai", NULL);
  g_assert_cmpint (no_database.status, ==, 1);
  g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));
}

static void
test_import_csv_usage (void)
{
  g_autofree char *db = g_build_filename (tmp_dir, "usage.db", NULL);
  g_autofree char *toggl = write_sample ("usage-toggl.csv", toggl_export);
  struct
  {
    int status;
    const char *args[10];
    const char *says;
  } cases[] = {
    { 2, { "--import-csv", toggl, "--mode", "without-ai" }, "needs --workflow NAME" },
    { 2, { "--import-csv", toggl, "--workflow", "Grant report" }, "needs --workflow NAME" },
    { 2, { "--import-csv", toggl, "--workflow", "Grant report", "--mode", "with-ai" },
      "--mode with-ai needs --tool NAME" },
    { 2, { "--import-csv", toggl, "--workflow", "Grant report", "--mode", "without-ai",
           "--tool", "Claude" }, "--tool goes with --mode with-ai" },
    { 2, { "--workflow", "Grant report", "--summary" }, "go with --import-csv" },
    { 2, { "--match", "grant", "--summary" }, "go with --import-csv" },
    { 2, { "--import-csv", toggl, "--import-csv", toggl, "--workflow", "Grant report",
           "--mode", "without-ai" }, "give --import-csv once" },
    { 1, { "--import-csv", toggl, "--workflow", "Grant report", "--mode", "sometimes" },
      "--mode: “sometimes” is neither without-ai nor with-ai." },
    { 1, { "--import-csv", toggl, "--workflow", "   ", "--mode", "without-ai" },
      "--workflow: A workflow needs a name." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int wait_status = 0;

      g_ptr_array_add (args, (char *) g_getenv ("YARDSTICK_BIN"));
      g_ptr_array_add (args, "--database");
      g_ptr_array_add (args, db);
      for (guint a = 0; a < G_N_ELEMENTS (cases[i].args) && cases[i].args[a]; a++)
        g_ptr_array_add (args, (char *) cases[i].args[a]);
      g_ptr_array_add (args, NULL);
      g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                    &wait_status, &error);
      g_assert_no_error (error);
      g_test_message ("case %u: %s", i, err);
      g_assert_true (WIFEXITED (wait_status));
      g_assert_cmpint (WEXITSTATUS (wait_status), ==, cases[i].status);
      g_assert_nonnull (strstr (err, cases[i].says));
    }
  /* Nothing was imported, so no database was made. */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
}

/* A workflow that does not exist is made, archived when three are active,
 * as a bundle would bring it; a tool that does not exist is made. */
static void
test_import_csv_new_workflow (void)
{
  g_autofree char *db = g_build_filename (tmp_dir, "full.db", NULL);
  g_autofree char *toggl = write_sample ("new-toggl.csv", toggl_export);
  g_auto(Result) demo = run ("--database", db, "--demo", NULL);
  g_auto(Result) imported = run ("--database", db, "--import-csv", toggl, "--workflow",
                                 "Board minutes", "--mode", "with-ai", "--tool", "Mistral",
                                 "--match", "policy", NULL);

  g_assert_cmpint (demo.status, ==, 0);
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_nonnull (strstr (imported.out, "1 new run of “Board minutes” with Mistral, 0 already "
                                          "there; “Board minutes” is a new workflow, archived "
                                          "because three are active; “Mistral” is a new tool.\n"));
  g_assert_cmpint (ys_test_sql_int (db, "SELECT archived FROM workflows WHERE name = 'Board minutes'"),
                   ==, 1);
  g_assert_cmpint (ys_test_sql_int (db, "SELECT count(*) FROM workflows WHERE archived = 0"), ==, 3);
  g_assert_cmpint (ys_test_sql_int (db, "SELECT count(*) FROM runs r JOIN tools t ON t.key = r.tool"
                                        " WHERE t.name = 'Mistral' AND r.source = 'tracker'"
                                        " AND r.duration_seconds = 5400"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *command = NULL;
  int status;

  ys_test_lock_helper_main (argc, argv);
  /* Also run with German formats, which the yardstick it starts inherits. */
  ys_test_init_locale (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("ys-cli-XXXXXX", NULL);

  g_test_add_func ("/cli/version-and-help", test_version_and_help);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/demo-once", test_demo_once);
  g_test_add_func ("/cli/refused-database", test_refused_database);
  g_test_add_func ("/cli/damaged-database", test_damaged_database);
  g_test_add_func ("/cli/backup", test_backup);
  g_test_add_func ("/cli/import-export", test_import_export);
  g_test_add_func ("/cli/sync-folder", test_sync_folder);
  g_test_add_func ("/cli/summary", test_summary);
  g_test_add_func ("/cli/report-and-csv", test_report_and_csv);
  g_test_add_func ("/cli/days-agree-across-zones", test_days_agree_across_zones);
  g_test_add_func ("/cli/locked-database", test_locked_database);
  g_test_add_func ("/cli/import-csv", test_import_csv);
  g_test_add_func ("/cli/import-csv-refused", test_import_csv_refused);
  g_test_add_func ("/cli/import-csv-usage", test_import_csv_usage);
  g_test_add_func ("/cli/import-csv-new-workflow", test_import_csv_new_workflow);

  status = g_test_run ();
  command = g_strdup_printf ("rm -rf '%s'", tmp_dir);
  if (system (command) != 0)
    status = 1;
  g_free (tmp_dir);
  return status;
}
