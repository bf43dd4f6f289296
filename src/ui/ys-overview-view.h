/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ys-store.h"
#include "ys-team-folder.h"

G_BEGIN_DECLS

#define YS_TYPE_OVERVIEW_VIEW (ys_overview_view_get_type ())
G_DECLARE_FINAL_TYPE (YsOverviewView, ys_overview_view, YS, OVERVIEW_VIEW, GtkWidget)

/* The active workflows side by side: each one's headline and a sparkline.
 * Emits "workflow-activated" (id) when one is chosen. */
GtkWidget *ys_overview_view_new             (YsStore        *store);
/* Shows a line on how this database is in step with its team folder. */
void       ys_overview_view_set_team_folder (YsOverviewView *self,
                                             YsTeamFolder   *team);

G_END_DECLS
