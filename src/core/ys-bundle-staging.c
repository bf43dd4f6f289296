/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <stddef.h>
#include <string.h>

#include "ys-bundle-staging.h"
#include "ys-error.h"

/* Enough pages for the top of the id index and the table's last pages:
 * the rest goes to the file (and the system's file cache). */
#define STAGING_CACHE_KIB 16384

struct _YsBundleStaging
{
  sqlite3 *db;
  sqlite3_stmt *insert[YS_N_RECORD_KINDS];
  sqlite3_stmt *fetch[YS_N_RECORD_KINDS];
  sqlite3_stmt *lookup[YS_N_RECORD_KINDS];
  sqlite3_stmt *remove[YS_N_RECORD_KINDS];
  guint count[YS_N_RECORD_KINDS];
  guint next_index[YS_N_RECORD_KINDS];
  GByteArray *packed;
};

/* Where each kind keeps its text: the pointers a blob stores as offsets. */
typedef struct
{
  gsize size;
  gsize id;
  gsize strings[6];
  guint n_strings;
} Layout;

#define TEXT(type, field) offsetof (type, field)

static const Layout layouts[YS_N_RECORD_KINDS] = {
  [YS_RECORD_WORKFLOW] = { sizeof (YsWorkflowRecord), TEXT (YsWorkflowRecord, id),
                           { TEXT (YsWorkflowRecord, id), TEXT (YsWorkflowRecord, name),
                             TEXT (YsWorkflowRecord, description) }, 3 },
  [YS_RECORD_TOOL] = { sizeof (YsToolRecord), TEXT (YsToolRecord, id),
                       { TEXT (YsToolRecord, id), TEXT (YsToolRecord, name) }, 2 },
  [YS_RECORD_RUN] = { sizeof (YsRunRecord), TEXT (YsRunRecord, id),
                      { TEXT (YsRunRecord, id), TEXT (YsRunRecord, workflow),
                        TEXT (YsRunRecord, tool), TEXT (YsRunRecord, note),
                        TEXT (YsRunRecord, source) }, 5 },
  [YS_RECORD_FEEDBACK] = { sizeof (YsFeedbackRecord), TEXT (YsFeedbackRecord, id),
                           { TEXT (YsFeedbackRecord, id), TEXT (YsFeedbackRecord, workflow),
                             TEXT (YsFeedbackRecord, tool), TEXT (YsFeedbackRecord, given_on),
                             TEXT (YsFeedbackRecord, comment) }, 5 },
  [YS_RECORD_REVIEW] = { sizeof (YsReviewRecord), TEXT (YsReviewRecord, id),
                         { TEXT (YsReviewRecord, id), TEXT (YsReviewRecord, quarter),
                           TEXT (YsReviewRecord, working), TEXT (YsReviewRecord, not_working),
                           TEXT (YsReviewRecord, more_rework) }, 5 },
};

static const char *
text_at (gconstpointer record,
         gsize         offset)
{
  const char *text;

  memcpy (&text, (const guint8 *) record + offset, sizeof text);
  return text;
}

static gboolean
fail (YsBundleStaging  *self,
      GError          **error)
{
  /* Most likely the temporary folder is full or cannot be written. */
  g_set_error (error, YS_ERROR, YS_ERROR_DATABASE,
               _("A large bundle could not be set aside in a temporary file: %s"),
               self->db != NULL ? sqlite3_errmsg (self->db) : "out of memory");
  return FALSE;
}

static gboolean
exec (YsBundleStaging  *self,
      const char       *sql,
      GError          **error)
{
  return sqlite3_exec (self->db, sql, NULL, NULL, NULL) == SQLITE_OK || fail (self, error);
}

static gboolean
prepare (YsBundleStaging  *self,
         const char       *sql,
         sqlite3_stmt    **stmt,
         GError          **error)
{
  return sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL)
         == SQLITE_OK || fail (self, error);
}

YsBundleStaging *
ys_bundle_staging_new (GError **error)
{
  YsBundleStaging *self = g_new0 (YsBundleStaging, 1);
  g_autofree char *pragmas = g_strdup_printf (
    "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE;"
    "PRAGMA temp_store = FILE; PRAGMA cache_size = -%d;", STAGING_CACHE_KIB);

  self->packed = g_byte_array_new ();
  /* "": a private file in the temporary folder, deleted when closed. */
  if (sqlite3_open_v2 ("", &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
      != SQLITE_OK)
    {
      fail (self, error);
      goto failed;
    }
  if (!exec (self, pragmas, error))
    goto failed;

  for (YsRecordKind k = 0; k < YS_N_RECORD_KINDS; k++)
    {
      g_autofree char *create = g_strdup_printf (
        "CREATE TABLE r%d (idx INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data BLOB NOT NULL)",
        k);
      g_autofree char *insert = g_strdup_printf ("INSERT INTO r%d VALUES (?, ?, ?)", k);
      g_autofree char *fetch = g_strdup_printf (
        "SELECT idx, data FROM r%d WHERE idx > ? ORDER BY idx LIMIT ?", k);
      g_autofree char *lookup = g_strdup_printf ("SELECT 1 FROM r%d WHERE id = ?", k);
      g_autofree char *remove = g_strdup_printf ("DELETE FROM r%d WHERE idx = ?", k);

      if (!exec (self, create, error) ||
          !prepare (self, insert, &self->insert[k], error) ||
          !prepare (self, fetch, &self->fetch[k], error) ||
          !prepare (self, lookup, &self->lookup[k], error) ||
          !prepare (self, remove, &self->remove[k], error))
        goto failed;
    }

  /* One transaction for the whole stay: nothing here needs to survive. */
  if (!exec (self, "BEGIN", error))
    goto failed;
  return self;

failed:
  ys_bundle_staging_free (self);
  return NULL;
}

void
ys_bundle_staging_free (YsBundleStaging *self)
{
  if (self == NULL)
    return;
  for (YsRecordKind k = 0; k < YS_N_RECORD_KINDS; k++)
    {
      sqlite3_finalize (self->insert[k]);
      sqlite3_finalize (self->fetch[k]);
      sqlite3_finalize (self->lookup[k]);
      sqlite3_finalize (self->remove[k]);
    }
  sqlite3_close (self->db);
  g_byte_array_unref (self->packed);
  g_free (self);
}

/* The struct, its text pointers replaced by offsets from the blob's start
 * (0 for NULL), then the text. */
static void
pack (YsRecordKind   kind,
      gconstpointer  record,
      GByteArray    *out)
{
  const Layout *layout = &layouts[kind];

  g_byte_array_set_size (out, layout->size);
  memcpy (out->data, record, layout->size);
  for (guint i = 0; i < layout->n_strings; i++)
    {
      const char *text = text_at (record, layout->strings[i]);
      gsize offset = 0;

      if (text != NULL)
        {
          offset = out->len;
          g_byte_array_append (out, (const guint8 *) text, strlen (text) + 1);
        }
      memcpy (out->data + layout->strings[i], &offset, sizeof offset);
    }
}

void
ys_bundle_staging_unpack (YsRecordKind  kind,
                          guint8       *blob,
                          gpointer      record)
{
  const Layout *layout = &layouts[kind];

  memcpy (record, blob, layout->size);
  for (guint i = 0; i < layout->n_strings; i++)
    {
      gsize offset;
      const char *text;

      memcpy (&offset, (guint8 *) record + layout->strings[i], sizeof offset);
      text = offset != 0 ? (const char *) blob + offset : NULL;
      memcpy ((guint8 *) record + layout->strings[i], &text, sizeof text);
    }
}

gboolean
ys_bundle_staging_add (YsBundleStaging  *self,
                       YsRecordKind      kind,
                       gconstpointer     record,
                       gboolean         *duplicate,
                       GError          **error)
{
  sqlite3_stmt *stmt = self->insert[kind];
  int rc;

  pack (kind, record, self->packed);
  sqlite3_bind_int64 (stmt, 1, self->next_index[kind]);
  sqlite3_bind_text (stmt, 2, text_at (record, layouts[kind].id), -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 3, self->packed->data, self->packed->len, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  *duplicate = (rc & 0xff) == SQLITE_CONSTRAINT;
  if (*duplicate)
    return TRUE;
  if (rc != SQLITE_DONE)
    return fail (self, error);
  self->next_index[kind]++;
  self->count[kind]++;
  return TRUE;
}

gboolean
ys_bundle_staging_clear_kind (YsBundleStaging  *self,
                              YsRecordKind      kind,
                              GError          **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM r%d", kind);

  if (!exec (self, sql, error))
    return FALSE;
  self->count[kind] = 0;
  self->next_index[kind] = 0;
  return TRUE;
}

guint
ys_bundle_staging_count (YsBundleStaging *self,
                         YsRecordKind     kind)
{
  return self->count[kind];
}

gboolean
ys_bundle_staging_contains (YsBundleStaging  *self,
                            YsRecordKind      kind,
                            const char       *id,
                            gboolean         *found,
                            GError          **error)
{
  sqlite3_stmt *stmt = self->lookup[kind];
  int rc;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  *found = rc == SQLITE_ROW;
  return rc == SQLITE_ROW || rc == SQLITE_DONE || fail (self, error);
}

gboolean
ys_bundle_staging_fetch (YsBundleStaging  *self,
                         YsRecordKind      kind,
                         gint64            after,
                         guint             max,
                         GByteArray       *blobs,
                         GArray           *ends,
                         GError          **error)
{
  sqlite3_stmt *stmt = self->fetch[kind];
  int rc;

  sqlite3_bind_int64 (stmt, 1, after);
  sqlite3_bind_int64 (stmt, 2, max);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint64 entry[2];

      g_byte_array_append (blobs, sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
      entry[0] = sqlite3_column_int64 (stmt, 0);
      entry[1] = blobs->len;
      g_array_append_vals (ends, entry, 2);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || fail (self, error);
}

gboolean
ys_bundle_staging_delete (YsBundleStaging  *self,
                          YsRecordKind      kind,
                          guint             index,
                          GError          **error)
{
  sqlite3_stmt *stmt = self->remove[kind];
  int rc;

  sqlite3_bind_int64 (stmt, 1, index);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return fail (self, error);
  self->count[kind]--;
  return TRUE;
}
