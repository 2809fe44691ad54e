/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-record-footnotes"

#include "config.h"

#include "docket-record-footnotes.h"

#include <stdlib.h>
#include <string.h>

/* Footnote numbers follow the order of the markers in the text, as in
 * print: adding, moving or deleting a footnote renumbers the others. A
 * footnote keeps its id for life; only its printed number changes. */

static gboolean
block_takes_anchors (const DocketBlock *block)
{
  return block->kind != DOCKET_BLOCK_PAGE_BREAK;
}

/* Moves @offset back to the start of the character it falls in. */
static gsize
char_boundary (const char *text,
               gsize       offset)
{
  gsize length = strlen (text);

  offset = MIN (offset, length);
  while (offset > 0 && offset < length && (text[offset] & 0xC0) == 0x80)
    offset--;
  return offset;
}

/**
 * docket_record_find_footnote_anchor:
 * @out_block: (out) (optional): the index of the block holding the marker
 * @out_offset: (out) (optional): the marker's byte offset in that block
 *
 * Returns: %FALSE when no marker in the body refers to @footnote_id
 */
gboolean
docket_record_find_footnote_anchor (DocketRecord *record,
                                    const char   *footnote_id,
                                    guint        *out_block,
                                    gsize        *out_offset)
{
  GPtrArray *body;

  g_return_val_if_fail (DOCKET_IS_RECORD (record), FALSE);
  g_return_val_if_fail (footnote_id != NULL, FALSE);

  body = docket_record_get_body (record);
  for (guint i = 0; i < body->len; i++)
    {
      DocketBlock *block = g_ptr_array_index (body, i);

      for (guint j = 0; j < block->anchors->len; j++)
        {
          DocketAnchor *anchor = g_ptr_array_index (block->anchors, j);

          if (anchor->kind == DOCKET_ANCHOR_FOOTNOTE && g_strcmp0 (anchor->ref, footnote_id) == 0)
            {
              if (out_block != NULL)
                *out_block = i;
              if (out_offset != NULL)
                *out_offset = anchor->offset;
              return TRUE;
            }
        }
    }
  return FALSE;
}

/**
 * docket_record_make_footnote_id:
 *
 * An id no footnote of @record has, in the style of the ones it has
 * ("d206fn4" beside "d206fn1"), or "fn1", "fn2"… for a record without any.
 *
 * Returns: (transfer full): the new id
 */
char *
docket_record_make_footnote_id (DocketRecord *record)
{
  GPtrArray *footnotes;
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (DOCKET_IS_RECORD (record), NULL);

  footnotes = docket_record_get_footnotes (record);
  for (guint i = 0; i < footnotes->len && prefix == NULL; i++)
    {
      DocketFootnote *footnote = g_ptr_array_index (footnotes, i);
      const char *fn = footnote->id != NULL ? g_strrstr (footnote->id, "fn") : NULL;

      if (fn != NULL && fn[2] != '\0' && strspn (fn + 2, "0123456789") == strlen (fn + 2))
        prefix = g_strndup (footnote->id, fn + 2 - footnote->id);
    }
  if (prefix == NULL)
    prefix = g_strdup ("fn");

  for (guint k = footnotes->len + 1; ; k++)
    {
      g_autofree char *id = g_strdup_printf ("%s%u", prefix, k);

      if (docket_record_find_footnote (record, id) == NULL &&
          !docket_record_find_footnote_anchor (record, id, NULL, NULL))
        return g_steal_pointer (&id);
    }
}

static void
remove_anchors (DocketRecord *record,
                const char   *footnote_id)
{
  GPtrArray *body = docket_record_get_body (record);

  for (guint i = 0; i < body->len; i++)
    {
      DocketBlock *block = g_ptr_array_index (body, i);

      for (guint j = block->anchors->len; j > 0; j--)
        {
          DocketAnchor *anchor = g_ptr_array_index (block->anchors, j - 1);

          if (anchor->kind == DOCKET_ANCHOR_FOOTNOTE && g_strcmp0 (anchor->ref, footnote_id) == 0)
            g_ptr_array_remove_index (block->anchors, j - 1);
        }
    }
}

static DocketBlock *
anchor_block (DocketRecord *record,
              guint         block_index,
              gsize        *offset)
{
  GPtrArray *body = docket_record_get_body (record);
  DocketBlock *block;

  if (block_index >= body->len)
    return NULL;
  block = g_ptr_array_index (body, block_index);
  if (!block_takes_anchors (block))
    return NULL;
  *offset = char_boundary (block->text, *offset);
  return block;
}

/**
 * docket_record_insert_footnote:
 * @block_index: the block the marker goes in
 * @offset: the marker's byte offset in the block's text (the marker follows
 *   the character before it); moved back to a character boundary
 * @text: (nullable): the footnote's text
 *
 * Adds a footnote with its marker, and renumbers all footnotes by the order
 * of their markers.
 *
 * Returns: (transfer none) (nullable): the new footnote, or %NULL when the
 *   block does not exist or cannot hold a marker (a page break)
 */
DocketFootnote *
docket_record_insert_footnote (DocketRecord       *record,
                               guint               block_index,
                               gsize               offset,
                               DocketFootnoteKind  kind,
                               const char         *text)
{
  g_autofree char *id = NULL;
  DocketFootnote *footnote;
  DocketBlock *block;

  g_return_val_if_fail (DOCKET_IS_RECORD (record), NULL);

  block = anchor_block (record, block_index, &offset);
  if (block == NULL)
    return NULL;

  id = docket_record_make_footnote_id (record);
  docket_block_add_anchor (block, DOCKET_ANCHOR_FOOTNOTE, offset, id);
  footnote = docket_footnote_new (id, NULL, kind, text != NULL ? text : "");
  g_ptr_array_add (docket_record_get_footnotes (record), footnote);
  docket_record_renumber_footnotes (record);
  return footnote;
}

/**
 * docket_record_move_footnote_anchor:
 *
 * Moves the marker of @footnote_id to @offset in block @block_index (or
 * gives it one, if it had none) and renumbers.
 *
 * Returns: %FALSE when there is no such footnote or the place cannot hold
 *   a marker; the record is then unchanged
 */
gboolean
docket_record_move_footnote_anchor (DocketRecord *record,
                                    const char   *footnote_id,
                                    guint         block_index,
                                    gsize         offset)
{
  DocketBlock *block;

  g_return_val_if_fail (DOCKET_IS_RECORD (record), FALSE);
  g_return_val_if_fail (footnote_id != NULL, FALSE);

  if (docket_record_find_footnote (record, footnote_id) == NULL)
    return FALSE;
  block = anchor_block (record, block_index, &offset);
  if (block == NULL)
    return FALSE;

  remove_anchors (record, footnote_id);
  docket_block_add_anchor (block, DOCKET_ANCHOR_FOOTNOTE, offset, footnote_id);
  docket_record_renumber_footnotes (record);
  return TRUE;
}

/**
 * docket_record_delete_footnote:
 *
 * Removes the footnote and its marker, and renumbers the others.
 *
 * Returns: %FALSE when there is no such footnote
 */
gboolean
docket_record_delete_footnote (DocketRecord *record,
                               const char   *footnote_id)
{
  GPtrArray *footnotes;

  g_return_val_if_fail (DOCKET_IS_RECORD (record), FALSE);
  g_return_val_if_fail (footnote_id != NULL, FALSE);

  footnotes = docket_record_get_footnotes (record);
  for (guint i = 0; i < footnotes->len; i++)
    {
      DocketFootnote *footnote = g_ptr_array_index (footnotes, i);

      if (g_strcmp0 (footnote->id, footnote_id) == 0)
        {
          remove_anchors (record, footnote_id);
          g_ptr_array_remove_index (footnotes, i);
          docket_record_renumber_footnotes (record);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * docket_record_renumber_footnotes:
 *
 * Orders the footnotes by their markers in the body and numbers them 1, 2,
 * 3… in that order; footnotes without a marker follow. A footnote numbered
 * "0" (the unnumbered source note of some FRUS volumes) keeps its 0.
 *
 * Returns: %TRUE if a number or the order changed
 */
gboolean
docket_record_renumber_footnotes (DocketRecord *record)
{
  GPtrArray *body, *footnotes;
  g_autoptr(GPtrArray) ordered = NULL;
  g_autoptr(GHashTable) placed = NULL;
  gboolean changed = FALSE;
  guint next = 1;

  g_return_val_if_fail (DOCKET_IS_RECORD (record), FALSE);

  body = docket_record_get_body (record);
  footnotes = docket_record_get_footnotes (record);
  ordered = g_ptr_array_new ();
  placed = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < body->len; i++)
    {
      DocketBlock *block = g_ptr_array_index (body, i);

      for (guint j = 0; j < block->anchors->len; j++)
        {
          DocketAnchor *anchor = g_ptr_array_index (block->anchors, j);
          DocketFootnote *footnote;

          if (anchor->kind != DOCKET_ANCHOR_FOOTNOTE)
            continue;
          footnote = docket_record_find_footnote (record, anchor->ref);
          if (footnote != NULL && g_hash_table_add (placed, footnote))
            g_ptr_array_add (ordered, footnote);
        }
    }
  for (guint i = 0; i < footnotes->len; i++)
    if (g_hash_table_add (placed, g_ptr_array_index (footnotes, i)))
      g_ptr_array_add (ordered, g_ptr_array_index (footnotes, i));

  for (guint i = 0; i < ordered->len; i++)
    {
      DocketFootnote *footnote = g_ptr_array_index (ordered, i);
      g_autofree char *n = NULL;

      if (g_strcmp0 (footnote->n, "0") == 0)
        continue;
      n = g_strdup_printf ("%u", next++);
      if (g_strcmp0 (footnote->n, n) != 0)
        {
          g_free (footnote->n);
          footnote->n = g_steal_pointer (&n);
          changed = TRUE;
        }
    }

  /* Put the array in the new order without freeing its footnotes. */
  for (guint i = 0; i < ordered->len; i++)
    if (g_ptr_array_index (footnotes, i) != g_ptr_array_index (ordered, i))
      changed = TRUE;
  if (changed)
    {
      GDestroyNotify free_func = (GDestroyNotify) docket_footnote_free;

      g_ptr_array_set_free_func (footnotes, NULL);
      for (guint i = 0; i < ordered->len; i++)
        footnotes->pdata[i] = ordered->pdata[i];
      g_ptr_array_set_free_func (footnotes, free_func);
    }
  return changed;
}

/**
 * docket_block_replace_text:
 * @start: byte offset of the first byte replaced
 * @end: byte offset one past the last byte replaced (@start for an insertion)
 * @text: what goes in their place
 *
 * Edits the block's text so that its markers and page breaks stay with the
 * words they follow: one after the edited range moves with the text after
 * it, one before or at its start stays, one inside a deleted range ends up
 * at its start. A term mention keeps covering its words, and is removed
 * when they are all deleted.
 */
void
docket_block_replace_text (DocketBlock *block,
                           gsize        start,
                           gsize        end,
                           const char  *text)
{
  g_autoptr(GString) out = NULL;
  gsize length, inserted;

  g_return_if_fail (block != NULL);
  g_return_if_fail (start <= end);

  if (text == NULL)
    text = "";
  length = strlen (block->text);
  end = char_boundary (block->text, MIN (end, length));
  start = char_boundary (block->text, MIN (start, end));
  inserted = strlen (text);

  out = g_string_new_len (block->text, start);
  g_string_append (out, text);
  g_string_append (out, block->text + end);
  g_free (block->text);
  block->text = g_string_free (g_steal_pointer (&out), FALSE);

  for (guint i = block->anchors->len; i > 0; i--)
    {
      DocketAnchor *anchor = g_ptr_array_index (block->anchors, i - 1);

      if (anchor->length > 0)
        {
          /* A mention keeps the words it covers: text typed inside it or
           * over part of it belongs to it, text typed at its edges does
           * not, and a mention whose words are all deleted is gone. */
          gsize from = anchor->offset, to = anchor->offset + anchor->length;

          if (from >= end)
            from = from - (end - start) + inserted;
          else if (from > start)
            from = start;
          if (to > end)
            to = to - (end - start) + inserted;
          else if (to > start)
            to = start + inserted;
          if (to <= from)
            g_ptr_array_remove_index (block->anchors, i - 1);
          else
            {
              anchor->offset = from;
              anchor->length = to - from;
            }
        }
      else if (anchor->offset <= start)
        continue;
      else if (anchor->offset >= end)
        anchor->offset = anchor->offset - (end - start) + inserted;
      else
        anchor->offset = start;
    }
}

/**
 * docket_block_kind_can_split:
 *
 * Whether a block of @kind may be cut in two (Return in edit mode) and
 * joined again: running text, that is paragraphs, quotations and list
 * items. A heading, subject line, dateline, salutation, section heading,
 * closing, signature or printed source note is one element of the printed
 * document however long it is; cutting one would make two headings or two
 * signatures, which no document has, so a cataloger who presses Return in
 * one gets nothing rather than a broken record. A page break between
 * blocks has no text to cut.
 */
gboolean
docket_block_kind_can_split (DocketBlockKind kind)
{
  return kind == DOCKET_BLOCK_PARAGRAPH || kind == DOCKET_BLOCK_QUOTE || kind == DOCKET_BLOCK_LIST_ITEM;
}

/**
 * docket_record_split_block:
 * @block_index: the block to cut
 * @offset: where, in bytes of its text; moved back to a character boundary
 *
 * Cuts a block in two at @offset: the text before stays in the block with
 * its anchors; the rest, with its anchors re-based to the new text, goes to
 * a new block of the same kind just after it. A marker or page break at
 * @offset follows the word before it and so stays in the first block,
 * unless @offset is 0 and there is no word before it. A mention that runs
 * across @offset is cut into two mentions of the same term or person;
 * docket_record_join_blocks() makes them one again.
 *
 * Returns: %FALSE when there is no such block or its kind cannot be cut
 *   (see docket_block_kind_can_split()); the record is then unchanged
 */
gboolean
docket_record_split_block (DocketRecord *record,
                           guint         block_index,
                           gsize         offset)
{
  GPtrArray *body;
  DocketBlock *block, *rest;
  char *head;

  g_return_val_if_fail (DOCKET_IS_RECORD (record), FALSE);

  body = docket_record_get_body (record);
  if (block_index >= body->len)
    return FALSE;
  block = g_ptr_array_index (body, block_index);
  if (!docket_block_kind_can_split (block->kind))
    return FALSE;

  offset = char_boundary (block->text, offset);
  rest = docket_block_new (block->kind, block->text + offset);

  for (guint i = 0; i < block->anchors->len;)
    {
      DocketAnchor *anchor = g_ptr_array_index (block->anchors, i);

      if (anchor->length > 0)
        {
          gsize from = anchor->offset, to = anchor->offset + anchor->length;

          if (to <= offset)
            i++;
          else if (from >= offset)
            {
              g_ptr_array_add (rest->anchors, docket_anchor_new_span (anchor->kind, from - offset,
                                                                      anchor->length, anchor->ref));
              g_ptr_array_remove_index (block->anchors, i);
            }
          else
            {
              g_ptr_array_add (rest->anchors, docket_anchor_new_span (anchor->kind, 0,
                                                                      to - offset, anchor->ref));
              anchor->length = offset - from;
              i++;
            }
        }
      else if (anchor->offset < offset || (anchor->offset == offset && offset > 0))
        i++;
      else
        {
          g_ptr_array_add (rest->anchors, docket_anchor_new (anchor->kind,
                                                             MIN (anchor->offset, strlen (block->text)) - offset,
                                                             anchor->ref));
          g_ptr_array_remove_index (block->anchors, i);
        }
    }

  head = g_strndup (block->text, offset);
  g_free (block->text);
  block->text = head;
  g_ptr_array_insert (body, block_index + 1, rest);
  return TRUE;
}

/**
 * docket_record_join_blocks:
 * @block_index: the first of the two blocks
 *
 * Joins block @block_index + 1 to the end of block @block_index, the
 * inverse of docket_record_split_block(): its text is appended as it is,
 * its anchors re-based to the joined text, and a mention cut in two by the
 * split is made one again.
 *
 * Returns: %FALSE when there is no next block, or the two are not of the
 *   same kind or of a kind that can be cut and joined; the record is then
 *   unchanged
 */
gboolean
docket_record_join_blocks (DocketRecord *record,
                           guint         block_index)
{
  GPtrArray *body;
  DocketBlock *block, *next;
  gsize base;
  char *text;

  g_return_val_if_fail (DOCKET_IS_RECORD (record), FALSE);

  body = docket_record_get_body (record);
  if (block_index + 1 >= body->len)
    return FALSE;
  block = g_ptr_array_index (body, block_index);
  next = g_ptr_array_index (body, block_index + 1);
  if (block->kind != next->kind || !docket_block_kind_can_split (block->kind))
    return FALSE;

  base = strlen (block->text);
  for (guint i = 0; i < next->anchors->len; i++)
    {
      DocketAnchor *anchor = g_ptr_array_index (next->anchors, i);
      DocketAnchor *joined = NULL;

      /* A mention that ends the first block and one of the same name that
       * starts the second were one mention before a split. */
      if (anchor->length > 0 && anchor->offset == 0)
        for (guint j = 0; j < block->anchors->len && joined == NULL; j++)
          {
            DocketAnchor *before = g_ptr_array_index (block->anchors, j);

            if (before->length > 0 && before->kind == anchor->kind &&
                before->offset + before->length == base && g_strcmp0 (before->ref, anchor->ref) == 0)
              joined = before;
          }
      if (joined != NULL)
        joined->length += anchor->length;
      else
        g_ptr_array_add (block->anchors, docket_anchor_new_span (anchor->kind, anchor->offset + base,
                                                                 anchor->length, anchor->ref));
    }

  text = g_strconcat (block->text, next->text, NULL);
  g_free (block->text);
  block->text = text;
  g_ptr_array_remove_index (body, block_index + 1);
  return TRUE;
}
