/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ys-bundle.h"

G_BEGIN_DECLS

/*
 * Records to text, the same way every time: each record is one line of
 * compact JSON (no spaces) with its keys in a fixed order, FORMAT.md's
 * order with the fields added since. The merge's tie rule compares
 * records by this text, so two computers that hold the same records write
 * the same bytes.
 */

/* Appends @record (a YsWorkflowRecord, … as @kind says) to @out. */
void      ys_bundle_append_record (GString        *out,
                                   YsRecordKind    kind,
                                   gconstpointer   record);
/* The same text, on its own. */
char     *ys_bundle_record_text   (YsRecordKind    kind,
                                   gconstpointer   record);

G_END_DECLS
