/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-document-view-render"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-document-view-private.h"

#include <string.h>

/* The record into the buffer: the body's blocks in order with their
 * footnote markers as superscript links, page breaks as "[Page N]" marks,
 * mentions tinted, then the numbered footnotes and the terms mentioned.
 * Marks remember where each block, marker and footnote went, for the
 * links and for edit mode. */

const char *
_docket_document_view_block_tag_name (DocketBlockKind kind)
{
  switch (kind)
    {
    case DOCKET_BLOCK_HEADING:    return "heading";
    case DOCKET_BLOCK_SUBJECT:    return "subject";
    case DOCKET_BLOCK_DATELINE:   return "dateline";
    case DOCKET_BLOCK_SALUTATION: return "salutation";
    case DOCKET_BLOCK_SECTION:    return "section";
    case DOCKET_BLOCK_PAGE_BREAK: return "page-break";
    case DOCKET_BLOCK_CLOSING:    return "closing";
    case DOCKET_BLOCK_SIGNATURE:  return "signature";
    case DOCKET_BLOCK_QUOTE:      return "quote";
    case DOCKET_BLOCK_LIST_ITEM:  return "list-item";
    case DOCKET_BLOCK_SOURCE:     return "source";
    case DOCKET_BLOCK_PARAGRAPH:
    default:                      return "paragraph";
    }
}

static void
create_tags (DocketDocumentView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  gtk_text_buffer_create_tag (buffer, "heading",
                              "weight", PANGO_WEIGHT_BOLD,
                              "scale", 1.3,
                              "pixels-below-lines", 14,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "subject",
                              "style", PANGO_STYLE_ITALIC,
                              "scale", 1.1,
                              "pixels-below-lines", 18,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "dateline",
                              "justification", GTK_JUSTIFY_RIGHT,
                              "pixels-below-lines", 12,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "salutation",
                              "pixels-below-lines", 10,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "paragraph",
                              "pixels-below-lines", 12,
                              "indent", 28,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "section",
                              "weight", PANGO_WEIGHT_BOLD,
                              "pixels-above-lines", 6,
                              "pixels-below-lines", 10,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "page-break",
                              "family", "Sans",
                              "scale", 0.8,
                              "foreground", "#77767b",
                              "justification", GTK_JUSTIFY_RIGHT,
                              "pixels-below-lines", 10,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "page-break-inline",
                              "family", "Sans",
                              "scale", 0.8,
                              "foreground", "#77767b",
                              NULL);
  gtk_text_buffer_create_tag (buffer, "closing",
                              "left-margin", 320,
                              "pixels-below-lines", 6,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "signature",
                              "justification", GTK_JUSTIFY_RIGHT,
                              "pixels-above-lines", 6,
                              "pixels-below-lines", 24,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "quote",
                              "left-margin", 84,
                              "right-margin", 84,
                              "pixels-below-lines", 12,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "list-item",
                              "left-margin", 72,
                              "pixels-below-lines", 6,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "source",
                              "scale", 0.9,
                              "pixels-below-lines", 12,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "marker",
                              "family", "Sans",
                              "rise", 6 * PANGO_SCALE,
                              "scale", 0.7,
                              "weight", PANGO_WEIGHT_BOLD,
                              "foreground", "#1a5fb4",
                              NULL);
  gtk_text_buffer_create_tag (buffer, "footnote-rule",
                              "foreground", "#9a9996",
                              "pixels-above-lines", 12,
                              "pixels-below-lines", 8,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "footnote",
                              "scale", 0.88,
                              "left-margin", 72,
                              "indent", -24,
                              "pixels-below-lines", 8,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "footnote-number",
                              "family", "Sans",
                              "weight", PANGO_WEIGHT_BOLD,
                              "foreground", "#1a5fb4",
                              NULL);
  /* A term mention gets a pale tint. A dotted underline is not in GTK
   * 4.8's Pango, and a plain one goes missing on some runs of a wrapped
   * paragraph there (GTK 4.8.3), which would hide mentions at random. */
  gtk_text_buffer_create_tag (buffer, "term",
                              "background-rgba", &(GdkRGBA) { 0.21, 0.52, 0.89, 0.16 },
                              NULL);
  gtk_text_buffer_create_tag (buffer, "terms-heading",
                              "family", "Sans",
                              "weight", PANGO_WEIGHT_BOLD,
                              "scale", 0.88,
                              "pixels-above-lines", 18,
                              "pixels-below-lines", 8,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "term-entry",
                              "scale", 0.88,
                              "left-margin", 72,
                              "indent", -24,
                              "pixels-below-lines", 6,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "term-name",
                              "weight", PANGO_WEIGHT_BOLD,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "highlight",
                              "background", "rgba(246,211,45,0.45)",
                              NULL);
  /* The line break between two blocks, and the one after the last. It is
   * not locked, so that text can be typed at a block's edge even beside a
   * marker; edit mode keeps it from being deleted, and turns deleting the
   * one between two blocks into joining them. */
  gtk_text_buffer_create_tag (buffer, "block-separator", NULL);
  /* What edit mode must not change: markers, page breaks and the footnotes
   * and terms (edited in the footnotes pane). */
  gtk_text_buffer_create_tag (buffer, "locked",
                              "editable", FALSE,
                              NULL);
}

static GtkTextTag *
make_link_tag (DocketDocumentView *self,
               LinkKind            kind,
               const char         *footnote_id)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextTag *tag = gtk_text_buffer_create_tag (buffer, NULL, NULL);

  g_object_set_data_full (G_OBJECT (tag), FOOTNOTE_ID_KEY, g_strdup (footnote_id), g_free);
  g_object_set_data (G_OBJECT (tag), LINK_KIND_KEY, GINT_TO_POINTER (kind));
  g_ptr_array_add (self->link_tags, g_object_ref (tag));
  return tag;
}

static void
clear_rendering (DocketDocumentView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

  gtk_text_buffer_set_text (buffer, "", 0);
  for (guint i = 0; i < self->link_tags->len; i++)
    gtk_text_tag_table_remove (table, g_ptr_array_index (self->link_tags, i));
  g_ptr_array_set_size (self->link_tags, 0);
  g_hash_table_remove_all (self->marks);
  self->n_markers = 0;

  _docket_document_view_set_highlighted (self, NULL);
}

static void
delete_mark (gpointer data)
{
  GtkTextMark *mark = data;

  if (!gtk_text_mark_get_deleted (mark))
    gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (mark), mark);
  g_object_unref (mark);
}

static void
set_mark (DocketDocumentView *self,
          const char         *prefix,
          const char         *id,
          const GtkTextIter  *where)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextMark *mark = gtk_text_buffer_create_mark (buffer, NULL, where, TRUE);

  g_hash_table_replace (self->marks, g_strconcat (prefix, id, NULL), g_object_ref (mark));
}

/* Right gravity: text typed at the end of a block goes inside it. */
static void
set_block_end_mark (DocketDocumentView *self,
                    const char         *id,
                    const GtkTextIter  *where)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextMark *mark = gtk_text_buffer_create_mark (buffer, NULL, where, FALSE);

  g_hash_table_replace (self->marks, g_strconcat ("block-end:", id, NULL), g_object_ref (mark));
}

GtkTextMark *
_docket_document_view_get_mark (DocketDocumentView *self,
                                const char         *prefix,
                                const char         *id)
{
  g_autofree char *name = g_strconcat (prefix, id, NULL);

  return g_hash_table_lookup (self->marks, name);
}

static gboolean
is_mention (const DocketAnchor *anchor)
{
  return anchor->kind == DOCKET_ANCHOR_TERM || anchor->kind == DOCKET_ANCHOR_PERSON;
}

/* A run of a block's text as inserted in the buffer, between markers. */
typedef struct
{
  gsize byte_start;
  gsize byte_end;
  int   char_start;
} Segment;

static void
insert_segment (GtkTextBuffer *buffer,
                GtkTextIter   *end,
                const char    *text,
                gsize          from,
                gsize          to,
                const char    *tag_name,
                GArray        *segments)
{
  Segment segment = { from, to, gtk_text_iter_get_offset (end) };

  gtk_text_buffer_insert_with_tags_by_name (buffer, end, text + from, to - from, tag_name, NULL);
  g_array_append_val (segments, segment);
}

/* Where byte @offset of the block's text stands in the buffer: a mention's
 * start goes after a marker at the same offset, its end before one. */
static gboolean
segment_iter (GtkTextBuffer *buffer,
              GArray        *segments,
              const char    *text,
              gsize          offset,
              gboolean       at_end,
              GtkTextIter   *iter)
{
  for (guint i = 0; i < segments->len; i++)
    {
      const Segment *segment = &g_array_index (segments, Segment, i);

      if (at_end ? (offset > segment->byte_start && offset <= segment->byte_end)
                 : (offset >= segment->byte_start && offset < segment->byte_end))
        {
          glong chars = g_utf8_strlen (text + segment->byte_start, offset - segment->byte_start);

          gtk_text_buffer_get_iter_at_offset (buffer, iter, segment->char_start + (int) chars);
          return TRUE;
        }
    }
  return FALSE;
}

static void
mark_mention (DocketDocumentView *self,
              const DocketAnchor *anchor,
              const char         *text,
              GArray             *segments)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextTag *tag;
  GtkTextIter start, end;

  if (anchor->ref == NULL || anchor->length == 0 ||
      !segment_iter (buffer, segments, text, anchor->offset, FALSE, &start) ||
      !segment_iter (buffer, segments, text, anchor->offset + anchor->length, TRUE, &end))
    return;

  /* Each mention has a tag of its own, so that edit mode finds its words
   * again wherever the text moved them. */
  tag = gtk_text_buffer_create_tag (buffer, NULL, NULL);
  g_object_set_data_full (G_OBJECT (tag), MENTION_KEY, g_strdup (anchor->ref), g_free);
  g_object_set_data (G_OBJECT (tag), MENTION_KIND_KEY, GINT_TO_POINTER (anchor->kind));
  g_ptr_array_add (self->link_tags, g_object_ref (tag));
  gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
  if (anchor->kind == DOCKET_ANCHOR_TERM)
    gtk_text_buffer_apply_tag_by_name (buffer, "term", &start, &end);
}

static void
insert_block (DocketDocumentView *self,
              DocketBlock        *block)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *tag_name = _docket_document_view_block_tag_name (block->kind);
  const char *text = block->text != NULL ? block->text : "";
  gsize length = strlen (text);
  gsize done = 0;
  GtkTextIter end;
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (Segment));

  gtk_text_buffer_get_end_iter (buffer, &end);

  if (block->kind == DOCKET_BLOCK_PAGE_BREAK)
    {
      g_autofree char *mark = g_strdup_printf (_("[Page %s]"), text);
      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, mark, -1, tag_name, "locked", NULL);
      return;
    }

  for (guint i = 0; block->anchors != NULL && i < block->anchors->len; i++)
    {
      DocketAnchor *anchor = g_ptr_array_index (block->anchors, i);
      gsize offset = MIN (anchor->offset, length);

      /* Mentions take no room of their own; they are marked below. */
      if (is_mention (anchor))
        continue;

      /* Never split a character, whatever offset the catalog holds. */
      while (offset > done && offset < length && (text[offset] & 0xC0) == 0x80)
        offset--;

      if (offset > done)
        insert_segment (buffer, &end, text, done, offset, tag_name, segments);
      done = MAX (done, offset);

      if (anchor->kind == DOCKET_ANCHOR_FOOTNOTE)
        {
          DocketFootnote *footnote = docket_record_find_footnote (self->record, anchor->ref);
          const char *n = footnote != NULL && footnote->n != NULL ? footnote->n : "?";
          GtkTextTag *link = make_link_tag (self, LINK_TO_FOOTNOTE, anchor->ref);
          GtkTextTag *block_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
          GtkTextTag *marker_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "marker");

          set_mark (self, "marker:", anchor->ref, &end);
          gtk_text_buffer_insert_with_tags (buffer, &end, n, -1, block_tag, marker_tag, link,
                                            gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "locked"),
                                            NULL);
          set_mark (self, "marker-end:", anchor->ref, &end);
          self->n_markers++;
        }
      else if (anchor->kind == DOCKET_ANCHOR_PAGE_BREAK)
        {
          g_autofree char *mark = g_strdup_printf (_(" [Page %s] "), anchor->ref);
          GtkTextTag *page = gtk_text_buffer_create_tag (buffer, NULL, NULL);

          /* The page number rides on a tag of its own, so that edit mode
           * finds the break again wherever the text moved it. */
          g_object_set_data_full (G_OBJECT (page), PAGE_KEY, g_strdup (anchor->ref), g_free);
          g_ptr_array_add (self->link_tags, g_object_ref (page));
          gtk_text_buffer_insert_with_tags_by_name (buffer, &end, mark, -1, tag_name, "page-break-inline", "locked", NULL);
          {
            GtkTextIter from = end;

            gtk_text_iter_backward_chars (&from, g_utf8_strlen (mark, -1));
            gtk_text_buffer_apply_tag (buffer, page, &from, &end);
          }
        }
    }

  if (done < length)
    insert_segment (buffer, &end, text, done, length, tag_name, segments);

  for (guint i = 0; block->anchors != NULL && i < block->anchors->len; i++)
    {
      DocketAnchor *anchor = g_ptr_array_index (block->anchors, i);

      if (is_mention (anchor))
        mark_mention (self, anchor, text, segments);
    }
}

static void
insert_footnotes (DocketDocumentView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GPtrArray *footnotes = docket_record_get_footnotes (self->record);
  GtkTextIter end;

  if (footnotes->len == 0)
    return;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, "\n\u2014\u2014\u2014\u2014\u2014\u2014\u2014\u2014", -1, "footnote-rule", "locked", NULL);

  for (guint i = 0; i < footnotes->len; i++)
    {
      DocketFootnote *footnote = g_ptr_array_index (footnotes, i);
      GtkTextTag *link = make_link_tag (self, LINK_TO_MARKER, footnote->id);
      GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

      gtk_text_buffer_insert (buffer, &end, "\n", 1);
      set_mark (self, "footnote:", footnote->id, &end);
      gtk_text_buffer_insert_with_tags (buffer, &end, footnote->n != NULL ? footnote->n : "?", -1,
                                        gtk_text_tag_table_lookup (table, "footnote"),
                                        gtk_text_tag_table_lookup (table, "footnote-number"),
                                        link, NULL);
      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, ". ", -1, "footnote", NULL);
      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, footnote->text != NULL ? footnote->text : "", -1,
                                                "footnote", NULL);
      set_mark (self, "footnote-end:", footnote->id, &end);
    }

  {
    GtkTextIter start;

    gtk_text_buffer_get_iter_at_mark (buffer, &start, _docket_document_view_get_mark (self, "notes", ""));
    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_apply_tag_by_name (buffer, "locked", &start, &end);
  }
}

/* The words a mention covers, as the body has them. */
static char *
mention_text (const DocketBlock  *block,
              const DocketAnchor *anchor)
{
  gsize length = strlen (block->text);
  gsize offset = MIN (anchor->offset, length);

  return g_utf8_make_valid (block->text + offset, MIN (anchor->length, length - offset));
}

/* "Terms": each term the body mentions, once, in the order of its first
 * mention, with its expansion from the glossary. */
static void
insert_terms (DocketDocumentView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GPtrArray *body = docket_record_get_body (self->record);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GtkTextIter start, end;
  int section_start = -1;

  gtk_text_buffer_get_end_iter (buffer, &end);
  for (guint i = 0; i < body->len; i++)
    {
      DocketBlock *block = g_ptr_array_index (body, i);

      for (guint j = 0; j < block->anchors->len; j++)
        {
          DocketAnchor *anchor = g_ptr_array_index (block->anchors, j);
          DocketAccessPoint *term;
          g_autofree char *surface = NULL;

          if (anchor->kind != DOCKET_ANCHOR_TERM || anchor->ref == NULL ||
              !g_hash_table_add (seen, anchor->ref))
            continue;

          if (section_start < 0)
            {
              section_start = gtk_text_iter_get_offset (&end);
              gtk_text_buffer_insert (buffer, &end, "\n", 1);
              gtk_text_buffer_insert_with_tags_by_name (buffer, &end, _("Terms"), -1, "terms-heading", NULL);
            }

          term = self->terms_by_ref != NULL ? g_hash_table_lookup (self->terms_by_ref, anchor->ref) : NULL;
          surface = term != NULL && term->term != NULL ? g_strdup (term->term) : mention_text (block, anchor);
          gtk_text_buffer_insert (buffer, &end, "\n", 1);
          gtk_text_buffer_insert_with_tags_by_name (buffer, &end, surface, -1, "term-entry", "term-name", NULL);
          if (term != NULL && term->role != NULL)
            {
              /* An em dash between the term and what it stands for. */
              gtk_text_buffer_insert_with_tags_by_name (buffer, &end, " \u2014 ", -1, "term-entry", NULL);
              gtk_text_buffer_insert_with_tags_by_name (buffer, &end, term->role, -1, "term-entry", NULL);
            }
        }
    }

  if (section_start < 0)
    return;
  gtk_text_buffer_get_iter_at_offset (buffer, &start, section_start);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_apply_tag_by_name (buffer, "locked", &start, &end);
}

void
_docket_document_view_render (DocketDocumentView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GPtrArray *body;
  GtkTextIter start, end;
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (int));
  int cursor = -1;

  /* In edit mode an undo re-renders: keep the cursor where it was. */
  if (self->editing)
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
      cursor = gtk_text_iter_get_offset (&start);
    }

  self->rendering++;
  clear_rendering (self);
  if (self->record == NULL)
    {
      self->rendering--;
      return;
    }

  body = docket_record_get_body (self->record);
  for (guint i = 0; i < body->len; i++)
    {
      g_autofree char *index = g_strdup_printf ("%u", i);
      int end_offset;

      if (i > 0)
        {
          gtk_text_buffer_get_end_iter (buffer, &end);
          gtk_text_buffer_insert_with_tags_by_name (buffer, &end, "\n", 1, "block-separator", NULL);
        }
      gtk_text_buffer_get_end_iter (buffer, &end);
      set_mark (self, "block:", index, &end);
      insert_block (self, g_ptr_array_index (body, i));
      gtk_text_buffer_get_end_iter (buffer, &end);
      end_offset = gtk_text_iter_get_offset (&end);
      g_array_append_val (ends, end_offset);
    }

  gtk_text_buffer_get_end_iter (buffer, &end);
  set_mark (self, "notes", "", &end);
  insert_footnotes (self);
  insert_terms (self);

  /* The footnotes and terms start with a line break: it ends the last
   * block, like the breaks between blocks, so that text can be typed after
   * a marker that ends the body. */
  gtk_text_buffer_get_iter_at_mark (buffer, &start, _docket_document_view_get_mark (self, "notes", ""));
  if (gtk_text_iter_get_char (&start) == '\n')
    {
      end = start;
      gtk_text_iter_forward_char (&end);
      gtk_text_buffer_remove_tag_by_name (buffer, "locked", &start, &end);
      gtk_text_buffer_apply_tag_by_name (buffer, "block-separator", &start, &end);
    }

  /* Made last: a right-gravity mark would move past whatever was added at
   * its place afterwards. */
  for (guint i = 0; i < ends->len; i++)
    {
      g_autofree char *index = g_strdup_printf ("%u", i);

      gtk_text_buffer_get_iter_at_offset (buffer, &end, g_array_index (ends, int, i));
      set_block_end_mark (self, index, &end);
    }

  if (cursor >= 0)
    gtk_text_buffer_get_iter_at_offset (buffer, &start, cursor);
  else
    gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  self->rendering--;
}

void
_docket_document_view_init_render (DocketDocumentView *self)
{
  self->link_tags = g_ptr_array_new_with_free_func (g_object_unref);
  self->marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, delete_mark);
  create_tags (self);
}
