/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ys-csv.h"
#include "ys-error.h"
#include "ys-file.h"
#include "ys-store-private.h"
#include "ys-timestamp.h"
#include "ys-validate.h"

void
ys_csv_append_cell (GString    *out,
                    const char *text)
{
  gboolean quote;

  text = text ? text : "";

  /* A leading = + - @ tab or CR makes a spreadsheet evaluate the cell;
   * a single quote in front keeps it text. */
  quote = strpbrk (text, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (out, '"');
  if (strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    g_string_append_c (out, '\'');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static void
date_text (const GDate *date,
           const char  *fallback,
           char         text[11])
{
  if (date == NULL)
    g_strlcpy (text, fallback, 11);
  else
    ys_format_iso_date (date, text);
}

gboolean
ys_csv_export (YsStore        *store,
               const GDate    *from,
               const GDate    *to,
               GOutputStream  *stream,
               GError        **error)
{
  g_autoptr(GString) out = g_string_new ("id,workflow,mode,tool,started_at,duration_seconds,"
                                         "corrections,used,note,assignment\r\n");
  char from_text[11], to_text[11];
  YsDatabase *db;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (YS_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  date_text (from, "0000-01-01", from_text);
  date_text (to, "9999-12-31", to_text);

  db = ys_store_get_database (store);
  stmt = ys_database_prepare (db,
    "SELECT r.id, w.name, r.mode, t.name, r.started_at, r.duration_seconds, r.corrections,"
    " r.used, r.note, r.started_offset, r.assignment FROM runs r"
    " JOIN workflows w ON w.key = r.workflow AND w.deleted = 0"
    " LEFT JOIN tools t ON t.key = r.tool"
    " WHERE r.deleted = 0 AND r.started_on BETWEEN :from AND :to"
    " ORDER BY r.started_at, r.id", error);
  if (stmt == NULL)
    return FALSE;
  ys_database_bind_text (stmt, ":from", from_text);
  ys_database_bind_text (stmt, ":to", to_text);

  while (ok && (rc = ys_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      const char *used = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? ""
                         : sqlite3_column_int (stmt, 7) ? "yes" : "no";

      ys_csv_append_cell (out, (const char *) sqlite3_column_text (stmt, 0));
      g_string_append_c (out, ',');
      ys_csv_append_cell (out, (const char *) sqlite3_column_text (stmt, 1));
      g_string_append_printf (out, ",%s,", sqlite3_column_int (stmt, 2) ? "with-ai" : "without-ai");
      ys_csv_append_cell (out, (const char *) sqlite3_column_text (stmt, 3));
      /* The start as bundles write it, in the offset it was logged with. */
      g_string_append_c (out, ',');
      ys_timestamp_append (out, sqlite3_column_int64 (stmt, 4) * G_USEC_PER_SEC,
                           sqlite3_column_int (stmt, 9));
      g_string_append_printf (out, ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%s,",
                              (gint64) sqlite3_column_int64 (stmt, 5),
                              (gint64) sqlite3_column_int64 (stmt, 6), used);
      ys_csv_append_cell (out, (const char *) sqlite3_column_text (stmt, 8));
      g_string_append_c (out, ',');
      g_string_append (out, ys_assignment_to_string (sqlite3_column_int (stmt, 10)));
      g_string_append (out, "\r\n");

      if (out->len > 64 * 1024)
        {
          ok = g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error);
          g_string_truncate (out, 0);
        }
    }
  if (ok && rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);

  return ok && g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error);
}

static gboolean
write_csv (GOutputStream  *stream,
           gpointer        user_data,
           GError        **error)
{
  gpointer *args = user_data;
  return ys_csv_export (args[0], args[1], args[2], stream, error);
}

gboolean
ys_csv_export_file (YsStore      *store,
                    const GDate  *from,
                    const GDate  *to,
                    const char   *path,
                    GError      **error)
{
  gpointer args[] = { store, (gpointer) from, (gpointer) to };

  return ys_file_write_atomically (path, write_csv, args, error);
}

/* Figures ---------------------------------------------------------------------- */

/* Numbers as the summary's JSON has them: a point, whole numbers without
 * one, the shortest text that reads back the same; absent ones empty. */
static void
append_number (GString *out,
               double   value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value) || isinf (value))
    return;
  if (value == floor (value) && fabs (value) < 1e15)
    g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, (gint64) value);
  else
    for (int digits = 1; digits <= 17; digits++)
      {
        char format[8];

        g_snprintf (format, sizeof format, "%%.%dg", digits);
        g_ascii_formatd (text, sizeof text, format, value);
        if (g_ascii_strtod (text, NULL) == value)
          break;
      }
  /* Through the same rule as any cell: a loss starts with a minus. */
  ys_csv_append_cell (out, text);
}

static void
append_count (GString *out,
              gint64   value)
{
  append_number (out, value < 0 ? NAN : (double) value);
}

static void
append_mode (GString             *out,
             const YsModeFigures *m)
{
  append_count (out, m->runs);
  g_string_append_c (out, ',');
  append_number (out, m->median_seconds);
  g_string_append_c (out, ',');
  append_count (out, m->ci_low);
  g_string_append_c (out, ',');
  append_count (out, m->ci_high);
  g_string_append_c (out, ',');
  append_number (out, m->corrections_per_run);
  g_string_append_c (out, ',');
  append_number (out, m->correction_rate);
  g_string_append_c (out, ',');
  append_number (out, m->used_rate);
}

static void
append_boolean (GString  *out,
                 gboolean  value)
{
  g_string_append (out, value ? "true" : "false");
}

/* ratio, its interval, enough_data, clear: as in the summary's change. */
static void
append_ratio_change (GString             *out,
                     const YsRatioChange *change)
{
  append_number (out, change->has_ratio ? change->ratio : NAN);
  g_string_append_c (out, ',');
  append_number (out, change->has_interval ? change->low : NAN);
  g_string_append_c (out, ',');
  append_number (out, change->has_interval ? change->high : NAN);
  g_string_append_c (out, ',');
  append_boolean (out, change->enough_data);
  g_string_append_c (out, ',');
  append_boolean (out, change->clear);
}

#define RATIO_COLUMNS(prefix) \
  prefix "_ratio," prefix "_ratio_ci95_low," prefix "_ratio_ci95_high," \
  prefix "_enough_data," prefix "_clear"

#define MODE_COLUMNS(mode) \
  mode "_runs," mode "_median_seconds," mode "_median_ci95_low," mode "_median_ci95_high," \
  mode "_corrections_per_run," mode "_correction_rate," mode "_used_rate"

gboolean
ys_csv_export_figures (const YsSummary  *summary,
                       GOutputStream    *stream,
                       GError          **error)
{
  g_autoptr(GString) out = g_string_new ("from,to,workflow,archived,"
                                         MODE_COLUMNS ("without_ai") ","
                                         MODE_COLUMNS ("with_ai") ","
                                         "change_percent," RATIO_COLUMNS ("change") ","
                                         "change_runs_to_settle,"
                                         "fair_test_drawn,fair_test_overridden,fair_test_chosen,"
                                         RATIO_COLUMNS ("fair_test") ","
                                         "time_saved_per_week_seconds,"
                                         "time_saved_per_person_per_week_seconds,"
                                         "hours_saved\r\n");
  char from[11] = "", to[11] = "";

  g_return_val_if_fail (summary != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (summary->has_period)
    {
      ys_format_iso_date (&summary->from, from);
      ys_format_iso_date (&summary->to, to);
    }

  for (guint i = 0; i < summary->workflows->len; i++)
    {
      const YsWorkflowFigures *w = g_ptr_array_index (summary->workflows, i);

      g_string_append_printf (out, "%s,%s,", from, to);
      ys_csv_append_cell (out, w->name);
      g_string_append_printf (out, ",%s,", w->archived ? "true" : "false");
      append_mode (out, &w->without_ai);
      g_string_append_c (out, ',');
      append_mode (out, &w->with_ai);
      g_string_append_c (out, ',');
      append_number (out, w->change_percent);
      g_string_append_c (out, ',');
      append_ratio_change (out, &w->change);
      g_string_append_c (out, ',');
      append_count (out, w->change.runs_to_settle);
      g_string_append_printf (out, ",%u,%u,%u,", w->fair_test.drawn, w->fair_test.overridden,
                              w->fair_test.chosen);
      append_ratio_change (out, &w->fair_test.change);
      g_string_append_c (out, ',');
      /* A time saved or lost is stated only for a clear change, as in the
       * app and the report: a spreadsheet cell is read as a finding. */
      append_number (out, w->has_time_saved && w->clear ? (double) w->time_saved_per_week : NAN);
      g_string_append_c (out, ',');
      append_number (out, w->has_time_saved && w->clear
                            ? (double) w->time_saved_per_person_per_week : NAN);
      g_string_append_c (out, ',');
      /* The costs' hours: from a clear change only, as in the summary. */
      append_number (out, w->clear
                            ? ys_costs_hours (ys_costs_saved_half_seconds (w->without_ai.median_seconds,
                                                                           w->with_ai.median_seconds,
                                                                           w->with_ai.runs))
                            : NAN);
      g_string_append (out, "\r\n");
    }

  return g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error);
}

static gboolean
write_figures (GOutputStream  *stream,
               gpointer        user_data,
               GError        **error)
{
  return ys_csv_export_figures (user_data, stream, error);
}

gboolean
ys_csv_export_figures_file (const YsSummary  *summary,
                            const char       *path,
                            GError          **error)
{
  return ys_file_write_atomically (path, write_figures, (gpointer) summary, error);
}
