/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ys-bundle.h"

G_BEGIN_DECLS

/*
 * Where a large bundle's records wait for the merge: one table per kind in
 * a private temporary SQLite file, which SQLite deletes when it is closed.
 * Only a small page cache of it is in memory, so a bundle of a million runs
 * takes the same memory as one of a hundred thousand. Each record is kept
 * as one blob (its struct with its text after it) under its index, and its
 * id is a unique key: a duplicate is found by the insert, not by a table
 * of every id in memory.
 */

YsBundleStaging *ys_bundle_staging_new         (GError          **error);
void             ys_bundle_staging_free        (YsBundleStaging  *self);

gboolean         ys_bundle_staging_add         (YsBundleStaging  *self,
                                                YsRecordKind      kind,
                                                gconstpointer     record,
                                                gboolean         *duplicate,
                                                GError          **error);
gboolean         ys_bundle_staging_clear_kind  (YsBundleStaging  *self,
                                                YsRecordKind      kind,
                                                GError          **error);
guint            ys_bundle_staging_count       (YsBundleStaging  *self,
                                                YsRecordKind      kind);
gboolean         ys_bundle_staging_contains    (YsBundleStaging  *self,
                                                YsRecordKind      kind,
                                                const char       *id,
                                                gboolean         *found,
                                                GError          **error);
/* Up to @max records of @kind with an index above @after, in order: each
 * appended to @blobs, its index and end offset to @ends (pairs of guint64). */
gboolean         ys_bundle_staging_fetch       (YsBundleStaging  *self,
                                                YsRecordKind      kind,
                                                gint64            after,
                                                guint             max,
                                                GByteArray       *blobs,
                                                GArray           *ends,
                                                GError          **error);
gboolean         ys_bundle_staging_delete      (YsBundleStaging  *self,
                                                YsRecordKind      kind,
                                                guint             index,
                                                GError          **error);
/* A fetched record as a struct whose text points into @blob, which must
 * stay put while the record is used. */
void             ys_bundle_staging_unpack      (YsRecordKind      kind,
                                                guint8           *blob,
                                                gpointer          record);

G_END_DECLS
