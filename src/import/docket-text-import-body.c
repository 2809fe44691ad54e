/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-text-import"

#include "config.h"

#include <string.h>

#include "docket-text-import-private.h"

void
_docket_text_segment_clear (Segment *segment)
{
  g_clear_pointer (&segment->skips, g_array_unref);
  g_clear_pointer (&segment->pages, g_ptr_array_unref);
  g_clear_pointer (&segment->block, docket_block_free);
}

/* "[Page 522]" at @p: returns its length and the page number, or 0. */
static gsize
page_break_at (const char  *p,
               gsize        avail,
               char       **out_page)
{
  gsize i = strlen ("[Page ");
  gsize start;

  if (avail < i + 2 || strncmp (p, "[Page ", i) != 0)
    return 0;
  start = i;
  while (i < avail && (g_ascii_isalnum (p[i])))
    i++;
  if (i == start || i >= avail || p[i] != ']')
    return 0;
  if (out_page != NULL)
    *out_page = g_strndup (p + start, i - start);
  return i + 1;
}

/* Cuts the body, lines [@first + 1, @body_end) after the heading on line
 * @first (whose number takes @prefix bytes), into @segments (Segment).
 * Returns whether a page break comes before any text. */
gboolean
_docket_text_read_segments (GArray *lines,
                            guint   first,
                            guint   body_end,
                            gsize   prefix,
                            GArray *segments)
{
  const Line *heading_line = &g_array_index (lines, Line, first);
  gboolean starts_with_break = FALSE;
  gboolean seen_text = FALSE;

  /* The segments of the body, the heading first. */
  {
    Segment segment = { 0 };

    segment.kind = SEGMENT_HEADING;
    segment.text = heading_line->start;
    segment.len = heading_line->len;
    while (segment.len > 0 && g_ascii_isspace (segment.text[segment.len - 1]))
      segment.len--;
    segment.skips = g_array_new (FALSE, FALSE, sizeof (gsize));
    g_array_append_val (segment.skips, (gsize) { 0 });
    g_array_append_val (segment.skips, prefix);
    g_array_append_val (segments, segment);
  }
  for (guint i = first + 1; i < body_end; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      Segment segment = { 0 };
      const char *text = line->start;
      gsize len = line->len;
      char *page = NULL;

      _docket_text_trim (&text, &len);
      if (len == 0)
        continue;
      segment.text = text;
      segment.len = len;
      if (page_break_at (text, len, &page) == len)
        {
          segment.kind = SEGMENT_PAGE;
          segment.pages = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (segment.pages, page);
          if (!seen_text)
            starts_with_break = TRUE;
        }
      else if (g_str_has_prefix (text, "•"))
        {
          segment.kind = SEGMENT_SUBJECT;
          segment.text = text + strlen ("•");
          segment.len = len - strlen ("•");
          _docket_text_trim (&segment.text, &segment.len);
          seen_text = TRUE;
        }
      else if (g_str_has_prefix (text, "[Source:") && text[len - 1] == ']')
        segment.kind = SEGMENT_SOURCE;
      else
        {
          g_clear_pointer (&page, g_free);
          segment.kind = SEGMENT_TEXT;
          seen_text = TRUE;
          for (gsize k = 0; k < len; k++)
            {
              gsize page_len;

              if (text[k] != '[' || (page_len = page_break_at (text + k, len - k, &page)) == 0)
                continue;
              if (segment.skips == NULL)
                {
                  segment.skips = g_array_new (FALSE, FALSE, sizeof (gsize));
                  segment.pages = g_ptr_array_new_with_free_func (g_free);
                }
              {
                gsize start = k;
                gsize stop = k + page_len;

                /* The page break takes one of the spaces around it. */
                if (start > 0 && text[start - 1] == ' ')
                  start--;
                else if (stop < len && text[stop] == ' ')
                  stop++;
                g_array_append_val (segment.skips, start);
                g_array_append_val (segment.skips, stop);
              }
              g_ptr_array_add (segment.pages, page);
              page = NULL;
              k += page_len - 1;
            }
        }
      g_array_append_val (segments, segment);
    }

  return starts_with_break;
}

static int
compare_removals (gconstpointer a,
                  gconstpointer b)
{
  const Removal *ra = a;
  const Removal *rb = b;

  return (ra->start > rb->start) - (ra->start < rb->start);
}

/* Builds the block text of a span: the markers and inline page breaks are
 * taken out of the text and become anchors where they stood. */
DocketBlock *
_docket_text_build_block (DocketBlockKind  kind,
                          const char      *text,
                          gsize            len,
                          GArray          *removals)
{
  g_autoptr(GString) out = g_string_sized_new (len);
  g_autoptr(GArray) anchors = g_array_new (FALSE, FALSE, sizeof (Removal));
  DocketBlock *block;
  gsize pos = 0;

  g_array_sort (removals, compare_removals);
  for (guint i = 0; i < removals->len; i++)
    {
      Removal r = g_array_index (removals, Removal, i);

      if (r.start < pos)
        r.start = pos;
      g_string_append_len (out, text + pos, r.start - pos);
      pos = MAX (pos, r.end);
      r.start = out->len;
      g_array_append_val (anchors, r);
    }
  g_string_append_len (out, text + pos, len - pos);
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);

  block = docket_block_new (kind, out->str);
  for (guint i = 0; i < anchors->len; i++)
    {
      const Removal *r = &g_array_index (anchors, Removal, i);
      docket_block_add_anchor (block, r->kind, MIN (r->start, out->len), r->ref);
    }
  return block;
}
