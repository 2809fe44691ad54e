/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-source-note"

#include "config.h"

#include "docket-source-note.h"

#include <string.h>

/* Repositories that FRUS cites, longest form first where one name begins
 * another ("Library of Congress, Manuscript Division"). A name not in the
 * list is still taken when it ends like a repository ("… Library"). */
static const char *known_repositories[] = {
  "National Archives and Records Administration",
  "Library of Congress, Manuscript Division",
  "Library of Congress",
  "Washington National Records Center",
  "Central Intelligence Agency",
  "Department of State",
  "Department of Defense",
  "Department of the Army",
  "Department of the Navy",
  "Department of the Treasury",
  "National Security Council",
  "Joint Chiefs of Staff",
  "Federal Records Center",
  "Naval Historical Center",
  "National Archives",
  "Lyndon B. Johnson Library",
  "John F. Kennedy Library",
  "Dwight D. Eisenhower Library",
  "Harry S. Truman Library",
  "Johnson Library",
  "Kennedy Library",
  "Eisenhower Library",
  "Truman Library",
  "Roosevelt Library",
  "Hoover Library",
  "Hoover Institution",
  "Nixon Presidential Materials",
  "Ford Library",
  "Carter Library",
  "Reagan Library",
  "Seeley G. Mudd Manuscript Library",
  "Princeton University Library",
  "Yale University Library",
  "Columbia University",
  "Harvard University",
};

static const char *repository_suffixes[] = {
  " Library", " Archives", " Records Center", " Institution", " Manuscript Division",
};

static const char *levels[] = {
  "Top Secret", "Secret", "Confidential", "Limited Official Use",
  "Official Use Only", "Unclassified", "Restricted",
};

/* Words that open a handling caveat; any further caveat in the same
 * marking ("Secret; Ban—Eyes Only") is accepted when it is short. */
static const char *caveat_starts[] = {
  "Nodis", "Exdis", "Limdis", "Eyes Only", "Priority", "Immediate", "Flash",
  "Niact", "Operational Immediate", "Routine", "Official–Informal",
  "Official-Informal", "Official—Informal", "Roger Channel", "Noforn",
  "No Foreign Dissem", "Sensitive", "Personal", "Literally Eyes Only",
  "Exclusive Distribution", "Limit Distribution", "Limited Distribution",
  "No Distribution", "Controlled Dissem", "Verbatim Text", "Need to Know",
  "Specat", "Elite", "Cherokee", "Secto", "Tosec", "Ban",
};

/* Abbreviations whose period does not end a sentence. */
static const char *abbreviations[] = {
  "Vol", "Vols", "No", "Nos", "p", "pp", "ed", "eds", "Jr", "Sr", "St", "Mr",
  "Mrs", "Ms", "Dr", "Gen", "Adm", "Lt", "Col", "Maj", "Capt", "Amb", "Sen",
  "Rep", "Dept", "Inc", "Co", "Corp", "vs", "cf", "U.S", "D.C", "U.N", "e.g",
  "i.e", "ca", "approx", "Doc", "Docs", "Tel", "Ref", "Msg",
};

static gboolean
has_prefix_ci (const char *text,
               const char *prefix)
{
  return g_ascii_strncasecmp (text, prefix, strlen (prefix)) == 0;
}

static gboolean
is_abbreviation_before (const char *start,
                        const char *dot)
{
  const char *w = dot;
  gsize len;

  while (w > start && !g_ascii_isspace (w[-1]) && w[-1] != '(' && w[-1] != ',')
    w--;
  len = dot - w;
  if (len == 0)
    return FALSE;
  /* An initial ("W."), or a dotted abbreviation ("U.S."). */
  if (len == 1 && g_ascii_isupper (w[0]))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    if (abbreviations[i][0] == w[0] && strlen (abbreviations[i]) == len
        && strncmp (w, abbreviations[i], len) == 0)
      return TRUE;
  return FALSE;
}

/* The end of the sentence starting at @p: the period (or NUL) that closes
 * it. A period closes a sentence when a space and a capital, a digit or an
 * opening quote follow, or the text ends, and it does not end an
 * abbreviation. Parentheses are skipped whole. */
static gboolean opens_marking (const char *text);

static const char *
sentence_end (const char *start,
              const char *p)
{
  int depth = 0;

  for (; *p != '\0'; p++)
    {
      /* Only parentheses and periods matter: skip to the next. */
      p += strcspn (p, "().");
      if (*p == '\0')
        break;
      if (*p == '(')
        depth++;
      else if (*p == ')' && depth > 0)
        depth--;
      else if (*p == '.' && depth == 0)
        {
          const char *next = p + 1;

          if (*next == '\0' || *next == ']')
            return p;
          if (*next == ' ')
            {
              while (*next == ' ')
                next++;
              if ((g_ascii_isupper (*next) || g_ascii_isdigit (*next) ||
                   g_str_has_prefix (next, "“") || *next == '"' || *next == '[' ||
                   *next == '(') &&
                  (!is_abbreviation_before (start, p) || opens_marking (next)))
                return p;
            }
        }
    }
  return p;
}

static char *
strip_dup (const char *start,
           const char *end)
{
  char *copy = g_strndup (start, end - start);

  return g_strstrip (copy);
}

/* One part of a citation: bytes of the citation's text, stripped. The
 * parts are only read and joined, so they are not copied out. */
typedef struct
{
  const char *start;
  gsize       len;
} Part;

static void
add_part (GArray     *parts,
          const char *start,
          const char *end)
{
  Part part;

  /* What g_strstrip() leaves of a copy. */
  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  part.start = start;
  part.len = end - start;
  g_array_append_val (parts, part);
}

#define PART(parts, i) (&g_array_index ((parts), Part, (i)))

static gboolean
part_has_prefix (const Part *part,
                 const char *prefix)
{
  gsize len = strlen (prefix);

  return part->len >= len && memcmp (part->start, prefix, len) == 0;
}

/* Splits on ", " outside parentheses; the parts point into @text. */
static GArray *
split_parts (const char *text)
{
  GArray *parts = g_array_sized_new (FALSE, FALSE, sizeof (Part), 8);
  const char *start = text;
  int depth = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')' && depth > 0)
        depth--;
      else if (*p == ',' && depth == 0 && p[1] == ' ')
        {
          add_part (parts, start, p);
          start = p + 2;
        }
    }
  if (*start != '\0')
    add_part (parts, start, start + strlen (start));
  return parts;
}

/* Parts @from to @to (excluded) joined with ", ". */
static char *
join_parts (GArray *parts,
            guint   from,
            guint   to)
{
  gsize size = 1;
  char *joined, *out;

  for (guint i = from; i < to; i++)
    size += PART (parts, i)->len + (i > from ? 2 : 0);
  out = joined = g_malloc (size);
  for (guint i = from; i < to; i++)
    {
      if (i > from)
        {
          memcpy (out, ", ", 2);
          out += 2;
        }
      memcpy (out, PART (parts, i)->start, PART (parts, i)->len);
      out += PART (parts, i)->len;
    }
  *out = '\0';
  return joined;
}

/* The known repository @text opens with (after an optional "the "), or NULL. */
static const char *
match_repository (const char *text,
                  gsize      *out_len)
{
  gsize skip = g_str_has_prefix (text, "the ") ? 4 : 0;

  for (guint i = 0; i < G_N_ELEMENTS (known_repositories); i++)
    {
      gsize len;
      const char *after;

      if (text[skip] != known_repositories[i][0])
        continue;
      len = strlen (known_repositories[i]);
      after = text + skip + len;
      if (strncmp (text + skip, known_repositories[i], len) == 0 &&
          (*after == '\0' || *after == ',' || *after == '.' || *after == ')' ||
           *after == ';' || *after == ':'))
        {
          if (out_len != NULL)
            *out_len = skip + len;
          return known_repositories[i];
        }
    }
  return NULL;
}

static gboolean
looks_like_repository (const Part *part)
{
  for (guint i = 0; i < G_N_ELEMENTS (repository_suffixes); i++)
    {
      gsize len = strlen (repository_suffixes[i]);

      if (part->len >= len
          && memcmp (part->start + part->len - len, repository_suffixes[i], len) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
joins_collection (const Part *collection,
                  const Part *next)
{
  /* A record group or accession is named with what follows:
   * "RG 59, Central Files 1964–66", "OSD Files, FRC 330 70 A 6647". */
  return part_has_prefix (collection, "RG ") || part_has_prefix (next, "FRC ") ||
         part_has_prefix (next, "Lot ");
}

static gboolean
looks_like_collection (const Part *part)
{
  static const char *words[] = {
    "Files", "File", "Papers", "Lot ", "RG ", "Correspondence", "Series",
    "Records", "Collection", "Archive", "Materials",
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_strstr_len (part->start, part->len, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Fills @link's collection and file from the parts after the repository. */
static void
split_collection_file (DocketFootnoteLink *link,
                       GArray             *parts,
                       guint               first)
{
  guint i = first;

  if (i >= parts->len)
    return;
  i++;
  if (i < parts->len && joins_collection (PART (parts, first), PART (parts, i)))
    i++;
  g_free (link->collection);
  link->collection = join_parts (parts, first, i);
  g_free (link->file);
  link->file = i < parts->len ? join_parts (parts, i, parts->len) : NULL;
}

/* "Johnson Library, National Security File, Country File, Japan" → an
 * archival link, or NULL when no repository opens the citation. */
static DocketFootnoteLink *
parse_archival (const char *citation,
                const char *description)
{
  g_autoptr(GArray) parts = NULL;
  g_autofree char *work = g_strstrip (g_strdup (citation));
  DocketFootnoteLink *link;
  const char *repository;
  gsize len = 0;
  gsize wlen = strlen (work);

  while (wlen > 0 && (work[wlen - 1] == '.' || work[wlen - 1] == ';'))
    {
      if (work[wlen - 1] == '.' && is_abbreviation_before (work, work + wlen - 1))
        break;
      work[--wlen] = '\0';
    }

  repository = match_repository (work, &len);
  if (repository != NULL)
    {
      const char *rest = work + len;

      while (*rest == ',' || *rest == ' ')
        rest++;
      link = docket_footnote_link_new_archival (repository, NULL, NULL, description);
      parts = split_parts (rest);
      split_collection_file (link, parts, 0);
      return link;
    }

  parts = split_parts (work);
  if (parts->len >= 2 && looks_like_repository (PART (parts, 0)))
    {
      Part name = *PART (parts, 0);
      g_autofree char *repository_name = NULL;

      if (part_has_prefix (&name, "the "))
        {
          name.start += 4;
          name.len -= 4;
        }
      repository_name = g_strndup (name.start, name.len);
      link = docket_footnote_link_new_archival (repository_name, NULL, NULL, description);
      split_collection_file (link, parts, 1);
      return link;
    }
  return NULL;
}

/* "ibid., POL 7 USSR", "Ibid.", "ibid.: Lot 77 D 163" against @prev. */
static DocketFootnoteLink *
resolve_ibid (const char               *text,
              const DocketFootnoteLink *prev,
              const char               *description)
{
  g_autoptr(DocketFootnoteLink) link = NULL;
  const char *rest = text + strlen ("ibid");

  if (prev == NULL)
    return NULL;

  link = docket_footnote_link_copy (prev);
  g_free (link->description);
  link->description = g_strdup (description);
  link->span_start = link->span_end = -1;

  if (*rest == '.')
    rest++;
  if (*rest == ':' && prev->collection != NULL)
    {
      const char *colon = strchr (prev->collection, ':');
      g_autofree char *tail = g_strstrip (g_strdup (rest + 1));
      gsize len = strlen (tail);

      while (len > 0 && (tail[len - 1] == '.' || tail[len - 1] == ';'))
        tail[--len] = '\0';
      g_free (link->collection);
      if (colon != NULL)
        link->collection = g_strdup_printf ("%.*s: %s", (int) (colon - prev->collection),
                                            prev->collection, tail);
      else
        link->collection = g_steal_pointer (&tail);
      g_clear_pointer (&link->file, g_free);
    }
  else if (*rest == ',')
    {
      g_autoptr(GArray) parts = NULL;
      g_autofree char *tail = g_strstrip (g_strdup (rest + 1));
      gsize len = strlen (tail);

      while (len > 0 && (tail[len - 1] == '.' || tail[len - 1] == ';') &&
             !is_abbreviation_before (tail, tail + len - 1))
        tail[--len] = '\0';
      parts = split_parts (tail);
      if (parts->len > 0 && looks_like_collection (PART (parts, 0)))
        split_collection_file (link, parts, 0);
      else
        {
          g_free (link->file);
          link->file = g_steal_pointer (&tail);
        }
    }
  return g_steal_pointer (&link);
}

static void
set_span (DocketFootnoteLink *link,
          const char         *text,
          const char         *start,
          const char         *end)
{
  link->span_start = (int) g_utf8_pointer_to_offset (text, start);
  link->span_end = (int) g_utf8_pointer_to_offset (text, end);
}

/* Parses one citation segment (a parenthesised group splits into segments
 * at "; "); the last one that cites an archive wins. */
static DocketFootnoteLink *
parse_segment (const char               *segment,
               const DocketFootnoteLink *prev,
               const char               *description)
{
  if (has_prefix_ci (segment, "ibid"))
    return resolve_ibid (segment, prev, description);
  return parse_archival (segment, description);
}

static void
parse_citations_into (GPtrArray                *links,
                      const char               *text,
                      const DocketFootnoteLink *prev)
{
  const char *p = text;

  while (*p != '\0')
    {
      /* Only a parenthesis or a word starting with "i" or "I" can start a
       * citation: skip to the next. */
      p += strcspn (p, "(iI");
      if (*p == '\0')
        break;
      if (*p == '(')
        {
          const char *close = p + 1;
          int depth = 1;

          while (*close != '\0' && depth > 0)
            {
              if (*close == '(')
                depth++;
              else if (*close == ')')
                depth--;
              if (depth > 0)
                close++;
            }
          if (*close == ')')
            {
              g_autofree char *inner = g_strndup (p + 1, close - p - 1);
              g_auto(GStrv) segments = g_strsplit (inner, "; ", -1);
              DocketFootnoteLink *found = NULL;

              for (guint i = 0; segments[i] != NULL; i++)
                {
                  DocketFootnoteLink *link = parse_segment (g_strstrip (segments[i]), prev, inner);

                  if (link != NULL)
                    {
                      g_clear_pointer (&found, docket_footnote_link_free);
                      found = link;
                    }
                }
              if (found != NULL)
                {
                  set_span (found, text, p + 1, close);
                  g_ptr_array_add (links, found);
                  prev = found;
                }
              p = close + 1;
              continue;
            }
        }

      /* "… is in the National Archives and Records Administration, RG 59, …"
       * and "… ibid., President's Office Files" outside parentheses. */
      /* Every word is looked at: the first letter rules out most. */
      if ((p == text || p[-1] == ' ') && (*p == 'i' || *p == 'I') &&
          (g_str_has_prefix (p, "in the ") || g_str_has_prefix (p, "in ") ||
           has_prefix_ci (p, "ibid")))
        {
          const char *start = has_prefix_ci (p, "ibid") ? p : strchr (p, ' ') + 1;
          gboolean ibid = has_prefix_ci (start, "ibid");

          if (ibid || match_repository (start, NULL) != NULL)
            {
              const char *end = sentence_end (text, start);
              const char *semi = strstr (start, "; ");
              const char *paren = strchr (start, '(');
              g_autofree char *segment = NULL;
              DocketFootnoteLink *link;

              if (semi != NULL && semi < end)
                end = semi;
              if (paren != NULL && paren < end)
                end = paren;
              /* "ibid., X, and in the Kennedy Library, …" */
              if (ibid)
                {
                  const char *and = strstr (start, ", and ");

                  if (and != NULL && and < end)
                    end = and;
                }
              segment = strip_dup (start, end);
              link = parse_segment (segment, prev, segment);
              if (link != NULL)
                {
                  set_span (link, text, start, end);
                  g_ptr_array_add (links, link);
                  prev = link;
                }
              p = end;
              if (*p == '\0')
                break;
              if (*p != '(')
                p++;
              continue;
            }
        }
      p++;
    }
}

GPtrArray *
docket_source_note_parse_citations (const char *footnote_text)
{
  GPtrArray *links = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_footnote_link_free);

  g_return_val_if_fail (footnote_text != NULL, links);

  parse_citations_into (links, footnote_text, NULL);
  return links;
}

/**
 * docket_source_note_match_level:
 * @token: a classification level as typed ("top secret")
 *
 * Returns: (nullable): the level as FRUS prints it ("Top Secret"), or
 *   %NULL when @token is not a recognized level
 */
const char *
docket_source_note_match_level (const char *token)
{
  g_autofree char *stripped = NULL;

  if (token == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (token));
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (g_ascii_strcasecmp (stripped, levels[i]) == 0)
      return levels[i];
  return NULL;
}

static gboolean
is_caveat_start (const char *token)
{
  for (guint i = 0; i < G_N_ELEMENTS (caveat_starts); i++)
    if (has_prefix_ci (token, caveat_starts[i]))
      return TRUE;
  return FALSE;
}

/**
 * docket_source_note_is_caveat:
 * @caveat: a handling caveat ("Nodis", "Eyes Only for the Secretary")
 *
 * Returns: %TRUE if @caveat opens with a recognized caveat or precedence
 *   word, as a whole word ("Priority" is one, "Prioritybox" is not)
 */
gboolean
docket_source_note_is_caveat (const char *caveat)
{
  g_autofree char *stripped = NULL;

  if (caveat == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (caveat));
  for (guint i = 0; i < G_N_ELEMENTS (caveat_starts); i++)
    {
      gsize len = strlen (caveat_starts[i]);

      if (g_ascii_strncasecmp (stripped, caveat_starts[i], len) == 0 &&
          !g_ascii_isalnum (stripped[len]))
        return TRUE;
    }
  return FALSE;
}

/* Does a classification marking open @text ("Confidential. Repeated …",
 * "Secret; Nodis")? Then the period before it ends a sentence even after
 * a capital ("POL 27 VIET S. Confidential"). */
static gboolean
opens_marking (const char *text)
{
  if (has_prefix_ci (text, "No classification"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      gsize len = strlen (levels[i]);

      if (strncmp (text, levels[i], len) == 0 &&
          (text[len] == '.' || text[len] == ';' || text[len] == '\0' || text[len] == ']'))
        return TRUE;
    }
  return FALSE;
}

static guint
count_words (const char *text)
{
  guint n = 1;

  for (; *text != '\0'; text++)
    if (*text == ' ')
      n++;
  return n;
}

/* Reads a marking sentence ("Secret; Nodis; Eyes Only"). Returns FALSE when
 * the sentence is not one. */
static gboolean
parse_marking (DocketSourceNote *note,
               const char       *sentence,
               GStrvBuilder     *caveats,
               GString          *declassification)
{
  g_auto(GStrv) tokens = g_strsplit (sentence, ";", -1);
  const char *level = NULL;

  if (tokens[0] == NULL)
    return FALSE;
  g_strstrip (tokens[0]);
  if (docket_source_note_match_level (tokens[0]) == NULL && !is_caveat_start (tokens[0]))
    return FALSE;
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_strstrip (tokens[i]);
      if (count_words (tokens[i]) > 6)
        return FALSE;
    }

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *token = tokens[i];
      const char *matched = docket_source_note_match_level (token);

      if (token[0] == '\0')
        continue;
      if (matched != NULL && level == NULL)
        level = matched;
      else if (strstr (token, "declassified") != NULL)
        {
          if (declassification->len > 0)
            g_string_append (declassification, "; ");
          g_string_append (declassification, token);
        }
      else
        g_strv_builder_add (caveats, token);
    }
  note->classification = g_strdup (level);
  return TRUE;
}

DocketSourceNote *
docket_source_note_parse (const char *text)
{
  g_autoptr(DocketSourceNote) note = g_new0 (DocketSourceNote, 1);
  g_autoptr(GStrvBuilder) caveats = g_strv_builder_new ();
  g_autoptr(GString) declassification = g_string_new (NULL);
  g_autofree char *body = NULL;
  const char *p;
  const char *end;
  const char *remarks;
  DocketFootnoteLink *primary = NULL;
  gboolean marking_done = FALSE;
  guint sentences = 0;

  g_return_val_if_fail (text != NULL, NULL);

  note->text = g_strstrip (g_strdup (text));
  note->citations = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_footnote_link_free);

  /* "[Source: …]" lines of withheld documents carry brackets. */
  body = g_strdup (note->text);
  if (body[0] == '[' && g_str_has_suffix (body, "]"))
    {
      body[strlen (body) - 1] = '\0';
      memmove (body, body + 1, strlen (body));
    }
  p = body;
  /* "Source:", and the occasional "Source," or "Sources:". */
  if (has_prefix_ci (p, "Sources:"))
    p += strlen ("Sources:");
  else if (has_prefix_ci (p, "Source:") || has_prefix_ci (p, "Source,"))
    p += strlen ("Source:");
  while (*p == ' ')
    p++;

  /* The first sentence is the citation. */
  end = sentence_end (body, p);
  {
    g_autofree char *citation = strip_dup (p, end);

    if (citation[0] != '\0')
      {
        primary = parse_archival (citation, citation);
        /* A note that cites the marking right after the citation with no
         * period ("… Japan 471.61 Sensitive. Top Secret") is read below. */
      }
  }
  if (primary != NULL)
    {
      note->repository = g_strdup (primary->repository);
      note->collection = g_strdup (primary->collection);
      note->file = g_strdup (primary->file);
      set_span (primary, body, p, end);
      g_ptr_array_add (note->citations, primary);
    }

  /* The sentences after it: the marking, declassification, remarks. */
  p = *end != '\0' ? end + 1 : end;
  remarks = p;
  while (*p != '\0')
    {
      g_autofree char *sentence = NULL;
      gboolean is_marking;

      while (*p == ' ')
        p++;
      if (*p == '\0')
        break;
      end = sentence_end (body, p);
      sentence = strip_dup (p, end);
      sentences++;

      is_marking = FALSE;
      if (!marking_done)
        {
          if (has_prefix_ci (sentence, "No classification marking") ||
              has_prefix_ci (sentence, "No security classification"))
            marking_done = TRUE;
          else if (parse_marking (note, sentence, caveats, declassification))
            marking_done = is_marking = TRUE;
          else if (sentences >= 3)
            marking_done = TRUE;
        }
      if (!is_marking && strstr (sentence, "not declassified") != NULL &&
          strstr (declassification->str, sentence) == NULL &&
          count_words (sentence) <= 16)
        {
          if (declassification->len > 0)
            g_string_append (declassification, "; ");
          g_string_append (declassification, sentence);
        }
      p = *end != '\0' ? end + 1 : end;
    }

  /* Further copies cited in the remarks, with "ibid." against the first. */
  {
    g_autoptr(GPtrArray) more = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_footnote_link_free);
    int shift = (int) g_utf8_pointer_to_offset (body, remarks);

    parse_citations_into (more, remarks, primary);
    for (guint i = 0; i < more->len; i++)
      {
        DocketFootnoteLink *link = g_ptr_array_index (more, i);

        /* Spans are relative to the note's text. */
        link->span_start += shift;
        link->span_end += shift;
      }
    g_ptr_array_extend_and_steal (note->citations, g_steal_pointer (&more));
  }

  /* The bracket removed above shifts every span by one character. */
  if (note->text[0] == '[')
    for (guint i = 0; i < note->citations->len; i++)
      {
        DocketFootnoteLink *link = g_ptr_array_index (note->citations, i);
        link->span_start++;
        link->span_end++;
      }

  note->caveats = g_strv_builder_end (caveats);
  if (declassification->len > 0)
    note->declassification = g_strdup (declassification->str);
  return g_steal_pointer (&note);
}

void
docket_source_note_apply (const DocketSourceNote *note,
                          DocketRecord           *record)
{
  g_autofree char *caveats = NULL;

  g_return_if_fail (note != NULL);
  g_return_if_fail (DOCKET_IS_RECORD (record));

  if (note->caveats != NULL && note->caveats[0] != NULL)
    caveats = g_strjoinv ("; ", note->caveats);

  docket_record_set (record, DOCKET_FIELD_SOURCE_TEXT, note->text);
  docket_record_set (record, DOCKET_FIELD_SOURCE_REPOSITORY, note->repository);
  docket_record_set (record, DOCKET_FIELD_SOURCE_COLLECTION, note->collection);
  docket_record_set (record, DOCKET_FIELD_SOURCE_FILE, note->file);
  docket_record_set (record, DOCKET_FIELD_CLASSIFICATION, note->classification);
  docket_record_set (record, DOCKET_FIELD_CAVEATS, caveats);
  docket_record_set (record, DOCKET_FIELD_DECLASSIFICATION, note->declassification);
}

void
docket_source_note_free (DocketSourceNote *note)
{
  if (note == NULL)
    return;
  g_free (note->text);
  g_free (note->repository);
  g_free (note->collection);
  g_free (note->file);
  g_free (note->classification);
  g_strfreev (note->caveats);
  g_free (note->declassification);
  g_clear_pointer (&note->citations, g_ptr_array_unref);
  g_free (note);
}
