/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ys-store.h"
#include "ys-tracker-import.h"

G_BEGIN_DECLS

#define YS_TYPE_HISTORY_ASSISTANT (ys_history_assistant_get_type ())
G_DECLARE_FINAL_TYPE (YsHistoryAssistant, ys_history_assistant, YS, HISTORY_ASSISTANT, AdwWindow)

/* "Bring in history": a time tracker's export becomes runs of one
 * workflow, in five steps (the file; what was recognised; which entries;
 * the mode and tool; the figures it would give). @workflow_id is the
 * workflow to preselect, or NULL. After an import it emits "imported"
 * with the const YsTrackerImport * (valid during the emission, for Undo)
 * and closes. */
GtkWidget *ys_history_assistant_new       (GtkWindow          *parent,
                                           YsStore            *store,
                                           const char         *workflow_id);
/* Reads @file as the chosen export, as the file chooser does. */
void       ys_history_assistant_open_file (YsHistoryAssistant *self,
                                           GFile              *file);

G_END_DECLS
