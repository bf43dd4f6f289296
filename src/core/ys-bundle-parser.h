/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ys-bundle.h"

G_BEGIN_DECLS

/*
 * A bundle's bytes, in pieces of any size, to a YsBundle: yajl reads the
 * tokens, this builds one record's JSON object at a time and hands it to
 * YsBundleReader, which checks it and keeps it. Nothing else of the file
 * stays in memory.
 *
 * The verdict is the one reading the whole file first would give: invalid
 * UTF-8 anywhere is reported before anything else, then nesting too deep,
 * then broken JSON, then a file that is not an object, its "format" and
 * "version", and then the first refused record of workflows, tools, runs,
 * feedback and reviews in that order, wherever they are in the file.
 */

typedef struct _YsBundleParser YsBundleParser;

YsBundleParser *ys_bundle_parser_new    (const char      *display_name);
void            ys_bundle_parser_free   (YsBundleParser  *self);
/* FALSE once nothing that follows can change the verdict. */
gboolean        ys_bundle_parser_feed   (YsBundleParser  *self,
                                         const char      *data,
                                         gsize            length);
YsBundle       *ys_bundle_parser_finish (YsBundleParser  *self,
                                         GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YsBundleParser, ys_bundle_parser_free)

G_END_DECLS
