/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "ys-step.h"

static YsStepFunc step_func;
static gpointer step_data;

void
ys_step_set_func (YsStepFunc func,
                  gpointer   user_data)
{
  step_func = func;
  step_data = user_data;
}

void
ys_step (const char *step)
{
  if (G_UNLIKELY (step_func != NULL))
    step_func (step, step_data);
}
