/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ys-busy.h"
#include "ys-database.h"
#include "ys-error.h"

/*
 * The one connection to a SQLite file: opening it (and the sentences for a
 * file that cannot be used), its settings, the statement cache, nested
 * transactions and named parameters. It knows nothing of workflows or
 * runs; the schema, the store and the query modules build on it.
 */

struct _YsDatabase
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  YsDatabaseMode mode;
  GHashTable *statements; /* const char *sql → sqlite3_stmt */
  guint depth;            /* open transaction levels; > 1 are savepoints */
  YsTransaction outer_kind;
  int busy_timeout;       /* milliseconds */
  int fault;              /* for tests: what every statement answers, or 0 */
};

G_DEFINE_FINAL_TYPE (YsDatabase, ys_database, G_TYPE_OBJECT)

enum {
  READ_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void set_error (YsDatabase  *self,
                       int          rc,
                       gboolean     writing,
                       GError     **error);

/* 64 MiB while merging; SQLite's default (about 2 MB) otherwise, so that
 * an open window stays small. */
#define BULK_CACHE_KIB 32768
#define DEFAULT_CACHE_KIB 2000

void
ys_database_set_error (YsDatabase  *self,
                       int          rc,
                       gboolean     writing,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  set_error (self, rc, writing, &local_error);
  /* Whoever shows the data hears of it, whatever the caller does. */
  if (!writing)
    g_signal_emit (self, signals[READ_FAILED], 0, local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));
}

static void
set_error (YsDatabase  *self,
           int          rc,
           gboolean     writing,
           GError     **error)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, YS_ERROR, YS_ERROR_BUSY,
                   _("%s is locked by another program and stayed locked for %d seconds. "
                     "Close the other program and try again; nothing was changed."),
                   self->path, ys_busy_timeout_ms () / 1000);
      break;

    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
    case SQLITE_FORMAT:
      g_set_error (error, YS_ERROR, YS_ERROR_DAMAGED,
                   _("%s is damaged, or is not a Yardstick database (%s). "
                     "The file was not changed."),
                   self->path, sqlite3_errstr (rc));
      break;

    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      g_set_error (error, YS_ERROR, YS_ERROR_READ_ONLY,
                   _("%s could not be opened for writing (%s). "
                     "Check that the file and its folder are writable; nothing was changed."),
                   self->path, sqlite3_errstr (rc));
      break;

    default:
      g_set_error (error, YS_ERROR, YS_ERROR_DATABASE,
                   writing ? _("The database %s could not be written: %s")
                           : _("The database %s could not be read: %s"),
                   self->path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      break;
    }
}

/* Opening ------------------------------------------------------------------ */

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, YS_ERROR, YS_ERROR_DATABASE,
                   _("The folder %s could not be created: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Create it ourselves so that SQLite never makes a world-readable file;
   * SQLite gives the -wal and -shm files the same mode. */
  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    {
      int saved_errno = errno;
      g_set_error (error, YS_ERROR, YS_ERROR_DATABASE,
                   _("The database %s could not be created: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  if (fd >= 0)
    close (fd);
  return TRUE;
}

/* Checked before SQLite touches anything: SQLite would quietly open a
 * read-only file read-only and fail at the first save, and a WAL database
 * needs to create its -wal and -shm files in the folder. A file or folder
 * whose mode says read-only is treated so even for root, who could write
 * to it anyway: someone meant it to stay unchanged. */
static gboolean
check_writable (const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  if (g_stat (path, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, YS_ERROR, YS_ERROR_DAMAGED,
                       _("%s is not a file, so it cannot be a Yardstick database."), path);
          return FALSE;
        }
      if (g_access (path, W_OK) != 0 || (st.st_mode & 0222) == 0)
        {
          g_set_error (error, YS_ERROR, YS_ERROR_READ_ONLY,
                       _("%s is read-only, so Yardstick cannot save to it. "
                         "Make the file writable, or open a copy of it; the file was not changed."),
                       path);
          return FALSE;
        }
    }

  if (g_stat (dir, &st) == 0 && (g_access (dir, W_OK) != 0 || (st.st_mode & 0222) == 0))
    {
      g_set_error (error, YS_ERROR, YS_ERROR_READ_ONLY,
                   _("The folder %s is read-only, and Yardstick keeps a journal beside "
                     "the database there. Make the folder writable, or move the database "
                     "to another folder; nothing was changed."),
                   dir);
      return FALSE;
    }

  return TRUE;
}

static gboolean
exec_on_open (YsDatabase  *self,
              const char  *sql,
              GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      ys_database_set_error (self, rc, FALSE, error);
      return FALSE;
    }
  return TRUE;
}

/* ys_casefold (text): @text case-folded (GLib's full Unicode folding), so
 * that names sort the same on every computer, whatever its locale; bytes
 * of the folded text then compare as code points do. */
static void
casefold (sqlite3_context  *context,
          int               argc,
          sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  char *folded;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      sqlite3_result_value (context, argv[0]);
      return;
    }
  folded = g_utf8_casefold (text, -1);
  sqlite3_result_text (context, folded, -1, g_free);
}

static gboolean
open_file (YsDatabase  *self,
           int          newest_version,
           int         *version_out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean on_disk = g_strcmp0 (self->path, ":memory:") != 0;
  gboolean read_only = self->mode == YS_DATABASE_READ_ONLY;
  int version = 0;
  int n_tables = 0;
  int rc;

  /* ":memory:" serves tests and fuzzing: nothing to create on disk. */
  if (on_disk && !read_only &&
      (!check_writable (self->path, error) || !create_private_file (self->path, error)))
    return FALSE;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        read_only ? SQLITE_OPEN_READONLY
                                  : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      ys_database_set_error (self, rc, FALSE, error);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_create_function_v2 (self->db, "ys_casefold", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                              NULL, casefold, NULL, NULL, NULL);
  self->busy_timeout = ys_busy_timeout_ms ();
  sqlite3_busy_timeout (self->db, self->busy_timeout);

  /* Read before writing anything: a newer, foreign or damaged file stays
   * untouched. Reading the schema also reads the header, where SQLite
   * notices a file shorter than the size it records. */
  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT (SELECT user_version FROM pragma_user_version),"
                           "       (SELECT count(*) FROM sqlite_schema)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      version = sqlite3_column_int (stmt, 0);
      n_tables = sqlite3_column_int (stmt, 1);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    {
      ys_database_set_error (self, rc, FALSE, error);
      return FALSE;
    }

  if (version > newest_version)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_NEWER_DATABASE,
                   _("%s was written by a newer version of Yardstick "
                     "(database version %d; this version reads up to %d). "
                     "Update Yardstick to open it; the file was not changed."),
                   self->path, version, newest_version);
      return FALSE;
    }

  if (version == 0 && n_tables > 0)
    {
      g_set_error (error, YS_ERROR, YS_ERROR_DAMAGED,
                   _("%s is an SQLite database, but not a Yardstick one; "
                     "the file was not changed."),
                   self->path);
      return FALSE;
    }

  if (read_only)
    {
      if (!exec_on_open (self, "PRAGMA query_only = ON", error) ||
          !exec_on_open (self, "PRAGMA temp_store = MEMORY", error))
        return FALSE;
    }
  else if (!exec_on_open (self, "PRAGMA journal_mode = WAL", error) ||
           !exec_on_open (self, "PRAGMA foreign_keys = ON", error) ||
           !exec_on_open (self, "PRAGMA synchronous = NORMAL", error) ||
           /* Statement journals (an upsert with triggers needs one) stay in
            * memory rather than in a temporary file written page by page. */
           !exec_on_open (self, "PRAGMA temp_store = MEMORY", error))
    return FALSE;

  if (version_out != NULL)
    *version_out = version;
  return TRUE;
}

YsDatabase *
ys_database_open (const char      *path,
                  YsDatabaseMode   mode,
                  int              newest_version,
                  int             *version,
                  GError         **error)
{
  g_autoptr(YsDatabase) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (YS_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->mode = mode;

  if (!open_file (self, newest_version, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
ys_database_get_path (YsDatabase *self)
{
  g_return_val_if_fail (YS_IS_DATABASE (self), NULL);
  return self->path;
}

sqlite3 *
ys_database_get_handle (YsDatabase *self)
{
  g_return_val_if_fail (YS_IS_DATABASE (self), NULL);
  return self->db;
}

void
ys_database_set_fault (YsDatabase *self,
                       int         rc)
{
  g_return_if_fail (YS_IS_DATABASE (self));
  self->fault = rc;
}

/* Backups are never written to, so SQLite may skip locking and the -wal
 * and -shm files altogether. */
int
ys_database_open_immutable (const char  *path,
                            sqlite3    **db)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);
  g_autofree char *uri_immutable = NULL;

  if (uri == NULL)
    return SQLITE_CANTOPEN;
  uri_immutable = g_strconcat (uri, "?immutable=1", NULL);
  return sqlite3_open_v2 (uri_immutable, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
}

/* Statements --------------------------------------------------------------- */

sqlite3_stmt *
ys_database_prepare (YsDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (YS_IS_DATABASE (self), NULL);

  if (self->fault != 0)
    {
      ys_database_set_error (self, self->fault, FALSE, error);
      return NULL;
    }

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      /* A statement that cannot even be prepared reads nothing. */
      ys_database_set_error (self, rc, FALSE, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

int
ys_database_step (YsDatabase    *self,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  int rc = self->fault != 0 ? self->fault : sqlite3_step (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ys_database_set_error (self, rc, !sqlite3_stmt_readonly (stmt), error);
      sqlite3_reset (stmt);
    }
  return rc;
}

gboolean
ys_database_run (YsDatabase    *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  int rc = self->fault != 0 ? self->fault : sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      ys_database_set_error (self, rc, !sqlite3_stmt_readonly (stmt), error);
      return FALSE;
    }
  return TRUE;
}

gboolean
ys_database_query_int64 (YsDatabase    *self,
                         sqlite3_stmt  *stmt,
                         gint64        *value,
                         GError       **error)
{
  int rc = ys_database_step (self, stmt, error);

  *value = 0;
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
ys_database_exec (YsDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc;

  g_return_val_if_fail (YS_IS_DATABASE (self), FALSE);

  rc = self->fault != 0 ? self->fault : sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      ys_database_set_error (self, rc, TRUE, error);
      return FALSE;
    }
  return TRUE;
}

static int
parameter (sqlite3_stmt *stmt,
           const char   *name)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index == 0)
    g_error ("No parameter %s in “%s”", name, sqlite3_sql (stmt));
  return index;
}

void
ys_database_bind_text (sqlite3_stmt *stmt,
                       const char   *name,
                       const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, parameter (stmt, name));
  else
    sqlite3_bind_text (stmt, parameter (stmt, name), text, -1, SQLITE_TRANSIENT);
}

void
ys_database_bind_int64 (sqlite3_stmt *stmt,
                        const char   *name,
                        gint64        value)
{
  sqlite3_bind_int64 (stmt, parameter (stmt, name), value);
}

void
ys_database_bind_null (sqlite3_stmt *stmt,
                       const char   *name)
{
  sqlite3_bind_null (stmt, parameter (stmt, name));
}

const char *
ys_database_column_text (sqlite3_stmt *stmt,
                         int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text ? text : "";
}

/* Transactions ------------------------------------------------------------- */

gboolean
ys_database_begin (YsDatabase     *self,
                   YsTransaction   kind,
                   GError        **error)
{
  const char *sql;
  int rc;

  g_return_val_if_fail (YS_IS_DATABASE (self), FALSE);
  /* Upgrading a read snapshot to a write fails at once when another
   * connection wrote meanwhile: a write must start as one. */
  g_return_val_if_fail (self->depth == 0 || kind == YS_TRANSACTION_READ ||
                        self->outer_kind == YS_TRANSACTION_WRITE, FALSE);

  if (self->depth > 0)
    sql = "SAVEPOINT ys";
  else if (kind == YS_TRANSACTION_WRITE)
    sql = "BEGIN IMMEDIATE";
  else
    sql = "BEGIN DEFERRED";

  /* A read that cannot begin is a failed read, and is announced as one. */
  rc = self->fault != 0 ? self->fault : sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      ys_database_set_error (self, rc,
                             (self->depth > 0 ? self->outer_kind : kind) == YS_TRANSACTION_WRITE,
                             error);
      return FALSE;
    }

  if (self->depth == 0)
    self->outer_kind = kind;
  self->depth++;
  return TRUE;
}

gboolean
ys_database_end (YsDatabase  *self,
                 gboolean     ok,
                 GError     **error)
{
  g_return_val_if_fail (YS_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (--self->depth > 0)
    {
      if (ok && ys_database_exec (self, "RELEASE ys", error))
        return TRUE;
      sqlite3_exec (self->db, "ROLLBACK TO ys; RELEASE ys", NULL, NULL, NULL);
      return FALSE;
    }

  if (ok && ys_database_exec (self, "COMMIT", error))
    return TRUE;

  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

gboolean
ys_database_in_transaction (YsDatabase *self)
{
  g_return_val_if_fail (YS_IS_DATABASE (self), FALSE);
  return self->depth > 0;
}

/* Asked every second: it never waits for a lock, and a file another
 * program holds is simply asked again at the next tick. */
gboolean
ys_database_get_data_version (YsDatabase *self,
                              gint64     *version)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, "PRAGMA data_version");
  int rc;

  g_return_val_if_fail (YS_IS_DATABASE (self), FALSE);

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (self->db, "PRAGMA data_version", -1, SQLITE_PREPARE_PERSISTENT,
                              &stmt, NULL) != SQLITE_OK)
        return FALSE;
      g_hash_table_insert (self->statements, (gpointer) "PRAGMA data_version", stmt);
    }

  sqlite3_busy_timeout (self->db, 0);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_busy_timeout (self->db, self->busy_timeout);
  return rc == SQLITE_ROW;
}

void
ys_database_set_bulk (YsDatabase *self,
                      gboolean    bulk)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = -%d",
                                          bulk ? BULK_CACHE_KIB : DEFAULT_CACHE_KIB);

  g_return_if_fail (YS_IS_DATABASE (self));
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  /* A bulk merge builds indexes of every run: SQLite sorts them in memory
   * up to the page cache and past it in temporary files, which must then be
   * files, not memory, for the merge to stay bounded. Outside a
   * transaction, as SQLite requires. */
  sqlite3_exec (self->db, bulk ? "PRAGMA temp_store = FILE" : "PRAGMA temp_store = MEMORY",
                NULL, NULL, NULL);
  /* Shrinking the setting keeps pages already cached until they are reused. */
  if (!bulk)
    sqlite3_db_release_memory (self->db);
}

/* GObject ------------------------------------------------------------------ */

static void
ys_database_finalize (GObject *object)
{
  YsDatabase *self = (YsDatabase *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (ys_database_parent_class)->finalize (object);
}

static void
ys_database_class_init (YsDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ys_database_finalize;

  /**
   * YsDatabase::read-failed:
   * @error: what could not be read, as a person reads it
   *
   * A read failed: whatever showed its result now shows nothing new.
   */
  signals[READ_FAILED] = g_signal_new ("read-failed", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
ys_database_init (YsDatabase *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  self->busy_timeout = YS_BUSY_TIMEOUT_MS;
}
