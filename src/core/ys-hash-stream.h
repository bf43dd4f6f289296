/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Passes every byte on to its base stream and keeps their SHA-256 and
 * their count, so that a file's hash is known as it is written, with no
 * second read that another program's change could slip under.
 */

#define YS_TYPE_HASH_STREAM (ys_hash_stream_get_type ())
G_DECLARE_FINAL_TYPE (YsHashStream, ys_hash_stream, YS, HASH_STREAM, GFilterOutputStream)

/* @base is not closed with the hash stream. */
GOutputStream *ys_hash_stream_new        (GOutputStream *base);
/* The SHA-256 of what was written so far, in lowercase hex. */
char          *ys_hash_stream_get_hash   (YsHashStream  *self);
goffset        ys_hash_stream_get_length (YsHashStream  *self);

G_END_DECLS
