/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef enum
{
  YS_DATABASE_READ_WRITE,  /* created if missing, made private to its owner */
  YS_DATABASE_READ_ONLY,   /* an existing file, for a reader on another thread */
} YsDatabaseMode;

typedef enum
{
  YS_TRANSACTION_READ,     /* deferred: one snapshot, never blocks a writer */
  YS_TRANSACTION_WRITE,    /* immediate: takes the write lock at once */
} YsTransaction;

#define YS_TYPE_DATABASE (ys_database_get_type ())
G_DECLARE_FINAL_TYPE (YsDatabase, ys_database, YS, DATABASE, GObject)

/* Opens @path, refusing a damaged, foreign, locked, read-only or newer file
 * (schema version above @newest_version) with the sentence a person reads,
 * and changing nothing in it; @version receives the file's schema version. */
YsDatabase   *ys_database_open              (const char     *path,
                                             YsDatabaseMode  mode,
                                             int             newest_version,
                                             int            *version,
                                             GError        **error);
const char   *ys_database_get_path          (YsDatabase     *self);
sqlite3      *ys_database_get_handle        (YsDatabase     *self);

/* For tests: from now on every statement fails with @rc (SQLITE_BUSY, as
 * when another program holds the file in a way that keeps readers out),
 * until it is set back to 0. */
void          ys_database_set_fault         (YsDatabase     *self,
                                             int             rc);

/* A cached prepared statement for @sql, reset and unbound. @sql must be a
 * string literal: the cache is keyed by its address. */
sqlite3_stmt *ys_database_prepare           (YsDatabase     *self,
                                             const char     *sql,
                                             GError        **error);
/* SQLITE_ROW, SQLITE_DONE, or another code with @error set and @stmt reset. */
int           ys_database_step              (YsDatabase     *self,
                                             sqlite3_stmt   *stmt,
                                             GError        **error);
/* Steps @stmt to its end (a write), then resets it. */
gboolean      ys_database_run               (YsDatabase     *self,
                                             sqlite3_stmt   *stmt,
                                             GError        **error);
/* The first column of the first row as a number (0 when there is no row). */
gboolean      ys_database_query_int64       (YsDatabase     *self,
                                             sqlite3_stmt   *stmt,
                                             gint64         *value,
                                             GError        **error);
gboolean      ys_database_exec              (YsDatabase     *self,
                                             const char     *sql,
                                             GError        **error);
/* The sentence for SQLite's @rc on this database, by what it means; a
 * failed read is also announced as "read-failed". */
void          ys_database_set_error         (YsDatabase     *self,
                                             int             rc,
                                             gboolean        writing,
                                             GError        **error);

/* Named parameters (":now", ":day"): a name the statement lacks is a bug. */
void          ys_database_bind_text         (sqlite3_stmt   *stmt,
                                             const char     *name,
                                             const char     *text);
void          ys_database_bind_int64        (sqlite3_stmt   *stmt,
                                             const char     *name,
                                             gint64          value);
void          ys_database_bind_null         (sqlite3_stmt   *stmt,
                                             const char     *name);
const char   *ys_database_column_text       (sqlite3_stmt   *stmt,
                                             int             column);

/* Transactions nest: the outermost is BEGIN, the inner ones SAVEPOINTs, so
 * an inner failure undoes only its own part. A write may not start inside
 * a read. ys_database_end() commits (or releases) when @ok and rolls back
 * otherwise; it returns whether that level's work was kept. */
gboolean      ys_database_begin             (YsDatabase     *self,
                                             YsTransaction   kind,
                                             GError        **error);
gboolean      ys_database_end               (YsDatabase     *self,
                                             gboolean        ok,
                                             GError        **error);
gboolean      ys_database_in_transaction    (YsDatabase     *self);

/* A number that changes whenever another connection commits a change;
 * FALSE, without waiting, while another program holds the file. */
gboolean      ys_database_get_data_version  (YsDatabase     *self,
                                             gint64         *version);

/* While merging many records: a page cache large enough that the
 * transaction's pages stay in memory; FALSE returns to a small one. */
void          ys_database_set_bulk          (YsDatabase     *self,
                                             gboolean        bulk);

/* Opens a file that nobody writes to (a backup) read-only, without locks
 * or -wal and -shm files. */
int           ys_database_open_immutable    (const char     *path,
                                             sqlite3       **db);

G_END_DECLS
