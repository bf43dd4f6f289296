/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ys-records.h"
#include "ys-store.h"

G_BEGIN_DECLS

#define YS_BUNDLE_FORMAT "yardstick-bundle"
#define YS_BUNDLE_VERSION 1
/* A bundle handed over in memory; a file is read as a stream, so it may
 * be larger (FORMAT.md). */
#define YS_BUNDLE_MAX_SIZE (G_GINT64_CONSTANT (256) * 1024 * 1024)
#define YS_BUNDLE_MAX_FILE_SIZE (G_GINT64_CONSTANT (1024) * 1024 * 1024)
#define YS_BUNDLE_MAX_DEPTH 64

typedef enum
{
  YS_BUNDLE_EVERYTHING,  /* all records, tombstones included */
  YS_BUNDLE_WORKFLOWS,   /* a template: workflows and tools only */
} YsBundleScope;

typedef struct
{
  guint added;
  guint updated;
  guint unchanged;
} YsMergeCounts;

typedef struct
{
  YsMergeCounts workflows;
  YsMergeCounts tools;
  YsMergeCounts runs;
  YsMergeCounts feedback;
  YsMergeCounts reviews;
  guint archived_on_import;  /* workflows archived because more than three were active */
} YsImportResult;

typedef struct _YsBundleStaging YsBundleStaging;

/* A bundle read (ys-bundle-reader.c): every field validated and normalised
 * as it will be stored (names trimmed, runs' starts to the second), nothing
 * looked up in a database, so it can be read on any thread. Records are in
 * the file's order: a record's index is its place in messages ("runs[12]").
 *
 * A small bundle is held in the arrays below. Once the bundles in memory
 * together pass ys_bundle_memory_limit bytes, the one that grew past it
 * moves its records to a staging table in a private temporary SQLite file
 * (ys-bundle-staging.c) and its arrays stay empty, so bundles of any size
 * take bounded memory: read the records through YsBundleIter, which knows
 * both. */
typedef struct
{
  char *file;              /* the name messages give the file */
  GArray *workflows;       /* of YsWorkflowRecord */
  GArray *tools;           /* of YsToolRecord */
  GArray *runs;            /* of YsRunRecord */
  GArray *feedback;        /* of YsFeedbackRecord */
  GArray *reviews;         /* of YsReviewRecord */
  GStringChunk *strings;   /* every record's text */
  /*< private >*/
  GHashTable *ids[YS_N_RECORD_KINDS];   /* ids in the arrays, while they are filled or looked up */
  gsize memory;            /* what the arrays, their text and ids take, roughly */
  YsBundleStaging *staging; /* NULL while the records are in memory */
} YsBundle;

/* Bytes of records the bundles of the process hold in memory before one
 * stages its records on disk; tests lower it to take the staging path with
 * small bundles. */
extern gsize ys_bundle_memory_limit;

YsBundle *ys_bundle_new              (const char           *file);
void      ys_bundle_free             (YsBundle             *bundle);
/* The array of records of @kind: empty once the bundle is staged. */
GArray   *ys_bundle_get_records      (const YsBundle       *bundle,
                                      YsRecordKind          kind);
/* Its name in the file ("runs"). */
const char *ys_bundle_array_name     (YsRecordKind          kind);

/* Keeps a copy of @record, whose text must be in @bundle->strings, as the
 * next of its kind, unless its id is there already (@duplicate). A bundle
 * that grows past the limit is staged here. */
gboolean  ys_bundle_add              (YsBundle             *bundle,
                                      YsRecordKind          kind,
                                      gconstpointer         record,
                                      gboolean             *duplicate,
                                      GError              **error);
/* Forgets every record of @kind (a second array of that name replaces the
 * first, as a second member of a JSON object does). */
gboolean  ys_bundle_clear_kind       (YsBundle             *bundle,
                                      YsRecordKind          kind,
                                      GError              **error);
guint     ys_bundle_get_n_records    (const YsBundle       *bundle,
                                      YsRecordKind          kind);
/* Whether a record of @kind with @id is in the bundle. */
gboolean  ys_bundle_contains         (YsBundle             *bundle,
                                      YsRecordKind          kind,
                                      const char           *id,
                                      gboolean             *found,
                                      GError              **error);
gboolean  ys_bundle_is_staged        (const YsBundle       *bundle);

/* The records of one kind in order. A record (and its text) stays valid
 * until the next call. */
typedef struct _YsBundleIter YsBundleIter;

YsBundleIter *ys_bundle_iter_new     (YsBundle             *bundle,
                                      YsRecordKind          kind);
/* TRUE with *@record set, or NULL after the last; FALSE on a staging
 * failure. */
gboolean  ys_bundle_iter_next        (YsBundleIter         *iter,
                                      gconstpointer        *record,
                                      GError              **error);
/* The index of the current record in its array. */
guint     ys_bundle_iter_get_index   (YsBundleIter         *iter);
/* Leaves the current record out of the bundle. */
gboolean  ys_bundle_iter_drop        (YsBundleIter         *iter,
                                      GError              **error);
void      ys_bundle_iter_free        (YsBundleIter         *iter);

/* Import: the file is read and checked first, with no lock held, then
 * merged in one short write transaction (ys-merge.c). A refused file
 * changes nothing; the message names the file and the place in it. */
gboolean  ys_bundle_import_data      (YsStore              *store,
                                      const char           *display_name,
                                      const char           *data,
                                      gsize                 length,
                                      YsImportResult       *result,
                                      GError              **error);
gboolean  ys_bundle_import_file      (YsStore              *store,
                                      const char           *path,
                                      const char           *display_name,
                                      YsImportResult       *result,
                                      GError              **error);

/* Everything (or, for a template, the workflows and tools) as a bundle,
 * read in one deferred read transaction: a snapshot that never blocks a
 * writer. */
gboolean  ys_bundle_export           (YsStore              *store,
                                      YsBundleScope         scope,
                                      GOutputStream        *stream,
                                      GCancellable         *cancellable,
                                      GError              **error);
/* The same, written through a temporary file renamed into place. */
gboolean  ys_bundle_export_file      (YsStore              *store,
                                      YsBundleScope         scope,
                                      const char           *path,
                                      GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsBundle, ys_bundle_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsBundleIter, ys_bundle_iter_free)

G_END_DECLS
