/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-text-import"

#include "config.h"

#include "docket-text-import.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "docket-date-parse.h"
#include "docket-heading-parse.h"
#include "docket-import.h"
#include "docket-source-note.h"
#include "docket-text-import-private.h"

typedef struct
{
  const char *start;
  gsize       len;
  guint       number;  /* 1-based line number in the file */
} Line;

typedef enum
{
  SEGMENT_HEADING,
  SEGMENT_SUBJECT,
  SEGMENT_PAGE,
  SEGMENT_SOURCE,
  SEGMENT_TEXT,
} SegmentKind;

typedef struct
{
  SegmentKind  kind;
  const char  *text;
  gsize        len;
  GArray      *skips;  /* start, end pairs of inline "[Page N]" */
  GPtrArray   *pages;  /* their page numbers, one per pair */
  DocketBlock *block;  /* the block made of it */
} Segment;

typedef struct
{
  char  *n;
  char  *text;
  guint  line;
} RawFootnote;

static void
segment_clear (Segment *segment)
{
  g_clear_pointer (&segment->skips, g_array_unref);
  g_clear_pointer (&segment->pages, g_ptr_array_unref);
  g_clear_pointer (&segment->block, docket_block_free);
}

static void
raw_footnote_clear (RawFootnote *footnote)
{
  g_free (footnote->n);
  g_free (footnote->text);
}

static GArray *
split_lines (const char *text,
             gsize       length)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  const char *p = text;
  const char *end = text + length;
  guint number = 1;

  /* A byte order mark is not text. */
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      Line line;

      if (nl == NULL)
        nl = end;
      line.start = p;
      line.len = nl - p;
      if (line.len > 0 && p[line.len - 1] == '\r')
        line.len--;
      line.number = number++;
      g_array_append_val (lines, line);
      p = nl + 1;
    }
  return lines;
}

static gboolean
line_is_blank (const Line *line)
{
  for (gsize i = 0; i < line->len; i++)
    if (!g_ascii_isspace (line->start[i]))
      return FALSE;
  return TRUE;
}

/* "206. Memorandum …": returns the length of "206. ", or 0. */
static gsize
heading_prefix (const Line *line)
{
  gsize i = 0;

  while (i < line->len && g_ascii_isdigit (line->start[i]))
    i++;
  if (i == 0 || i > 5 || i + 2 >= line->len ||
      line->start[i] != '.' || line->start[i + 1] != ' ')
    return 0;
  if (!g_ascii_isupper (line->start[i + 2]))
    return 0;
  return i + 2;
}

/* "  2. This meeting …": the footnote's number and text. */
static gboolean
footnote_line (const Line  *line,
               const char **out_n,
               gsize       *out_n_len,
               const char **out_text)
{
  gsize i = 0;
  gsize digits;

  while (i < line->len && line->start[i] == ' ')
    i++;
  if (i == 0 || i > 4)
    return FALSE;
  digits = i;
  while (i < line->len && g_ascii_isdigit (line->start[i]))
    i++;
  if (i == digits || i - digits > 3 || i + 1 >= line->len ||
      line->start[i] != '.' || line->start[i + 1] != ' ')
    return FALSE;
  if (out_n != NULL)
    {
      *out_n = line->start + digits;
      *out_n_len = i - digits;
      *out_text = line->start + i + 2;
    }
  return TRUE;
}

static gboolean
heading_is_frus (const char *heading)
{
  g_autoptr(DocketHeadingParse) parse = docket_heading_parse (heading);

  return parse->type != NULL || strstr (heading, " From ") != NULL ||
         strstr (heading, " Between ") != NULL;
}

/* Does the heading-like line @i start another document? After footnotes
 * it does; otherwise only when it looks like a heading and stands alone as
 * headings do (a blank line before, two after). */
static gboolean
starts_document (GArray   *lines,
                 guint     i,
                 gboolean  after_footnotes)
{
  const Line *line = &g_array_index (lines, Line, i);
  gsize prefix = heading_prefix (line);
  g_autofree char *heading = NULL;

  if (prefix == 0)
    return FALSE;
  if (i > 0 && !line_is_blank (&g_array_index (lines, Line, i - 1)) && !after_footnotes)
    return FALSE;
  heading = g_strndup (line->start + prefix, line->len - prefix);
  g_strchomp (heading);
  if (after_footnotes)
    return TRUE;
  if (g_str_has_suffix (heading, ".") || !heading_is_frus (heading))
    return FALSE;
  for (guint k = i + 1; k < i + 3 && k < lines->len; k++)
    if (!line_is_blank (&g_array_index (lines, Line, k)))
      return FALSE;
  return TRUE;
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

static void
trim (const char **text,
      gsize       *len)
{
  while (*len > 0 && g_ascii_isspace ((*text)[0]))
    {
      (*text)++;
      (*len)--;
    }
  while (*len > 0 && g_ascii_isspace ((*text)[*len - 1]))
    (*len)--;
}

typedef struct
{
  gsize             start;
  gsize             end;
  DocketAnchorKind  kind;
  const char       *ref;
} Removal;

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
static DocketBlock *
build_block (DocketBlockKind  kind,
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

static gboolean
is_salutation (const char *text)
{
  gsize len = strlen (text);

  if (len == 0 || len > 60 || (text[len - 1] != ':' && text[len - 1] != ','))
    return FALSE;
  return g_str_has_prefix (text, "Dear ") || g_str_has_prefix (text, "My dear ") ||
         g_str_has_prefix (text, "Mr. ") || g_str_has_prefix (text, "Madam") ||
         g_str_has_prefix (text, "Sir") || g_str_has_prefix (text, "Esteemed ") ||
         g_str_has_prefix (text, "Excellency") || g_str_has_prefix (text, "Your Excellency");
}

static gboolean
is_closing (const char *text)
{
  static const char *closings[] = {
    "Sincerely", "Respectfully", "Faithfully", "Cordially", "Yours",
    "Very truly", "Very sincerely", "Very respectfully", "With best",
    "With warm", "With kind", "With all good", "With respect", "With regards",
    "Best regards", "Best wishes", "Warm regards", "Warmest regards",
    "Kind regards", "Regards", "Faithfully yours", "Ever yours",
  };
  gsize len = strlen (text);

  if (len == 0 || len > 48 || text[len - 1] != ',')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (closings); i++)
    if (g_str_has_prefix (text, closings[i]))
      return TRUE;
  return FALSE;
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (; *text != '\0'; text++)
    {
      if (*text == ' ')
        in_word = FALSE;
      else if (!in_word)
        {
          in_word = TRUE;
          n++;
        }
    }
  return n;
}

static gboolean
is_section (const char *text)
{
  gsize len = strlen (text);
  gboolean has_letter = FALSE;

  if (len == 0 || len > 80)
    return FALSE;
  if (text[len - 1] == ':' && count_words (text) <= 8 && g_ascii_isupper (text[0]))
    return TRUE;
  /* "THE PROBLEM", "MAIN TRENDS IN JAPAN'S EXTERNAL RELATIONS" */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_islower (*p))
        return FALSE;
      if (g_ascii_isupper (*p))
        has_letter = TRUE;
    }
  return has_letter && count_words (text) >= 2 && text[len - 1] != '.';
}

static gboolean
looks_like_signature (const char *text)
{
  gsize len = strlen (text);
  char last;

  if (len == 0 || len > 64 || !g_ascii_isupper (text[0]))
    return FALSE;
  if (count_words (text) > 8)
    return FALSE;
  last = text[len - 1];
  if (last == ':' || last == ';' || last == ',' || last == ']' || last == '?' || last == '!')
    return FALSE;
  if (last == '.')
    {
      /* Initials ("L.B.J.") sign; a sentence does not. */
      for (const char *p = text; *p != '\0'; p++)
        if (g_ascii_islower (*p))
          return FALSE;
    }
  return TRUE;
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

static DocketRecord *
parse_document (GArray     *lines,
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
  g_autoptr(DocketSourceNote) footnote_source = NULL;
  g_autofree char *number = NULL;
  g_autofree char *heading = NULL;
  const Line *heading_line = &g_array_index (lines, Line, first);
  gsize prefix = heading_prefix (heading_line);
  guint body_end = end;
  gboolean seen_paragraph = FALSE;
  gboolean have_dateline = FALSE;
  gboolean starts_with_break = FALSE;
  gboolean seen_text = FALSE;
  const char *subject = NULL;
  int last_text = -1;
  guint next_marker = 0;

  g_array_set_clear_func (segments, (GDestroyNotify) segment_clear);
  g_array_set_clear_func (footnotes, (GDestroyNotify) raw_footnote_clear);

  number = g_strndup (heading_line->start, prefix - 2);

  /* The footnotes: the indented numbered lines at the end. */
  for (guint i = end; i > first + 1; i--)
    {
      const Line *line = &g_array_index (lines, Line, i - 1);

      if (line_is_blank (line))
        continue;
      if (footnote_line (line, NULL, NULL, NULL))
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

      if (footnote_line (line, &n, &n_len, &text))
        {
          RawFootnote raw = { 0 };
          gsize text_len = line->len - (text - line->start);

          trim (&text, &text_len);
          raw.n = g_strndup (n, n_len);
          raw.text = g_strndup (text, text_len);
          raw.line = line->number;
          g_array_append_val (footnotes, raw);
          if (!g_hash_table_contains (numbers, raw.n))
            g_hash_table_insert (numbers, raw.n, GUINT_TO_POINTER (footnotes->len));
        }
      else if (!line_is_blank (line) && footnotes->len > 0)
        {
          RawFootnote *raw = &g_array_index (footnotes, RawFootnote, footnotes->len - 1);
          const char *text = line->start;
          gsize text_len = line->len;
          char *joined;

          trim (&text, &text_len);
          joined = g_strdup_printf ("%s %.*s", raw->text, (int) text_len, text);
          g_free (raw->text);
          raw->text = joined;
        }
    }

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

      trim (&text, &len);
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
          trim (&segment.text, &segment.len);
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
      segment->block = build_block (kind, segment->text, segment->len, removals);

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
        else if (is_salutation (text))
          segment->block->kind = DOCKET_BLOCK_SALUTATION;
        else if (is_closing (text))
          segment->block->kind = DOCKET_BLOCK_CLOSING;
        else if (is_section (text))
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
              !looks_like_signature (block->text))
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

  return g_steal_pointer (&record);
}

GPtrArray *
docket_text_import_parse (const char  *display_name,
                          const char  *text,
                          gsize        length,
                          GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GArray) lines = NULL;
  const char *invalid = NULL;
  guint i = 0;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > 0 && !g_utf8_validate (text, length, &invalid))
    {
      guint line = 1;

      for (const char *p = text; p < invalid; p++)
        if (*p == '\n')
          line++;
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_ENCODING,
                   _("%s:%u: the text is not UTF-8; convert it to UTF-8 and import it again"),
                   display_name, line);
      return NULL;
    }

  lines = split_lines (text, length);
  while (i < lines->len && line_is_blank (&g_array_index (lines, Line, i)))
    i++;
  if (i == lines->len)
    {
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_EMPTY,
                   _("%s:1: the file is empty"), display_name);
      return NULL;
    }

  {
    const Line *line = &g_array_index (lines, Line, i);
    gsize prefix = heading_prefix (line);
    g_autofree char *heading = NULL;

    if (prefix == 0)
      {
        g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_NOT_RECOGNIZED,
                     _("%s:%u: not a FRUS document: the text does not open with a numbered heading such as “206. Memorandum From …”"),
                     display_name, line->number);
        return NULL;
      }
    heading = g_strndup (line->start + prefix, MIN (line->len - prefix, 1024));
    if (line->len > 4096 || !heading_is_frus (heading))
      {
        g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_NOT_RECOGNIZED,
                     _("%s:%u: not a FRUS document: the heading names no document type (memorandum, telegram, letter, …)"),
                     display_name, line->number);
        return NULL;
      }
  }

  records = g_ptr_array_new_with_free_func (g_object_unref);
  while (i < lines->len)
    {
      guint start = i;
      gboolean after_footnotes = FALSE;

      for (i = start + 1; i < lines->len; i++)
        {
          const Line *line = &g_array_index (lines, Line, i);

          if (line_is_blank (line))
            continue;
          if (footnote_line (line, NULL, NULL, NULL))
            after_footnotes = TRUE;
          else if (starts_document (lines, i, after_footnotes))
            break;
          else if (line->start[0] != ' ')
            after_footnotes = FALSE;
        }
      g_ptr_array_add (records, parse_document (lines, start, i));
    }

  return g_steal_pointer (&records);
}
