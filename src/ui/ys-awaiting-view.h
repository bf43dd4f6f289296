/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ys-store.h"

G_BEGIN_DECLS

#define YS_TYPE_AWAITING_VIEW (ys_awaiting_view_get_type ())
G_DECLARE_FINAL_TYPE (YsAwaitingView, ys_awaiting_view, YS, AWAITING_VIEW, GtkWidget)

/* Runs whose "used" is not yet known, each settled with one click. */
GtkWidget *ys_awaiting_view_new (YsStore *store);

G_END_DECLS
