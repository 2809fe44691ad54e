/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-tei-import"

#include "config.h"

#include <string.h>

#include "docket-source-note.h"
#include "docket-tei-private.h"

/* Footnotes: their text, their kind, and what they cite. */

typedef struct
{
  DocketFootnoteLink *link;
  gsize               start;  /* byte offsets into the footnote text */
  gsize               end;
} PendingLink;

typedef struct
{
  DocketTeiDoc  *doc;
  DocketTeiText  text;
  GArray        *links;       /* PendingLink */
} NoteReader;

static gboolean
is_document_fragment (const char *frag,
                      gsize      *number_len)
{
  gsize i = 1;

  if (frag[0] != 'd' || !g_ascii_isdigit (frag[1]))
    return FALSE;
  while (g_ascii_isdigit (frag[i]))
    i++;
  *number_len = i;
  return TRUE;
}

/* "#d7" and "#d5fn2" are documents of this volume; "frus1961-63v22#d383fn4"
 * is a document of another volume; "#pg_5" a page; "https://…" a web address. */
static DocketFootnoteLink *
link_for_target (DocketTeiVolume *volume,
                 const char      *target,
                 const char      *printed)
{
  g_autofree char *other_volume = NULL;
  const char *frag = NULL;
  DocketFootnoteLink *link;
  gsize doc_len = 0;

  if (g_str_has_prefix (target, "http://") || g_str_has_prefix (target, "https://"))
    {
      link = docket_footnote_link_new (DOCKET_LINK_URL, target);
      link->description = g_strdup (printed);
      return link;
    }

  if (target[0] == '#')
    frag = target + 1;
  else
    {
      const char *hash = strchr (target, '#');

      other_volume = hash != NULL ? g_strndup (target, hash - target) : g_strdup (target);
      frag = hash != NULL ? hash + 1 : NULL;
      if (g_strcmp0 (other_volume, volume->volume_id) == 0)
        g_clear_pointer (&other_volume, g_free);
      else if (other_volume[0] == '\0')
        return NULL;
    }

  if (other_volume == NULL)
    {
      if (frag == NULL || *frag == '\0')
        return NULL;
      if (is_document_fragment (frag, &doc_len))
        {
          g_autofree char *doc_id = g_strndup (frag, doc_len);

          link = docket_footnote_link_new (DOCKET_LINK_RECORD, NULL);
          link->target = g_strconcat (volume->volume_id, doc_id, NULL);
        }
      else
        {
          /* A page or an index entry of this volume: its web address. */
          link = docket_footnote_link_new (DOCKET_LINK_URL, NULL);
          link->target = g_strconcat (DOCKET_HSG_URL, volume->volume_id, "/", frag, NULL);
        }
      link->description = g_strdup (printed);
      return link;
    }

  /* Another volume: a published citation with its address on
   * history.state.gov; a footnote cites its document. */
  link = docket_footnote_link_new (DOCKET_LINK_PUBLISHED, NULL);
  if (frag != NULL && *frag != '\0')
    {
      g_autofree char *page = is_document_fragment (frag, &doc_len)
                              ? g_strndup (frag, doc_len) : g_strdup (frag);

      link->target = g_strconcat (DOCKET_HSG_URL, other_volume, "/", page, NULL);
    }
  else
    link->target = g_strconcat (DOCKET_HSG_URL, other_volume, NULL);
  link->title = g_strdup (printed);
  link->description = g_strdup (target);
  return link;
}

static void
read_note_text (NoteReader    *reader,
                const xmlNode *parent)
{
  for (const xmlNode *child = parent->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          _docket_tei_text_append (&reader->text, (const char *) child->content);
          continue;
        }
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (_docket_tei_is (child, "ref"))
        {
          const char *target = _docket_tei_attr (child, "target");
          gsize start = _docket_tei_text_next (&reader->text);
          gsize end;
          g_autofree char *printed = NULL;
          g_auto(GStrv) targets = NULL;

          read_note_text (reader, child);
          end = reader->text.str->len;
          if (target == NULL || *target == '\0')
            continue;

          printed = end > start ? g_strndup (reader->text.str->str + start, end - start)
                                : g_strdup ("");
          targets = g_strsplit_set (target, " \t\n\r", -1);
          for (guint i = 0; targets[i] != NULL; i++)
            {
              PendingLink pending;

              if (*targets[i] == '\0')
                continue;
              pending.link = link_for_target (reader->doc->volume, targets[i], printed);
              if (pending.link == NULL)
                continue;
              pending.start = MIN (start, end);
              pending.end = end;
              g_array_append_val (reader->links, pending);
            }
          continue;
        }

      if (_docket_tei_is (child, "persName"))
        _docket_tei_mention (reader->doc, child);
      if (_docket_tei_is (child, "pb") || _docket_tei_is (child, "figure"))
        continue;
      if (_docket_tei_is (child, "lb"))
        {
          _docket_tei_text_space (&reader->text);
          continue;
        }
      if (_docket_tei_is (child, "p") || _docket_tei_is (child, "item")
          || _docket_tei_is (child, "list") || _docket_tei_is (child, "quote"))
        _docket_tei_text_space (&reader->text);
      read_note_text (reader, child);
      if (_docket_tei_is (child, "p") || _docket_tei_is (child, "item"))
        _docket_tei_text_space (&reader->text);
    }
}

static DocketFootnoteKind
footnote_kind (const xmlNode *note,
               const char    *text)
{
  if (g_strcmp0 (_docket_tei_attr (note, "type"), "source") == 0)
    return DOCKET_FOOTNOTE_SOURCE;
  /* FRUS's printing notes all open the same way ("Printed from a copy that
   * bears this typed signature", "Printed from an unsigned copy"). */
  if (g_str_has_prefix (text, "Printed from") || g_str_has_prefix (text, "Printed as"))
    return DOCKET_FOOTNOTE_PRINTING;
  return DOCKET_FOOTNOTE_EDITORIAL;
}

static void
add_citations (DocketFootnote *footnote,
               GPtrArray      *citations)
{
  if (citations == NULL)
    return;
  for (guint i = 0; i < citations->len; i++)
    docket_footnote_add_link (footnote,
                              docket_footnote_link_copy (g_ptr_array_index (citations, i)));
}

/**
 * _docket_tei_footnote:
 *
 * Reads a numbered `note` into a footnote of the record, with a marker
 * where the note stands (or at the end of the block before it). The
 * document's first source note also fills the record's provenance and
 * classification fields.
 */
void
_docket_tei_footnote (DocketTeiDoc  *doc,
                      const xmlNode *note)
{
  NoteReader reader = { doc, { NULL, FALSE }, NULL };
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  const char *n = _docket_tei_attr (note, "n");
  const char *xml_id = _docket_tei_xml_id (note);
  DocketFootnote *footnote;
  DocketFootnoteKind kind;

  _docket_tei_text_init (&reader.text);
  reader.links = g_array_new (FALSE, FALSE, sizeof (PendingLink));
  read_note_text (&reader, note);
  text = _docket_tei_text_steal (&reader.text);

  if (xml_id != NULL && *xml_id != '\0')
    id = g_strdup (xml_id);
  else
    id = g_strdup_printf ("%sfn%s", doc->div_id,
                          n != NULL ? n : "x");
  /* Two notes may share a number, never an id: keep ids unique. */
  if (docket_record_find_footnote (doc->record, id) != NULL)
    {
      g_autofree char *base = g_steal_pointer (&id);

      for (guint i = 2; id == NULL || docket_record_find_footnote (doc->record, id) != NULL; i++)
        {
          g_free (id);
          id = g_strdup_printf ("%s-%u", base, i);
        }
    }

  kind = footnote_kind (note, text);
  footnote = docket_footnote_new (id, n != NULL ? n : "", kind, text);

  for (guint i = 0; i < reader.links->len; i++)
    {
      PendingLink *pending = &g_array_index (reader.links, PendingLink, i);
      gsize len = strlen (text);

      pending->link->span_start = g_utf8_pointer_to_offset (text, text + MIN (pending->start, len));
      pending->link->span_end = g_utf8_pointer_to_offset (text, text + MIN (pending->end, len));
      docket_footnote_add_link (footnote, pending->link);
    }
  g_array_unref (reader.links);

  if (kind == DOCKET_FOOTNOTE_SOURCE)
    {
      g_autoptr(DocketSourceNote) parsed = docket_source_note_parse (text);

      if (parsed != NULL)
        {
          add_citations (footnote, parsed->citations);
          if (doc->source_note == NULL)
            {
              doc->source_note = note;
              docket_source_note_apply (parsed, doc->record);
            }
        }
    }
  else
    {
      GPtrArray *citations = docket_source_note_parse_citations (text);

      add_citations (footnote, citations);
      g_clear_pointer (&citations, g_ptr_array_unref);
      if (kind == DOCKET_FOOTNOTE_PRINTING)
        {
          if (doc->printing->len > 0)
            g_string_append_c (doc->printing, ' ');
          g_string_append (doc->printing, text);
        }
    }

  docket_record_add_footnote (doc->record, footnote);

  if (doc->open)
    _docket_tei_body_anchor (doc, DOCKET_ANCHOR_FOOTNOTE, doc->text.str->len, 0, footnote->id);
  else
    {
      GPtrArray *body = docket_record_get_body (doc->record);
      DocketBlock *previous = NULL;

      for (guint i = body->len; i > 0 && previous == NULL; i--)
        {
          DocketBlock *block = g_ptr_array_index (body, i - 1);

          if (block->kind != DOCKET_BLOCK_PAGE_BREAK)
            previous = block;
        }
      if (previous != NULL)
        docket_block_add_anchor (previous, DOCKET_ANCHOR_FOOTNOTE, strlen (previous->text), id);
      else
        {
          DocketBlock *block = docket_block_new (DOCKET_BLOCK_PARAGRAPH, "");

          docket_block_add_anchor (block, DOCKET_ANCHOR_FOOTNOTE, 0, id);
          docket_record_add_block (doc->record, block);
        }
    }
}
