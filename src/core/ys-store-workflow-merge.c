/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-error.h"
#include "ys-store-private.h"

/*
 * Merging one workflow into another ("Merge into…"): when a colleague's
 * bundle brings a workflow that is the same task as one already here, its
 * runs and answers move to the one kept, and the other goes. Each moved
 * record gets a new updated_at and the other workflow a tombstone, so the
 * merge is an edit like any other and travels in bundles and the team
 * folder by FORMAT.md's merge rule. Which records moved is kept in a
 * temporary table of this connection, so that Undo can move exactly those
 * back while the window is open.
 */

static gboolean
ensure_tables (YsStore  *self,
               GError  **error)
{
  return ys_database_exec (self->database,
    "CREATE TEMP TABLE IF NOT EXISTS workflow_merges ("
    "  undo_id TEXT PRIMARY KEY NOT NULL,"
    "  source_id TEXT NOT NULL,"
    "  target_id TEXT NOT NULL);"
    "CREATE TEMP TABLE IF NOT EXISTS workflow_merge_moves ("
    "  undo_id TEXT NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  id TEXT NOT NULL)", error);
}

static gboolean
run_statement (YsStore     *self,
               const char  *sql,
               const char  *undo_id,
               const char  *source_id,
               const char  *target_id,
               guint       *changes,
               GError     **error)
{
  sqlite3_stmt *stmt = ys_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_index (stmt, ":undo") > 0)
    ys_database_bind_text (stmt, ":undo", undo_id);
  if (sqlite3_bind_parameter_index (stmt, ":source") > 0)
    ys_database_bind_text (stmt, ":source", source_id);
  if (sqlite3_bind_parameter_index (stmt, ":target") > 0)
    ys_database_bind_text (stmt, ":target", target_id);
  if (sqlite3_bind_parameter_index (stmt, ":now") > 0)
    ys_database_bind_int64 (stmt, ":now", ys_store_now (self));
  if (!ys_database_run (self->database, stmt, error))
    return FALSE;
  if (changes != NULL)
    *changes = (guint) sqlite3_changes (ys_database_get_handle (self->database));
  return TRUE;
}

void
ys_workflow_merge_clear (YsWorkflowMerge *merge)
{
  g_clear_pointer (&merge->undo_id, g_free);
  merge->runs = merge->feedback = 0;
}

gboolean
ys_store_merge_workflows (YsStore          *self,
                          const char       *source_id,
                          const char       *target_id,
                          YsWorkflowMerge  *merge,
                          GError          **error)
{
  g_autofree char *source_name = NULL;
  g_autofree char *undo_id = NULL;
  g_autoptr(YsTimer) timer = NULL;
  guint runs = 0, feedback = 0;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (source_id != NULL && target_id != NULL, FALSE);

  if (g_strcmp0 (source_id, target_id) == 0)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID,
                   _("A workflow cannot be merged into itself."));
      return FALSE;
    }

  /* A timer belongs to its workflow and is never in a bundle: it is
   * finished or discarded first, so that no run is left half-moved. */
  timer = ys_store_get_timer (self, source_id);
  if (timer != NULL)
    {
      g_autoptr(YsWorkflow) workflow = ys_store_get_workflow (self, source_id);

      g_set_error (error, YS_ERROR, YS_ERROR_INVALID,
                   _("A timer is running on “%s”: finish or discard it before merging."),
                   workflow ? ys_workflow_get_name (workflow) : source_id);
      return FALSE;
    }

  if (!ys_store_begin (self, error))
    return FALSE;

  undo_id = g_uuid_string_random ();
  ok = ys_store_lookup_workflow (self, source_id, &source_name, NULL, NULL, error) &&
       ys_store_lookup_workflow (self, target_id, NULL, NULL, NULL, error) &&
       ensure_tables (self, error) &&
       run_statement (self,
         "INSERT INTO workflow_merges VALUES (:undo, :source, :target)",
         undo_id, source_id, target_id, NULL, error) &&
       run_statement (self,
         "INSERT INTO workflow_merge_moves SELECT :undo, 'run', id FROM runs"
         " WHERE workflow = " YS_STORE_WORKFLOW_KEY (":source") " AND deleted = 0",
         undo_id, source_id, target_id, NULL, error) &&
       run_statement (self,
         "UPDATE runs SET workflow = " YS_STORE_WORKFLOW_KEY (":target") ","
         " updated_at = " YS_STORE_NEXT_UPDATED_AT
         " WHERE workflow = " YS_STORE_WORKFLOW_KEY (":source") " AND deleted = 0",
         undo_id, source_id, target_id, &runs, error) &&
       run_statement (self,
         "INSERT INTO workflow_merge_moves SELECT :undo, 'feedback', id FROM feedback"
         " WHERE workflow_id = :source AND deleted = 0",
         undo_id, source_id, target_id, NULL, error) &&
       run_statement (self,
         "UPDATE feedback SET workflow_id = :target, updated_at = " YS_STORE_NEXT_UPDATED_AT
         " WHERE workflow_id = :source AND deleted = 0",
         undo_id, source_id, target_id, &feedback, error) &&
       ys_store_delete_workflow (self, source_id, error);

  if (ok)
    self->pending_changes |= YS_STORE_CHANGE_WORKFLOWS | YS_STORE_CHANGE_RUNS |
                             YS_STORE_CHANGE_FEEDBACK;
  if (!ys_store_end (self, ok, error))
    return FALSE;

  if (merge != NULL)
    {
      merge->undo_id = g_steal_pointer (&undo_id);
      merge->runs = runs;
      merge->feedback = feedback;
    }
  return TRUE;
}

gboolean
ys_store_unmerge_workflows (YsStore     *self,
                            const char  *undo_id,
                            gboolean    *archived_instead,
                            GError     **error)
{
  g_autofree char *source_id = NULL;
  g_autofree char *target_id = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (undo_id != NULL, FALSE);

  if (!ys_store_begin (self, error))
    return FALSE;

  ok = ensure_tables (self, error) &&
       (stmt = ys_store_prepare (self,
          "SELECT source_id, target_id FROM workflow_merges WHERE undo_id = :undo",
          error)) != NULL;
  if (ok)
    {
      ys_database_bind_text (stmt, ":undo", undo_id);
      rc = ys_database_step (self->database, stmt, error);
      if (rc == SQLITE_ROW)
        {
          source_id = g_strdup (ys_database_column_text (stmt, 0));
          target_id = g_strdup (ys_database_column_text (stmt, 1));
        }
      if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        sqlite3_reset (stmt);
      ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
      if (ok && source_id == NULL)
        {
          g_set_error (error, YS_ERROR, YS_ERROR_NOT_FOUND,
                       _("That merge can no longer be taken back."));
          ok = FALSE;
        }
    }

  /* Back go the records that moved and are still where they went; the
   * workflow returns as it was, or archived if three are active now. */
  ok = ok &&
       ys_store_restore_workflow (self, source_id, archived_instead, error) &&
       run_statement (self,
         "UPDATE runs SET workflow = " YS_STORE_WORKFLOW_KEY (":source") ","
         " updated_at = " YS_STORE_NEXT_UPDATED_AT
         " WHERE workflow = " YS_STORE_WORKFLOW_KEY (":target") " AND id IN"
         " (SELECT id FROM workflow_merge_moves WHERE undo_id = :undo AND kind = 'run')",
         undo_id, source_id, target_id, NULL, error) &&
       run_statement (self,
         "UPDATE feedback SET workflow_id = :source, updated_at = " YS_STORE_NEXT_UPDATED_AT
         " WHERE workflow_id = :target AND id IN"
         " (SELECT id FROM workflow_merge_moves WHERE undo_id = :undo AND kind = 'feedback')",
         undo_id, source_id, target_id, NULL, error) &&
       run_statement (self, "DELETE FROM workflow_merge_moves WHERE undo_id = :undo",
                      undo_id, source_id, target_id, NULL, error) &&
       run_statement (self, "DELETE FROM workflow_merges WHERE undo_id = :undo",
                      undo_id, source_id, target_id, NULL, error);

  if (ok)
    self->pending_changes |= YS_STORE_CHANGE_WORKFLOWS | YS_STORE_CHANGE_RUNS |
                             YS_STORE_CHANGE_FEEDBACK;
  return ys_store_end (self, ok, error);
}
