/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "docket-date-parse.h"
#include "docket-heading-parse.h"
#include "docket-import.h"
#include "docket-source-note.h"
#include "docket-test-util.h"
#include "docket-text-import.h"

static DocketRecord *
import_one (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = docket_text_import_parse ("test.txt", text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (records);
  g_assert_cmpuint (records->len, ==, 1);
  return g_object_ref (g_ptr_array_index (records, 0));
}

static DocketRecord *
import_seed (void)
{
  g_autofree char *path = docket_test_shared_path ("corpus", "seed-memorandum.txt", NULL);
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;

  if (path == NULL)
    return NULL;
  text = docket_test_read_file (path, &length);
  records = docket_text_import_parse ("seed-memorandum.txt", text, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  return g_object_ref (g_ptr_array_index (records, 0));
}

static const DocketBlock *
block_at (DocketRecord *record,
          guint         i)
{
  GPtrArray *body = docket_record_get_body (record);

  g_assert_cmpuint (i, <, body->len);
  return g_ptr_array_index (body, i);
}

/* The text just before the anchor of footnote @id, and the block kind. */
static char *
text_before_anchor (DocketRecord    *record,
                    const char      *id,
                    DocketBlockKind *out_kind)
{
  GPtrArray *body = docket_record_get_body (record);

  for (guint i = 0; i < body->len; i++)
    {
      const DocketBlock *block = g_ptr_array_index (body, i);

      for (guint j = 0; j < block->anchors->len; j++)
        {
          const DocketAnchor *anchor = g_ptr_array_index (block->anchors, j);

          if (anchor->kind == DOCKET_ANCHOR_FOOTNOTE && g_strcmp0 (anchor->ref, id) == 0)
            {
              gsize start = anchor->offset > 20 ? anchor->offset - 20 : 0;

              if (out_kind != NULL)
                *out_kind = block->kind;
              return g_strndup (block->text + start, anchor->offset - start);
            }
        }
    }
  return NULL;
}

static void
assert_archival (const DocketFootnoteLink *link,
                 const char               *repository,
                 const char               *collection,
                 const char               *file)
{
  g_assert_cmpint (link->kind, ==, DOCKET_LINK_ARCHIVAL);
  g_assert_cmpstr (link->repository, ==, repository);
  g_assert_cmpstr (link->collection, ==, collection);
  g_assert_cmpstr (link->file, ==, file);
  g_assert_nonnull (link->description);
}

static void
test_seed_fields (void)
{
  g_autoptr(DocketRecord) record = import_seed ();
  g_autoptr(GPtrArray) authors = NULL;
  g_autoptr(GPtrArray) recipients = NULL;
  g_auto(GStrv) pages = NULL;
  const DocketAgent *agent;

  if (record == NULL)
    return;

  g_assert_null (docket_record_get_id (record));
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_NUMBER), ==, "206");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_HEADING), ==,
                   "Memorandum From the Ambassador at Large (Harriman) to President Johnson");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_SUBJECT), ==,
                   "Possible Kosygin Talks on Vietnam Settlement");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_TYPE), ==, "memorandum");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_EXTENT), ==, "1 memorandum");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_LANGUAGE), ==, "eng");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_PAGES), ==, "521–522");

  authors = docket_record_dup_agents_with_role (record, DOCKET_AGENT_AUTHOR);
  g_assert_cmpuint (authors->len, ==, 1);
  agent = g_ptr_array_index (authors, 0);
  g_assert_cmpstr (agent->name, ==, "Harriman");
  g_assert_cmpstr (agent->office, ==, "Ambassador at Large");
  recipients = docket_record_dup_agents_with_role (record, DOCKET_AGENT_RECIPIENT);
  g_assert_cmpuint (recipients->len, ==, 1);
  agent = g_ptr_array_index (recipients, 0);
  g_assert_cmpstr (agent->name, ==, "Johnson");
  g_assert_cmpstr (agent->office, ==, "President");

  /* The body: heading, subject, three paragraphs, page 522, the section,
   * three paragraphs, the signature. */
  g_assert_cmpuint (docket_record_get_body (record)->len, ==, 11);
  g_assert_cmpint (block_at (record, 0)->kind, ==, DOCKET_BLOCK_HEADING);
  g_assert_cmpstr (block_at (record, 0)->text, ==,
                   "206. Memorandum From the Ambassador at Large (Harriman) to President Johnson");
  g_assert_cmpint (block_at (record, 1)->kind, ==, DOCKET_BLOCK_SUBJECT);
  g_assert_cmpstr (block_at (record, 1)->text, ==, "Possible Kosygin Talks on Vietnam Settlement");
  for (guint i = 2; i <= 4; i++)
    g_assert_cmpint (block_at (record, i)->kind, ==, DOCKET_BLOCK_PARAGRAPH);
  g_assert_true (g_str_has_prefix (block_at (record, 2)->text, "Your meeting with Kosygin"));
  g_assert_cmpint (block_at (record, 5)->kind, ==, DOCKET_BLOCK_PAGE_BREAK);
  g_assert_cmpstr (block_at (record, 5)->text, ==, "522");
  g_assert_cmpint (block_at (record, 6)->kind, ==, DOCKET_BLOCK_SECTION);
  g_assert_cmpstr (block_at (record, 6)->text, ==, "Recommended Action:");
  for (guint i = 7; i <= 9; i++)
    g_assert_cmpint (block_at (record, i)->kind, ==, DOCKET_BLOCK_PARAGRAPH);
  g_assert_true (g_str_has_suffix (block_at (record, 9)->text, "namely, Vietnam."));
  g_assert_cmpint (block_at (record, 10)->kind, ==, DOCKET_BLOCK_SIGNATURE);
  g_assert_cmpstr (block_at (record, 10)->text, ==, "W. Averell Harriman");
  pages = docket_record_dup_page_breaks (record);
  g_assert_cmpstrv (pages, ((const char *[]) { "522", NULL }));

  /* The markers, exactly where they stand. */
  {
    const DocketBlock *heading = block_at (record, 0);
    const DocketBlock *last = block_at (record, 9);
    const DocketBlock *signature = block_at (record, 10);
    const DocketAnchor *anchor;

    g_assert_cmpuint (heading->anchors->len, ==, 1);
    anchor = g_ptr_array_index (heading->anchors, 0);
    g_assert_cmpstr (anchor->ref, ==, "d206fn1");
    g_assert_cmpuint (anchor->offset, ==, strlen (heading->text));
    g_assert_true (g_str_has_suffix (heading->text, "President Johnson"));

    g_assert_cmpuint (last->anchors->len, ==, 1);
    anchor = g_ptr_array_index (last->anchors, 0);
    g_assert_cmpstr (anchor->ref, ==, "d206fn2");
    g_assert_cmpuint (anchor->offset, ==, strlen (last->text));

    g_assert_cmpuint (signature->anchors->len, ==, 1);
    anchor = g_ptr_array_index (signature->anchors, 0);
    g_assert_cmpstr (anchor->ref, ==, "d206fn3");
    g_assert_cmpuint (anchor->offset, ==, strlen ("W. Averell Harriman"));

    /* "20th Parallel" and "3:05 p.m." are not markers. */
    for (guint i = 1; i < 10; i++)
      if (i != 9)
        g_assert_cmpuint (block_at (record, i)->anchors->len, ==, 0);
  }

  /* Footnote 1: the source note, parsed. */
  {
    GPtrArray *footnotes = docket_record_get_footnotes (record);
    const DocketFootnote *fn;

    g_assert_cmpuint (footnotes->len, ==, 3);
    fn = g_ptr_array_index (footnotes, 0);
    g_assert_cmpstr (fn->id, ==, "d206fn1");
    g_assert_cmpstr (fn->n, ==, "1");
    g_assert_cmpint (fn->kind, ==, DOCKET_FOOTNOTE_SOURCE);
    g_assert_true (g_str_has_prefix (fn->text, "Source: Library of Congress"));
    g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_SOURCE_TEXT), ==, fn->text);
    g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_SOURCE_REPOSITORY), ==,
                     "Library of Congress, Manuscript Division");
    g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_SOURCE_COLLECTION), ==, "Harriman Papers");
    g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_SOURCE_FILE), ==,
                     "Special Files, Public Service, Subject File, Johnson, Lyndon 1967");
    g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_CLASSIFICATION), ==, "Top Secret");
    g_assert_null (docket_record_get (record, DOCKET_FIELD_CAVEATS));

    /* Footnote 2: editorial, three archival citations, "ibid." resolved. */
    fn = g_ptr_array_index (footnotes, 1);
    g_assert_cmpstr (fn->n, ==, "2");
    g_assert_cmpint (fn->kind, ==, DOCKET_FOOTNOTE_EDITORIAL);
    g_assert_true (g_str_has_prefix (fn->text, "This meeting between Rusk and Dobrynin"));
    g_assert_cmpuint (fn->links->len, ==, 3);
    assert_archival (g_ptr_array_index (fn->links, 0), "Johnson Library",
                     "Dean Rusk Appointment Book", "1967");
    assert_archival (g_ptr_array_index (fn->links, 1), "National Archives and Records Administration",
                     "RG 59, Central Files 1967–69", "POL 27 VIET S");
    assert_archival (g_ptr_array_index (fn->links, 2), "National Archives and Records Administration",
                     "RG 59, Central Files 1967–69", "POL 7 USSR");
    g_assert_cmpstr (((DocketFootnoteLink *) g_ptr_array_index (fn->links, 2))->description, ==,
                     "Memorandum of conversation, June 16; ibid., POL 7 USSR");

    /* Footnote 3: the printing note. */
    fn = g_ptr_array_index (footnotes, 2);
    g_assert_cmpstr (fn->n, ==, "3");
    g_assert_cmpint (fn->kind, ==, DOCKET_FOOTNOTE_PRINTING);
    g_assert_cmpstr (fn->text, ==, "Printed from a copy that bears this typed signature.");
    g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_PRINTING_NOTE), ==, fn->text);
  }
}

static void
test_seed_through_dispatcher (void)
{
  g_autofree char *path = docket_test_shared_path ("corpus", "seed-memorandum.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketImportResult) result = NULL;

  if (path == NULL)
    return;
  result = docket_import_file (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->format, ==, DOCKET_IMPORT_FORMAT_FRUS_TEXT);
  g_assert_cmpuint (result->records->len, ==, 1);
}

/* -- the corpus -------------------------------------------------------- */

static gboolean
str_equal_or_null (const char *a,
                   const char *b)
{
  return g_strcmp0 (a, b) == 0;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  if (!json_object_has_member (object, name) || json_object_get_null_member (object, name))
    return NULL;
  return json_object_get_string_member (object, name);
}

/* Compares one corpus document with its expected fields; returns the
 * differences, one per line, or "" when there are none. */
/* Where the text file and the TEI that expected.json was read from differ,
 * the text cannot tell what the TEI says; such differences are counted in
 * @n_limits, not reported as errors:
 * - a printing note that the TEI attaches to a signature, which the text
 *   file leaves out (39 documents of frus1961-63v06);
 * - a date the editors inferred for an "undated" document, which the TEI
 *   gives in an attribute and the text does not print;
 * - the marking of a "[Source: …]" line, which the TEI encodes as a note in
 *   some documents (expected says its classification) and as a paragraph in
 *   others (expected says null). */
static char *
compare_document (DocketRecord *record,
                  JsonObject   *expected,
                  const char   *text,
                  guint        *n_limits)
{
  g_autoptr(GString) diff = g_string_new (NULL);
  const char *date_from = docket_record_get (record, DOCKET_FIELD_DATE_FROM);
  g_autofree char *date = date_from != NULL ? g_strndup (date_from, 10) : NULL;
  const char *classification = docket_record_get (record, DOCKET_FIELD_CLASSIFICATION);
  JsonArray *all_footnotes = json_object_get_array_member (expected, "footnotes");
  g_autoptr(GPtrArray) footnotes = g_ptr_array_new ();
  JsonArray *pages = json_object_get_array_member (expected, "page_breaks");
  GPtrArray *got_footnotes = docket_record_get_footnotes (record);
  g_auto(GStrv) got_pages = docket_record_dup_page_breaks (record);
  static const struct { const char *key; DocketField field; } scalars[] = {
    { "number", DOCKET_FIELD_NUMBER },
    { "heading", DOCKET_FIELD_HEADING },
    { "subject", DOCKET_FIELD_SUBJECT },
    { "place", DOCKET_FIELD_PLACE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (scalars); i++)
    if (!str_equal_or_null (docket_record_get (record, scalars[i].field),
                            member_string (expected, scalars[i].key)))
      g_string_append_printf (diff, "%s: got “%s”, expected “%s”\n", scalars[i].key,
                              docket_record_get (record, scalars[i].field),
                              member_string (expected, scalars[i].key));

  for (guint i = 0; i < json_array_get_length (all_footnotes); i++)
    {
      JsonObject *want = json_array_get_object_element (all_footnotes, i);
      g_autofree char *line = g_strdup_printf ("%s. %s", member_string (want, "n"),
                                               member_string (want, "text"));

      if (strstr (text, line) != NULL)
        g_ptr_array_add (footnotes, want);
      else
        (*n_limits)++;
    }

  if (date == NULL && member_string (expected, "date") != NULL &&
      g_strcmp0 (docket_record_get (record, DOCKET_FIELD_DATE_CERTAINTY), "undated") == 0)
    (*n_limits)++;
  else if (!str_equal_or_null (date, member_string (expected, "date")))
    g_string_append_printf (diff, "date: got %s, expected %s\n", date, member_string (expected, "date"));

  if (!str_equal_or_null (classification, member_string (expected, "classification")))
    {
      if (member_string (expected, "classification") == NULL && strstr (text, "\n[Source:") != NULL)
        (*n_limits)++;
      else
        g_string_append_printf (diff, "classification: got %s, expected %s\n", classification,
                                member_string (expected, "classification"));
    }

  if (got_footnotes->len != footnotes->len)
    g_string_append_printf (diff, "footnotes: got %u, expected %u\n", got_footnotes->len,
                            footnotes->len);
  else
    for (guint i = 0; i < got_footnotes->len; i++)
      {
        const DocketFootnote *fn = g_ptr_array_index (got_footnotes, i);
        JsonObject *want = g_ptr_array_index (footnotes, i);
        gboolean want_source = g_strcmp0 (member_string (want, "tei_type"), "source") == 0;

        if (g_strcmp0 (fn->n, member_string (want, "n")) != 0)
          g_string_append_printf (diff, "footnote %u: n %s, expected %s\n", i, fn->n, member_string (want, "n"));
        if (g_strcmp0 (fn->text, member_string (want, "text")) != 0)
          g_string_append_printf (diff, "footnote %s: text “%s”, expected “%s”\n", fn->n, fn->text,
                                  member_string (want, "text"));
        if ((fn->kind == DOCKET_FOOTNOTE_SOURCE) != want_source)
          g_string_append_printf (diff, "footnote %s: kind %s\n", fn->n, docket_footnote_kind_to_string (fn->kind));
      }

  if (g_strv_length (got_pages) != json_array_get_length (pages))
    g_string_append_printf (diff, "page breaks: got %u, expected %u\n", g_strv_length (got_pages),
                            json_array_get_length (pages));
  else
    for (guint i = 0; got_pages[i] != NULL; i++)
      if (g_strcmp0 (got_pages[i], json_array_get_string_element (pages, i)) != 0)
        g_string_append_printf (diff, "page break %u: %s, expected %s\n", i, got_pages[i],
                                json_array_get_string_element (pages, i));

  return g_string_free (g_steal_pointer (&diff), FALSE);
}

/* Every footnote of the document has its marker in the body, in order. */
static char *
check_markers (DocketRecord *record)
{
  GPtrArray *footnotes = docket_record_get_footnotes (record);
  g_autoptr(GString) missing = g_string_new (NULL);

  for (guint i = 0; i < footnotes->len; i++)
    {
      const DocketFootnote *fn = g_ptr_array_index (footnotes, i);
      g_autofree char *before = text_before_anchor (record, fn->id, NULL);

      if (before == NULL)
        g_string_append_printf (missing, " %s", fn->n);
    }
  return g_string_free (g_steal_pointer (&missing), FALSE);
}

static guint
count_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      n++;
  return n;
}

static void
test_corpus_volume (gconstpointer data)
{
  const char *volume = data;
  g_autofree char *dir = docket_test_shared_path ("corpus", "text", volume, NULL);
  g_autofree char *json_path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *root;
  guint passed = 0;
  guint total = 0;
  guint anchored = 0;
  guint n_footnotes = 0;
  guint with_limits = 0;

  if (dir == NULL)
    return;
  json_path = g_build_filename (dir, "expected.json", NULL);
  json_parser_load_from_file (parser, json_path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (root);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      g_autoptr(GPtrArray) records = NULL;
      g_autofree char *diff = NULL;
      g_autofree char *missing = NULL;
      gsize length;
      guint n_limits;

      total++;
      text = docket_test_read_file (path, &length);
      records = docket_text_import_parse (name, text, length, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (records->len, ==, 1);
      n_limits = 0;
      diff = compare_document (g_ptr_array_index (records, 0),
                               json_object_get_object_member (root, name), text, &n_limits);
      if (n_limits > 0)
        with_limits++;
      missing = check_markers (g_ptr_array_index (records, 0));
      n_footnotes += docket_record_get_footnotes (g_ptr_array_index (records, 0))->len;
      anchored += docket_record_get_footnotes (g_ptr_array_index (records, 0))->len -
                  count_words (missing);
      if (diff[0] == '\0')
        passed++;
      else
        g_test_message ("%s/%s:\n%s", volume, name, diff);
      if (missing[0] != '\0')
        g_test_message ("%s/%s: no marker found for footnote(s)%s", volume, name, missing);
    }

  g_test_message ("%s: %u of %u documents match expected.json (%u of them where the text "
                   "cannot show what the TEI says); %u of %u footnotes anchored in the text",
                   volume, passed, total, with_limits, anchored, n_footnotes);
  g_assert_cmpuint (passed, ==, total);
}

/* -- synthetic documents ------------------------------------------------ */

static const DocketBlock *
find_block (DocketRecord    *record,
            DocketBlockKind  kind,
            guint            nth)
{
  GPtrArray *body = docket_record_get_body (record);

  for (guint i = 0; i < body->len; i++)
    {
      const DocketBlock *block = g_ptr_array_index (body, i);

      if (block->kind == kind && nth-- == 0)
        return block;
    }
  return NULL;
}

static void
test_synthetic_layout (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(DocketRecord) record = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *before = NULL;
  GPtrArray *footnotes;
  const DocketBlock *block;
  DocketBlockKind kind;

  g_string_append (text,
    "12. Letter From Secretary of State Rusk to the Ambassador to Japan (Reischauer) 1\n"
    "\n\n"
    "[Page 40]\n"
    "\n"
    "Washington, January 22, 1964, 3:05 p.m.\n"
    "\n"
    "Dear Ed:\n"
    "\n"
    "1. The talks of 6 December)2 went well; RG 59 and Central Files 1967–69 hold the record.\n"
    "\n"
    "2. We met at 3:05 p.m. on the 20th Parallel question (see Document 383).\n"
    "\n"
    "[Page 41]\n"
    "\n"
    "3. They will answer in January.3 Nothing more [Page 42] was said.4\n"
    "\n"
    "Conclusions:\n"
    "\n");
  /* Dozens of footnotes, each glued to a word. */
  for (guint i = 5; i <= 40; i++)
    g_string_append_printf (text, "Point %u is settled, word%u\n\n", i, i);
  g_string_append (text,
    "Sincerely,\n"
    "\n"
    "Dean Rusk 41\n"
    "\n"
    "  1. Source: Department of State, INR/IL Historical Files, East Asia Country Files, Japan, 1964. Secret; Official–Informal; Roger Channel. 2 pages of source text not declassified.\n"
    "  2. See Document 7.\n"
    "  3. The reply is in telegram 2481 from Tokyo. (National Archives and Records Administration, RG 59, Central Files 1964–66, POL JAPAN–US)\n"
    "  4. Ibid.\n");
  for (guint i = 5; i <= 40; i++)
    g_string_append_printf (text, "  %u. Note %u.\n", i, i);
  g_string_append (text, "  41. Printed from an unsigned copy.\n");

  record = import_one (text->str);

  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_NUMBER), ==, "12");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_TYPE), ==, "letter");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_PLACE), ==, "Washington");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DATE_TEXT), ==, "January 22, 1964, 3:05 p.m.");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DATE_FROM), ==, "1964-01-22T15:05");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DATE_CERTAINTY), ==, "exact");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_CLASSIFICATION), ==, "Secret");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_CAVEATS), ==, "Official–Informal; Roger Channel");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DECLASSIFICATION), ==,
                   "2 pages of source text not declassified");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_SOURCE_REPOSITORY), ==, "Department of State");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_SOURCE_COLLECTION), ==, "INR/IL Historical Files");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_PRINTING_NOTE), ==, "Printed from an unsigned copy.");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_PAGES), ==, "40–42");

  pages = docket_record_dup_page_breaks (record);
  g_assert_cmpstrv (pages, ((const char *[]) { "40", "41", "42", NULL }));

  /* One document: numbered paragraphs do not start another. */
  g_assert_nonnull (find_block (record, DOCKET_BLOCK_DATELINE, 0));
  block = find_block (record, DOCKET_BLOCK_SALUTATION, 0);
  g_assert_cmpstr (block->text, ==, "Dear Ed:");
  block = find_block (record, DOCKET_BLOCK_SECTION, 0);
  g_assert_cmpstr (block->text, ==, "Conclusions:");
  block = find_block (record, DOCKET_BLOCK_CLOSING, 0);
  g_assert_cmpstr (block->text, ==, "Sincerely,");
  block = find_block (record, DOCKET_BLOCK_SIGNATURE, 0);
  g_assert_cmpstr (block->text, ==, "Dean Rusk");

  /* Markers glued to punctuation, and the numbers that are not markers. */
  before = text_before_anchor (record, "d12fn2", NULL);
  g_assert_true (g_str_has_suffix (before, "6 December)"));
  g_clear_pointer (&before, g_free);
  before = text_before_anchor (record, "d12fn3", NULL);
  g_assert_true (g_str_has_suffix (before, "in January."));
  g_clear_pointer (&before, g_free);
  before = text_before_anchor (record, "d12fn4", NULL);
  g_assert_true (g_str_has_suffix (before, "was said."));
  g_clear_pointer (&before, g_free);
  before = text_before_anchor (record, "d12fn41", &kind);
  g_assert_cmpint (kind, ==, DOCKET_BLOCK_SIGNATURE);
  g_clear_pointer (&before, g_free);
  block = find_block (record, DOCKET_BLOCK_PARAGRAPH, 0);
  g_assert_cmpstr (block->text, ==,
                   "1. The talks of 6 December) went well; RG 59 and Central Files 1967–69 hold the record.");
  block = find_block (record, DOCKET_BLOCK_PARAGRAPH, 1);
  g_assert_cmpuint (block->anchors->len, ==, 0);
  block = find_block (record, DOCKET_BLOCK_PARAGRAPH, 2);
  g_assert_cmpstr (block->text, ==, "3. They will answer in January. Nothing more was said.");
  g_assert_cmpuint (block->anchors->len, ==, 3);
  g_assert_cmpint (((DocketAnchor *) g_ptr_array_index (block->anchors, 1))->kind, ==, DOCKET_ANCHOR_PAGE_BREAK);
  g_assert_cmpstr (((DocketAnchor *) g_ptr_array_index (block->anchors, 1))->ref, ==, "42");

  footnotes = docket_record_get_footnotes (record);
  g_assert_cmpuint (footnotes->len, ==, 41);
  for (guint i = 5; i <= 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("d12fn%u", i);
      g_autofree char *word = g_strdup_printf ("word%u", i);

      before = text_before_anchor (record, id, NULL);
      g_assert_nonnull (before);
      g_assert_true (g_str_has_suffix (before, ", word"));
      g_clear_pointer (&before, g_free);
    }

  /* Footnote links: a record link left for the caller to qualify, and an
   * archival citation that a later "Ibid." repeats. */
  {
    const DocketFootnote *fn = g_ptr_array_index (footnotes, 1);
    const DocketFootnoteLink *link;

    g_assert_cmpuint (fn->links->len, ==, 1);
    link = g_ptr_array_index (fn->links, 0);
    g_assert_cmpint (link->kind, ==, DOCKET_LINK_RECORD);
    g_assert_cmpstr (link->target, ==, "d7");
    g_assert_cmpstr (link->description, ==, "Document 7");

    fn = g_ptr_array_index (footnotes, 2);
    g_assert_cmpuint (fn->links->len, ==, 1);
    assert_archival (g_ptr_array_index (fn->links, 0), "National Archives and Records Administration",
                     "RG 59, Central Files 1964–66", "POL JAPAN–US");
    g_assert_cmpint (((DocketFootnote *) g_ptr_array_index (footnotes, 0))->kind, ==, DOCKET_FOOTNOTE_SOURCE);
    g_assert_cmpint (((DocketFootnote *) g_ptr_array_index (footnotes, 40))->kind, ==, DOCKET_FOOTNOTE_PRINTING);
  }

  /* Agents from the heading. */
  {
    g_autoptr(GPtrArray) authors = docket_record_dup_agents_with_role (record, DOCKET_AGENT_AUTHOR);
    g_autoptr(GPtrArray) recipients = docket_record_dup_agents_with_role (record, DOCKET_AGENT_RECIPIENT);

    g_assert_cmpuint (authors->len, ==, 1);
    g_assert_cmpstr (((DocketAgent *) g_ptr_array_index (authors, 0))->name, ==, "Rusk");
    g_assert_cmpstr (((DocketAgent *) g_ptr_array_index (authors, 0))->office, ==, "Secretary of State");
    g_assert_cmpuint (recipients->len, ==, 1);
    g_assert_cmpstr (((DocketAgent *) g_ptr_array_index (recipients, 0))->name, ==, "Reischauer");
    g_assert_cmpstr (((DocketAgent *) g_ptr_array_index (recipients, 0))->office, ==, "Ambassador to Japan");
  }
}

/* frus1961-63v06 numbers its source notes 0, glued to the heading. */
static void
test_synthetic_source_zero (void)
{
  const char *text =
    "5. Telegram From President Kennedy to Chairman Khrushchev0\n"
    "\n\n"
    "Moscow, undated.\n"
    "\n"
    "I was glad to have your letter of October 16 1 with its news.\n"
    "\n"
    "John F. Kennedy\n"
    "\n"
    "  0. Source: Department of State, Central Files, 761.13/2-1361. Unclassified. Drafted by Rusk.\n"
    "  1. Document 3.\n";
  g_autoptr(DocketRecord) record = import_one (text);
  g_autofree char *before = text_before_anchor (record, "d5fn0", NULL);
  g_autofree char *before1 = text_before_anchor (record, "d5fn1", NULL);
  GPtrArray *footnotes = docket_record_get_footnotes (record);

  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_HEADING), ==,
                   "Telegram From President Kennedy to Chairman Khrushchev");
  g_assert_true (g_str_has_suffix (before, "Chairman Khrushchev"));
  g_assert_true (g_str_has_suffix (before1, "October 16"));
  g_assert_cmpstr (((DocketFootnote *) g_ptr_array_index (footnotes, 0))->n, ==, "0");
  g_assert_cmpint (((DocketFootnote *) g_ptr_array_index (footnotes, 0))->kind, ==, DOCKET_FOOTNOTE_SOURCE);
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_CLASSIFICATION), ==, "Unclassified");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_SOURCE_COLLECTION), ==, "Central Files");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_SOURCE_FILE), ==, "761.13/2-1361");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_PLACE), ==, "Moscow");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DATE_CERTAINTY), ==, "undated");
  g_assert_null (docket_record_get (record, DOCKET_FIELD_DATE_FROM));
  g_assert_cmpstr (find_block (record, DOCKET_BLOCK_SIGNATURE, 0)->text, ==, "John F. Kennedy");
}

static void
test_several_documents (void)
{
  const char *text =
    "1. Editorial Note\n"
    "\n\n"
    "In the 1958–1968 decade, four programs were approved.\n"
    "\n"
    "2. Telegram From the Embassy in Japan to the Department of State 1\n"
    "\n\n"
    "Tokyo, May 3, 1964, 7 p.m.\n"
    "\n"
    "1. Ikeda asked to see me.2\n"
    "\n"
    "2. He made these points.\n"
    "\n"
    "Reischauer\n"
    "\n"
    "  1. Source: National Archives and Records Administration, RG 59, Central Files 1964–66, DEF 19–3 US–JAPAN. Secret.\n"
    "  2. Not found.\n"
    "3. Memorandum for the Record 1\n"
    "\n\n"
    "Washington, June 1967.\n"
    "\n"
    "Nothing was decided.\n"
    "\n"
    "  1. Source: Johnson Library, National Security File, Country File, Japan, Vol. VII. Confidential; Exdis.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = docket_text_import_parse ("three.txt", text, strlen (text), &error);
  DocketRecord *record;

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 3);

  record = g_ptr_array_index (records, 0);
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_TYPE), ==, "editorial note");
  g_assert_cmpuint (docket_record_get_footnotes (record)->len, ==, 0);

  record = g_ptr_array_index (records, 1);
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_NUMBER), ==, "2");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DATE_FROM), ==, "1964-05-03T19:00");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_SOURCE_REPOSITORY), ==,
                   "National Archives and Records Administration");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_SOURCE_COLLECTION), ==, "RG 59, Central Files 1964–66");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_SOURCE_FILE), ==, "DEF 19–3 US–JAPAN");
  g_assert_cmpuint (docket_record_get_footnotes (record)->len, ==, 2);
  {
    g_autoptr(GPtrArray) authors = docket_record_dup_agents_with_role (record, DOCKET_AGENT_AUTHOR);

    g_assert_cmpuint (authors->len, ==, 1);
    g_assert_cmpstr (((DocketAgent *) g_ptr_array_index (authors, 0))->name, ==, "Embassy in Japan");
    g_assert_null (((DocketAgent *) g_ptr_array_index (authors, 0))->office);
  }

  record = g_ptr_array_index (records, 2);
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_TYPE), ==, "memorandum for the record");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DATE_FROM), ==, "1967-06-01");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DATE_TO), ==, "1967-06-30");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DATE_CERTAINTY), ==, "approximate");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_SOURCE_REPOSITORY), ==, "Johnson Library");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_SOURCE_COLLECTION), ==, "National Security File");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_SOURCE_FILE), ==, "Country File, Japan, Vol. VII");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_CLASSIFICATION), ==, "Confidential");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_CAVEATS), ==, "Exdis");
}

/* -- bad input ---------------------------------------------------------- */

static void
assert_refused (const char *text,
                gssize      length,
                int         code,
                const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records =
    docket_text_import_parse ("bad.txt", text, length < 0 ? strlen (text) : (gsize) length, &error);

  g_assert_null (records);
  g_assert_error (error, DOCKET_IMPORT_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_bad_input (void)
{
  assert_refused ("", 0, DOCKET_IMPORT_ERROR_EMPTY, "bad.txt:1: ");
  assert_refused ("\n   \n\t\n", -1, DOCKET_IMPORT_ERROR_EMPTY, "bad.txt:1: ");
  assert_refused ("It was a bright cold day in April, and the clocks were striking thirteen.\n"
                  "Winston Smith slipped quickly through the glass doors.\n", -1,
                  DOCKET_IMPORT_ERROR_NOT_RECOGNIZED, "bad.txt:1: ");
  /* Blank lines first: the line number is the first line of text. */
  assert_refused ("\n\nDear Dean:\n\nThank you.\n", -1, DOCKET_IMPORT_ERROR_NOT_RECOGNIZED, "bad.txt:3: ");
  /* A numbered list that is not a FRUS heading. */
  assert_refused ("1. Introduction\n\nThis report describes the survey.\n", -1,
                  DOCKET_IMPORT_ERROR_NOT_RECOGNIZED, "bad.txt:1: ");
  assert_refused ("206. Memorandum From \xff\xfe to President Johnson\n", -1,
                  DOCKET_IMPORT_ERROR_ENCODING, "bad.txt:1: ");
  assert_refused ("206. Memorandum\n\nText\n\0binary", 24, DOCKET_IMPORT_ERROR_ENCODING, "bad.txt:4: ");
}

/* -- the parsers the TEI reader shares ------------------------------------ */

static void
test_source_note (void)
{
  g_autoptr(DocketSourceNote) nara = docket_source_note_parse (
    "Source: National Archives and Records Administration, RG 59, Central Files 1964–66, DEF 19–3 US–JAPAN. Secret.");
  g_autoptr(DocketSourceNote) johnson = docket_source_note_parse (
    "Source: Johnson Library, National Security Files, Country File, Japan, Vol. II, Memos. Top Secret; Nodis; Eyes Only.");
  g_autoptr(DocketSourceNote) letter = docket_source_note_parse (
    "Source: Johnson Library, National Security Files, Subject File, Nuclear-Testing— China. "
    "The letter has no classification markings; the attachment is Secret, Eyes Only.");
  g_autoptr(DocketSourceNote) none = docket_source_note_parse (
    "Source: Department of State, Presidential Correspondence: Lot 66 D 204. No classification marking. "
    "Another copy is in the Kennedy Library, National Security Files, Countries Series, USSR, Khrushchev Correspondence.");
  g_autoptr(DocketSourceNote) capital = docket_source_note_parse (
    "Source: National Archives and Records Administration, RG 59, Central Files 1964–66, POL 27 VIET S. Confidential. Repeated to Saigon.");
  const DocketFootnoteLink *link;

  g_assert_cmpstr (nara->repository, ==, "National Archives and Records Administration");
  g_assert_cmpstr (nara->collection, ==, "RG 59, Central Files 1964–66");
  g_assert_cmpstr (nara->file, ==, "DEF 19–3 US–JAPAN");
  g_assert_cmpstr (nara->classification, ==, "Secret");
  g_assert_cmpuint (g_strv_length (nara->caveats), ==, 0);

  g_assert_cmpstr (johnson->repository, ==, "Johnson Library");
  g_assert_cmpstr (johnson->collection, ==, "National Security Files");
  g_assert_cmpstr (johnson->file, ==, "Country File, Japan, Vol. II, Memos");
  g_assert_cmpstr (johnson->classification, ==, "Top Secret");
  g_assert_cmpstrv (johnson->caveats, ((const char *[]) { "Nodis", "Eyes Only", NULL }));

  g_assert_null (letter->classification);
  g_assert_cmpuint (g_strv_length (letter->caveats), ==, 0);

  g_assert_null (none->classification);
  g_assert_cmpstr (none->collection, ==, "Presidential Correspondence: Lot 66 D 204");
  g_assert_cmpuint (none->citations->len, ==, 2);
  link = g_ptr_array_index (none->citations, 1);
  assert_archival (link, "Kennedy Library", "National Security Files", "Countries Series, USSR, Khrushchev Correspondence");

  g_assert_cmpstr (capital->file, ==, "POL 27 VIET S");
  g_assert_cmpstr (capital->classification, ==, "Confidential");
}

static void
test_date_parse (void)
{
  static const struct
  {
    const char *text;
    const char *from;
    const char *to;
    const char *certainty;
  } cases[] = {
    { "January 22, 1964.", "1964-01-22", "1964-01-22", "exact" },
    { "May 3, 1964, 7 p.m.", "1964-05-03T19:00", "1964-05-03T19:00", "exact" },
    { "January 11, 1969, 0731Z.", "1969-01-11T07:31Z", "1969-01-11T07:31Z", "exact" },
    { "June 30, 1964, 9:45–10:15 a.m.", "1964-06-30T09:45", "1964-06-30T10:15", "exact" },
    { "June 1967", "1967-06-01", "1967-06-30", "approximate" },
    { "1967", "1967-01-01", "1967-12-31", "approximate" },
    { "6 December 1962", "1962-12-06", "1962-12-06", "exact" },
    { "June 16–23, 1967", "1967-06-16", "1967-06-23", "exact" },
    { "[June 21, 1967]", "1967-06-21", "1967-06-21", "inferred" },
    { "undated", NULL, NULL, "undated" },
  };
  int hour, minute;
  gboolean utc;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DocketDateParse) date = docket_date_parse (cases[i].text);

      g_assert_nonnull (date);
      g_assert_cmpstr (date->from, ==, cases[i].from);
      g_assert_cmpstr (date->to, ==, cases[i].to);
      g_assert_cmpstr (date->certainty, ==, cases[i].certainty);
    }
  g_assert_null (docket_date_parse ("Your meeting with Kosygin"));
  g_assert_null (docket_date_parse ("February 30, 1964"));

  g_assert_true (docket_date_parse_time ("1330Z", &hour, &minute, &utc));
  g_assert_cmpint (hour, ==, 13);
  g_assert_cmpint (minute, ==, 30);
  g_assert_true (utc);
  g_assert_true (docket_date_parse_time ("noon", &hour, &minute, &utc));
  g_assert_cmpint (hour, ==, 12);
  g_assert_false (docket_date_parse_time ("soon", &hour, &minute, &utc));

  {
    g_autofree char *place = NULL;
    g_autoptr(DocketDateParse) date = docket_date_parse_dateline ("Tokyo, May 3, 1964, 7 p.m.", &place);

    g_assert_nonnull (date);
    g_assert_cmpstr (place, ==, "Tokyo");
    g_assert_cmpstr (date->text, ==, "May 3, 1964, 7 p.m.");
  }
  {
    g_autofree char *place = NULL;
    g_autoptr(DocketDateParse) date = docket_date_parse_dateline ("There is no date, 1964, here.", &place);

    g_assert_null (date);
    g_assert_null (place);
  }
}

static void
test_heading_parse (void)
{
  g_autoptr(DocketHeadingParse) memcon = docket_heading_parse (
    "Memorandum of Conversation Between the President's Special Assistant (Rostow) and Kei Wakaizumi");
  g_autoptr(DocketHeadingParse) message = docket_heading_parse (
    "Message From Chairmen Khrushchev and Brezhnev to President Kennedy");
  g_autoptr(DocketHeadingParse) telegram = docket_heading_parse (
    "Telegram 4858 From the Embassy in Japan to the Department of State");
  g_autoptr(DocketHeadingParse) prepared = docket_heading_parse ("Paper Prepared by the 303 Committee");
  const DocketAgent *agent;

  g_assert_cmpstr (memcon->type, ==, "memorandum of conversation");
  g_assert_cmpuint (memcon->agents->len, ==, 2);
  agent = g_ptr_array_index (memcon->agents, 0);
  g_assert_cmpint (agent->role, ==, DOCKET_AGENT_MENTIONED);
  g_assert_cmpstr (agent->name, ==, "Rostow");
  g_assert_cmpstr (agent->office, ==, "President's Special Assistant");
  agent = g_ptr_array_index (memcon->agents, 1);
  g_assert_cmpstr (agent->name, ==, "Kei Wakaizumi");

  g_assert_cmpstr (message->type, ==, "message");
  g_assert_cmpuint (message->agents->len, ==, 3);
  agent = g_ptr_array_index (message->agents, 1);
  g_assert_cmpint (agent->role, ==, DOCKET_AGENT_AUTHOR);
  g_assert_cmpstr (agent->name, ==, "Brezhnev");
  g_assert_cmpstr (agent->office, ==, "Chairman");

  g_assert_cmpstr (telegram->type, ==, "telegram");
  g_assert_cmpuint (telegram->agents->len, ==, 2);
  agent = g_ptr_array_index (telegram->agents, 1);
  g_assert_cmpint (agent->role, ==, DOCKET_AGENT_RECIPIENT);
  g_assert_cmpstr (agent->name, ==, "Department of State");

  g_assert_cmpstr (prepared->type, ==, "paper");
  g_assert_cmpuint (prepared->agents->len, ==, 1);
  agent = g_ptr_array_index (prepared->agents, 0);
  g_assert_cmpstr (agent->name, ==, "303 Committee");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/docket/import/text/seed", test_seed_fields);
  g_test_add_func ("/docket/import/text/seed-dispatch", test_seed_through_dispatcher);
  g_test_add_data_func ("/docket/import/text/corpus/frus1964-68v29p2", "frus1964-68v29p2", test_corpus_volume);
  g_test_add_data_func ("/docket/import/text/corpus/frus1961-63v06", "frus1961-63v06", test_corpus_volume);
  g_test_add_func ("/docket/import/text/synthetic/layout", test_synthetic_layout);
  g_test_add_func ("/docket/import/text/synthetic/source-zero", test_synthetic_source_zero);
  g_test_add_func ("/docket/import/text/synthetic/several-documents", test_several_documents);
  g_test_add_func ("/docket/import/text/bad-input", test_bad_input);
  g_test_add_func ("/docket/import/text/source-note", test_source_note);
  g_test_add_func ("/docket/import/text/date-parse", test_date_parse);
  g_test_add_func ("/docket/import/text/heading-parse", test_heading_parse);

  return g_test_run ();
}
