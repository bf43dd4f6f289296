/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ys-store.h"

G_BEGIN_DECLS

#define YS_TYPE_PREFERENCES_WINDOW (ys_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (YsPreferencesWindow, ys_preferences_window, YS, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *ys_preferences_window_new (GtkWindow *parent,
                                      YsStore   *store);

G_END_DECLS
