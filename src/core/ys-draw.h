/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ys-types.h"

G_BEGIN_DECLS

/*
 * The fair test's draw: for each run of a workflow, with or without AI at
 * random, before the work starts. The draws of a workflow are a walk (+1
 * with AI, −1 without); a draw is a fair coin unless one side would take
 * the walk's range (its highest point less its lowest) past
 * YS_DRAW_MAX_LEAD, and then it is the other side. That is exactly "over
 * any stretch of drawn runs neither mode leads by more than 2", and every
 * draw that can be random is: the next one is never known in advance, yet
 * the two modes stay balanced.
 *
 * The walk is kept as where it stands above its lowest point and how far
 * its highest point is above that; the store keeps it per workflow in the
 * database, changed in the same transaction that starts the timer.
 */

#define YS_DRAW_MAX_LEAD 2

typedef struct
{
  int position;   /* 0 ≤ position ≤ span */
  int span;       /* 0 ≤ span ≤ YS_DRAW_MAX_LEAD */
} YsDrawWalk;

/* Whether drawing @mode keeps the walk's range within the lead. */
gboolean ys_draw_walk_allows (const YsDrawWalk *walk,
                              YsMode            mode);
/* The next draw: one of @random's coins, or the only side allowed. */
YsMode   ys_draw_walk_next   (const YsDrawWalk *walk,
                              GRand            *random);
/* Moves the walk by a draw of @mode, which it must allow. */
void     ys_draw_walk_take   (YsDrawWalk       *walk,
                              YsMode            mode);
gboolean ys_draw_walk_is_valid (const YsDrawWalk *walk);

G_END_DECLS
