/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <json-glib/json-glib.h>

#include "ys-bundle-writer.h"
#include "ys-file.h"
#include "ys-store-private.h"
#include "ys-timestamp.h"

/* Strings --------------------------------------------------------------------- */

/* json-glib's generator escapes every string, so that the bundle, the
 * summary and the tie rule's text share one notion of JSON. One generator
 * per thread, its root a string node rewritten in place: no allocation
 * beyond the copy of the text. */
static void
free_generator (gpointer generator)
{
  g_object_unref (generator);
}

static GPrivate string_generator = G_PRIVATE_INIT (free_generator);

static void
append_string (GString    *out,
               const char *text)
{
  JsonGenerator *generator = g_private_get (&string_generator);

  if (generator == NULL)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

      json_node_set_string (node, "");
      generator = json_generator_new ();
      json_generator_set_root (generator, node);
      g_private_set (&string_generator, generator);
    }

  json_node_set_string (json_generator_get_root (generator), text ? text : "");
  json_generator_to_gstring (generator, out);
}

/* Keys are plain ASCII: no escaping needed. Every member but a record's
 * first follows a comma. */
static void
append_key (GString    *out,
            const char *key)
{
  if (out->str[out->len - 1] != '{')
    g_string_append_c (out, ',');
  g_string_append_c (out, '"');
  g_string_append (out, key);
  g_string_append (out, "\":");
}

static void
append_string_member (GString    *out,
                      const char *key,
                      const char *text)
{
  append_key (out, key);
  if (text == NULL)
    g_string_append (out, "null");
  else
    append_string (out, text);
}

static void
append_int_member (GString    *out,
                   const char *key,
                   gint64      value)
{
  append_key (out, key);
  g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
}

static void
append_bool_member (GString    *out,
                    const char *key,
                    gboolean    value)
{
  append_key (out, key);
  g_string_append (out, value ? "true" : "false");
}

static void
append_time_member (GString    *out,
                    const char *key,
                    gint64      usec,
                    int         offset)
{
  append_key (out, key);
  g_string_append_c (out, '"');
  ys_timestamp_append (out, usec, offset);
  g_string_append_c (out, '"');
}

/* Records ---------------------------------------------------------------------- */

static void
append_workflow (GString                *out,
                 const YsWorkflowRecord *r)
{
  g_string_append_c (out, '{');
  append_string_member (out, "id", r->id);
  append_string_member (out, "name", r->name);
  append_string_member (out, "description", r->description);
  append_int_member (out, "people", r->people);
  append_bool_member (out, "archived", r->archived);
  append_time_member (out, "updated_at", r->updated_at, 0);
  append_bool_member (out, "deleted", r->deleted);
  g_string_append_c (out, '}');
}

/* Hundredths as the shortest decimal, always with a point, as Python
 * prints a float: 50.0, 12.5, 12.34. */
static void
append_cents_member (GString    *out,
                     const char *key,
                     gint64      cents)
{
  append_key (out, key);
  if (cents < 0)
    g_string_append (out, "null");
  else if (cents % 10 == 0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT ".%d", cents / 100, (int) (cents % 100 / 10));
  else
    g_string_append_printf (out, "%" G_GINT64_FORMAT ".%02d", cents / 100, (int) (cents % 100));
}

static void
append_tool (GString            *out,
             const YsToolRecord *r)
{
  g_string_append_c (out, '{');
  append_string_member (out, "id", r->id);
  append_string_member (out, "name", r->name);
  append_cents_member (out, "monthly_cost", r->monthly_cost);
  append_time_member (out, "updated_at", r->updated_at, 0);
  append_bool_member (out, "deleted", r->deleted);
  g_string_append_c (out, '}');
}

static void
append_run (GString           *out,
            const YsRunRecord *r)
{
  g_string_append_c (out, '{');
  append_string_member (out, "id", r->id);
  append_string_member (out, "workflow", r->workflow);
  append_string_member (out, "mode", ys_mode_to_string (r->mode));
  append_string_member (out, "tool", r->mode == YS_MODE_WITH_AI ? r->tool : NULL);
  append_time_member (out, "started_at", r->started_at * G_USEC_PER_SEC, r->started_offset);
  append_int_member (out, "duration_seconds", r->duration_seconds);
  append_int_member (out, "corrections", r->corrections);
  append_key (out, "used");
  g_string_append (out, r->used == YS_USED_UNKNOWN ? "null"
                        : r->used == YS_USED_YES ? "true" : "false");
  append_string_member (out, "note", r->note);
  append_string_member (out, "assignment", ys_assignment_to_string (r->assignment));
  /* Absent rather than null: a run logged in Yardstick has no source. */
  if (r->source != NULL)
    append_string_member (out, "source", r->source);
  append_time_member (out, "updated_at", r->updated_at, 0);
  append_bool_member (out, "deleted", r->deleted);
  g_string_append_c (out, '}');
}

static void
append_feedback (GString                *out,
                 const YsFeedbackRecord *r)
{
  g_string_append_c (out, '{');
  append_string_member (out, "id", r->id);
  append_string_member (out, "workflow", r->workflow);
  append_string_member (out, "tool", r->tool);
  append_bool_member (out, "saves_time", r->saves_time);
  append_string_member (out, "given_on", r->given_on);
  append_string_member (out, "comment", r->comment);
  append_time_member (out, "updated_at", r->updated_at, 0);
  append_bool_member (out, "deleted", r->deleted);
  g_string_append_c (out, '}');
}

static void
append_review (GString              *out,
               const YsReviewRecord *r)
{
  g_string_append_c (out, '{');
  append_string_member (out, "id", r->id);
  append_string_member (out, "quarter", r->quarter);
  append_key (out, "coverage_percent");
  if (r->coverage_percent < 0)
    g_string_append (out, "null");
  else
    g_string_append_printf (out, "%d", r->coverage_percent);
  append_string_member (out, "working", r->working);
  append_string_member (out, "not_working", r->not_working);
  append_string_member (out, "more_rework", r->more_rework);
  append_time_member (out, "updated_at", r->updated_at, 0);
  append_bool_member (out, "deleted", r->deleted);
  g_string_append_c (out, '}');
}

void
ys_bundle_append_record (GString       *out,
                         YsRecordKind   kind,
                         gconstpointer  record)
{
  g_return_if_fail (out != NULL && record != NULL);

  switch (kind)
    {
    case YS_RECORD_WORKFLOW: append_workflow (out, record); break;
    case YS_RECORD_TOOL: append_tool (out, record); break;
    case YS_RECORD_RUN: append_run (out, record); break;
    case YS_RECORD_FEEDBACK: append_feedback (out, record); break;
    case YS_RECORD_REVIEW: append_review (out, record); break;
    case YS_N_RECORD_KINDS:
    default: g_return_if_reached ();
    }
}

char *
ys_bundle_record_text (YsRecordKind   kind,
                       gconstpointer  record)
{
  GString *out = g_string_sized_new (256);

  ys_bundle_append_record (out, kind, record);
  return g_string_free (out, FALSE);
}

/* Export ----------------------------------------------------------------------- */

typedef struct
{
  GOutputStream *stream;
  GCancellable *cancellable;
  GString *buffer;
} Writer;

static gboolean
flush (Writer   *writer,
       gboolean  force,
       GError  **error)
{
  if (writer->buffer->len == 0 || (!force && writer->buffer->len < 64 * 1024))
    return TRUE;

  if (!g_output_stream_write_all (writer->stream, writer->buffer->str, writer->buffer->len,
                                  NULL, writer->cancellable, error))
    return FALSE;
  g_string_truncate (writer->buffer, 0);
  return TRUE;
}

/* One array of records, streamed from the store in a fixed order. */
static gboolean
write_array (YsStore        *store,
             Writer         *writer,
             YsRecordKind    kind,
             const char     *name,
             gboolean        tombstones,
             gboolean        last,
             GError        **error)
{
  g_autoptr(YsStoreRecords) records = ys_store_list_records (store, kind, tombstones, error);
  GString *out = writer->buffer;
  gboolean first = TRUE;
  gconstpointer record = NULL;

  if (records == NULL)
    return FALSE;

  g_string_append_printf (out, "  \"%s\": [", name);
  for (;;)
    {
      if (!ys_store_records_next (records, &record, error))
        return FALSE;
      if (record == NULL)
        break;
      g_string_append (out, first ? "\n    " : ",\n    ");
      first = FALSE;
      ys_bundle_append_record (out, kind, record);
      if (!flush (writer, FALSE, error))
        return FALSE;
    }

  g_string_append (out, first ? "]" : "\n  ]");
  g_string_append (out, last ? "\n" : ",\n");
  return TRUE;
}

static gboolean
write_all (YsStore        *store,
           YsBundleScope   scope,
           Writer         *writer,
           GError        **error)
{
  gboolean everything = scope == YS_BUNDLE_EVERYTHING;

  g_string_append_printf (writer->buffer,
                          "{\n  \"format\": \"%s\",\n  \"version\": %d,\n  \"exported_at\": ",
                          YS_BUNDLE_FORMAT, YS_BUNDLE_VERSION);
  g_string_append_c (writer->buffer, '"');
  ys_timestamp_append (writer->buffer, g_get_real_time () / G_USEC_PER_SEC * G_USEC_PER_SEC, 0);
  g_string_append (writer->buffer, "\",\n");

  if (!write_array (store, writer, YS_RECORD_WORKFLOW, "workflows", everything, FALSE, error) ||
      !write_array (store, writer, YS_RECORD_TOOL, "tools", everything, FALSE, error))
    return FALSE;

  if (everything)
    {
      if (!write_array (store, writer, YS_RECORD_RUN, "runs", TRUE, FALSE, error) ||
          !write_array (store, writer, YS_RECORD_FEEDBACK, "feedback", TRUE, FALSE, error) ||
          !write_array (store, writer, YS_RECORD_REVIEW, "reviews", TRUE, TRUE, error))
        return FALSE;
    }
  else
    g_string_append (writer->buffer, "  \"runs\": [],\n  \"feedback\": []\n");

  g_string_append (writer->buffer, "}\n");
  return flush (writer, TRUE, error);
}

gboolean
ys_bundle_export (YsStore         *store,
                  YsBundleScope    scope,
                  GOutputStream   *stream,
                  GCancellable    *cancellable,
                  GError         **error)
{
  Writer writer = { stream, cancellable, NULL };
  YsDatabase *db;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  db = ys_store_get_database (store);
  if (!ys_database_begin (db, YS_TRANSACTION_READ, error))
    return FALSE;

  writer.buffer = g_string_sized_new (128 * 1024);
  ok = write_all (store, scope, &writer, error);
  g_string_free (writer.buffer, TRUE);

  /* Nothing was written, so ending the read cannot lose anything. */
  ys_database_end (db, TRUE, NULL);
  return ok;
}

typedef struct
{
  YsStore *store;
  YsBundleScope scope;
} ExportJob;

static gboolean
write_bundle (GOutputStream  *stream,
              gpointer        user_data,
              GError        **error)
{
  ExportJob *job = user_data;
  return ys_bundle_export (job->store, job->scope, stream, NULL, error);
}

gboolean
ys_bundle_export_file (YsStore        *store,
                       YsBundleScope   scope,
                       const char     *path,
                       GError        **error)
{
  ExportJob job = { store, scope };

  g_return_val_if_fail (YS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return ys_file_write_atomically (path, write_bundle, &job, error);
}
