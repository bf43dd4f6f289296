/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

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
  guint archived_on_import;  /* workflows that arrived archived: three were active */
} YsImportResult;

gboolean  ys_bundle_export        (YsStore         *store,
                                   YsBundleScope    scope,
                                   GOutputStream   *stream,
                                   GCancellable    *cancellable,
                                   GError         **error);
gboolean  ys_bundle_export_file   (YsStore         *store,
                                   YsBundleScope    scope,
                                   const char      *path,
                                   GError         **error);
gboolean  ys_bundle_import_data   (YsStore         *store,
                                   const char      *display_name,
                                   const char      *data,
                                   gsize            length,
                                   YsImportResult  *result,
                                   GError         **error);
gboolean  ys_bundle_import_file   (YsStore         *store,
                                   const char      *path,
                                   const char      *display_name,
                                   YsImportResult  *result,
                                   GError         **error);
char     *ys_import_result_describe (const YsImportResult *result,
                                     const char           *display_name);

G_END_DECLS
