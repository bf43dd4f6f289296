/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * The one source of "now" and "today". The wall clock ticks every second
 * (the store watches for other programs' writes on the tick) and emits
 * "day-changed" when the local date changes, so that "this quarter" rolls
 * over at midnight. A fixed clock, for tests, moves only when told to.
 */

#define YS_TYPE_CLOCK (ys_clock_get_type ())
G_DECLARE_FINAL_TYPE (YsClock, ys_clock, YS, CLOCK, GObject)

YsClock *ys_clock_new        (void);
/* Stands still at @now (microseconds since the epoch) until moved. */
YsClock *ys_clock_new_fixed  (gint64    now);

/* Microseconds since the epoch. */
gint64   ys_clock_get_now    (YsClock  *self);
/* The local date now. */
void     ys_clock_get_today  (YsClock  *self,
                              GDate    *today);

/* A fixed clock jumps to @now, ticks, and emits "day-changed" when the
 * local date changed. */
void     ys_clock_set_now    (YsClock  *self,
                              gint64    now);

G_END_DECLS
