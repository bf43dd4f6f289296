/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ys-bundle.h"

G_BEGIN_DECLS

/*
 * Merging a bundle into the store (FORMAT.md's merge rule), in one write
 * transaction:
 * - per record id, a later updated_at wins; an earlier one changes nothing;
 * - the same updated_at with different content is a tie: a tombstone wins
 *   over a live record, otherwise the record whose compact text (as the
 *   bundle writer prints it) sorts later byte by byte;
 * - then, when more than three live workflows are active, the three with
 *   the earliest updated_at (ties: the smaller id) stay active and the
 *   others are stored archived with their updated_at unchanged, so that
 *   every computer ends with the same records whatever order bundles
 *   arrive in.
 * References (a run's workflow and tool, an answer's workflow and tool)
 * must name a record in the bundle or already in the database.
 */
gboolean ys_merge_bundle (YsStore         *store,
                          YsBundle        *bundle,
                          YsImportResult  *result,
                          GError         **error);

/* Several bundles in turn, inside a write transaction the caller began
 * (not inside a savepoint: SQLite's statement journals then cost more with
 * every page the transaction has written). A bundle whose references name
 * a record that neither it, a bundle before it nor the database holds is
 * refused alone: @refusals[i] is set, @results[i] zeroed, and it has
 * written nothing. FALSE, with @error, only when the database failed: then
 * the caller rolls back. */
gboolean ys_merge_bundles_in_transaction (YsStore          *store,
                                          YsBundle * const *bundles,
                                          guint             n_bundles,
                                          YsImportResult   *results,
                                          GError          **refusals,
                                          GError          **error);

/* Before a merge, on another thread: drops from @bundle every record that
 * would change nothing in @reader's database as it is now (the stored one
 * is newer, or the same, or wins the tie), counting them in @unchanged, so
 * that the merge itself, which holds the write lock, looks only at what may
 * be new. References stay valid: a record left out is in the database. A
 * later merge decides every record that is left again. */
gboolean ys_merge_drop_known (YsStore         *reader,
                              YsBundle        *bundle,
                              YsImportResult  *unchanged,
                              GError         **error);

G_END_DECLS
