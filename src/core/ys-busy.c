/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "ys-busy.h"

/* Atomic: the backup thread opens connections too. */
static int timeout_ms = YS_BUSY_TIMEOUT_MS;

int
ys_busy_timeout_ms (void)
{
  return g_atomic_int_get (&timeout_ms);
}

void
ys_busy_set_timeout_ms (int milliseconds)
{
  g_return_if_fail (milliseconds >= 0);
  g_atomic_int_set (&timeout_ms, milliseconds);
}
