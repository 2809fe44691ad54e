/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-tei-import"

#include "config.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "docket-tei-private.h"

void
_docket_tei_text_init (DocketTeiText *text)
{
  text->str = g_string_sized_new (256);
  text->pending_space = FALSE;
}

#define BYTES(b) (G_GUINT64_CONSTANT (0x0101010101010101) * (b))

/* Whether the eight bytes at @p are already collapsed text that may follow
 * a character other than a space: nothing below ' ' (a tab, newline or
 * carriage return), no two spaces in a row, no space last. */
static inline gboolean
plain_chunk (const guchar *p)
{
  guint64 w, x, spaces;

  memcpy (&w, p, sizeof w);
  if (((w - BYTES (0x20)) & ~w & BYTES (0x80)) != 0)
    return FALSE;
  x = w ^ BYTES (0x20);
  spaces = ~(((x & BYTES (0x7f)) + BYTES (0x7f)) | x | BYTES (0x7f));
  return (spaces & (spaces >> 8)) == 0 && p[7] != ' ';
}

#ifdef __SSE2__
/* plain_chunk() for sixteen bytes, where SSE2 is there (every x86-64):
 * the text of a volume is most of what the walk reads. */
static inline gboolean
plain_chunk16 (const guchar *p)
{
  __m128i w = _mm_loadu_si128 ((const __m128i *) p);
  __m128i below = _mm_cmpeq_epi8 (_mm_min_epu8 (w, _mm_set1_epi8 (0x1f)), w);
  int spaces = _mm_movemask_epi8 (_mm_cmpeq_epi8 (w, _mm_set1_epi8 (' ')));

  return _mm_movemask_epi8 (below) == 0 && (spaces & (spaces >> 1)) == 0
         && (spaces & 0x8000) == 0;
}
#endif

static inline gboolean
spaces_chunk (const guchar *p)
{
  guint64 w;

  memcpy (&w, p, sizeof w);
  return w == BYTES (0x20);
}

static inline gboolean
is_space (guchar c)
{
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

void
_docket_tei_text_append (DocketTeiText *text,
                         const char    *chars)
{
  const guchar *p = (const guchar *) chars;
  const guchar *end;
  gboolean pending;
  gsize old_len, len;
  char *out;

  if (chars == NULL || *chars == '\0')
    return;

  /* One pass, writing in place: the result is at most one (held back)
   * space longer than @chars. Runs of text that need no change (words
   * with single spaces between them) are copied sixteen or eight bytes at
   * a time, and runs of spaces skipped eight at a time. */
  len = strlen (chars);
  end = p + len;
  old_len = text->str->len;
  /* Grown by hand: g_string_set_size() and g_string_truncate() cost more
   * than the copy for the short text nodes between inline elements. */
  if (old_len + len + 2 > text->str->allocated_len)
    {
      g_string_set_size (text->str, old_len + len + 1);
      text->str->len = old_len;
    }
  out = text->str->str + old_len;
  pending = text->pending_space;

  for (;;)
    {
      guchar c = *p;

      if (is_space (c))
        {
          pending = TRUE;
          p++;
          /* The indentation of pretty-printed XML. */
          while (end - p >= 8 && spaces_chunk (p))
            p += 8;
          continue;
        }
      if (c == '\0')
        break;
      if (pending && out != text->str->str)
        *out++ = ' ';
      pending = FALSE;
      *out++ = (char) c;
      p++;

      /* What was written last is not a space. */
#ifdef __SSE2__
      while (end - p >= 16 && plain_chunk16 (p))
        {
          memcpy (out, p, 16);
          out += 16;
          p += 16;
        }
#endif
      while (end - p >= 8 && plain_chunk (p))
        {
          memcpy (out, p, 8);
          out += 8;
          p += 8;
        }
      while (*p > ' ')
        *out++ = (char) *p++;
    }

  text->pending_space = pending;
  *out = '\0';
  text->str->len = out - text->str->str;
}

void
_docket_tei_text_space (DocketTeiText *text)
{
  text->pending_space = TRUE;
}

gsize
_docket_tei_text_next (DocketTeiText *text)
{
  if (text->pending_space && text->str->len > 0)
    return text->str->len + 1;
  return text->str->len;
}

char *
_docket_tei_text_steal (DocketTeiText *text)
{
  char *result = g_string_free (text->str, FALSE);

  text->str = NULL;
  text->pending_space = FALSE;
  return result;
}

const char *
_docket_tei_attr_ns (const xmlNode *node,
                     const char    *name,
                     const char    *ns_href)
{
  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return NULL;

  for (const xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      if (strcmp ((const char *) attr->name, name) != 0)
        continue;
      if (ns_href == NULL ? attr->ns != NULL
                          : attr->ns == NULL || strcmp ((const char *) attr->ns->href, ns_href) != 0)
        continue;
      /* Without entity substitution an attribute value is one text node;
       * anything else (an entity reference) is not a value we read. */
      if (attr->children != NULL
          && attr->children->type == XML_TEXT_NODE
          && attr->children->next == NULL)
        return (const char *) attr->children->content;
      return "";
    }
  return NULL;
}

const char *
_docket_tei_attr (const xmlNode *node,
                  const char    *name)
{
  return _docket_tei_attr_ns (node, name, NULL);
}

const char *
_docket_tei_xml_id (const xmlNode *node)
{
  return _docket_tei_attr_ns (node, "id", DOCKET_XML_NS);
}

xmlNode *
_docket_tei_child (const xmlNode *node,
                   const char    *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (_docket_tei_is (child, name))
      return child;
  return NULL;
}

void
_docket_tei_append_node_text (DocketTeiText *text,
                              const xmlNode *node,
                              gboolean       skip_notes)
{
  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      switch (child->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          _docket_tei_text_append (text, (const char *) child->content);
          break;

        case XML_ELEMENT_NODE:
          if (skip_notes && _docket_tei_is (child, "note"))
            break;
          if (_docket_tei_is (child, "lb"))
            {
              _docket_tei_text_space (text);
              break;
            }
          /* Paragraphs, items and cells are separated by a space. */
          if (_docket_tei_is (child, "p") || _docket_tei_is (child, "item")
              || _docket_tei_is (child, "cell") || _docket_tei_is (child, "row"))
            _docket_tei_text_space (text);
          _docket_tei_append_node_text (text, child, skip_notes);
          if (_docket_tei_is (child, "p") || _docket_tei_is (child, "item")
              || _docket_tei_is (child, "cell") || _docket_tei_is (child, "row"))
            _docket_tei_text_space (text);
          break;

        default:
          break;
        }
    }
}

char *
_docket_tei_node_text (const xmlNode *node,
                       gboolean       skip_notes)
{
  DocketTeiText text;

  _docket_tei_text_init (&text);
  _docket_tei_append_node_text (&text, node, skip_notes);
  return _docket_tei_text_steal (&text);
}
