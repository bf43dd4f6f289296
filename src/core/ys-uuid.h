/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A name-based UUID, version 5 (RFC 9562 §5.5, formerly RFC 4122 §4.3): the
 * SHA-1 of @namespace_uuid's 16 bytes followed by @name's @length bytes (-1:
 * up to the NUL), in canonical lowercase form. The same namespace and name
 * give the same UUID on every computer. NULL when @namespace_uuid is not a
 * UUID. */
char *ys_uuid_v5 (const char *namespace_uuid,
                  const char *name,
                  gssize      length);

G_END_DECLS
