/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>
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
    " JOIN workflows w ON w.id = r.workflow_id AND w.deleted = 0"
    " LEFT JOIN tools t ON t.id = r.tool_id"
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
