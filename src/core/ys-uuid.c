/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "yardstick-core"

#include "config.h"

#include <string.h>

#include "ys-uuid.h"

static gboolean
uuid_to_bytes (const char *text,
               guint8      bytes[16])
{
  guint n = 0;

  if (text == NULL || !g_uuid_string_is_valid (text))
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '-')
        continue;
      if (n == 32)
        return FALSE;
      if (n % 2 == 0)
        bytes[n / 2] = g_ascii_xdigit_value (*p) << 4;
      else
        bytes[n / 2] |= g_ascii_xdigit_value (*p);
      n++;
    }

  return n == 32;
}

char *
ys_uuid_v5 (const char *namespace_uuid,
            const char *name,
            gssize      length)
{
  g_autoptr(GChecksum) sha1 = NULL;
  guint8 space[16];
  guint8 digest[20];
  gsize digest_len = sizeof digest;

  g_return_val_if_fail (name != NULL || length == 0, NULL);

  if (!uuid_to_bytes (namespace_uuid, space))
    return NULL;
  if (length < 0)
    length = strlen (name);

  sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  g_checksum_update (sha1, space, sizeof space);
  g_checksum_update (sha1, (const guchar *) name, length);
  g_checksum_get_digest (sha1, digest, &digest_len);
  g_assert (digest_len == 20);

  /* The first 16 bytes of the hash, with the version (5) in the high nibble
   * of byte 6 and the RFC variant (binary 10) in the top bits of byte 8. */
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}
