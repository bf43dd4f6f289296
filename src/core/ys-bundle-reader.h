/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "ys-bundle.h"

G_BEGIN_DECLS

/*
 * Bytes to a YsBundle. The checks of one record are separate from the
 * reading of the file: a reader takes one record's JSON object at a time,
 * whatever parsed it, and refuses it with a message that names the file,
 * the array, the index and the field ("team.json: runs[12].duration_seconds:
 * must be between 1 and 604800"). No database is touched.
 */

typedef struct _YsBundleReader YsBundleReader;

YsBundleReader *ys_bundle_reader_new          (const char      *display_name);
void            ys_bundle_reader_free         (YsBundleReader  *self);

/* The top-level object's "format" and "version". */
gboolean        ys_bundle_reader_check_header (YsBundleReader  *self,
                                               JsonObject      *root,
                                               GError         **error);
/* Checks element @index of the array of @kind and keeps it. */
gboolean        ys_bundle_reader_add          (YsBundleReader  *self,
                                               YsRecordKind     kind,
                                               guint            index,
                                               JsonNode        *element,
                                               GError         **error);
/* Forgets the records of @kind read so far. */
gboolean        ys_bundle_reader_clear_kind   (YsBundleReader  *self,
                                               YsRecordKind     kind,
                                               GError         **error);
const char     *ys_bundle_reader_get_file     (YsBundleReader  *self);
/* The records kept so far; the reader is spent. */
YsBundle       *ys_bundle_reader_finish       (YsBundleReader  *self);

/* A whole file in memory (at most YS_BUNDLE_MAX_SIZE), or read as a stream
 * from disk (refused before reading when it is over
 * YS_BUNDLE_MAX_FILE_SIZE): ys-bundle-parser.c hands the reader one
 * record at a time, so only the records themselves are kept, and a large
 * bundle keeps them on disk (ys-bundle-staging.h). */
YsBundle       *ys_bundle_read_data           (const char      *display_name,
                                               const char      *data,
                                               gsize            length,
                                               GError         **error);
YsBundle       *ys_bundle_read_file           (const char      *path,
                                               const char      *display_name,
                                               GError         **error);
/* From @fd to its end, adding every byte read to @checksum when given
 * (all of them, even after the verdict is known) and counting them in
 * @length. */
YsBundle       *ys_bundle_read_fd             (int              fd,
                                               const char      *display_name,
                                               GChecksum       *checksum,
                                               gint64          *length,
                                               GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsBundleReader, ys_bundle_reader_free)

G_END_DECLS
