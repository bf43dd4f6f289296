/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ys-store.h"
#include "ys-sync.h"

G_BEGIN_DECLS

/*
 * When the app syncs with its team folder (the folder and the switch are
 * the settings "team-folder" and "team-folder-enabled"): once started,
 * after the window's first frame; when a file in the folder changes (a
 * file monitor, debounced); a few seconds after a change to the database;
 * every 15 minutes, since a monitor may stay silent (a document-portal
 * folder under Flatpak); and once more at quit. One sync at a time, each
 * through ys_sync_run_async(), so the window never waits for one.
 */

#define YS_TYPE_TEAM_FOLDER (ys_team_folder_get_type ())
G_DECLARE_FINAL_TYPE (YsTeamFolder, ys_team_folder, YS, TEAM_FOLDER, GObject)

/* @path as a person knows it: "~/Nextcloud/Team" for a folder in the home
 * folder; for a document-portal path (Flatpak), the folder it stands
 * for, or its name. */
char               *ys_team_folder_display_path     (const char     *path);

/* @settings may be NULL: then nothing is synced. */
YsTeamFolder       *ys_team_folder_new              (YsStore        *store,
                                                     GSettings      *settings);
/* The folder to sync with, or NULL when none is chosen or syncing is off. */
const char         *ys_team_folder_get_path         (YsTeamFolder   *self);
gboolean            ys_team_folder_get_syncing      (YsTeamFolder   *self);
/* The last sync's report, or NULL before one, or when it failed (then
 * its error). */
const YsSyncReport *ys_team_folder_get_last_report  (YsTeamFolder   *self);
const GError       *ys_team_folder_get_last_error   (YsTeamFolder   *self);
/* What the database remembers of its syncs: when, how many other
 * computers, which files were skipped. */
gboolean            ys_team_folder_get_status       (YsTeamFolder   *self,
                                                     YsSyncStatus   *status,
                                                     GError        **error);

YsStore            *ys_team_folder_get_store        (YsTeamFolder   *self);
/* The overview's line ("In step with 4 other computers, 2 minutes ago"):
 * counts, never names; NULL without a folder (or with @error set).
 * @long_failures: how many files have been skipped for a day or more, when
 * the app offers to show the folder (the line then says so too). */
char               *ys_team_folder_describe         (YsTeamFolder   *self,
                                                     guint          *long_failures,
                                                     GError        **error);
/* How many whole days @problem's file has been skipped at every sync: from
 * one on, the app offers to show the folder. */
guint               ys_team_folder_days_failing     (YsTeamFolder        *self,
                                                     const YsSyncProblem *problem);

/* Starts syncing: a first sync now, then on the events above. */
void                ys_team_folder_start            (YsTeamFolder   *self);
/* A sync as soon as the one under way, if any, has finished. */
void                ys_team_folder_sync_now         (YsTeamFolder   *self);
/* The last sync, at quit: @callback runs once it is over, or at once when
 * there is nothing to sync with. The timers and the monitor stop. */
void                ys_team_folder_finish           (YsTeamFolder   *self,
                                                     GAsyncReadyCallback callback,
                                                     gpointer        user_data);
gboolean            ys_team_folder_finish_finish    (YsTeamFolder   *self,
                                                     GAsyncResult   *result,
                                                     GError        **error);

/* For tests: the waits after a change to the database and to the folder,
 * and between two syncs with nothing happening, in milliseconds. */
void                ys_team_folder_set_delays       (YsTeamFolder   *self,
                                                     guint           after_change_ms,
                                                     guint           after_folder_ms,
                                                     guint           period_ms);

G_END_DECLS
