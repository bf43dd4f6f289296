/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of FORMAT.md. */
#define YS_EXIT_OK 0
#define YS_EXIT_REFUSED 1
#define YS_EXIT_USAGE 2

typedef struct
{
  char *database;     /* NULL: the default database */
  gboolean open_window;
  gboolean service;   /* started by D-Bus activation */
} YsCliResult;

void ys_cli_result_clear (YsCliResult *result);

/* Handles the headless options and returns the exit status; when
 * @result->open_window is set, the caller opens the window instead. */
int ys_cli_run (int          argc,
                char       **argv,
                YsCliResult *result);

G_END_DECLS
