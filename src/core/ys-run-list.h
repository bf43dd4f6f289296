/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ys-store.h"

G_BEGIN_DECLS

typedef enum
{
  YS_RUN_FILTER_ALL,
  YS_RUN_FILTER_AWAITING_OUTCOME,  /* whether the output was used is not yet known */
} YsRunFilter;

#define YS_TYPE_RUN_LIST (ys_run_list_get_type ())
G_DECLARE_FINAL_TYPE (YsRunList, ys_run_list, YS, RUN_LIST, GObject)

YsRunList  *ys_run_list_new             (YsStore     *store,
                                         const char  *workflow_id,
                                         YsRunFilter  filter);
void        ys_run_list_set_search      (YsRunList   *self,
                                         const char  *search);

G_END_DECLS
