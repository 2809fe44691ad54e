/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-store"

#include "config.h"

#include "docket-store-json.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "docket-store-private.h"

/* The revision history keeps a changed list (agents, access points, body,
 * footnotes) whole, as JSON text, so that a reader sees what it was and a
 * revert can put it back. The output is deterministic: equal lists give
 * equal text, which is how the store decides that a list changed. The same
 * serialisers, in their export style, write the lists of `show --json`, so
 * that a list has one JSON form to maintain. */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* A member that only some items have; written only when present, unless
 * the style writes every member. */
static void
add_optional_string (JsonBuilder     *builder,
                     const char      *name,
                     const char      *value,
                     DocketJsonStyle  style)
{
  if (value != NULL || style == DOCKET_JSON_STYLE_REVISION)
    add_string (builder, name, value);
}

/**
 * docket_store_json_add_agents:
 * @builder: where to add the array
 * @agents: (element-type DocketAgent): the agents
 * @style: how to write them
 *
 * Adds @agents to @builder as an array of objects.
 */
void
docket_store_json_add_agents (JsonBuilder     *builder,
                              GPtrArray       *agents,
                              DocketJsonStyle  style)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (agents != NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < agents->len; i++)
    {
      const DocketAgent *agent = g_ptr_array_index (agents, i);

      json_builder_begin_object (builder);
      if (style == DOCKET_JSON_STYLE_REVISION)
        add_string (builder, "role", docket_agent_role_to_string (agent->role));
      add_string (builder, "name", agent->name);
      add_string (builder, "office", agent->office);
      add_optional_string (builder, "ref", agent->ref, style);
      add_optional_string (builder, "authority_source", agent->authority_source, style);
      add_optional_string (builder, "authority_id", agent->authority_id, style);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * docket_store_json_add_access_points:
 * @builder: where to add the array
 * @points: (element-type DocketAccessPoint): the access points
 *
 * Adds @points to @builder as an array of objects.
 */
void
docket_store_json_add_access_points (JsonBuilder *builder,
                                     GPtrArray   *points)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (points != NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < points->len; i++)
    {
      const DocketAccessPoint *point = g_ptr_array_index (points, i);

      json_builder_begin_object (builder);
      add_string (builder, "kind", docket_access_point_kind_to_string (point->kind));
      add_string (builder, "term", point->term);
      add_string (builder, "source", point->source);
      add_string (builder, "authority_id", point->authority_id);
      add_string (builder, "role", point->role);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * docket_store_json_add_body:
 * @builder: where to add the array
 * @body: (element-type DocketBlock): the blocks of the text
 *
 * Adds @body to @builder as an array of objects, each block with its anchors.
 */
void
docket_store_json_add_body (JsonBuilder *builder,
                            GPtrArray   *body)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (body != NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < body->len; i++)
    {
      const DocketBlock *block = g_ptr_array_index (body, i);

      json_builder_begin_object (builder);
      add_string (builder, "kind", docket_block_kind_to_string (block->kind));
      add_string (builder, "text", block->text);
      json_builder_set_member_name (builder, "anchors");
      json_builder_begin_array (builder);
      for (guint j = 0; block->anchors != NULL && j < block->anchors->len; j++)
        {
          const DocketAnchor *anchor = g_ptr_array_index (block->anchors, j);

          json_builder_begin_object (builder);
          add_string (builder, "kind", docket_anchor_kind_to_string (anchor->kind));
          add_int (builder, "offset", (gint64) anchor->offset);
          add_string (builder, "ref", anchor->ref);
          /* Only a mention covers text; markers keep their old shape. */
          if (anchor->length > 0)
            add_int (builder, "length", (gint64) anchor->length);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_link (JsonBuilder              *builder,
          const DocketFootnoteLink *link,
          DocketJsonStyle           style)
{
  json_builder_begin_object (builder);
  add_string (builder, "kind", docket_link_kind_to_string (link->kind));
  add_string (builder, "target", link->target);
  add_string (builder, "repository", link->repository);
  add_string (builder, "collection", link->collection);
  add_string (builder, "file", link->file);
  add_string (builder, "description", link->description);
  add_string (builder, "title", link->title);
  if (style == DOCKET_JSON_STYLE_REVISION)
    {
      add_int (builder, "span_start", link->span_start);
      add_int (builder, "span_end", link->span_end);
    }
  else if (link->span_start >= 0)
    {
      json_builder_set_member_name (builder, "span");
      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, link->span_start);
      json_builder_add_int_value (builder, link->span_end);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

/**
 * docket_store_json_add_footnotes:
 * @builder: where to add the array
 * @footnotes: (element-type DocketFootnote): the footnotes
 * @style: how to write them
 *
 * Adds @footnotes to @builder as an array of objects, each footnote with its
 * links.
 */
void
docket_store_json_add_footnotes (JsonBuilder     *builder,
                                 GPtrArray       *footnotes,
                                 DocketJsonStyle  style)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (footnotes != NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < footnotes->len; i++)
    {
      const DocketFootnote *footnote = g_ptr_array_index (footnotes, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", footnote->id);
      add_string (builder, "n", footnote->n);
      add_string (builder, "kind", docket_footnote_kind_to_string (footnote->kind));
      add_string (builder, "text", footnote->text);
      json_builder_set_member_name (builder, "links");
      json_builder_begin_array (builder);
      for (guint j = 0; footnote->links != NULL && j < footnote->links->len; j++)
        add_link (builder, g_ptr_array_index (footnote->links, j), style);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* Returns: (transfer full): @list ("agents", "access_points", "body",
 * "footnotes") of @record as JSON text, or %NULL for an unknown name. */
char *
_docket_store_list_to_json (DocketRecord *record,
                            const char   *list)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (g_str_equal (list, "agents"))
    docket_store_json_add_agents (builder, docket_record_get_agents (record),
                                  DOCKET_JSON_STYLE_REVISION);
  else if (g_str_equal (list, "access_points"))
    docket_store_json_add_access_points (builder, docket_record_get_access_points (record));
  else if (g_str_equal (list, "body"))
    docket_store_json_add_body (builder, docket_record_get_body (record));
  else if (g_str_equal (list, "footnotes"))
    docket_store_json_add_footnotes (builder, docket_record_get_footnotes (record),
                                     DOCKET_JSON_STYLE_REVISION);
  else
    g_return_val_if_reached (NULL);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  return json_node_get_string (node);
}

static gint64
get_int (JsonObject *object,
         const char *name,
         gint64      fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  return json_node_get_int (node);
}

static JsonArray *
get_array (JsonObject *object,
           const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

static gboolean
parse_item (const char  *list,
            JsonObject  *object,
            gpointer    *out_item)
{
  if (g_str_equal (list, "agents"))
    {
      DocketAgentRole role;
      DocketAgent *agent;

      if (!docket_agent_role_from_string (get_string (object, "role"), &role))
        return FALSE;
      agent = docket_agent_new (role, get_string (object, "name"), get_string (object, "office"));
      agent->ref = g_strdup (get_string (object, "ref"));
      agent->authority_source = g_strdup (get_string (object, "authority_source"));
      agent->authority_id = g_strdup (get_string (object, "authority_id"));
      *out_item = agent;
    }
  else if (g_str_equal (list, "access_points"))
    {
      DocketAccessPointKind kind;
      DocketAccessPoint *point;

      if (!docket_access_point_kind_from_string (get_string (object, "kind"), &kind))
        return FALSE;
      point = docket_access_point_new (kind, get_string (object, "term"), get_string (object, "source"));
      point->authority_id = g_strdup (get_string (object, "authority_id"));
      point->role = g_strdup (get_string (object, "role"));
      *out_item = point;
    }
  else if (g_str_equal (list, "body"))
    {
      JsonArray *anchors = get_array (object, "anchors");
      DocketBlockKind kind;
      DocketBlock *block;

      if (!docket_block_kind_from_string (get_string (object, "kind"), &kind))
        return FALSE;
      block = docket_block_new (kind, NULL);
      g_free (block->text);
      block->text = g_strdup (get_string (object, "text"));
      for (guint j = 0; anchors != NULL && j < json_array_get_length (anchors); j++)
        {
          JsonObject *a = json_array_get_object_element (anchors, j);
          DocketAnchorKind anchor_kind;

          if (a == NULL || !docket_anchor_kind_from_string (get_string (a, "kind"), &anchor_kind))
            {
              docket_block_free (block);
              return FALSE;
            }
          g_ptr_array_add (block->anchors,
                           docket_anchor_new_span (anchor_kind, (gsize) get_int (a, "offset", 0),
                                                   (gsize) MAX (get_int (a, "length", 0), 0),
                                                   get_string (a, "ref")));
        }
      *out_item = block;
    }
  else if (g_str_equal (list, "footnotes"))
    {
      JsonArray *links = get_array (object, "links");
      DocketFootnoteKind kind;
      DocketFootnote *footnote;

      if (!docket_footnote_kind_from_string (get_string (object, "kind"), &kind))
        return FALSE;
      footnote = docket_footnote_new (get_string (object, "id"), get_string (object, "n"),
                                      kind, get_string (object, "text"));
      for (guint j = 0; links != NULL && j < json_array_get_length (links); j++)
        {
          JsonObject *l = json_array_get_object_element (links, j);
          DocketLinkKind link_kind;
          DocketFootnoteLink *link;

          if (l == NULL || !docket_link_kind_from_string (get_string (l, "kind"), &link_kind))
            {
              docket_footnote_free (footnote);
              return FALSE;
            }
          link = docket_footnote_link_new (link_kind, get_string (l, "target"));
          link->repository = g_strdup (get_string (l, "repository"));
          link->collection = g_strdup (get_string (l, "collection"));
          link->file = g_strdup (get_string (l, "file"));
          link->description = g_strdup (get_string (l, "description"));
          link->title = g_strdup (get_string (l, "title"));
          link->span_start = (int) get_int (l, "span_start", -1);
          link->span_end = (int) get_int (l, "span_end", -1);
          g_ptr_array_add (footnote->links, link);
        }
      *out_item = footnote;
    }
  else
    return FALSE;

  return TRUE;
}

static GPtrArray *
record_list (DocketRecord *record,
             const char   *list)
{
  if (g_str_equal (list, "agents"))
    return docket_record_get_agents (record);
  if (g_str_equal (list, "access_points"))
    return docket_record_get_access_points (record);
  if (g_str_equal (list, "body"))
    return docket_record_get_body (record);
  if (g_str_equal (list, "footnotes"))
    return docket_record_get_footnotes (record);
  return NULL;
}

static GDestroyNotify
list_free_func (const char *list)
{
  if (g_str_equal (list, "agents"))
    return (GDestroyNotify) docket_agent_free;
  if (g_str_equal (list, "access_points"))
    return (GDestroyNotify) docket_access_point_free;
  if (g_str_equal (list, "body"))
    return (GDestroyNotify) docket_block_free;
  return (GDestroyNotify) docket_footnote_free;
}

/* Replaces @list of @record with the one in @json (as written by
 * _docket_store_list_to_json(); %NULL means empty). On error @record is
 * unchanged. */
gboolean
_docket_store_list_from_json (DocketRecord  *record,
                              const char    *list,
                              const char    *json,
                              GError       **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) items = NULL;
  GPtrArray *target = record_list (record, list);
  JsonNode *root;
  JsonArray *array;

  if (target == NULL)
    {
      g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED,
                   _("“%s” is not a field or list of a record"), list);
      return FALSE;
    }

  items = g_ptr_array_new_with_free_func (list_free_func (list));
  if (json != NULL)
    {
      if (!json_parser_load_from_data (parser, json, -1, NULL) ||
          (root = json_parser_get_root (parser)) == NULL ||
          !JSON_NODE_HOLDS_ARRAY (root))
        goto malformed;
      array = json_node_get_array (root);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *object = json_array_get_object_element (array, i);
          gpointer item = NULL;

          if (object == NULL || !parse_item (list, object, &item))
            goto malformed;
          g_ptr_array_add (items, item);
        }
    }

  g_ptr_array_set_size (target, 0);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (target, g_ptr_array_index (items, i));
  g_ptr_array_set_free_func (items, NULL);
  docket_record_changed (record, list);
  return TRUE;

malformed:
  g_set_error (error, DOCKET_STORE_ERROR, DOCKET_STORE_ERROR_FAILED,
               _("the stored value of “%s” is not readable"), list);
  return FALSE;
}
