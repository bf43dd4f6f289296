/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ys-backup.h"
#include "ys-store.h"

G_BEGIN_DECLS

/* Marks @field as wrong and shows @message in @label; NULL clears both.
 * The message also becomes the field's accessible description, so a screen
 * reader says why the field is refused. */
void ys_form_show_error (GtkWidget  *field,
                         GtkLabel   *label,
                         const char *message);

/* The tool to preselect for a run with AI: the one used last on the
 * workflow, else the team's default from Preferences. NULL when neither. */
char *ys_form_preferred_tool_id (YsStore    *store,
                                 const char *workflow_id);
/* The team's default tool from Preferences, or NULL. */
char *ys_form_default_tool_id   (void);

/* The tools to choose from for a run with AI, as names for a combo row or a
 * drop-down: the team's tools, @tool_id kept even when the team has removed
 * it (named @tool_name), and "New Tool…" last. @ids receives the id beside
 * each name, NULL for "New Tool…"; the position of @tool_id is returned (0
 * when it is NULL). Log Run and the timer offer the same choices. */
GtkStringList *ys_form_tool_choices  (YsStore     *store,
                                      const char  *tool_id,
                                      const char  *tool_name,
                                      GPtrArray   *ids,
                                      guint       *position);
/* The name typed for a new tool, or NULL while it is not a valid one; the
 * reason shows in @error_label, except for a field still empty. */
char          *ys_form_new_tool_name (GtkWidget   *field,
                                      GtkLabel    *error_label);

/* "Monday 23 November 2026", and "109 runs in 3 workflows", for lists of
 * backups. */
char *ys_form_format_backup_date (const YsBackup *backup);
char *ys_form_describe_backup    (const YsBackup *backup);

/* A dialog's title shows in its header and names the window for screen readers. */
void ys_form_set_title (GtkWindow  *window,
                        GtkWidget  *window_title,
                        const char *title);

G_END_DECLS
