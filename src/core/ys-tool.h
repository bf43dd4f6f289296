/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define YS_TYPE_TOOL (ys_tool_get_type ())
G_DECLARE_FINAL_TYPE (YsTool, ys_tool, YS, TOOL, GObject)

/* @monthly_cost: what the organisation pays a month, in cents; -1 when
 * not known. */
YsTool     *ys_tool_new              (const char    *id,
                                      const char    *name,
                                      gint64         monthly_cost);
const char *ys_tool_get_id           (YsTool        *self);
const char *ys_tool_get_name         (YsTool        *self);
gint64      ys_tool_get_monthly_cost (YsTool        *self);
gboolean    ys_tool_equal            (gconstpointer  a,
                                      gconstpointer  b);

G_END_DECLS
