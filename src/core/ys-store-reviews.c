/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ys-error.h"
#include "ys-store-private.h"
#include "ys-validate.h"

static gboolean put_review (YsStore        *self,
                            gconstpointer   record,
                            GError        **error);

/*
 * Quarterly reviews: the team's short written review of a quarter, one per
 * quarter on each computer (the newest wins when bundles bring more), and
 * their rows as merges put them.
 */

void
ys_review_clear (YsReview *review)
{
  g_clear_pointer (&review->id, g_free);
  g_clear_pointer (&review->quarter, g_free);
  g_clear_pointer (&review->working, g_free);
  g_clear_pointer (&review->not_working, g_free);
  g_clear_pointer (&review->more_rework, g_free);
}

static gboolean
read_review (YsStore     *self,
             const char  *quarter,
             YsReview    *review,
             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  memset (review, 0, sizeof *review);
  review->quarter = g_strdup (quarter);
  review->coverage_percent = -1;
  review->working = g_strdup ("");
  review->not_working = g_strdup ("");
  review->more_rework = g_strdup ("");

  stmt = ys_store_prepare (self,
    "SELECT id, coverage_percent, working, not_working, more_rework FROM reviews"
    " WHERE quarter = :quarter AND deleted = 0 ORDER BY updated_at DESC, id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  ys_database_bind_text (stmt, ":quarter", quarter);
  rc = ys_database_step (self->database, stmt, error);
  if (rc == SQLITE_ROW)
    {
      review->id = g_strdup (ys_database_column_text (stmt, 0));
      review->coverage_percent = sqlite3_column_type (stmt, 1) == SQLITE_NULL
        ? -1 : sqlite3_column_int (stmt, 1);
      g_free (review->working);
      g_free (review->not_working);
      g_free (review->more_rework);
      review->working = g_strdup (ys_database_column_text (stmt, 2));
      review->not_working = g_strdup (ys_database_column_text (stmt, 3));
      review->more_rework = g_strdup (ys_database_column_text (stmt, 4));
    }
  else if (rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
ys_store_get_review (YsStore     *self,
                     const char  *quarter,
                     YsReview    *review,
                     GError     **error)
{
  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (review != NULL, FALSE);

  return read_review (self, quarter, review, error);
}

static gboolean
validate_review (const YsReview  *review,
                 GError         **error)
{
  if (!ys_is_quarter (review->quarter))
    {
      g_set_error (error, YS_ERROR, YS_ERROR_INVALID,
                   _("“%s” is not a quarter like 2026-Q3."),
                   review->quarter ? review->quarter : "");
      return FALSE;
    }
  if (review->coverage_percent > 100 || review->coverage_percent < -1)
    {
      g_set_error_literal (error, YS_ERROR, YS_ERROR_INVALID,
                           _("Coverage must be between 0% and 100%, or not known."));
      return FALSE;
    }
  return ys_validate_text (review->working, error) &&
         ys_validate_text (review->not_working, error) &&
         ys_validate_text (review->more_rework, error);
}

gboolean
ys_store_save_review (YsStore         *self,
                      const YsReview  *review,
                      GError         **error)
{
  g_autofree char *id = NULL;
  sqlite3_stmt *stmt;
  gint64 next = 0;
  gboolean ok;

  g_return_val_if_fail (YS_IS_STORE (self), FALSE);
  g_return_val_if_fail (review != NULL, FALSE);

  if (!validate_review (review, error))
    return FALSE;

  if (!ys_store_begin (self, error))
    return FALSE;

  /* One review per quarter on this machine: keep editing the newest. */
  {
    YsReview current;

    ok = read_review (self, review->quarter, &current, error);
    id = current.id ? g_strdup (current.id) : ys_uuid_new ();
    ys_review_clear (&current);
  }

  ok = ok && (stmt = ys_store_prepare (self,
                "SELECT coalesce (max (updated_at), 0) + 1 FROM reviews WHERE id = :id",
                error)) != NULL;
  if (ok)
    {
      ys_database_bind_text (stmt, ":id", id);
      ok = ys_database_query_int64 (self->database, stmt, &next, error);
    }
  if (ok)
    {
      YsReviewRecord record = {
        id, review->quarter, review->coverage_percent, review->working, review->not_working,
        review->more_rework, MAX (ys_store_now (self), next), FALSE,
      };

      ok = put_review (self, &record, error);
    }

  return ys_store_end (self, ok, error);
}

/* Review records ------------------------------------------------------------ */

#define REVIEW_COLUMNS \
  "id, quarter, coverage_percent, working, not_working, more_rework, updated_at, deleted"

static void
review_from_row (sqlite3_stmt *stmt,
                 gpointer      record,
                 GStringChunk *strings)
{
  YsReviewRecord *r = record;

  r->id = ys_store_column_text (stmt, 0, strings);
  r->quarter = ys_store_column_text (stmt, 1, strings);
  r->coverage_percent = sqlite3_column_type (stmt, 2) == SQLITE_NULL
    ? -1 : sqlite3_column_int (stmt, 2);
  r->working = ys_store_column_text (stmt, 3, strings);
  r->not_working = ys_store_column_text (stmt, 4, strings);
  r->more_rework = ys_store_column_text (stmt, 5, strings);
  r->updated_at = sqlite3_column_int64 (stmt, 6);
  r->deleted = sqlite3_column_int (stmt, 7) != 0;
}

static gboolean
put_review (YsStore        *self,
            gconstpointer   record,
            GError        **error)
{
  const YsReviewRecord *r = record;
  sqlite3_stmt *stmt = ys_store_prepare (self,
    "INSERT INTO reviews (id, quarter, coverage_percent, working, not_working, more_rework,"
    " updated_at, deleted) VALUES (:id, :quarter, :coverage, :working, :not_working,"
    " :more_rework, :updated_at, :deleted)"
    " ON CONFLICT (id) DO UPDATE SET quarter = :quarter, coverage_percent = :coverage,"
    " working = :working, not_working = :not_working, more_rework = :more_rework,"
    " updated_at = :updated_at, deleted = :deleted", error);

  if (stmt == NULL)
    return FALSE;
  ys_database_bind_text (stmt, ":id", r->id);
  ys_database_bind_text (stmt, ":quarter", r->quarter);
  if (r->coverage_percent < 0)
    ys_database_bind_null (stmt, ":coverage");
  else
    ys_database_bind_int64 (stmt, ":coverage", r->coverage_percent);
  ys_database_bind_text (stmt, ":working", r->working ? r->working : "");
  ys_database_bind_text (stmt, ":not_working", r->not_working ? r->not_working : "");
  ys_database_bind_text (stmt, ":more_rework", r->more_rework ? r->more_rework : "");
  ys_database_bind_int64 (stmt, ":updated_at", r->updated_at);
  ys_database_bind_int64 (stmt, ":deleted", r->deleted ? 1 : 0);
  self->pending_changes |= YS_STORE_CHANGE_REVIEWS;
  return ys_database_run (self->database, stmt, error);
}

const YsStoreRecordClass ys_store_review_records = {
  "SELECT " REVIEW_COLUMNS " FROM reviews WHERE id = :id",
  "SELECT " REVIEW_COLUMNS " FROM reviews WHERE deleted = 0 OR :tombstones ORDER BY quarter, id",
  review_from_row,
  put_review,
};
