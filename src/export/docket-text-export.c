/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-text-export"

#include "config.h"

#include "docket-text-export.h"

#include <string.h>

/* The printed number of the footnote an anchor refers to. */
static const char *
footnote_number (DocketRecord *record,
                 const char   *id)
{
  DocketFootnote *footnote = id != NULL ? docket_record_find_footnote (record, id) : NULL;

  return footnote != NULL ? footnote->n : NULL;
}

/* Appends a block's text with its markers put back: glued to the word
 * before them ("Vietnam.2"), or after a space at the end of a heading or
 * signature ("Johnson 1"), as the web edition prints them. */
static void
append_block_text (GString           *out,
                   DocketRecord      *record,
                   const DocketBlock *block,
                   gboolean           spaced_at_end)
{
  const char *text = block->text != NULL ? block->text : "";
  gsize len = strlen (text);
  gsize pos = 0;

  for (guint i = 0; i < block->anchors->len; i++)
    {
      const DocketAnchor *anchor = g_ptr_array_index (block->anchors, i);
      gsize offset = MIN (anchor->offset, len);

      if (offset > pos)
        {
          g_string_append_len (out, text + pos, offset - pos);
          pos = offset;
        }
      if (anchor->kind == DOCKET_ANCHOR_FOOTNOTE)
        {
          const char *n = footnote_number (record, anchor->ref);

          if (n == NULL)
            continue;
          if (spaced_at_end && offset == len)
            g_string_append_c (out, ' ');
          g_string_append (out, n);
        }
      else if (anchor->kind == DOCKET_ANCHOR_PAGE_BREAK)
        g_string_append_printf (out, " [Page %s]", anchor->ref != NULL ? anchor->ref : "");
      /* A term mention is part of the text already: nothing to print. */
    }
  g_string_append (out, text + pos);
}

/* The subject lines ("  • …"), the last followed by two blank lines. */
static void
append_subject_lines (GString      *out,
                      DocketRecord *record,
                      GPtrArray    *body)
{
  gboolean any = FALSE;

  for (guint i = 0; i < body->len; i++)
    {
      const DocketBlock *block = g_ptr_array_index (body, i);

      if (block->kind != DOCKET_BLOCK_SUBJECT)
        continue;
      g_string_append (out, "  • ");
      append_block_text (out, record, block, FALSE);
      g_string_append_c (out, '\n');
      any = TRUE;
    }
  if (any)
    g_string_append (out, "\n\n");
}

char *
docket_text_export_record (DocketRecord *record)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GPtrArray *body;
  GPtrArray *footnotes;
  gboolean have_heading = FALSE;

  g_return_val_if_fail (DOCKET_IS_RECORD (record), NULL);

  body = docket_record_get_body (record);
  footnotes = docket_record_get_footnotes (record);

  for (guint i = 0; i < body->len; i++)
    if (((DocketBlock *) g_ptr_array_index (body, i))->kind == DOCKET_BLOCK_HEADING)
      have_heading = TRUE;

  /* A record typed by hand may have no heading block. */
  if (!have_heading)
    {
      const char *number = docket_record_get (record, DOCKET_FIELD_NUMBER);
      const char *heading = docket_record_get (record, DOCKET_FIELD_HEADING);

      if (number != NULL)
        g_string_append_printf (out, "%s. ", number);
      g_string_append (out, heading != NULL ? heading : "");
      g_string_append (out, "\n\n\n");
      if (docket_record_get (record, DOCKET_FIELD_SUBJECT) != NULL)
        g_string_append_printf (out, "  • %s\n\n\n", docket_record_get (record, DOCKET_FIELD_SUBJECT));
    }

  for (guint i = 0; i < body->len; i++)
    {
      const DocketBlock *block = g_ptr_array_index (body, i);

      switch (block->kind)
        {
        case DOCKET_BLOCK_HEADING:
          append_block_text (out, record, block, TRUE);
          g_string_append (out, "\n\n\n");
          append_subject_lines (out, record, body);
          break;

        case DOCKET_BLOCK_SUBJECT:
          /* Printed under the heading, as the web edition does, wherever
           * the source put the subject list. */
          break;

        case DOCKET_BLOCK_PAGE_BREAK:
          g_string_append_printf (out, "[Page %s]\n\n", block->text != NULL ? block->text : "");
          break;

        case DOCKET_BLOCK_SIGNATURE:
          append_block_text (out, record, block, TRUE);
          g_string_append (out, "\n\n");
          break;

        case DOCKET_BLOCK_DATELINE:
        case DOCKET_BLOCK_SALUTATION:
        case DOCKET_BLOCK_PARAGRAPH:
        case DOCKET_BLOCK_SECTION:
        case DOCKET_BLOCK_CLOSING:
        case DOCKET_BLOCK_QUOTE:
        case DOCKET_BLOCK_LIST_ITEM:
        case DOCKET_BLOCK_SOURCE:
        default:
          append_block_text (out, record, block, FALSE);
          g_string_append (out, "\n\n");
          break;
        }
    }

  for (guint i = 0; i < footnotes->len; i++)
    {
      const DocketFootnote *footnote = g_ptr_array_index (footnotes, i);

      g_string_append_printf (out, "  %s. %s\n", footnote->n != NULL ? footnote->n : "",
                              footnote->text != NULL ? footnote->text : "");
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
