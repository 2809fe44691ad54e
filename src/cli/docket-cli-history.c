/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "docket-cli-commands.h"
#include "docket-cli-json.h"

/* Longer values (lists are stored as JSON text) are cut in the table;
 * --json gives them whole. */
#define MAX_CHARS 60

static void
print_json (GPtrArray *revisions)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < revisions->len; i++)
    {
      const DocketRevision *revision = g_ptr_array_index (revisions, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "revision");
      json_builder_add_int_value (builder, revision->id);
      docket_cli_json_add_string (builder, "record", revision->record_id);
      docket_cli_json_add_string (builder, "field", revision->field);
      docket_cli_json_add_string (builder, "old", revision->old_value);
      docket_cli_json_add_string (builder, "new", revision->new_value);
      docket_cli_json_add_string (builder, "who", revision->who);
      docket_cli_json_add_string (builder, "when", revision->when);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  docket_cli_json_print (builder);
}

/* One table cell: tabs and line breaks become spaces, long text is cut. */
static char *
cell (const char *value)
{
  g_autofree char *flat = NULL;

  if (value == NULL)
    return g_strdup ("");
  flat = g_strdelimit (g_strdup (value), "\t\r\n", ' ');
  if (g_utf8_strlen (flat, -1) > MAX_CHARS)
    {
      g_autofree char *start = g_utf8_substring (flat, 0, MAX_CHARS - 1);

      return g_strconcat (start, "…", NULL);
    }
  return g_steal_pointer (&flat);
}

int
docket_cli_history (DocketCliContext  *ctx,
                    int                argc,
                    char             **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print a JSON array of {revision, record, field, old, new, who, when}"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  DocketStore *store;

  if (!docket_cli_parse_options ("history", _("ID"),
                                 _("Prints every saved change of a record, oldest first: revision, "
                                   "field, old value, new value, who, when. Undo one with "
                                   "docket-cli revert REVISION."),
                                 entries, &argc, &argv))
    return DOCKET_CLI_EXIT_USAGE;
  if (argc != 2)
    return docket_cli_usage_error ("history", _("name exactly one record identifier"));

  store = docket_cli_context_get_store (ctx, &error);
  if (store == NULL)
    return docket_cli_fail (error);

  revisions = docket_store_list_revisions (store, argv[1], &error);
  if (revisions == NULL)
    return docket_cli_fail (error);

  if (json)
    {
      print_json (revisions);
      return DOCKET_CLI_EXIT_OK;
    }

  for (guint i = 0; i < revisions->len; i++)
    {
      const DocketRevision *revision = g_ptr_array_index (revisions, i);
      g_autofree char *old_value = cell (revision->old_value);
      g_autofree char *new_value = cell (revision->new_value);

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n", revision->id, revision->field,
              old_value, new_value, revision->who != NULL ? revision->who : "",
              revision->when != NULL ? revision->when : "");
    }
  return DOCKET_CLI_EXIT_OK;
}
