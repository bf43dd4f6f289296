/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* F1: the help in the help viewer (Yelp); without one, the same pages as
 * HTML in a web browser; without either, a dialog that says where the help
 * is, so that a missing viewer never ends in a bare "Operation not
 * supported". */
void       ys_help_show               (GtkWindow  *parent);

/* The HTML help's index.html in the first of the user's languages that has
 * it, or NULL when it was not built (yelp-build missing at build time). */
char      *ys_help_html_index         (void);

/* Where the help is: the HTML index when there is one, else the Mallard
 * pages' folder. */
char      *ys_help_location           (void);

/* The dialog shown when nothing could open the help. */
GtkWidget *ys_help_missing_dialog_new (GtkWindow  *parent,
                                       const char *location,
                                       gboolean    is_html);

G_END_DECLS
