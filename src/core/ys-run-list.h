/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ys-store.h"

G_BEGIN_DECLS

#define YS_TYPE_RUN_LIST (ys_run_list_get_type ())
G_DECLARE_FINAL_TYPE (YsRunList, ys_run_list, YS, RUN_LIST, GObject)

YsRunList  *ys_run_list_new             (YsStore    *store,
                                         const char *workflow_id);
const char *ys_run_list_get_workflow_id (YsRunList  *self);

G_END_DECLS
