/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-block"

#include "config.h"

#include "docket-block.h"

#include <string.h>

G_DEFINE_BOXED_TYPE (DocketBlock, docket_block, docket_block_copy, docket_block_free)

static const char *kind_names[] = {
  "heading", "subject", "dateline", "salutation", "paragraph", "section",
  "page-break", "closing", "signature", "quote", "list-item", "source",
};

static const char *anchor_kind_names[] = { "footnote", "page-break", "term", "person" };

DocketAnchor *
docket_anchor_new (DocketAnchorKind  kind,
                   gsize             offset,
                   const char       *ref)
{
  DocketAnchor *anchor = g_new0 (DocketAnchor, 1);

  anchor->kind = kind;
  anchor->offset = offset;
  anchor->ref = g_strdup (ref);
  return anchor;
}

/**
 * docket_anchor_new_span:
 * @length: the mention's length in bytes
 *
 * An anchor that covers text, such as a term mention.
 */
DocketAnchor *
docket_anchor_new_span (DocketAnchorKind  kind,
                        gsize             offset,
                        gsize             length,
                        const char       *ref)
{
  DocketAnchor *anchor = docket_anchor_new (kind, offset, ref);

  anchor->length = length;
  return anchor;
}

DocketAnchor *
docket_anchor_copy (const DocketAnchor *anchor)
{
  g_return_val_if_fail (anchor != NULL, NULL);
  return docket_anchor_new_span (anchor->kind, anchor->offset, anchor->length, anchor->ref);
}

void
docket_anchor_free (DocketAnchor *anchor)
{
  if (anchor == NULL)
    return;
  g_free (anchor->ref);
  g_free (anchor);
}

DocketBlock *
docket_block_new (DocketBlockKind  kind,
                  const char      *text)
{
  DocketBlock *block = g_new0 (DocketBlock, 1);

  block->kind = kind;
  block->text = g_strdup (text != NULL ? text : "");
  block->anchors = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_anchor_free);
  return block;
}

DocketBlock *
docket_block_copy (const DocketBlock *block)
{
  DocketBlock *copy;

  g_return_val_if_fail (block != NULL, NULL);

  copy = docket_block_new (block->kind, block->text);
  for (guint i = 0; i < block->anchors->len; i++)
    {
      const DocketAnchor *anchor = g_ptr_array_index (block->anchors, i);
      g_ptr_array_add (copy->anchors, docket_anchor_copy (anchor));
    }
  return copy;
}

void
docket_block_free (DocketBlock *block)
{
  if (block == NULL)
    return;
  g_free (block->text);
  g_clear_pointer (&block->anchors, g_ptr_array_unref);
  g_free (block);
}

gboolean
docket_block_equal (const DocketBlock *a,
                    const DocketBlock *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  if (a->kind != b->kind ||
      g_strcmp0 (a->text, b->text) != 0 ||
      a->anchors->len != b->anchors->len)
    return FALSE;
  for (guint i = 0; i < a->anchors->len; i++)
    {
      const DocketAnchor *x = g_ptr_array_index (a->anchors, i);
      const DocketAnchor *y = g_ptr_array_index (b->anchors, i);

      if (x->kind != y->kind || x->offset != y->offset || x->length != y->length ||
          g_strcmp0 (x->ref, y->ref) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Anchors are kept ordered by offset; one added at the same offset as
 * another goes after it, so markers glued together keep their order. */
static void
insert_anchor (DocketBlock  *block,
               DocketAnchor *anchor)
{
  guint i;

  for (i = block->anchors->len; i > 0; i--)
    {
      const DocketAnchor *prev = g_ptr_array_index (block->anchors, i - 1);
      if (prev->offset <= anchor->offset)
        break;
    }
  g_ptr_array_insert (block->anchors, i, anchor);
}

void
docket_block_add_anchor (DocketBlock      *block,
                         DocketAnchorKind  kind,
                         gsize             offset,
                         const char       *ref)
{
  g_return_if_fail (block != NULL);
  g_return_if_fail (offset <= strlen (block->text));

  insert_anchor (block, docket_anchor_new (kind, offset, ref));
}

/**
 * docket_block_add_span:
 * @offset: where the mention starts, in bytes
 * @length: its length in bytes
 *
 * Adds an anchor that covers @length bytes of the text (a term mention),
 * ordered by its start like the other anchors.
 */
void
docket_block_add_span (DocketBlock      *block,
                       DocketAnchorKind  kind,
                       gsize             offset,
                       gsize             length,
                       const char       *ref)
{
  g_return_if_fail (block != NULL);
  g_return_if_fail (offset <= strlen (block->text));
  g_return_if_fail (length <= strlen (block->text) - offset);

  insert_anchor (block, docket_anchor_new_span (kind, offset, length, ref));
}

const char *
docket_block_kind_to_string (DocketBlockKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
docket_block_kind_from_string (const char      *str,
                               DocketBlockKind *out_kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (str, kind_names[i]) == 0)
      {
        *out_kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
docket_anchor_kind_to_string (DocketAnchorKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (anchor_kind_names), NULL);
  return anchor_kind_names[kind];
}

gboolean
docket_anchor_kind_from_string (const char       *str,
                                DocketAnchorKind *out_kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (anchor_kind_names); i++)
    if (g_strcmp0 (str, anchor_kind_names[i]) == 0)
      {
        *out_kind = i;
        return TRUE;
      }
  return FALSE;
}
