/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "ys-backup.h"
#include "ys-busy.h"
#include "ys-database.h"
#include "ys-error.h"
#include "ys-schema.h"
#include "ys-validate.h"

/*
 * Backups live in a "backups" folder beside the database, named after it and
 * the day: yardstick-2026-11-23.db. Each is a plain SQLite file (no -wal),
 * so it can be copied, mailed or opened with any SQLite tool. The copy a
 * restore keeps of what it replaced is yardstick-before-restore-<time>.db.
 */

#define BEFORE_RESTORE_INFIX "-before-restore-"
#define DAMAGED_INFIX "-damaged-"
#define PARTIAL_INFIX ".partial-"
#define KEEP_BEFORE_RESTORE 3
/* A partial copy this old was left by a process that died while writing. */
#define STALE_PARTIAL_SECONDS (60 * 60)
/* Copying waits this long, in 100 ms steps, for a writer to finish. */
#define BUSY_RETRIES 100

void
ys_backup_free (YsBackup *backup)
{
  if (backup == NULL)
    return;
  g_free (backup->path);
  g_free (backup->date);
  g_free (backup);
}

gboolean
ys_backup_is_usable (const YsBackup *backup)
{
  return backup->version > 0 && backup->version <= YS_SCHEMA_VERSION;
}

char *
ys_backup_dir (const char *database_path)
{
  g_autofree char *dir = g_path_get_dirname (database_path);

  return g_build_filename (dir, "backups", NULL);
}

/* "yardstick" for ".../yardstick.db". */
static char *
database_stem (const char *database_path)
{
  g_autofree char *base = g_path_get_basename (database_path);

  if (g_str_has_suffix (base, ".db") && strlen (base) > 3)
    base[strlen (base) - 3] = '\0';
  return g_steal_pointer (&base);
}

static void
set_sqlite_error (GError     **error,
                  const char  *path,
                  int          rc,
                  sqlite3     *db)
{
  g_set_error (error, YS_ERROR, YS_ERROR_DATABASE,
               _("The backup %s could not be made: %s"),
               path, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

gboolean
ys_backup_write (const char  *database_path,
                 const char  *dest_path,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (dest_path);
  g_autofree char *partial = g_strconcat (dest_path, PARTIAL_INFIX "XXXXXX", NULL);
  sqlite3 *source = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  gboolean ok = FALSE;
  int fd;
  int rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, YS_ERROR, YS_ERROR_DATABASE,
                   _("The folder %s could not be created: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* mkstemp gives the copy mode 0600 before a byte is in it. */
  fd = g_mkstemp (partial);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, YS_ERROR, YS_ERROR_DATABASE,
                   _("The backup %s could not be made: %s"), dest_path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (database_path, &source, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, database_path, rc, source);
      goto out;
    }
  sqlite3_busy_timeout (source, ys_busy_timeout_ms ());

  rc = sqlite3_open_v2 (partial, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, dest_path, rc, dest);
      goto out;
    }

  backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    {
      set_sqlite_error (error, dest_path, SQLITE_ERROR, dest);
      goto out;
    }
  /* One step copies everything inside a single read transaction, so the
   * copy is one moment of the database even while others write to it. */
  for (int tries = 0; tries < BUSY_RETRIES; tries++)
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
        break;
      g_usleep (100 * 1000);
    }
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, YS_ERROR, rc == SQLITE_BUSY ? YS_ERROR_BUSY : YS_ERROR_DATABASE,
                   _("The backup %s could not be made: %s"), dest_path, sqlite3_errstr (rc));
      goto out;
    }

  /* One self-contained file, whatever journal the original uses. */
  rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, dest_path, rc, dest);
      goto out;
    }

  rc = sqlite3_close (dest);
  dest = NULL;
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, dest_path, rc, NULL);
      goto out;
    }

  if (g_rename (partial, dest_path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, YS_ERROR, YS_ERROR_DATABASE,
                   _("The backup %s could not be made: %s"), dest_path, g_strerror (saved_errno));
      goto out;
    }
  ok = TRUE;

out:
  sqlite3_close (dest);
  sqlite3_close (source);
  if (!ok)
    g_unlink (partial);
  return ok;
}

/* Reads what the list shows; returns the schema version, or 0 when @path
 * is not a readable Yardstick database. */
static int
read_backup (const char *path,
             gint64     *n_runs,
             gint64     *n_workflows,
             gboolean    quick_check,
             char      **problem)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = 0;
  int rc;

  *n_runs = *n_workflows = -1;

  rc = ys_database_open_immutable (path, &db);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT user_version FROM pragma_user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  else if (rc == SQLITE_OK)
    rc = sqlite3_errcode (db);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (rc == SQLITE_OK && version > 0)
    {
      /* Schema 3 on keeps per-day totals; summing them beats counting runs. */
      rc = sqlite3_prepare_v2 (db,
                               version >= 3
                               ? "SELECT (SELECT coalesce (sum (runs), 0) FROM daily),"
                                 " (SELECT count(*) FROM workflows WHERE deleted = 0)"
                               : "SELECT (SELECT count(*) FROM runs WHERE deleted = 0),"
                                 " (SELECT count(*) FROM workflows WHERE deleted = 0)",
                               -1, &stmt, NULL);
      if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
        {
          *n_runs = sqlite3_column_int64 (stmt, 0);
          *n_workflows = sqlite3_column_int64 (stmt, 1);
        }
      else
        rc = sqlite3_errcode (db);
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  if (rc == SQLITE_OK && version > 0 && quick_check)
    {
      rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
      if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW &&
          g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
        {
          if (problem != NULL)
            *problem = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          version = 0;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  if (rc != SQLITE_OK)
    {
      if (problem != NULL && *problem == NULL)
        *problem = g_strdup (sqlite3_errstr (rc));
      version = 0;
    }
  else if (version == 0 && problem != NULL && *problem == NULL)
    *problem = g_strdup (_("not a Yardstick database"));

  sqlite3_close (db);
  return version;
}

gboolean
ys_backup_check (const char  *path,
                 GError     **error)
{
  g_autofree char *problem = NULL;
  gint64 n_runs, n_workflows;
  int version = read_backup (path, &n_runs, &n_workflows, TRUE, &problem);

  if (version == 0)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_DAMAGED,
                   _("The backup %s cannot be used: %s."), path, problem);
      return FALSE;
    }
  if (version > YS_SCHEMA_VERSION)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_NEWER_DATABASE,
                   _("The backup %s was made by a newer version of Yardstick; "
                     "update Yardstick to restore it."), path);
      return FALSE;
    }
  return TRUE;
}

/* ISO week as one number, so that weeks compare across years. */
static int
iso_week_key (const char *date)
{
  GDate day;
  g_autoptr(GDateTime) noon = NULL;

  g_date_clear (&day, 1);
  if (!ys_parse_iso_date (date, &day))
    return -1;
  noon = g_date_time_new_utc (g_date_get_year (&day), g_date_get_month (&day),
                              g_date_get_day (&day), 12, 0, 0);
  return g_date_time_get_week_numbering_year (noon) * 100 + g_date_time_get_week_of_year (noon);
}

gboolean *
ys_backup_plan_keep (const char * const *dates,
                     guint               n_dates)
{
  gboolean *keep = g_new0 (gboolean, MAX (n_dates, 1));
  int covered_week;
  guint weeks = 0;
  guint i;

  for (i = 0; i < n_dates && i < YS_BACKUP_KEEP_DAILY; i++)
    keep[i] = TRUE;
  if (i == n_dates)
    return keep;

  /* The week of the oldest daily copy already has a copy. */
  covered_week = iso_week_key (dates[i - 1]);
  for (; i < n_dates && weeks < YS_BACKUP_KEEP_WEEKLY; i++)
    {
      int week = iso_week_key (dates[i]);

      if (week == covered_week)
        continue;
      keep[i] = TRUE;
      covered_week = week;
      weeks++;
    }

  return keep;
}

/* The date in "<stem>-YYYY-MM-DD.db", or NULL for any other name. */
static char *
daily_date_of (const char *name,
               const char *stem)
{
  gsize stem_len = strlen (stem);
  g_autofree char *date = NULL;

  if (strncmp (name, stem, stem_len) != 0 || name[stem_len] != '-' ||
      strlen (name + stem_len + 1) != strlen ("YYYY-MM-DD.db") || !g_str_has_suffix (name, ".db"))
    return NULL;
  date = g_strndup (name + stem_len + 1, 10);
  return ys_parse_iso_date (date, NULL) ? g_steal_pointer (&date) : NULL;
}

static gboolean
is_before_restore (const char *name,
                   const char *stem)
{
  return g_str_has_prefix (name, stem) &&
         g_str_has_prefix (name + strlen (stem), BEFORE_RESTORE_INFIX) &&
         g_str_has_suffix (name, ".db");
}

static int
compare_strings_newest_first (gconstpointer a,
                              gconstpointer b)
{
  return -g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
prune (const char *dir,
       const char *stem,
       GDateTime  *now_time)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) dailies = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) before_restore = g_ptr_array_new_with_free_func (g_free);
  g_autofree gboolean *keep = NULL;
  gint64 now = g_date_time_to_unix (now_time);
  const char *name;

  if (listing == NULL)
    return;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *date = daily_date_of (name, stem);
      GStatBuf st;

      if (date != NULL)
        g_ptr_array_add (dailies, g_strdup (name));
      else if (is_before_restore (name, stem))
        g_ptr_array_add (before_restore, g_strdup (name));
      else if (g_str_has_prefix (name, stem) && strstr (name, PARTIAL_INFIX) != NULL &&
               g_stat (path, &st) == 0 && now - st.st_mtime > STALE_PARTIAL_SECONDS)
        g_unlink (path);
    }

  /* Names sort by date, so newest first is reverse name order. */
  g_ptr_array_sort (dailies, compare_strings_newest_first);
  g_ptr_array_sort (before_restore, compare_strings_newest_first);

  {
    g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < dailies->len; i++)
      g_ptr_array_add (dates, daily_date_of (dailies->pdata[i], stem));
    keep = ys_backup_plan_keep ((const char * const *) dates->pdata, dates->len);
  }

  for (guint i = 0; i < dailies->len; i++)
    if (!keep[i])
      {
        g_autofree char *path = g_build_filename (dir, dailies->pdata[i], NULL);
        g_unlink (path);
      }
  for (guint i = KEEP_BEFORE_RESTORE; i < before_restore->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, before_restore->pdata[i], NULL);
      g_unlink (path);
    }
}

/* An empty database needs no backup; a live one is opened normally, since
 * its newest changes may still be in its -wal file. */
static gboolean
database_has_data (const char *database_path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean has_data = FALSE;

  if (sqlite3_open_v2 (database_path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, ys_busy_timeout_ms ());
      if (sqlite3_prepare_v2 (db, "SELECT EXISTS (SELECT 1 FROM workflows)", -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        has_data = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return has_data;
}

char *
ys_backup_daily (const char  *database_path,
                 GDateTime   *now,
                 GError     **error)
{
  g_autofree char *dir = ys_backup_dir (database_path);
  g_autofree char *stem = database_stem (database_path);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("%s-%s.db", stem, today);
  g_autofree char *dest = g_build_filename (dir, name, NULL);
  g_autoptr(GError) check_error = NULL;

  if (g_file_test (dest, G_FILE_TEST_EXISTS))
    {
      prune (dir, stem, now);
      return NULL;
    }

  if (!database_has_data (database_path))
    return NULL;

  if (!ys_backup_write (database_path, dest, error))
    return NULL;

  /* A damaged database must not push good old copies out. */
  if (!ys_backup_check (dest, &check_error))
    {
      g_unlink (dest);
      g_set_error (error, YS_ERROR, YS_ERROR_DAMAGED,
                   _("No backup was made today because the database %s failed its check; "
                     "the older backups were kept."), database_path);
      return NULL;
    }

  prune (dir, stem, now);
  return g_steal_pointer (&dest);
}

static int
compare_backups_newest_first (gconstpointer a,
                              gconstpointer b)
{
  const YsBackup *x = *(YsBackup * const *) a;
  const YsBackup *y = *(YsBackup * const *) b;
  int by_date = -g_strcmp0 (x->date, y->date);

  if (by_date != 0)
    return by_date;
  if (x->made_at != y->made_at)
    return x->made_at > y->made_at ? -1 : 1;
  return -g_strcmp0 (x->path, y->path);
}

GPtrArray *
ys_backup_list (const char *database_path)
{
  g_autofree char *dir = ys_backup_dir (database_path);
  g_autofree char *stem = database_stem (database_path);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GPtrArray *backups = g_ptr_array_new_with_free_func ((GDestroyNotify) ys_backup_free);
  const char *name;

  if (listing == NULL)
    return backups;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *date = daily_date_of (name, stem);
      gboolean before_restore = is_before_restore (name, stem);
      YsBackup *backup;
      GStatBuf st;

      if (date == NULL && !before_restore)
        continue;

      backup = g_new0 (YsBackup, 1);
      backup->path = g_build_filename (dir, name, NULL);
      backup->before_restore = before_restore;
      if (g_stat (backup->path, &st) == 0)
        backup->made_at = st.st_mtime;
      if (date == NULL)
        {
          g_autoptr(GDateTime) made = g_date_time_new_from_unix_local (backup->made_at);
          date = g_date_time_format (made, "%Y-%m-%d");
        }
      backup->date = g_steal_pointer (&date);
      backup->version = read_backup (backup->path, &backup->n_runs, &backup->n_workflows,
                                     FALSE, NULL);
      g_ptr_array_add (backups, backup);
    }

  g_ptr_array_sort (backups, compare_backups_newest_first);
  return backups;
}

char *
ys_backup_before_restore_path (const char *database_path,
                               GDateTime  *now)
{
  g_autofree char *dir = ys_backup_dir (database_path);
  g_autofree char *stem = database_stem (database_path);
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  char *path = NULL;

  /* Two restores in one second each keep their own copy. */
  for (int n = 1; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = n == 1
        ? g_strdup_printf ("%s" BEFORE_RESTORE_INFIX "%s.db", stem, stamp)
        : g_strdup_printf ("%s" BEFORE_RESTORE_INFIX "%s-%d.db", stem, stamp, n);

      g_free (path);
      path = g_build_filename (dir, name, NULL);
    }
  return path;
}

char *
ys_backup_set_aside (const char  *database_path,
                     GDateTime   *now,
                     GError     **error)
{
  static const char *companions[] = { "-wal", "-shm", "-journal" };
  g_autofree char *dir = g_path_get_dirname (database_path);
  g_autofree char *stem = database_stem (database_path);
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *name = g_strdup_printf ("%s" DAMAGED_INFIX "%s.db", stem, stamp);
  g_autofree char *aside = g_build_filename (dir, name, NULL);

  if (g_file_test (aside, G_FILE_TEST_EXISTS) || g_rename (database_path, aside) != 0)
    {
      int saved_errno = g_file_test (aside, G_FILE_TEST_EXISTS) ? EEXIST : errno;
      g_set_error (error, YS_ERROR, YS_ERROR_DATABASE,
                   _("%s could not be moved aside: %s"), database_path, g_strerror (saved_errno));
      return NULL;
    }

  /* A -wal file belongs to its database; keep the pair together. */
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (database_path, companions[i], NULL);
      g_autofree char *to = g_strconcat (aside, companions[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }

  return g_steal_pointer (&aside);
}

gboolean
ys_backup_restore_file (const char  *backup_path,
                        const char  *database_path,
                        GError     **error)
{
  g_return_val_if_fail (!g_file_test (database_path, G_FILE_TEST_EXISTS), FALSE);

  return ys_backup_check (backup_path, error) &&
         ys_backup_write (backup_path, database_path, error);
}
