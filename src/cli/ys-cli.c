/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gunixoutputstream.h>
#include <stdio.h>
#include <unistd.h>

#include "ys-backup.h"
#include "ys-bundle.h"
#include "ys-csv.h"
#include "ys-report-pdf.h"
#include "ys-cli.h"
#include "ys-demo.h"
#include "ys-error.h"
#include "ys-stats.h"
#include "ys-store.h"
#include "ys-sync.h"
#include "ys-tracker-import.h"
#include "ys-validate.h"

/*
 * The command line of FORMAT.md. Everything here runs without a display:
 * it is plain GLib, so scripts and CI can use it on a server.
 */

void
ys_cli_result_clear (YsCliResult *result)
{
  g_clear_pointer (&result->database, g_free);
}

/* The message already names the file (and the place inside a bundle). */
static int
refuse (GError *error)
{
  g_printerr ("%s\n", error->message);
  return YS_EXIT_REFUSED;
}

static char *
describe_counts (const char           *file,
                 const YsImportResult *result)
{
  GString *line = g_string_new (file);
  const struct { const char *label; const YsMergeCounts *counts; } kinds[] = {
    { N_("workflows"), &result->workflows },
    { N_("tools"), &result->tools },
    { N_("runs"), &result->runs },
    { N_("feedback"), &result->feedback },
    { N_("reviews"), &result->reviews },
  };

  g_string_append_c (line, ':');
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    /* TRANSLATORS: e.g. " runs 95 new, 25 updated, 0 unchanged;" */
    g_string_append_printf (line, _(" %s %u new, %u updated, %u unchanged%s"),
                            _(kinds[i].label), kinds[i].counts->added, kinds[i].counts->updated,
                            kinds[i].counts->unchanged, i + 1 < G_N_ELEMENTS (kinds) ? ";" : "");
  if (result->archived_on_import > 0)
    g_string_append_printf (line, ngettext ("; %u workflow archived to keep three active",
                                            "; %u workflows archived to keep three active",
                                            result->archived_on_import),
                            result->archived_on_import);
  return g_string_free (line, FALSE);
}

/* One line per file merged or skipped, then the counts. */
static void
print_sync_report (const YsSyncReport *report,
                   gboolean            own_failed,
                   gboolean            to_stderr)
{
  void (*print) (const char *format, ...) = to_stderr ? g_printerr : g_print;
  g_autofree char *own = NULL;

  for (guint i = 0; i < report->files->len; i++)
    {
      const YsSyncFile *file = report->files->pdata[i];

      if (file->outcome == YS_SYNC_MERGED)
        {
          g_autofree char *counts = describe_counts (file->name, &file->counts);
          /* TRANSLATORS: %s is a file name followed by what it brought */
          print (_("Merged %s\n"), counts);
        }
      else
        /* TRANSLATORS: %s names the file, then says what is wrong with it */
        print (_("Skipped %s\n"), file->problem);
    }

  if (own_failed)
    /* TRANSLATORS: %s is this computer's file in the team folder */
    own = g_strdup_printf (_("%s could not be written"), report->own_name);
  else if (report->wrote_own)
    own = g_strdup_printf (_("wrote %s"), report->own_name);
  else
    own = g_strdup_printf (_("%s was up to date"), report->own_name);
  /* TRANSLATORS: the last line of --sync-folder, e.g. "Team folder /home/a/Team:
   * 2 merged, 1 skipped, 17 unchanged; wrote yardstick-….json" */
  print (_("Team folder %s: %u merged, %u skipped, %u unchanged; %s\n"),
         report->folder, report->merged, report->skipped, report->unchanged, own);
}

/* The report's preferences (organisation, currency, staff cost, paper),
 * when they can be read. */
static void
read_report_options (YsReportOptions *options)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    settings = g_settings_new (APP_ID);
  ys_report_options_load (options, settings);
}

static gboolean
read_date (const char  *option,
           const char  *text,
           GDate       *date,
           GError     **error)
{
  if (ys_parse_iso_date (text, date))
    return TRUE;

  g_set_error (error, YS_ERROR, YS_ERROR_INVALID,
               _("%s: “%s” is not a date like 2026-11-22."), option, text);
  return FALSE;
}

/* --quarter, or --from and --to; a missing side is the first or last run's date. */
static gboolean
read_period (YsStore     *store,
             const char  *from_text,
             const char  *to_text,
             const char  *quarter,
             GDate       *from,
             GDate       *to,
             gboolean    *has_period,
             GError     **error)
{
  GDate first, last;
  gboolean any_runs;

  *has_period = FALSE;
  g_date_clear (from, 1);
  g_date_clear (to, 1);

  if (quarter != NULL)
    {
      if (!ys_stats_parse_quarter (quarter, from, to, error))
        {
          g_prefix_error (error, "--quarter: ");
          return FALSE;
        }
      *has_period = TRUE;
      return TRUE;
    }

  if (from_text == NULL && to_text == NULL)
    return TRUE;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  if (!ys_stats_history_bounds (store, &first, &last, &any_runs, error))
    return FALSE;

  if (from_text != NULL && !read_date ("--from", from_text, from, error))
    return FALSE;
  if (to_text != NULL && !read_date ("--to", to_text, to, error))
    return FALSE;
  if (from_text == NULL)
    *from = any_runs ? first : *to;
  if (to_text == NULL)
    *to = any_runs ? last : *from;

  if (g_date_compare (from, to) > 0)
    {
      char a[16], b[16];

      g_date_strftime (a, sizeof a, "%Y-%m-%d", from);
      g_date_strftime (b, sizeof b, "%Y-%m-%d", to);
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID,
                   _("--from %s is after --to %s."), a, b);
      return FALSE;
    }

  *has_period = TRUE;
  return TRUE;
}

/* --import-csv's companions, checked before anything is read or opened.
 * Returns an exit status, YS_EXIT_OK when the import may go ahead. */
static int
check_tracker_options (char                   **files,
                       const char              *workflow,
                       const char              *mode_text,
                       const char              *tool,
                       const char              *match,
                       YsTrackerImportOptions  *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (files == NULL)
    {
      if (workflow != NULL || mode_text != NULL || tool != NULL || match != NULL)
        {
          g_printerr (_("yardstick: --workflow, --mode, --tool and --match go with "
                        "--import-csv\n"));
          return YS_EXIT_USAGE;
        }
      return YS_EXIT_OK;
    }

  if (g_strv_length (files) > 1)
    {
      g_printerr (_("yardstick: give --import-csv once\n"));
      return YS_EXIT_USAGE;
    }
  if (*files[0] == '\0')
    {
      g_printerr (_("yardstick: --import-csv needs a file name\n"));
      return YS_EXIT_USAGE;
    }
  if (workflow == NULL || mode_text == NULL)
    {
      g_printerr (_("yardstick: --import-csv needs --workflow NAME and "
                    "--mode without-ai or --mode with-ai\n"));
      return YS_EXIT_USAGE;
    }

  if (!ys_mode_from_string (mode_text, &options->mode))
    {
      g_printerr (_("--mode: “%s” is neither without-ai nor with-ai.\n"), mode_text);
      return YS_EXIT_REFUSED;
    }
  if (options->mode == YS_MODE_WITH_AI && tool == NULL)
    {
      g_printerr (_("yardstick: --mode with-ai needs --tool NAME, the tool the runs used\n"));
      return YS_EXIT_USAGE;
    }
  if (options->mode == YS_MODE_WITHOUT_AI && tool != NULL)
    {
      g_printerr (_("yardstick: --tool goes with --mode with-ai; runs without AI name no tool\n"));
      return YS_EXIT_USAGE;
    }

  if ((name = ys_validate_name (workflow, YS_NAME_WORKFLOW, &error)) == NULL)
    {
      g_printerr ("--workflow: %s\n", error->message);
      return YS_EXIT_REFUSED;
    }
  g_clear_pointer (&name, g_free);
  if (tool != NULL && (name = ys_validate_name (tool, YS_NAME_TOOL, &error)) == NULL)
    {
      g_printerr ("--tool: %s\n", error->message);
      return YS_EXIT_REFUSED;
    }
  if (match != NULL && !g_utf8_validate (match, -1, NULL))
    {
      g_printerr (_("--match: not valid text\n"));
      return YS_EXIT_REFUSED;
    }

  options->workflow_name = workflow;
  options->tool_name = tool;
  options->match = match;
  return YS_EXIT_OK;
}

static gboolean
export_bundle (YsStore     *store,
               const char  *path,
               GError     **error)
{
  if (g_strcmp0 (path, "-") == 0)
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
      return ys_bundle_export (store, YS_BUNDLE_EVERYTHING, out, NULL, error);
    }
  return ys_bundle_export_file (store, YS_BUNDLE_EVERYTHING, path, error);
}

int
ys_cli_run (int          argc,
            char       **argv,
            YsCliResult *result)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_auto(GStrv) args = NULL;
  gboolean version = FALSE;
  gboolean demo = FALSE;
  gboolean service = FALSE;
  g_auto(GStrv) imports = NULL;
  gboolean summary = FALSE;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *quarter = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *report_path = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *backup_path = NULL;
  g_autofree char *sync_folder = NULL;
  g_auto(GStrv) tracker_files = NULL;
  g_autofree char *workflow_name = NULL;
  g_autofree char *mode_text = NULL;
  g_autofree char *tool_name = NULL;
  g_autofree char *match = NULL;
  g_autoptr(YsTrackerCsv) tracker_csv = NULL;
  YsTrackerImportOptions tracker_options = { 0 };
  int status;
  GOptionEntry entries[] = {
    /* Passed on to GApplication when D-Bus activation starts us. */
    { "gapplication-service", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &service, NULL, NULL },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database,
      N_("Use this SQLite file instead of the default (created if missing)"), N_("PATH") },
    { "import", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &imports,
      N_("Merge a bundle into the database (repeatable; each file all or nothing)"), N_("FILE") },
    { "import-csv", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &tracker_files,
      N_("Merge the entries of a time tracker’s CSV export (Toggl Track, Clockify, Kimai, "
         "Hamster or Yardstick) as runs; needs --workflow and --mode"), N_("FILE") },
    { "workflow", 0, 0, G_OPTION_ARG_STRING, &workflow_name,
      N_("With --import-csv: the workflow of the runs (made if there is none; archived if "
         "three are active)"), N_("NAME") },
    { "mode", 0, 0, G_OPTION_ARG_STRING, &mode_text,
      N_("With --import-csv: the mode of the runs"), N_("without-ai|with-ai") },
    { "tool", 0, 0, G_OPTION_ARG_STRING, &tool_name,
      N_("With --import-csv --mode with-ai: the tool the runs used (made if there is none)"),
      N_("NAME") },
    { "match", 0, 0, G_OPTION_ARG_STRING, &match,
      N_("With --import-csv: only entries whose project, description or tags contain TEXT, "
         "whatever its case"), N_("TEXT") },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export_path,
      N_("Write everything, deletions included, as a bundle (- for standard output)"),
      N_("FILE") },
    { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_path,
      N_("Write the runs as CSV, one row per run (- for standard output)"), N_("FILE") },
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &report_path,
      N_("Write the funder update for the period (.pdf or .md; this quarter by default)"),
      N_("FILE") },
    { "summary", 0, 0, G_OPTION_ARG_NONE, &summary,
      N_("Print the summary figures as JSON"), NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("First day of the period (local date, inclusive)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
      N_("Last day of the period (local date, inclusive)"), N_("YYYY-MM-DD") },
    { "quarter", 0, 0, G_OPTION_ARG_STRING, &quarter,
      N_("The period of a calendar quarter"), N_("YYYY-QN") },
    { "backup", 0, 0, G_OPTION_ARG_FILENAME, &backup_path,
      N_("Write a consistent copy of the database, even while it is in use"), N_("FILE") },
    { "sync-folder", 0, 0, G_OPTION_ARG_FILENAME, &sync_folder,
      N_("Sync once with a team folder: merge the other computers’ files there, then write "
         "this one’s"), N_("DIR") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo,
      N_("Fill an empty database with a realistic sample team"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_return_val_if_fail (result != NULL, YS_EXIT_USAGE);

  result->open_window = FALSE;
  result->service = FALSE;
  result->database = NULL;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
    _("Find out whether AI tools help with your team’s real work.\n"
      "Without options, opens the window."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  /* g_option_context_parse_strv keeps our argv intact for the caller. */
  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("yardstick: %s\n", error->message);
      g_printerr (_("Run “%s --help” to see the options.\n"), "yardstick");
      return YS_EXIT_USAGE;
    }

  if (g_strv_length (args) > 1)
    {
      g_printerr (_("yardstick: unexpected argument “%s”\n"), args[1]);
      return YS_EXIT_USAGE;
    }

  if (version)
    {
      g_print ("yardstick %s\n", PACKAGE_VERSION);
      return YS_EXIT_OK;
    }

  if (database != NULL && *database == '\0')
    {
      g_printerr (_("yardstick: --database needs a file name\n"));
      return YS_EXIT_USAGE;
    }

  if (quarter != NULL && (from_text != NULL || to_text != NULL))
    {
      g_printerr (_("yardstick: use either --quarter or --from and --to\n"));
      return YS_EXIT_USAGE;
    }

  if (backup_path != NULL && (*backup_path == '\0' || g_strcmp0 (backup_path, "-") == 0))
    {
      g_printerr (_("yardstick: --backup needs a file name\n"));
      return YS_EXIT_USAGE;
    }

  status = check_tracker_options (tracker_files, workflow_name, mode_text, tool_name, match,
                                  &tracker_options);
  if (status != YS_EXIT_OK)
    return status;

  /* The whole file is read and checked before the database is opened, so
   * a refused one leaves not even a new database behind. */
  if (tracker_files != NULL)
    {
      tracker_csv = ys_tracker_csv_read_file (tracker_files[0], tracker_files[0], NULL, &error);
      if (tracker_csv == NULL)
        return refuse (error);
    }

  if (sync_folder != NULL && *sync_folder == '\0')
    {
      g_printerr (_("yardstick: --sync-folder needs a folder name\n"));
      return YS_EXIT_USAGE;
    }

  if (demo || imports != NULL || export_path != NULL || summary || csv_path != NULL ||
      report_path != NULL || backup_path != NULL || tracker_csv != NULL ||
      sync_folder != NULL)
    {
      g_autofree char *path = database ? g_strdup (database) : ys_store_default_path ();
      g_autoptr(YsStore) store = ys_store_open (path, &error);

      if (store == NULL)
        return refuse (error);

      if (demo)
        {
          if (!ys_demo_fill (store, &error))
            return refuse (error);
          g_print (_("Filled %s with the sample team.\n"), path);
        }

      /* Files before a refused one stay imported; the refused one and the
       * ones after it change nothing. */
      for (guint i = 0; imports != NULL && imports[i] != NULL; i++)
        {
          YsImportResult imported;
          g_autofree char *counts = NULL;

          if (!ys_bundle_import_file (store, imports[i], imports[i], &imported, &error))
            return refuse (error);
          counts = describe_counts (imports[i], &imported);
          /* Standard output may carry an exported bundle or the summary. */
          if (g_strcmp0 (export_path, "-") == 0 || summary)
            g_printerr ("%s\n", counts);
          else
            g_print ("%s\n", counts);
        }

      if (tracker_csv != NULL)
        {
          g_auto(YsTrackerImport) imported = { 0 };
          g_autofree char *line = NULL;

          /* The file was checked already: what is left to go wrong is the
           * database, and its message names it. */
          if (!ys_tracker_import (store, tracker_csv, &tracker_options, &imported, &error))
            return refuse (error);
          line = ys_tracker_import_describe (&imported, tracker_files[0]);
          if (g_strcmp0 (export_path, "-") == 0 || summary ||
              g_strcmp0 (csv_path, "-") == 0)
            g_printerr ("%s\n", line);
          else
            g_print ("%s\n", line);
        }

      /* After the imports, so that the team gets them; before the
       * exports, so that they hold what the team sent. */
      if (sync_folder != NULL)
        {
          g_autoptr(YsSyncReport) merged = NULL;
          g_autoptr(YsSyncReport) report = ys_sync_run_reporting (store, sync_folder, NULL,
                                                                  &merged, &error);
          gboolean to_stderr = g_strcmp0 (export_path, "-") == 0 || summary ||
                               g_strcmp0 (csv_path, "-") == 0;

          if (report == NULL)
            {
              /* What was merged stays merged: say what, then why it stops. */
              if (merged != NULL)
                print_sync_report (merged, TRUE, to_stderr);
              return refuse (error);
            }
          print_sync_report (report, FALSE, to_stderr);
        }

      if (backup_path != NULL)
        {
          g_autoptr(GFile) database_file = g_file_new_for_path (path);
          g_autoptr(GFile) backup_file = g_file_new_for_path (backup_path);

          if (g_file_equal (database_file, backup_file))
            {
              g_printerr (_("%s: --backup must name a file other than the database\n"),
                          backup_path);
              return YS_EXIT_REFUSED;
            }
          if (!ys_backup_write (path, backup_path, &error) ||
              !ys_backup_check (backup_path, &error))
            return refuse (error);
        }

      if (export_path != NULL && !export_bundle (store, export_path, &error))
        return refuse (error);

      if (csv_path != NULL)
        {
          GDate from, to;
          gboolean has_period;

          if (!read_period (store, from_text, to_text, quarter, &from, &to, &has_period, &error))
            return refuse (error);
          if (g_strcmp0 (csv_path, "-") == 0)
            {
              g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
              if (!ys_csv_export (store, has_period ? &from : NULL, has_period ? &to : NULL, out,
                                  &error))
                return refuse (error);
            }
          else if (!ys_csv_export_file (store, has_period ? &from : NULL, has_period ? &to : NULL,
                                        csv_path, &error))
            return refuse (error);
        }

      if (report_path != NULL)
        {
          GDate from, to;
          gboolean has_period;
          g_autoptr(YsReport) report = NULL;
          g_auto(YsReportOptions) options = { 0 };
          GDate today;

          if (!read_period (store, from_text, to_text, quarter, &from, &to, &has_period, &error))
            return refuse (error);
          /* "So far" and this quarter as of the store's clock. */
          ys_clock_get_today (ys_store_get_clock (store), &today);
          if (!has_period)
            ys_stats_period_dates (YS_PERIOD_THIS_QUARTER, &today, &from, &to);
          read_report_options (&options);
          report = ys_report_build (store, &from, &to, &today, &options, &error);
          if (report == NULL || !ys_report_write_file (report, report_path, &error))
            return refuse (error);
        }

      if (summary)
        {
          GDate from, to;
          gboolean has_period;
          g_autoptr(YsSummary) figures = NULL;
          g_autofree char *json = NULL;

          if (!read_period (store, from_text, to_text, quarter, &from, &to, &has_period, &error))
            return refuse (error);
          figures = ys_summary_compute (store, has_period ? &from : NULL, has_period ? &to : NULL,
                                        &error);
          if (figures == NULL)
            return refuse (error);
          json = ys_summary_to_json (figures);
          g_print ("%s", json);
        }

      return YS_EXIT_OK;
    }

  result->database = g_steal_pointer (&database);
  result->open_window = TRUE;
  result->service = service;
  return YS_EXIT_OK;
}
