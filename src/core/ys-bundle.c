/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <string.h>

#include "ys-bundle-reader.h"
#include "ys-bundle.h"
#include "ys-merge.h"

/*
 * Bundles are how a team combines its measurements without a server
 * (FORMAT.md): ys-bundle-reader.c reads one into a YsBundle, ys-merge.c
 * merges it into the store, ys-bundle-writer.c writes the store out.
 */

static const char *array_names[YS_N_RECORD_KINDS] = {
  [YS_RECORD_WORKFLOW] = "workflows",
  [YS_RECORD_TOOL] = "tools",
  [YS_RECORD_RUN] = "runs",
  [YS_RECORD_FEEDBACK] = "feedback",
  [YS_RECORD_REVIEW] = "reviews",
};

const char *
ys_bundle_array_name (YsRecordKind kind)
{
  g_return_val_if_fail (kind < YS_N_RECORD_KINDS, NULL);
  return array_names[kind];
}

static const gsize record_sizes[YS_N_RECORD_KINDS] = {
  [YS_RECORD_WORKFLOW] = sizeof (YsWorkflowRecord),
  [YS_RECORD_TOOL] = sizeof (YsToolRecord),
  [YS_RECORD_RUN] = sizeof (YsRunRecord),
  [YS_RECORD_FEEDBACK] = sizeof (YsFeedbackRecord),
  [YS_RECORD_REVIEW] = sizeof (YsReviewRecord),
};

YsBundle *
ys_bundle_new (const char *file)
{
  YsBundle *bundle = g_new0 (YsBundle, 1);

  bundle->file = g_strdup (file);
  bundle->workflows = g_array_new (FALSE, TRUE, record_sizes[YS_RECORD_WORKFLOW]);
  bundle->tools = g_array_new (FALSE, TRUE, record_sizes[YS_RECORD_TOOL]);
  bundle->runs = g_array_new (FALSE, TRUE, record_sizes[YS_RECORD_RUN]);
  bundle->feedback = g_array_new (FALSE, TRUE, record_sizes[YS_RECORD_FEEDBACK]);
  bundle->reviews = g_array_new (FALSE, TRUE, record_sizes[YS_RECORD_REVIEW]);
  bundle->strings = g_string_chunk_new (64 * 1024);
  return bundle;
}

void
ys_bundle_free (YsBundle *bundle)
{
  if (bundle == NULL)
    return;
  g_free (bundle->file);
  g_array_unref (bundle->workflows);
  g_array_unref (bundle->tools);
  g_array_unref (bundle->runs);
  g_array_unref (bundle->feedback);
  g_array_unref (bundle->reviews);
  g_string_chunk_free (bundle->strings);
  g_free (bundle);
}

GArray *
ys_bundle_get_records (const YsBundle *bundle,
                       YsRecordKind    kind)
{
  switch (kind)
    {
    case YS_RECORD_WORKFLOW: return bundle->workflows;
    case YS_RECORD_TOOL: return bundle->tools;
    case YS_RECORD_RUN: return bundle->runs;
    case YS_RECORD_FEEDBACK: return bundle->feedback;
    case YS_RECORD_REVIEW: return bundle->reviews;
    case YS_N_RECORD_KINDS:
    default: g_return_val_if_reached (NULL);
    }
}

gboolean
ys_bundle_import_data (YsStore         *store,
                       const char      *display_name,
                       const char      *data,
                       gsize            length,
                       YsImportResult  *result,
                       GError         **error)
{
  g_autoptr(YsBundle) bundle = NULL;

  g_return_val_if_fail (YS_IS_STORE (store), FALSE);

  if (result != NULL)
    memset (result, 0, sizeof *result);
  bundle = ys_bundle_read_data (display_name, data, length, error);
  return bundle != NULL && ys_merge_bundle (store, bundle, result, error);
}

gboolean
ys_bundle_import_file (YsStore         *store,
                       const char      *path,
                       const char      *display_name,
                       YsImportResult  *result,
                       GError         **error)
{
  g_autoptr(YsBundle) bundle = NULL;

  g_return_val_if_fail (YS_IS_STORE (store), FALSE);

  if (result != NULL)
    memset (result, 0, sizeof *result);
  bundle = ys_bundle_read_file (path, display_name, error);
  return bundle != NULL && ys_merge_bundle (store, bundle, result, error);
}
