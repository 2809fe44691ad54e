/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gio/gio.h>

#include "docket-store.h"
#include "docket-review-problem.h"

G_BEGIN_DECLS

/**
 * DocketRecordExistsFunc:
 * @id: a record identifier a footnote links to
 * @user_data: what was given with the function
 *
 * Returns: %TRUE if the catalog holds a record with that identifier
 */
typedef gboolean (*DocketRecordExistsFunc) (const char *id,
                                            gpointer    user_data);

/* Runs every review check on @record. Links to other records are checked
 * with @record_exists; with %NULL they are not checked.
 * Returns: (transfer full) (element-type DocketReviewProblem): the problems,
 *   grouped by check (classification, provenance, date, footnotes, DACS);
 *   empty when there are none */
GPtrArray *docket_review_check_record          (DocketRecord            *record,
                                                DocketRecordExistsFunc   record_exists,
                                                gpointer                 user_data);

/* docket_review_check_record() with links checked against @store. */
GPtrArray *docket_review_check_record_in_store (DocketStore             *store,
                                                DocketRecord            *record);

/* Checks the records named by @ids (all of the catalog's, in catalog order,
 * when %NULL). A name that is not in the catalog fails with
 * %DOCKET_STORE_ERROR_NOT_FOUND.
 * Returns: (transfer full) (element-type DocketReviewProblem): the problems,
 *   or %NULL with @error set */
GPtrArray *docket_review_check_catalog         (DocketStore             *store,
                                                const char * const      *ids,
                                                GError                 **error);
void       docket_review_check_catalog_async   (DocketStore             *store,
                                                const char * const      *ids,
                                                GCancellable            *cancellable,
                                                GAsyncReadyCallback      callback,
                                                gpointer                 user_data);
GPtrArray *docket_review_check_catalog_finish  (DocketStore             *store,
                                                GAsyncResult            *result,
                                                GError                 **error);

G_END_DECLS
