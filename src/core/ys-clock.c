/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "ys-clock.h"

struct _YsClock
{
  GObject parent_instance;

  gboolean fixed;
  gint64 fixed_now;
  guint tick_id;
  GDate today;            /* the local date at the last tick */
};

G_DEFINE_FINAL_TYPE (YsClock, ys_clock, G_TYPE_OBJECT)

enum {
  TICK,
  DAY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gint64
ys_clock_get_now (YsClock *self)
{
  g_return_val_if_fail (YS_IS_CLOCK (self), 0);

  return self->fixed ? self->fixed_now : g_get_real_time ();
}

void
ys_clock_get_today (YsClock *self,
                    GDate   *today)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (YS_IS_CLOCK (self));
  g_return_if_fail (today != NULL);

  now = g_date_time_new_from_unix_local (ys_clock_get_now (self) / G_USEC_PER_SEC);
  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static void
tick (YsClock *self)
{
  GDate today;

  g_signal_emit (self, signals[TICK], 0);

  ys_clock_get_today (self, &today);
  if (g_date_compare (&today, &self->today) != 0)
    {
      self->today = today;
      g_signal_emit (self, signals[DAY_CHANGED], 0);
    }
}

/* Every second: cheap, and a date change (midnight, a suspend, the clock
 * set) is noticed within a second whatever caused it. */
static gboolean
on_tick (gpointer user_data)
{
  tick (user_data);
  return G_SOURCE_CONTINUE;
}

void
ys_clock_set_now (YsClock *self,
                  gint64   now)
{
  g_return_if_fail (YS_IS_CLOCK (self));
  g_return_if_fail (self->fixed);

  self->fixed_now = now;
  tick (self);
}

static void
ys_clock_dispose (GObject *object)
{
  YsClock *self = (YsClock *) object;

  g_clear_handle_id (&self->tick_id, g_source_remove);

  G_OBJECT_CLASS (ys_clock_parent_class)->dispose (object);
}

static void
ys_clock_class_init (YsClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ys_clock_dispose;

  /**
   * YsClock::tick:
   *
   * Every second on the wall clock; whenever a fixed clock is moved.
   */
  signals[TICK] = g_signal_new ("tick", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * YsClock::day-changed:
   *
   * The local date is not what it was at the last tick.
   */
  signals[DAY_CHANGED] = g_signal_new ("day-changed", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);
}

static void
ys_clock_init (YsClock *self)
{
  g_date_clear (&self->today, 1);
}

YsClock *
ys_clock_new (void)
{
  YsClock *self = g_object_new (YS_TYPE_CLOCK, NULL);

  ys_clock_get_today (self, &self->today);
  self->tick_id = g_timeout_add_seconds (1, on_tick, self);
  return self;
}

YsClock *
ys_clock_new_fixed (gint64 now)
{
  YsClock *self = g_object_new (YS_TYPE_CLOCK, NULL);

  self->fixed = TRUE;
  self->fixed_now = now;
  ys_clock_get_today (self, &self->today);
  return self;
}
