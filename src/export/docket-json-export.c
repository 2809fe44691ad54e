/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-json-export"

#include "config.h"

#include "docket-json-export.h"

#include "docket-store-json.h"

#include <string.h>

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}


/* Fields whose key is "group.member" are written inside an object named
 * after the group; the groups are written where their first member is. */
static void
add_fields (JsonBuilder  *builder,
            DocketRecord *record)
{
  g_autoptr(GHashTable) done_groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < DOCKET_N_FIELDS; i++)
    {
      const char *key = docket_field_get_key (i);
      const char *dot = strchr (key, '.');
      g_autofree char *group = NULL;

      if (i == DOCKET_FIELD_CAVEATS)
        {
          g_auto(GStrv) caveats = docket_field_split_list (docket_record_get (record, i));

          json_builder_set_member_name (builder, key);
          json_builder_begin_array (builder);
          for (guint j = 0; caveats[j] != NULL; j++)
            json_builder_add_string_value (builder, caveats[j]);
          json_builder_end_array (builder);
          continue;
        }

      if (dot == NULL)
        {
          add_string (builder, key, docket_record_get (record, i));
          continue;
        }

      group = g_strndup (key, dot - key);
      if (g_hash_table_contains (done_groups, group))
        continue;

      json_builder_set_member_name (builder, group);
      json_builder_begin_object (builder);
      for (guint j = i; j < DOCKET_N_FIELDS; j++)
        {
          const char *member_key = docket_field_get_key (j);

          if (g_str_has_prefix (member_key, group) && member_key[strlen (group)] == '.')
            add_string (builder, member_key + strlen (group) + 1, docket_record_get (record, j));
        }
      json_builder_end_object (builder);
      g_hash_table_add (done_groups, g_steal_pointer (&group));
    }
}

static void
add_agents (JsonBuilder     *builder,
            const char      *name,
            DocketRecord    *record,
            DocketAgentRole  role)
{
  g_autoptr(GPtrArray) agents = docket_record_dup_agents_with_role (record, role);

  json_builder_set_member_name (builder, name);
  docket_store_json_add_agents (builder, agents, DOCKET_JSON_STYLE_EXPORT);
}

static void
add_page_breaks (JsonBuilder  *builder,
                 DocketRecord *record)
{
  g_auto(GStrv) pages = docket_record_dup_page_breaks (record);

  json_builder_set_member_name (builder, "page_breaks");
  json_builder_begin_array (builder);
  for (guint i = 0; pages[i] != NULL; i++)
    json_builder_add_string_value (builder, pages[i]);
  json_builder_end_array (builder);
}

/**
 * docket_json_export_record:
 *
 * Returns: (transfer full): the record as a JSON object
 */
JsonNode *
docket_json_export_record (DocketRecord *record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (DOCKET_IS_RECORD (record), NULL);

  json_builder_begin_object (builder);
  add_fields (builder, record);
  json_builder_set_member_name (builder, "provisional_id");
  json_builder_add_boolean_value (builder, docket_record_get_provisional_id (record));
  add_agents (builder, "authors", record, DOCKET_AGENT_AUTHOR);
  add_agents (builder, "recipients", record, DOCKET_AGENT_RECIPIENT);
  add_agents (builder, "mentioned", record, DOCKET_AGENT_MENTIONED);
  json_builder_set_member_name (builder, "access_points");
  docket_store_json_add_access_points (builder, docket_record_get_access_points (record));
  add_page_breaks (builder, record);
  json_builder_set_member_name (builder, "footnotes");
  docket_store_json_add_footnotes (builder, docket_record_get_footnotes (record),
                                   DOCKET_JSON_STYLE_EXPORT);
  json_builder_set_member_name (builder, "body");
  docket_store_json_add_body (builder, docket_record_get_body (record));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, docket_record_get_version (record));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * docket_json_export_record_text:
 *
 * Returns: (transfer full): the record as JSON text
 */
char *
docket_json_export_record_text (DocketRecord *record,
                                gboolean      pretty)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (DOCKET_IS_RECORD (record), NULL);

  node = docket_json_export_record (record);
  return json_to_string (node, pretty);
}
