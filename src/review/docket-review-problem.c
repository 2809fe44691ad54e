/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-review"

#include "config.h"

#include "docket-review-problem.h"

G_DEFINE_BOXED_TYPE (DocketReviewProblem, docket_review_problem,
                     docket_review_problem_copy, docket_review_problem_free)

DocketReviewProblem *
docket_review_problem_new (DocketReviewCode  code,
                           const char       *record_id,
                           const char       *field,
                           const char       *message)
{
  DocketReviewProblem *problem;

  g_return_val_if_fail (code < DOCKET_N_REVIEW_CODES, NULL);
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  problem = g_new0 (DocketReviewProblem, 1);
  problem->code = code;
  problem->record_id = g_strdup (record_id);
  problem->field = g_strdup (field);
  problem->message = g_strdup (message);
  return problem;
}

DocketReviewProblem *
docket_review_problem_copy (const DocketReviewProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  return docket_review_problem_new (problem->code, problem->record_id,
                                    problem->field, problem->message);
}

void
docket_review_problem_free (DocketReviewProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->record_id);
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}
