/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "docket-cli-commands.h"
#include "docket-review.h"

int
docket_cli_review (DocketCliContext  *ctx,
                   int                argc,
                   char             **argv)
{
  g_autofree char *status_name = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *reviewer = NULL;
  const GOptionEntry entries[] = {
    { "status", 's', 0, G_OPTION_ARG_STRING, &status_name,
      N_("The new status: draft, in-review, approved or changes-requested"), N_("STATUS") },
    { "comment", 'm', 0, G_OPTION_ARG_STRING, &comment, N_("A comment for the cataloger"), N_("TEXT") },
    { "reviewer", 0, 0, G_OPTION_ARG_STRING, &reviewer,
      N_("Who reviews (default: the current user)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketRecord) record = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  DocketReviewStatus status;
  DocketStore *store;

  if (!docket_cli_parse_options ("review", _("ID"),
                                 _("Moves a record through review: draft → in-review → approved "
                                   "or changes-requested (and back to in-review or draft)."),
                                 entries, &argc, &argv))
    return DOCKET_CLI_EXIT_USAGE;
  if (argc != 2)
    return docket_cli_usage_error ("review", _("name exactly one record identifier"));
  if (status_name == NULL)
    return docket_cli_usage_error ("review", _("say which status with --status"));
  if (!docket_review_status_from_string (status_name, &status))
    return docket_cli_usage_error ("review",
                                   _("“%s” is not a review status; use draft, in-review, approved "
                                     "or changes-requested"), status_name);

  store = docket_cli_context_get_store (ctx, &error);
  if (store == NULL)
    return docket_cli_fail (error);

  record = docket_review_change_status (store, argv[1], status, reviewer, comment, &error);
  if (record == NULL)
    return docket_cli_fail (error);

  printf ("%s\t%s\t%s\t%s\n", docket_record_get_id (record),
          docket_review_status_to_string (status),
          docket_record_get (record, DOCKET_FIELD_REVIEWER),
          docket_record_get (record, DOCKET_FIELD_REVIEW_DATE));

  /* Approval is the reviewer's call; say what the checks think of it. */
  if (status == DOCKET_REVIEW_STATUS_APPROVED)
    {
      problems = docket_review_check_record_in_store (store, record);
      if (problems->len > 0)
        fprintf (stderr,
                 g_dngettext (GETTEXT_PACKAGE,
                              "docket-cli: note: record “%s” has %u problem (see docket-cli check %s)\n",
                              "docket-cli: note: record “%s” has %u problems (see docket-cli check %s)\n",
                              problems->len),
                 argv[1], problems->len, argv[1]);
    }
  return DOCKET_CLI_EXIT_OK;
}
