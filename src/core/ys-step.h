/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * For tests that stop the program at a chosen moment (tests/unit/test-crash.c
 * kills an import between two steps it picks) or check which way it went
 * (tests/unit/test-bundle.c). Long work names its steps as it goes, and a
 * test's function, when one is set, runs at each:
 *
 *   "read"    an import read and checked one more record of the file
 *   "record"  an import merged one more record (any kind)
 *   "bulk"    an import brings enough runs to drop the runs' indexes and
 *             totals triggers and build them once afterwards
 *   "merged"  an import merged everything; the commit comes next
 *   "migrating" opening a database of an earlier schema: one step of its
 *             migration begins
 *   "migrated" every step ran; the commit comes next
 *   "upgraded" the upgrade is committed; the VACUUM after schema 9 is next
 *
 * Without a function a step costs one comparison.
 */

typedef void (*YsStepFunc) (const char *step,
                            gpointer    user_data);

/* Set before the work starts, from the thread that does it. */
void  ys_step_set_func (YsStepFunc  func,
                        gpointer    user_data);
void  ys_step          (const char *step);

G_END_DECLS
