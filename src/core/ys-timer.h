/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ys-types.h"

G_BEGIN_DECLS

/* A timer left running longer than this asks whether the time is right. */
#define YS_TIMER_LONG_SECONDS (12 * 3600)

#define YS_TYPE_TIMER (ys_timer_get_type ())
G_DECLARE_FINAL_TYPE (YsTimer, ys_timer, YS, TIMER, GObject)

/* Times in microseconds since the epoch; @paused_at is 0 while running.
 * @assignment: how the mode was decided; @reason, why a drawn mode was
 * declined (may be empty). A drawn timer with AI may have no tool yet. */
YsTimer    *ys_timer_new                 (const char   *workflow_id,
                                          YsMode        mode,
                                          const char   *tool_id,
                                          gint64        started_at,
                                          gint64        paused_at,
                                          gint64        paused_total,
                                          YsAssignment  assignment,
                                          const char   *reason);
const char *ys_timer_get_workflow_id     (YsTimer    *self);
YsMode      ys_timer_get_mode            (YsTimer    *self);
const char *ys_timer_get_tool_id         (YsTimer    *self);
gint64      ys_timer_get_started_at      (YsTimer    *self);
gint64      ys_timer_get_paused_at       (YsTimer    *self);
gint64      ys_timer_get_paused_total    (YsTimer    *self);
gboolean    ys_timer_is_paused           (YsTimer    *self);
gint64      ys_timer_get_elapsed         (YsTimer    *self,
                                          gint64      now);
gint64      ys_timer_get_elapsed_seconds (YsTimer    *self,
                                          gint64      now);
gboolean    ys_timer_equal               (gconstpointer a,
                                          gconstpointer b);
YsAssignment ys_timer_get_assignment     (YsTimer    *self);
/* FALSE for a mode the person chose. */
gboolean    ys_timer_get_drawn_mode      (YsTimer    *self,
                                          YsMode     *mode);
const char *ys_timer_get_reason          (YsTimer    *self);

G_END_DECLS
