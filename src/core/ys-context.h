/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ys-clock.h"
#include "ys-store.h"

G_BEGIN_DECLS

/*
 * What the application shares with everything it shows, as GNOME Calendar
 * keeps it: the store, the clock the store and the pages tell time by, the
 * settings, and a source of random numbers that tests can seed.
 */

#define YS_TYPE_CONTEXT (ys_context_get_type ())
G_DECLARE_FINAL_TYPE (YsContext, ys_context, YS, CONTEXT, GObject)

/* @settings may be NULL (no schema installed); @seed 0 seeds from the
 * system's entropy. The store tells time by @clock from then on. */
YsContext *ys_context_new          (YsStore    *store,
                                    YsClock    *clock,
                                    GSettings  *settings,
                                    guint32     seed);
YsStore   *ys_context_get_store    (YsContext  *self);
YsClock   *ys_context_get_clock    (YsContext  *self);
GSettings *ys_context_get_settings (YsContext  *self);
GRand     *ys_context_get_random   (YsContext  *self);
/* The seed a test gives in YARDSTICK_RANDOM_SEED, or 0 for none. */
guint32    ys_context_seed_from_environment (void);

G_END_DECLS
