/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ys-stats.h"

G_BEGIN_DECLS

#define YS_TYPE_FIGURES_VIEW (ys_figures_view_get_type ())
G_DECLARE_FINAL_TYPE (YsFiguresView, ys_figures_view, YS, FIGURES_VIEW, GtkWidget)

/* A workflow's figures: the headline, divergence, figures, tools, and the
 * trend charts with a table of the same numbers. */
GtkWidget  *ys_figures_view_new             (YsStore       *store);
void        ys_figures_view_set_workflow_id (YsFiguresView *self,
                                             const char    *workflow_id);
void        ys_figures_view_set_period      (YsFiguresView *self,
                                             YsPeriod       period);
/* Whether the figures for what was asked last are still being read (on a
 * worker thread: the page shows them when they come); notified as the
 * "reading" property. */
/* While held, figures asked for are read once the hold ends. */
void        ys_figures_view_hold_reads      (YsFiguresView *self,
                                             gboolean       hold);
gboolean    ys_figures_view_is_reading      (YsFiguresView *self);
const char *ys_figures_view_get_headline    (YsFiguresView *self);

G_END_DECLS
