/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The characters that make a spreadsheet run a cell as a formula when they
 * come first; ys_csv_append_cell() puts a single quote in front of them. */
#define YS_CSV_FORMULA_STARTS "=+-@\t\r"

/* Reads RFC 4180 records from a stream, one at a time, so a file is never
 * held whole: a UTF-8 byte-order mark, CRLF, LF or CR line ends, quoted
 * fields with delimiters, doubled quotes and line breaks. Blank lines
 * between records are passed over. Errors are YS_ERROR_INVALID, worded
 * "line N: ..." for the caller to put the file's name in front. */
typedef struct _YsCsvReader YsCsvReader;

/* @delimiter: ',', '\t', ';', or 0 to take whichever of the three the first
 * line has most of (comma when none). */
YsCsvReader *ys_csv_reader_new           (GInputStream  *stream,
                                          char           delimiter);
void         ys_csv_reader_free          (YsCsvReader   *reader);

/* Fills @fields (emptied first; it must free its items with g_free) with the
 * next record's fields and sets @line to the physical line the record starts
 * on. FALSE with @error unset at the end of the input. */
gboolean     ys_csv_reader_next          (YsCsvReader   *reader,
                                          GPtrArray     *fields,
                                          guint         *line,
                                          GCancellable  *cancellable,
                                          GError       **error);
/* The delimiter in use; before the first record is read, 0 when guessing. */
char         ys_csv_reader_get_delimiter (YsCsvReader   *reader);

/* The text of a cell that ys_csv_append_cell() defused: the single quote it
 * put in front of a formula character is dropped. A pointer into @cell. */
const char  *ys_csv_cell_text            (const char    *cell);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsCsvReader, ys_csv_reader_free)

G_END_DECLS
