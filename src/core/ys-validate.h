/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ys-types.h"

G_BEGIN_DECLS

typedef enum
{
  YS_NAME_WORKFLOW,
  YS_NAME_TOOL,
} YsNameKind;

char     *ys_validate_name        (const char  *name,
                                   YsNameKind   kind,
                                   GError     **error);
gboolean  ys_validate_duration    (gint64       seconds,
                                   GError     **error);
gboolean  ys_validate_corrections (gint64       corrections,
                                   GError     **error);
gboolean  ys_validate_people      (gint64       people,
                                   GError     **error);
gboolean  ys_validate_text        (const char  *text,
                                   GError     **error);
gboolean  ys_validate_mode_tool   (YsMode       mode,
                                   const char  *tool_id,
                                   GError     **error);
gboolean  ys_parse_iso_date       (const char  *text,
                                   GDate       *date);
/* The other way: "2026-11-22", four-digit years, so dates compare as text. */
void      ys_format_iso_date      (const GDate *date,
                                   char         text[11]);
gboolean  ys_is_quarter           (const char  *text);
gboolean  ys_is_uuid              (const char  *string);
char     *ys_uuid_new             (void);

G_END_DECLS
