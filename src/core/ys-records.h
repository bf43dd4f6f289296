/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ys-types.h"

G_BEGIN_DECLS

/*
 * Records as they travel between computers (FORMAT.md's bundle): every
 * field, tombstone and time of change included. A bundle holds them, the
 * merge compares them, the store writes them and the bundle writer prints
 * them. Strings belong to whoever filled the record (a bundle's string
 * chunk, or a statement's row until it is reset).
 */

typedef enum
{
  YS_RECORD_WORKFLOW,
  YS_RECORD_TOOL,
  YS_RECORD_RUN,
  YS_RECORD_FEEDBACK,
  YS_RECORD_REVIEW,
  YS_N_RECORD_KINDS,
} YsRecordKind;

typedef struct
{
  const char *id;
  const char *name;
  const char *description;
  int people;
  gboolean archived;
  gint64 updated_at;      /* microseconds since the epoch */
  gboolean deleted;
} YsWorkflowRecord;

typedef struct
{
  const char *id;
  const char *name;
  gint64 monthly_cost;    /* hundredths, or -1 when not known */
  gint64 updated_at;
  gboolean deleted;
} YsToolRecord;

typedef struct
{
  const char *id;
  const char *workflow;
  YsMode mode;
  const char *tool;       /* NULL without AI */
  gint64 started_at;      /* seconds since the epoch */
  int started_offset;     /* the UTC offset it was written with, in seconds */
  gint64 duration_seconds;
  gint64 corrections;
  YsUsed used;
  const char *note;
  YsAssignment assignment;
  const char *source;     /* NULL, or "tracker" */
  gint64 updated_at;
  gboolean deleted;
} YsRunRecord;

typedef struct
{
  const char *id;
  const char *workflow;
  const char *tool;
  gboolean saves_time;
  const char *given_on;   /* YYYY-MM-DD */
  const char *comment;
  gint64 updated_at;
  gboolean deleted;
} YsFeedbackRecord;

typedef struct
{
  const char *id;
  const char *quarter;    /* YYYY-QN */
  int coverage_percent;   /* -1 when not known */
  const char *working;
  const char *not_working;
  const char *more_rework;
  gint64 updated_at;
  gboolean deleted;
} YsReviewRecord;

/* Room for a record of any kind; each starts with its id. */
typedef union
{
  YsWorkflowRecord workflow;
  YsToolRecord tool;
  YsRunRecord run;
  YsFeedbackRecord feedback;
  YsReviewRecord review;
} YsAnyRecord;

G_END_DECLS
