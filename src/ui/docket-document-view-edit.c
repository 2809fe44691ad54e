/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-document-view-edit"

#include "config.h"

#include "docket-document-view-private.h"

#include <string.h>

/* Edit mode: the body's text can be corrected in the buffer; markers, page
 * breaks and block boundaries are locked and move with the text around
 * them, and each edit is read back into the record's blocks. */

static int
block_at_iter (DocketDocumentView *self,
               const GtkTextIter  *iter)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GPtrArray *body;

  if (self->record == NULL)
    return -1;
  body = docket_record_get_body (self->record);
  for (guint i = body->len; i > 0; i--)
    {
      g_autofree char *index = g_strdup_printf ("%u", i - 1);
      GtkTextMark *start_mark = _docket_document_view_get_mark (self, "block:", index);
      GtkTextMark *end_mark = _docket_document_view_get_mark (self, "block-end:", index);
      GtkTextIter start, end;

      if (start_mark == NULL || end_mark == NULL)
        continue;
      gtk_text_buffer_get_iter_at_mark (buffer, &start, start_mark);
      gtk_text_buffer_get_iter_at_mark (buffer, &end, end_mark);
      if (gtk_text_iter_compare (&start, iter) <= 0 && gtk_text_iter_compare (iter, &end) <= 0)
        return i - 1;
    }
  return -1;
}


/* Extends the mentions that cover the character at @iter, which stands at
 * bytes @from to @to of the block's text; a mention seen first here starts
 * at that character. Text typed inside a mention has lost its tag, so a
 * mention runs from its first tagged character to its last. */
static void
read_mentions (const GtkTextIter *iter,
               gsize              from,
               gsize              to,
               GPtrArray         *anchors,
               GHashTable        *mentions)
{
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);

  for (GSList *l = tags; l != NULL; l = l->next)
    {
      const char *ref = g_object_get_data (l->data, MENTION_KEY);
      DocketAnchor *anchor;

      if (ref == NULL)
        continue;
      anchor = g_hash_table_lookup (mentions, l->data);
      if (anchor == NULL)
        {
          DocketAnchorKind kind = GPOINTER_TO_INT (g_object_get_data (l->data, MENTION_KIND_KEY));

          anchor = docket_anchor_new_span (kind, from, 0, ref);
          g_ptr_array_add (anchors, anchor);
          g_hash_table_insert (mentions, l->data, anchor);
        }
      anchor->length = to - anchor->offset;
    }
}

/* Reads block @index back from the buffer: its text, and its markers, page
 * breaks and mentions wherever the edits moved them. */
static DocketBlock *
read_block (DocketDocumentView *self,
            guint               index,
            const DocketBlock  *old)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *name = g_strdup_printf ("%u", index);
  GtkTextMark *start_mark = _docket_document_view_get_mark (self, "block:", name);
  GtkTextMark *end_mark = _docket_document_view_get_mark (self, "block-end:", name);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) anchors = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_anchor_free);
  g_autoptr(GHashTable) mentions = g_hash_table_new (NULL, NULL);
  DocketBlock *block;
  GtkTextIter iter, end;

  if (old->kind == DOCKET_BLOCK_PAGE_BREAK || start_mark == NULL || end_mark == NULL)
    return docket_block_copy (old);

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, start_mark);
  gtk_text_buffer_get_iter_at_mark (buffer, &end, end_mark);
  while (gtk_text_iter_compare (&iter, &end) < 0)
    {
      GtkTextTag *tag;

      if ((tag = _docket_document_view_tag_with_data (&iter, FOOTNOTE_ID_KEY)) != NULL &&
          GPOINTER_TO_INT (g_object_get_data (G_OBJECT (tag), LINK_KIND_KEY)) == LINK_TO_FOOTNOTE)
        {
          g_ptr_array_add (anchors, docket_anchor_new (DOCKET_ANCHOR_FOOTNOTE, text->len,
                                                       g_object_get_data (G_OBJECT (tag), FOOTNOTE_ID_KEY)));
          gtk_text_iter_forward_to_tag_toggle (&iter, tag);
        }
      else if ((tag = _docket_document_view_tag_with_data (&iter, PAGE_KEY)) != NULL)
        {
          g_ptr_array_add (anchors, docket_anchor_new (DOCKET_ANCHOR_PAGE_BREAK, text->len,
                                                       g_object_get_data (G_OBJECT (tag), PAGE_KEY)));
          gtk_text_iter_forward_to_tag_toggle (&iter, tag);
        }
      else
        {
          gunichar c = gtk_text_iter_get_char (&iter);

          if (c == '\n' || c == '\r')
            c = ' ';
          if (c != 0 && c != 0xFFFC)
            {
              gsize from = text->len;

              g_string_append_unichar (text, c);
              read_mentions (&iter, from, text->len, anchors, mentions);
            }
          gtk_text_iter_forward_char (&iter);
        }
    }

  block = docket_block_new (old->kind, text->str);
  g_ptr_array_extend_and_steal (block->anchors, g_steal_pointer (&anchors));
  return block;
}

/* After each edit in edit mode, the record's body takes the buffer's text.
 * The view does not render again for its own change. */
static void
sync_body (DocketDocumentView *self)
{
  GPtrArray *body;
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_block_free);
  gboolean changed = FALSE;

  if (self->record == NULL || !self->editing || self->rendering > 0)
    return;

  body = docket_record_get_body (self->record);
  for (guint i = 0; i < body->len; i++)
    {
      DocketBlock *block = read_block (self, i, g_ptr_array_index (body, i));

      changed |= !docket_block_equal (block, g_ptr_array_index (body, i));
      g_ptr_array_add (blocks, block);
    }
  if (!changed)
    return;

  g_ptr_array_set_size (body, 0);
  g_ptr_array_extend_and_steal (body, g_steal_pointer (&blocks));

  self->syncing++;
  docket_record_changed (self->record, "body");
  self->syncing--;
}

static void
end_user_action_cb (DocketDocumentView *self)
{
  sync_body (self);
}

/* Text typed or pasted takes the look of its block and nothing else: not
 * the marker or link it was typed beside. */
static void
insert_text_after_cb (DocketDocumentView *self,
                      GtkTextIter        *location,
                      const char         *text,
                      int                 length,
                      GtkTextBuffer      *buffer)
{
  GtkTextIter start = *location;
  int block;

  if (!self->editing || self->rendering > 0)
    return;

  gtk_text_iter_backward_chars (&start, g_utf8_strlen (text, length));
  gtk_text_buffer_remove_all_tags (buffer, &start, location);
  block = block_at_iter (self, &start);
  if (block >= 0)
    {
      DocketBlock *b = g_ptr_array_index (docket_record_get_body (self->record), block);
      gtk_text_buffer_apply_tag_by_name (buffer, _docket_document_view_block_tag_name (b->kind), &start, location);
    }
}

/**
 * docket_document_view_get_cursor_position:
 * @out_block: (out): the index of the body block the cursor is in
 * @out_offset: (out): the byte offset in that block's text, markers and
 *   page breaks not counted
 *
 * The place a new footnote marker goes: the end of the selection, or the
 * cursor.
 *
 * Returns: %FALSE when the cursor is not in the body's text (in the
 *   footnotes, say)
 */
gboolean
docket_document_view_get_cursor_position (DocketDocumentView *self,
                                          guint              *out_block,
                                          gsize              *out_offset)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, iter, cursor;
  g_autofree char *name = NULL;
  gsize offset = 0;
  int block;

  g_return_val_if_fail (DOCKET_IS_DOCUMENT_VIEW (self), FALSE);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_selection_bounds (buffer, &start, &cursor);
  block = block_at_iter (self, &cursor);
  if (block < 0)
    return FALSE;

  name = g_strdup_printf ("%d", block);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, _docket_document_view_get_mark (self, "block:", name));
  while (gtk_text_iter_compare (&iter, &cursor) < 0)
    {
      GtkTextTag *tag = _docket_document_view_tag_with_data (&iter, FOOTNOTE_ID_KEY);

      if (tag == NULL)
        tag = _docket_document_view_tag_with_data (&iter, PAGE_KEY);
      if (tag != NULL)
        {
          gtk_text_iter_forward_to_tag_toggle (&iter, tag);
          continue;
        }
      {
        char utf8[6];
        offset += g_unichar_to_utf8 (gtk_text_iter_get_char (&iter), utf8);
      }
      gtk_text_iter_forward_char (&iter);
    }

  *out_block = block;
  *out_offset = offset;
  return TRUE;
}

void
_docket_document_view_init_edit (DocketDocumentView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  /* Edits go through the edit session's undo, not the text view's own. */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  g_signal_connect_object (buffer, "end-user-action",
                           G_CALLBACK (end_user_action_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "insert-text",
                           G_CALLBACK (insert_text_after_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}
