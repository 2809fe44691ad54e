/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-tei-import"

#include "config.h"

#include <string.h>

#include "docket-heading-parse.h"
#include "docket-source-note.h"
#include "docket-tei-private.h"

/* One `div[@type='document']`: a record with its identification, titles,
 * agents, date and place, provenance and body. */

/* "5. Letter From …" → "Letter From …". */
static const char *
skip_number (const char *heading)
{
  const char *p = heading;

  if (!g_ascii_isdigit (*p))
    return heading;
  while (g_ascii_isdigit (*p))
    p++;
  if (g_ascii_isalpha (*p) && p[1] == '.')
    p++;
  if (*p != '.')
    return heading;
  p++;
  while (*p == ' ')
    p++;
  return p;
}

/*
 * type_from_heading:
 *
 * When the shared heading parser knows no genre: the document type is the genre that opens the heading, before the words
 * that name its sender or recipient: "Memorandum of Conversation",
 * "Telegram From the Embassy in Japan …" → "telegram", "Letter From …",
 * "Editorial Note", "Telegram 4858 From …" → "telegram".
 */
static char *
type_from_heading (const char *heading)
{
  static const char * const stops[] = {
    " From ", " from ", " to ", " To ", " Prepared ", " prepared ", " for the ",
    " by ", " By ", " Between ", " between ", " With ", " with ", " Among ",
    " on ", " On ", " in the ", " at ", ",", NULL
  };
  g_autofree char *genre = NULL;
  const char *end = heading + strlen (heading);

  if (g_str_has_prefix (heading, "Memorandum for the Record"))
    return g_strdup ("memorandum for the record");

  for (guint i = 0; stops[i] != NULL; i++)
    {
      const char *found = strstr (heading, stops[i]);

      if (found != NULL && found < end)
        end = found;
    }
  genre = g_strndup (heading, end - heading);

  /* "Telegram 4858" and "Airgram A-716" are telegrams and airgrams. */
  for (char *space = strrchr (genre, ' ');
       space != NULL && strpbrk (space + 1, "0123456789") != NULL;
       space = strrchr (genre, ' '))
    *space = '\0';
  g_strstrip (genre);
  if (*genre == '\0')
    return NULL;
  return g_ascii_strdown (genre, -1);
}

static char *
strip_zone_z (const char *value)
{
  gsize len;

  if (value == NULL || *value == '\0')
    return NULL;
  len = strlen (value);
  /* v29p2 writes printed local times with a "Z" that is not UTC
   * (TEI-NOTES §6); a time without a zone says what is known. */
  if (len > 10 && value[len - 1] == 'Z')
    len--;
  return g_strndup (value, len);
}

static void
read_date (DocketTeiDoc  *doc,
           const xmlNode *dateline)
{
  const xmlNode *date = NULL;
  const xmlNode *time = NULL;
  const char *when, *not_before, *not_after, *ana;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const char *certainty;

  for (const xmlNode *child = dateline->children; child != NULL; child = child->next)
    {
      if (date == NULL && _docket_tei_is (child, "date"))
        date = child;
      else if (time == NULL && _docket_tei_is (child, "time"))
        time = child;
      else if (_docket_tei_is (child, "placeName")
               && docket_record_get (doc->record, DOCKET_FIELD_PLACE) == NULL)
        docket_record_take (doc->record, DOCKET_FIELD_PLACE, _docket_tei_node_text (child, TRUE));
    }
  if (date == NULL)
    return;

  when = _docket_tei_attr (date, "when");
  not_before = _docket_tei_attr (date, "notBefore");
  not_after = _docket_tei_attr (date, "notAfter");
  ana = _docket_tei_attr (date, "ana");

  if (when != NULL && *when != '\0')
    {
      from = strip_zone_z (when);
      certainty = "exact";
    }
  else if ((not_before != NULL && *not_before != '\0') || (not_after != NULL && *not_after != '\0'))
    {
      from = strip_zone_z (not_before);
      to = strip_zone_z (not_after);
      certainty = "approximate";
    }
  else
    {
      /* v06 brackets every document date; the other volumes leave an
       * undated item without attributes. */
      const xmlNode *div = dateline->parent;
      const char *min = _docket_tei_attr_ns (div, "doc-dateTime-min", DOCKET_FRUS_NS);
      const char *max = _docket_tei_attr_ns (div, "doc-dateTime-max", DOCKET_FRUS_NS);

      if (min != NULL && max != NULL)
        {
          from = g_strdup (min);
          to = g_strdup (max);
          certainty = "approximate";
        }
      else
        certainty = "undated";
    }
  if (ana != NULL && strstr (ana, "inferred") != NULL && from != NULL)
    certainty = "inferred";

  /* A meeting's span ("5:05–6:15 p.m.") keeps its times. */
  if (time != NULL && from != NULL && to == NULL)
    {
      g_autofree char *time_from = strip_zone_z (_docket_tei_attr (time, "from"));
      g_autofree char *time_to = strip_zone_z (_docket_tei_attr (time, "to"));
      g_autofree char *day = g_strndup (from, 10);

      if (time_from != NULL && strlen (from) == 10)
        {
          g_free (from);
          from = g_strconcat (day, "T", time_from, NULL);
        }
      if (time_to != NULL)
        to = g_strconcat (day, "T", time_to, NULL);
    }

  docket_record_take (doc->record, DOCKET_FIELD_DATE_FROM, g_steal_pointer (&from));
  docket_record_take (doc->record, DOCKET_FIELD_DATE_TO, g_steal_pointer (&to));
  docket_record_set (doc->record, DOCKET_FIELD_DATE_CERTAINTY, certainty);
}

static void
read_dateline (DocketTeiDoc  *doc,
               const xmlNode *dateline)
{
  DocketBlock *block;

  doc->in_dateline = TRUE;
  doc->date_start = -1;
  _docket_tei_body_open (doc, DOCKET_BLOCK_DATELINE);
  _docket_tei_body_inline (doc, dateline);
  doc->in_dateline = FALSE;
  block = _docket_tei_body_close (doc);

  /* The date as printed runs from the date to the end of the dateline:
   * "November 14, 1967, 5:05–6:15 p.m.". */
  if (block != NULL && docket_record_get (doc->record, DOCKET_FIELD_DATE_TEXT) == NULL)
    {
      gsize len = strlen (block->text);
      gsize start = doc->date_start >= 0 ? MIN ((gsize) doc->date_start, len) : len;

      if (start < len)
        {
          g_autofree char *text = g_strdup (block->text + start);
          gsize text_len = strlen (text);

          /* Drop the dateline's full stop, not the one of "p.m.". */
          if (text_len > 0 && text[text_len - 1] == '.'
              && !(text_len >= 3 && text[text_len - 3] == '.'))
            text[text_len - 1] = '\0';
          docket_record_take (doc->record, DOCKET_FIELD_DATE_TEXT, g_strdup (g_strstrip (text)));
        }
    }
  read_date (doc, dateline);
}

static void
read_head (DocketTeiDoc  *doc,
           const xmlNode *head,
           GPtrArray     *pages_before)
{
  DocketBlock *block;

  doc->in_head = TRUE;
  doc->head_mark = 0;
  _docket_tei_body_open (doc, DOCKET_BLOCK_HEADING);
  _docket_tei_body_inline (doc, head);
  doc->in_head = FALSE;
  block = _docket_tei_body_close (doc);

  if (block != NULL && block->kind == DOCKET_BLOCK_HEADING)
    {
      const char *heading = skip_number (block->text);

      docket_record_set (doc->record, DOCKET_FIELD_HEADING, heading);
      docket_record_set (doc->record, DOCKET_FIELD_TITLE, heading);
    }

  /* The web edition shows the page a document starts on after its
   * heading ("[Page 3]"), so the page-break blocks follow it. */
  for (guint i = 0; i < pages_before->len; i++)
    docket_record_add_block (doc->record,
                             docket_block_new (DOCKET_BLOCK_PAGE_BREAK,
                                               g_ptr_array_index (pages_before, i)));
}

static void
set_subject (DocketTeiDoc *doc)
{
  GPtrArray *body = docket_record_get_body (doc->record);
  g_autoptr(GString) subject = g_string_new (NULL);

  for (guint i = 0; i < body->len; i++)
    {
      const DocketBlock *block = g_ptr_array_index (body, i);

      if (block->kind != DOCKET_BLOCK_SUBJECT)
        continue;
      if (subject->len > 0)
        g_string_append (subject, "; ");
      g_string_append (subject, block->text);
    }
  if (subject->len > 0)
    docket_record_set (doc->record, DOCKET_FIELD_SUBJECT, subject->str);
}

/* A withheld document (v29p2) prints its citation in brackets:
 * "[Source: … Secret; Eyes Only. 2 pages of source text not declassified.]" */
static void
apply_bracketed_source (DocketTeiDoc *doc)
{
  g_autofree char *inner = NULL;
  g_autoptr(DocketSourceNote) parsed = NULL;
  gsize len;

  if (doc->bracket_source == NULL)
    return;

  inner = g_strdup (doc->bracket_source + (doc->bracket_source[0] == '[' ? 1 : 0));
  len = strlen (inner);
  if (len > 0 && inner[len - 1] == ']')
    inner[len - 1] = '\0';
  parsed = docket_source_note_parse (inner);
  if (parsed == NULL)
    return;
  docket_source_note_apply (parsed, doc->record);

  /* Nothing but the citation is printed: the document is withheld. */
  if (doc->n_paragraphs == 0)
    {
      const char *status = docket_record_get (doc->record, DOCKET_FIELD_DECLASSIFICATION);

      docket_record_take (doc->record, DOCKET_FIELD_DECLASSIFICATION,
                          status != NULL
                          ? g_strdup_printf ("Withheld in full: %s", status)
                          : g_strdup ("Withheld in full"));
    }
}

static void
set_pages (DocketTeiDoc *doc)
{
  const char *first = doc->first_page;
  const char *last = doc->last_page != NULL ? doc->last_page : first;

  if (first == NULL)
    first = last;
  if (first == NULL)
    return;
  if (g_strcmp0 (first, last) == 0)
    docket_record_set (doc->record, DOCKET_FIELD_PAGES, first);
  else
    docket_record_take (doc->record, DOCKET_FIELD_PAGES,
                        g_strdup_printf ("%s–%s", first, last));
}

/* FRUS prints every document in English (translations included); an
 * `xml:lang` on the document or an ancestor says otherwise. */
static const char *
language (const xmlNode *div)
{
  for (const xmlNode *node = div; node != NULL && node->type == XML_ELEMENT_NODE; node = node->parent)
    {
      const char *lang = _docket_tei_attr_ns (node, "lang", DOCKET_XML_NS);

      if (lang == NULL || *lang == '\0')
        continue;
      if (g_ascii_strncasecmp (lang, "en", 2) == 0 && (lang[2] == '\0' || lang[2] == '-'))
        return "eng";
      return lang;
    }
  return "eng";
}

/**
 * _docket_tei_read_document:
 *
 * Returns: (transfer full): the record for @div
 */
DocketRecord *
_docket_tei_read_document (DocketTeiVolume *volume,
                           xmlNode         *div)
{
  DocketTeiVolume *vol = volume;
  g_autoptr(GPtrArray) pages_before = g_ptr_array_new ();
  g_autofree char *number = NULL;
  g_autofree char *div_id = NULL;
  DocketTeiDoc doc = { 0 };
  const char *n = _docket_tei_attr (div, "n");
  const char *xml_id = _docket_tei_xml_id (div);
  gboolean seen_head = FALSE;
  gboolean seen_dateline = FALSE;
  const char *heading;
  char *type;

  if (n != NULL && *n != '\0')
    number = g_strstrip (g_strdup (n));
  else if (xml_id != NULL && xml_id[0] == 'd')
    number = g_strdup (xml_id + 1);
  div_id = xml_id != NULL ? g_strdup (xml_id) : g_strconcat ("d", number, NULL);

  doc.volume = vol;
  doc.record = docket_record_new ();
  doc.number = number;
  doc.div_id = div_id;
  doc.date_start = -1;
  doc.first_page = g_strdup (vol->last_page);
  doc.mentioned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  doc.printing = g_string_new (NULL);

  docket_record_take (doc.record, DOCKET_FIELD_ID,
                      number != NULL ? g_strconcat (vol->volume_id, "d", number, NULL)
                                     : g_strconcat (vol->volume_id, div_id, NULL));
  docket_record_set (doc.record, DOCKET_FIELD_NUMBER, number);
  docket_record_set (doc.record, DOCKET_FIELD_COLLECTION, vol->volume_id);

  for (const xmlNode *child = div->children; child != NULL; child = child->next)
    {
      if (!seen_head && _docket_tei_is (child, "pb"))
        {
          /* The last page break before the head is the page the document
           * starts on. */
          const char *page = _docket_tei_attr (child, "n");

          if (page != NULL && *page != '\0')
            {
              g_ptr_array_add (pages_before, (gpointer) page);
              g_free (doc.first_page);
              doc.first_page = g_strdup (page);
            }
        }
      else if (!seen_head && _docket_tei_is (child, "head"))
        {
          seen_head = TRUE;
          read_head (&doc, child, pages_before);
        }
      else if (!seen_dateline && _docket_tei_is (child, "dateline"))
        {
          seen_dateline = TRUE;
          read_dateline (&doc, child);
        }
      else
        _docket_tei_body_node (&doc, child, DOCKET_BLOCK_PARAGRAPH);
    }
  _docket_tei_body_close (&doc);

  /* A document without a head still keeps its first page. */
  if (!seen_head)
    for (guint i = 0; i < pages_before->len; i++)
      docket_record_add_block (doc.record,
                               docket_block_new (DOCKET_BLOCK_PAGE_BREAK,
                                                 g_ptr_array_index (pages_before, i)));

  set_subject (&doc);
  heading = docket_record_get (doc.record, DOCKET_FIELD_HEADING);
  if (g_strcmp0 (_docket_tei_attr (div, "subtype"), "editorial-note") == 0
      || (heading != NULL && g_ascii_strcasecmp (heading, "Editorial Note") == 0))
    type = g_strdup ("editorial note");
  else if (heading != NULL)
    {
      /* The genre words are shared with the plain-text reader; the agents
       * come from the TEI markup instead. */
      g_autoptr(DocketHeadingParse) parse = docket_heading_parse (heading);

      type = parse->type != NULL ? g_strdup (parse->type) : type_from_heading (heading);
    }
  else
    type = NULL;
  if (type != NULL)
    docket_record_take (doc.record, DOCKET_FIELD_EXTENT, g_strdup_printf ("1 %s", type));
  docket_record_take (doc.record, DOCKET_FIELD_TYPE, type);

  if (doc.source_note == NULL)
    apply_bracketed_source (&doc);
  if (doc.printing->len > 0)
    docket_record_set (doc.record, DOCKET_FIELD_PRINTING_NOTE, doc.printing->str);

  docket_record_set (doc.record, DOCKET_FIELD_PUBLICATION, vol->volume_title);
  set_pages (&doc);
  if (number != NULL)
    docket_record_take (doc.record, DOCKET_FIELD_URL,
                        g_strconcat (DOCKET_HSG_URL, vol->volume_id, "/d", number, NULL));
  docket_record_set (doc.record, DOCKET_FIELD_CHAPTER, vol->chapter);
  docket_record_set (doc.record, DOCKET_FIELD_LEVEL, "item");
  docket_record_set (doc.record, DOCKET_FIELD_LANGUAGE, language (div));

  /* The next document starts on the page this one ends on. */
  if (doc.last_page != NULL)
    {
      g_free (vol->last_page);
      vol->last_page = g_strdup (doc.last_page);
    }
  else if (doc.first_page != NULL)
    {
      g_free (vol->last_page);
      vol->last_page = g_strdup (doc.first_page);
    }

  if (doc.text.str != NULL)
    g_string_free (doc.text.str, TRUE);
  g_clear_pointer (&doc.anchors, g_array_unref);
  g_free (doc.label);
  g_free (doc.bracket_source);
  g_free (doc.first_page);
  g_free (doc.last_page);
  g_hash_table_unref (doc.mentioned);
  g_string_free (doc.printing, TRUE);

  return doc.record;
}
