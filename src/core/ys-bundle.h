/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ys-records.h"
#include "ys-store.h"

G_BEGIN_DECLS

#define YS_BUNDLE_FORMAT "yardstick-bundle"
#define YS_BUNDLE_VERSION 1
#define YS_BUNDLE_MAX_SIZE (G_GINT64_CONSTANT (256) * 1024 * 1024)
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

/* A bundle read into memory (ys-bundle-reader.c): every field validated
 * and normalised as it will be stored (names trimmed, runs' starts to the
 * second), nothing looked up in a database, so it can be read on any
 * thread. Each array is in the file's order: a record's index there is its
 * place in messages ("runs[12]"). */
typedef struct
{
  char *file;              /* the name messages give the file */
  GArray *workflows;       /* of YsWorkflowRecord */
  GArray *tools;           /* of YsToolRecord */
  GArray *runs;            /* of YsRunRecord */
  GArray *feedback;        /* of YsFeedbackRecord */
  GArray *reviews;         /* of YsReviewRecord */
  GStringChunk *strings;   /* every record's text */
} YsBundle;

YsBundle *ys_bundle_new              (const char           *file);
void      ys_bundle_free             (YsBundle             *bundle);
/* The array of records of @kind. */
GArray   *ys_bundle_get_records      (const YsBundle       *bundle,
                                      YsRecordKind          kind);
/* Its name in the file ("runs"). */
const char *ys_bundle_array_name     (YsRecordKind          kind);

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

G_END_DECLS
