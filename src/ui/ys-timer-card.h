/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ys-store.h"

G_BEGIN_DECLS

#define YS_TYPE_TIMER_CARD (ys_timer_card_get_type ())
G_DECLARE_FINAL_TYPE (YsTimerCard, ys_timer_card, YS, TIMER_CARD, GtkWidget)

/* Start, pause, resume, finish or discard the timer of one workflow. */
GtkWidget  *ys_timer_card_new             (YsStore     *store);
void        ys_timer_card_set_workflow_id (YsTimerCard *self,
                                           const char  *workflow_id);
const char *ys_timer_card_get_workflow_id (YsTimerCard *self);

G_END_DECLS
