/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ys-team-folder.h"

G_BEGIN_DECLS

#define YS_TYPE_TEAM_FOLDER_PAGE (ys_team_folder_page_get_type ())
G_DECLARE_FINAL_TYPE (YsTeamFolderPage, ys_team_folder_page, YS, TEAM_FOLDER_PAGE,
                      AdwPreferencesPage)

/* The preferences' Team Folder page for @team, whose folder and switch
 * are @settings' "team-folder" and "team-folder-enabled". */
GtkWidget *ys_team_folder_page_new    (YsTeamFolder     *team,
                                       GSettings        *settings);
/* What happens once @path is picked in the file chooser: the first time,
 * an explanation of what the folder is for, to accept or cancel. */
void       ys_team_folder_page_choose (YsTeamFolderPage *self,
                                       const char       *path);
/* Opens @team's folder in the file manager, for the window of @from. */
void       ys_team_folder_page_show_folder (YsTeamFolder *team,
                                            GtkWidget    *from);

G_END_DECLS
