/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ys-store.h"

G_BEGIN_DECLS

/* "Merge into…": asks which workflow the runs and answers of @source_id go
 * to, listing every other workflow (@suggested_id chosen first, if given).
 * Its responses are "cancel" and "merge"; then ys_merge_dialog_get_target()
 * names the choice. */
GtkWidget  *ys_merge_dialog_new        (GtkWindow  *parent,
                                        YsStore    *store,
                                        const char *source_id,
                                        const char *suggested_id);
const char *ys_merge_dialog_get_target (GtkWidget  *dialog);

G_END_DECLS
