/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <string.h>

#include "ys-bundle-reader.h"
#include "ys-bundle-staging.h"
#include "ys-bundle.h"
#include "ys-merge.h"

/*
 * Bundles are how a team combines its measurements without a server
 * (FORMAT.md): ys-bundle-reader.c reads one into a YsBundle, ys-merge.c
 * merges it into the store, ys-bundle-writer.c writes the store out.
 */

/* A 100,000-run bundle (about 17 MB of records) stays in memory, where it
 * merges fastest; a million runs would take 170 MB and go to disk. The
 * limit holds for all the bundles of the process together: a team folder's
 * sync reads every file before it merges them. */
gsize ys_bundle_memory_limit = 32 * 1024 * 1024;
/* What the bundles in memory hold now, together. */
static gsize memory_held;

static gsize
hold_memory (gssize change)
{
  return (gsize) (g_atomic_pointer_add (&memory_held, change) + change);
}

/* A hash table entry for the id, roughly. */
#define ID_OVERHEAD 32
/* Records handed out per staging read. */
#define FETCH_BATCH 256

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
  for (guint k = 0; k < YS_N_RECORD_KINDS; k++)
    g_clear_pointer (&bundle->ids[k], g_hash_table_unref);
  g_clear_pointer (&bundle->staging, ys_bundle_staging_free);
  hold_memory (-(gssize) bundle->memory);
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
ys_bundle_is_staged (const YsBundle *bundle)
{
  return bundle->staging != NULL;
}

guint
ys_bundle_get_n_records (const YsBundle *bundle,
                         YsRecordKind    kind)
{
  g_return_val_if_fail (kind < YS_N_RECORD_KINDS, 0);

  if (bundle->staging != NULL)
    return ys_bundle_staging_count (bundle->staging, kind);
  return ys_bundle_get_records (bundle, kind)->len;
}

static const char *
record_id (gconstpointer record)
{
  /* Every record starts with its id. */
  return *(const char * const *) record;
}

static gsize
text_size (const char *text)
{
  return text != NULL ? strlen (text) + 1 : 0;
}

/* What a record takes in memory, its shared text counted as if not shared. */
static gsize
record_memory (YsRecordKind  kind,
               gconstpointer record)
{
  const YsWorkflowRecord *w = record;
  const YsToolRecord *t = record;
  const YsRunRecord *r = record;
  const YsFeedbackRecord *f = record;
  const YsReviewRecord *v = record;
  gsize size = record_sizes[kind] + ID_OVERHEAD;

  switch (kind)
    {
    case YS_RECORD_WORKFLOW:
      return size + text_size (w->id) + text_size (w->name) + text_size (w->description);
    case YS_RECORD_TOOL:
      return size + text_size (t->id) + text_size (t->name);
    case YS_RECORD_RUN:
      return size + text_size (r->id) + text_size (r->note);
    case YS_RECORD_FEEDBACK:
      return size + text_size (f->id) + text_size (f->given_on) + text_size (f->comment);
    case YS_RECORD_REVIEW:
      return size + text_size (v->id) + text_size (v->working) + text_size (v->not_working) +
             text_size (v->more_rework);
    case YS_N_RECORD_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* The ids of the records of @kind in memory, made when first needed. */
static GHashTable *
memory_ids (YsBundle     *bundle,
            YsRecordKind  kind)
{
  GArray *records = ys_bundle_get_records (bundle, kind);

  if (bundle->ids[kind] == NULL)
    {
      bundle->ids[kind] = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < records->len; i++)
        g_hash_table_add (bundle->ids[kind],
                          (gpointer) record_id (records->data + (gsize) i * record_sizes[kind]));
    }
  return bundle->ids[kind];
}

/* Every record so far into a staging file; the memory goes. */
static gboolean
stage (YsBundle  *bundle,
       GError   **error)
{
  bundle->staging = ys_bundle_staging_new (error);
  if (bundle->staging == NULL)
    return FALSE;

  for (YsRecordKind k = 0; k < YS_N_RECORD_KINDS; k++)
    {
      GArray *records = ys_bundle_get_records (bundle, k);

      for (guint i = 0; i < records->len; i++)
        {
          gboolean duplicate = FALSE;

          if (!ys_bundle_staging_add (bundle->staging, k,
                                      records->data + (gsize) i * record_sizes[k],
                                      &duplicate, error))
            return FALSE;
          g_assert (!duplicate);
        }
      g_array_set_size (records, 0);
      g_clear_pointer (&bundle->ids[k], g_hash_table_unref);
    }

  /* Shrunk, not only emptied: the point is to give the memory back. */
  for (YsRecordKind k = 0; k < YS_N_RECORD_KINDS; k++)
    {
      GArray **array = k == YS_RECORD_WORKFLOW ? &bundle->workflows
                       : k == YS_RECORD_TOOL ? &bundle->tools
                       : k == YS_RECORD_RUN ? &bundle->runs
                       : k == YS_RECORD_FEEDBACK ? &bundle->feedback : &bundle->reviews;

      g_array_unref (*array);
      *array = g_array_new (FALSE, TRUE, record_sizes[k]);
    }
  g_string_chunk_free (bundle->strings);
  bundle->strings = g_string_chunk_new (4096);
  hold_memory (-(gssize) bundle->memory);
  bundle->memory = 0;
  return TRUE;
}

gboolean
ys_bundle_add (YsBundle       *bundle,
               YsRecordKind    kind,
               gconstpointer   record,
               gboolean       *duplicate,
               GError        **error)
{
  GHashTable *ids;
  gsize size;

  g_return_val_if_fail (bundle != NULL, FALSE);
  g_return_val_if_fail (kind < YS_N_RECORD_KINDS, FALSE);

  if (bundle->staging != NULL)
    {
      if (!ys_bundle_staging_add (bundle->staging, kind, record, duplicate, error))
        return FALSE;
      /* Its text is in the staging file now (a duplicate's is still needed
       * for the message). */
      if (!*duplicate)
        g_string_chunk_clear (bundle->strings);
      return TRUE;
    }

  ids = memory_ids (bundle, kind);
  *duplicate = g_hash_table_contains (ids, record_id (record));
  if (*duplicate)
    return TRUE;
  g_array_append_vals (ys_bundle_get_records (bundle, kind), record, 1);
  g_hash_table_add (ids, (gpointer) record_id (record));
  size = record_memory (kind, record);
  bundle->memory += size;
  if (hold_memory ((gssize) size) > ys_bundle_memory_limit)
    return stage (bundle, error);
  return TRUE;
}

gboolean
ys_bundle_clear_kind (YsBundle      *bundle,
                      YsRecordKind   kind,
                      GError       **error)
{
  g_return_val_if_fail (kind < YS_N_RECORD_KINDS, FALSE);

  if (bundle->staging != NULL)
    return ys_bundle_staging_clear_kind (bundle->staging, kind, error);
  g_array_set_size (ys_bundle_get_records (bundle, kind), 0);
  g_clear_pointer (&bundle->ids[kind], g_hash_table_unref);
  return TRUE;
}

gboolean
ys_bundle_contains (YsBundle      *bundle,
                    YsRecordKind   kind,
                    const char    *id,
                    gboolean      *found,
                    GError       **error)
{
  g_return_val_if_fail (kind < YS_N_RECORD_KINDS, FALSE);

  if (bundle->staging != NULL)
    return ys_bundle_staging_contains (bundle->staging, kind, id, found, error);
  *found = g_hash_table_contains (memory_ids (bundle, kind), id);
  return TRUE;
}

/* Iterating ----------------------------------------------------------------- */

struct _YsBundleIter
{
  YsBundle *bundle;
  YsRecordKind kind;
  gboolean current;     /* a record in memory was handed out and not yet passed */
  gboolean dropped;     /* the current record is to be left out */
  guint index;          /* of the current record */
  /* In memory: the next record to look at and where the kept ones end. */
  guint next;
  guint kept;
  /* Staged: a batch of blobs, their (index, end) pairs, the current one. */
  GByteArray *blobs;
  GArray *ends;
  guint position;
  gboolean last_batch;
  gint64 after;
  gboolean finished;
  YsAnyRecord record;
};

YsBundleIter *
ys_bundle_iter_new (YsBundle     *bundle,
                    YsRecordKind  kind)
{
  YsBundleIter *iter;

  g_return_val_if_fail (bundle != NULL, NULL);
  g_return_val_if_fail (kind < YS_N_RECORD_KINDS, NULL);

  iter = g_new0 (YsBundleIter, 1);
  iter->bundle = bundle;
  iter->kind = kind;
  if (bundle->staging != NULL)
    {
      iter->blobs = g_byte_array_new ();
      iter->ends = g_array_new (FALSE, FALSE, sizeof (guint64));
      iter->after = -1;
    }
  return iter;
}

/* In memory, records left out are squeezed out as the iteration passes:
 * the current one moves down to the end of those kept, unless dropped. */
static void
memory_keep_current (YsBundleIter *iter)
{
  GArray *records = ys_bundle_get_records (iter->bundle, iter->kind);
  gsize size = record_sizes[iter->kind];

  if (!iter->current)
    return;
  iter->current = FALSE;
  if (!iter->dropped)
    {
      if (iter->kept != iter->index)
        memcpy (records->data + (gsize) iter->kept * size,
                records->data + (gsize) iter->index * size, size);
      iter->kept++;
    }
  iter->dropped = FALSE;
}

/* The rest kept as it is; the array ends after the last record kept. */
static void
memory_finish (YsBundleIter *iter)
{
  GArray *records = ys_bundle_get_records (iter->bundle, iter->kind);
  gsize size = record_sizes[iter->kind];

  if (iter->finished)
    return;
  memory_keep_current (iter);
  if (iter->kept != iter->next)
    {
      memmove (records->data + (gsize) iter->kept * size,
               records->data + (gsize) iter->next * size,
               (gsize) (records->len - iter->next) * size);
      g_array_set_size (records, iter->kept + (records->len - iter->next));
    }
  iter->finished = TRUE;
}

static gboolean
staged_next (YsBundleIter   *iter,
             gconstpointer  *record,
             GError        **error)
{
  guint64 *ends;
  guint64 start;

  if (iter->position * 2 >= iter->ends->len)
    {
      if (iter->last_batch)
        {
          *record = NULL;
          return TRUE;
        }
      g_byte_array_set_size (iter->blobs, 0);
      g_array_set_size (iter->ends, 0);
      iter->position = 0;
      if (!ys_bundle_staging_fetch (iter->bundle->staging, iter->kind, iter->after, FETCH_BATCH,
                                    iter->blobs, iter->ends, error))
        return FALSE;
      iter->last_batch = iter->ends->len / 2 < FETCH_BATCH;
      if (iter->ends->len == 0)
        {
          *record = NULL;
          return TRUE;
        }
    }

  ends = (guint64 *) (gpointer) iter->ends->data;
  start = iter->position > 0 ? ends[iter->position * 2 - 1] : 0;
  ys_bundle_staging_unpack (iter->kind, iter->blobs->data + start, &iter->record);
  iter->index = (guint) ends[iter->position * 2];
  iter->after = ends[iter->position * 2];
  iter->position++;
  *record = &iter->record;
  return TRUE;
}

gboolean
ys_bundle_iter_next (YsBundleIter   *iter,
                     gconstpointer  *record,
                     GError        **error)
{
  GArray *records;

  g_return_val_if_fail (iter != NULL && record != NULL, FALSE);

  if (iter->bundle->staging != NULL)
    return staged_next (iter, record, error);

  records = ys_bundle_get_records (iter->bundle, iter->kind);
  memory_keep_current (iter);
  if (iter->finished || iter->next >= records->len)
    {
      memory_finish (iter);
      *record = NULL;
      return TRUE;
    }
  iter->current = TRUE;
  iter->index = iter->next++;
  *record = records->data + (gsize) iter->index * record_sizes[iter->kind];
  return TRUE;
}

guint
ys_bundle_iter_get_index (YsBundleIter *iter)
{
  return iter->index;
}

gboolean
ys_bundle_iter_drop (YsBundleIter  *iter,
                     GError       **error)
{
  g_return_val_if_fail (iter != NULL, FALSE);

  if (iter->bundle->staging != NULL)
    return ys_bundle_staging_delete (iter->bundle->staging, iter->kind, iter->index, error);

  g_return_val_if_fail (iter->current, FALSE);
  iter->dropped = TRUE;
  /* Positions move: the ids are found again when next looked for. */
  g_clear_pointer (&iter->bundle->ids[iter->kind], g_hash_table_unref);
  return TRUE;
}

void
ys_bundle_iter_free (YsBundleIter *iter)
{
  if (iter == NULL)
    return;
  if (iter->bundle->staging == NULL)
    memory_finish (iter);
  g_clear_pointer (&iter->blobs, g_byte_array_unref);
  g_clear_pointer (&iter->ends, g_array_unref);
  g_free (iter);
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
