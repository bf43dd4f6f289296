/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ys-bundle-parser.h"
#include "ys-bundle-reader.h"
#include "ys-error.h"
#include "ys-step.h"
#include "ys-timestamp.h"
#include "ys-validate.h"

/*
 * Reading is strict: every field of every record is checked before the
 * merge sees any of it, so a refused file changes nothing. References
 * between records (a run's workflow) are the merge's to check, since they
 * may point into the database.
 */

struct _YsBundleReader
{
  YsBundle *bundle;
  /* The record being read, for messages. */
  YsRecordKind kind;
  guint index;
  gboolean in_record;
};

/* Fields --------------------------------------------------------------------- */

/* The code says what kind of refusal it is, so that the window can put it
 * in plain words (ys_wording_import_refusal); the message keeps the precise
 * form FORMAT.md requires. */
static gboolean G_GNUC_PRINTF (5, 0)
refuse_valist (YsBundleReader  *self,
               GError         **error,
               YsError          code,
               const char      *field,
               const char      *format,
               va_list          args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);
  const char *file = self->bundle->file;

  if (!self->in_record)
    g_set_error (error, YS_ERROR, code, "%s: %s", file, message);
  else if (field != NULL)
    g_set_error (error, YS_ERROR, code, "%s: %s[%u].%s: %s",
                 file, ys_bundle_array_name (self->kind), self->index, field, message);
  else
    g_set_error (error, YS_ERROR, code, "%s: %s[%u]: %s",
                 file, ys_bundle_array_name (self->kind), self->index, message);
  return FALSE;
}

/* A value that breaks a field rule. */
static gboolean G_GNUC_PRINTF (4, 5)
refuse (YsBundleReader  *self,
        GError         **error,
        const char      *field,
        const char      *format,
        ...)
{
  va_list args;

  va_start (args, format);
  refuse_valist (self, error, YS_ERROR_INVALID, field, format, args);
  va_end (args);
  return FALSE;
}

static gboolean G_GNUC_PRINTF (5, 6)
refuse_as (YsBundleReader  *self,
           GError         **error,
           YsError          code,
           const char      *field,
           const char      *format,
           ...)
{
  va_list args;

  va_start (args, format);
  refuse_valist (self, error, code, field, format, args);
  va_end (args);
  return FALSE;
}

static JsonNode *
member (YsBundleReader  *self,
        JsonObject      *object,
        const char      *field,
        GError         **error)
{
  JsonNode *node = json_object_get_member (object, field);

  if (node == NULL)
    refuse (self, error, field, _("missing"));
  return node;
}

/* @out points into @object: copy it before the tree goes. */
static gboolean
read_string (YsBundleReader  *self,
             JsonObject      *object,
             const char      *field,
             gboolean         nullable,
             const char     **out,
             GError         **error)
{
  JsonNode *node = member (self, object, field, error);

  if (node == NULL)
    return FALSE;

  if (nullable && JSON_NODE_HOLDS_NULL (node))
    {
      *out = NULL;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return refuse (self, error, field, nullable ? _("must be a string or null")
                                                : _("must be a string"));

  *out = json_node_get_string (node);
  if (!g_utf8_validate (*out, -1, NULL))
    return refuse (self, error, field, _("must be valid UTF-8 text"));
  return TRUE;
}

static gboolean
read_integer (YsBundleReader  *self,
              JsonObject      *object,
              const char      *field,
              gint64           min,
              gint64           max,
              gint64          *out,
              GError         **error)
{
  JsonNode *node = member (self, object, field, error);

  if (node == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 &&
       json_node_get_value_type (node) != G_TYPE_DOUBLE))
    return refuse (self, error, field, _("must be a number"));

  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return refuse (self, error, field, _("must be a whole number"));

  *out = json_node_get_int (node);
  if (*out < min || *out > max)
    return refuse (self, error, field, _("must be between %lld and %lld"),
                   (long long) min, (long long) max);
  return TRUE;
}

/* @out: 1, 0, or -1 for null when @nullable */
static gboolean
read_boolean (YsBundleReader  *self,
              JsonObject      *object,
              const char      *field,
              gboolean         nullable,
              int             *out,
              GError         **error)
{
  JsonNode *node = member (self, object, field, error);

  if (node == NULL)
    return FALSE;

  if (nullable && JSON_NODE_HOLDS_NULL (node))
    {
      *out = -1;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return refuse (self, error, field, nullable ? _("must be true, false or null")
                                                : _("must be true or false"));

  *out = json_node_get_boolean (node) ? 1 : 0;
  return TRUE;
}

static gboolean
read_flag (YsBundleReader  *self,
           JsonObject      *object,
           const char      *field,
           gboolean        *out,
           GError         **error)
{
  int value = 0;

  if (!read_boolean (self, object, field, FALSE, &value, error))
    return FALSE;
  *out = value == 1;
  return TRUE;
}

/* Record ids are unique; references repeat, so they share one copy. */
static const char *
keep (YsBundleReader *self,
      const char     *text,
      gboolean        shared)
{
  if (text == NULL)
    return NULL;
  return shared ? g_string_chunk_insert_const (self->bundle->strings, text)
                : g_string_chunk_insert (self->bundle->strings, text);
}

static gboolean
read_uuid (YsBundleReader  *self,
           JsonObject      *object,
           const char      *field,
           gboolean         nullable,
           const char     **out,
           GError         **error)
{
  const char *text = NULL;

  if (!read_string (self, object, field, nullable, &text, error))
    return FALSE;

  if (text != NULL && !ys_is_uuid (text))
    return refuse (self, error, field,
                   _("must be a UUID in lowercase canonical form, not “%s”"), text);
  *out = keep (self, text, !g_str_equal (field, "id"));
  return TRUE;
}

static gboolean
read_timestamp (YsBundleReader  *self,
                JsonObject      *object,
                const char      *field,
                gint64          *usec,
                int             *offset,
                GError         **error)
{
  const char *text = NULL;

  if (!read_string (self, object, field, FALSE, &text, error))
    return FALSE;

  if (!ys_timestamp_parse (text, usec, offset))
    return refuse (self, error, field,
                   _("must be an RFC 3339 timestamp such as 2026-11-22T10:00:00Z, not “%s”"),
                   text);
  return TRUE;
}

/* Kept trimmed, as the store keeps names. */
static gboolean
read_name (YsBundleReader  *self,
           JsonObject      *object,
           const char      *field,
           const char     **out,
           GError         **error)
{
  g_autofree char *trimmed = NULL;
  const char *text = NULL;
  glong length;

  if (!read_string (self, object, field, FALSE, &text, error))
    return FALSE;

  trimmed = g_strstrip (g_strdup (text));
  length = g_utf8_strlen (trimmed, -1);
  if (length < 1 || length > YS_LIMITS_MAX_NAME)
    return refuse (self, error, field, _("must be 1 to %d characters after trimming"),
                   YS_LIMITS_MAX_NAME);
  *out = keep (self, trimmed, TRUE);
  return TRUE;
}

static gboolean
read_text (YsBundleReader  *self,
           JsonObject      *object,
           const char      *field,
           const char     **out,
           GError         **error)
{
  const char *text = NULL;

  if (!read_string (self, object, field, FALSE, &text, error))
    return FALSE;

  if (g_utf8_strlen (text, -1) > YS_LIMITS_MAX_TEXT)
    return refuse (self, error, field, _("must be at most %d characters"), YS_LIMITS_MAX_TEXT);
  *out = keep (self, text, *text == '\0');
  return TRUE;
}

/* Ids are unique within their array: checked last, as the record is kept. */
static gboolean
add (YsBundleReader  *self,
     gconstpointer    record,
     GError         **error)
{
  gboolean duplicate = FALSE;

  if (!ys_bundle_add (self->bundle, self->kind, record, &duplicate, error))
    return FALSE;
  if (duplicate)
    return refuse (self, error, "id", _("%s appears twice"), *(const char * const *) record);
  return TRUE;
}

/* Records ------------------------------------------------------------------ */

static gboolean
read_workflow (YsBundleReader  *self,
               JsonObject      *object,
               GError         **error)
{
  YsWorkflowRecord record = { 0 };
  gint64 people = 0;

  if (!read_uuid (self, object, "id", FALSE, &record.id, error) ||
      !read_name (self, object, "name", &record.name, error) ||
      !read_text (self, object, "description", &record.description, error) ||
      !read_integer (self, object, "people", YS_LIMITS_MIN_PEOPLE, YS_LIMITS_MAX_PEOPLE,
                     &people, error) ||
      !read_flag (self, object, "archived", &record.archived, error) ||
      !read_timestamp (self, object, "updated_at", &record.updated_at, NULL, error) ||
      !read_flag (self, object, "deleted", &record.deleted, error))
    return FALSE;

  record.people = (int) people;
  return add (self, &record, error);
}

/* Optional, null when not known: a number from 0 to 10000000 with at most
 * two decimals, kept as hundredths so that it is stored exactly. */
static gboolean
read_monthly_cost (YsBundleReader  *self,
                   JsonObject      *object,
                   gint64          *cents,
                   GError         **error)
{
  JsonNode *node = json_object_get_member (object, "monthly_cost");
  double value, hundredths;

  *cents = -1;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 &&
       json_node_get_value_type (node) != G_TYPE_DOUBLE))
    return refuse (self, error, "monthly_cost", _("must be a number or null"));

  value = json_node_get_value_type (node) == G_TYPE_INT64 ? (double) json_node_get_int (node)
                                                          : json_node_get_double (node);
  if (!(value >= 0 && value <= YS_LIMITS_MAX_MONTHLY_COST_CENTS / 100))
    return refuse (self, error, "monthly_cost", _("must be between %lld and %lld"), 0LL,
                   (long long) (YS_LIMITS_MAX_MONTHLY_COST_CENTS / 100));

  /* 12.34 is 1233.9999… hundredths in binary: near a whole number is one. */
  hundredths = value * 100;
  *cents = (gint64) llround (hundredths);
  if (fabs (hundredths - (double) *cents) > 1e-6 * MAX (1.0, hundredths))
    return refuse (self, error, "monthly_cost", _("must have at most two decimals"));
  return TRUE;
}

static gboolean
read_tool (YsBundleReader  *self,
           JsonObject      *object,
           GError         **error)
{
  YsToolRecord record = { 0 };

  if (!read_uuid (self, object, "id", FALSE, &record.id, error) ||
      !read_name (self, object, "name", &record.name, error) ||
      !read_monthly_cost (self, object, &record.monthly_cost, error) ||
      !read_timestamp (self, object, "updated_at", &record.updated_at, NULL, error) ||
      !read_flag (self, object, "deleted", &record.deleted, error))
    return FALSE;

  return add (self, &record, error);
}

/* A string from @allowed, or the default when the member is absent. */
static gboolean
read_optional_word (YsBundleReader  *self,
                    JsonObject      *object,
                    const char      *field,
                    const char      *allowed,
                    const char      *message,
                    const char     **out,
                    GError         **error)
{
  g_auto(GStrv) words = g_strsplit (allowed, " ", -1);
  JsonNode *node = json_object_get_member (object, field);
  const char *text = NULL;

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return refuse (self, error, field, "%s", message);

  text = json_node_get_string (node);
  if (!g_strv_contains ((const char * const *) words, text))
    return refuse (self, error, field, _("%s, not “%s”"), message, text);
  *out = text;
  return TRUE;
}

static gboolean
read_run (YsBundleReader  *self,
          JsonObject      *object,
          GError         **error)
{
  YsRunRecord record = { 0 };
  const char *mode = NULL;
  const char *assignment = NULL;
  const char *source = NULL;
  gint64 started_usec = 0;
  int used = -1;

  if (!read_uuid (self, object, "id", FALSE, &record.id, error) ||
      !read_uuid (self, object, "workflow", FALSE, &record.workflow, error) ||
      !read_string (self, object, "mode", FALSE, &mode, error))
    return FALSE;

  if (!ys_mode_from_string (mode, &record.mode))
    return refuse (self, error, "mode", _("must be \"without-ai\" or \"with-ai\", not “%s”"),
                   mode);

  if (!read_uuid (self, object, "tool", TRUE, &record.tool, error))
    return FALSE;
  if (record.mode == YS_MODE_WITH_AI && record.tool == NULL)
    return refuse (self, error, "tool", _("a with-ai run must name a tool"));
  if (record.mode == YS_MODE_WITHOUT_AI && record.tool != NULL)
    return refuse (self, error, "tool", _("must be null for a without-ai run"));

  if (!read_timestamp (self, object, "started_at", &started_usec, &record.started_offset,
                       error) ||
      !read_integer (self, object, "duration_seconds", YS_LIMITS_MIN_DURATION,
                     YS_LIMITS_MAX_DURATION, &record.duration_seconds, error) ||
      !read_integer (self, object, "corrections", 0, YS_LIMITS_MAX_CORRECTIONS,
                     &record.corrections, error) ||
      !read_boolean (self, object, "used", TRUE, &used, error) ||
      !read_text (self, object, "note", &record.note, error) ||
      !read_optional_word (self, object, "assignment", "chosen drawn overridden",
                           _("must be \"chosen\", \"drawn\" or \"overridden\""),
                           &assignment, error) ||
      !read_optional_word (self, object, "source", "tracker",
                           _("must be \"tracker\" when it is there"), &source, error) ||
      !read_timestamp (self, object, "updated_at", &record.updated_at, NULL, error) ||
      !read_flag (self, object, "deleted", &record.deleted, error))
    return FALSE;

  if (assignment != NULL)
    ys_assignment_from_string (assignment, &record.assignment);
  record.source = keep (self, source, TRUE);
  /* Runs are stored to the second, as they are clocked. */
  record.started_at = started_usec / G_USEC_PER_SEC -
                      (started_usec % G_USEC_PER_SEC < 0 ? 1 : 0);
  record.used = used < 0 ? YS_USED_UNKNOWN : used ? YS_USED_YES : YS_USED_NO;
  return add (self, &record, error);
}

static gboolean
read_feedback (YsBundleReader  *self,
               JsonObject      *object,
               GError         **error)
{
  YsFeedbackRecord record = { 0 };
  const char *given_on = NULL;

  if (!read_uuid (self, object, "id", FALSE, &record.id, error) ||
      !read_uuid (self, object, "workflow", FALSE, &record.workflow, error) ||
      !read_uuid (self, object, "tool", FALSE, &record.tool, error) ||
      !read_flag (self, object, "saves_time", &record.saves_time, error) ||
      !read_string (self, object, "given_on", FALSE, &given_on, error))
    return FALSE;

  if (!ys_parse_iso_date (given_on, NULL))
    return refuse (self, error, "given_on", _("must be a date such as 2026-11-22, not “%s”"),
                   given_on);
  record.given_on = keep (self, given_on, TRUE);

  if (!read_text (self, object, "comment", &record.comment, error) ||
      !read_timestamp (self, object, "updated_at", &record.updated_at, NULL, error) ||
      !read_flag (self, object, "deleted", &record.deleted, error))
    return FALSE;

  return add (self, &record, error);
}

static gboolean
read_review (YsBundleReader  *self,
             JsonObject      *object,
             GError         **error)
{
  YsReviewRecord record = { 0 };
  const char *quarter = NULL;
  JsonNode *coverage;
  gint64 percent = -1;

  if (!read_uuid (self, object, "id", FALSE, &record.id, error) ||
      !read_string (self, object, "quarter", FALSE, &quarter, error))
    return FALSE;

  if (!ys_is_quarter (quarter))
    return refuse (self, error, "quarter", _("must be a quarter such as 2026-Q3, not “%s”"),
                   quarter);
  record.quarter = keep (self, quarter, TRUE);

  coverage = member (self, object, "coverage_percent", error);
  if (coverage == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_NULL (coverage) &&
      !read_integer (self, object, "coverage_percent", 0, 100, &percent, error))
    return FALSE;
  record.coverage_percent = (int) percent;

  if (!read_text (self, object, "working", &record.working, error) ||
      !read_text (self, object, "not_working", &record.not_working, error) ||
      !read_text (self, object, "more_rework", &record.more_rework, error) ||
      !read_timestamp (self, object, "updated_at", &record.updated_at, NULL, error) ||
      !read_flag (self, object, "deleted", &record.deleted, error))
    return FALSE;

  return add (self, &record, error);
}

/* The reader ---------------------------------------------------------------- */

YsBundleReader *
ys_bundle_reader_new (const char *display_name)
{
  YsBundleReader *self = g_new0 (YsBundleReader, 1);

  self->bundle = ys_bundle_new (display_name);
  return self;
}

void
ys_bundle_reader_free (YsBundleReader *self)
{
  if (self == NULL)
    return;
  ys_bundle_free (self->bundle);
  g_free (self);
}

YsBundle *
ys_bundle_reader_finish (YsBundleReader *self)
{
  return g_steal_pointer (&self->bundle);
}

gboolean
ys_bundle_reader_add (YsBundleReader  *self,
                      YsRecordKind     kind,
                      guint            index,
                      JsonNode        *element,
                      GError         **error)
{
  JsonObject *object;
  gboolean ok = FALSE;

  g_return_val_if_fail (self != NULL && self->bundle != NULL, FALSE);
  g_return_val_if_fail (kind < YS_N_RECORD_KINDS, FALSE);

  self->kind = kind;
  self->index = index;
  self->in_record = TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      refuse (self, error, NULL, _("must be an object"));
      self->in_record = FALSE;
      return FALSE;
    }

  object = json_node_get_object (element);
  switch (kind)
    {
    case YS_RECORD_WORKFLOW: ok = read_workflow (self, object, error); break;
    case YS_RECORD_TOOL: ok = read_tool (self, object, error); break;
    case YS_RECORD_RUN: ok = read_run (self, object, error); break;
    case YS_RECORD_FEEDBACK: ok = read_feedback (self, object, error); break;
    case YS_RECORD_REVIEW: ok = read_review (self, object, error); break;
    case YS_N_RECORD_KINDS:
    default: g_assert_not_reached ();
    }

  self->in_record = FALSE;
  ys_step ("read");
  return ok;
}

gboolean
ys_bundle_reader_check_header (YsBundleReader  *self,
                               JsonObject      *root,
                               GError         **error)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");

  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (format), YS_BUNDLE_FORMAT) != 0)
    return refuse_as (self, error, YS_ERROR_DAMAGED, NULL,
                      _("not a Yardstick bundle (\"format\" is not \"%s\")"), YS_BUNDLE_FORMAT);

  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64 || json_node_get_int (version) < 1)
    return refuse (self, error, NULL, _("version: must be the whole number %d"),
                   YS_BUNDLE_VERSION);

  if (json_node_get_int (version) > YS_BUNDLE_VERSION)
    return refuse_as (self, error, YS_ERROR_NEWER_DATABASE, NULL,
                      _("version: written by a newer Yardstick (bundle version %lld); update "
                        "Yardstick to import it"),
                      (long long) json_node_get_int (version));

  return TRUE;
}

gboolean
ys_bundle_reader_clear_kind (YsBundleReader  *self,
                             YsRecordKind     kind,
                             GError         **error)
{
  return ys_bundle_clear_kind (self->bundle, kind, error);
}

const char *
ys_bundle_reader_get_file (YsBundleReader *self)
{
  return self->bundle->file;
}

/* Whole files ------------------------------------------------------------------ */

YsBundle *
ys_bundle_read_data (const char  *display_name,
                     const char  *data,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(YsBundleParser) parser = NULL;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if ((gint64) length > YS_BUNDLE_MAX_SIZE)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_TOO_LARGE, _("%s: the file is larger than 256 MiB"),
                   display_name);
      return NULL;
    }

  parser = ys_bundle_parser_new (display_name);
  ys_bundle_parser_feed (parser, data, length);
  return ys_bundle_parser_finish (parser, error);
}

/* Read in pieces of this size: the parser keeps no more of the file. */
#define READ_SIZE (256 * 1024)

YsBundle *
ys_bundle_read_fd (int          fd,
                   const char  *display_name,
                   GChecksum   *checksum,
                   gint64      *length,
                   GError     **error)
{
  g_autoptr(YsBundleParser) parser = ys_bundle_parser_new (display_name);
  g_autofree char *buffer = g_malloc (READ_SIZE);
  gint64 total = 0;
  gboolean parsing = TRUE;

  for (;;)
    {
      gssize got = read (fd, buffer, READ_SIZE);

      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          int saved = errno;
          g_set_error (error, YS_ERROR, YS_ERROR_UNREADABLE, _("%s: could not be read: %s"),
                       display_name, g_strerror (saved));
          return NULL;
        }
      if (got == 0)
        break;
      total += got;
      /* It grew past the limit while it was read. */
      if (total > YS_BUNDLE_MAX_FILE_SIZE)
        {
          g_set_error (error, YS_ERROR, YS_ERROR_TOO_LARGE, _("%s: the file is larger than 1 GiB"),
                       display_name);
          return NULL;
        }
      if (checksum != NULL)
        g_checksum_update (checksum, (const guchar *) buffer, got);
      /* Once nothing more can change the verdict, only the checksum reads on. */
      if (parsing)
        parsing = ys_bundle_parser_feed (parser, buffer, got);
      else if (checksum == NULL)
        break;
    }

  if (length != NULL)
    *length = total;
  return ys_bundle_parser_finish (parser, error);
}

YsBundle *
ys_bundle_read_file (const char  *path,
                     const char  *display_name,
                     GError     **error)
{
  YsBundle *bundle;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  if (display_name == NULL)
    display_name = path;

  /* Size first, so a huge file is refused without being read. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, YS_ERROR, YS_ERROR_UNREADABLE, _("%s: could not be read: %s"),
                   display_name, g_strerror (saved));
      if (fd >= 0)
        close (fd);
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      close (fd);
      g_set_error (error, YS_ERROR, YS_ERROR_UNREADABLE, _("%s: is a folder, not a bundle"),
                   display_name);
      return NULL;
    }
  if (st.st_size > YS_BUNDLE_MAX_FILE_SIZE)
    {
      close (fd);
      g_set_error (error, YS_ERROR, YS_ERROR_TOO_LARGE, _("%s: the file is larger than 1 GiB"),
                   display_name);
      return NULL;
    }

  bundle = ys_bundle_read_fd (fd, display_name, NULL, NULL, error);
  close (fd);
  return bundle;
}
