/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * DocketReviewStatus:
 * @DOCKET_REVIEW_STATUS_DRAFT: being catalogued ("draft"; also an empty
 *   review.status field)
 * @DOCKET_REVIEW_STATUS_IN_REVIEW: handed to a reviewer ("in-review")
 * @DOCKET_REVIEW_STATUS_APPROVED: signed off, exported by default ("approved")
 * @DOCKET_REVIEW_STATUS_CHANGES_REQUESTED: sent back to the cataloger
 *   ("changes-requested")
 *
 * Where a record stands in review. The strings in brackets are what the
 * review.status field holds and what `docket-cli review --status` takes.
 *
 * Allowed moves: draft → in review; in review → approved, changes
 * requested or draft; changes requested → in review or draft; approved →
 * in review or draft (reopened). Anything else, and staying put, is an
 * invalid transition.
 */
typedef enum
{
  DOCKET_REVIEW_STATUS_DRAFT,
  DOCKET_REVIEW_STATUS_IN_REVIEW,
  DOCKET_REVIEW_STATUS_APPROVED,
  DOCKET_REVIEW_STATUS_CHANGES_REQUESTED,
  DOCKET_N_REVIEW_STATUSES
} DocketReviewStatus;

const char *docket_review_status_to_string   (DocketReviewStatus  status);
/* Accepts the field strings, and "in_review"/"changes_requested" spellings. */
gboolean    docket_review_status_from_string (const char         *str,
                                              DocketReviewStatus *out_status);
/* Reads a record's review.status field: %NULL and "" are drafts. Returns
 * %FALSE (and draft) for a value that is not a status. */
gboolean    docket_review_status_parse_field (const char         *value,
                                              DocketReviewStatus *out_status);
const char *docket_review_status_get_label   (DocketReviewStatus  status);
gboolean    docket_review_status_can_change  (DocketReviewStatus  from,
                                              DocketReviewStatus  to);

G_END_DECLS
