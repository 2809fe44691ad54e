/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-document-view-edit"

#include "config.h"

#include "docket-document-view-private.h"
#include "docket-record-footnotes.h"

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

static gboolean position_at_iter (DocketDocumentView *self,
                                  const GtkTextIter  *cursor,
                                  guint              *out_block,
                                  gsize              *out_offset);

/* Block boundaries.
 *
 * The line break between two blocks is not locked in the buffer: GTK lets
 * text be typed beside a character only when that character or the one
 * before it is editable, and a marker or page break that ends a block, a
 * locked line break after it, would leave no place to type after the
 * marker. Instead, a deletion that takes in a line break between blocks is
 * held back (GTK is in the middle of deleting and its iterators must stay
 * valid) and done when the user action ends: the text it took in from the
 * blocks is deleted and the line breaks stay; a deletion of the line break
 * alone (Backspace at the start of a block, Delete at its end) joins the
 * two blocks, when they are of a kind that joins (see
 * docket_block_kind_can_split()). Text cannot be typed outside a block or
 * into a page break between blocks. */

static gboolean
is_separator (const GtkTextIter *iter)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (gtk_text_iter_get_buffer (iter)),
                                               "block-separator");

  return gtk_text_iter_has_tag (iter, tag);
}

static void
place_cursor_at_offset (DocketDocumentView *self,
                        int                 offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_mark_onscreen (self->text_view, gtk_text_buffer_get_insert (buffer));
}

/* Tells the record (and so the edit session and the catalog) that the
 * blocks changed; the view renders the new body. */
static void
body_structure_changed (DocketDocumentView *self)
{
  docket_record_changed (self->record, "body");
}

static void
join_blocks (DocketDocumentView *self,
             guint               index)
{
  g_autofree char *name = g_strdup_printf ("%u", index);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextMark *end_mark = _docket_document_view_get_mark (self, "block-end:", name);
  GtkTextIter end;
  int join_point;

  if (end_mark == NULL || !docket_record_join_blocks (self->record, index))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  gtk_text_buffer_get_iter_at_mark (buffer, &end, end_mark);
  join_point = gtk_text_iter_get_offset (&end);
  body_structure_changed (self);
  place_cursor_at_offset (self, join_point);
}

/* Does the deletions held back, then reads the blocks back, then joins. */
static void
flush_pending (DocketDocumentView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  int join = self->pending_join;

  self->pending_join = -1;
  g_clear_handle_id (&self->flush_id, g_source_remove);

  self->applying++;
  for (guint i = 0; self->pending_deletes != NULL && i + 1 < self->pending_deletes->len; i += 2)
    {
      GtkTextMark *start_mark = g_ptr_array_index (self->pending_deletes, i);
      GtkTextMark *end_mark = g_ptr_array_index (self->pending_deletes, i + 1);
      GtkTextIter start, end;

      g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (int));

      /* The runs between line breaks, deleted from the last one back so
       * that the offsets of the others still hold. */
      gtk_text_buffer_get_iter_at_mark (buffer, &start, start_mark);
      gtk_text_buffer_get_iter_at_mark (buffer, &end, end_mark);
      while (gtk_text_iter_compare (&start, &end) < 0)
        {
          int from, to;

          if (is_separator (&start))
            {
              gtk_text_iter_forward_char (&start);
              continue;
            }
          from = gtk_text_iter_get_offset (&start);
          while (gtk_text_iter_compare (&start, &end) < 0 && !is_separator (&start))
            gtk_text_iter_forward_char (&start);
          to = gtk_text_iter_get_offset (&start);
          g_array_append_val (runs, from);
          g_array_append_val (runs, to);
        }
      for (guint j = runs->len; j >= 2; j -= 2)
        {
          gtk_text_buffer_get_iter_at_offset (buffer, &start, g_array_index (runs, int, j - 2));
          gtk_text_buffer_get_iter_at_offset (buffer, &end, g_array_index (runs, int, j - 1));
          gtk_text_buffer_delete_interactive (buffer, &start, &end, TRUE);
        }
      gtk_text_buffer_delete_mark (buffer, start_mark);
      gtk_text_buffer_delete_mark (buffer, end_mark);
    }
  if (self->pending_deletes != NULL)
    g_ptr_array_set_size (self->pending_deletes, 0);
  self->applying--;

  sync_body (self);
  if (join >= 0 && self->record != NULL && self->editing)
    join_blocks (self, join);
}

static gboolean
flush_idle_cb (gpointer data)
{
  DocketDocumentView *self = data;

  self->flush_id = 0;
  flush_pending (self);
  return G_SOURCE_REMOVE;
}

static void
begin_user_action_cb (DocketDocumentView *self)
{
  self->user_action++;
}

static void
end_user_action_cb (DocketDocumentView *self)
{
  if (self->user_action > 0)
    self->user_action--;
  flush_pending (self);
}

static void
delete_range_cb (DocketDocumentView *self,
                 GtkTextIter        *start,
                 GtkTextIter        *end,
                 GtkTextBuffer      *buffer)
{
  GtkTextIter iter;
  gboolean separator = FALSE;

  if (!self->editing || self->rendering > 0 || self->applying > 0)
    return;

  for (iter = *start; gtk_text_iter_compare (&iter, end) < 0 && !separator; gtk_text_iter_forward_char (&iter))
    separator = is_separator (&iter);
  if (!separator)
    return;

  g_signal_stop_emission_by_name (buffer, "delete-range");

  iter = *start;
  gtk_text_iter_forward_char (&iter);
  if (gtk_text_iter_equal (&iter, end))
    {
      int block = block_at_iter (self, start);

      /* The line break alone: join the block it ends with the next one. */
      if (block >= 0)
        self->pending_join = block;
    }
  else
    {
      if (self->pending_deletes == NULL)
        self->pending_deletes = g_ptr_array_new ();
      /* Text typed at the range's edges before the deletion is done stays
       * out of it. */
      g_ptr_array_add (self->pending_deletes, gtk_text_buffer_create_mark (buffer, NULL, start, FALSE));
      g_ptr_array_add (self->pending_deletes, gtk_text_buffer_create_mark (buffer, NULL, end, TRUE));
    }

  if (self->user_action == 0 && self->flush_id == 0)
    self->flush_id = g_idle_add (flush_idle_cb, self);
}

/* Text goes into a block of text, nowhere else. */
static void
insert_text_cb (DocketDocumentView *self,
                GtkTextIter        *location,
                const char         *text,
                int                 length,
                GtkTextBuffer      *buffer)
{
  int block;

  if (!self->editing || self->rendering > 0 || self->applying > 0 || self->record == NULL)
    return;

  block = block_at_iter (self, location);
  if (block < 0 ||
      ((DocketBlock *) g_ptr_array_index (docket_record_get_body (self->record), block))->kind == DOCKET_BLOCK_PAGE_BREAK)
    {
      g_signal_stop_emission_by_name (buffer, "insert-text");
      gtk_widget_error_bell (GTK_WIDGET (self));
    }
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
  GtkTextIter start, cursor;

  g_return_val_if_fail (DOCKET_IS_DOCUMENT_VIEW (self), FALSE);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_selection_bounds (buffer, &start, &cursor);
  return position_at_iter (self, &cursor, out_block, out_offset);
}

/* The block @cursor is in and the byte offset in its text, markers and
 * page breaks not counted. */
static gboolean
position_at_iter (DocketDocumentView *self,
                  const GtkTextIter  *cursor,
                  guint              *out_block,
                  gsize              *out_offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;
  g_autofree char *name = NULL;
  gsize offset = 0;
  int block;

  block = block_at_iter (self, cursor);
  if (block < 0)
    return FALSE;

  name = g_strdup_printf ("%d", block);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, _docket_document_view_get_mark (self, "block:", name));
  while (gtk_text_iter_compare (&iter, cursor) < 0)
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

/**
 * _docket_document_view_split_at_cursor:
 *
 * Return in edit mode: cuts the block at the cursor in two (see
 * docket_record_split_block()) and puts the cursor at the start of the
 * second. The cursor inside a multi-digit marker or a page-break mark, or
 * in a block that is not running text (a heading, a signature…), cuts
 * nothing: the view rings the bell.
 *
 * Returns: %TRUE if the block was cut
 */
gboolean
_docket_document_view_split_at_cursor (DocketDocumentView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter cursor, before;
  GtkTextTag *inside = NULL;
  guint block;
  gsize offset;
  g_autofree char *name = NULL;
  GtkTextMark *start_mark;
  GtkTextIter start;

  if (!self->editing || self->record == NULL)
    return FALSE;

  flush_pending (self);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  before = cursor;
  if (gtk_text_iter_backward_char (&before))
    {
      inside = _docket_document_view_tag_with_data (&cursor, FOOTNOTE_ID_KEY);
      if (inside == NULL || !gtk_text_iter_has_tag (&before, inside))
        inside = _docket_document_view_tag_with_data (&cursor, PAGE_KEY);
      if (inside != NULL && !gtk_text_iter_has_tag (&before, inside))
        inside = NULL;
    }

  if (inside != NULL || !position_at_iter (self, &cursor, &block, &offset) ||
      !docket_record_split_block (self->record, block, offset))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  body_structure_changed (self);
  name = g_strdup_printf ("%u", block + 1);
  start_mark = _docket_document_view_get_mark (self, "block:", name);
  if (start_mark != NULL)
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &start, start_mark);
      place_cursor_at_offset (self, gtk_text_iter_get_offset (&start));
    }
  return TRUE;
}

void
_docket_document_view_clear_edit (DocketDocumentView *self)
{
  g_clear_handle_id (&self->flush_id, g_source_remove);
  g_clear_pointer (&self->pending_deletes, g_ptr_array_unref);
}

void
_docket_document_view_init_edit (DocketDocumentView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  /* Edits go through the edit session's undo, not the text view's own. */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  self->pending_join = -1;
  g_signal_connect_object (buffer, "begin-user-action",
                           G_CALLBACK (begin_user_action_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "end-user-action",
                           G_CALLBACK (end_user_action_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "delete-range",
                           G_CALLBACK (delete_range_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "insert-text",
                           G_CALLBACK (insert_text_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "insert-text",
                           G_CALLBACK (insert_text_after_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}
