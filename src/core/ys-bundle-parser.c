/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <yajl/yajl_parse.h>

#include "ys-bundle-parser.h"
#include "ys-bundle-reader.h"
#include "ys-error.h"

/*
 * yajl calls back for each token. Depth 0 is the file itself, depth 1 the
 * members of its object, depth 2 the elements of a top-level array (the
 * records). Only what the checks read is built as JSON nodes: "format",
 * "version" and one record at a time; everything else is skipped as it
 * passes. A problem found is kept, not reported at once, because a worse
 * one may follow (the file may be cut short further on): the verdict is
 * given at the end, in the order a reader of the whole file would give it.
 */

typedef enum
{
  MEMBER_OTHER,
  MEMBER_FORMAT,
  MEMBER_VERSION,
  MEMBER_ARRAY,
} Member;

typedef enum
{
  PLACE_ROOT,      /* the file's one value */
  PLACE_MEMBER,    /* a member of the top-level object */
  PLACE_RECORD,    /* an element of a records array that is still read */
  PLACE_SKIPPED,   /* anything else */
} Place;

typedef struct
{
  JsonNode *node;
  char *key;       /* of the member whose value comes next, in an object */
} Frame;

struct _YsBundleParser
{
  YsBundleReader *reader;
  char *file;
  yajl_handle handle;
  GString *scratch;

  guint depth;
  gboolean root_is_object;
  Member member;             /* of the value that comes next at depth 1 */
  YsRecordKind member_kind;  /* when it is an array of records */
  int array_kind;            /* the records array open at depth 2, or -1 */
  guint index;               /* of the next element there */

  /* The value being built: its open containers, innermost last, and the
   * place it started in. */
  GArray *frames;
  Member target;
  JsonNode *format;
  JsonNode *version;

  /* Problems, the first of each kind; the verdict picks among them. */
  GError *storage_error;     /* this computer's, not the file's */
  GError *utf8_error;
  GError *depth_error;
  GError *syntax_error;
  GError *root_error;
  GError *kind_errors[YS_N_RECORD_KINDS];
  gboolean depth_exceeded;
  gboolean stopped;          /* yajl has stopped: only UTF-8 is checked */
  gboolean seen_content;     /* anything but white space */

  /* Where the next byte yajl parses is: its offset, its line, and how
   * many characters of that line came before it. */
  gint64 offset;
  guint line;
  guint column;
  /* Bytes taken as valid UTF-8 so far, yajl's or waiting in @line_buffer. */
  gint64 received;
  /* The start of a character cut by the end of a piece. */
  char pending[4];
  guint n_pending;
  /* The start of a line cut by the end of a piece (see parse_lines()). */
  GString *line_buffer;
};

/* Lines longer than this go to yajl in pieces of it. */
#define MAX_LINE (64 * 1024)

static void G_GNUC_PRINTF (3, 4)
keep_problem (YsBundleParser  *self,
              GError         **slot,
              const char      *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (*slot != NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (slot, YS_ERROR, YS_ERROR_DAMAGED, "%s: %s", self->file, message);
}

/* Line and column of byte @at of @piece, the bytes being parsed now. */
static void
locate (YsBundleParser *self,
        const char     *piece,
        gsize           at,
        guint          *line,
        guint          *column)
{
  const char *last = NULL;
  const char *p = piece;
  const char *end = piece + at;
  guint lines = self->line;

  while ((p = memchr (p, '\n', end - p)) != NULL)
    {
      lines++;
      last = p++;
    }
  *line = lines;
  if (last != NULL)
    *column = g_utf8_strlen (last + 1, end - last - 1);
  else
    *column = self->column + g_utf8_strlen (piece, at);
}

/* Building values ------------------------------------------------------------ */

static Place
place (YsBundleParser *self)
{
  if (self->depth == 0)
    return PLACE_ROOT;
  if (self->depth == 1 && self->root_is_object)
    return PLACE_MEMBER;
  if (self->depth == 2 && self->array_kind >= 0 && self->kind_errors[self->array_kind] == NULL)
    return PLACE_RECORD;
  return PLACE_SKIPPED;
}

/* A second array of a kind replaces the first, as in a JSON object. */
static gboolean
start_kind (YsBundleParser *self,
            YsRecordKind    kind)
{
  g_clear_error (&self->kind_errors[kind]);
  return ys_bundle_reader_clear_kind (self->reader, kind, &self->storage_error);
}

static void
refuse_array (YsBundleParser *self,
              YsRecordKind    kind)
{
  g_set_error (&self->kind_errors[kind], YS_ERROR, YS_ERROR_INVALID,
               _("%s: %s: must be an array"), self->file, ys_bundle_array_name (kind));
}

/* A whole value of @target: @node is taken. */
static gboolean
complete (YsBundleParser *self,
          Member          target,
          JsonNode       *node)
{
  GError *error = NULL;
  YsRecordKind kind;

  switch (target)
    {
    case MEMBER_FORMAT:
      g_clear_pointer (&self->format, json_node_unref);
      self->format = node;
      return TRUE;

    case MEMBER_VERSION:
      g_clear_pointer (&self->version, json_node_unref);
      self->version = node;
      return TRUE;

    case MEMBER_ARRAY:
      kind = self->array_kind;
      if (!ys_bundle_reader_add (self->reader, kind, self->index++, node, &error))
        {
          if (g_error_matches (error, YS_ERROR, YS_ERROR_INVALID))
            self->kind_errors[kind] = error;
          else
            self->storage_error = error;
        }
      json_node_unref (node);
      return self->storage_error == NULL;

    case MEMBER_OTHER:
    default:
      json_node_unref (node);
      return TRUE;
    }
}

/* @node is taken. */
static gboolean
add_value (YsBundleParser *self,
           JsonNode       *node)
{
  Frame *top;

  if (self->frames->len == 0)
    return complete (self, self->target, node);

  top = &g_array_index (self->frames, Frame, self->frames->len - 1);
  if (JSON_NODE_HOLDS_OBJECT (top->node))
    {
      json_object_set_member (json_node_get_object (top->node), top->key, node);
      g_clear_pointer (&top->key, g_free);
    }
  else
    json_array_add_element (json_node_get_array (top->node), node);
  return TRUE;
}

/* Whether the value starting here is built, and for what. */
static gboolean
wanted (YsBundleParser *self)
{
  if (self->frames->len > 0)
    return TRUE;

  switch (place (self))
    {
    case PLACE_MEMBER:
      if (self->member == MEMBER_FORMAT || self->member == MEMBER_VERSION)
        {
          self->target = self->member;
          return TRUE;
        }
      return FALSE;
    case PLACE_RECORD:
      self->target = MEMBER_ARRAY;
      return TRUE;
    case PLACE_ROOT:
    case PLACE_SKIPPED:
    default:
      return FALSE;
    }
}

/* A value that is not a container. */
static int
scalar (YsBundleParser *self,
        JsonNode       *node)
{
  Place here = place (self);

  if (self->frames->len == 0 && here == PLACE_ROOT)
    keep_problem (self, &self->root_error, "%s",
                  _("not a Yardstick bundle (it is not a JSON object)"));
  else if (self->frames->len == 0 && here == PLACE_MEMBER && self->member == MEMBER_ARRAY)
    {
      if (!start_kind (self, self->member_kind))
        return 0;
      refuse_array (self, self->member_kind);
    }

  if (node != NULL)
    return add_value (self, node);
  return 1;
}

/* Callbacks ------------------------------------------------------------------ */

static int
on_null (void *ctx)
{
  YsBundleParser *self = ctx;

  return scalar (self, wanted (self) ? json_node_new (JSON_NODE_NULL) : NULL);
}

static int
on_boolean (void *ctx,
            int   value)
{
  YsBundleParser *self = ctx;
  JsonNode *node = NULL;

  if (wanted (self))
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, value != 0);
    }
  return scalar (self, node);
}

/* As json-glib reads numbers: with a point or an exponent a double,
 * otherwise a 64-bit integer (one too large to be one is held at the
 * largest, which every range check refuses). */
static int
on_number (void       *ctx,
           const char *text,
           size_t      length)
{
  YsBundleParser *self = ctx;
  JsonNode *node = NULL;

  if (wanted (self))
    {
      g_string_truncate (self->scratch, 0);
      g_string_append_len (self->scratch, text, length);
      node = json_node_new (JSON_NODE_VALUE);
      if (strpbrk (self->scratch->str, ".eE") != NULL)
        json_node_set_double (node, g_ascii_strtod (self->scratch->str, NULL));
      else
        json_node_set_int (node, g_ascii_strtoll (self->scratch->str, NULL, 10));
    }
  return scalar (self, node);
}

static int
on_string (void                *ctx,
           const unsigned char *text,
           size_t               length)
{
  YsBundleParser *self = ctx;
  JsonNode *node = NULL;

  if (wanted (self))
    {
      g_string_truncate (self->scratch, 0);
      g_string_append_len (self->scratch, (const char *) text, length);
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, self->scratch->str);
    }
  return scalar (self, node);
}

static int
start_container (YsBundleParser *self,
                 gboolean        object)
{
  Place here = place (self);
  gboolean build = wanted (self);

  if (++self->depth > YS_BUNDLE_MAX_DEPTH)
    {
      self->depth_exceeded = TRUE;
      return 0;
    }

  if (build)
    {
      Frame frame = { NULL, NULL };

      frame.node = json_node_new (object ? JSON_NODE_OBJECT : JSON_NODE_ARRAY);
      if (object)
        json_node_take_object (frame.node, json_object_new ());
      else
        json_node_take_array (frame.node, json_array_new ());
      g_array_append_val (self->frames, frame);
      return 1;
    }

  if (here == PLACE_ROOT)
    {
      if (object)
        self->root_is_object = TRUE;
      else
        keep_problem (self, &self->root_error, "%s",
                      _("not a Yardstick bundle (it is not a JSON object)"));
    }
  else if (here == PLACE_MEMBER && self->member == MEMBER_ARRAY)
    {
      if (!start_kind (self, self->member_kind))
        return 0;
      if (object)
        refuse_array (self, self->member_kind);
      else
        {
          self->array_kind = self->member_kind;
          self->index = 0;
        }
    }
  return 1;
}

static int
end_container (YsBundleParser *self)
{
  self->depth--;

  if (self->frames->len > 0)
    {
      Frame *top = &g_array_index (self->frames, Frame, self->frames->len - 1);
      JsonNode *node = top->node;

      g_free (top->key);
      g_array_set_size (self->frames, self->frames->len - 1);
      return add_value (self, node);
    }

  if (self->depth == 1)
    self->array_kind = -1;
  return 1;
}

static int
on_start_map (void *ctx)
{
  return start_container (ctx, TRUE);
}

static int
on_start_array (void *ctx)
{
  return start_container (ctx, FALSE);
}

static int
on_end (void *ctx)
{
  return end_container (ctx);
}

static int
on_map_key (void                *ctx,
            const unsigned char *key,
            size_t               length)
{
  YsBundleParser *self = ctx;

  if (self->frames->len > 0)
    {
      Frame *top = &g_array_index (self->frames, Frame, self->frames->len - 1);

      g_free (top->key);
      top->key = g_strndup ((const char *) key, length);
      return 1;
    }

  if (place (self) != PLACE_MEMBER)
    return 1;

  g_string_truncate (self->scratch, 0);
  g_string_append_len (self->scratch, (const char *) key, length);
  self->member = MEMBER_OTHER;
  if (g_str_equal (self->scratch->str, "format"))
    self->member = MEMBER_FORMAT;
  else if (g_str_equal (self->scratch->str, "version"))
    self->member = MEMBER_VERSION;
  else
    for (YsRecordKind k = 0; k < YS_N_RECORD_KINDS; k++)
      if (g_str_equal (self->scratch->str, ys_bundle_array_name (k)))
        {
          self->member = MEMBER_ARRAY;
          self->member_kind = k;
        }
  return 1;
}

static const yajl_callbacks callbacks = {
  .yajl_null = on_null,
  .yajl_boolean = on_boolean,
  .yajl_number = on_number,
  .yajl_string = on_string,
  .yajl_start_map = on_start_map,
  .yajl_map_key = on_map_key,
  .yajl_end_map = on_end,
  .yajl_start_array = on_start_array,
  .yajl_end_array = on_end,
};

/* The parser -------------------------------------------------------------------- */

YsBundleParser *
ys_bundle_parser_new (const char *display_name)
{
  YsBundleParser *self = g_new0 (YsBundleParser, 1);

  self->reader = ys_bundle_reader_new (display_name);
  self->file = g_strdup (display_name);
  self->handle = yajl_alloc (&callbacks, NULL, self);
  /* The bytes are checked as UTF-8 before yajl sees them. */
  yajl_config (self->handle, yajl_dont_validate_strings, 1);
  self->scratch = g_string_new (NULL);
  self->line_buffer = g_string_new (NULL);
  self->frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  self->array_kind = -1;
  self->line = 1;
  return self;
}

void
ys_bundle_parser_free (YsBundleParser *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->frames->len; i++)
    {
      Frame *frame = &g_array_index (self->frames, Frame, i);

      json_node_unref (frame->node);
      g_free (frame->key);
    }
  g_array_unref (self->frames);
  g_clear_pointer (&self->format, json_node_unref);
  g_clear_pointer (&self->version, json_node_unref);
  g_clear_error (&self->storage_error);
  g_clear_error (&self->utf8_error);
  g_clear_error (&self->depth_error);
  g_clear_error (&self->syntax_error);
  g_clear_error (&self->root_error);
  for (guint k = 0; k < YS_N_RECORD_KINDS; k++)
    g_clear_error (&self->kind_errors[k]);
  yajl_free (self->handle);
  g_string_free (self->scratch, TRUE);
  g_string_free (self->line_buffer, TRUE);
  ys_bundle_reader_free (self->reader);
  g_free (self->file);
  g_free (self);
}

/* yajl's own words for a syntax error, without its "parse error: ". */
static char *
syntax_detail (YsBundleParser *self)
{
  unsigned char *message = yajl_get_error (self->handle, 0, NULL, 0);
  const char *text = (const char *) message;
  const char *colon = strstr (text, "error: ");
  char *detail;

  if (colon != NULL)
    text = colon + strlen ("error: ");
  detail = g_strstrip (g_strdup (text));
  yajl_free_error (self->handle, message);
  if (g_str_equal (detail, "premature EOF"))
    {
      g_free (detail);
      detail = g_strdup ("unexpected end of the file");
    }
  return detail;
}

/* @n bytes of whole characters. */
static void
parse (YsBundleParser *self,
       const char     *piece,
       gsize           n)
{
  guint line, column;

  if (n == 0)
    return;
  if (!self->seen_content)
    for (gsize i = 0; i < n && !self->seen_content; i++)
      self->seen_content = !strchr (" \t\n\r", piece[i]);

  if (!self->stopped)
    {
      yajl_status status = yajl_parse (self->handle, (const unsigned char *) piece, n);

      if (status != yajl_status_ok)
        {
          gsize at = yajl_get_bytes_consumed (self->handle);

          self->stopped = TRUE;
          locate (self, piece, MIN (at, n), &line, &column);
          if (self->depth_exceeded)
            keep_problem (self, &self->depth_error,
                          _("not a Yardstick bundle (nested more than %d levels deep at line %u)"),
                          YS_BUNDLE_MAX_DEPTH, line);
          else if (status == yajl_status_error)
            {
              g_autofree char *detail = syntax_detail (self);

              keep_problem (self, &self->syntax_error,
                            _("not a Yardstick bundle (line %u, column %u: %s)"),
                            line, column + 1, detail);
            }
        }
    }

  locate (self, piece, n, &self->line, &self->column);
  self->offset += n;
}

/* yajl places an error at the start of the token it could not take, but
 * at the start of the piece when that token began in an earlier one. No
 * token of JSON spans a line, so yajl is given whole lines (unless one is
 * longer than MAX_LINE, which no bundle Yardstick writes has): the message
 * is the same wherever a piece of the file ends. */
static void
parse_lines (YsBundleParser *self,
             const char     *piece,
             gsize           n)
{
  const char *last;

  self->received += n;
  if (self->line_buffer->len > 0)
    {
      const char *newline = memchr (piece, '\n', n);
      gsize head = newline != NULL ? (gsize) (newline - piece) + 1 : n;

      g_string_append_len (self->line_buffer, piece, head);
      piece += head;
      n -= head;
      if (newline == NULL && self->line_buffer->len < MAX_LINE)
        return;
      parse (self, self->line_buffer->str, self->line_buffer->len);
      g_string_truncate (self->line_buffer, 0);
    }

  last = piece + n;
  while (last > piece && last[-1] != '\n')
    last--;
  last = last > piece ? last - 1 : NULL;
  if (last != NULL)
    {
      parse (self, piece, (gsize) (last - piece) + 1);
      n -= (gsize) (last - piece) + 1;
      piece = last + 1;
    }
  if (n >= MAX_LINE)
    parse (self, piece, n);
  else
    g_string_append_len (self->line_buffer, piece, n);
}

gboolean
ys_bundle_parser_feed (YsBundleParser *self,
                       const char     *data,
                       gsize           length)
{
  const char *end = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->utf8_error != NULL || self->storage_error != NULL)
    return FALSE;

  /* First the rest of a character the last piece cut. */
  while (self->n_pending > 0 && length > 0)
    {
      gunichar c;

      self->pending[self->n_pending++] = *data++;
      length--;
      c = g_utf8_get_char_validated (self->pending, self->n_pending);
      if (c == (gunichar) -2 && self->n_pending < 4)
        continue;
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          keep_problem (self, &self->utf8_error, _("not valid UTF-8 text (at byte %lu)"),
                        (unsigned long) self->received);
          return FALSE;
        }
      parse_lines (self, self->pending, self->n_pending);
      self->n_pending = 0;
    }

  if (!g_utf8_validate (data, length, &end))
    {
      gsize valid = end - data;
      gsize rest = length - valid;

      parse_lines (self, data, valid);
      if (rest < 4 && g_utf8_get_char_validated (end, rest) == (gunichar) -2)
        {
          memcpy (self->pending, end, rest);
          self->n_pending = rest;
          return self->storage_error == NULL;
        }
      keep_problem (self, &self->utf8_error, _("not valid UTF-8 text (at byte %lu)"),
                    (unsigned long) self->received);
      return FALSE;
    }

  parse_lines (self, data, length);
  return self->storage_error == NULL;
}

static gboolean
check_header (YsBundleParser  *self,
              GError         **error)
{
  g_autoptr(JsonObject) root = json_object_new ();

  if (self->format != NULL)
    json_object_set_member (root, "format", json_node_ref (self->format));
  if (self->version != NULL)
    json_object_set_member (root, "version", json_node_ref (self->version));
  return ys_bundle_reader_check_header (self->reader, root, error);
}

YsBundle *
ys_bundle_parser_finish (YsBundleParser  *self,
                         GError         **error)
{
  GError **verdicts[] = { &self->storage_error, &self->utf8_error };
  GError **syntax[] = { &self->depth_error, &self->syntax_error, &self->root_error };

  g_return_val_if_fail (self != NULL, NULL);

  if (self->n_pending > 0)
    keep_problem (self, &self->utf8_error, _("not valid UTF-8 text (at byte %lu)"),
                  (unsigned long) self->received);
  if (self->utf8_error == NULL && self->storage_error == NULL)
    {
      parse (self, self->line_buffer->str, self->line_buffer->len);
      g_string_truncate (self->line_buffer, 0);
    }
  if (!self->stopped && self->utf8_error == NULL && self->storage_error == NULL &&
      yajl_complete_parse (self->handle) != yajl_status_ok)
    {
      g_autofree char *detail = syntax_detail (self);

      self->stopped = TRUE;
      keep_problem (self, &self->syntax_error,
                    _("not a Yardstick bundle (line %u, column %u: %s)"),
                    self->line, self->column + 1, detail);
    }

  for (guint i = 0; i < G_N_ELEMENTS (verdicts); i++)
    if (*verdicts[i] != NULL)
      {
        g_propagate_error (error, g_steal_pointer (verdicts[i]));
        return NULL;
      }

  if (!self->seen_content)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_DAMAGED, "%s: %s", self->file,
                   _("the file is empty"));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (syntax); i++)
    if (*syntax[i] != NULL)
      {
        g_propagate_error (error, g_steal_pointer (syntax[i]));
        return NULL;
      }

  if (!check_header (self, error))
    return NULL;

  for (YsRecordKind k = 0; k < YS_N_RECORD_KINDS; k++)
    if (self->kind_errors[k] != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&self->kind_errors[k]));
        return NULL;
      }

  return ys_bundle_reader_finish (self->reader);
}
