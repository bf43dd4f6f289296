/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define YS_TYPE_TOOL (ys_tool_get_type ())
G_DECLARE_FINAL_TYPE (YsTool, ys_tool, YS, TOOL, GObject)

YsTool     *ys_tool_new      (const char *id,
                              const char *name);
const char *ys_tool_get_id   (YsTool     *self);
const char *ys_tool_get_name (YsTool     *self);

G_END_DECLS
