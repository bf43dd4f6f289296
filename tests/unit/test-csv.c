/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>
#include <stdlib.h>

#include "ys-csv.h"
#include "ys-test-locale.h"

static char *
cell (const char *text)
{
  GString *out = g_string_new (NULL);

  ys_csv_append_cell (out, text);
  return g_string_free (out, FALSE);
}

static void
test_cells (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "plain", "plain" },
    { "", "" },
    { "=SUM(A1)", "'=SUM(A1)" },
    { "+1", "'+1" },
    { "-2", "'-2" },
    { "@x", "'@x" },
    { "\tindent", "'\tindent" },
    { "\rreturn", "\"'\rreturn\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "a, b", "\"a, b\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"" },
    { "café − naïve", "café − naïve" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = cell (cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ys-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "c.db", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "runs.csv", NULL);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(YsStore) store = ys_store_open (path, &error);
  g_autoptr(YsWorkflow) workflow = ys_store_add_workflow (store, "=cmd|' /C calc'!A0", "", 2, &error);
  g_autoptr(YsTool) tool = ys_store_add_tool (store, "Claude", &error);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  YsRunFields older = { .workflow_id = (char *) ys_workflow_get_id (workflow),
                        .mode = YS_MODE_WITHOUT_AI, .started_at = 1790000000,
                        .duration_seconds = 5400, .corrections = 1, .used = YS_USED_YES,
                        .note = (char *) "Sent, \"as is\"\nto partners" };
  YsRunFields newer = { .workflow_id = (char *) ys_workflow_get_id (workflow),
                        .mode = YS_MODE_WITH_AI, .tool_id = (char *) ys_tool_get_id (tool),
                        .started_at = 1790086400, .duration_seconds = 60, .corrections = 0,
                        .used = YS_USED_UNKNOWN, .note = (char *) "-2 corrections?" };
  g_autoptr(YsRun) a = NULL;
  g_autoptr(YsRun) b = NULL;
  g_autoptr(YsRun) gone = NULL;
  g_autofree char *expected_first = NULL;

  g_assert_no_error (error);
  b = ys_store_add_run (store, &newer, &error);
  a = ys_store_add_run (store, &older, &error);
  gone = ys_store_add_run (store, &older, &error);
  g_assert_true (ys_store_delete_run (store, ys_run_get_id (gone), &error));
  g_assert_no_error (error);

  g_assert_true (ys_csv_export_file (store, NULL, NULL, csv_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));

  /* Oldest first, the deleted run left out, CRLF records. */
  g_assert_true (g_str_has_prefix (contents,
                                   "id,workflow,mode,tool,started_at,duration_seconds,corrections,used,note,"
                                   "assignment\r\n"));
  expected_first = g_strdup_printf ("%s,'=cmd|' /C calc'!A0,without-ai,,2026-09-21T14:13:20Z,5400,1,yes,"
                                    "\"Sent, \"\"as is\"\"\nto partners\",chosen\r\n", ys_run_get_id (a));
  g_assert_nonnull (strstr (contents, expected_first));
  g_assert_nonnull (strstr (contents, ",with-ai,Claude,2026-09-22T14:13:20Z,60,0,,'-2 corrections?,"
                                      "chosen\r\n"));
  g_assert_null (strstr (contents, ys_run_get_id (gone)));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);  /* header, two runs, final empty */

  /* A period leaves out what is outside it. */
  {
    GDate from, to;

    g_date_clear (&from, 1);
    g_date_clear (&to, 1);
    g_date_set_dmy (&from, 22, 9, 2026);
    g_date_set_dmy (&to, 30, 9, 2026);
    g_assert_true (ys_csv_export_file (store, &from, &to, csv_path, &error));
    g_clear_pointer (&contents, g_free);
    g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
    g_assert_null (strstr (contents, ys_run_get_id (a)));
    g_assert_nonnull (strstr (contents, ys_run_get_id (b)));
  }

  g_clear_object (&store);
  g_assert_cmpint (system (command), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  /* Also run with German formats: the CSV must not change. */
  ys_test_init_locale (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/cells", test_cells);
  g_test_add_func ("/csv/export", test_export);

  return g_test_run ();
}
