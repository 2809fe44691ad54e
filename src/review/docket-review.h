/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include "docket-store.h"
#include "docket-review-check.h"
#include "docket-review-code.h"
#include "docket-review-error.h"
#include "docket-review-problem.h"
#include "docket-review-status.h"
#include "docket-review-value.h"

G_BEGIN_DECLS

/* The reviewer to record when none is given: the desktop user's real name,
 * or the login name when the real name is unknown. */
char      *docket_review_dup_default_reviewer (void);

/* Moves @record to @status (see #DocketReviewStatus for the allowed moves)
 * and sets review.reviewer (@reviewer, or the default reviewer when %NULL),
 * review.date (now, ISO 8601 UTC) and review.comment (@comment; %NULL
 * clears the previous one, which stays in the history). An invalid move
 * fails with %DOCKET_REVIEW_ERROR_INVALID_TRANSITION and leaves @record as
 * it was. The record is not saved. */
gboolean   docket_review_set_status          (DocketRecord        *record,
                                              DocketReviewStatus   status,
                                              const char          *reviewer,
                                              const char          *comment,
                                              GError             **error);

/* Loads record @id, moves it as docket_review_set_status() does and saves
 * it (a revision per changed field). Returns: (transfer full): the saved
 * record, or %NULL with @error set and the catalog unchanged */
DocketRecord *docket_review_change_status    (DocketStore         *store,
                                              const char          *id,
                                              DocketReviewStatus   status,
                                              const char          *reviewer,
                                              const char          *comment,
                                              GError             **error);

/* Sets the field named by @key (a JSON key of `show --json`, as in
 * docket_field_get_key()) to @value after checking it with
 * docket_review_value_validate(); "" or %NULL clears it. Read-only fields
 * (id, collection, parent_path) and unknown keys are errors. A review.status
 * goes through docket_review_set_status(). Values are tidied: surrounding
 * space dropped, a classification spelled as the marking is ("Top Secret"),
 * caveats joined with "; ". On error @record is unchanged. */
gboolean   docket_review_set_field           (DocketRecord        *record,
                                              const char          *key,
                                              const char          *value,
                                              GError             **error);

/* The export gate. Returns: (transfer container) (element-type DocketRecord):
 * the approved @records (all of them when @include_unapproved), in order,
 * each with a new reference; @out_left_out_ids: (out) (optional)
 * (transfer container) (element-type utf8): the ids of the records left out */
GPtrArray *docket_review_filter_exportable   (GPtrArray           *records,
                                              gboolean             include_unapproved,
                                              GPtrArray          **out_left_out_ids);

G_END_DECLS
