/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "ys-bundle.h"
#include "ys-error.h"
#include "ys-file.h"
#include "ys-step.h"
#include "ys-schema.h"
#include "ys-store-private.h"
#include "ys-validate.h"

/*
 * Bundles are how a team combines its measurements without a server
 * (FORMAT.md). Reading is strict and happens entirely before writing: the
 * whole file is checked, then merged in one transaction, so a refused file
 * changes nothing. Every refusal names the file and the place inside it.
 */

/* Reading ------------------------------------------------------------------ */

typedef struct
{
  const char *id;
  const char *name;
  const char *description;
  gint64 people;
  gboolean archived;
  gint64 updated_at;
  gboolean deleted;
} WorkflowRecord;

typedef struct
{
  const char *id;
  const char *name;
  gint64 updated_at;
  gboolean deleted;
} ToolRecord;

typedef struct
{
  const char *id;
  YsRunFields fields;
  gint64 updated_at;
  gboolean deleted;
} RunRecord;

typedef struct
{
  const char *id;
  const char *workflow;
  const char *tool;
  gboolean saves_time;
  const char *given_on;
  const char *comment;
  gint64 updated_at;
  gboolean deleted;
} FeedbackRecord;

typedef struct
{
  const char *id;
  YsReview review;
  gint64 updated_at;
  gboolean deleted;
} ReviewRecord;

typedef struct
{
  YsStore *store;
  const char *file;
  char *place;           /* "runs[12]" while a record is read */
  GArray *workflows;
  GArray *tools;
  GArray *runs;
  GArray *feedback;
  GArray *reviews;
  GHashTable *workflow_ids;
  GHashTable *tool_ids;
  YsImportResult *result;
} Reader;

static gboolean G_GNUC_PRINTF (4, 5)
refuse (Reader      *reader,
        GError     **error,
        const char  *field,
        const char  *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (field != NULL)
    g_set_error (error, YS_ERROR, YS_ERROR_INVALID, "%s: %s.%s: %s",
                 reader->file, reader->place, field, message);
  else if (reader->place != NULL)
    g_set_error (error, YS_ERROR, YS_ERROR_INVALID, "%s: %s: %s",
                 reader->file, reader->place, message);
  else
    g_set_error (error, YS_ERROR, YS_ERROR_INVALID, "%s: %s", reader->file, message);
  return FALSE;
}

static JsonNode *
member (Reader      *reader,
        JsonObject  *object,
        const char  *field,
        GError     **error)
{
  JsonNode *node = json_object_get_member (object, field);

  if (node == NULL)
    refuse (reader, error, field, _("missing"));
  return node;
}

static gboolean
read_string (Reader      *reader,
             JsonObject  *object,
             const char  *field,
             gboolean     nullable,
             const char **out,
             GError     **error)
{
  JsonNode *node = member (reader, object, field, error);

  if (node == NULL)
    return FALSE;

  if (nullable && JSON_NODE_HOLDS_NULL (node))
    {
      *out = NULL;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return refuse (reader, error, field, nullable ? _("must be a string or null")
                                                  : _("must be a string"));

  *out = json_node_get_string (node);
  if (!g_utf8_validate (*out, -1, NULL))
    return refuse (reader, error, field, _("must be valid UTF-8 text"));
  return TRUE;
}

static gboolean
read_integer (Reader      *reader,
              JsonObject  *object,
              const char  *field,
              gint64       min,
              gint64       max,
              gint64      *out,
              GError     **error)
{
  JsonNode *node = member (reader, object, field, error);

  if (node == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 &&
       json_node_get_value_type (node) != G_TYPE_DOUBLE))
    return refuse (reader, error, field, _("must be a number"));

  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return refuse (reader, error, field, _("must be a whole number"));

  *out = json_node_get_int (node);
  if (*out < min || *out > max)
    return refuse (reader, error, field, _("must be between %lld and %lld"),
                   (long long) min, (long long) max);
  return TRUE;
}

/* @out: 1, 0, or -1 for null when @nullable */
static gboolean
read_boolean (Reader      *reader,
              JsonObject  *object,
              const char  *field,
              gboolean     nullable,
              int         *out,
              GError     **error)
{
  JsonNode *node = member (reader, object, field, error);

  if (node == NULL)
    return FALSE;

  if (nullable && JSON_NODE_HOLDS_NULL (node))
    {
      *out = -1;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return refuse (reader, error, field, nullable ? _("must be true, false or null")
                                                  : _("must be true or false"));

  *out = json_node_get_boolean (node) ? 1 : 0;
  return TRUE;
}

static gboolean
read_flag (Reader      *reader,
           JsonObject  *object,
           const char  *field,
           gboolean    *out,
           GError     **error)
{
  int value = 0;

  if (!read_boolean (reader, object, field, FALSE, &value, error))
    return FALSE;
  *out = value == 1;
  return TRUE;
}

static gboolean
read_uuid (Reader      *reader,
           JsonObject  *object,
           const char  *field,
           gboolean     nullable,
           const char **out,
           GError     **error)
{
  if (!read_string (reader, object, field, nullable, out, error))
    return FALSE;

  if (*out != NULL && !ys_is_uuid (*out))
    return refuse (reader, error, field,
                   _("must be a UUID in lowercase canonical form, not “%s”"), *out);
  return TRUE;
}

/* RFC 3339: a date, "T", a time and an explicit offset or "Z". */
static gboolean
parse_rfc3339 (const char *text,
               gint64     *usec)
{
  g_autoptr(GDateTime) when = NULL;
  gsize length = strlen (text);

  if (length < 20 || text[10] != 'T' ||
      !(text[length - 1] == 'Z' || (length > 6 && (text[length - 6] == '+' ||
                                                    text[length - 6] == '-'))))
    return FALSE;
  if (!ys_parse_iso_date ((char[11]) { text[0], text[1], text[2], text[3], text[4], text[5],
                                       text[6], text[7], text[8], text[9], '\0' }, NULL))
    return FALSE;

  when = g_date_time_new_from_iso8601 (text, NULL);
  if (when == NULL)
    return FALSE;

  *usec = g_date_time_to_unix (when) * G_USEC_PER_SEC + g_date_time_get_microsecond (when);
  return TRUE;
}

static gboolean
read_timestamp (Reader      *reader,
                JsonObject  *object,
                const char  *field,
                gint64      *usec,
                GError     **error)
{
  const char *text;

  if (!read_string (reader, object, field, FALSE, &text, error))
    return FALSE;

  if (!parse_rfc3339 (text, usec))
    return refuse (reader, error, field,
                   _("must be an RFC 3339 timestamp such as 2026-11-22T10:00:00Z, not “%s”"),
                   text);
  return TRUE;
}

static gboolean
read_name (Reader      *reader,
           JsonObject  *object,
           const char  *field,
           const char **out,
           GError     **error)
{
  g_autofree char *trimmed = NULL;
  glong length;

  if (!read_string (reader, object, field, FALSE, out, error))
    return FALSE;

  trimmed = g_strstrip (g_strdup (*out));
  length = g_utf8_strlen (trimmed, -1);
  if (length < 1 || length > YS_LIMITS_MAX_NAME)
    return refuse (reader, error, field, _("must be 1 to %d characters after trimming"),
                   YS_LIMITS_MAX_NAME);
  return TRUE;
}

static gboolean
read_text (Reader      *reader,
           JsonObject  *object,
           const char  *field,
           const char **out,
           GError     **error)
{
  if (!read_string (reader, object, field, FALSE, out, error))
    return FALSE;

  if (g_utf8_strlen (*out, -1) > YS_LIMITS_MAX_TEXT)
    return refuse (reader, error, field, _("must be at most %d characters"), YS_LIMITS_MAX_TEXT);
  return TRUE;
}

/* Ids are unique within their array; the table remembers them for references. */
static gboolean
remember_id (Reader      *reader,
             GHashTable  *ids,
             const char  *id,
             GError     **error)
{
  if (!g_hash_table_add (ids, (gpointer) id))
    return refuse (reader, error, "id", _("%s appears twice"), id);
  return TRUE;
}

static gboolean
read_workflow (Reader      *reader,
               JsonObject  *object,
               GError     **error)
{
  WorkflowRecord record = { 0 };

  if (!read_uuid (reader, object, "id", FALSE, &record.id, error) ||
      !read_name (reader, object, "name", &record.name, error) ||
      !read_text (reader, object, "description", &record.description, error) ||
      !read_integer (reader, object, "people", YS_LIMITS_MIN_PEOPLE, YS_LIMITS_MAX_PEOPLE,
                     &record.people, error) ||
      !read_flag (reader, object, "archived", &record.archived, error) ||
      !read_timestamp (reader, object, "updated_at", &record.updated_at, error) ||
      !read_flag (reader, object, "deleted", &record.deleted, error) ||
      !remember_id (reader, reader->workflow_ids, record.id, error))
    return FALSE;

  g_array_append_val (reader->workflows, record);
  return TRUE;
}

static gboolean
read_tool (Reader      *reader,
           JsonObject  *object,
           GError     **error)
{
  ToolRecord record = { 0 };

  if (!read_uuid (reader, object, "id", FALSE, &record.id, error) ||
      !read_name (reader, object, "name", &record.name, error) ||
      !read_timestamp (reader, object, "updated_at", &record.updated_at, error) ||
      !read_flag (reader, object, "deleted", &record.deleted, error) ||
      !remember_id (reader, reader->tool_ids, record.id, error))
    return FALSE;

  g_array_append_val (reader->tools, record);
  return TRUE;
}

static gboolean
check_reference (Reader        *reader,
                 GHashTable    *bundle_ids,
                 YsRecordKind   kind,
                 const char    *field,
                 const char    *id,
                 GError       **error)
{
  if (g_hash_table_contains (bundle_ids, id) || ys_store_record_exists (reader->store, kind, id))
    return TRUE;

  return refuse (reader, error, field,
                 kind == YS_RECORD_WORKFLOW ? _("no workflow with id %s in the bundle or the database")
                                            : _("no tool with id %s in the bundle or the database"),
                 id);
}

static gboolean
read_run (Reader      *reader,
          JsonObject  *object,
          GHashTable  *ids,
          GError     **error)
{
  RunRecord record = { 0 };
  const char *mode = NULL;
  gint64 started_usec = 0;
  int used = -1;

  if (!read_uuid (reader, object, "id", FALSE, &record.id, error) ||
      !read_uuid (reader, object, "workflow", FALSE, (const char **) &record.fields.workflow_id,
                  error) ||
      !read_string (reader, object, "mode", FALSE, &mode, error))
    return FALSE;

  if (!ys_mode_from_string (mode, &record.fields.mode))
    return refuse (reader, error, "mode", _("must be \"without-ai\" or \"with-ai\", not “%s”"),
                   mode);

  if (!read_uuid (reader, object, "tool", TRUE, (const char **) &record.fields.tool_id, error))
    return FALSE;
  if (record.fields.mode == YS_MODE_WITH_AI && record.fields.tool_id == NULL)
    return refuse (reader, error, "tool", _("a with-ai run must name a tool"));
  if (record.fields.mode == YS_MODE_WITHOUT_AI && record.fields.tool_id != NULL)
    return refuse (reader, error, "tool", _("must be null for a without-ai run"));

  if (!read_timestamp (reader, object, "started_at", &started_usec, error) ||
      !read_integer (reader, object, "duration_seconds", YS_LIMITS_MIN_DURATION,
                     YS_LIMITS_MAX_DURATION, &record.fields.duration_seconds, error) ||
      !read_integer (reader, object, "corrections", 0, YS_LIMITS_MAX_CORRECTIONS,
                     &record.fields.corrections, error) ||
      !read_boolean (reader, object, "used", TRUE, &used, error) ||
      !read_text (reader, object, "note", (const char **) &record.fields.note, error) ||
      !read_timestamp (reader, object, "updated_at", &record.updated_at, error) ||
      !read_flag (reader, object, "deleted", &record.deleted, error) ||
      !remember_id (reader, ids, record.id, error) ||
      !check_reference (reader, reader->workflow_ids, YS_RECORD_WORKFLOW, "workflow",
                        record.fields.workflow_id, error) ||
      (record.fields.tool_id != NULL &&
       !check_reference (reader, reader->tool_ids, YS_RECORD_TOOL, "tool",
                         record.fields.tool_id, error)))
    return FALSE;

  /* Runs are stored to the second, as they are clocked. */
  record.fields.started_at = started_usec / G_USEC_PER_SEC;
  record.fields.used = used < 0 ? YS_USED_UNKNOWN : used ? YS_USED_YES : YS_USED_NO;
  g_array_append_val (reader->runs, record);
  return TRUE;
}

static gboolean
read_feedback (Reader      *reader,
               JsonObject  *object,
               GHashTable  *ids,
               GError     **error)
{
  FeedbackRecord record = { 0 };

  if (!read_uuid (reader, object, "id", FALSE, &record.id, error) ||
      !read_uuid (reader, object, "workflow", FALSE, &record.workflow, error) ||
      !read_uuid (reader, object, "tool", FALSE, &record.tool, error) ||
      !read_flag (reader, object, "saves_time", &record.saves_time, error) ||
      !read_string (reader, object, "given_on", FALSE, &record.given_on, error))
    return FALSE;

  if (!ys_parse_iso_date (record.given_on, NULL))
    return refuse (reader, error, "given_on", _("must be a date such as 2026-11-22, not “%s”"),
                   record.given_on);

  if (!read_text (reader, object, "comment", &record.comment, error) ||
      !read_timestamp (reader, object, "updated_at", &record.updated_at, error) ||
      !read_flag (reader, object, "deleted", &record.deleted, error) ||
      !remember_id (reader, ids, record.id, error) ||
      !check_reference (reader, reader->workflow_ids, YS_RECORD_WORKFLOW, "workflow",
                        record.workflow, error) ||
      !check_reference (reader, reader->tool_ids, YS_RECORD_TOOL, "tool", record.tool, error))
    return FALSE;

  g_array_append_val (reader->feedback, record);
  return TRUE;
}

static gboolean
read_review (Reader      *reader,
             JsonObject  *object,
             GHashTable  *ids,
             GError     **error)
{
  ReviewRecord record = { 0 };
  JsonNode *coverage;
  gint64 percent = -1;

  if (!read_uuid (reader, object, "id", FALSE, &record.id, error) ||
      !read_string (reader, object, "quarter", FALSE, (const char **) &record.review.quarter, error))
    return FALSE;

  if (!ys_is_quarter (record.review.quarter))
    return refuse (reader, error, "quarter", _("must be a quarter such as 2026-Q3, not “%s”"),
                   record.review.quarter);

  coverage = member (reader, object, "coverage_percent", error);
  if (coverage == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_NULL (coverage) &&
      !read_integer (reader, object, "coverage_percent", 0, 100, &percent, error))
    return FALSE;
  record.review.coverage_percent = (int) percent;

  if (!read_text (reader, object, "working", (const char **) &record.review.working, error) ||
      !read_text (reader, object, "not_working", (const char **) &record.review.not_working,
                  error) ||
      !read_text (reader, object, "more_rework", (const char **) &record.review.more_rework,
                  error) ||
      !read_timestamp (reader, object, "updated_at", &record.updated_at, error) ||
      !read_flag (reader, object, "deleted", &record.deleted, error) ||
      !remember_id (reader, ids, record.id, error))
    return FALSE;

  g_array_append_val (reader->reviews, record);
  return TRUE;
}

typedef gboolean (*ReadRecord) (Reader      *reader,
                                JsonObject  *object,
                                GHashTable  *ids,
                                GError     **error);

static gboolean
read_workflow_entry (Reader *reader, JsonObject *object, GHashTable *ids, GError **error)
{
  return read_workflow (reader, object, error);
}

static gboolean
read_tool_entry (Reader *reader, JsonObject *object, GHashTable *ids, GError **error)
{
  return read_tool (reader, object, error);
}

/* An absent array is an empty one: a template has no runs. */
static gboolean
read_array (Reader      *reader,
            JsonObject  *root,
            const char  *name,
            ReadRecord   read_record,
            GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *node = json_object_get_member (root, name);
  JsonArray *array;
  guint n;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID, _("%s: %s: must be an array"),
                   reader->file, name);
      return FALSE;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gboolean ok;

      g_free (reader->place);
      reader->place = g_strdup_printf ("%s[%u]", name, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return refuse (reader, error, NULL, _("must be an object"));

      ok = read_record (reader, json_node_get_object (element), ids, error);
      if (!ok)
        return FALSE;
    }

  g_clear_pointer (&reader->place, g_free);
  return TRUE;
}

/* json-glib's parser recurses; refuse absurd nesting before it can. */
static gboolean
check_nesting (const char *data,
               gsize       length,
               guint      *line)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  *line = 1;
  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        (*line)++;
      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > YS_BUNDLE_MAX_DEPTH)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

static gboolean
parse (Reader      *reader,
       JsonParser  *parser,
       const char  *data,
       gsize        length,
       GError     **error)
{
  g_autoptr(GError) parse_error = NULL;
  const char *invalid = NULL;
  guint line = 0;

  if ((gint64) length > YS_BUNDLE_MAX_SIZE)
    return refuse (reader, error, NULL, _("the file is larger than 256 MiB"));

  if (!g_utf8_validate (data, length, &invalid))
    return refuse (reader, error, NULL, _("not valid UTF-8 text (at byte %lu)"),
                   (unsigned long) (invalid - data));

  if (!check_nesting (data, length, &line))
    return refuse (reader, error, NULL,
                   _("not a Yardstick bundle (nested more than %d levels deep at line %u)"),
                   YS_BUNDLE_MAX_DEPTH, line);

  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      guint column = 0;
      char detail[256] = "";

      /* json-glib says "<data>:LINE:COLUMN: Parse error: DETAIL". */
      if (sscanf (parse_error->message, "<data>:%u:%u: Parse error: %255[^\n]",
                  &line, &column, detail) == 3)
        return refuse (reader, error, NULL,
                       _("not a Yardstick bundle (line %u, column %u: %s)"),
                       line, column, detail);
      return refuse (reader, error, NULL, _("not a Yardstick bundle (%s)"),
                     parse_error->message);
    }

  if (json_parser_get_root (parser) == NULL)
    return refuse (reader, error, NULL, _("the file is empty"));

  return TRUE;
}

static gboolean
read_header (Reader      *reader,
             JsonNode    *root,
             GError     **error)
{
  JsonObject *object;
  JsonNode *format;
  JsonNode *version;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return refuse (reader, error, NULL, _("not a Yardstick bundle (it is not a JSON object)"));

  object = json_node_get_object (root);
  format = json_object_get_member (object, "format");
  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (format), YS_BUNDLE_FORMAT) != 0)
    return refuse (reader, error, NULL,
                   _("not a Yardstick bundle (\"format\" is not \"%s\")"), YS_BUNDLE_FORMAT);

  version = json_object_get_member (object, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64 || json_node_get_int (version) < 1)
    return refuse (reader, error, NULL, _("version: must be the whole number %d"),
                   YS_BUNDLE_VERSION);

  if (json_node_get_int (version) > YS_BUNDLE_VERSION)
    return refuse (reader, error, NULL,
                   _("version: written by a newer Yardstick (bundle version %lld); update "
                     "Yardstick to import it"),
                   (long long) json_node_get_int (version));

  return TRUE;
}

/* Merging ------------------------------------------------------------------ */

static void
count (YsMergeCounts *counts,
       YsPutResult    outcome)
{
  switch (outcome)
    {
    case YS_PUT_NEW: counts->added++; break;
    case YS_PUT_UPDATED: counts->updated++; break;
    case YS_PUT_UNCHANGED:
    default: counts->unchanged++; break;
    }
}

static gboolean
merge (YsStore   *store,
       gpointer   user_data,
       GError   **error)
{
  Reader *reader = user_data;
  YsImportResult *result = reader->result;
  guint active = ys_store_count_active_workflows (store);
  g_autoptr(GPtrArray) rebuild = NULL;
  YsPutResult outcome;

  for (guint i = 0; i < reader->workflows->len; i++)
    {
      WorkflowRecord *w = &g_array_index (reader->workflows, WorkflowRecord, i);
      gboolean archived = w->archived;
      g_autofree char *name = g_strstrip (g_strdup (w->name));

      outcome = ys_store_put_outcome (store, YS_RECORD_WORKFLOW, w->id, w->updated_at);
      /* Focus: more than three active workflows arrive archived. */
      if (outcome != YS_PUT_UNCHANGED && !w->archived && !w->deleted &&
          !ys_store_workflow_is_active (store, w->id))
        {
          if (active >= YS_LIMITS_MAX_ACTIVE_WORKFLOWS)
            {
              archived = TRUE;
              result->archived_on_import++;
            }
          else
            active++;
        }
      if (outcome != YS_PUT_UNCHANGED && (w->archived || w->deleted) &&
          ys_store_workflow_is_active (store, w->id))
        active--;

      if (!ys_store_put_workflow (store, w->id, name, w->description, (int) w->people, archived,
                                  w->updated_at, w->deleted, &outcome, error))
        return FALSE;
      count (&result->workflows, outcome);
      ys_step ("record");
    }

  for (guint i = 0; i < reader->tools->len; i++)
    {
      ToolRecord *t = &g_array_index (reader->tools, ToolRecord, i);
      g_autofree char *name = g_strstrip (g_strdup (t->name));

      if (!ys_store_put_tool (store, t->id, name, t->updated_at, t->deleted, &outcome, error))
        return FALSE;
      count (&result->tools, outcome);
      ys_step ("record");
    }

  if (!ys_schema_bulk_begin (ys_store_get_database (store), reader->runs->len, &rebuild, error))
    return FALSE;
  for (guint i = 0; i < reader->runs->len; i++)
    {
      RunRecord *r = &g_array_index (reader->runs, RunRecord, i);

      if (!ys_store_put_run (store, r->id, &r->fields, r->updated_at, r->deleted, &outcome, error))
        return FALSE;
      count (&result->runs, outcome);
      ys_step ("record");
    }
  if (!ys_schema_bulk_end (ys_store_get_database (store), rebuild, error))
    return FALSE;

  for (guint i = 0; i < reader->feedback->len; i++)
    {
      FeedbackRecord *f = &g_array_index (reader->feedback, FeedbackRecord, i);

      if (!ys_store_put_feedback (store, f->id, f->workflow, f->tool, f->saves_time, f->given_on,
                                  f->comment, f->updated_at, f->deleted, &outcome, error))
        return FALSE;
      count (&result->feedback, outcome);
      ys_step ("record");
    }

  for (guint i = 0; i < reader->reviews->len; i++)
    {
      ReviewRecord *r = &g_array_index (reader->reviews, ReviewRecord, i);

      if (!ys_store_put_review (store, r->id, &r->review, r->updated_at, r->deleted, &outcome,
                                error))
        return FALSE;
      count (&result->reviews, outcome);
      ys_step ("record");
    }

  ys_step ("merged");
  return TRUE;
}

typedef struct
{
  Reader *reader;
  const char *data;
  gsize length;
} ImportJob;

/* Validation reads the database (references), so it runs inside the same
 * transaction as the merge: nothing can change in between. */
static gboolean
validate_and_merge (YsStore   *store,
                    gpointer   user_data,
                    GError   **error)
{
  ImportJob *job = user_data;
  Reader *reader = job->reader;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root;

  if (!parse (reader, parser, job->data, job->length, error) ||
      !read_header (reader, json_parser_get_root (parser), error))
    return FALSE;

  root = json_node_get_object (json_parser_get_root (parser));
  if (!read_array (reader, root, "workflows", read_workflow_entry, error) ||
      !read_array (reader, root, "tools", read_tool_entry, error) ||
      !read_array (reader, root, "runs", read_run, error) ||
      !read_array (reader, root, "feedback", read_feedback, error) ||
      !read_array (reader, root, "reviews", read_review, error))
    return FALSE;

  return merge (store, reader, error);
}

gboolean
ys_bundle_import_data (YsStore         *store,
                       const char      *display_name,
                       const char      *data,
                       gsize            length,
                       YsImportResult  *result,
                       GError         **error)
{
  YsImportResult scratch = { 0 };
  Reader reader = { 0 };
  ImportJob job = { &reader, data, length };
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (store), FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (length == 0)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID, _("%s: the file is empty"), display_name);
      return FALSE;
    }

  reader.store = store;
  reader.file = display_name;
  reader.result = result ? result : &scratch;
  memset (reader.result, 0, sizeof *reader.result);
  reader.workflows = g_array_new (FALSE, FALSE, sizeof (WorkflowRecord));
  reader.tools = g_array_new (FALSE, FALSE, sizeof (ToolRecord));
  reader.runs = g_array_new (FALSE, FALSE, sizeof (RunRecord));
  reader.feedback = g_array_new (FALSE, FALSE, sizeof (FeedbackRecord));
  reader.reviews = g_array_new (FALSE, FALSE, sizeof (ReviewRecord));
  reader.workflow_ids = g_hash_table_new (g_str_hash, g_str_equal);
  reader.tool_ids = g_hash_table_new (g_str_hash, g_str_equal);

  ys_database_set_bulk (ys_store_get_database (store), TRUE);
  ok = ys_store_run_in_transaction (store, validate_and_merge, &job, error);
  ys_database_set_bulk (ys_store_get_database (store), FALSE);
  if (!ok && result != NULL)
    memset (result, 0, sizeof *result);

  g_free (reader.place);
  g_array_unref (reader.workflows);
  g_array_unref (reader.tools);
  g_array_unref (reader.runs);
  g_array_unref (reader.feedback);
  g_array_unref (reader.reviews);
  g_hash_table_unref (reader.workflow_ids);
  g_hash_table_unref (reader.tool_ids);
  return ok;
}

gboolean
ys_bundle_import_file (YsStore         *store,
                       const char      *path,
                       const char      *display_name,
                       YsImportResult  *result,
                       GError         **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) io_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (YS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (display_name == NULL)
    display_name = path;

  /* Size first, so a huge file is refused without being read. */
  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &io_error);
  if (info == NULL)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID, _("%s: could not be read: %s"),
                   display_name, io_error->message);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID, _("%s: is a folder, not a bundle"),
                   display_name);
      return FALSE;
    }
  if (g_file_info_get_size (info) > YS_BUNDLE_MAX_SIZE)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID, _("%s: the file is larger than 256 MiB"),
                   display_name);
      return FALSE;
    }

  if (!g_file_get_contents (path, &contents, &length, &io_error))
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID, _("%s: could not be read: %s"),
                   display_name, io_error->message);
      return FALSE;
    }

  return ys_bundle_import_data (store, display_name, contents, length, result, error);
}

char *
ys_import_result_describe (const YsImportResult *result,
                           const char           *display_name)
{
  GString *text = g_string_new (NULL);
  guint runs = result->runs.added + result->runs.updated + result->runs.unchanged;
  guint workflows = result->workflows.added + result->workflows.updated +
                    result->workflows.unchanged;

  if (runs > 0)
    g_string_append_printf (text,
                            ngettext ("Imported %u run from %s: %u new, %u updated",
                                      "Imported %u runs from %s: %u new, %u updated", runs),
                            runs, display_name, result->runs.added, result->runs.updated);
  else
    g_string_append_printf (text,
                            ngettext ("Imported %u workflow from %s: %u new, %u updated",
                                      "Imported %u workflows from %s: %u new, %u updated",
                                      workflows),
                            workflows, display_name, result->workflows.added,
                            result->workflows.updated);

  if (result->archived_on_import > 0)
    {
      g_string_append (text, ". ");
      g_string_append_printf (text,
                              ngettext ("%u workflow arrived archived because three are active",
                                        "%u workflows arrived archived because three are active",
                                        result->archived_on_import),
                              result->archived_on_import);
    }

  return g_string_free (text, FALSE);
}

/* Writing ------------------------------------------------------------------ */

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

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text ? text : ""; *p; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if ((guchar) *p < 0x20)
            g_string_append_printf (out, "\\u%04x", (guchar) *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_timestamp (GString *out,
                  gint64   usec)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  /* Not g_date_time_format's %Y: RFC 3339 wants four digits for year 26 too. */
  g_autofree char *text = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d",
                                           g_date_time_get_year (when),
                                           g_date_time_get_month (when),
                                           g_date_time_get_day_of_month (when),
                                           g_date_time_get_hour (when),
                                           g_date_time_get_minute (when),
                                           g_date_time_get_second (when));

  if (usec % G_USEC_PER_SEC != 0)
    g_string_append_printf (out, "\"%s.%06dZ\"", text, (int) (usec % G_USEC_PER_SEC));
  else
    g_string_append_printf (out, "\"%sZ\"", text);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text ? text : "";
}

static const char *
json_bool (sqlite3_stmt *stmt,
           int           column)
{
  return sqlite3_column_int (stmt, column) ? "true" : "false";
}

typedef void (*AppendRecord) (GString      *out,
                              sqlite3_stmt *stmt);

static void
append_workflow (GString      *out,
                 sqlite3_stmt *stmt)
{
  append_string (out, column_text (stmt, 0));
  g_string_append (out, ", \"name\": ");
  append_string (out, column_text (stmt, 1));
  g_string_append (out, ", \"description\": ");
  append_string (out, column_text (stmt, 2));
  g_string_append_printf (out, ", \"people\": %d, \"archived\": %s, \"updated_at\": ",
                          sqlite3_column_int (stmt, 3), json_bool (stmt, 4));
  append_timestamp (out, sqlite3_column_int64 (stmt, 5));
  g_string_append_printf (out, ", \"deleted\": %s}", json_bool (stmt, 6));
}

static void
append_tool (GString      *out,
             sqlite3_stmt *stmt)
{
  append_string (out, column_text (stmt, 0));
  g_string_append (out, ", \"name\": ");
  append_string (out, column_text (stmt, 1));
  g_string_append (out, ", \"updated_at\": ");
  append_timestamp (out, sqlite3_column_int64 (stmt, 2));
  g_string_append_printf (out, ", \"deleted\": %s}", json_bool (stmt, 3));
}

static void
append_run (GString      *out,
            sqlite3_stmt *stmt)
{
  append_string (out, column_text (stmt, 0));
  g_string_append (out, ", \"workflow\": ");
  append_string (out, column_text (stmt, 1));
  g_string_append_printf (out, ", \"mode\": \"%s\", \"tool\": ",
                          ys_mode_to_string (sqlite3_column_int (stmt, 2)));
  if (sqlite3_column_type (stmt, 3) == SQLITE_NULL)
    g_string_append (out, "null");
  else
    append_string (out, column_text (stmt, 3));
  g_string_append (out, ", \"started_at\": ");
  append_timestamp (out, sqlite3_column_int64 (stmt, 4) * G_USEC_PER_SEC);
  g_string_append_printf (out, ", \"duration_seconds\": %" G_GINT64_FORMAT
                          ", \"corrections\": %" G_GINT64_FORMAT ", \"used\": %s, \"note\": ",
                          (gint64) sqlite3_column_int64 (stmt, 5),
                          (gint64) sqlite3_column_int64 (stmt, 6),
                          sqlite3_column_type (stmt, 7) == SQLITE_NULL ? "null"
                                                                      : json_bool (stmt, 7));
  append_string (out, column_text (stmt, 8));
  g_string_append (out, ", \"updated_at\": ");
  append_timestamp (out, sqlite3_column_int64 (stmt, 9));
  g_string_append_printf (out, ", \"deleted\": %s}", json_bool (stmt, 10));
}

static void
append_feedback (GString      *out,
                 sqlite3_stmt *stmt)
{
  append_string (out, column_text (stmt, 0));
  g_string_append (out, ", \"workflow\": ");
  append_string (out, column_text (stmt, 1));
  g_string_append (out, ", \"tool\": ");
  append_string (out, column_text (stmt, 2));
  g_string_append_printf (out, ", \"saves_time\": %s, \"given_on\": ", json_bool (stmt, 3));
  append_string (out, column_text (stmt, 4));
  g_string_append (out, ", \"comment\": ");
  append_string (out, column_text (stmt, 5));
  g_string_append (out, ", \"updated_at\": ");
  append_timestamp (out, sqlite3_column_int64 (stmt, 6));
  g_string_append_printf (out, ", \"deleted\": %s}", json_bool (stmt, 7));
}

static void
append_review (GString      *out,
               sqlite3_stmt *stmt)
{
  append_string (out, column_text (stmt, 0));
  g_string_append (out, ", \"quarter\": ");
  append_string (out, column_text (stmt, 1));
  g_string_append (out, ", \"coverage_percent\": ");
  if (sqlite3_column_type (stmt, 2) == SQLITE_NULL)
    g_string_append (out, "null");
  else
    g_string_append_printf (out, "%d", sqlite3_column_int (stmt, 2));
  g_string_append (out, ",\n     \"working\": ");
  append_string (out, column_text (stmt, 3));
  g_string_append (out, ",\n     \"not_working\": ");
  append_string (out, column_text (stmt, 4));
  g_string_append (out, ",\n     \"more_rework\": ");
  append_string (out, column_text (stmt, 5));
  g_string_append (out, ",\n     \"updated_at\": ");
  append_timestamp (out, sqlite3_column_int64 (stmt, 6));
  g_string_append_printf (out, ", \"deleted\": %s}", json_bool (stmt, 7));
}

/* One array of records, streamed: @sql's ?1 says whether tombstones go too. */
static gboolean
write_array (YsStore        *store,
             Writer         *writer,
             const char     *name,
             const char     *sql,
             YsBundleScope   scope,
             AppendRecord    append_record,
             gboolean        last,
             GError        **error)
{
  YsDatabase *db = ys_store_get_database (store);
  sqlite3_stmt *stmt = ys_database_prepare (db, sql, error);
  GString *out = writer->buffer;
  gboolean first = TRUE;
  gboolean ok = TRUE;
  int rc = SQLITE_DONE;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    ys_database_bind_int64 (stmt, ":everything", scope == YS_BUNDLE_EVERYTHING);
  g_string_append_printf (out, "  \"%s\": [", name);
  while (ok && (rc = ys_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      g_string_append (out, first ? "\n    {\"id\": " : ",\n    {\"id\": ");
      first = FALSE;
      append_record (out, stmt);
      ok = flush (writer, FALSE, error);
    }
  if (ok && rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);
  g_string_append (out, first ? "]" : "\n  ]");
  g_string_append (out, last ? "\n" : ",\n");
  return ok;
}

typedef struct
{
  Writer *writer;
  YsBundleScope scope;
} ExportJob;

/* A read transaction: the bundle is one consistent snapshot. */
static gboolean
write_all (YsStore   *store,
           gpointer   user_data,
           GError   **error)
{
  ExportJob *job = user_data;
  Writer *writer = job->writer;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_string_append_printf (writer->buffer,
                          "{\n  \"format\": \"%s\",\n  \"version\": %d,\n  \"exported_at\": ",
                          YS_BUNDLE_FORMAT, YS_BUNDLE_VERSION);
  append_timestamp (writer->buffer, g_date_time_to_unix (now) * G_USEC_PER_SEC);
  g_string_append (writer->buffer, ",\n");

  if (!write_array (store, writer, "workflows",
                    "SELECT id, name, description, people, archived, updated_at, deleted"
                    " FROM workflows WHERE deleted = 0 OR :everything ORDER BY position, rowid",
                    job->scope, append_workflow, FALSE, error) ||
      !write_array (store, writer, "tools",
                    "SELECT id, name, updated_at, deleted FROM tools WHERE deleted = 0 OR :everything"
                    " ORDER BY name COLLATE NOCASE, id",
                    job->scope, append_tool, FALSE, error))
    return FALSE;

  if (job->scope == YS_BUNDLE_EVERYTHING)
    {
      if (!write_array (store, writer, "runs",
                        "SELECT id, workflow_id, mode, tool_id, started_at, duration_seconds,"
                        " corrections, used, note, updated_at, deleted FROM runs"
                        " ORDER BY started_at, id",
                        job->scope, append_run, FALSE, error) ||
          !write_array (store, writer, "feedback",
                        "SELECT id, workflow_id, tool_id, saves_time, given_on, comment,"
                        " updated_at, deleted FROM feedback ORDER BY given_on, id",
                        job->scope, append_feedback, FALSE, error) ||
          !write_array (store, writer, "reviews",
                        "SELECT id, quarter, coverage_percent, working, not_working, more_rework,"
                        " updated_at, deleted FROM reviews ORDER BY quarter, id",
                        job->scope, append_review, TRUE, error))
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
  Writer writer = { stream, cancellable, g_string_sized_new (128 * 1024) };
  ExportJob job = { &writer, scope };
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  /* A read transaction: one consistent snapshot that never blocks a writer. */
  ok = ys_database_begin (ys_store_get_database (store), YS_TRANSACTION_READ, error);
  if (ok)
    {
      ok = write_all (store, &job, error);
      ys_database_end (ys_store_get_database (store), ok, NULL);
    }
  g_string_free (writer.buffer, TRUE);
  return ok;
}

static gboolean
write_bundle (GOutputStream  *stream,
              gpointer        user_data,
              GError        **error)
{
  gpointer *args = user_data;
  return ys_bundle_export (args[0], GPOINTER_TO_INT (args[1]), stream, NULL, error);
}

gboolean
ys_bundle_export_file (YsStore        *store,
                       YsBundleScope   scope,
                       const char     *path,
                       GError        **error)
{
  gpointer args[] = { store, GINT_TO_POINTER (scope) };

  g_return_val_if_fail (YS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return ys_file_write_atomically (path, write_bundle, args, error);
}
