/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead"

#include "config.h"

#include "docket-ead-component-private.h"

/* controlaccess */

static gboolean
claim_term (Component  *cc,
            const char *element,
            const char *term)
{
  g_autofree char *clean = _docket_ead_clean_token (term);
  g_autofree char *folded = NULL;
  char *key;

  if (clean == NULL)
    return FALSE;
  folded = g_utf8_casefold (clean, -1);
  key = g_strconcat (element, "\x1f", folded, NULL);
  if (g_hash_table_contains (cc->terms, key))
    {
      g_free (key);
      return FALSE;
    }
  g_hash_table_add (cc->terms, key);
  return TRUE;
}

static const char *
access_point_element (DocketAccessPointKind kind)
{
  switch (kind)
    {
    case DOCKET_ACCESS_POINT_PERSON: return "persname";
    case DOCKET_ACCESS_POINT_CORPORATE: return "corpname";
    case DOCKET_ACCESS_POINT_FAMILY: return "famname";
    case DOCKET_ACCESS_POINT_PLACE: return "geogname";
    case DOCKET_ACCESS_POINT_GENRE: return "genreform";
    case DOCKET_ACCESS_POINT_FUNCTION: return "function";
    case DOCKET_ACCESS_POINT_OCCUPATION: return "occupation";
    case DOCKET_ACCESS_POINT_TITLE: return "title";
    case DOCKET_ACCESS_POINT_SUBJECT:
    default:
      return "subject";
    }
}

static void
set_place_role (Component  *cc,
                xmlNodePtr  node)
{
  if (is_ead3 (cc))
    xmlSetProp (node, (const xmlChar *) "localtype", (const xmlChar *) "place-of-writing");
  else
    xmlSetProp (node, (const xmlChar *) "role", (const xmlChar *) "place of writing");
}

/* The AAT form of the document types Docket derives from FRUS headings. */
static const char *
aat_genre (const char *type)
{
  static const struct { const char *type, *aat; } genres[] = {
    { "memorandum", "memorandums" }, { "telegram", "telegrams" },
    { "letter", "letters (correspondence)" }, { "report", "reports" },
    { "minutes", "minutes (administrative records)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (genres); i++)
    if (g_ascii_strcasecmp (type, genres[i].type) == 0)
      return genres[i].aat;
  return NULL;
}

void
_docket_ead_add_controlaccess (Component *cc)
{
  GPtrArray *points = docket_record_get_access_points (cc->record);
  GPtrArray *agents = docket_record_get_agents (cc->record);
  xmlNodePtr ca = new_unlinked (cc, "controlaccess");
  g_autofree char *type = _docket_ead_clean_token (field (cc, DOCKET_FIELD_TYPE));
  g_autofree char *place = _docket_ead_clean_token (field (cc, DOCKET_FIELD_PLACE));
  xmlNodePtr node;

  /* The record's own access points first: they may carry authority ids. */
  for (guint i = 0; i < points->len; i++)
    {
      DocketAccessPoint *point = g_ptr_array_index (points, i);
      const char *element = access_point_element (point->kind);
      g_autofree char *role = _docket_ead_clean_token (point->role);

      if (!claim_term (cc, element, point->term))
        continue;
      node = _docket_ead_access_term (cc->ctx, ca, element, point->term);
      if (node == NULL)
        continue;
      if (point->kind == DOCKET_ACCESS_POINT_PLACE && role != NULL &&
          g_ascii_strcasecmp (role, "place of writing") == 0)
        set_place_role (cc, node);
      else
        _docket_ead_set_relator (cc, node, role);
      _docket_ead_set_source (cc, node, point->source, point->authority_id);
    }

  for (guint i = 0; i < agents->len; i++)
    {
      DocketAgent *agent = g_ptr_array_index (agents, i);

      if (agent->role == DOCKET_AGENT_AUTHOR ||
          !claim_term (cc, _docket_ead_agent_element (agent), agent->name))
        continue;
      _docket_ead_add_agent_name (cc, ca, agent, agent->role == DOCKET_AGENT_RECIPIENT ? "rcp" : NULL);
    }

  if (place != NULL && claim_term (cc, "geogname", place))
    {
      node = _docket_ead_access_term (cc->ctx, ca, "geogname", place);
      set_place_role (cc, node);
      xmlSetProp (node, (const xmlChar *) "source", (const xmlChar *) "local");
    }

  if (type != NULL)
    {
      const char *aat = aat_genre (type);

      if (claim_term (cc, "genreform", aat != NULL ? aat : type))
        {
          node = _docket_ead_access_term (cc->ctx, ca, "genreform", aat != NULL ? aat : type);
          xmlSetProp (node, (const xmlChar *) "source", (const xmlChar *) (aat != NULL ? "aat" : "local"));
        }
    }

  if (ca->children != NULL)
    xmlAddChild (cc->c, ca);
  else
    xmlFreeNode (ca);
}
