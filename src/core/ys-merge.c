/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ys-bundle-writer.h"
#include "ys-error.h"
#include "ys-merge.h"
#include "ys-schema.h"
#include "ys-step.h"
#include "ys-store-private.h"

typedef union
{
  YsWorkflowRecord workflow;
  YsToolRecord tool;
  YsRunRecord run;
  YsFeedbackRecord feedback;
  YsReviewRecord review;
} AnyRecord;

typedef struct
{
  YsStore *store;
  const YsBundle *bundle;
  YsImportResult *result;
  GStringChunk *scratch;     /* stored records' text while they are compared */
  GHashTable *known[YS_N_RECORD_KINDS]; /* ids a reference may name */
} Merge;

/* What every record has: an id, a time of change, a tombstone. */
static void
record_header (YsRecordKind    kind,
               gconstpointer   record,
               const char    **id,
               gint64         *updated_at,
               gboolean       *deleted)
{
  const AnyRecord *any = record;

  switch (kind)
    {
    case YS_RECORD_WORKFLOW:
      *id = any->workflow.id;
      *updated_at = any->workflow.updated_at;
      *deleted = any->workflow.deleted;
      return;
    case YS_RECORD_TOOL:
      *id = any->tool.id;
      *updated_at = any->tool.updated_at;
      *deleted = any->tool.deleted;
      return;
    case YS_RECORD_RUN:
      *id = any->run.id;
      *updated_at = any->run.updated_at;
      *deleted = any->run.deleted;
      return;
    case YS_RECORD_FEEDBACK:
      *id = any->feedback.id;
      *updated_at = any->feedback.updated_at;
      *deleted = any->feedback.deleted;
      return;
    case YS_RECORD_REVIEW:
      *id = any->review.id;
      *updated_at = any->review.updated_at;
      *deleted = any->review.deleted;
      return;
    case YS_N_RECORD_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* The merge rule and its tie rule: whether @incoming replaces what is
 * stored under its id, counted in @counts. */
static gboolean
decide (Merge          *merge,
        YsRecordKind    kind,
        gconstpointer   incoming,
        gboolean       *write,
        YsMergeCounts  *counts,
        GError        **error)
{
  AnyRecord stored;
  const char *id, *stored_id;
  gint64 updated_at, stored_updated_at;
  gboolean deleted, stored_deleted;
  gboolean found;

  record_header (kind, incoming, &id, &updated_at, &deleted);
  if (!ys_store_get_record (merge->store, kind, id, &stored, merge->scratch, &found, error))
    return FALSE;

  if (!found)
    {
      *write = TRUE;
      counts->added++;
      return TRUE;
    }

  record_header (kind, &stored, &stored_id, &stored_updated_at, &stored_deleted);
  if (updated_at != stored_updated_at)
    *write = updated_at > stored_updated_at;
  else if (deleted != stored_deleted)
    *write = deleted;
  else
    {
      g_autofree char *incoming_text = ys_bundle_record_text (kind, incoming);
      g_autofree char *stored_text = ys_bundle_record_text (kind, &stored);

      *write = strcmp (incoming_text, stored_text) > 0;
    }

  if (*write)
    counts->updated++;
  else
    counts->unchanged++;
  g_string_chunk_clear (merge->scratch);
  return TRUE;
}

static gboolean
apply (Merge          *merge,
       YsRecordKind    kind,
       YsMergeCounts  *counts,
       GError        **error)
{
  GArray *records = ys_bundle_get_records (merge->bundle, kind);

  for (guint i = 0; i < records->len; i++)
    {
      gconstpointer record = records->data + (gsize) i * g_array_get_element_size (records);
      gboolean write = FALSE;

      if (!decide (merge, kind, record, &write, counts, error) ||
          (write && !ys_store_put_record (merge->store, kind, record, error)))
        return FALSE;
      ys_step ("record");
    }
  return TRUE;
}

/* Leaving out what changes nothing ------------------------------------------ */

static gboolean
drop_known (Merge          *merge,
            YsRecordKind    kind,
            YsMergeCounts  *counts,
            GError        **error)
{
  GArray *records = ys_bundle_get_records (merge->bundle, kind);
  gsize size = g_array_get_element_size (records);
  guint kept = 0;

  for (guint i = 0; i < records->len; i++)
    {
      YsMergeCounts scratch = { 0 };
      gpointer record = records->data + (gsize) i * size;
      gboolean write = FALSE;

      if (!decide (merge, kind, record, &write, &scratch, error))
        return FALSE;
      if (!write)
        {
          counts->unchanged++;
          continue;
        }
      if (kept != i)
        memcpy (records->data + (gsize) kept * size, record, size);
      kept++;
    }
  g_array_set_size (records, kept);
  return TRUE;
}

static void
merge_init (Merge          *merge,
            YsStore        *store,
            const YsBundle *bundle,
            YsImportResult *result)
{
  memset (merge, 0, sizeof *merge);
  merge->store = store;
  merge->bundle = bundle;
  merge->result = result;
  memset (merge->result, 0, sizeof *merge->result);
  merge->scratch = g_string_chunk_new (4096);
  for (guint k = 0; k < YS_N_RECORD_KINDS; k++)
    merge->known[k] = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
merge_clear (Merge *merge)
{
  g_string_chunk_free (merge->scratch);
  for (guint k = 0; k < YS_N_RECORD_KINDS; k++)
    g_hash_table_unref (merge->known[k]);
}

gboolean
ys_merge_drop_known (YsStore         *reader,
                     YsBundle        *bundle,
                     YsImportResult  *unchanged,
                     GError         **error)
{
  YsImportResult scratch_result;
  YsDatabase *db;
  Merge merge;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (reader), FALSE);
  g_return_val_if_fail (bundle != NULL, FALSE);

  db = ys_store_get_database (reader);
  if (!ys_database_begin (db, YS_TRANSACTION_READ, error))
    return FALSE;

  merge_init (&merge, reader, bundle, unchanged ? unchanged : &scratch_result);
  ok = drop_known (&merge, YS_RECORD_WORKFLOW, &merge.result->workflows, error) &&
       drop_known (&merge, YS_RECORD_TOOL, &merge.result->tools, error) &&
       drop_known (&merge, YS_RECORD_RUN, &merge.result->runs, error) &&
       drop_known (&merge, YS_RECORD_FEEDBACK, &merge.result->feedback, error) &&
       drop_known (&merge, YS_RECORD_REVIEW, &merge.result->reviews, error);
  merge_clear (&merge);

  /* Nothing was written, so ending the read cannot lose anything. */
  ys_database_end (db, TRUE, NULL);
  return ok;
}

/* References ------------------------------------------------------------------ */

static gboolean
check_reference (Merge         *merge,
                 YsRecordKind   kind,
                 guint          index,
                 YsRecordKind   target,
                 const char    *field,
                 const char    *id,
                 GError       **error)
{
  gboolean exists = FALSE;

  if (g_hash_table_contains (merge->known[target], id))
    return TRUE;
  if (!ys_store_record_exists (merge->store, target, id, &exists, error))
    return FALSE;
  if (exists)
    {
      g_hash_table_add (merge->known[target], (gpointer) id);
      return TRUE;
    }

  {
    g_autofree char *detail = g_strdup_printf (
      target == YS_RECORD_WORKFLOW ? _("no workflow with id %s in the bundle or the database")
                                   : _("no tool with id %s in the bundle or the database"),
      id);

    g_set_error (error, YS_ERROR, YS_ERROR_NOT_FOUND, "%s: %s[%u].%s: %s",
                 merge->bundle->file, ys_bundle_array_name (kind), index, field, detail);
  }
  return FALSE;
}

static gboolean
check_references (Merge   *merge,
                  GError **error)
{
  const YsBundle *bundle = merge->bundle;

  for (guint i = 0; i < bundle->workflows->len; i++)
    g_hash_table_add (merge->known[YS_RECORD_WORKFLOW],
                      (gpointer) g_array_index (bundle->workflows, YsWorkflowRecord, i).id);
  for (guint i = 0; i < bundle->tools->len; i++)
    g_hash_table_add (merge->known[YS_RECORD_TOOL],
                      (gpointer) g_array_index (bundle->tools, YsToolRecord, i).id);

  for (guint i = 0; i < bundle->runs->len; i++)
    {
      const YsRunRecord *r = &g_array_index (bundle->runs, YsRunRecord, i);

      if (!check_reference (merge, YS_RECORD_RUN, i, YS_RECORD_WORKFLOW, "workflow",
                            r->workflow, error) ||
          (r->tool != NULL &&
           !check_reference (merge, YS_RECORD_RUN, i, YS_RECORD_TOOL, "tool", r->tool, error)))
        return FALSE;
    }

  for (guint i = 0; i < bundle->feedback->len; i++)
    {
      const YsFeedbackRecord *f = &g_array_index (bundle->feedback, YsFeedbackRecord, i);

      if (!check_reference (merge, YS_RECORD_FEEDBACK, i, YS_RECORD_WORKFLOW, "workflow",
                            f->workflow, error) ||
          !check_reference (merge, YS_RECORD_FEEDBACK, i, YS_RECORD_TOOL, "tool", f->tool,
                            error))
        return FALSE;
    }
  return TRUE;
}

/* Three active workflows -------------------------------------------------------- */

static int
compare_by_age (gconstpointer a,
                gconstpointer b)
{
  const YsWorkflowRecord *x = a, *y = b;

  if (x->updated_at != y->updated_at)
    return x->updated_at < y->updated_at ? -1 : 1;
  return strcmp (x->id, y->id);
}

/* A workflow outside the first three of a set, in this fixed order, is
 * outside the first three of any larger set too: so the same workflows end
 * archived wherever the records meet, and since "archived":true sorts after
 * "archived":false, the tie rule carries the archived copy everywhere. */
static gboolean
limit_active (Merge   *merge,
              GError **error)
{
  g_autoptr(YsStoreRecords) list = NULL;
  g_autoptr(GArray) active = g_array_new (FALSE, FALSE, sizeof (YsWorkflowRecord));
  g_autoptr(GStringChunk) strings = g_string_chunk_new (1024);
  gconstpointer record = NULL;

  list = ys_store_list_records (merge->store, YS_RECORD_WORKFLOW, FALSE, error);
  if (list == NULL)
    return FALSE;
  for (;;)
    {
      YsWorkflowRecord w;

      if (!ys_store_records_next (list, &record, error))
        return FALSE;
      if (record == NULL)
        break;
      w = *(const YsWorkflowRecord *) record;
      if (w.archived)
        continue;
      w.id = g_string_chunk_insert (strings, w.id);
      w.name = g_string_chunk_insert (strings, w.name);
      w.description = g_string_chunk_insert (strings, w.description);
      g_array_append_val (active, w);
    }
  g_clear_pointer (&list, ys_store_records_free);

  if (active->len <= YS_LIMITS_MAX_ACTIVE_WORKFLOWS)
    return TRUE;

  g_array_sort (active, compare_by_age);
  for (guint i = YS_LIMITS_MAX_ACTIVE_WORKFLOWS; i < active->len; i++)
    {
      YsWorkflowRecord *w = &g_array_index (active, YsWorkflowRecord, i);

      w->archived = TRUE;
      if (!ys_store_put_record (merge->store, YS_RECORD_WORKFLOW, w, error))
        return FALSE;
      merge->result->archived_on_import++;
    }
  return TRUE;
}

/* The merge ------------------------------------------------------------------ */

/* One bundle's records, in an open write transaction. */
static gboolean
apply_all (Merge   *merge,
           GError **error)
{
  YsImportResult *result = merge->result;

  return apply (merge, YS_RECORD_WORKFLOW, &result->workflows, error) &&
         limit_active (merge, error) &&
         apply (merge, YS_RECORD_TOOL, &result->tools, error) &&
         apply (merge, YS_RECORD_RUN, &result->runs, error) &&
         apply (merge, YS_RECORD_FEEDBACK, &result->feedback, error) &&
         apply (merge, YS_RECORD_REVIEW, &result->reviews, error);
}

gboolean
ys_merge_bundles_in_transaction (YsStore          *store,
                                 YsBundle * const *bundles,
                                 guint             n_bundles,
                                 YsImportResult   *results,
                                 GError          **refusals,
                                 GError          **error)
{
  g_autoptr(GPtrArray) rebuild = NULL;
  YsDatabase *db;
  Merge *merges;
  gboolean ok = TRUE;
  guint n_runs = 0;

  g_return_val_if_fail (YS_IS_STORE (store), FALSE);
  g_return_val_if_fail (bundles != NULL || n_bundles == 0, FALSE);
  g_return_val_if_fail (n_bundles == 0 || (results != NULL && refusals != NULL), FALSE);

  db = ys_store_get_database (store);
  g_return_val_if_fail (ys_database_in_transaction (db), FALSE);

  merges = g_new (Merge, n_bundles);
  for (guint i = 0; i < n_bundles; i++)
    {
      merge_init (&merges[i], store, bundles[i], &results[i]);
      n_runs += bundles[i]->runs->len;
    }

  /* References are checked before a bundle's first write, each against
   * what the bundles before it brought, so a refused one has written
   * nothing: no savepoint is needed to undo it. */
  ok = ys_schema_bulk_begin (db, n_runs, &rebuild, error);
  for (guint i = 0; ok && i < n_bundles; i++)
    {
      if (!check_references (&merges[i], &refusals[i]))
        memset (&results[i], 0, sizeof results[i]);
      else
        ok = apply_all (&merges[i], error);
    }
  ok = ok && ys_schema_bulk_end (db, rebuild, error);

  for (guint i = 0; i < n_bundles; i++)
    merge_clear (&merges[i]);
  g_free (merges);

  /* Everything merged; the commit comes next (a test may stop here). */
  if (ok)
    ys_step ("merged");
  return ok;
}

gboolean
ys_merge_bundle (YsStore         *store,
                 const YsBundle  *bundle,
                 YsImportResult  *result,
                 GError         **error)
{
  YsImportResult scratch_result;
  GError *refusal = NULL;
  YsDatabase *db;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (store), FALSE);
  g_return_val_if_fail (bundle != NULL, FALSE);

  if (result == NULL)
    result = &scratch_result;
  db = ys_store_get_database (store);
  ys_database_set_bulk (db, TRUE);
  ok = ys_store_begin (store, error);
  if (ok)
    {
      ok = ys_merge_bundles_in_transaction (store, (YsBundle * const *) &bundle, 1, result,
                                            &refusal, error);
      if (ok && refusal != NULL)
        {
          g_propagate_error (error, refusal);
          ok = FALSE;
        }
      ok = ys_store_end (store, ok, ok ? error : NULL);
    }
  ys_database_set_bulk (db, FALSE);

  if (!ok)
    memset (result, 0, sizeof *result);
  return ok;
}
