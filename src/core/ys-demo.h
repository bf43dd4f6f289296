/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ys-store.h"

G_BEGIN_DECLS

/* The sample team's twelve weeks end on this Friday (local dates). */
#define YS_DEMO_LAST_DAY "2026-11-20"
#define YS_DEMO_WEEKS 12

gboolean ys_demo_fill (YsStore  *store,
                       GError  **error);

G_END_DECLS
