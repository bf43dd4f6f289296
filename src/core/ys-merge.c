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

typedef struct
{
  YsStore *store;
  YsBundle *bundle;
  YsImportResult *result;
  GStringChunk *scratch;     /* stored records' text while they are compared */
  GStringChunk *names;       /* the ids in known */
  GHashTable *known[YS_N_RECORD_KINDS]; /* ids a reference may name, found so far */
} Merge;

/* Enough for every workflow and tool a real bundle names; past it a
 * reference is looked up again each time rather than remembered. */
#define KNOWN_MAX 65536

/* What every record has: an id, a time of change, a tombstone. */
static void
record_header (YsRecordKind    kind,
               gconstpointer   record,
               const char    **id,
               gint64         *updated_at,
               gboolean       *deleted)
{
  const YsAnyRecord *any = record;

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
  YsAnyRecord stored;
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
  g_autoptr(YsBundleIter) iter = ys_bundle_iter_new (merge->bundle, kind);
  gconstpointer record;

  while (ys_bundle_iter_next (iter, &record, error))
    {
      gboolean write = FALSE;

      if (record == NULL)
        return TRUE;
      if (!decide (merge, kind, record, &write, counts, error) ||
          (write && !ys_store_put_record (merge->store, kind, record, error)))
        return FALSE;
      ys_step ("record");
    }
  return FALSE;
}

/* Leaving out what changes nothing ------------------------------------------ */

static gboolean
drop_known (Merge          *merge,
            YsRecordKind    kind,
            YsMergeCounts  *counts,
            GError        **error)
{
  g_autoptr(YsBundleIter) iter = ys_bundle_iter_new (merge->bundle, kind);
  gconstpointer record;

  while (ys_bundle_iter_next (iter, &record, error))
    {
      YsMergeCounts scratch = { 0 };
      gboolean write = FALSE;

      if (record == NULL)
        return TRUE;
      if (!decide (merge, kind, record, &write, &scratch, error))
        return FALSE;
      if (!write)
        {
          counts->unchanged++;
          if (!ys_bundle_iter_drop (iter, error))
            return FALSE;
        }
    }
  return FALSE;
}

static void
merge_init (Merge          *merge,
            YsStore        *store,
            YsBundle       *bundle,
            YsImportResult *result)
{
  memset (merge, 0, sizeof *merge);
  merge->store = store;
  merge->bundle = bundle;
  merge->result = result;
  memset (merge->result, 0, sizeof *merge->result);
  merge->scratch = g_string_chunk_new (4096);
  merge->names = g_string_chunk_new (4096);
  for (guint k = 0; k < YS_N_RECORD_KINDS; k++)
    merge->known[k] = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
merge_clear (Merge *merge)
{
  g_string_chunk_free (merge->scratch);
  g_string_chunk_free (merge->names);
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

/* @id names a record of @target in the bundle or the database; the
 * message names the place of the reference. */
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
  if (!ys_bundle_contains (merge->bundle, target, id, &exists, error) ||
      (!exists && !ys_store_record_exists (merge->store, target, id, &exists, error)))
    return FALSE;
  if (exists)
    {
      if (g_hash_table_size (merge->known[target]) < KNOWN_MAX)
        g_hash_table_add (merge->known[target], g_string_chunk_insert (merge->names, id));
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
  const YsRecordKind kinds[] = { YS_RECORD_RUN, YS_RECORD_FEEDBACK };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(YsBundleIter) iter = ys_bundle_iter_new (merge->bundle, kinds[i]);
      gconstpointer record;

      for (;;)
        {
          const char *workflow, *tool;
          guint index;

          if (!ys_bundle_iter_next (iter, &record, error))
            return FALSE;
          if (record == NULL)
            break;
          index = ys_bundle_iter_get_index (iter);
          if (kinds[i] == YS_RECORD_RUN)
            {
              workflow = ((const YsRunRecord *) record)->workflow;
              tool = ((const YsRunRecord *) record)->tool;
            }
          else
            {
              workflow = ((const YsFeedbackRecord *) record)->workflow;
              tool = ((const YsFeedbackRecord *) record)->tool;
            }
          if (!check_reference (merge, kinds[i], index, YS_RECORD_WORKFLOW, "workflow",
                                workflow, error) ||
              (tool != NULL &&
               !check_reference (merge, kinds[i], index, YS_RECORD_TOOL, "tool", tool, error)))
            return FALSE;
        }
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
      n_runs += ys_bundle_get_n_records (bundles[i], YS_RECORD_RUN);
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
                 YsBundle        *bundle,
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
