/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ys-bundle.h"
#include "ys-store.h"

G_BEGIN_DECLS

#define YS_TYPE_WINDOW (ys_window_get_type ())
G_DECLARE_FINAL_TYPE (YsWindow, ys_window, YS, WINDOW, AdwApplicationWindow)

YsWindow   *ys_window_new                      (GtkApplication *application,
                                                YsStore        *store);
const char *ys_window_get_selected_workflow_id (YsWindow       *self);
void        ys_window_select_workflow          (YsWindow       *self,
                                                const char     *id);
void        ys_window_import_files             (YsWindow       *self,
                                                GListModel     *files);
gboolean    ys_window_export_file              (YsWindow       *self,
                                                GFile          *file,
                                                YsBundleScope   scope);
void        ys_window_add_toast                (YsWindow       *self,
                                                const char     *title);

G_END_DECLS
