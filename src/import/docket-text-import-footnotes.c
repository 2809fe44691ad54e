/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-text-import"

#include "config.h"

#include <string.h>

#include "docket-text-import-private.h"

void
_docket_text_raw_footnote_clear (RawFootnote *footnote)
{
  g_free (footnote->n);
  g_free (footnote->text);
}

/* Reads the footnotes of the document on lines [@first, @end) into
 * @footnotes (RawFootnote), and maps each printed number in @numbers to its
 * index + 1. Returns the line where the footnotes begin, @end without any. */
guint
_docket_text_read_footnotes (GArray     *lines,
                             guint       first,
                             guint       end,
                             GArray     *footnotes,
                             GHashTable *numbers)
{
  guint body_end = end;

  /* The footnotes: the indented numbered lines at the end. */
  for (guint i = end; i > first + 1; i--)
    {
      const Line *line = &g_array_index (lines, Line, i - 1);

      if (_docket_text_line_is_blank (line))
        continue;
      if (_docket_text_footnote_line (line, NULL, NULL, NULL))
        body_end = i - 1;
      else if (line->len > 0 && line->start[0] == ' ')
        continue; /* a footnote's continuation line */
      else
        break;
    }
  for (guint i = body_end; i < end; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      const char *n;
      const char *text;
      gsize n_len;

      if (_docket_text_footnote_line (line, &n, &n_len, &text))
        {
          RawFootnote raw = { 0 };
          gsize text_len = line->len - (text - line->start);

          _docket_text_trim (&text, &text_len);
          raw.n = g_strndup (n, n_len);
          raw.text = g_strndup (text, text_len);
          raw.line = line->number;
          g_array_append_val (footnotes, raw);
          if (!g_hash_table_contains (numbers, raw.n))
            g_hash_table_insert (numbers, raw.n, GUINT_TO_POINTER (footnotes->len));
        }
      else if (!_docket_text_line_is_blank (line) && footnotes->len > 0)
        {
          RawFootnote *raw = &g_array_index (footnotes, RawFootnote, footnotes->len - 1);
          const char *text = line->start;
          gsize text_len = line->len;
          char *joined;

          _docket_text_trim (&text, &text_len);
          joined = g_strdup_printf ("%s %.*s", raw->text, (int) text_len, text);
          g_free (raw->text);
          raw->text = joined;
        }
    }
  return body_end;
}

static DocketFootnoteKind
footnote_kind (const char *text)
{
  if (g_str_has_prefix (text, "Source:") || g_str_has_prefix (text, "Source,") ||
      g_str_has_prefix (text, "Sources:"))
    return DOCKET_FOOTNOTE_SOURCE;
  if (g_str_has_prefix (text, "Printed from"))
    return DOCKET_FOOTNOTE_PRINTING;
  return DOCKET_FOOTNOTE_EDITORIAL;
}

/* "see Document 7", "Documents 12 and 14": links to other records, with the
 * target left for the caller to qualify with the volume. */
static void
add_document_links (DocketFootnote *footnote)
{
  const char *text = footnote->text;
  const char *p = text;

  while ((p = strstr (p, "Document")) != NULL)
    {
      const char *q = p + strlen ("Document");
      gboolean plural = (*q == 's');

      if (plural)
        q++;
      if ((p > text && g_ascii_isalpha (p[-1])) || *q != ' ')
        {
          p = q;
          continue;
        }
      q++;
      while (g_ascii_isdigit (*q))
        {
          const char *start = q;
          g_autofree char *number = NULL;
          g_autofree char *target = NULL;
          DocketFootnoteLink *link;

          while (g_ascii_isdigit (*q))
            q++;
          if (g_ascii_isalpha (*q))
            break;
          number = g_strndup (start, q - start);
          target = g_strdup_printf ("d%s", number);
          link = docket_footnote_link_new (DOCKET_LINK_RECORD, target);
          link->description = g_strdup_printf ("Document %s", number);
          link->span_start = (int) g_utf8_pointer_to_offset (text, p);
          link->span_end = (int) g_utf8_pointer_to_offset (text, q);
          docket_footnote_add_link (footnote, link);
          if (!plural)
            break;
          /* "Documents 12, 14, and 16" */
          if (g_str_has_prefix (q, ", and "))
            q += 6;
          else if (g_str_has_prefix (q, " and "))
            q += 5;
          else if (g_str_has_prefix (q, ", "))
            q += 2;
          else if (g_str_has_prefix (q, "–"))
            q += strlen ("–");
          else
            break;
        }
      p = q;
    }
}

/* Adds @footnotes to @record with the links their text makes, and applies
 * the source note: a source footnote's, or else @source (from a
 * "[Source: …]" line, or %NULL). */
void
_docket_text_add_footnotes (DocketRecord     *record,
                            GArray           *footnotes,
                            GPtrArray        *footnote_ids,
                            DocketSourceNote *source)
{
  g_autoptr(DocketSourceNote) footnote_source = NULL;

  for (guint f = 0; f < footnotes->len; f++)
    {
      const RawFootnote *raw = &g_array_index (footnotes, RawFootnote, f);
      DocketFootnoteKind kind = footnote_kind (raw->text);
      DocketFootnote *footnote = docket_footnote_new (g_ptr_array_index (footnote_ids, f),
                                                      raw->n, kind, raw->text);

      if (kind == DOCKET_FOOTNOTE_SOURCE)
        {
          g_autoptr(DocketSourceNote) note = docket_source_note_parse (raw->text);

          for (guint l = 0; l < note->citations->len; l++)
            docket_footnote_add_link (footnote, docket_footnote_link_copy (g_ptr_array_index (note->citations, l)));
          /* A source footnote wins over a "[Source: …]" line. */
          if (footnote_source == NULL)
            footnote_source = g_steal_pointer (&note);
        }
      else if (kind == DOCKET_FOOTNOTE_PRINTING)
        {
          if (docket_record_get (record, DOCKET_FIELD_PRINTING_NOTE) == NULL)
            docket_record_set (record, DOCKET_FIELD_PRINTING_NOTE, raw->text);
        }
      else
        {
          g_autoptr(GPtrArray) links = docket_source_note_parse_citations (raw->text);

          for (guint l = 0; l < links->len; l++)
            docket_footnote_add_link (footnote, docket_footnote_link_copy (g_ptr_array_index (links, l)));
          add_document_links (footnote);
        }
      docket_record_add_footnote (record, footnote);
    }

  if (footnote_source != NULL)
    docket_source_note_apply (footnote_source, record);
  else if (source != NULL)
    docket_source_note_apply (source, record);
}
