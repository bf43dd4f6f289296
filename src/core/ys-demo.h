/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ys-store.h"

G_BEGIN_DECLS

/* The sample team's twelve weeks end on this Friday (local dates). */
#define YS_DEMO_LAST_DAY "2026-11-20"
#define YS_DEMO_WEEKS 12

gboolean ys_demo_fill (YsStore  *store,
                       GError  **error);

/* The sample team in a database of its own, in a new private folder under
 * the user's runtime folder: the real database is never opened for it, so
 * no made-up figure can reach a real report. The folder and everything in
 * it go when the last reference to the store does. */
YsStore *ys_demo_open_sample (GError **error);
/* TRUE for a store that ys_demo_open_sample() made. */
gboolean ys_demo_is_sample   (YsStore  *store);

G_END_DECLS
