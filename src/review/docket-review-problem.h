/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib-object.h>

#include "docket-review-code.h"

G_BEGIN_DECLS

/**
 * DocketReviewProblem:
 * @code: what was found
 * @record_id: the record's identifier
 * @field: the key of the field to look at ("classification", "date.from",
 *   "source.repository"; see docket_field_get_key()), or a list name
 *   ("authors", "body", "footnotes") for what is not a scalar field
 * @message: one translated line saying what is wrong
 *
 * One problem a review check found in a record. The window shows @message
 * and takes the user to @field; `docket-cli check` prints
 * "@record_id TAB @field TAB @message".
 */
typedef struct
{
  DocketReviewCode  code;
  char             *record_id;
  char             *field;
  char             *message;
} DocketReviewProblem;

#define DOCKET_TYPE_REVIEW_PROBLEM (docket_review_problem_get_type ())

GType                docket_review_problem_get_type (void) G_GNUC_CONST;
DocketReviewProblem *docket_review_problem_new      (DocketReviewCode           code,
                                                     const char                *record_id,
                                                     const char                *field,
                                                     const char                *message);
DocketReviewProblem *docket_review_problem_copy     (const DocketReviewProblem *problem);
void                 docket_review_problem_free     (DocketReviewProblem       *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketReviewProblem, docket_review_problem_free)

G_END_DECLS
