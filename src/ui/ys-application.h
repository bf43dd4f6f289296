/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ys-context.h"
#include "ys-team-folder.h"

G_BEGIN_DECLS

#define YS_TYPE_APPLICATION (ys_application_get_type ())
G_DECLARE_FINAL_TYPE (YsApplication, ys_application, YS, APPLICATION, AdwApplication)

/* @database_path: NULL for the default database under the user data dir */
YsApplication *ys_application_new (const char *database_path);

/* The store, clock, settings and random source the windows share; NULL
 * until a database is open. */
YsContext     *ys_application_get_context (YsApplication *self);
/* When and how this database syncs with its team folder; NULL until a
 * database is open. */
YsTeamFolder  *ys_application_get_team_folder (YsApplication *self);

/* The dialog for a database ys_store_open() refused with @error; its
 * responses are "close", and by the kind of error "new" and "restore"
 * (damaged; "restore" only when a usable backup exists) or "retry"
 * (locked or read-only). */
GtkWidget     *ys_application_open_error_dialog_new (const char   *path,
                                                     const GError *error);

G_END_DECLS
