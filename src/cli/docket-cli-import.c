/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "docket-catalog-import.h"
#include "docket-cli-commands.h"

typedef struct
{
  const char *path;
  gboolean    on_terminal;
  gint64      last_print;
} ProgressLine;

/* A progress line that rewrites itself on a terminal, and stays quiet in
 * scripts, where only the result matters. */
static void
print_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  ProgressLine *line = user_data;
  gint64 now = g_get_monotonic_time ();

  if (!line->on_terminal || (now - line->last_print < 100000 && done != total))
    return;
  line->last_print = now;
  if (total > 0)
    fprintf (stderr, _("\r%s: %u of %u documents read"), line->path, done, total);
  else
    fprintf (stderr, _("\r%s: %u documents read"), line->path, done);
  fflush (stderr);
}

static void
print_report (const DocketCatalogImportReport *report)
{
  if (report->collection_id != NULL)
    printf (g_dngettext (GETTEXT_PACKAGE, "%s: imported %u record into %s",
                         "%s: imported %u records into %s", report->imported->len),
            report->path, report->imported->len, report->collection_id);
  else
    printf (g_dngettext (GETTEXT_PACKAGE, "%s: imported %u record",
                         "%s: imported %u records", report->imported->len),
            report->path, report->imported->len);
  if (report->imported->len == 1)
    printf (" (%s)", (const char *) g_ptr_array_index (report->imported, 0));
  printf ("\n");

  if (report->skipped->len > 0)
    {
      g_autoptr(GString) ids = g_string_new (NULL);

      for (guint i = 0; i < report->skipped->len && i < 10; i++)
        g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "",
                                (const char *) g_ptr_array_index (report->skipped, i));
      if (report->skipped->len > 10)
        g_string_append (ids, ", …");
      printf (g_dngettext (GETTEXT_PACKAGE,
                           "%s: skipped %u record that is already in the catalog (%s); use --replace to refresh it\n",
                           "%s: skipped %u records that are already in the catalog (%s); use --replace to refresh them\n",
                           report->skipped->len),
              report->path, report->skipped->len, ids->str);
    }
  if (report->n_unmapped > 0)
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "%s: kept %u element that Docket does not map; it is written back on export\n",
                         "%s: kept %u elements that Docket does not map; they are written back on export\n",
                         report->n_unmapped),
            report->path, report->n_unmapped);
  for (guint i = 0; i < report->warnings->len; i++)
    fprintf (stderr, "docket-cli: %s\n", (const char *) g_ptr_array_index (report->warnings, i));
}

int
docket_cli_import (DocketCliContext  *ctx,
                   int                argc,
                   char             **argv)
{
  g_autofree char *collection = NULL;
  gboolean replace = FALSE;
  const GOptionEntry entries[] = {
    { "collection", 'c', 0, G_OPTION_ARG_STRING, &collection,
      N_("Put the records in collection ID (created if missing) and build their identifiers from it"), N_("ID") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Refresh records that are already in the catalog, keeping their review status"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  DocketStore *store;
  int status = DOCKET_CLI_EXIT_OK;

  if (!docket_cli_parse_options ("import", _("FILE…"),
                                 _("Imports FRUS plain text, FRUS TEI volumes and EAD finding aids.\n"
                                   "Each file is stored whole or not at all."),
                                 entries, &argc, &argv))
    return DOCKET_CLI_EXIT_USAGE;

  if (argc < 2)
    return docket_cli_usage_error ("import", _("name at least one file to import"));

  store = docket_cli_context_get_store (ctx, &error);
  if (store == NULL)
    return docket_cli_fail (error);

  /* All the files in one transaction, each still stored whole or not at
   * all on its own: one commit instead of one per file, and an interrupted
   * run leaves the catalog as it was. */
  if (!docket_store_begin_batch (store, &error))
    return docket_cli_fail (error);

  for (int i = 1; i < argc; i++)
    {
      DocketCatalogImportOptions options = { collection, replace };
      ProgressLine line = { argv[i], isatty (STDERR_FILENO), 0 };
      g_autoptr(DocketCatalogImportReport) report = NULL;
      g_autoptr(GError) file_error = NULL;

      report = docket_catalog_import_file (store, argv[i], &options, NULL,
                                           print_progress, &line, &file_error);
      if (line.on_terminal && line.last_print != 0)
        fprintf (stderr, "\n");
      if (report == NULL)
        {
          status = docket_cli_fail (file_error);
          continue;
        }
      print_report (report);
    }

  if (!docket_store_commit_batch (store, &error))
    {
      docket_cli_fail (error);
      fprintf (stderr, _("docket-cli: nothing was imported\n"));
      return DOCKET_CLI_EXIT_FAILURE;
    }
  return status;
}
