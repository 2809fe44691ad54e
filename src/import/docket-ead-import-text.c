/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead-import"

#include "config.h"

#include <string.h>

#include "docket-ead-import-private.h"
#include "docket-source-note.h"

typedef struct
{
  DocketEadiImport *self;
  DocketRecord     *record;
  GHashTable       *archrefs;
  GHashTable       *used;
  guint             n_footnotes;
} Excerpt;

typedef struct
{
  gsize  offset;
  char  *ref;
} PendingAnchor;

static void
pending_anchor_free (gpointer data)
{
  PendingAnchor *anchor = data;

  g_free (anchor->ref);
  g_free (anchor);
}

/* The transcription excerpt Docket's export writes (EAD-MAPPING §3). */
gboolean
_docket_eadi_is_excerpt (xmlNodePtr node)
{
  g_autofree char *localtype = NULL;

  if (!_docket_eadi_is (node, "odd"))
    return FALSE;
  localtype = _docket_eadi_localtype (node);
  return g_strcmp0 (localtype, "frus-text-excerpt") == 0 ||
         g_strcmp0 (localtype, "transcription") == 0;
}

static void
trim_end (GString *out)
{
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
}

static char *
join_nonempty (const char *a,
               const char *b)
{
  if (a == NULL)
    return g_strdup (b);
  if (b == NULL)
    return g_strdup (a);
  return g_strdup_printf ("%s, %s", a, b);
}

/**
 * _docket_eadi_read_archref:
 *
 * An archival citation (<archref>): repository from its <corpname> or
 * <repository>, collection from its record group <num> and <title>, file
 * from its file <num> or <unitid>, the whole text as the description, and
 * a web address when it has one.
 */
DocketFootnoteLink *
_docket_eadi_read_archref (xmlNodePtr archref)
{
  g_autofree char *repository = NULL;
  g_autofree char *record_group = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file = NULL;
  g_autofree char *description = _docket_eadi_text (archref);
  g_autofree char *collection = NULL;
  DocketFootnoteLink *link;
  char *href = _docket_eadi_attr (archref, "href");

  for (xmlNodePtr child = archref->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if ((_docket_eadi_is (child, "corpname") || _docket_eadi_is (child, "repository")) &&
          repository == NULL)
        repository = _docket_eadi_term (child);
      else if (_docket_eadi_is (child, "title") && title == NULL)
        title = _docket_eadi_term (child);
      else if (_docket_eadi_is (child, "unitid") && file == NULL)
        file = _docket_eadi_text (child);
      else if (_docket_eadi_is (child, "num"))
        {
          g_autofree char *localtype = _docket_eadi_localtype (child);

          if (g_strcmp0 (localtype, "record-group") == 0 && record_group == NULL)
            record_group = _docket_eadi_text (child);
          else if (file == NULL)
            file = _docket_eadi_text (child);
        }
      else if ((_docket_eadi_is (child, "ref") || _docket_eadi_is (child, "extref")) && href == NULL)
        href = _docket_eadi_attr (child, "href");
    }

  if (file == NULL)
    {
      /* Docket's export writes the file after the last element:
       * "<corpname>…</corpname>, <title>…</title>, POL 27 VIET S." */
      xmlNodePtr last = archref->last;
      g_autoptr(GString) tail = g_string_new (NULL);

      for (; last != NULL && last->type != XML_ELEMENT_NODE; last = last->prev)
        if (last->type == XML_TEXT_NODE)
          g_string_prepend (tail, (const char *) last->content);
      if (last != NULL)
        {
          g_autofree char *tail_text = g_strstrip (g_strdup (tail->str));
          char *start = tail_text;
          gsize len;

          while (*start == ',' || *start == ';' || g_ascii_isspace (*start))
            start++;
          len = strlen (start);
          while (len > 0 && (start[len - 1] == '.' || g_ascii_isspace (start[len - 1])))
            start[--len] = '\0';
          if (len > 0)
            file = g_strdup (start);
        }
    }

  collection = join_nonempty (record_group, title);
  if (repository == NULL && record_group == NULL && file == NULL && description != NULL)
    {
      /* EAD 2002 citations are mostly plain text: read them as FRUS does. */
      g_autoptr(GPtrArray) citations = docket_source_note_parse_citations (description);

      if (citations != NULL && citations->len > 0)
        {
          DocketFootnoteLink *parsed = g_ptr_array_index (citations, 0);

          link = docket_footnote_link_new_archival (parsed->repository,
                                                    parsed->collection != NULL ? parsed->collection : collection,
                                                    parsed->file, description);
          link->target = href;
          return link;
        }
    }
  link = docket_footnote_link_new_archival (repository, collection, file, description);
  link->target = href;
  return link;
}

static DocketFootnote *read_footnote (Excerpt    *excerpt,
                                      xmlNodePtr  node);

/* Spans count characters, not bytes (DocketFootnoteLink). */
static void
add_link (DocketFootnote     *footnote,
          DocketFootnoteLink *link,
          GString            *text,
          gsize               start,
          gsize               end)
{
  if (end > start)
    {
      link->span_start = (int) g_utf8_strlen (text->str, start);
      link->span_end = link->span_start + (int) g_utf8_strlen (text->str + start, end - start);
    }
  docket_footnote_add_link (footnote, link);
}

/* Collects the text under @node into @out. In a block (@anchors set),
 * footnotes become anchors at their place; in a footnote (@footnote set),
 * references become the footnote's links over the text they cover. */
static void
walk (Excerpt        *excerpt,
      xmlNodePtr      node,
      GString        *out,
      GPtrArray      *anchors,
      DocketFootnote *footnote)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          _docket_eadi_collapse_append (out, (const char *) child->content);
          continue;
        }
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (anchors != NULL && (_docket_eadi_is (child, "footnote") || _docket_eadi_is (child, "note")))
        {
          DocketFootnote *inner = read_footnote (excerpt, child);
          PendingAnchor *anchor = g_new0 (PendingAnchor, 1);

          anchor->offset = out->len;
          anchor->ref = g_strdup (inner->id);
          g_ptr_array_add (anchors, anchor);
          docket_record_add_footnote (excerpt->record, inner);
        }
      else if (footnote != NULL && (_docket_eadi_is (child, "ref") || _docket_eadi_is (child, "ptr") ||
                                    _docket_eadi_is (child, "extref")))
        {
          g_autofree char *target = _docket_eadi_attr (child, "target");
          g_autofree char *href = _docket_eadi_attr (child, "href");
          gsize start = out->len;
          DocketFootnoteLink *link = NULL;

          walk (excerpt, child, out, anchors, footnote);
          if (target != NULL && g_hash_table_contains (excerpt->archrefs, target))
            {
              link = _docket_eadi_read_archref (g_hash_table_lookup (excerpt->archrefs, target));
              g_hash_table_add (excerpt->used, g_strdup (target));
            }
          else if (target != NULL)
            link = docket_footnote_link_new (DOCKET_LINK_RECORD, target);
          else if (href != NULL)
            link = docket_footnote_link_new (DOCKET_LINK_URL, href);
          if (link != NULL)
            add_link (footnote, link, out, start, out->len);
        }
      else if (footnote != NULL && _docket_eadi_is (child, "archref"))
        {
          gsize start = out->len;

          walk (excerpt, child, out, anchors, footnote);
          add_link (footnote, _docket_eadi_read_archref (child), out, start, out->len);
        }
      else if (footnote != NULL && _docket_eadi_is (child, "bibref"))
        {
          gsize start = out->len;
          DocketFootnoteLink *link = docket_footnote_link_new (DOCKET_LINK_PUBLISHED, NULL);
          xmlNodePtr title = _docket_eadi_child (child, "title");

          walk (excerpt, child, out, anchors, footnote);
          link->title = title != NULL ? _docket_eadi_term (title) : _docket_eadi_text (child);
          link->target = _docket_eadi_attr (child, "href");
          add_link (footnote, link, out, start, out->len);
        }
      else
        {
          gboolean block_level = _docket_eadi_is (child, "p");

          if (block_level && out->len > 0)
            {
              trim_end (out);
              g_string_append (out, "\n\n");
            }
          else if (_docket_eadi_is (child, "lb"))
            _docket_eadi_collapse_append (out, " ");
          walk (excerpt, child, out, anchors, footnote);
        }
    }
}

static char *
footnote_number (const char *id,
                 guint       index)
{
  gsize len = id != NULL ? strlen (id) : 0;
  gsize start = len;

  while (start > 0 && g_ascii_isdigit (id[start - 1]))
    start--;
  if (start < len)
    return g_strdup (id + start);
  return g_strdup_printf ("%u", index);
}

static DocketFootnote *
read_footnote (Excerpt    *excerpt,
               xmlNodePtr  node)
{
  g_autofree char *id = _docket_eadi_attr (node, "id");
  g_autofree char *n = _docket_eadi_attr (node, "altrender");
  g_autofree char *localtype = _docket_eadi_localtype (node);
  g_autoptr(GString) text = g_string_new (NULL);
  DocketFootnoteKind kind = DOCKET_FOOTNOTE_EDITORIAL;
  DocketFootnote *footnote;

  excerpt->n_footnotes++;
  if (id == NULL || docket_record_find_footnote (excerpt->record, id) != NULL)
    {
      g_free (id);
      id = g_strdup_printf ("%sfn%u", docket_record_get_id (excerpt->record), excerpt->n_footnotes);
    }
  if (n == NULL)
    n = _docket_eadi_attr (node, "label");
  if (n == NULL)
    n = footnote_number (id, excerpt->n_footnotes);
  if (localtype != NULL)
    docket_footnote_kind_from_string (localtype, &kind);

  footnote = docket_footnote_new (id, n, kind, NULL);
  walk (excerpt, node, text, NULL, footnote);
  trim_end (text);
  footnote->text = g_strdup (text->str);
  return footnote;
}

/**
 * _docket_eadi_read_excerpt:
 * @archrefs: the component's <archref> elements by id
 * @used: (element-type utf8): gets the ids of the archrefs that became links
 *
 * Reads a transcription excerpt back into body blocks, with its inline
 * footnotes as footnotes anchored where they stand, and their references
 * as footnote links.
 */
void
_docket_eadi_read_excerpt (DocketEadiImport *self,
                           DocketRecord     *record,
                           xmlNodePtr        odd,
                           GHashTable       *archrefs,
                           GHashTable       *used)
{
  Excerpt excerpt = { self, record, archrefs, used, docket_record_get_footnotes (record)->len };

  for (xmlNodePtr child = odd->children; child != NULL; child = child->next)
    {
      g_autoptr(GString) text = NULL;
      g_autoptr(GPtrArray) anchors = NULL;
      g_autofree char *kind_name = NULL;
      DocketBlockKind kind = DOCKET_BLOCK_PARAGRAPH;
      DocketBlock *block;

      if (child->type != XML_ELEMENT_NODE || _docket_eadi_is (child, "head"))
        continue;

      text = g_string_new (NULL);
      anchors = g_ptr_array_new_with_free_func (pending_anchor_free);
      walk (&excerpt, child, text, anchors, NULL);
      trim_end (text);

      kind_name = _docket_eadi_attr (child, "altrender");
      if (kind_name != NULL)
        docket_block_kind_from_string (kind_name, &kind);
      block = docket_block_new (kind, text->str);
      for (guint i = 0; i < anchors->len; i++)
        {
          PendingAnchor *anchor = g_ptr_array_index (anchors, i);

          docket_block_add_anchor (block, DOCKET_ANCHOR_FOOTNOTE,
                                   MIN (anchor->offset, text->len), anchor->ref);
        }
      docket_record_add_block (record, block);
    }
}
