/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "docket-cli-commands.h"
#include "docket-cli-json.h"
#include "docket-review.h"

static void
print_json (GPtrArray *problems)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < problems->len; i++)
    {
      const DocketReviewProblem *problem = g_ptr_array_index (problems, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, problem->record_id);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, problem->field);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, docket_review_code_to_string (problem->code));
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, problem->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  docket_cli_json_print (builder);
}

int
docket_cli_check (DocketCliContext  *ctx,
                  int                argc,
                  char             **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print a JSON array of {id, field, code, message}"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) id_list = NULL;
  DocketStore *store;

  if (!docket_cli_parse_options ("check", _("[ID…]"),
                                 _("Runs the review checks on the named records (all when none is "
                                   "named) and prints one line per problem: record, field, problem. "
                                   "Exits with 0 when there is none, 3 when there are some."),
                                 entries, &argc, &argv))
    return DOCKET_CLI_EXIT_USAGE;

  store = docket_cli_context_get_store (ctx, &error);
  if (store == NULL)
    return docket_cli_fail (error);

  for (int i = 1; i < argc; i++)
    g_strv_builder_add (ids, argv[i]);
  id_list = g_strv_builder_end (ids);

  problems = docket_review_check_catalog (store, argc > 1 ? (const char * const *) id_list : NULL,
                                          &error);
  if (problems == NULL)
    return docket_cli_fail (error);

  if (json)
    print_json (problems);
  else
    for (guint i = 0; i < problems->len; i++)
      {
        const DocketReviewProblem *problem = g_ptr_array_index (problems, i);

        printf ("%s\t%s\t%s\n", problem->record_id, problem->field, problem->message);
      }

  return problems->len > 0 ? DOCKET_CLI_EXIT_PROBLEMS : DOCKET_CLI_EXIT_OK;
}
