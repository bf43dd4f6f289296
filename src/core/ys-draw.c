/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include "ys-draw.h"

gboolean
ys_draw_walk_is_valid (const YsDrawWalk *walk)
{
  return walk != NULL && walk->span >= 0 && walk->span <= YS_DRAW_MAX_LEAD &&
         walk->position >= 0 && walk->position <= walk->span;
}

gboolean
ys_draw_walk_allows (const YsDrawWalk *walk,
                     YsMode            mode)
{
  g_return_val_if_fail (ys_draw_walk_is_valid (walk), FALSE);

  /* Up past the highest point, or down past the lowest, widens the range. */
  if (mode == YS_MODE_WITH_AI)
    return walk->position + 1 <= YS_DRAW_MAX_LEAD;
  return walk->position > 0 || walk->span + 1 <= YS_DRAW_MAX_LEAD;
}

YsMode
ys_draw_walk_next (const YsDrawWalk *walk,
                   GRand            *random)
{
  gboolean with_ok, without_ok;

  g_return_val_if_fail (ys_draw_walk_is_valid (walk), YS_MODE_WITHOUT_AI);
  g_return_val_if_fail (random != NULL, YS_MODE_WITHOUT_AI);

  with_ok = ys_draw_walk_allows (walk, YS_MODE_WITH_AI);
  without_ok = ys_draw_walk_allows (walk, YS_MODE_WITHOUT_AI);

  /* A range of at most 2 never forbids both sides. */
  g_assert (with_ok || without_ok);
  if (with_ok && without_ok)
    return g_rand_boolean (random) ? YS_MODE_WITH_AI : YS_MODE_WITHOUT_AI;
  return with_ok ? YS_MODE_WITH_AI : YS_MODE_WITHOUT_AI;
}

void
ys_draw_walk_take (YsDrawWalk *walk,
                   YsMode      mode)
{
  g_return_if_fail (ys_draw_walk_allows (walk, mode));

  if (mode == YS_MODE_WITH_AI)
    {
      walk->position++;
      walk->span = MAX (walk->span, walk->position);
    }
  else if (walk->position > 0)
    walk->position--;
  else
    walk->span++;     /* a new lowest point: the position stays 0 */
}
