/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "docket-cli-commands.h"

int
docket_cli_revert (DocketCliContext  *ctx,
                   int                argc,
                   char             **argv)
{
  g_autoptr(GError) error = NULL;
  DocketStore *store;
  gint64 revision;

  if (!docket_cli_parse_options ("revert", _("REVISION"),
                                 _("Puts back the value a field had before a revision (the numbers "
                                   "docket-cli history prints). The revert is itself a revision."),
                                 NULL, &argc, &argv))
    return DOCKET_CLI_EXIT_USAGE;
  if (argc != 2)
    return docket_cli_usage_error ("revert", _("name exactly one revision number"));
  if (!g_ascii_string_to_signed (argv[1], 10, 1, G_MAXINT64, &revision, NULL))
    return docket_cli_usage_error ("revert", _("“%s” is not a revision number"), argv[1]);

  store = docket_cli_context_get_store (ctx, &error);
  if (store == NULL)
    return docket_cli_fail (error);

  if (!docket_store_revert_revision (store, revision, NULL, &error))
    return docket_cli_fail (error);

  printf (_("Reverted revision %s\n"), argv[1]);
  return DOCKET_CLI_EXIT_OK;
}
