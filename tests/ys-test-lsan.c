/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sanitizer/lsan_interface.h>

/*
 * Linked into every test program of a sanitizer build (tests/meson.build).
 *
 * GLib 2.74 keeps its quarks' strings in an array of 2048 slots, allocated
 * by GLib's own constructor; the first time a process has more quarks, it
 * copies them into a larger array and abandons the old one on purpose
 * (readers take no lock, so it can never be freed). A GTK test process has
 * about 2048 quarks, so LeakSanitizer reported those 16384 bytes in some
 * runs and not in others, and its stack stops at g_malloc, so no
 * suppression can name it. What is allocated while LeakSanitizer is
 * disabled is never reported: it is disabled before any library's
 * constructor runs (an executable's preinit_array comes first) and enabled
 * again in the program's own constructor, which runs after them all.
 * Everything allocated from then on, ours included, is still checked.
 */

static void
disable_during_library_constructors (int    argc,
                                     char **argv,
                                     char **envp)
{
  __lsan_disable ();
}

__attribute__((section (".preinit_array"), used))
static void (*ys_test_lsan_preinit) (int, char **, char **) = disable_during_library_constructors;

__attribute__((constructor))
static void
enable_for_the_program (void)
{
  __lsan_enable ();
}
