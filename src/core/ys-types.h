/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The two modes of a run, in the order they are stored (0, 1). */
typedef enum
{
  YS_MODE_WITHOUT_AI = 0,
  YS_MODE_WITH_AI = 1,
} YsMode;

/* Whether the output of a run was used; "unknown" until the team knows. */
typedef enum
{
  YS_USED_UNKNOWN = 0,
  YS_USED_YES = 1,
  YS_USED_NO = 2,
} YsUsed;

/* How a run's mode was decided (FORMAT.md's "assignment"), as stored. */
typedef enum
{
  YS_ASSIGNMENT_CHOSEN = 0,      /* the person chose with or without AI */
  YS_ASSIGNMENT_DRAWN = 1,       /* Yardstick drew the mode and it was kept */
  YS_ASSIGNMENT_OVERRIDDEN = 2,  /* Yardstick drew a mode; the run went the other way */
} YsAssignment;

#define YS_LIMITS_MAX_ACTIVE_WORKFLOWS 3
#define YS_LIMITS_MIN_DURATION 1
#define YS_LIMITS_MAX_DURATION 604800
#define YS_LIMITS_MAX_CORRECTIONS 1000
#define YS_LIMITS_MIN_PEOPLE 1
#define YS_LIMITS_MAX_PEOPLE 10000
#define YS_LIMITS_MAX_NAME 200
#define YS_LIMITS_MAX_TEXT 10000
/* A tool's monthly cost, in hundredths of the organisation's currency. */
#define YS_LIMITS_MAX_MONTHLY_COST_CENTS G_GINT64_CONSTANT (1000000000)

const char *ys_mode_to_string       (YsMode        mode);
gboolean    ys_mode_from_string     (const char   *string,
                                     YsMode       *mode);
const char *ys_assignment_to_string (YsAssignment  assignment);
gboolean    ys_assignment_from_string (const char   *string,
                                       YsAssignment *assignment);

G_END_DECLS
