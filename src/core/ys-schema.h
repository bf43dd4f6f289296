/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The newest database version this build reads and writes. */
#define YS_SCHEMA_VERSION 9

typedef struct _YsDatabase YsDatabase;

/* Brings a database at @from_version up to YS_SCHEMA_VERSION in one
 * transaction; nothing changes when a step fails. */
gboolean ys_schema_migrate           (YsDatabase   *database,
                                      int           from_version,
                                      GError      **error);

/* For tests: a new database file at @path whose schema stops at @version
 * (1 to YS_SCHEMA_VERSION), as that release of Yardstick made it. */
gboolean ys_schema_create_at_version (const char   *path,
                                      int           version,
                                      GError      **error);

/* Inside a write transaction, before merging @n_runs runs: when they are
 * many, drops the indexes and triggers on runs and returns in @rebuild
 * what ys_schema_bulk_end() needs to create them again and recount the
 * totals; for few, sets @rebuild to NULL and changes nothing. */
gboolean ys_schema_bulk_begin        (YsDatabase   *database,
                                      guint         n_runs,
                                      GPtrArray   **rebuild,
                                      GError      **error);
gboolean ys_schema_bulk_end          (YsDatabase   *database,
                                      GPtrArray    *rebuild,
                                      GError      **error);

G_END_DECLS
