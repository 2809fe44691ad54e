/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "docket-cli-commands.h"

typedef struct
{
  const char           *name;
  DocketCliCommandFunc  func;
  const char           *summary;
} Command;

static const Command commands[] = {
  { "import", docket_cli_import, N_("Import FRUS text, FRUS TEI or EAD files into the catalog") },
  { "list",   docket_cli_list,   N_("List the records of the catalog") },
  { "show",   docket_cli_show,   N_("Show one record") },
  { "search", docket_cli_search, N_("Search headings, subjects, text and footnotes") },
  { "export", docket_cli_export, N_("Export a finding aid as EAD3 or EAD 2002") },
  { "check",   docket_cli_check,   N_("Run the review checks and list the problems found") },
  { "review",  docket_cli_review,  N_("Set a record's review status") },
  { "set",     docket_cli_set,     N_("Change one field of a record") },
  { "history", docket_cli_history, N_("Show the revision history of a record") },
  { "revert",  docket_cli_revert,  N_("Undo one revision") },
};

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: docket-cli [--catalog FILE] COMMAND [ARGUMENTS…]"));
  fprintf (out, "\n%s\n", _("Catalog historical documents and export EAD finding aids."));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-8s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  --catalog FILE  %s\n", _("the catalog to use (default: $XDG_DATA_HOME/docket/catalog.db)"));
  fprintf (out, "  --version       %s\n", _("print the version"));
  fprintf (out, "\n%s\n", _("Run docket-cli COMMAND --help for a command's options."));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DocketCliContext) ctx = NULL;
  const char *catalog = NULL;
  int i;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Global options come before the command; the command parses the rest. */
  for (i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--catalog"))
        {
          if (i + 1 >= argc)
            return docket_cli_usage_error (NULL, _("--catalog needs a file name"));
          catalog = argv[++i];
        }
      else if (g_str_has_prefix (argv[i], "--catalog="))
        catalog = argv[i] + strlen ("--catalog=");
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_help (stdout);
          return DOCKET_CLI_EXIT_OK;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          printf ("docket-cli %s\n", PACKAGE_VERSION);
          return DOCKET_CLI_EXIT_OK;
        }
      else if (argv[i][0] == '-')
        return docket_cli_usage_error (NULL, _("unknown option %s"), argv[i]);
      else
        break;
    }

  if (i >= argc)
    {
      print_help (stderr);
      return DOCKET_CLI_EXIT_USAGE;
    }

  if (catalog != NULL && catalog[0] == '\0')
    return docket_cli_usage_error (NULL, _("--catalog needs a file name"));

  ctx = docket_cli_context_new (catalog);

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (argv[i], commands[c].name))
      return commands[c].func (ctx, argc - i, argv + i);

  return docket_cli_usage_error (NULL, _("unknown command “%s”"), argv[i]);
}
