/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "docket-cli-commands.h"
#include "docket-cli-summaries.h"

int
docket_cli_search (DocketCliContext  *ctx,
                   int                argc,
                   char             **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(DocketCliSummaryPrinter) printer = NULL;
  g_autofree char *query = NULL;
  DocketStore *store;

  if (!docket_cli_parse_options ("search", _("QUERY…"),
                                 _("Finds records whose heading, subject, text, footnotes or access\n"
                                   "points hold every word of QUERY (a word ending in * matches prefixes)."),
                                 entries, &argc, &argv))
    return DOCKET_CLI_EXIT_USAGE;
  if (argc < 2)
    return docket_cli_usage_error ("search", _("give the words to search for"));

  store = docket_cli_context_get_store (ctx, &error);
  if (store == NULL)
    return docket_cli_fail (error);

  query = g_strjoinv (" ", argv + 1);
  results = docket_store_search (store, query, &error);
  if (results == NULL)
    return docket_cli_fail (error);

  printer = docket_cli_summary_printer_new (json);
  for (guint i = 0; i < results->len; i++)
    docket_cli_summary_printer_add (printer, g_ptr_array_index (results, i));
  docket_cli_summary_printer_finish (printer);

  if (results->len == 0 && !json)
    fprintf (stderr, _("No records match “%s”.\n"), query);
  return DOCKET_CLI_EXIT_OK;
}
