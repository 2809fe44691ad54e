/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead"

#include "config.h"

#include <string.h>

#include "docket-ead-component-private.h"

/* Agents: the names of authors (in `origination`) and recipients (in
 * `controlaccess`) with their relator, authority source and office. */

void
_docket_ead_set_source (Component  *cc,
                        xmlNodePtr  node,
                        const char *source,
                        const char *authority_id)
{
  g_autofree char *clean = _docket_ead_clean_token (source);

  /* Authority ids are never invented: written only with the vocabulary
   * they come from. Unreconciled terms say source="local". */
  if (clean != NULL && _docket_ead_is_nmtoken (clean))
    {
      xmlSetProp (node, (const xmlChar *) "source", (const xmlChar *) clean);
      if (is_ead3 (cc))
        _docket_ead_attr_token (node, "identifier", authority_id);
      else
        _docket_ead_attr (node, "authfilenumber", authority_id);
    }
  else
    xmlSetProp (node, (const xmlChar *) "source", (const xmlChar *) "local");
}

void
_docket_ead_set_relator (Component  *cc,
                         xmlNodePtr  node,
                         const char *relator)
{
  static const char * const with_role[] = {
    "persname", "corpname", "famname", "name", "geogname", NULL
  };

  if (is_ead3 (cc))
    {
      _docket_ead_attr_token (node, "relator", relator);
      return;
    }
  /* EAD 2002 has @role on names and places only. */
  for (guint i = 0; with_role[i] != NULL; i++)
    if (xmlStrEqual (node->name, (const xmlChar *) with_role[i]))
      _docket_ead_attr (node, "role", relator);
}

/* A person or a body? FRUS senders are often offices ("Embassy in the
 * Soviet Union"); everything else is taken for a person. */
const char *
_docket_ead_agent_element (const DocketAgent *agent)
{
  static const char * const words[] = {
    "Department", "Embassy", "Office", "Mission", "Ministry", "Committee",
    "Council", "Agency", "Bureau", "Delegation", "Government", "Consulate",
    "Staff", "Command", "Board", "Commission", "Legation", NULL
  };

  for (guint i = 0; words[i] != NULL; i++)
    if (agent->name != NULL && strstr (agent->name, words[i]) != NULL)
      return "corpname";
  return "persname";
}

xmlNodePtr
_docket_ead_add_agent_name (Component         *cc,
                            xmlNodePtr         parent,
                            const DocketAgent *agent,
                            const char        *relator)
{
  g_autofree char *name = _docket_ead_clean_token (agent->name);
  xmlNodePtr node;

  if (name == NULL)
    return NULL;
  node = _docket_ead_name_el (cc->ctx, parent, _docket_ead_agent_element (agent), name);
  _docket_ead_set_relator (cc, node, relator);
  _docket_ead_set_source (cc, node, agent->authority_source, agent->authority_id);
  return node;
}

void
_docket_ead_add_origination (Component *cc)
{
  GPtrArray *agents = docket_record_get_agents (cc->record);
  xmlNodePtr origination = NULL;

  for (guint i = 0; i < agents->len; i++)
    {
      DocketAgent *agent = g_ptr_array_index (agents, i);
      g_autofree char *name = _docket_ead_clean_token (agent->name);

      if (agent->role != DOCKET_AGENT_AUTHOR || name == NULL)
        continue;
      if (origination == NULL)
        {
          origination = el (cc, cc->did, "origination");
          xmlSetProp (origination, (const xmlChar *) "label", (const xmlChar *) "Creator");
        }
      _docket_ead_add_agent_name (cc, origination, agent, "aut");
    }
}

/* EAD3: the office each author and recipient held, as a relation. */
void
_docket_ead_add_relations (Component *cc)
{
  GPtrArray *agents = docket_record_get_agents (cc->record);
  xmlNodePtr relations = NULL;

  if (!is_ead3 (cc))
    return;
  for (guint i = 0; i < agents->len; i++)
    {
      DocketAgent *agent = g_ptr_array_index (agents, i);
      g_autofree char *name = _docket_ead_clean_token (agent->name);
      g_autofree char *office = _docket_ead_clean_token (agent->office);
      g_autofree char *sentence = NULL;
      gboolean author = agent->role == DOCKET_AGENT_AUTHOR;
      xmlNodePtr relation;

      if (name == NULL || office == NULL || agent->role == DOCKET_AGENT_MENTIONED)
        continue;
      if (relations == NULL)
        relations = el (cc, cc->c, "relations");
      relation = el (cc, relations, "relation");
      xmlSetProp (relation, (const xmlChar *) "relationtype", (const xmlChar *) "cpfrelation");
      xmlSetProp (relation, (const xmlChar *) "arcrole",
                  (const xmlChar *) (author ? "http://id.loc.gov/vocabulary/relators/aut"
                                            : "http://id.loc.gov/vocabulary/relators/rcp"));
      el_text (cc, relation, "relationentry", name);
      sentence = g_strdup_printf (author ? "Office at the time of writing: %s."
                                         : "Office at the time of receipt: %s.", office);
      el_text (cc, el (cc, relation, "descriptivenote"), "p", sentence);
    }
}
