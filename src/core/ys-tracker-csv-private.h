/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ys-tracker-csv.h"

G_BEGIN_DECLS

/* What ys-tracker-csv.c reads and ys-tracker-entries.c filters and counts:
 * each entry with its texts folded once, for matching as the person types. */

typedef struct
{
  YsTrackerEntry  entry;
  char           *folded_project;
  char           *folded_description;
  GStrv           folded_tags;
} Entry;

struct _YsTrackerCsv
{
  YsTrackerFormat  format;
  GPtrArray       *entries;   /* Entry */
};

/* Normalised and case-folded, so "Café" matches "CAFÉ" and "cafe\u0301". */
char *ys_tracker_fold (const char *text);

G_END_DECLS
