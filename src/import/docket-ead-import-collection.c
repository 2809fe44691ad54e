/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead-import"

#include "config.h"

#include <string.h>

#include "docket-ead-import-private.h"

/* The finding aid's own id and address: EAD3 control/recordid
 * (@instanceurl), EAD 2002 eadheader/eadid (@url). */
static void
read_header (GPtrArray   *root_elements,
             char       **id,
             char       **url,
             char       **title)
{
  xmlNodePtr header = _docket_eadi_find_element (root_elements, "control");
  xmlNodePtr idnode;
  xmlNodePtr titlestmt;

  if (header == NULL)
    header = _docket_eadi_find_element (root_elements, "eadheader");
  if (header == NULL)
    return;

  idnode = _docket_eadi_child (header, "recordid");
  if (idnode != NULL)
    *url = _docket_eadi_attr (idnode, "instanceurl");
  else if ((idnode = _docket_eadi_child (header, "eadid")) != NULL)
    *url = _docket_eadi_attr (idnode, "url");
  *id = _docket_eadi_text (idnode);

  titlestmt = _docket_eadi_child (_docket_eadi_child (header, "filedesc"), "titlestmt");
  for (xmlNodePtr child = titlestmt != NULL ? titlestmt->children : NULL; child != NULL; child = child->next)
    if (_docket_eadi_is (child, "titleproper"))
      {
        g_autofree char *type = _docket_eadi_localtype (child);

        if (g_strcmp0 (type, "filing") == 0)
          continue;
        *title = _docket_eadi_text (child);
        break;
      }
}

/**
 * _docket_eadi_is_ead3:
 * @root_elements: (element-type xmlNode): the root's child elements
 *
 * Whether the finding aid is EAD3: by its namespace, or, without one, by
 * its <control>.
 */
gboolean
_docket_eadi_is_ead3 (xmlNodePtr  root,
                      GPtrArray  *root_elements)
{
  return (root->ns != NULL && g_str_has_prefix ((const char *) root->ns->href,
                                                "http://ead3.archivists.org/schema/")) ||
         _docket_eadi_find_element (root_elements, "control") != NULL;
}

static gboolean
is_component (xmlNodePtr child,
              gpointer   data)
{
  return _docket_eadi_is_component (child);
}

static void
read_did (DocketCollection *collection,
          xmlNodePtr        did,
          const char       *header_id,
          char            **unitid,
          DocketEadiExtra  *extra)
{
  g_autofree char *date_from = NULL;
  g_autofree char *date_to = NULL;
  g_autofree char *certainty = NULL;
  gboolean have_date = FALSE;

  for (xmlNodePtr child = did->children; child != NULL; child = child->next)
    {
      gboolean mapped = FALSE;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (_docket_eadi_is (child, "unittitle") && collection->title == NULL)
        {
          collection->title = _docket_eadi_text (child);
          mapped = TRUE;
        }
      else if (_docket_eadi_is (child, "unitid") && *unitid == NULL)
        {
          /* The unitid is the collection id when the header names none or
           * the same; another one is kept. */
          g_autofree char *text = _docket_eadi_text (child);

          if (header_id == NULL || g_strcmp0 (text, header_id) == 0)
            {
              *unitid = g_steal_pointer (&text);
              mapped = TRUE;
            }
        }
      else if (_docket_eadi_is (child, "unitdate") && !have_date)
        {
          _docket_eadi_read_date (child, &collection->date, &date_from, &date_to, &certainty);
          have_date = mapped = TRUE;
        }
      else if (_docket_eadi_is (child, "unitdatestructured") && collection->date == NULL)
        {
          _docket_eadi_read_date (child, &collection->date, &date_from, &date_to, &certainty);
          have_date = mapped = TRUE;
        }
      else if (_docket_eadi_is (child, "repository") && collection->repository == NULL)
        {
          xmlNodePtr name = _docket_eadi_child (child, "corpname");

          collection->repository = name != NULL ? _docket_eadi_term (name) : _docket_eadi_text (child);
          /* An address or a sub-unit stays with the extra elements. */
          mapped = TRUE;
          for (xmlNodePtr inner = child->children; inner != NULL; inner = inner->next)
            if (inner->type == XML_ELEMENT_NODE && inner != name)
              mapped = FALSE;
        }
      else if (_docket_eadi_is (child, "head"))
        mapped = TRUE;

      if (!mapped)
        _docket_eadi_extra_add (extra, DOCKET_EADI_EXTRA_DID, child);
    }
}

/**
 * _docket_eadi_read_collection:
 * @root_elements: (element-type xmlNode): the root's child elements, whole
 * @archdesc: the archdesc, with its attributes
 * @archdesc_elements: (element-type xmlNode): its child elements, in order
 * @dscs: (element-type xmlNode): gets the <dsc> elements among them
 * @out_n_unmapped: (out): the elements kept in the collection's extra XML
 *
 * The finding aid as a collection: id from recordid/eadid (else the
 * archdesc unitid), title, dates, scope and repository from the archdesc;
 * every other archdesc element is kept in its extra XML, with the level.
 * With only the elements before the first <dsc>, while the rest is being
 * parsed, gives the collection's id as it will be, unless the file puts
 * its header or the archdesc's <did> after it.
 */
DocketCollection *
_docket_eadi_read_collection (DocketEadiImport *self,
                              GPtrArray        *root_elements,
                              xmlNodePtr        archdesc,
                              GPtrArray        *archdesc_elements,
                              GPtrArray        *dscs,
                              guint            *out_n_unmapped)
{
  g_autoptr(DocketCollection) collection = docket_collection_new (NULL, NULL);
  g_autoptr(DocketEadiExtra) extra = _docket_eadi_extra_new (self->ead3);
  g_autofree char *header_id = NULL;
  g_autofree char *header_title = NULL;
  g_autofree char *unitid = NULL;
  g_autofree char *level = _docket_eadi_attr (archdesc, "level");
  g_autofree char *otherlevel = _docket_eadi_attr (archdesc, "otherlevel");
  xmlNodePtr did = _docket_eadi_find_element (archdesc_elements, "did");

  read_header (root_elements, &header_id, &collection->url, &header_title);
  _docket_eadi_extra_set_attr (extra, "level", level);
  _docket_eadi_extra_set_attr (extra, "otherlevel", otherlevel);

  if (did != NULL)
    read_did (collection, did, header_id, &unitid, extra);

  for (guint i = 0; i < archdesc_elements->len; i++)
    {
      xmlNodePtr child = g_ptr_array_index (archdesc_elements, i);

      if (child == did)
        continue;
      if (_docket_eadi_is (child, "dsc"))
        {
          g_ptr_array_add (dscs, child);
          _docket_eadi_extra_add_except (extra, DOCKET_EADI_EXTRA_DESC, child, is_component, NULL);
        }
      else if (_docket_eadi_is (child, "scopecontent") && collection->scope == NULL &&
               _docket_eadi_note_is_simple (child))
        collection->scope = _docket_eadi_note_text (child);
      else if (!_docket_eadi_is (child, "head"))
        _docket_eadi_extra_add (extra, DOCKET_EADI_EXTRA_DESC, child);
    }

  if (header_id != NULL)
    collection->id = g_steal_pointer (&header_id);
  else if (unitid != NULL)
    collection->id = g_strdup (unitid);
  else
    {
      g_autofree char *base = g_path_get_basename (self->display_name);
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      collection->id = g_steal_pointer (&base);
    }
  if (collection->title == NULL)
    collection->title = header_title != NULL ? g_steal_pointer (&header_title) : g_strdup (collection->id);

  collection->extra_xml = g_strdup (_docket_eadi_extra_text (extra));
  *out_n_unmapped = _docket_eadi_extra_count (extra);
  return g_steal_pointer (&collection);
}
