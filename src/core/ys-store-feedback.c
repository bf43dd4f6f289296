/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>

#include "ys-error.h"
#include "ys-store-private.h"
#include "ys-validate.h"

static gboolean put_feedback (YsStore        *self,
                              gconstpointer   record,
                              GError        **error);

/*
 * Feedback: the yes/no answers to "does this tool save time on this
 * workflow?", when to ask again, a workflow's answers as a model, and
 * their rows as merges put them.
 */

char *
ys_store_add_feedback (YsStore     *self,
                       const char  *workflow_id,
                       const char  *tool_id,
                       gboolean     saves_time,
                       const char  *given_on,
                       const char  *comment,
                       GError     **error)
{
  g_autofree char *id = NULL;
  GDate date;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), NULL);
  g_return_val_if_fail (given_on != NULL, NULL);

  if (!ys_parse_iso_date (given_on, &date))
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID,
                   _("“%s” is not a date like 2026-11-22."), given_on);
      return NULL;
    }

  if (!ys_validate_text (comment, error))
    return NULL;

  if (!ys_store_begin (self, error))
    return NULL;

  ok = ys_store_lookup_workflow (self, workflow_id, NULL, NULL, NULL, error) &&
       ys_store_find_record (self, YS_RECORD_TOOL, tool_id, FALSE, error);
  if (ok)
    {
      YsFeedbackRecord record = { NULL, workflow_id, tool_id, saves_time, given_on,
                                  comment ? comment : "", ys_store_now (self), FALSE };

      record.id = id = ys_uuid_new ();
      ok = put_feedback (self, &record, error);
    }

  if (!ys_store_end (self, ok, error))
    return NULL;

  return g_steal_pointer (&id);
}

gboolean
ys_store_answer_feedback (YsStore     *self,
                          const char  *workflow_id,
                          const char  *tool_id,
                          gboolean     saves_time,
                          GError     **error)
{
  g_autofree char *id = NULL;
  GDate today;
  char given_on[11];

  ys_clock_get_today (self->clock, &today);
  ys_format_iso_date (&today, given_on);
  id = ys_store_add_feedback (self, workflow_id, tool_id, saves_time, given_on, "", error);
  return id != NULL;
}

guint
ys_store_count_feedback (YsStore     *self,
                         const char  *workflow_id,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 n = 0;

  g_return_val_if_fail (YS_IS_STORE (self), 0);

  stmt = ys_store_prepare (self,
    "SELECT count(*) FROM feedback WHERE workflow_id = :workflow AND deleted = 0", error);
  if (stmt == NULL)
    return 0;
  ys_database_bind_text (stmt, ":workflow", workflow_id);
  ys_database_query_int64 (self->database, stmt, &n, error);
  return (guint) n;
}

static gboolean
reload_feedback_list (YsStore     *self,
                      GListStore  *list,
                      GError     **error)
{
  const char *workflow_id = g_object_get_data (G_OBJECT (list), "workflow-id");
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "SELECT f.id, f.workflow_id, f.tool_id, t.name, f.saves_time, f.given_on, f.comment"
    " FROM feedback f LEFT JOIN tools t ON t.id = f.tool_id"
    " WHERE f.workflow_id = :workflow AND f.deleted = 0"
    " ORDER BY f.given_on DESC, f.updated_at DESC", error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return FALSE;
  ys_database_bind_text (stmt, ":workflow", workflow_id);
  while ((rc = ys_database_step (self->database, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (items, ys_feedback_new (ys_database_column_text (stmt, 0),
                                             ys_database_column_text (stmt, 1),
                                             ys_database_column_text (stmt, 2),
                                             ys_database_column_text (stmt, 3),
                                             sqlite3_column_int (stmt, 4),
                                             ys_database_column_text (stmt, 5),
                                             ys_database_column_text (stmt, 6)));
  if (rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);

  g_list_store_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                       items->pdata, items->len);
  return TRUE;
}

static void
on_feedback_list_store_changed (YsStore    *self,
                                guint       changes,
                                GListStore *list)
{
  if (changes & (YS_STORE_CHANGE_FEEDBACK | YS_STORE_CHANGE_TOOLS))
    reload_feedback_list (self, list, NULL);
}

GListModel *
ys_store_list_feedback (YsStore    *self,
                        const char *workflow_id)
{
  GListStore *list;

  g_return_val_if_fail (YS_IS_STORE (self), NULL);
  g_return_val_if_fail (workflow_id != NULL, NULL);

  list = g_list_store_new (YS_TYPE_FEEDBACK);
  g_object_set_data_full (G_OBJECT (list), "workflow-id", g_strdup (workflow_id), g_free);
  g_signal_connect_object (self, "changed", G_CALLBACK (on_feedback_list_store_changed), list, 0);
  reload_feedback_list (self, list, NULL);
  return G_LIST_MODEL (list);
}

gboolean
ys_store_update_feedback (YsStore     *self,
                          const char  *id,
                          const char  *tool_id,
                          gboolean     saves_time,
                          const char  *comment,
                          GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!ys_validate_text (comment, error))
    return FALSE;

  if (!ys_store_begin (self, error))
    return FALSE;

  ok = ys_store_find_record (self, YS_RECORD_FEEDBACK, id, FALSE, error) &&
       ys_store_find_record (self, YS_RECORD_TOOL, tool_id, TRUE, error) &&
       (stmt = ys_store_prepare (self,
          "UPDATE feedback SET tool_id = :tool, saves_time = :saves_time, comment = :comment,"
          " updated_at = " YS_STORE_NEXT_UPDATED_AT " WHERE id = :id", error)) != NULL;
  if (ok)
    {
      ys_database_bind_text (stmt, ":id", id);
      ys_database_bind_text (stmt, ":tool", tool_id);
      ys_database_bind_int64 (stmt, ":saves_time", saves_time ? 1 : 0);
      ys_database_bind_text (stmt, ":comment", comment ? comment : "");
      ys_database_bind_int64 (stmt, ":now", ys_store_now (self));
      ok = ys_database_run (self->database, stmt, error);
      self->pending_changes |= YS_STORE_CHANGE_FEEDBACK;
    }

  return ys_store_end (self, ok, error);
}

gboolean
ys_store_delete_feedback (YsStore     *self,
                          const char  *id,
                          GError     **error)
{
  return ys_store_set_deleted (self, YS_RECORD_FEEDBACK, id, TRUE, error);
}

gboolean
ys_store_restore_feedback (YsStore     *self,
                           const char  *id,
                           GError     **error)
{
  return ys_store_set_deleted (self, YS_RECORD_FEEDBACK, id, FALSE, error);
}

gboolean
ys_store_should_ask_feedback (YsStore      *self,
                              const char   *workflow_id,
                              const char   *tool_id,
                              int           interval_days,
                              const GDate  *today,
                              GError      **error)
{
  sqlite3_stmt *stmt;
  GDate last;
  gboolean ask = TRUE;
  int rc;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  stmt = ys_store_prepare (self,
    "SELECT max (given_on) FROM feedback"
    " WHERE workflow_id = :workflow AND tool_id = :tool AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  ys_database_bind_text (stmt, ":workflow", workflow_id);
  ys_database_bind_text (stmt, ":tool", tool_id);
  rc = ys_database_step (self->database, stmt, error);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return FALSE;
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL &&
      ys_parse_iso_date ((const char *) sqlite3_column_text (stmt, 0), &last))
    ask = g_date_days_between (&last, today) >= interval_days;
  sqlite3_reset (stmt);

  return ask;
}

/* Feedback records ------------------------------------------------------------ */

#define FEEDBACK_COLUMNS \
  "id, workflow_id, tool_id, saves_time, given_on, comment, updated_at, deleted"

static void
feedback_from_row (sqlite3_stmt *stmt,
                   gpointer      record,
                   GStringChunk *strings)
{
  YsFeedbackRecord *r = record;

  r->id = ys_store_column_text (stmt, 0, strings);
  r->workflow = ys_store_column_text (stmt, 1, strings);
  r->tool = ys_store_column_text (stmt, 2, strings);
  r->saves_time = sqlite3_column_int (stmt, 3) != 0;
  r->given_on = ys_store_column_text (stmt, 4, strings);
  r->comment = ys_store_column_text (stmt, 5, strings);
  r->updated_at = sqlite3_column_int64 (stmt, 6);
  r->deleted = sqlite3_column_int (stmt, 7) != 0;
}

static gboolean
put_feedback (YsStore        *self,
              gconstpointer   record,
              GError        **error)
{
  const YsFeedbackRecord *r = record;
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "INSERT INTO feedback (id, workflow_id, tool_id, saves_time, given_on, comment,"
    " updated_at, deleted) VALUES (:id, :workflow, :tool, :saves_time, :given_on, :comment,"
    " :updated_at, :deleted)"
    " ON CONFLICT (id) DO UPDATE SET workflow_id = :workflow, tool_id = :tool,"
    " saves_time = :saves_time, given_on = :given_on, comment = :comment,"
    " updated_at = :updated_at, deleted = :deleted", error);

  if (stmt == NULL)
    return FALSE;
  ys_database_bind_text (stmt, ":id", r->id);
  ys_database_bind_text (stmt, ":workflow", r->workflow);
  ys_database_bind_text (stmt, ":tool", r->tool);
  ys_database_bind_int64 (stmt, ":saves_time", r->saves_time ? 1 : 0);
  ys_database_bind_text (stmt, ":given_on", r->given_on);
  ys_database_bind_text (stmt, ":comment", r->comment ? r->comment : "");
  ys_database_bind_int64 (stmt, ":updated_at", r->updated_at);
  ys_database_bind_int64 (stmt, ":deleted", r->deleted ? 1 : 0);
  self->pending_changes |= YS_STORE_CHANGE_FEEDBACK;
  return ys_database_run (self->database, stmt, error);
}

const YsStoreRecordClass ys_store_feedback_records = {
  "SELECT " FEEDBACK_COLUMNS " FROM feedback WHERE id = :id",
  "SELECT " FEEDBACK_COLUMNS " FROM feedback WHERE deleted = 0 OR :tombstones"
  " ORDER BY given_on, id",
  feedback_from_row,
  put_feedback,
};
