/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-text-markers"

#include "config.h"

#include "docket-text-import-private.h"

#include <string.h>

/* Weights: a footnote anchored counts most; among equal counts, digits glued
 * to a word ("Vietnam.2") beat digits after a space ("Johnson 1"), and those
 * at the end of a line beat those inside one. */
#define WEIGHT_GLUED       100
#define WEIGHT_GLUED_CAPS   98
#define WEIGHT_GLUED_NUM    96
#define WEIGHT_SPACED_END  100
#define WEIGHT_SPACED      100
#define WEIGHT_SPACED_NUM   95

#define MAX_CANDIDATES_PER_FOOTNOTE 256

typedef struct
{
  guint span;
  gsize start;
  gsize end;
  guint footnote;
  int   weight;
  int   score;
  int   prev;
} Candidate;

/* Words after which a number is a number, not a marker ("RG 59", "June 1"). */
static const char *number_words[] = {
  "RG", "Document", "Documents", "No", "Nos", "no", "para", "paras", "paragraph",
  "paragraphs", "Paragraph", "section", "Section", "sections", "Article",
  "article", "Articles", "articles", "chapter", "Chapter", "page", "pages",
  "Page", "p", "pp", "Tab", "Annex", "annex", "point", "Point", "points",
  "item", "Item", "items", "number", "Number", "Vol", "Volume", "volume",
  "Part", "part", "telegram", "Telegram", "tel", "Embtel", "Deptel", "memo",
  "Lot", "at", "of", "to", "and", "or", "by", "about", "some", "only", "than",
  "over", "under", "nearly", "almost", "approximately", "around", "Tosec",
  "Secto", "Phase", "phase", "Stage", "Model", "Room", "Apollo", "Gemini", "Vostok",
  "Luna", "Mariner", "Sputnik", "Circular", "circular", "Resolution",
  "resolution", "Option", "option", "Alternative", "alternative", "Step",
  "step", "Round", "round", "Route", "route", "Highway", "Category", "Class",
  "Title", "Rule", "rule", "Principle", "principle", "Amendment", "Tables",
  "Table", "table", "Figure", "Appendix", "Enclosure", "enclosure",
  "Attachment", "attachment", "Exhibit", "Sec", "Art", "Para", "Ref", "ref",
  "reftel", "Reftel", "NSAM", "NSC", "NIE", "SNIE", "FRC", "NSDM", "the", "The", "a",
  "per", "with", "from", "in", "on", "for", "Mar", "Sept",
  "January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December", "Jan", "Feb", "Apr", "Jun",
  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

/* Words before which a number is a number ("1 p.m.", "2 percent"). */
static const char *unit_words[] = {
  "p.m", "a.m", "percent", "per", "million", "billion", "thousand",
  "hundred", "years", "year", "days", "day", "months", "month", "weeks",
  "week", "hours", "hour", "minutes", "minute", "miles", "mile", "kilometers",
  "tons", "pages", "page", "lines", "line", "paragraphs", "copies", "times",
  "o'clock", "men", "divisions", "ships", "aircraft",
  "planes", "missiles", "people", "persons", "members", "votes", "seats",
  "dollars", "yen", "rubles", "points", "feet", "meters", "km", "x",
};

static gboolean
word_listed (const char  *word,
             gsize        len,
             const char **list,
             gsize        n_list)
{
  for (gsize i = 0; i < n_list; i++)
    if (strlen (list[i]) == len && strncmp (word, list[i], len) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
in_skips (const DocketTextSpan *span,
          gsize                 pos)
{
  if (span->skips == NULL)
    return FALSE;
  for (guint i = 0; i + 1 < span->skips->len; i += 2)
    if (pos >= g_array_index (span->skips, gsize, i) &&
        pos < g_array_index (span->skips, gsize, i + 1))
      return TRUE;
  return FALSE;
}

static gboolean
is_glue_punctuation (gunichar c)
{
  return c == '.' || c == ',' || c == ';' || c == ':' || c == ')' || c == ']' ||
         c == '"' || c == '\'' || c == '?' || c == '!' || c == 0x201D /* ” */ ||
         c == 0x2019 /* ’ */ || c == 0x2026 /* … */;
}

/* The word that ends at @end (exclusive), without its final period. */
static void
word_before (const char  *text,
             gsize        end,
             const char **out_word,
             gsize       *out_len)
{
  gsize start = end;

  while (start > 0 && text[start - 1] != ' ')
    start--;
  while (end > start && (text[end - 1] == '.' || text[end - 1] == ','))
    end--;
  *out_word = text + start;
  *out_len = end - start;
}

/* Is the number at [@start, @end) of @span a possible marker? Sets the bytes
 * a marker would take (with a space before it) and its weight. */
static gboolean
check_candidate (const DocketTextSpan *span,
                 gsize                 start,
                 gsize                 end,
                 gsize                *out_strip_start,
                 int                  *out_weight)
{
  const char *t = span->text;
  gsize len = span->len;
  const char *prev;
  gunichar before;

  if (start == 0)
    return FALSE;

  /* What follows: the end, a space, or punctuation that is not a decimal
   * point, a thousands comma or a range dash ("1967–69"). */
  if (end < len)
    {
      char c = t[end];

      if (g_ascii_isalnum (c) || c == '%' || c == '(' || c == '/' || c == '$')
        return FALSE;
      if ((c == '.' || c == ',' || c == ':' || c == '-') && end + 1 < len &&
          g_ascii_isdigit (t[end + 1]))
        return FALSE;
      if ((g_str_has_prefix (t + end, "–") || g_str_has_prefix (t + end, "—")) &&
          end + 3 < len && g_ascii_isdigit (t[end + 3]))
        return FALSE;
      if ((guchar) c >= 0x80 && !g_str_has_prefix (t + end, "”") &&
          !g_str_has_prefix (t + end, "’") && !g_str_has_prefix (t + end, "—") &&
          !g_str_has_prefix (t + end, "–"))
        return FALSE;
    }

  prev = g_utf8_find_prev_char (t, t + start);
  if (prev == NULL)
    return FALSE;
  before = g_utf8_get_char (prev);

  if (before == ' ')
    {
      gsize space = prev - t;
      const char *word;
      gsize word_len;
      const char *after_prev;
      gunichar c2;

      if (space == 0)
        return FALSE;
      after_prev = g_utf8_find_prev_char (t, t + space);
      c2 = g_utf8_get_char (after_prev);
      if (!(g_unichar_isalnum (c2) || is_glue_punctuation (c2)))
        return FALSE;
      /* "RG 59", "June 1", "No. 3"; but "July, 3 unfortunately" is marked. */
      word_before (t, space, &word, &word_len);
      if ((g_unichar_isalpha (c2) || c2 == '.') &&
          word_listed (word, word_len, number_words, G_N_ELEMENTS (number_words)))
        return FALSE;

      if (end < len)
        {
          gsize w = end;
          gsize wl;

          if (t[end] != ' ' && t[end] != ',' && t[end] != ';' && t[end] != '.' && t[end] != ':')
            return FALSE;
          /* "Dear Mr. Chairman: 1. Since …" numbers a paragraph. */
          if ((c2 == ':' || c2 == '.' || c2 == ';') && t[end] == '.')
            return FALSE;
          if (t[end] == ' ')
            {
              w = end + 1;
              if (w < len && (g_ascii_isdigit (t[w]) || t[w] == '('))
                return FALSE;
              for (wl = 0; w + wl < len && t[w + wl] != ' ' && t[w + wl] != ','; wl++)
                ;
              while (wl > 0 && t[w + wl - 1] == '.')
                wl--;
              if (word_listed (t + w, wl, unit_words, G_N_ELEMENTS (unit_words)))
                return FALSE;
            }
          *out_weight = WEIGHT_SPACED;
          /* "your letter of October 16 1 with": after a number, a marker
           * is less likely than a second number. */
          if (g_unichar_isdigit (c2))
            *out_weight = WEIGHT_SPACED_NUM;
        }
      else
        *out_weight = WEIGHT_SPACED_END;
      *out_strip_start = space;
      return TRUE;
    }

  if (g_unichar_isalpha (before))
    {
      /* "IL28", "FY68": capitals glued to digits are more often a name. */
      gsize w = prev - t;
      gboolean caps = TRUE;
      guint letters = 0;

      while (w > 0 && g_ascii_isalpha (t[w - 1]))
        {
          w--;
          letters++;
          if (!g_ascii_isupper (t[w]))
            caps = FALSE;
        }
      *out_weight = (caps && letters >= 1 && g_ascii_isupper (t[prev - t])) ? WEIGHT_GLUED_CAPS : WEIGHT_GLUED;
      *out_strip_start = start;
      return TRUE;
    }

  if (is_glue_punctuation (before))
    {
      *out_weight = WEIGHT_GLUED;
      /* "$6.2 million", "3,5": a decimal more likely than a marker. */
      if ((before == '.' || before == ',') && prev > t && g_ascii_isdigit (prev[-1]))
        *out_weight = WEIGHT_GLUED_NUM;
      *out_strip_start = start;
      return TRUE;
    }
  return FALSE;
}

GArray *
_docket_text_find_markers (const DocketTextSpan *spans,
                           guint                 n_spans,
                           GHashTable           *numbers)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  GArray *markers = g_array_new (FALSE, FALSE, sizeof (DocketTextMarker));
  guint n_footnotes = g_hash_table_size (numbers);
  g_autofree int *tree = NULL;
  g_autofree guint *per_footnote = NULL;
  g_autofree gboolean *found = NULL;
  int top = -1;
  int top_score = 0;

  if (n_footnotes == 0)
    return markers;
  per_footnote = g_new0 (guint, n_footnotes);

  for (guint s = 0; s < n_spans; s++)
    {
      const DocketTextSpan *span = &spans[s];

      for (gsize i = 0; i < span->len; i++)
        {
          gsize j;
          Candidate cand = { 0 };
          gpointer index;
          char digits[4];

          if (!g_ascii_isdigit (span->text[i]) || (i > 0 && g_ascii_isdigit (span->text[i - 1])))
            continue;
          for (j = i; j < span->len && g_ascii_isdigit (span->text[j]); j++)
            ;
          if (j - i > 3 || in_skips (span, i))
            {
              i = j;
              continue;
            }
          memcpy (digits, span->text + i, j - i);
          digits[j - i] = '\0';
          index = g_hash_table_lookup (numbers, digits);
          /* Past the first few, more candidates for one footnote only cost
           * memory: its marker is among its first appearances. */
          if (index == NULL || per_footnote[GPOINTER_TO_UINT (index) - 1] >= MAX_CANDIDATES_PER_FOOTNOTE ||
              !check_candidate (span, i, j, &cand.start, &cand.weight))
            {
              i = j;
              continue;
            }
          per_footnote[GPOINTER_TO_UINT (index) - 1]++;
          cand.span = s;
          cand.end = j;
          cand.footnote = GPOINTER_TO_UINT (index) - 1;
          cand.prev = -1;
          g_array_append_val (candidates, cand);
          i = j;
        }
    }

  /* The heaviest chain of candidates whose footnotes increase. A Fenwick
   * tree over the footnotes holds, for each prefix of the footnote list,
   * the best chain so far that ends on one of them; a new candidate extends
   * the best chain ending before its footnote. On a tie the chain found
   * first stays, so a marker is its footnote's first appearance. */
  tree = g_new (int, n_footnotes + 1);
  for (guint k = 0; k <= n_footnotes; k++)
    tree[k] = -1;
  found = g_new0 (gboolean, n_footnotes);

  for (guint c = 0; c < candidates->len; c++)
    {
      Candidate *cand = &g_array_index (candidates, Candidate, c);
      int prev = -1;
      int prev_score = 0;

      for (guint i = cand->footnote; i > 0; i -= i & -i)
        if (tree[i] >= 0)
          {
            const Candidate *other = &g_array_index (candidates, Candidate, tree[i]);

            if (other->score > prev_score)
              {
                prev_score = other->score;
                prev = tree[i];
              }
          }
      cand->score = prev_score + cand->weight;
      cand->prev = prev;
      for (guint i = cand->footnote + 1; i <= n_footnotes; i += i & -i)
        if (tree[i] < 0 || cand->score > g_array_index (candidates, Candidate, tree[i]).score)
          tree[i] = c;
      if (cand->score > top_score)
        {
          top_score = cand->score;
          top = c;
        }
    }

  for (int c = top; c >= 0; c = g_array_index (candidates, Candidate, c).prev)
    {
      Candidate *cand = &g_array_index (candidates, Candidate, c);
      DocketTextMarker marker = { cand->span, cand->start, cand->end, cand->footnote };

      g_array_prepend_val (markers, marker);
      found[cand->footnote] = TRUE;
      cand->weight = 0; /* taken */
    }

  /* A footnote whose marker stands out of order ("Islands8" in a subject
   * line before the text's markers 2–7) is still found when its digits are
   * glued to a word, which numbers in the text seldom are. */
  for (guint c = 0; c < candidates->len; c++)
    {
      Candidate *cand = &g_array_index (candidates, Candidate, c);
      DocketTextMarker marker = { cand->span, cand->start, cand->end, cand->footnote };
      guint at = 0;

      if (cand->weight != WEIGHT_GLUED || found[cand->footnote])
        continue;
      found[cand->footnote] = TRUE;
      while (at < markers->len)
        {
          const DocketTextMarker *other = &g_array_index (markers, DocketTextMarker, at);

          if (other->span > cand->span || (other->span == cand->span && other->start > cand->start))
            break;
          at++;
        }
      g_array_insert_val (markers, at, marker);
    }
  return markers;
}
