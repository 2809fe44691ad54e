/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>
#include <stdio.h>

#include "docket-cli-context.h"

struct _DocketCliContext
{
  char        *catalog_path;
  DocketStore *store;
};

DocketCliContext *
docket_cli_context_new (const char *catalog_path)
{
  DocketCliContext *ctx = g_new0 (DocketCliContext, 1);

  ctx->catalog_path = catalog_path != NULL ? g_strdup (catalog_path)
                                           : docket_store_dup_default_path ();
  return ctx;
}

void
docket_cli_context_free (DocketCliContext *ctx)
{
  if (ctx == NULL)
    return;
  g_clear_object (&ctx->store);
  g_free (ctx->catalog_path);
  g_free (ctx);
}

const char *
docket_cli_context_get_catalog_path (DocketCliContext *ctx)
{
  g_return_val_if_fail (ctx != NULL, NULL);

  return ctx->catalog_path;
}

DocketStore *
docket_cli_context_get_store (DocketCliContext  *ctx,
                              GError           **error)
{
  g_return_val_if_fail (ctx != NULL, NULL);

  if (ctx->store == NULL)
    ctx->store = docket_store_open (ctx->catalog_path, error);
  return ctx->store;
}

int
docket_cli_fail (const GError *error)
{
  g_autofree char *one_line = g_strdup (error != NULL ? error->message : _("unknown error"));

  /* A message is one line, so that scripts can read it. */
  g_strdelimit (one_line, "\r\n", ' ');
  fprintf (stderr, "docket-cli: %s\n", one_line);
  return DOCKET_CLI_EXIT_FAILURE;
}

int
docket_cli_usage_error (const char *command,
                        const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (command != NULL)
    fprintf (stderr, _("docket-cli %s: %s (see docket-cli %s --help)\n"), command, message, command);
  else
    fprintf (stderr, _("docket-cli: %s (see docket-cli --help)\n"), message);
  return DOCKET_CLI_EXIT_USAGE;
}

gboolean
docket_cli_parse_options (const char          *command,
                          const char          *parameter_string,
                          const char          *summary,
                          const GOptionEntry  *entries,
                          int                 *argc,
                          char              ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_string);
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("docket-cli %s", command);

  g_set_prgname (prgname);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      docket_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}
