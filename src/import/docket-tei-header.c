/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-tei-import"

#include "config.h"

#include <string.h>

#include "docket-tei-private.h"

/* The teiHeader: the volume becomes the collection, and the front matter's
 * persons and terms lists become the result's persons and glossary. */

static void
replace (char **field,
         char  *value)
{
  g_free (*field);
  *field = value;
}

static void
read_title_stmt (DocketCollection *collection,
                 xmlNode          *title_stmt)
{
  g_autoptr(GString) editors = g_string_new (NULL);
  g_autofree char *volume_number = NULL;
  g_autofree char *volume_title = NULL;

  for (xmlNode *child = title_stmt->children; child != NULL; child = child->next)
    {
      if (_docket_tei_is (child, "title"))
        {
          const char *type = _docket_tei_attr (child, "type");
          char *text = _docket_tei_node_text (child, TRUE);

          if (g_strcmp0 (type, "complete") == 0 || (type == NULL && collection->title == NULL))
            replace (&collection->title, text);
          else if (g_strcmp0 (type, "series") == 0)
            replace (&collection->series, text);
          else if (g_strcmp0 (type, "sub-series") == 0)
            replace (&collection->subseries, text);
          else if (g_strcmp0 (type, "volume-number") == 0)
            replace (&volume_number, text);
          else if (g_strcmp0 (type, "volume") == 0)
            replace (&volume_title, text);
          else
            g_free (text);
        }
      else if (_docket_tei_is (child, "editor"))
        {
          g_autofree char *text = _docket_tei_node_text (child, TRUE);

          if (*text == '\0')
            continue;
          if (editors->len > 0)
            g_string_append_c (editors, '\n');
          g_string_append (editors, text);
        }
    }

  /* "Volume XXIX, Part 2" and "Japan" make "Volume XXIX, Part 2, Japan". */
  if (volume_number != NULL && *volume_number != '\0'
      && volume_title != NULL && *volume_title != '\0')
    collection->volume = g_strdup_printf ("%s, %s", volume_number, volume_title);
  else if (volume_number != NULL && *volume_number != '\0')
    collection->volume = g_steal_pointer (&volume_number);
  else if (volume_title != NULL && *volume_title != '\0')
    collection->volume = g_steal_pointer (&volume_title);

  if (editors->len > 0)
    collection->editors = g_strdup (editors->str);
}

static char *
header_idno (xmlNode *publication_stmt)
{
  for (xmlNode *child = publication_stmt->children; child != NULL; child = child->next)
    if (_docket_tei_is (child, "idno")
        && g_strcmp0 (_docket_tei_attr (child, "type"), "frus") == 0)
      return _docket_tei_node_text (child, TRUE);
  return NULL;
}

static char *
volume_id_from_name (const char *display_name)
{
  g_autofree char *base = g_path_get_basename (display_name);
  char *dot = strchr (base, '.');

  if (dot != NULL)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/**
 * _docket_tei_read_header:
 *
 * Sets the volume id (TEI/@xml:id, else the header's `idno[@type='frus']`,
 * else the file name) and builds the collection from the teiHeader.
 */
void
_docket_tei_read_header (DocketTeiVolume *volume,
                         const xmlNode   *root,
                         const xmlNode   *header)
{
  DocketCollection *collection;
  xmlNode *file_desc = header != NULL ? _docket_tei_child (header, "fileDesc") : NULL;
  xmlNode *title_stmt = file_desc != NULL ? _docket_tei_child (file_desc, "titleStmt") : NULL;
  xmlNode *publication_stmt = file_desc != NULL ? _docket_tei_child (file_desc, "publicationStmt") : NULL;
  const char *id = _docket_tei_xml_id (root);

  if (id != NULL && *id != '\0')
    volume->volume_id = g_strstrip (g_strdup (id));
  if (volume->volume_id == NULL && publication_stmt != NULL)
    volume->volume_id = header_idno (publication_stmt);
  if (volume->volume_id == NULL || *volume->volume_id == '\0')
    {
      g_free (volume->volume_id);
      volume->volume_id = volume_id_from_name (volume->display_name);
    }

  collection = docket_collection_new (volume->volume_id, NULL);
  if (title_stmt != NULL)
    read_title_stmt (collection, title_stmt);
  if (publication_stmt != NULL)
    {
      xmlNode *date = _docket_tei_child (publication_stmt, "date");

      if (date != NULL)
        {
          collection->date = _docket_tei_node_text (date, TRUE);
          if (*collection->date == '\0')
            g_clear_pointer (&collection->date, g_free);
        }
    }
  collection->url = g_strconcat (DOCKET_HSG_URL, volume->volume_id, NULL);

  volume->volume_title = g_strdup (collection->title);
  volume->result->collection = collection;
}

/* After the bold name or term: drop the comma and space that follow it. */
static char *
text_after (const xmlNode *item,
            const xmlNode *hi)
{
  DocketTeiText text;
  const xmlNode *start = hi;
  char *result;

  _docket_tei_text_init (&text);

  /* Text inside the bold `hi` after the name ("Rusk, Dean</persName>,</hi>"). */
  if (hi->type == XML_ELEMENT_NODE && !_docket_tei_is (hi, "persName") && !_docket_tei_is (hi, "term"))
    {
      gboolean seen = FALSE;

      for (const xmlNode *child = hi->children; child != NULL; child = child->next)
        {
          if (_docket_tei_is (child, "persName") || _docket_tei_is (child, "term"))
            seen = TRUE;
          else if (seen && child->type == XML_TEXT_NODE)
            _docket_tei_text_append (&text, (const char *) child->content);
        }
    }

  for (const xmlNode *node = start->next; node != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE)
        _docket_tei_text_append (&text, (const char *) node->content);
      else if (node->type == XML_ELEMENT_NODE && !_docket_tei_is (node, "note")
               && !_docket_tei_is (node, "pb"))
        _docket_tei_append_node_text (&text, node, TRUE);
    }

  result = _docket_tei_text_steal (&text);
  {
    char *p = result;

    while (*p == ',' || *p == ' ' || *p == ';' || *p == ':')
      p++;
    memmove (result, p, strlen (p) + 1);
  }
  return result;
}

/* The element with @name inside @item, and the child of @item holding it. */
static const xmlNode *
find_entry (const xmlNode  *item,
            const char     *name,
            const xmlNode **holder)
{
  for (const xmlNode *child = item->children; child != NULL; child = child->next)
    {
      if (_docket_tei_is (child, name))
        {
          *holder = child;
          return child;
        }
      if (child->type == XML_ELEMENT_NODE)
        {
          const xmlNode *inner = _docket_tei_child (child, name);

          if (inner != NULL)
            {
              *holder = child;
              return inner;
            }
        }
    }
  return NULL;
}

static void
read_list (DocketTeiVolume *volume,
           const xmlNode   *list,
           gboolean         persons)
{
  for (const xmlNode *item = list->children; item != NULL; item = item->next)
    {
      const xmlNode *holder = NULL;
      const xmlNode *entry;
      const char *id;
      g_autofree char *name = NULL;
      g_autofree char *rest = NULL;

      if (!_docket_tei_is (item, "item"))
        continue;
      entry = find_entry (item, persons ? "persName" : "term", &holder);
      if (entry == NULL)
        continue;
      id = _docket_tei_xml_id (entry);
      name = _docket_tei_node_text (entry, TRUE);
      rest = text_after (item, holder);

      if (persons)
        {
          DocketAgent *agent = docket_agent_new (DOCKET_AGENT_MENTIONED, name,
                                                 *rest != '\0' ? rest : NULL);

          agent->ref = g_strdup (id);
          g_ptr_array_add (volume->result->persons, agent);
        }
      else
        {
          DocketAccessPoint *point = docket_access_point_new (DOCKET_ACCESS_POINT_SUBJECT,
                                                              name, "local");

          point->authority_id = g_strdup (id);
          point->role = *rest != '\0' ? g_steal_pointer (&rest) : NULL;
          g_ptr_array_add (volume->result->glossary, point);
        }
    }
}

/**
 * _docket_tei_find_lists:
 * @node: an element of the front matter, whole
 *
 * Reads the persons list (`list[@type='names']`) into the result's persons
 * and the terms list (`list[@type='terms']`) into its glossary, if @node
 * is one of them or holds them.
 */
void
_docket_tei_find_lists (DocketTeiVolume *volume,
                        const xmlNode   *node)
{
  if (node->type != XML_ELEMENT_NODE)
    return;
  /* Documents and the index hold no persons or terms lists. */
  if (_docket_tei_is (node, "div")
      && (g_strcmp0 (_docket_tei_attr (node, "type"), "document") == 0
          || g_strcmp0 (_docket_tei_xml_id (node), "index") == 0))
    return;
  if (_docket_tei_is (node, "list"))
    {
      const char *type = _docket_tei_attr (node, "type");

      if (g_strcmp0 (type, "names") == 0)
        {
          read_list (volume, node, TRUE);
          return;
        }
      if (g_strcmp0 (type, "terms") == 0)
        {
          read_list (volume, node, FALSE);
          return;
        }
    }
  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    _docket_tei_find_lists (volume, child);
}
