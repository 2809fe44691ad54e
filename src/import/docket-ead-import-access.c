/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead-import"

#include "config.h"

#include <string.h>

#include "docket-ead-import-private.h"

static const struct
{
  const char            *element;
  DocketAccessPointKind  kind;
} term_kinds[] = {
  { "subject", DOCKET_ACCESS_POINT_SUBJECT },
  { "persname", DOCKET_ACCESS_POINT_PERSON },
  { "corpname", DOCKET_ACCESS_POINT_CORPORATE },
  { "famname", DOCKET_ACCESS_POINT_FAMILY },
  { "geogname", DOCKET_ACCESS_POINT_PLACE },
  { "genreform", DOCKET_ACCESS_POINT_GENRE },
  { "function", DOCKET_ACCESS_POINT_FUNCTION },
  { "occupation", DOCKET_ACCESS_POINT_OCCUPATION },
  { "title", DOCKET_ACCESS_POINT_TITLE },
};

static gboolean
term_kind (xmlNodePtr             node,
           DocketAccessPointKind *out_kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (term_kinds); i++)
    if (_docket_eadi_is (node, term_kinds[i].element))
      {
        *out_kind = term_kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

/* EAD3 @identifier, EAD 2002 @authfilenumber. */
static char *
authority_id (xmlNodePtr node)
{
  char *id = _docket_eadi_attr (node, "identifier");

  if (id == NULL)
    id = _docket_eadi_attr (node, "authfilenumber");
  return id;
}

/* EAD3 @relator, EAD 2002 @role. */
static char *
relator (xmlNodePtr node)
{
  char *value = _docket_eadi_attr (node, "relator");

  if (value == NULL)
    value = _docket_eadi_attr (node, "role");
  return value;
}

/**
 * _docket_eadi_read_name:
 *
 * A <persname>, <corpname>, <famname> or <name> as an agent, with its
 * authority source and identifier (never invented).
 *
 * Returns: (transfer full) (nullable): the agent, or %NULL for an empty name
 */
DocketAgent *
_docket_eadi_read_name (xmlNodePtr      node,
                        DocketAgentRole role)
{
  g_autofree char *name = _docket_eadi_term (node);
  DocketAgent *agent;

  if (name == NULL)
    return NULL;
  agent = docket_agent_new (role, name, NULL);
  agent->authority_source = _docket_eadi_attr (node, "source");
  agent->authority_id = authority_id (node);
  return agent;
}

static gboolean
is_recipient (const char *role)
{
  return role != NULL &&
         (g_ascii_strcasecmp (role, "rcp") == 0 ||
          g_ascii_strcasecmp (role, "recipient") == 0 ||
          g_str_has_suffix (role, "/relators/rcp"));
}

static gboolean
is_place_of_writing (xmlNodePtr  node,
                     const char *role)
{
  g_autofree char *localtype = _docket_eadi_localtype (node);

  return g_strcmp0 (localtype, "place-of-writing") == 0 ||
         g_strcmp0 (role, "place of writing") == 0;
}

/* Returns %FALSE when @node is not an access term Docket maps. */
static gboolean
read_term (DocketRecord *record,
           xmlNodePtr    node)
{
  DocketAccessPointKind kind;
  g_autofree char *term = NULL;
  g_autofree char *role = NULL;
  DocketAccessPoint *point;

  if (!term_kind (node, &kind))
    return FALSE;
  term = _docket_eadi_term (node);
  if (term == NULL)
    return TRUE;
  role = relator (node);

  if (is_recipient (role) &&
      (kind == DOCKET_ACCESS_POINT_PERSON || kind == DOCKET_ACCESS_POINT_CORPORATE ||
       kind == DOCKET_ACCESS_POINT_FAMILY))
    {
      docket_record_add_agent (record, _docket_eadi_read_name (node, DOCKET_AGENT_RECIPIENT));
      return TRUE;
    }

  if (kind == DOCKET_ACCESS_POINT_PLACE && is_place_of_writing (node, role) &&
      _docket_eadi_field_is_empty (record, DOCKET_FIELD_PLACE))
    {
      docket_record_set (record, DOCKET_FIELD_PLACE, term);
      return TRUE;
    }

  if (kind == DOCKET_ACCESS_POINT_GENRE && _docket_eadi_field_is_empty (record, DOCKET_FIELD_TYPE))
    {
      docket_record_set (record, DOCKET_FIELD_TYPE, term);
      return TRUE;
    }

  point = docket_access_point_new (kind, NULL, NULL);
  point->term = g_steal_pointer (&term);
  point->source = _docket_eadi_attr (node, "source");
  point->authority_id = authority_id (node);
  point->role = g_steal_pointer (&role);
  docket_record_add_access_point (record, point);
  return TRUE;
}

static gboolean
is_mapped_child (xmlNodePtr child,
                 gpointer   data)
{
  DocketAccessPointKind kind;

  return _docket_eadi_is (child, "head") || _docket_eadi_is (child, "controlaccess") ||
         term_kind (child, &kind);
}

/**
 * _docket_eadi_read_controlaccess:
 *
 * Access terms become access points; a recipient (relator rcp) becomes an
 * agent, a place of writing the place, the first genre/form the document
 * type. Anything else in the element is kept in @extra.
 */
void
_docket_eadi_read_controlaccess (DocketRecord    *record,
                                 xmlNodePtr       node,
                                 DocketEadiExtra *extra)
{
  gboolean unmapped = FALSE;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || _docket_eadi_is (child, "head"))
        continue;
      if (_docket_eadi_is (child, "controlaccess"))
        _docket_eadi_read_controlaccess (record, child, extra);
      else if (!read_term (record, child))
        unmapped = TRUE;
    }

  if (unmapped)
    _docket_eadi_extra_add_except (extra, DOCKET_EADI_EXTRA_DESC, node, is_mapped_child, NULL);
}
