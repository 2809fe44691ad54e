/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead-import"

#include "config.h"

#include <string.h>

#include "docket-ead-import-private.h"

/* Maps a simple note (head + paragraphs) to @field when it is still empty. */
static gboolean
read_text_note (DocketRecord *record,
                xmlNodePtr    node,
                DocketField   field)
{
  if (!_docket_eadi_field_is_empty (record, field) || !_docket_eadi_note_is_simple (node))
    return FALSE;
  docket_record_take (record, field, _docket_eadi_note_text (node));
  return TRUE;
}

/* "Original security classification marking: Top Secret; Nodis." →
 * "Top Secret" and "Nodis". */
static gboolean
read_classification (DocketRecord *record,
                     xmlNodePtr    node)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;
  const char *marking;
  const char *colon;
  g_autoptr(GString) caveats = g_string_new (NULL);

  if (!_docket_eadi_field_is_empty (record, DOCKET_FIELD_CLASSIFICATION) ||
      !_docket_eadi_note_is_simple (node))
    return FALSE;
  text = _docket_eadi_note_text (node);
  if (text == NULL)
    return TRUE;

  marking = text;
  colon = strrchr (text, ':');
  if (colon != NULL && colon[1] == ' ')
    marking = colon + 2;
  parts = g_strsplit_set (marking, ";,", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      gsize len = strlen (part);

      while (len > 0 && part[len - 1] == '.')
        part[--len] = '\0';
      g_strstrip (part);
      if (part[0] == '\0')
        continue;
      if (_docket_eadi_field_is_empty (record, DOCKET_FIELD_CLASSIFICATION))
        docket_record_set (record, DOCKET_FIELD_CLASSIFICATION, part);
      else
        {
          if (caveats->len > 0)
            g_string_append (caveats, ", ");
          g_string_append (caveats, part);
        }
    }
  if (caveats->len > 0)
    docket_record_set (record, DOCKET_FIELD_CAVEATS, caveats->str);
  return TRUE;
}

static char *
find_pages (xmlNodePtr  bibref,
            const char *text)
{
  static GRegex *pages_regex;

  for (xmlNodePtr child = bibref->children; child != NULL; child = child->next)
    if (_docket_eadi_is (child, "num"))
      {
        g_autofree char *localtype = _docket_eadi_localtype (child);

        if (localtype != NULL && g_str_has_prefix (localtype, "page"))
          return _docket_eadi_text (child);
      }

  if (g_once_init_enter (&pages_regex))
    g_once_init_leave (&pages_regex,
                       g_regex_new ("\\b(?:pages?|pp?\\.)\\s*([0-9]+(?:\\s*[-–]\\s*[0-9]+)?)",
                                    G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  if (text != NULL)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (pages_regex, text, 0, &match))
        return g_match_info_fetch (match, 1);
    }
  return NULL;
}

/* One <bibref> (the publication of the document): its <title> is the
 * publication, a page number in it the pages, its link the web address. */
static gboolean
read_bibliography (DocketRecord *record,
                   xmlNodePtr    node)
{
  xmlNodePtr bibref = NULL;
  xmlNodePtr title;
  g_autofree char *text = NULL;
  char *url = NULL;

  if (!_docket_eadi_field_is_empty (record, DOCKET_FIELD_PUBLICATION))
    return FALSE;
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || _docket_eadi_is (child, "head"))
        continue;
      if (!_docket_eadi_is (child, "bibref") || bibref != NULL)
        return FALSE;
      bibref = child;
    }
  if (bibref == NULL)
    return FALSE;

  text = _docket_eadi_text (bibref);
  title = _docket_eadi_child (bibref, "title");
  docket_record_take (record, DOCKET_FIELD_PUBLICATION,
                      title != NULL ? _docket_eadi_term (title) : g_strdup (text));
  if (_docket_eadi_field_is_empty (record, DOCKET_FIELD_PAGES))
    docket_record_take (record, DOCKET_FIELD_PAGES, find_pages (bibref, text));

  url = _docket_eadi_attr (bibref, "href");
  if (url == NULL)
    {
      xmlNodePtr ref = _docket_eadi_child (bibref, "ref");

      if (ref == NULL)
        ref = _docket_eadi_child (bibref, "extref");
      if (ref != NULL)
        url = _docket_eadi_attr (ref, "href");
    }
  if (url != NULL && _docket_eadi_field_is_empty (record, DOCKET_FIELD_URL))
    docket_record_take (record, DOCKET_FIELD_URL, url);
  else
    g_free (url);
  return TRUE;
}

/**
 * _docket_eadi_read_note:
 *
 * Maps the component-level notes Docket has fields for: scope and
 * content, access (classification, declassification, general), use, the
 * location of originals (the source note), the publication. Returns
 * %FALSE for a note it leaves alone (a second one, or one whose lists or
 * tables a text field cannot hold).
 */
gboolean
_docket_eadi_read_note (DocketEadiImport *self,
                        DocketRecord     *record,
                        xmlNodePtr        node)
{
  if (_docket_eadi_is (node, "scopecontent"))
    return read_text_note (record, node, DOCKET_FIELD_SCOPE);

  if (_docket_eadi_is (node, "accessrestrict"))
    {
      g_autofree char *localtype = _docket_eadi_localtype (node);

      if (g_strcmp0 (localtype, "classification") == 0)
        return read_classification (record, node);
      if (g_strcmp0 (localtype, "declassification") == 0)
        return read_text_note (record, node, DOCKET_FIELD_DECLASSIFICATION);
      if (localtype == NULL)
        return read_text_note (record, node, DOCKET_FIELD_ACCESS_CONDITIONS);
      return FALSE;
    }

  if (_docket_eadi_is (node, "userestrict"))
    return read_text_note (record, node, DOCKET_FIELD_USE_CONDITIONS);

  if (_docket_eadi_is (node, "originalsloc"))
    return read_text_note (record, node, DOCKET_FIELD_SOURCE_TEXT);

  if (_docket_eadi_is (node, "bibliography"))
    return read_bibliography (record, node);

  return FALSE;
}

/* "Office at the time of writing: Ambassador at Large." → "Ambassador at Large". */
static char *
office_from_note (xmlNodePtr note)
{
  g_autofree char *text = _docket_eadi_note_text (note);
  const char *start;
  gsize len;

  if (text == NULL)
    return NULL;
  start = strstr (text, ": ");
  start = start != NULL ? start + 2 : text;
  len = strlen (start);
  while (len > 0 && start[len - 1] == '.')
    len--;
  return len > 0 ? g_strndup (start, len) : NULL;
}

/**
 * _docket_eadi_read_relations:
 *
 * EAD3 <relations> as Docket's export writes them for an author's or a
 * recipient's office at the time (a relator arcrole, the name, "Office …:
 * X."): each office goes to the agent of that name. Returns %FALSE, and
 * changes nothing, when @relations holds anything else.
 */
gboolean
_docket_eadi_read_relations (DocketRecord *record,
                             xmlNodePtr    relations)
{
  GPtrArray *agents = docket_record_get_agents (record);

  for (xmlNodePtr relation = relations->children; relation != NULL; relation = relation->next)
    {
      g_autofree char *arcrole = NULL;

      if (relation->type != XML_ELEMENT_NODE)
        continue;
      if (!_docket_eadi_is (relation, "relation"))
        return FALSE;
      arcrole = _docket_eadi_attr (relation, "arcrole");
      if (arcrole == NULL || strstr (arcrole, "/relators/") == NULL ||
          _docket_eadi_child (relation, "relationentry") == NULL ||
          _docket_eadi_child (relation, "descriptivenote") == NULL)
        return FALSE;
      for (xmlNodePtr child = relation->children; child != NULL; child = child->next)
        if (child->type == XML_ELEMENT_NODE &&
            !_docket_eadi_is (child, "relationentry") && !_docket_eadi_is (child, "descriptivenote"))
          return FALSE;
    }

  for (xmlNodePtr relation = relations->children; relation != NULL; relation = relation->next)
    {
      g_autofree char *entry = NULL;
      g_autofree char *office = NULL;

      if (!_docket_eadi_is (relation, "relation"))
        continue;
      entry = _docket_eadi_text (_docket_eadi_child (relation, "relationentry"));
      office = office_from_note (_docket_eadi_child (relation, "descriptivenote"));
      if (entry == NULL || office == NULL)
        continue;
      for (guint i = 0; i < agents->len; i++)
        {
          DocketAgent *agent = g_ptr_array_index (agents, i);

          if (g_strcmp0 (agent->name, entry) == 0 && agent->office == NULL)
            {
              agent->office = g_steal_pointer (&office);
              break;
            }
        }
    }
  return TRUE;
}
