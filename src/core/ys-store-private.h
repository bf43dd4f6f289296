/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "ys-store.h"

G_BEGIN_DECLS

/* A cached prepared statement, reset and unbound, for @sql (a string
 * literal: the cache is keyed by its address). */
sqlite3_stmt *ys_store_prepare (YsStore    *self,
                                const char *sql);

YsRun        *ys_store_run_from_row (sqlite3_stmt *stmt);

/* The SELECT list ys_store_run_from_row() reads. */
#define YS_STORE_RUN_COLUMNS \
  "r.id, r.workflow_id, r.mode, r.tool_id, r.started_at, r.duration_seconds, " \
  "r.corrections, r.used, r.note, t.name"

/* Around a merge of many records: a page cache large enough that the
 * transaction's pages stay in memory instead of spilling to the -wal and
 * being read back; FALSE returns to SQLite's default. */
void          ys_store_set_bulk (YsStore  *self,
                                 gboolean  bulk);

/* Inside a transaction, before merging @n_runs runs: when there are many,
 * drops the indexes and triggers on runs and returns in @rebuild what
 * ys_store_bulk_end() needs to create them again and recount the totals;
 * for few, sets @rebuild to NULL and changes nothing. */
gboolean      ys_store_bulk_begin (YsStore     *self,
                                   guint        n_runs,
                                   GPtrArray  **rebuild,
                                   GError     **error);
gboolean      ys_store_bulk_end   (YsStore     *self,
                                   GPtrArray   *rebuild,
                                   GError     **error);

/* Opens a file that nobody writes to (a backup) read-only, without locks
 * or -wal and -shm files. */
int           ys_backup_open_immutable (const char  *path,
                                        sqlite3    **db);

G_END_DECLS

/* Merging records as they arrive from a bundle or the demo: a record with a
 * later @updated_at replaces the stored one, an equal or earlier one changes
 * nothing (FORMAT.md). Callers validate first and hold a transaction. */
typedef enum
{
  YS_PUT_NEW,
  YS_PUT_UPDATED,
  YS_PUT_UNCHANGED,
} YsPutResult;

typedef enum
{
  YS_RECORD_WORKFLOW,
  YS_RECORD_TOOL,
  YS_RECORD_RUN,
  YS_RECORD_FEEDBACK,
  YS_RECORD_REVIEW,
} YsRecordKind;

/* Whether a record with @id is stored, tombstoned or not. */
gboolean    ys_store_record_exists      (YsStore      *self,
                                         YsRecordKind  kind,
                                         const char   *id);
/* What a put of @id with @updated_at would do. */
YsPutResult ys_store_put_outcome        (YsStore      *self,
                                         YsRecordKind  kind,
                                         const char   *id,
                                         gint64        updated_at);
gboolean    ys_store_workflow_is_active (YsStore      *self,
                                         const char   *id);

gboolean ys_store_put_workflow (YsStore            *self,
                                const char         *id,
                                const char         *name,
                                const char         *description,
                                int                 people,
                                gboolean            archived,
                                gint64              updated_at,
                                gboolean            deleted,
                                YsPutResult        *result,
                                GError            **error);
gboolean ys_store_put_tool     (YsStore            *self,
                                const char         *id,
                                const char         *name,
                                gint64              updated_at,
                                gboolean            deleted,
                                YsPutResult        *result,
                                GError            **error);
gboolean ys_store_put_run      (YsStore            *self,
                                const char         *id,
                                const YsRunFields  *fields,
                                gint64              updated_at,
                                gboolean            deleted,
                                YsPutResult        *result,
                                GError            **error);
gboolean ys_store_put_feedback (YsStore            *self,
                                const char         *id,
                                const char         *workflow_id,
                                const char         *tool_id,
                                gboolean            saves_time,
                                const char         *given_on,
                                const char         *comment,
                                gint64              updated_at,
                                gboolean            deleted,
                                YsPutResult        *result,
                                GError            **error);
gboolean ys_store_put_review   (YsStore            *self,
                                const char         *id,
                                const YsReview     *review,
                                gint64              updated_at,
                                gboolean            deleted,
                                YsPutResult        *result,
                                GError            **error);
