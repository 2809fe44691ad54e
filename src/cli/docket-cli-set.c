/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "docket-cli-commands.h"
#include "docket-review.h"

int
docket_cli_set (DocketCliContext  *ctx,
                int                argc,
                char             **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketRecord) record = NULL;
  DocketStore *store;
  gint64 version;

  if (!docket_cli_parse_options ("set", _("ID FIELD VALUE"),
                                 _("Changes one field of a record and records the change in its "
                                   "history. FIELD is a key of show --json (subject, date.from, "
                                   "source.repository, classification, …); an empty VALUE clears "
                                   "the field."),
                                 NULL, &argc, &argv))
    return DOCKET_CLI_EXIT_USAGE;
  if (argc != 4)
    return docket_cli_usage_error ("set", _("give a record identifier, a field and a value"));

  store = docket_cli_context_get_store (ctx, &error);
  if (store == NULL)
    return docket_cli_fail (error);

  record = docket_store_load_record (store, argv[1], &error);
  if (record == NULL)
    return docket_cli_fail (error);
  version = docket_record_get_version (record);

  if (!docket_review_set_field (record, argv[2], argv[3], &error))
    {
      g_prefix_error (&error, _("Record “%s” was not changed: "), argv[1]);
      return docket_cli_fail (error);
    }
  if (!docket_store_save_record (store, record, NULL, &error))
    return docket_cli_fail (error);

  /* Machine-readable, so not translated: the record, the field, and the
   * new version or "unchanged" when the value was already there. */
  if (docket_record_get_version (record) == version)
    printf ("%s\t%s\tunchanged\n", argv[1], argv[2]);
  else
    printf ("%s\t%s\tversion %" G_GINT64_FORMAT "\n", argv[1], argv[2],
            docket_record_get_version (record));
  return DOCKET_CLI_EXIT_OK;
}
