/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "ys-timer.h"

/*
 * A running timer is only timestamps: when it started, when it was paused
 * and how long all earlier pauses lasted. Elapsed time is always computed
 * from those and the clock, never counted in ticks, so a timer survives a
 * quit, a crash or a reboot, and local-time changes do not touch it.
 */

/* A field added here belongs in ys_timer_equal () too, or the store's model
 * keeps the old object when only that field changes. */
struct _YsTimer
{
  GObject parent_instance;

  char *workflow_id;
  YsMode mode;
  char *tool_id;
  gint64 started_at;
  gint64 paused_at;
  gint64 paused_total;
  YsAssignment assignment;
  char *reason;
};

G_DEFINE_FINAL_TYPE (YsTimer, ys_timer, G_TYPE_OBJECT)

static void
ys_timer_finalize (GObject *object)
{
  YsTimer *self = (YsTimer *) object;

  g_clear_pointer (&self->workflow_id, g_free);
  g_clear_pointer (&self->tool_id, g_free);
  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (ys_timer_parent_class)->finalize (object);
}

static void
ys_timer_class_init (YsTimerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ys_timer_finalize;
}

static void
ys_timer_init (YsTimer *self)
{
}

YsTimer *
ys_timer_new (const char   *workflow_id,
              YsMode        mode,
              const char   *tool_id,
              gint64        started_at,
              gint64        paused_at,
              gint64        paused_total,
              YsAssignment  assignment,
              const char   *reason)
{
  YsTimer *self = g_object_new (YS_TYPE_TIMER, NULL);

  self->workflow_id = g_strdup (workflow_id);
  self->mode = mode;
  self->tool_id = g_strdup (tool_id);
  self->started_at = started_at;
  self->paused_at = paused_at;
  self->paused_total = paused_total;
  self->assignment = assignment;
  self->reason = g_strdup (reason ? reason : "");
  return self;
}

const char *
ys_timer_get_workflow_id (YsTimer *self)
{
  g_return_val_if_fail (YS_IS_TIMER (self), NULL);
  return self->workflow_id;
}

YsMode
ys_timer_get_mode (YsTimer *self)
{
  g_return_val_if_fail (YS_IS_TIMER (self), YS_MODE_WITHOUT_AI);
  return self->mode;
}

const char *
ys_timer_get_tool_id (YsTimer *self)
{
  g_return_val_if_fail (YS_IS_TIMER (self), NULL);
  return self->tool_id;
}

gint64
ys_timer_get_started_at (YsTimer *self)
{
  g_return_val_if_fail (YS_IS_TIMER (self), 0);
  return self->started_at;
}

gint64
ys_timer_get_paused_at (YsTimer *self)
{
  g_return_val_if_fail (YS_IS_TIMER (self), 0);
  return self->paused_at;
}

gint64
ys_timer_get_paused_total (YsTimer *self)
{
  g_return_val_if_fail (YS_IS_TIMER (self), 0);
  return self->paused_total;
}

gboolean
ys_timer_is_paused (YsTimer *self)
{
  g_return_val_if_fail (YS_IS_TIMER (self), FALSE);
  return self->paused_at != 0;
}

/* Microseconds of work so far; a clock set back never makes it negative. */
gint64
ys_timer_get_elapsed (YsTimer *self,
                      gint64   now)
{
  gint64 end;

  g_return_val_if_fail (YS_IS_TIMER (self), 0);

  end = self->paused_at != 0 ? self->paused_at : now;
  return MAX (0, end - self->started_at - self->paused_total);
}

gint64
ys_timer_get_elapsed_seconds (YsTimer *self,
                              gint64   now)
{
  return (ys_timer_get_elapsed (self, now) + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC;
}

/* Whether two timers are the same state of the same timer. */
gboolean
ys_timer_equal (gconstpointer a,
                gconstpointer b)
{
  const YsTimer *x = a;
  const YsTimer *y = b;

  return g_strcmp0 (x->workflow_id, y->workflow_id) == 0 &&
         x->mode == y->mode &&
         g_strcmp0 (x->tool_id, y->tool_id) == 0 &&
         x->started_at == y->started_at &&
         x->paused_at == y->paused_at &&
         x->paused_total == y->paused_total &&
         x->assignment == y->assignment &&
         g_strcmp0 (x->reason, y->reason) == 0;
}

YsAssignment
ys_timer_get_assignment (YsTimer *self)
{
  g_return_val_if_fail (YS_IS_TIMER (self), YS_ASSIGNMENT_CHOSEN);
  return self->assignment;
}

/* The mode Yardstick drew, when it drew one. */
gboolean
ys_timer_get_drawn_mode (YsTimer *self,
                         YsMode  *mode)
{
  g_return_val_if_fail (YS_IS_TIMER (self), FALSE);

  if (self->assignment == YS_ASSIGNMENT_CHOSEN)
    return FALSE;
  if (mode != NULL)
    *mode = self->assignment == YS_ASSIGNMENT_DRAWN ? self->mode : !self->mode;
  return TRUE;
}

const char *
ys_timer_get_reason (YsTimer *self)
{
  g_return_val_if_fail (YS_IS_TIMER (self), NULL);
  return self->reason;
}
