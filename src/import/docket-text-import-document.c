/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-text-import"

#include "config.h"

#include <string.h>

#include "docket-date-parse.h"
#include "docket-heading-parse.h"
#include "docket-text-import-private.h"

static char *
compute_pages (GPtrArray *pages,
               gboolean   starts_with_break)
{
  const char *first;
  const char *last;
  char *end = NULL;
  gint64 first_n;

  if (pages->len == 0)
    return NULL;
  first = g_ptr_array_index (pages, 0);
  last = g_ptr_array_index (pages, pages->len - 1);
  first_n = g_ascii_strtoll (first, &end, 10);
  /* The document begins on the page before its first break, unless the
   * break stands before its text. */
  if (!starts_with_break && end != NULL && *end == '\0' && first_n > 1)
    {
      g_autofree char *before = g_strdup_printf ("%" G_GINT64_FORMAT, first_n - 1);
      return g_strdup_printf ("%s–%s", before, last);
    }
  if (strcmp (first, last) == 0)
    return g_strdup (first);
  return g_strdup_printf ("%s–%s", first, last);
}

DocketRecord *
_docket_text_parse_document (GArray     *lines,
                             guint       first,
                             guint       end)
{
  g_autoptr(DocketRecord) record = docket_record_new ();
  g_autoptr(GArray) segments = g_array_new (FALSE, TRUE, sizeof (Segment));
  g_autoptr(GArray) footnotes = g_array_new (FALSE, TRUE, sizeof (RawFootnote));
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) spans = g_array_new (FALSE, TRUE, sizeof (DocketTextSpan));
  g_autoptr(GArray) span_segment = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) markers = NULL;
  g_autoptr(GPtrArray) all_pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) footnote_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(DocketHeadingParse) heading_parse = NULL;
  g_autoptr(DocketSourceNote) source = NULL;
  g_autofree char *number = NULL;
  g_autofree char *heading = NULL;
  const Line *heading_line = &g_array_index (lines, Line, first);
  gsize prefix = _docket_text_heading_prefix (heading_line);
  guint body_end;
  gboolean seen_paragraph = FALSE;
  gboolean have_dateline = FALSE;
  gboolean starts_with_break;
  const char *subject = NULL;
  int last_text = -1;
  guint next_marker = 0;

  g_array_set_clear_func (segments, (GDestroyNotify) _docket_text_segment_clear);
  g_array_set_clear_func (footnotes, (GDestroyNotify) _docket_text_raw_footnote_clear);

  number = g_strndup (heading_line->start, prefix - 2);

  body_end = _docket_text_read_footnotes (lines, first, end, footnotes, numbers);
  starts_with_break = _docket_text_read_segments (lines, first, body_end, prefix, segments);

  /* The footnote markers, across the heading, subjects and paragraphs. */
  for (guint s = 0; s < segments->len; s++)
    {
      Segment *segment = &g_array_index (segments, Segment, s);
      DocketTextSpan span = { segment->text, segment->len, segment->skips };

      if (segment->kind == SEGMENT_PAGE || segment->kind == SEGMENT_SOURCE)
        continue;
      g_array_append_val (spans, span);
      g_array_append_val (span_segment, s);
    }
  markers = _docket_text_find_markers ((DocketTextSpan *) (gpointer) spans->data, spans->len, numbers);

  for (guint f = 0; f < footnotes->len; f++)
    g_ptr_array_add (footnote_ids, g_strdup_printf ("d%sfn%s", number,
                                                    g_array_index (footnotes, RawFootnote, f).n));

  /* The blocks. */
  for (guint s = 0, span = 0; s < segments->len; s++)
    {
      Segment *segment = &g_array_index (segments, Segment, s);
      g_autoptr(GArray) removals = g_array_new (FALSE, FALSE, sizeof (Removal));
      DocketBlockKind kind = DOCKET_BLOCK_PARAGRAPH;

      if (segment->kind == SEGMENT_PAGE)
        {
          const char *page = g_ptr_array_index (segment->pages, 0);

          segment->block = docket_block_new (DOCKET_BLOCK_PAGE_BREAK, page);
          g_ptr_array_add (all_pages, g_strdup (page));
          continue;
        }
      if (segment->kind == SEGMENT_SOURCE)
        {
          g_autofree char *text = g_strndup (segment->text, segment->len);

          segment->block = docket_block_new (DOCKET_BLOCK_SOURCE, text);
          continue;
        }

      /* The markers come in reading order, span by span. */
      for (; next_marker < markers->len; next_marker++)
        {
          const DocketTextMarker *marker = &g_array_index (markers, DocketTextMarker, next_marker);
          Removal r;

          if (g_array_index (span_segment, guint, marker->span) != s)
            break;
          r.start = marker->start;
          r.end = marker->end;
          r.kind = DOCKET_ANCHOR_FOOTNOTE;
          r.ref = g_ptr_array_index (footnote_ids, marker->footnote);
          g_array_append_val (removals, r);
        }
      if (segment->kind == SEGMENT_TEXT && segment->skips != NULL)
        for (guint k = 0; k + 1 < segment->skips->len; k += 2)
          {
            Removal r;

            r.start = g_array_index (segment->skips, gsize, k);
            r.end = g_array_index (segment->skips, gsize, k + 1);
            r.kind = DOCKET_ANCHOR_PAGE_BREAK;
            r.ref = g_ptr_array_index (segment->pages, k / 2);
            g_array_append_val (removals, r);
            g_ptr_array_add (all_pages, g_strdup (r.ref));
          }
      span++;

      if (segment->kind == SEGMENT_HEADING)
        kind = DOCKET_BLOCK_HEADING;
      else if (segment->kind == SEGMENT_SUBJECT)
        kind = DOCKET_BLOCK_SUBJECT;
      segment->block = _docket_text_build_block (kind, segment->text, segment->len, removals);

      if (segment->kind == SEGMENT_HEADING)
        {
          heading = g_strdup (segment->block->text + prefix);
          continue;
        }
      if (segment->kind == SEGMENT_SUBJECT)
        {
          if (subject == NULL)
            subject = segment->block->text;
          continue;
        }

      /* What kind of text block is it? */
      {
        const char *text = segment->block->text;
        g_autofree char *place = NULL;
        g_autoptr(DocketDateParse) date = NULL;

        if (!seen_paragraph && !have_dateline &&
            (date = docket_date_parse_dateline (text, &place)) != NULL)
          {
            segment->block->kind = DOCKET_BLOCK_DATELINE;
            docket_date_parse_apply (date, record);
            docket_record_set (record, DOCKET_FIELD_PLACE, place);
            have_dateline = TRUE;
          }
        else if (_docket_text_is_salutation (text))
          segment->block->kind = DOCKET_BLOCK_SALUTATION;
        else if (_docket_text_is_closing (text))
          segment->block->kind = DOCKET_BLOCK_CLOSING;
        else if (_docket_text_is_section (text))
          segment->block->kind = DOCKET_BLOCK_SECTION;
        else
          seen_paragraph = TRUE;
        last_text = s;
      }
    }

  heading_parse = docket_heading_parse (heading);

  /* The signature: the short lines that end the body after the text, or
   * that follow the closing. Editorial notes are not signed. */
  if (last_text >= 0 && g_strcmp0 (heading_parse->type, "editorial note") != 0)
    {
      guint n_signed = 0;

      for (int s = last_text; s > 0 && n_signed < 3; s--)
        {
          Segment *segment = &g_array_index (segments, Segment, s);
          DocketBlock *block = segment->block;

          if (segment->kind == SEGMENT_PAGE)
            continue;
          if (segment->kind != SEGMENT_TEXT ||
              (block->kind != DOCKET_BLOCK_PARAGRAPH && block->kind != DOCKET_BLOCK_SECTION) ||
              !_docket_text_looks_like_signature (block->text))
            break;
          /* Something must come before a signature. */
          if (s <= 1)
            break;
          block->kind = DOCKET_BLOCK_SIGNATURE;
          n_signed++;
        }
    }

  /* Fields. */
  docket_record_set (record, DOCKET_FIELD_NUMBER, number);
  docket_record_set (record, DOCKET_FIELD_HEADING, heading);
  docket_record_set (record, DOCKET_FIELD_SUBJECT, subject);
  docket_record_set (record, DOCKET_FIELD_LANGUAGE, "eng");
  docket_heading_parse_apply (heading_parse, record);
  {
    g_autofree char *pages = compute_pages (all_pages, starts_with_break);
    docket_record_set (record, DOCKET_FIELD_PAGES, pages);
  }

  for (guint s = 0; s < segments->len; s++)
    {
      Segment *segment = &g_array_index (segments, Segment, s);

      if (segment->kind == SEGMENT_SOURCE && source == NULL)
        {
          g_autofree char *inner = g_strndup (segment->text + 1, segment->len - 2);
          source = docket_source_note_parse (inner);
        }
      docket_record_add_block (record, g_steal_pointer (&segment->block));
    }

  _docket_text_add_footnotes (record, footnotes, footnote_ids, source);

  return g_steal_pointer (&record);
}
