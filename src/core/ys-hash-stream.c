/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include "ys-hash-stream.h"
#include "ys-step.h"

struct _YsHashStream
{
  GFilterOutputStream parent_instance;

  GChecksum *checksum;
  goffset length;
};

G_DEFINE_FINAL_TYPE (YsHashStream, ys_hash_stream, G_TYPE_FILTER_OUTPUT_STREAM)

static gssize
ys_hash_stream_write (GOutputStream  *stream,
                      const void     *buffer,
                      gsize           count,
                      GCancellable   *cancellable,
                      GError        **error)
{
  YsHashStream *self = YS_HASH_STREAM (stream);
  GOutputStream *base = g_filter_output_stream_get_base_stream (G_FILTER_OUTPUT_STREAM (stream));
  gssize written = g_output_stream_write (base, buffer, count, cancellable, error);

  if (written > 0)
    {
      g_checksum_update (self->checksum, buffer, written);
      self->length += written;
      /* A test may stop the program with part of a file written. */
      ys_step ("bytes-written");
    }
  return written;
}

static void
ys_hash_stream_finalize (GObject *object)
{
  YsHashStream *self = YS_HASH_STREAM (object);

  g_checksum_free (self->checksum);
  G_OBJECT_CLASS (ys_hash_stream_parent_class)->finalize (object);
}

static void
ys_hash_stream_class_init (YsHashStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GOutputStreamClass *stream_class = G_OUTPUT_STREAM_CLASS (klass);

  object_class->finalize = ys_hash_stream_finalize;
  stream_class->write_fn = ys_hash_stream_write;
}

static void
ys_hash_stream_init (YsHashStream *self)
{
  self->checksum = g_checksum_new (G_CHECKSUM_SHA256);
}

GOutputStream *
ys_hash_stream_new (GOutputStream *base)
{
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (base), NULL);

  return g_object_new (YS_TYPE_HASH_STREAM,
                       "base-stream", base,
                       "close-base-stream", FALSE,
                       NULL);
}

char *
ys_hash_stream_get_hash (YsHashStream *self)
{
  g_return_val_if_fail (YS_IS_HASH_STREAM (self), NULL);
  return g_strdup (g_checksum_get_string (self->checksum));
}

goffset
ys_hash_stream_get_length (YsHashStream *self)
{
  g_return_val_if_fail (YS_IS_HASH_STREAM (self), 0);
  return self->length;
}
