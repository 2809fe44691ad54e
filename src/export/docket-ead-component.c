/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead"

#include "config.h"

#include <string.h>

#include "docket-ead-component-private.h"

/* One record as one `<c level="item">`, following EAD-MAPPING.md § 1.2 and
 * § 3. English text written here ("Security classification") is data of a
 * finding aid described in English, not user interface, and is not
 * translated. */

static const char * const levels[] = {
  "collection", "fonds", "class", "recordgrp", "series", "subfonds",
  "subgrp", "subseries", "file", "item", NULL
};

void
_docket_ead_set_level (xmlNodePtr  node,
                       const char *level,
                       const char *otherlevel)
{
  g_autofree char *clean = _docket_ead_clean_token (level);

  if (clean == NULL)
    clean = g_strdup ("item");
  for (guint i = 0; levels[i] != NULL; i++)
    if (strcmp (levels[i], clean) == 0)
      {
        xmlSetProp (node, (const xmlChar *) "level", (const xmlChar *) clean);
        return;
      }
  /* Any other name is an otherlevel ("chapter", "subfile"). */
  xmlSetProp (node, (const xmlChar *) "level", (const xmlChar *) "otherlevel");
  {
    /* EAD 2002 types @otherlevel as NMTOKEN: "sub file" → "sub_file". */
    g_autofree char *token = _docket_ead_to_nmtoken (g_strcmp0 (clean, "otherlevel") == 0 && otherlevel != NULL
                                                     ? otherlevel : clean);

    if (token != NULL)
      xmlSetProp (node, (const xmlChar *) "otherlevel", (const xmlChar *) token);
  }
}

/* Removes the elements Docket wrote only as defaults (node->_private set
 * to @mark) where a kept element of the same name came back from an import. */
void
_docket_ead_yield_defaults (xmlNodePtr  parent,
                            gpointer    mark)
{
  xmlNodePtr child, next;

  for (child = parent->children; child != NULL; child = next)
    {
      next = child->next;
      if (child->type != XML_ELEMENT_NODE || child->_private != mark)
        continue;
      for (xmlNodePtr other = parent->children; other != NULL; other = other->next)
        {
          gboolean same = xmlStrEqual (other->name, child->name) ||
                          (g_str_has_prefix ((const char *) other->name, "physdesc") &&
                           g_str_has_prefix ((const char *) child->name, "physdesc"));

          if (other->type == XML_ELEMENT_NODE && same &&
              _docket_ead_is_kept (other))
            {
              xmlUnlinkNode (child);
              xmlFreeNode (child);
              break;
            }
        }
    }
}

xmlNodePtr
_docket_ead_build_component (DocketEadContext *ctx,
                             xmlNodePtr        parent,
                             DocketRecord     *record,
                             const char       *cid)
{
  Component cc = { 0 };

  cc.ctx = ctx;
  cc.record = record;
  cc.cid = cid;
  cc.placed = g_hash_table_new (NULL, NULL);
  cc.terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  cc.c = _docket_ead_el (ctx, parent, "c");
  _docket_ead_set_level (cc.c, docket_record_get (record, DOCKET_FIELD_LEVEL), NULL);
  xmlSetProp (cc.c, (const xmlChar *) "id", (const xmlChar *) cid);

  cc.did = el (&cc, cc.c, "did");
  _docket_ead_add_identifiers (&cc);
  _docket_ead_add_titles (&cc);
  _docket_ead_add_date (&cc);
  _docket_ead_add_physdesc (&cc);
  _docket_ead_add_origination (&cc);
  _docket_ead_add_languages (ctx, cc.did, field (&cc, DOCKET_FIELD_LANGUAGE));

  _docket_ead_add_scope (&cc);
  _docket_ead_add_source_note (&cc);
  _docket_ead_add_classification (&cc);
  _docket_ead_add_relations (&cc);
  _docket_ead_add_transcript (&cc);
  if (cc.relatedmaterial != NULL)
    xmlAddChild (cc.c, cc.relatedmaterial);
  _docket_ead_add_publication (&cc);
  if (cc.bibliography != NULL)
    xmlAddChild (cc.c, cc.bibliography);
  _docket_ead_add_controlaccess (&cc);

  _docket_ead_add_extra_xml (ctx, cc.c, cc.did, docket_record_get_extra_xml (record),
                             docket_record_get_id (record) != NULL ? docket_record_get_id (record) : cid);
  _docket_ead_yield_defaults (cc.did, DOCKET_EAD_DEFAULT);

  g_hash_table_unref (cc.placed);
  g_hash_table_unref (cc.terms);
  return cc.c;
}
