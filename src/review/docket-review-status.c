/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-review"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "docket-review-status.h"

static const char *strings[DOCKET_N_REVIEW_STATUSES] = {
  [DOCKET_REVIEW_STATUS_DRAFT]             = "draft",
  [DOCKET_REVIEW_STATUS_IN_REVIEW]         = "in-review",
  [DOCKET_REVIEW_STATUS_APPROVED]          = "approved",
  [DOCKET_REVIEW_STATUS_CHANGES_REQUESTED] = "changes-requested",
};

static const char *labels[DOCKET_N_REVIEW_STATUSES] = {
  [DOCKET_REVIEW_STATUS_DRAFT]             = NC_("review status", "Draft"),
  [DOCKET_REVIEW_STATUS_IN_REVIEW]         = NC_("review status", "In review"),
  [DOCKET_REVIEW_STATUS_APPROVED]          = NC_("review status", "Approved"),
  [DOCKET_REVIEW_STATUS_CHANGES_REQUESTED] = NC_("review status", "Changes requested"),
};

/* allowed[from][to] */
static const gboolean allowed[DOCKET_N_REVIEW_STATUSES][DOCKET_N_REVIEW_STATUSES] = {
  [DOCKET_REVIEW_STATUS_DRAFT] = {
    [DOCKET_REVIEW_STATUS_IN_REVIEW] = TRUE,
  },
  [DOCKET_REVIEW_STATUS_IN_REVIEW] = {
    [DOCKET_REVIEW_STATUS_APPROVED] = TRUE,
    [DOCKET_REVIEW_STATUS_CHANGES_REQUESTED] = TRUE,
    [DOCKET_REVIEW_STATUS_DRAFT] = TRUE,
  },
  [DOCKET_REVIEW_STATUS_CHANGES_REQUESTED] = {
    [DOCKET_REVIEW_STATUS_IN_REVIEW] = TRUE,
    [DOCKET_REVIEW_STATUS_DRAFT] = TRUE,
  },
  /* An approved record that needs another look is reopened. */
  [DOCKET_REVIEW_STATUS_APPROVED] = {
    [DOCKET_REVIEW_STATUS_IN_REVIEW] = TRUE,
    [DOCKET_REVIEW_STATUS_DRAFT] = TRUE,
  },
};

const char *
docket_review_status_to_string (DocketReviewStatus status)
{
  g_return_val_if_fail (status < DOCKET_N_REVIEW_STATUSES, NULL);
  return strings[status];
}

gboolean
docket_review_status_from_string (const char         *str,
                                  DocketReviewStatus *out_status)
{
  g_return_val_if_fail (out_status != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < DOCKET_N_REVIEW_STATUSES; i++)
    {
      g_autofree char *underscored = g_strdelimit (g_strdup (strings[i]), "-", '_');

      if (g_ascii_strcasecmp (str, strings[i]) == 0 ||
          g_ascii_strcasecmp (str, underscored) == 0)
        {
          *out_status = i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
docket_review_status_parse_field (const char         *value,
                                  DocketReviewStatus *out_status)
{
  g_return_val_if_fail (out_status != NULL, FALSE);

  *out_status = DOCKET_REVIEW_STATUS_DRAFT;
  if (value == NULL || value[0] == '\0')
    return TRUE;
  return docket_review_status_from_string (value, out_status);
}

const char *
docket_review_status_get_label (DocketReviewStatus status)
{
  g_return_val_if_fail (status < DOCKET_N_REVIEW_STATUSES, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "review status", labels[status]);
}

gboolean
docket_review_status_can_change (DocketReviewStatus from,
                                 DocketReviewStatus to)
{
  g_return_val_if_fail (from < DOCKET_N_REVIEW_STATUSES, FALSE);
  g_return_val_if_fail (to < DOCKET_N_REVIEW_STATUSES, FALSE);
  return allowed[from][to];
}
