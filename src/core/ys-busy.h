/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How long Yardstick waits for another program to let go of the database
 * before it says the file is locked. */
#define YS_BUSY_TIMEOUT_MS 5000

/* The wait, in milliseconds, for every connection opened from now on:
 * YS_BUSY_TIMEOUT_MS unless a test set another. */
int   ys_busy_timeout_ms     (void);
/* For tests, which need not wait five real seconds to see a refusal. */
void  ys_busy_set_timeout_ms (int milliseconds);

G_END_DECLS
