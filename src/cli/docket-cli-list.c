/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "docket-cli-commands.h"
#include "docket-cli-summaries.h"

#define PAGE_SIZE 1000

int
docket_cli_list (DocketCliContext  *ctx,
                 int                argc,
                 char             **argv)
{
  gboolean json = FALSE;
  g_autofree char *collection = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array"), NULL },
    { "collection", 'c', 0, G_OPTION_ARG_STRING, &collection, N_("Only the records of collection ID"), N_("ID") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketCliSummaryPrinter) printer = NULL;
  DocketStoreQuery query = { 0 };
  DocketStore *store;

  if (!docket_cli_parse_options ("list", NULL, _("Lists the records of the catalog in catalog order."),
                                 entries, &argc, &argv))
    return DOCKET_CLI_EXIT_USAGE;
  if (argc > 1)
    return docket_cli_usage_error ("list", _("unexpected argument “%s”"), argv[1]);

  store = docket_cli_context_get_store (ctx, &error);
  if (store == NULL)
    return docket_cli_fail (error);

  query.collection_id = collection;
  query.sort = DOCKET_STORE_SORT_CATALOG;
  printer = docket_cli_summary_printer_new (json);

  /* Page through the catalog so that a large one never sits in memory whole. */
  for (guint offset = 0;; offset += PAGE_SIZE)
    {
      g_autoptr(GPtrArray) page = docket_store_list_summaries (store, &query, offset, PAGE_SIZE, &error);

      if (page == NULL)
        return docket_cli_fail (error);
      for (guint i = 0; i < page->len; i++)
        docket_cli_summary_printer_add (printer, g_ptr_array_index (page, i));
      if (page->len < PAGE_SIZE)
        break;
    }
  docket_cli_summary_printer_finish (printer);
  return DOCKET_CLI_EXIT_OK;
}
