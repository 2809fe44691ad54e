/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-footnote"

#include "config.h"

#include "docket-footnote.h"

G_DEFINE_BOXED_TYPE (DocketFootnote, docket_footnote,
                     docket_footnote_copy, docket_footnote_free)

static const char *kind_names[] = { "editorial", "source", "printing" };

DocketFootnote *
docket_footnote_new (const char         *id,
                     const char         *n,
                     DocketFootnoteKind  kind,
                     const char         *text)
{
  DocketFootnote *footnote = g_new0 (DocketFootnote, 1);

  footnote->id = g_strdup (id);
  footnote->n = g_strdup (n);
  footnote->kind = kind;
  footnote->text = g_strdup (text);
  footnote->links = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_footnote_link_free);
  return footnote;
}

DocketFootnote *
docket_footnote_copy (const DocketFootnote *footnote)
{
  DocketFootnote *copy;

  g_return_val_if_fail (footnote != NULL, NULL);

  copy = docket_footnote_new (footnote->id, footnote->n, footnote->kind, footnote->text);
  for (guint i = 0; i < footnote->links->len; i++)
    g_ptr_array_add (copy->links, docket_footnote_link_copy (g_ptr_array_index (footnote->links, i)));
  return copy;
}

void
docket_footnote_free (DocketFootnote *footnote)
{
  if (footnote == NULL)
    return;
  g_free (footnote->id);
  g_free (footnote->n);
  g_free (footnote->text);
  g_clear_pointer (&footnote->links, g_ptr_array_unref);
  g_free (footnote);
}

gboolean
docket_footnote_equal (const DocketFootnote *a,
                       const DocketFootnote *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  if (a->kind != b->kind ||
      g_strcmp0 (a->id, b->id) != 0 ||
      g_strcmp0 (a->n, b->n) != 0 ||
      g_strcmp0 (a->text, b->text) != 0 ||
      a->links->len != b->links->len)
    return FALSE;
  for (guint i = 0; i < a->links->len; i++)
    if (!docket_footnote_link_equal (g_ptr_array_index (a->links, i),
                                     g_ptr_array_index (b->links, i)))
      return FALSE;
  return TRUE;
}

void
docket_footnote_add_link (DocketFootnote     *footnote,
                          DocketFootnoteLink *link)
{
  g_return_if_fail (footnote != NULL);
  g_return_if_fail (link != NULL);
  g_ptr_array_add (footnote->links, link);
}

const char *
docket_footnote_kind_to_string (DocketFootnoteKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
docket_footnote_kind_from_string (const char         *str,
                                  DocketFootnoteKind *out_kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (str, kind_names[i]) == 0)
      {
        *out_kind = i;
        return TRUE;
      }
  return FALSE;
}
