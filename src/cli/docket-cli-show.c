/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "docket-cli-commands.h"
#include "docket-json-export.h"
#include "docket-text-export.h"

/* The default view: each filled field with its label, then the agents. */
static void
print_fields (DocketRecord *record)
{
  GPtrArray *agents = docket_record_get_agents (record);
  GPtrArray *footnotes = docket_record_get_footnotes (record);

  for (guint i = 0; i < DOCKET_N_FIELDS; i++)
    {
      const char *value = docket_record_get (record, i);

      if (value != NULL)
        printf ("%s: %s\n", docket_field_get_label (i), value);
    }
  for (guint i = 0; i < agents->len; i++)
    {
      const DocketAgent *agent = g_ptr_array_index (agents, i);
      const char *role = agent->role == DOCKET_AGENT_AUTHOR ? _("Author")
                       : agent->role == DOCKET_AGENT_RECIPIENT ? _("Recipient")
                       : _("Mentioned");

      if (agent->office != NULL)
        printf ("%s: %s (%s)\n", role, agent->name, agent->office);
      else
        printf ("%s: %s\n", role, agent->name);
    }
  printf (g_dngettext (GETTEXT_PACKAGE, "%u footnote\n", "%u footnotes\n", footnotes->len), footnotes->len);
  printf (_("Version: %" G_GINT64_FORMAT "\n"), docket_record_get_version (record));
}

int
docket_cli_show (DocketCliContext  *ctx,
                 int                argc,
                 char             **argv)
{
  gboolean json = FALSE;
  gboolean text = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the record as JSON"), NULL },
    { "text", 0, 0, G_OPTION_ARG_NONE, &text, N_("Print the document as printed (the plain-text layout)"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketRecord) record = NULL;
  DocketStore *store;

  if (!docket_cli_parse_options ("show", _("ID"), _("Shows one record."), entries, &argc, &argv))
    return DOCKET_CLI_EXIT_USAGE;
  if (argc != 2)
    return docket_cli_usage_error ("show", _("name exactly one record identifier"));
  if (json && text)
    return docket_cli_usage_error ("show", _("--json and --text cannot be used together"));

  store = docket_cli_context_get_store (ctx, &error);
  if (store == NULL)
    return docket_cli_fail (error);

  record = docket_store_load_record (store, argv[1], &error);
  if (record == NULL)
    return docket_cli_fail (error);

  if (json)
    {
      g_autofree char *out = docket_json_export_record_text (record, TRUE);
      printf ("%s\n", out);
    }
  else if (text)
    {
      g_autofree char *out = docket_text_export_record (record);
      fputs (out, stdout);
    }
  else
    print_fields (record);

  return DOCKET_CLI_EXIT_OK;
}
