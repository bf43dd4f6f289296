/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-error.h"
#include "ys-run-list.h"
#include "ys-store-private.h"
#include "ys-timestamp.h"
#include "ys-validate.h"

/*
 * Runs: logging, editing and deleting them, their outcome (used or not)
 * arriving later, the counts the window shows, and their rows as merges
 * put them. Lists of runs are YsRunList models (ys-run-list.c).
 */

/* The Monday of the ISO week of the local date bound as :day. */
#define WEEK_OF_DAY "date (:day, 'weekday 0', '-6 days')"

YsRun *
ys_store_run_from_row (sqlite3_stmt *stmt)
{
  YsRunFields fields = { 0 };
  const char *tool_id = (const char *) sqlite3_column_text (stmt, 3);

  fields.workflow_id = (char *) ys_database_column_text (stmt, 1);
  fields.mode = sqlite3_column_int (stmt, 2) ? YS_MODE_WITH_AI : YS_MODE_WITHOUT_AI;
  fields.tool_id = (char *) tool_id;
  fields.started_at = sqlite3_column_int64 (stmt, 4);
  fields.duration_seconds = sqlite3_column_int64 (stmt, 5);
  fields.corrections = sqlite3_column_int64 (stmt, 6);
  if (sqlite3_column_type (stmt, 7) == SQLITE_NULL)
    fields.used = YS_USED_UNKNOWN;
  else
    fields.used = sqlite3_column_int (stmt, 7) ? YS_USED_YES : YS_USED_NO;
  fields.note = (char *) ys_database_column_text (stmt, 8);
  fields.assignment = sqlite3_column_int (stmt, 10);

  return ys_run_new (ys_database_column_text (stmt, 0), &fields,
                     (const char *) sqlite3_column_text (stmt, 9));
}

GListModel *
ys_store_list_runs (YsStore    *self,
                    const char *workflow_id)
{
  g_return_val_if_fail (YS_IS_STORE (self), NULL);
  g_return_val_if_fail (workflow_id != NULL, NULL);

  return G_LIST_MODEL (ys_run_list_new (self, workflow_id, YS_RUN_FILTER_ALL));
}

YsRun *
ys_store_get_run (YsStore     *self,
                  const char  *id,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  YsRun *run = NULL;
  int rc;

  g_return_val_if_fail (YS_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = ys_store_prepare (self,
    "SELECT " YS_STORE_RUN_COLUMNS " FROM runs r"
    " JOIN workflows w ON w.key = r.workflow AND w.deleted = 0"
    " LEFT JOIN tools t ON t.key = r.tool"
    " WHERE r.id = :id AND r.deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  ys_database_bind_text (stmt, ":id", id);
  rc = ys_database_step (self->database, stmt, error);
  if (rc == SQLITE_ROW)
    run = ys_store_run_from_row (stmt);
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    sqlite3_reset (stmt);

  return run;
}

guint
ys_store_count_runs (YsStore     *self,
                     const char  *workflow_id,
                     YsMode       mode,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 count = 0;

  g_return_val_if_fail (YS_IS_STORE (self), 0);

  /* The per-day totals hold the same count without walking the runs. */
  stmt = ys_store_prepare (self,
    "SELECT coalesce (sum (runs), 0) FROM daily"
    " WHERE workflow = " YS_STORE_WORKFLOW_KEY (":workflow") " AND mode = :mode",
    error);
  if (stmt == NULL)
    return 0;
  ys_database_bind_text (stmt, ":workflow", workflow_id);
  ys_database_bind_int64 (stmt, ":mode", mode);
  ys_database_query_int64 (self->database, stmt, &count, error);

  return (guint) count;
}

/* The tool of the newest run with AI, to preselect it for the next run. */
char *
ys_store_get_last_tool_id (YsStore     *self,
                           const char  *workflow_id,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  char *id = NULL;
  int rc;

  g_return_val_if_fail (YS_IS_STORE (self), NULL);

  stmt = ys_store_prepare (self,
    "SELECT t.id FROM runs r JOIN tools t ON t.key = r.tool AND t.deleted = 0"
    " WHERE r.workflow = " YS_STORE_WORKFLOW_KEY (":workflow") " AND r.deleted = 0"
    " AND r.mode = 1 ORDER BY r.started_at DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  ys_database_bind_text (stmt, ":workflow", workflow_id);
  rc = ys_database_step (self->database, stmt, error);
  if (rc == SQLITE_ROW)
    id = g_strdup (ys_database_column_text (stmt, 0));
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    sqlite3_reset (stmt);

  return id;
}

static gboolean
check_run_references (YsStore            *self,
                      const YsRunFields  *fields,
                      gboolean            new_run,
                      GError            **error)
{
  g_autofree char *name = NULL;
  gboolean archived = FALSE;

  if (!ys_store_lookup_workflow (self, fields->workflow_id, &name, &archived, NULL, error))
    return FALSE;

  if (new_run && archived)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID,
                   _("“%s” is archived. Bring it back to log new runs."), name);
      return FALSE;
    }

  /* An old run may keep a tool the team has since removed from its list. */
  if (fields->mode == YS_MODE_WITH_AI &&
      !ys_store_find_record (self, YS_RECORD_TOOL, fields->tool_id, !new_run, error))
    return FALSE;

  return TRUE;
}

/* Run records ---------------------------------------------------------------- */

#define RUN_COLUMNS \
  "r.id, w.id, r.mode, t.id, r.started_at, r.started_offset, r.duration_seconds," \
  " r.corrections, r.used, r.note, r.assignment, r.source, r.updated_at, r.deleted"
#define RUN_FROM \
  " FROM runs r JOIN workflows w ON w.key = r.workflow LEFT JOIN tools t ON t.key = r.tool"

static void
run_from_row (sqlite3_stmt *stmt,
              gpointer      record,
              GStringChunk *strings)
{
  YsRunRecord *r = record;

  r->id = ys_store_column_text (stmt, 0, strings);
  r->workflow = ys_store_column_text (stmt, 1, strings);
  r->mode = sqlite3_column_int (stmt, 2) ? YS_MODE_WITH_AI : YS_MODE_WITHOUT_AI;
  r->tool = ys_store_column_text (stmt, 3, strings);
  r->started_at = sqlite3_column_int64 (stmt, 4);
  r->started_offset = sqlite3_column_int (stmt, 5);
  r->duration_seconds = sqlite3_column_int64 (stmt, 6);
  r->corrections = sqlite3_column_int64 (stmt, 7);
  if (sqlite3_column_type (stmt, 8) == SQLITE_NULL)
    r->used = YS_USED_UNKNOWN;
  else
    r->used = sqlite3_column_int (stmt, 8) ? YS_USED_YES : YS_USED_NO;
  r->note = ys_store_column_text (stmt, 9, strings);
  r->assignment = sqlite3_column_int (stmt, 10);
  r->source = ys_store_column_text (stmt, 11, strings);
  r->updated_at = sqlite3_column_int64 (stmt, 12);
  r->deleted = sqlite3_column_int (stmt, 13) != 0;
}

/* What a run's day and week come from: the calendar date of its start in
 * the offset it was written with, the same on every computer. */
static void
bind_start (sqlite3_stmt *stmt,
            gint64        started_at,
            int           started_offset)
{
  char day[11];

  ys_timestamp_day (started_at, started_offset, day);
  ys_database_bind_int64 (stmt, ":started_at", started_at);
  ys_database_bind_int64 (stmt, ":offset", started_offset);
  ys_database_bind_text (stmt, ":day", day);
}

static void
bind_used (sqlite3_stmt *stmt,
           YsUsed        used)
{
  if (used == YS_USED_UNKNOWN)
    ys_database_bind_null (stmt, ":used");
  else
    ys_database_bind_int64 (stmt, ":used", used == YS_USED_YES);
}

static gboolean
put_run (YsStore        *self,
         gconstpointer   record,
         GError        **error)
{
  const YsRunRecord *r = record;
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "INSERT INTO runs (id, workflow, mode, tool, started_at, started_offset, started_on,"
    " started_week, duration_seconds, corrections, used, note, assignment, source, updated_at,"
    " deleted)"
    " VALUES (:id, " YS_STORE_WORKFLOW_KEY (":workflow") ", :mode, " YS_STORE_TOOL_KEY (":tool") ","
    "  :started_at, :offset, :day, " WEEK_OF_DAY ", :duration, :corrections, :used, :note,"
    "  :assignment, :source, :updated_at, :deleted)"
    " ON CONFLICT (id) DO UPDATE SET workflow = excluded.workflow, mode = :mode,"
    " tool = excluded.tool,"
    " started_at = :started_at, started_offset = :offset, started_on = :day,"
    " started_week = " WEEK_OF_DAY ", duration_seconds = :duration, corrections = :corrections,"
    " used = :used, note = :note, assignment = :assignment, source = :source,"
    " updated_at = :updated_at, deleted = :deleted", error);

  if (stmt == NULL)
    return FALSE;
  ys_database_bind_text (stmt, ":id", r->id);
  ys_database_bind_text (stmt, ":workflow", r->workflow);
  ys_database_bind_int64 (stmt, ":mode", r->mode);
  ys_database_bind_text (stmt, ":tool", r->mode == YS_MODE_WITH_AI ? r->tool : NULL);
  bind_start (stmt, r->started_at, r->started_offset);
  ys_database_bind_int64 (stmt, ":duration", r->duration_seconds);
  ys_database_bind_int64 (stmt, ":corrections", r->corrections);
  bind_used (stmt, r->used);
  ys_database_bind_text (stmt, ":note", r->note ? r->note : "");
  ys_database_bind_int64 (stmt, ":assignment", r->assignment);
  ys_database_bind_text (stmt, ":source", r->source);
  ys_database_bind_int64 (stmt, ":updated_at", r->updated_at);
  ys_database_bind_int64 (stmt, ":deleted", r->deleted ? 1 : 0);
  self->pending_changes |= YS_STORE_CHANGE_RUNS;
  return ys_database_run (self->database, stmt, error);
}

/* Bundles list runs oldest first. */
const YsStoreRecordClass ys_store_run_records = {
  "SELECT " RUN_COLUMNS RUN_FROM " WHERE r.id = :id",
  "SELECT " RUN_COLUMNS RUN_FROM " WHERE r.deleted = 0 OR :tombstones"
  " ORDER BY r.started_at, r.id",
  run_from_row,
  put_run,
};

YsRun *
ys_store_add_run (YsStore            *self,
                  const YsRunFields  *fields,
                  GError            **error)
{
  g_autofree char *id = NULL;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  if (!ys_run_fields_validate (fields, error))
    return NULL;

  if (!ys_store_begin (self, error))
    return NULL;

  ok = check_run_references (self, fields, TRUE, error);
  if (ok)
    {
      /* A run logged here is written with this computer's offset. */
      YsRunRecord record = {
        .workflow = fields->workflow_id,
        .mode = fields->mode,
        .tool = fields->mode == YS_MODE_WITH_AI ? fields->tool_id : NULL,
        .started_at = fields->started_at,
        .started_offset = ys_timestamp_zone_offset (self->local_zone, fields->started_at),
        .duration_seconds = fields->duration_seconds,
        .corrections = fields->corrections,
        .used = fields->used,
        .note = fields->note ? fields->note : "",
        .assignment = fields->assignment,
        .updated_at = ys_store_now (self),
      };

      record.id = id = ys_uuid_new ();
      ok = put_run (self, &record, error);
    }

  if (!ys_store_end (self, ok, error))
    return NULL;

  return ys_store_get_run (self, id, error);
}

gboolean
ys_store_update_run (YsStore            *self,
                     const char         *id,
                     const YsRunFields  *fields,
                     GError            **error)
{
  g_autoptr(GStringChunk) strings = g_string_chunk_new (256);
  YsRunRecord stored = { 0 };
  gboolean found = FALSE;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  if (!ys_run_fields_validate (fields, error))
    return FALSE;

  if (!ys_store_begin (self, error))
    return FALSE;

  ok = ys_store_find_record (self, YS_RECORD_RUN, id, FALSE, error) &&
       ys_store_get_record (self, YS_RECORD_RUN, id, &stored, strings, &found, error) &&
       check_run_references (self, fields, FALSE, error) &&
       (stmt = ys_store_prepare (self,
          "UPDATE runs SET workflow = " YS_STORE_WORKFLOW_KEY (":workflow") ", mode = :mode,"
          " tool = " YS_STORE_TOOL_KEY (":tool") ","
          " started_at = :started_at, started_offset = :offset, started_on = :day,"
          " started_week = " WEEK_OF_DAY ", duration_seconds = :duration,"
          " corrections = :corrections, used = :used, note = :note,"
          " assignment = CASE WHEN assignment IN (1, 2) AND mode != :mode"
          "   THEN 3 - assignment ELSE assignment END,"
          " updated_at = " YS_STORE_NEXT_UPDATED_AT " WHERE id = :id",
          error)) != NULL;
  if (ok)
    {
      /* A start moved here is written with this computer's offset; an
       * unchanged one keeps the offset of wherever it was logged. The
       * source never changes. A drawn run's mode corrected by hand says
       * it was done the other way than drawn (and an overridden one set
       * to the other mode, that it was done the drawn way after all):
       * FORMAT.md's mode is what was actually done, and its assignment
       * says whether that was the draw. */
      int offset = stored.started_at == fields->started_at
        ? stored.started_offset
        : ys_timestamp_zone_offset (self->local_zone, fields->started_at);

      ys_database_bind_text (stmt, ":id", id);
      ys_database_bind_text (stmt, ":workflow", fields->workflow_id);
      ys_database_bind_int64 (stmt, ":mode", fields->mode);
      ys_database_bind_text (stmt, ":tool",
                             fields->mode == YS_MODE_WITH_AI ? fields->tool_id : NULL);
      bind_start (stmt, fields->started_at, offset);
      ys_database_bind_int64 (stmt, ":duration", fields->duration_seconds);
      ys_database_bind_int64 (stmt, ":corrections", fields->corrections);
      bind_used (stmt, fields->used);
      ys_database_bind_text (stmt, ":note", fields->note ? fields->note : "");
      ys_database_bind_int64 (stmt, ":now", ys_store_now (self));
      ok = ys_database_run (self->database, stmt, error);
      self->pending_changes |= YS_STORE_CHANGE_RUNS;
    }

  return ys_store_end (self, ok, error);
}

char *
ys_store_save_run (YsStore            *self,
                   const char         *run_id,
                   const YsRunFields  *fields,
                   const char         *new_tool_name,
                   int                 saves_time,
                   GError            **error)
{
  g_autofree char *saved_id = NULL;
  YsRunFields local;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  if (!ys_store_begin (self, error))
    return NULL;

  ys_run_fields_copy (&local, fields);
  /* A run logged after the fact was chosen; an edit keeps its assignment. */
  local.assignment = YS_ASSIGNMENT_CHOSEN;
  ok = TRUE;

  /* A tool typed in with the run is added with it, or not at all. */
  if (new_tool_name != NULL)
    {
      g_autoptr(YsTool) tool = ys_store_add_tool (self, new_tool_name, error);

      ok = tool != NULL;
      if (ok)
        {
          g_free (local.tool_id);
          local.tool_id = g_strdup (ys_tool_get_id (tool));
        }
    }

  if (ok && run_id != NULL)
    {
      ok = ys_store_update_run (self, run_id, &local, error);
      saved_id = g_strdup (run_id);
    }
  else if (ok)
    {
      g_autoptr(YsRun) run = ys_store_add_run (self, &local, error);

      ok = run != NULL;
      if (ok)
        saved_id = g_strdup (ys_run_get_id (run));
    }

  /* The answer is saved with the run; skipping is always fine. */
  if (ok && saves_time >= 0 && local.mode == YS_MODE_WITH_AI)
    ok = ys_store_answer_feedback (self, local.workflow_id, local.tool_id, saves_time, error);

  ys_run_fields_clear (&local);
  if (!ys_store_end (self, ok, error))
    return NULL;
  return g_steal_pointer (&saved_id);
}

gboolean
ys_store_delete_run (YsStore     *self,
                     const char  *id,
                     GError     **error)
{
  return ys_store_set_deleted (self, YS_RECORD_RUN, id, TRUE, error);
}

gboolean
ys_store_restore_run (YsStore     *self,
                      const char  *id,
                      GError     **error)
{
  return ys_store_set_deleted (self, YS_RECORD_RUN, id, FALSE, error);
}

/* Outcomes that arrive later --------------------------------------------------- */

gboolean
ys_store_set_run_used (YsStore     *self,
                       const char  *id,
                       YsUsed       used,
                       GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!ys_store_begin (self, error))
    return FALSE;

  ok = ys_store_find_record (self, YS_RECORD_RUN, id, FALSE, error) &&
       (stmt = ys_store_prepare (self,
          "UPDATE runs SET used = :used, updated_at = " YS_STORE_NEXT_UPDATED_AT
          " WHERE id = :id", error)) != NULL;
  if (ok)
    {
      ys_database_bind_text (stmt, ":id", id);
      bind_used (stmt, used);
      ys_database_bind_int64 (stmt, ":now", ys_store_now (self));
      ok = ys_database_run (self->database, stmt, error);
      self->pending_changes |= YS_STORE_CHANGE_RUNS;
    }

  return ys_store_end (self, ok, error);
}

GListModel *
ys_store_list_awaiting_outcome (YsStore *self)
{
  g_return_val_if_fail (YS_IS_STORE (self), NULL);
  return G_LIST_MODEL (ys_run_list_new (self, NULL, YS_RUN_FILTER_AWAITING_OUTCOME));
}

guint
ys_store_count_awaiting_outcome (YsStore  *self,
                                 GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 n = 0;

  g_return_val_if_fail (YS_IS_STORE (self), 0);

  /* From the per-day totals: counting the runs themselves read every run,
   * seconds at a million. */
  stmt = ys_store_prepare (self,
    "SELECT coalesce (sum (d.runs - d.used_yes - d.used_no), 0)" YS_STORE_TRACKER_AWAITING
    " FROM daily d JOIN workflows w ON w.key = d.workflow AND w.deleted = 0", error);
  if (stmt != NULL)
    ys_database_query_int64 (self->database, stmt, &n, error);
  return (guint) n;
}
