/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many copies the daily backup keeps: the newest days, then one per
 * week before those. */
#define YS_BACKUP_KEEP_DAILY  7
#define YS_BACKUP_KEEP_WEEKLY 4

typedef struct
{
  char *path;
  char *date;        /* "YYYY-MM-DD", the day it was made */
  gint64 made_at;    /* seconds since the epoch, from the file */
  gboolean before_restore; /* the copy a restore keeps of what it replaced */
  gint64 n_runs;     /* -1 when the copy cannot be read */
  gint64 n_workflows;
  int version;       /* schema version; newer than ours cannot be restored */
} YsBackup;

void       ys_backup_free          (YsBackup    *backup);
/* Readable, and not made by a newer Yardstick: it can be restored. */
gboolean   ys_backup_is_usable     (const YsBackup *backup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsBackup, ys_backup_free)

char      *ys_backup_dir           (const char  *database_path);

/* A consistent copy of the database at @database_path, made with SQLite's
 * online backup API while others may be writing, written to @dest_path
 * atomically and readable only by its owner. */
gboolean   ys_backup_write         (const char  *database_path,
                                    const char  *dest_path,
                                    GError     **error);

/* Today's backup, unless there is one already or the database is empty or
 * fails its check; then old copies beyond the daily and weekly ones go.
 * Returns the path of the copy it made, or NULL (with @error set only when
 * something failed). */
char      *ys_backup_daily         (const char  *database_path,
                                    GDateTime   *now,
                                    GError     **error);

/* The backups of @database_path, newest first, with their run counts. */
GPtrArray *ys_backup_list          (const char  *database_path);

/* Which of @dates (each "YYYY-MM-DD", newest first, no repeats) to keep:
 * the newest YS_BACKUP_KEEP_DAILY, then the newest of each of the
 * YS_BACKUP_KEEP_WEEKLY ISO weeks before those. */
gboolean  *ys_backup_plan_keep     (const char * const *dates,
                                    guint               n_dates);

/* A name no file has yet, in the backups folder, for the copy a restore
 * keeps of what it replaces. */
char      *ys_backup_before_restore_path (const char *database_path,
                                          GDateTime  *now);

/* Moves the database (and its -wal and -shm files) aside to a name that
 * says it was damaged and when, so that a new one can take its place.
 * Returns the new path of the database file. */
char      *ys_backup_set_aside     (const char  *database_path,
                                    GDateTime   *now,
                                    GError     **error);

/* Puts a copy of @backup_path where no database is (after
 * ys_backup_set_aside()); a store with the database open uses
 * ys_store_restore_backup() instead. */
gboolean   ys_backup_restore_file  (const char  *backup_path,
                                    const char  *database_path,
                                    GError     **error);

/* Opens @path read-only and checks it is a Yardstick database this version
 * can read that passes SQLite's quick check. */
gboolean   ys_backup_check         (const char  *path,
                                    GError     **error);

G_END_DECLS
