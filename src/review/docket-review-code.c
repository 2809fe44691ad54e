/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-review"

#include "config.h"

#include "docket-review-code.h"

static const char *codes[DOCKET_N_REVIEW_CODES] = {
  [DOCKET_REVIEW_CLASSIFICATION_MISSING]      = "classification-missing",
  [DOCKET_REVIEW_CLASSIFICATION_UNRECOGNIZED] = "classification-unrecognized",
  [DOCKET_REVIEW_CAVEAT_UNRECOGNIZED]         = "caveat-unrecognized",
  [DOCKET_REVIEW_CLASSIFICATION_MISMATCH]     = "classification-mismatch",
  [DOCKET_REVIEW_CAVEATS_MISMATCH]            = "caveats-mismatch",
  [DOCKET_REVIEW_SOURCE_MISSING]              = "source-missing",
  [DOCKET_REVIEW_SOURCE_UNPARSED]             = "source-unparsed",
  [DOCKET_REVIEW_REPOSITORY_MISSING]          = "repository-missing",
  [DOCKET_REVIEW_DATE_MISSING]                = "date-missing",
  [DOCKET_REVIEW_DATE_NOT_NORMALIZED]         = "date-not-normalized",
  [DOCKET_REVIEW_DATE_RANGE_REVERSED]         = "date-range-reversed",
  [DOCKET_REVIEW_MARKER_WITHOUT_FOOTNOTE]     = "marker-without-footnote",
  [DOCKET_REVIEW_FOOTNOTE_WITHOUT_MARKER]     = "footnote-without-marker",
  [DOCKET_REVIEW_LINK_TARGET_MISSING]         = "link-target-missing",
  [DOCKET_REVIEW_DACS_MISSING]                = "dacs-missing",
};

const char *
docket_review_code_to_string (DocketReviewCode code)
{
  g_return_val_if_fail (code < DOCKET_N_REVIEW_CODES, NULL);
  return codes[code];
}

gboolean
docket_review_code_from_string (const char       *str,
                                DocketReviewCode *out_code)
{
  g_return_val_if_fail (out_code != NULL, FALSE);

  for (guint i = 0; str != NULL && i < DOCKET_N_REVIEW_CODES; i++)
    {
      if (g_str_equal (str, codes[i]))
        {
          *out_code = i;
          return TRUE;
        }
    }
  return FALSE;
}
