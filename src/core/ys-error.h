/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define YS_ERROR (ys_error_quark ())

/* The message of every YsError is the sentence a person reads. */
typedef enum
{
  YS_ERROR_INVALID,        /* a value breaks a field rule */
  YS_ERROR_LIMIT,          /* the three-active-workflows limit */
  YS_ERROR_DUPLICATE,      /* a name that is already taken */
  YS_ERROR_NOT_FOUND,      /* a record that does not exist (or is deleted), or that a
                            * bundle refers to without carrying it */
  YS_ERROR_DATABASE,       /* SQLite failed */
  YS_ERROR_NEWER_DATABASE, /* a database or bundle written by a newer Yardstick */
  YS_ERROR_NOT_EMPTY,      /* --demo on a database that has data */
  YS_ERROR_USAGE,          /* wrong command-line usage */
  YS_ERROR_DAMAGED,        /* a damaged database or bundle, or a file that is not one */
  YS_ERROR_READ_ONLY,      /* the database or its folder cannot be written */
  YS_ERROR_BUSY,           /* another program kept the database locked */
  YS_ERROR_FOLDER,         /* the team folder cannot be read, or written to */
  YS_ERROR_TOO_LARGE,      /* a file over the size a bundle may have */
  YS_ERROR_UNREADABLE,     /* a file that could not be read at all */
} YsError;

GQuark ys_error_quark (void);

G_END_DECLS
