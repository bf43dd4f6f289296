/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "ys-error.h"

G_DEFINE_QUARK (ys-error-quark, ys_error)
