/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Run as "test-x --locale=de_DE.UTF-8" (the "-de" entries in
 * tests/meson.build), a test takes that locale for everything, the
 * programs it starts included; otherwise the environment's, as the app's
 * main() does. Call before g_test_init(). */
void   ys_test_init_locale (int     *argc,
                            char  ***argv);

/* @expected, written as it reads in the C locale, as it reads in the
 * test's locale. In German (de_DE) a point between two digits becomes a
 * comma and an English month name, full or abbreviated, the German one;
 * messages stay English (LANGUAGE=C). The tables are written here, not
 * taken from the code. */
char  *ys_test_localized   (const char *expected);

G_END_DECLS
