/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ys-error.h"
#include "ys-schema.h"
#include "ys-store-private.h"
#include "ys-timestamp.h"
#include "ys-tracker-import.h"
#include "ys-validate.h"

#define SOURCE_TRACKER "tracker"

void
ys_tracker_import_clear (YsTrackerImport *result)
{
  g_clear_pointer (&result->workflow_id, g_free);
  g_clear_pointer (&result->workflow_name, g_free);
  g_clear_pointer (&result->tool_id, g_free);
  g_clear_pointer (&result->tool_name, g_free);
  g_clear_pointer (&result->written, g_ptr_array_unref);
  memset (result, 0, sizeof *result);
}

YsTrackerImport *
ys_tracker_import_dup (const YsTrackerImport *result)
{
  YsTrackerImport *copy;

  g_return_val_if_fail (result != NULL, NULL);

  copy = g_new (YsTrackerImport, 1);
  *copy = *result;
  copy->workflow_id = g_strdup (result->workflow_id);
  copy->workflow_name = g_strdup (result->workflow_name);
  copy->tool_id = g_strdup (result->tool_id);
  copy->tool_name = g_strdup (result->tool_name);
  copy->written = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; result->written != NULL && i < result->written->len; i++)
    g_ptr_array_add (copy->written, g_strdup (g_ptr_array_index (result->written, i)));
  return copy;
}

void
ys_tracker_import_free (YsTrackerImport *result)
{
  if (result == NULL)
    return;
  ys_tracker_import_clear (result);
  g_free (result);
}

static gboolean
resolve_workflow (YsStore                       *store,
                  const YsTrackerImportOptions  *options,
                  YsTrackerImport               *result,
                  GError                       **error)
{
  g_autofree char *clean_name = NULL;
  g_autofree char *id = NULL;
  gboolean archived = FALSE;
  guint active;
  YsWorkflowRecord record = { 0 };
  GError *local = NULL;

  if (options->workflow_id != NULL)
    {
      if (!ys_store_lookup_workflow (store, options->workflow_id, &result->workflow_name,
                                     &archived, NULL, error))
        return FALSE;
      result->workflow_id = g_strdup (options->workflow_id);
      result->workflow_archived = archived;
      return TRUE;
    }

  clean_name = ys_validate_name (options->workflow_name, YS_NAME_WORKFLOW, error);
  if (clean_name == NULL)
    return FALSE;

  id = ys_store_find_by_name (store, YS_RECORD_WORKFLOW, clean_name, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (id != NULL)
    {
      if (!ys_store_lookup_workflow (store, id, &result->workflow_name, &archived, NULL, error))
        return FALSE;
      result->workflow_id = g_steal_pointer (&id);
      result->workflow_archived = archived;
      return TRUE;
    }

  /* As a bundle would bring it: archived rather than a fourth active one. */
  active = ys_store_count_active_workflows (store, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  record.id = id = ys_uuid_new ();
  record.name = clean_name;
  record.description = "";
  record.people = YS_LIMITS_MIN_PEOPLE;
  record.archived = active >= YS_LIMITS_MAX_ACTIVE_WORKFLOWS;
  record.updated_at = ys_store_now (store);
  if (!ys_store_put_record (store, YS_RECORD_WORKFLOW, &record, error))
    return FALSE;

  result->workflow_id = g_steal_pointer (&id);
  result->workflow_name = g_steal_pointer (&clean_name);
  result->workflow_created = TRUE;
  result->workflow_archived = record.archived;
  return TRUE;
}

static gboolean
resolve_tool (YsStore                       *store,
              const YsTrackerImportOptions  *options,
              YsTrackerImport               *result,
              GError                       **error)
{
  g_autoptr(GStringChunk) strings = g_string_chunk_new (256);
  g_autofree char *clean_name = NULL;
  g_autofree char *id = NULL;
  YsToolRecord record = { 0 };
  GError *local = NULL;
  gboolean found = FALSE;

  if (options->mode == YS_MODE_WITHOUT_AI)
    {
      if (options->tool_id != NULL || options->tool_name != NULL)
        {
          g_set_error_literal (error, YS_ERROR, YS_ERROR_INVALID,
                               _("Runs without AI name no tool."));
          return FALSE;
        }
      return TRUE;
    }

  if (options->tool_id != NULL)
    {
      if (!ys_store_get_record (store, YS_RECORD_TOOL, options->tool_id, &record, strings,
                                &found, error))
        return FALSE;
      if (!found || record.deleted)
        {
          g_set_error_literal (error, YS_ERROR, YS_ERROR_NOT_FOUND,
                               _("That tool no longer exists."));
          return FALSE;
        }
      result->tool_id = g_strdup (record.id);
      result->tool_name = g_strdup (record.name);
      return TRUE;
    }

  if (options->tool_name == NULL)
    {
      g_set_error_literal (error, YS_ERROR, YS_ERROR_INVALID,
                           _("Runs with AI need the tool they used."));
      return FALSE;
    }

  clean_name = ys_validate_name (options->tool_name, YS_NAME_TOOL, error);
  if (clean_name == NULL)
    return FALSE;
  id = ys_store_find_by_name (store, YS_RECORD_TOOL, clean_name, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (id != NULL)
    {
      if (!ys_store_get_record (store, YS_RECORD_TOOL, id, &record, strings, &found, error))
        return FALSE;
      g_assert (found);
      result->tool_id = g_steal_pointer (&id);
      result->tool_name = g_strdup (record.name);
      return TRUE;
    }

  record.id = id = ys_uuid_new ();
  record.name = clean_name;
  record.monthly_cost = -1;
  record.updated_at = ys_store_now (store);
  record.deleted = FALSE;
  if (!ys_store_put_record (store, YS_RECORD_TOOL, &record, error))
    return FALSE;

  result->tool_id = g_steal_pointer (&id);
  result->tool_name = g_steal_pointer (&clean_name);
  result->tool_created = TRUE;
  return TRUE;
}

/* Whether runs of @workflow_id show anywhere: a deleted workflow hides them. */
static gboolean
workflow_visible (YsStore     *store,
                  GHashTable  *seen,
                  const char  *workflow_id,
                  gboolean    *visible,
                  GError     **error)
{
  gpointer value;
  gboolean deleted = TRUE;
  g_autoptr(GError) local = NULL;

  if (g_hash_table_lookup_extended (seen, workflow_id, NULL, &value))
    {
      *visible = GPOINTER_TO_INT (value);
      return TRUE;
    }

  if (!ys_store_lookup_workflow (store, workflow_id, NULL, NULL, &deleted, &local))
    {
      if (!g_error_matches (local, YS_ERROR, YS_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      deleted = TRUE;
    }
  *visible = !deleted;
  g_hash_table_insert (seen, g_strdup (workflow_id), GINT_TO_POINTER (*visible));
  return TRUE;
}

static gboolean
write_runs (YsStore                       *store,
            GPtrArray                     *entries,
            const YsTrackerImportOptions  *options,
            YsTrackerImport               *result,
            GError                       **error)
{
  g_autoptr(GStringChunk) scratch = g_string_chunk_new (4096);
  g_autoptr(GHashTable) workflows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 now = ys_store_now (store);

  for (guint i = 0; i < entries->len; i++)
    {
      const YsTrackerEntry *entry = g_ptr_array_index (entries, i);
      gint64 started_at = g_date_time_to_unix (entry->started_at);
      YsRunRecord stored = { 0 };
      YsRunRecord run = {
        .id = entry->id,
        .workflow = result->workflow_id,
        .mode = options->mode,
        .tool = result->tool_id,
        .started_at = started_at,
        .started_offset = ys_timestamp_zone_offset (g_date_time_get_timezone (entry->started_at),
                                                    started_at),
        .duration_seconds = entry->duration_seconds,
        .corrections = 0,
        .used = YS_USED_UNKNOWN,
        .note = "",
        .assignment = YS_ASSIGNMENT_CHOSEN,
        .source = SOURCE_TRACKER,
        .updated_at = now,
        .deleted = FALSE,
      };
      gboolean found = FALSE;

      if (!ys_store_get_record (store, YS_RECORD_RUN, entry->id, &stored, scratch, &found, error))
        return FALSE;
      if (found && !stored.deleted)
        {
          gboolean visible;

          if (!workflow_visible (store, workflows, stored.workflow, &visible, error))
            return FALSE;
          if (visible)
            {
              result->unchanged++;
              g_string_chunk_clear (scratch);
              continue;
            }
        }

      /* Later than the deletion it undoes, wherever the two meet. */
      if (found)
        run.updated_at = MAX (now, stored.updated_at + 1);
      g_string_chunk_clear (scratch);

      if (!ys_store_put_record (store, YS_RECORD_RUN, &run, error))
        return FALSE;
      if (found)
        result->restored++;
      else
        result->added++;
      g_ptr_array_add (result->written, g_strdup (entry->id));
    }
  return TRUE;
}

static gboolean
import_in_transaction (YsStore                       *store,
                       YsTrackerCsv                  *csv,
                       const YsTrackerImportOptions  *options,
                       gboolean                       bulk,
                       YsTrackerImport               *result,
                       GError                       **error)
{
  g_autoptr(GPtrArray) entries = ys_tracker_csv_filter (csv, options->match);
  g_autoptr(YsTrackerSummary) summary = ys_tracker_csv_summarize (csv, options->match);
  g_autoptr(GPtrArray) rebuild = NULL;
  YsDatabase *db = ys_store_get_database (store);

  result->format = ys_tracker_csv_get_format (csv);
  result->matched = entries->len;
  result->skipped = summary->n_skipped;
  result->repeated = summary->n_repeated;
  result->written = g_ptr_array_new_with_free_func (g_free);

  if (!resolve_workflow (store, options, result, error) ||
      !resolve_tool (store, options, result, error))
    return FALSE;

  if (!bulk)
    return write_runs (store, entries, options, result, error);

  return ys_schema_bulk_begin (db, entries->len, &rebuild, error) &&
         write_runs (store, entries, options, result, error) &&
         ys_schema_bulk_end (db, rebuild, error);
}

static gboolean
check_options (const YsTrackerImportOptions *options)
{
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail ((options->workflow_id != NULL) != (options->workflow_name != NULL), FALSE);
  g_return_val_if_fail (options->tool_id == NULL || options->tool_name == NULL, FALSE);
  return TRUE;
}

gboolean
ys_tracker_import (YsStore                       *store,
                   YsTrackerCsv                  *csv,
                   const YsTrackerImportOptions  *options,
                   YsTrackerImport               *result,
                   GError                       **error)
{
  YsDatabase *db;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (store), FALSE);
  g_return_val_if_fail (csv != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  if (!check_options (options))
    return FALSE;

  memset (result, 0, sizeof *result);
  db = ys_store_get_database (store);
  ys_database_set_bulk (db, TRUE);
  ok = ys_store_begin (store, error);
  if (ok)
    {
      ok = import_in_transaction (store, csv, options, TRUE, result, error);
      ok = ys_store_end (store, ok, ok ? error : NULL);
    }
  ys_database_set_bulk (db, FALSE);

  if (!ok)
    ys_tracker_import_clear (result);
  return ok;
}

gboolean
ys_tracker_import_preview (YsStore                       *store,
                           YsTrackerCsv                  *csv,
                           const YsTrackerImportOptions  *options,
                           YsTrackerImport               *result,
                           YsSummary                    **figures,
                           GError                       **error)
{
  g_autoptr(YsSummary) summary = NULL;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (store), FALSE);
  g_return_val_if_fail (csv != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (figures != NULL && *figures == NULL, FALSE);
  if (!check_options (options))
    return FALSE;

  memset (result, 0, sizeof *result);
  if (!ys_store_begin (store, error))
    return FALSE;

  /* Dropping and rebuilding the indexes only to roll back would be slower
   * than writing the runs one by one. */
  ok = import_in_transaction (store, csv, options, FALSE, result, error);
  /* The figures come from the workflows the store lists, which a
   * workflow made here joins only on commit: a new workflow's figures are
   * those of the imported runs alone, which the preview shows without
   * the summary. */
  if (ok && !result->workflow_created)
    {
      summary = ys_summary_compute_one (store, NULL, NULL, result->workflow_id, error);
      ok = summary != NULL;
    }
  ys_store_end (store, FALSE, NULL);

  if (!ok)
    {
      ys_tracker_import_clear (result);
      return FALSE;
    }
  *figures = g_steal_pointer (&summary);
  return TRUE;
}

gboolean
ys_tracker_import_undo (YsStore                *store,
                        const YsTrackerImport  *result,
                        GError                **error)
{
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (store), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  if (!ys_store_begin (store, error))
    return FALSE;

  ok = TRUE;
  for (guint i = 0; ok && result->written != NULL && i < result->written->len; i++)
    ok = ys_store_set_deleted (store, YS_RECORD_RUN, g_ptr_array_index (result->written, i),
                               TRUE, error);
  if (ok && result->tool_created)
    ok = ys_store_delete_tool (store, result->tool_id, error);
  if (ok && result->workflow_created)
    ok = ys_store_delete_workflow (store, result->workflow_id, error);

  return ys_store_end (store, ok, ok ? error : NULL);
}

char *
ys_tracker_import_describe (const YsTrackerImport *result,
                            const char            *display_name)
{
  GString *line = g_string_new (NULL);

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  g_string_append_printf (line, "%s: %s: ", display_name,
                          ys_tracker_format_get_name (result->format));
  if (result->tool_name != NULL)
    /* TRANSLATORS: "5 new runs of “Grant report” with Claude" */
    g_string_append_printf (line, ngettext ("%u new run of “%s” with %s",
                                            "%u new runs of “%s” with %s", result->added),
                            result->added, result->workflow_name, result->tool_name);
  else
    g_string_append_printf (line, ngettext ("%u new run of “%s” without AI",
                                            "%u new runs of “%s” without AI", result->added),
                            result->added, result->workflow_name);
  if (result->restored > 0)
    g_string_append_printf (line, ngettext (", %u deleted before and brought back",
                                            ", %u deleted before and brought back",
                                            result->restored),
                            result->restored);
  g_string_append_printf (line, ngettext (", %u already there", ", %u already there",
                                          result->unchanged),
                          result->unchanged);
  if (result->skipped > 0)
    g_string_append_printf (line, ngettext ("; %u entry skipped (shorter than a second or longer "
                                            "than a week)",
                                            "; %u entries skipped (shorter than a second or "
                                            "longer than a week)", result->skipped),
                            result->skipped);
  if (result->repeated > 0)
    g_string_append_printf (line, ngettext ("; %u entry was in the file twice and counts once",
                                            "; %u entries were in the file twice and count once",
                                            result->repeated),
                            result->repeated);
  if (result->workflow_created && result->workflow_archived)
    g_string_append_printf (line, _("; “%s” is a new workflow, archived because three are "
                                    "active"), result->workflow_name);
  else if (result->workflow_created)
    g_string_append_printf (line, _("; “%s” is a new workflow"), result->workflow_name);
  if (result->tool_created)
    g_string_append_printf (line, _("; “%s” is a new tool"), result->tool_name);
  g_string_append_c (line, '.');
  return g_string_free (line, FALSE);
}

/* "March to October 2026", "March 2026", "November 2025 to February 2026". */
static char *
describe_months (const GDate *first,
                 const GDate *last)
{
  char a[64], b[64];

  if (g_date_get_year (first) == g_date_get_year (last) &&
      g_date_get_month (first) == g_date_get_month (last))
    {
      /* TRANSLATORS: a month and its year, as strftime writes them */
      g_date_strftime (a, sizeof a, _("%B %Y"), first);
      return g_strdup (a);
    }
  if (g_date_get_year (first) == g_date_get_year (last))
    {
      /* TRANSLATORS: a month, as strftime writes it */
      g_date_strftime (a, sizeof a, _("%B"), first);
      g_date_strftime (b, sizeof b, _("%B %Y"), last);
    }
  else
    {
      g_date_strftime (a, sizeof a, _("%B %Y"), first);
      g_date_strftime (b, sizeof b, _("%B %Y"), last);
    }
  /* TRANSLATORS: a span of months, "March to October 2026" */
  return g_strdup_printf (C_("months", "%s to %s"), a, b);
}

char *
ys_tracker_describe_file (YsTrackerCsv *csv)
{
  g_autoptr(YsTrackerSummary) summary = NULL;
  g_autofree char *months = NULL;
  const char *name;

  g_return_val_if_fail (csv != NULL, NULL);

  summary = ys_tracker_csv_summarize (csv, NULL);
  name = ys_tracker_format_get_name (summary->format);
  if (summary->n_entries == 0)
    /* TRANSLATORS: the tracker's name: "Toggl Track, no entries to bring in" */
    return g_strdup_printf (_("%s, no entries to bring in"), name);

  months = describe_months (&summary->first_day, &summary->last_day);
  /* TRANSLATORS: the tracker, the count and the months: "Toggl Track, 412
   * entries, March to October 2026" */
  return g_strdup_printf (ngettext ("%s, %u entry, %s", "%s, %u entries, %s", summary->n_entries),
                          name, summary->n_entries, months);
}

char *
ys_tracker_describe_left_out (YsTrackerCsv *csv)
{
  g_autoptr(YsTrackerSummary) summary = NULL;
  GString *text;

  g_return_val_if_fail (csv != NULL, NULL);

  summary = ys_tracker_csv_summarize (csv, NULL);
  if (summary->n_skipped == 0 && summary->n_repeated == 0)
    return NULL;

  text = g_string_new (NULL);
  if (summary->n_skipped > 0)
    g_string_append_printf (text, ngettext ("%u entry is left out: shorter than a second or "
                                            "longer than a week.",
                                            "%u entries are left out: shorter than a second or "
                                            "longer than a week.", summary->n_skipped),
                            summary->n_skipped);
  if (summary->n_skipped > 0 && summary->n_repeated > 0)
    g_string_append_c (text, ' ');
  if (summary->n_repeated > 0)
    g_string_append_printf (text, ngettext ("%u entry is in the file twice and counts once.",
                                            "%u entries are in the file twice and count once.",
                                            summary->n_repeated),
                            summary->n_repeated);
  return g_string_free (text, FALSE);
}

char *
ys_tracker_describe_matches (YsTrackerCsv *csv,
                             const char   *match)
{
  g_autoptr(YsTrackerSummary) summary = NULL;

  g_return_val_if_fail (csv != NULL, NULL);

  summary = ys_tracker_csv_summarize (csv, match);
  if (match == NULL || *match == '\0')
    return g_strdup_printf (ngettext ("%u entry", "All %u entries", summary->n_entries),
                            summary->n_entries);
  if (summary->n_entries == 0)
    return g_strdup (_("No entry matches"));
  return g_strdup_printf (ngettext ("%u entry matches", "%u entries match", summary->n_entries),
                          summary->n_entries);
}

char *
ys_tracker_import_toast (const YsTrackerImport *result)
{
  guint brought;

  g_return_val_if_fail (result != NULL, NULL);

  brought = result->added + result->restored;
  if (brought == 0)
    return g_strdup (_("Nothing new: every entry was already there"));
  /* TRANSLATORS: "38 runs brought in from Toggl Track" */
  return g_strdup_printf (ngettext ("%u run brought in from %s", "%u runs brought in from %s",
                                    brought),
                          brought, ys_tracker_format_get_name (result->format));
}

char *
ys_tracker_imported_sentence (guint imported,
                              guint runs)
{
  g_return_val_if_fail (imported <= runs, NULL);

  if (imported == 0)
    return NULL;
  if (imported == runs)
    return g_strdup (ngettext ("This run came from an imported time-tracker history: baseline "
                               "evidence with no corrections recorded, use unknown, and the "
                               "mode chosen rather than drawn.",
                               "All these runs came from an imported time-tracker history: "
                               "baseline evidence with no corrections recorded, use unknown, "
                               "and the mode chosen rather than drawn.", runs));
  /* TRANSLATORS: "12 of these 30 runs came from …"; the plural follows the 30 */
  return g_strdup_printf (ngettext ("%u of these %u run came from an imported time-tracker "
                                    "history: baseline evidence with no corrections recorded, "
                                    "use unknown, and the mode chosen rather than drawn.",
                                    "%u of these %u runs came from an imported time-tracker "
                                    "history: baseline evidence with no corrections recorded, "
                                    "use unknown, and the mode chosen rather than drawn.", runs),
                          imported, runs);
}

gboolean
ys_tracker_count_imported (YsStore      *store,
                           const char   *workflow_id,
                           const GDate  *from,
                           const GDate  *to,
                           guint        *count,
                           GError      **error)
{
  YsDatabase *db;
  sqlite3_stmt *stmt;
  char from_text[11] = "0000-01-01";
  char to_text[11] = "9999-12-31";
  gint64 n = 0;

  g_return_val_if_fail (YS_IS_STORE (store), FALSE);
  g_return_val_if_fail (workflow_id != NULL, FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  *count = 0;
  if (from != NULL)
    ys_format_iso_date (from, from_text);
  if (to != NULL)
    ys_format_iso_date (to, to_text);

  /* The partial index runs_from_tracker holds exactly these rows. */
  db = ys_store_get_database (store);
  stmt = ys_database_prepare (db,
    "SELECT count(*) FROM runs WHERE source = 'tracker' AND deleted = 0"
    " AND workflow = " YS_STORE_WORKFLOW_KEY (":workflow")
    " AND started_on BETWEEN :from AND :to", error);
  if (stmt == NULL)
    return FALSE;
  ys_database_bind_text (stmt, ":workflow", workflow_id);
  ys_database_bind_text (stmt, ":from", from_text);
  ys_database_bind_text (stmt, ":to", to_text);
  if (!ys_database_query_int64 (db, stmt, &n, error))
    return FALSE;
  *count = (guint) n;
  return TRUE;
}
