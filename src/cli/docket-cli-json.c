/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-cli"

#include "config.h"

#include "docket-cli-json.h"

#include <stdio.h>

void
docket_cli_json_add_string (JsonBuilder *builder,
                            const char  *name,
                            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
docket_cli_json_print (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}
