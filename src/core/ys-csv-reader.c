/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ys-csv-reader.h"
#include "ys-error.h"

/* Tracker exports keep a person's name and e-mail in every row, so records
 * are read from a small window of the stream rather than from the whole file
 * in memory. A record longer than this is a quote left open, not data. */
#define BUFFER_SIZE (64 * 1024)
#define MAX_RECORD_BYTES (1024 * 1024)

struct _YsCsvReader
{
  GInputStream *stream;
  guint8       *buffer;
  gsize         pos;
  gsize         len;
  gboolean      eof;
  gboolean      started;
  char          delimiter;
  guint         line;
};

YsCsvReader *
ys_csv_reader_new (GInputStream *stream,
                   char          delimiter)
{
  YsCsvReader *reader;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (delimiter == 0 || delimiter == ',' || delimiter == '\t' ||
                        delimiter == ';', NULL);

  reader = g_new0 (YsCsvReader, 1);
  reader->stream = g_object_ref (stream);
  reader->buffer = g_malloc (BUFFER_SIZE);
  reader->delimiter = delimiter;
  reader->line = 1;
  return reader;
}

void
ys_csv_reader_free (YsCsvReader *reader)
{
  if (reader == NULL)
    return;

  /* The window held other rows' raw bytes, people's names among them. */
  memset (reader->buffer, 0, BUFFER_SIZE);
  g_free (reader->buffer);
  g_object_unref (reader->stream);
  g_free (reader);
}

char
ys_csv_reader_get_delimiter (YsCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->delimiter;
}

const char *
ys_csv_cell_text (const char *cell)
{
  g_return_val_if_fail (cell != NULL, NULL);

  if (cell[0] == '\'' && cell[1] != '\0' && strchr (YS_CSV_FORMULA_STARTS, cell[1]) != NULL)
    return cell + 1;
  return cell;
}

/* Moves what is left to the front and reads more behind it. */
static gboolean
fill (YsCsvReader   *reader,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(GError) io_error = NULL;
  gssize n;

  if (reader->eof)
    return TRUE;

  if (reader->pos > 0)
    {
      memmove (reader->buffer, reader->buffer + reader->pos, reader->len - reader->pos);
      reader->len -= reader->pos;
      reader->pos = 0;
    }
  if (reader->len == BUFFER_SIZE)
    return TRUE;

  n = g_input_stream_read (reader->stream, reader->buffer + reader->len,
                           BUFFER_SIZE - reader->len, cancellable, &io_error);
  if (n < 0)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID, _("could not be read: %s"),
                   io_error->message);
      return FALSE;
    }
  if (n == 0)
    reader->eof = TRUE;
  reader->len += n;
  return TRUE;
}

/* The next byte, or -1 at the end of the input (or on error, which is set). */
static int
next_byte (YsCsvReader   *reader,
           GCancellable  *cancellable,
           GError       **error)
{
  if (reader->pos == reader->len)
    {
      if (!fill (reader, cancellable, error))
        return -1;
      if (reader->pos == reader->len)
        return -1;
    }
  return reader->buffer[reader->pos++];
}

static int
peek_byte (YsCsvReader   *reader,
           GCancellable  *cancellable,
           GError       **error)
{
  int c = next_byte (reader, cancellable, error);

  if (c >= 0)
    reader->pos--;
  return c;
}

static void
guess_delimiter (YsCsvReader *reader)
{
  static const char candidates[] = { ',', '\t', ';' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint best = 0;

  for (gsize i = reader->pos; i < reader->len; i++)
    {
      guint8 c = reader->buffer[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          counts[k] += (c == (guint8) candidates[k]);
    }

  for (guint k = 1; k < G_N_ELEMENTS (candidates); k++)
    if (counts[k] > counts[best])
      best = k;
  reader->delimiter = candidates[best];
}

static gboolean
start (YsCsvReader   *reader,
       GCancellable  *cancellable,
       GError       **error)
{
  reader->started = TRUE;

  /* Enough of the file to hold the byte-order mark and the header. */
  while (!reader->eof && reader->len < BUFFER_SIZE)
    if (!fill (reader, cancellable, error))
      return FALSE;

  if (reader->len >= 3 && memcmp (reader->buffer, "\xef\xbb\xbf", 3) == 0)
    reader->pos = 3;

  if (reader->delimiter == 0)
    guess_delimiter (reader);
  return TRUE;
}

static gboolean
refuse (GError     **error,
        const char  *format,
        ...) G_GNUC_PRINTF (2, 3);

static gboolean
refuse (GError     **error,
        const char  *format,
        ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;

  va_start (args, format);
  *error = g_error_new_valist (YS_ERROR, YS_ERROR_INVALID, format, args);
  va_end (args);
  return FALSE;
}

/* After a CR, a following LF belongs to the same line end. A line break
 * inside a quoted field is kept as one LF, whichever the file used. */
static gboolean
end_line (YsCsvReader   *reader,
          int            c,
          GString       *keep,
          GCancellable  *cancellable,
          GError       **error)
{
  GError *local = NULL;

  if (keep != NULL)
    g_string_append_c (keep, '\n');
  if (c == '\r' && peek_byte (reader, cancellable, &local) == '\n')
    reader->pos++;
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  reader->line++;
  return TRUE;
}

static gboolean
field_done (GPtrArray *fields,
            GString   *field)
{
  g_ptr_array_add (fields, g_strndup (field->str, field->len));
  g_string_truncate (field, 0);
  return TRUE;
}

gboolean
ys_csv_reader_next (YsCsvReader   *reader,
                    GPtrArray     *fields,
                    guint         *line,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GString) field = NULL;
  GError *local = NULL;
  gsize record_bytes = 0;
  guint first_line;
  int c;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_ptr_array_set_size (fields, 0);

  if (!reader->started && !start (reader, cancellable, error))
    return FALSE;

  /* Blank lines between records (and at the end) are no records. */
  for (;;)
    {
      c = next_byte (reader, cancellable, &local);
      if (c == '\r' || c == '\n')
        {
          if (!end_line (reader, c, NULL, cancellable, &local))
            break;
          continue;
        }
      break;
    }
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (c < 0)
    return FALSE;

  first_line = reader->line;
  if (line != NULL)
    *line = first_line;
  field = g_string_sized_new (64);

  for (;;)
    {
      if (++record_bytes > MAX_RECORD_BYTES)
        return refuse (error, _("line %u: a record longer than 1 MiB; is a quote left open?"),
                       first_line);
      if (c == 0)
        return refuse (error, _("line %u: the file has a NUL byte, so it is not CSV text"),
                       reader->line);

      if (c == '"' && field->len == 0)
        {
          /* A quoted field: anything up to the closing quote, "" for one. */
          for (;;)
            {
              c = next_byte (reader, cancellable, &local);
              if (local != NULL)
                {
                  g_propagate_error (error, local);
                  return FALSE;
                }
              if (c < 0)
                return refuse (error, _("line %u: a quoted field that starts here is never closed"),
                               first_line);
              if (++record_bytes > MAX_RECORD_BYTES)
                return refuse (error,
                               _("line %u: a record longer than 1 MiB; is a quote left open?"),
                               first_line);
              if (c == 0)
                return refuse (error, _("line %u: the file has a NUL byte, so it is not CSV text"),
                               reader->line);
              if (c == '"')
                {
                  int after = peek_byte (reader, cancellable, &local);

                  if (after != '"')
                    break;
                  reader->pos++;
                  g_string_append_c (field, '"');
                }
              else if (c == '\r' || c == '\n')
                {
                  if (!end_line (reader, c, field, cancellable, error))
                    return FALSE;
                }
              else
                g_string_append_c (field, c);
            }
          if (local != NULL)
            {
              g_propagate_error (error, local);
              return FALSE;
            }

          c = next_byte (reader, cancellable, &local);
          if (local != NULL)
            {
              g_propagate_error (error, local);
              return FALSE;
            }
          if (c >= 0 && c != reader->delimiter && c != '\r' && c != '\n')
            return refuse (error, _("line %u: text after the closing quote of a field"),
                           reader->line);
          /* An empty quoted field still counts as a field. */
          if (c < 0)
            {
              field_done (fields, field);
              return TRUE;
            }
          continue;
        }

      if (c == reader->delimiter)
        field_done (fields, field);
      else if (c == '\r' || c == '\n')
        {
          field_done (fields, field);
          return end_line (reader, c, NULL, cancellable, error);
        }
      else
        g_string_append_c (field, c);

      c = next_byte (reader, cancellable, &local);
      if (local != NULL)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
      if (c < 0)
        {
          field_done (fields, field);
          return TRUE;
        }
    }
}
