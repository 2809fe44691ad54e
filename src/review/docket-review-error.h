/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DOCKET_REVIEW_ERROR (docket_review_error_quark ())

/**
 * DocketReviewError:
 * @DOCKET_REVIEW_ERROR_FAILED: anything else
 * @DOCKET_REVIEW_ERROR_INVALID_TRANSITION: the record cannot go from its
 *   review status to the one asked for (draft straight to approved, …)
 * @DOCKET_REVIEW_ERROR_UNKNOWN_STATUS: not one of draft, in-review,
 *   approved, changes-requested
 * @DOCKET_REVIEW_ERROR_UNKNOWN_FIELD: not a field key of `show --json`
 * @DOCKET_REVIEW_ERROR_READ_ONLY: the field is set by the catalog, not typed
 * @DOCKET_REVIEW_ERROR_INVALID_VALUE: the value is not allowed in the field
 *   (a date that is not ISO 8601, an unknown classification, …)
 *
 * The review layer's errors. Messages are one translated line that names
 * the record or the field and says what is allowed.
 */
typedef enum
{
  DOCKET_REVIEW_ERROR_FAILED,
  DOCKET_REVIEW_ERROR_INVALID_TRANSITION,
  DOCKET_REVIEW_ERROR_UNKNOWN_STATUS,
  DOCKET_REVIEW_ERROR_UNKNOWN_FIELD,
  DOCKET_REVIEW_ERROR_READ_ONLY,
  DOCKET_REVIEW_ERROR_INVALID_VALUE,
} DocketReviewError;

GQuark docket_review_error_quark (void);

G_END_DECLS
