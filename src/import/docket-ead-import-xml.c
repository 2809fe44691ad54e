/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead-import"

#include "config.h"

#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "docket-ead-import-private.h"

/* EAD3, EAD3 undeprecated, EAD 2002; DTD-style files have no namespace. */
gboolean
_docket_eadi_is_ead_namespace (const xmlNs *ns)
{
  const char *href;

  if (ns == NULL)
    return TRUE;
  href = (const char *) ns->href;
  return href != NULL &&
         (strcmp (href, "http://ead3.archivists.org/schema/") == 0 ||
          strcmp (href, "http://ead3.archivists.org/schema/undeprecated/") == 0 ||
          strcmp (href, "urn:isbn:1-931666-22-9") == 0);
}

/* c, or c01 … c12. */
gboolean
_docket_eadi_is_component (xmlNodePtr node)
{
  const char *name;

  if (node == NULL || node->type != XML_ELEMENT_NODE || node->name[0] != 'c'
      || !_docket_eadi_is_ead_namespace (node->ns))
    return FALSE;
  name = (const char *) node->name;
  if (name[1] == '\0')
    return TRUE;
  return g_ascii_isdigit (name[1]) && g_ascii_isdigit (name[2]) && name[3] == '\0' &&
         atoi (name + 1) >= 1 && atoi (name + 1) <= 12;
}

xmlNodePtr
_docket_eadi_child (xmlNodePtr  node,
                   const char *name)
{
  if (node == NULL)
    return NULL;
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (_docket_eadi_is (child, name))
      return child;
  return NULL;
}

/**
 * _docket_eadi_child_elements:
 *
 * Returns: (transfer container) (element-type xmlNode): the child
 *   elements of @node, in order
 */
GPtrArray *
_docket_eadi_child_elements (xmlNodePtr node)
{
  GPtrArray *elements = g_ptr_array_new ();

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      g_ptr_array_add (elements, child);
  return elements;
}

/* The first of @elements named @name, as _docket_eadi_child() finds it
 * among an element's children. */
xmlNodePtr
_docket_eadi_find_element (GPtrArray  *elements,
                           const char *name)
{
  for (guint i = 0; i < elements->len; i++)
    if (_docket_eadi_is (g_ptr_array_index (elements, i), name))
      return g_ptr_array_index (elements, i);
  return NULL;
}

/* An attribute by local name, in no namespace or any (xlink:href and the
 * DTD-style href alike); %NULL when absent or empty. */
char *
_docket_eadi_attr (xmlNodePtr  node,
                  const char *name)
{
  const xmlAttr *attr;
  const char *start, *end;
  xmlChar *value = NULL;
  char *copy;

  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return NULL;

  /* What xmlGetProp() finds (the first attribute with that local name),
   * read in place: the readers ask each element for several attributes
   * that it mostly does not have, and a copy of each value they do. */
  for (attr = node->properties; attr != NULL; attr = attr->next)
    if (attr->name[0] == (xmlChar) name[0] && strcmp ((const char *) attr->name, name) == 0)
      break;
  if (attr != NULL && attr->children == NULL)
    return NULL; /* "" */
  if (attr != NULL && attr->children->type == XML_TEXT_NODE && attr->children->next == NULL)
    start = (const char *) attr->children->content;
  else if (attr == NULL && (node->doc == NULL || node->doc->intSubset == NULL))
    return NULL;
  else
    {
      /* An entity reference in the value, or a default from the DTD. */
      value = xmlGetProp (node, (const xmlChar *) name);
      start = (const char *) value;
    }
  if (start == NULL)
    return NULL;

  /* g_strstrip() without the copy of what it strips. */
  while (g_ascii_isspace (*start))
    start++;
  end = start + strlen (start);
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  copy = end > start ? g_strndup (start, end - start) : NULL;
  xmlFree (value);
  return copy;
}

/* EAD3 @localtype, EAD 2002 @type. */
char *
_docket_eadi_localtype (xmlNodePtr node)
{
  char *value = _docket_eadi_attr (node, "localtype");

  if (value == NULL)
    value = _docket_eadi_attr (node, "type");
  return value;
}

/* @text collapsed into @dst after its first @n bytes; returns the new
 * length. Writes at most strlen (@text) bytes, and no NUL. */
static gsize
collapse_into (char       *dst,
               gsize       n,
               const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (n > 0 && dst[n - 1] != ' ' && dst[n - 1] != '\n')
            dst[n++] = ' ';
        }
      else
        dst[n++] = *p;
    }
  return n;
}

/* Appends @text with runs of white space collapsed to one space and no
 * space at the start of @out. */
void
_docket_eadi_collapse_append (GString    *out,
                             const char *text)
{
  gsize len = strlen (text);
  gsize old_len = out->len;

  /* Room made once: the result is never longer than @text. */
  if (old_len + len >= out->allocated_len)
    {
      g_string_set_size (out, old_len + len);
      out->len = old_len;
    }
  out->len = collapse_into (out->str, old_len, text);
  out->str[out->len] = '\0';
}

static void
collect_text (xmlNodePtr  node,
              GString    *out)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        _docket_eadi_collapse_append (out, (const char *) child->content);
      else if (child->type == XML_ELEMENT_NODE)
        {
          /* A <lb/> is a line break; block-level children are separated. */
          if (_docket_eadi_is (child, "lb"))
            _docket_eadi_collapse_append (out, " ");
          collect_text (child, out);
        }
    }
}

static char *
finish_text (GString *out)
{
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* The text of @node with white space collapsed, or %NULL when empty. */
char *
_docket_eadi_text (xmlNodePtr node)
{
  GString *out;

  if (node == NULL)
    return NULL;

  /* Most elements read as text hold one text node: collapsed straight
   * into a string of its length, without a GString. */
  if (node->children != NULL && node->children->next == NULL
      && (node->children->type == XML_TEXT_NODE || node->children->type == XML_CDATA_SECTION_NODE))
    {
      const char *content = (const char *) node->children->content;
      char *text = g_malloc (strlen (content) + 1);
      gsize n = collapse_into (text, 0, content);

      while (n > 0 && g_ascii_isspace (text[n - 1]))
        n--;
      if (n == 0)
        {
          g_free (text);
          return NULL;
        }
      text[n] = '\0';
      return text;
    }

  out = g_string_new (NULL);
  collect_text (node, out);
  return finish_text (out);
}

static gboolean
is_name_part (const char *localtype)
{
  static const char *name_parts[] = {
    "surname", "forename", "existDates", "dates", "suffix", "prefix",
    "qualifier", "title", "numeration", "fullerForm", "initials",
  };

  if (localtype == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (name_parts); i++)
    if (g_ascii_strcasecmp (localtype, name_parts[i]) == 0)
      return TRUE;
  return FALSE;
}

/* An access term: EAD3 <part>s joined (", " between the parts of a personal
 * name, " -- " between subdivisions, as EAD 2002 writes them), or the
 * plain text of an EAD 2002 term. */
char *
_docket_eadi_term (xmlNodePtr node)
{
  GString *out = NULL;
  char *first = NULL;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (_docket_eadi_is (child, "part"))
      {
        g_autofree char *text = _docket_eadi_text (child);
        g_autofree char *localtype = NULL;

        if (text == NULL)
          continue;
        /* A term of one part is that part's text. */
        if (first == NULL && out == NULL)
          {
            first = g_steal_pointer (&text);
            continue;
          }
        if (out == NULL)
          {
            out = g_string_new (first);
            g_clear_pointer (&first, g_free);
          }
        localtype = _docket_eadi_localtype (child);
        g_string_append (out, is_name_part (localtype) ? ", " : " -- ");
        g_string_append (out, text);
      }

  if (out != NULL)
    return g_string_free (out, FALSE);
  if (first != NULL)
    return first;
  return _docket_eadi_text (node);
}

/* A note's text: each <p> a paragraph, paragraphs separated by a blank
 * line; the <head> left out. */
char *
_docket_eadi_note_text (xmlNodePtr node)
{
  GString *out = g_string_new (NULL);
  gboolean any_p = FALSE;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *text = NULL;

      if (child->type != XML_ELEMENT_NODE || _docket_eadi_is (child, "head"))
        continue;
      any_p = TRUE;
      text = _docket_eadi_text (child);
      if (text == NULL)
        continue;
      if (out->len > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, text);
    }

  if (!any_p)
    collect_text (node, out);
  return finish_text (out);
}

/* A note Docket can hold as text without losing structure: a <head> and
 * paragraphs, nothing else (no lists, tables, nested notes). */
gboolean
_docket_eadi_note_is_simple (xmlNodePtr node)
{
  gboolean any = FALSE;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE)
        {
          for (const xmlChar *p = child->content; p != NULL && *p != '\0'; p++)
            if (!g_ascii_isspace (*p))
              return FALSE;
          continue;
        }
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (_docket_eadi_is (child, "p"))
        {
          for (xmlNodePtr inner = child->children; inner != NULL; inner = inner->next)
            if (_docket_eadi_is (inner, "list") || _docket_eadi_is (inner, "chronlist") ||
                _docket_eadi_is (inner, "table") || _docket_eadi_is (inner, "blockquote"))
              return FALSE;
          any = TRUE;
        }
      else if (!_docket_eadi_is (child, "head"))
        return FALSE;
    }
  return any;
}

/* @raw made usable as an XML id: characters other than letters, digits,
 * '.', '-' and '_' become '-', and a leading digit or punctuation gets a
 * "c" in front. %NULL when nothing is left. */
char *
_docket_eadi_make_ncname (const char *raw)
{
  GString *out;

  if (raw == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = raw; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || c == '.' || c == '-' || c == '_')
        g_string_append_unichar (out, c);
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  if (!g_unichar_isalpha (g_utf8_get_char (out->str)) && out->str[0] != '_')
    g_string_prepend_c (out, 'c');
  return g_string_free (out, FALSE);
}
