/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ys-store.h"

G_BEGIN_DECLS

/* Benchmark data, not test data: three workflows, three tools and @n_runs
 * runs spread evenly over ten years, drawn from a fixed seed. */
gboolean ys_bench_fill (YsStore  *store,
                        guint     n_runs,
                        GError  **error);

G_END_DECLS
