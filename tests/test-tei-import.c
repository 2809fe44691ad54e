/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "test-tei-import"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "docket-import.h"
#include "docket-tei-import.h"
#include "docket-test-util.h"

/* The FRUS TEI reader against the real volumes of ../shared/corpus: every
 * document becomes a record, and its fields agree with the TEI and with the
 * web edition's reading of it (text/<volume>/expected.json). */

typedef struct
{
  guint calls;
  guint last_done;
  guint last_total;
} Progress;

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, ==, progress->last_done + 1);
  progress->calls++;
  progress->last_done = done;
  progress->last_total = total;
}

static DocketImportResult *
import_path (const char *path,
             Progress   *progress)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = g_path_get_basename (path);
  DocketImportResult *result;
  gsize length;

  data = docket_test_read_file (path, &length);
  result = docket_tei_import_parse (name, data, length, NULL,
                                    progress != NULL ? progress_cb : NULL, NULL, progress, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static DocketRecord *
find_record (DocketImportResult *result,
             const char         *id)
{
  for (guint i = 0; i < result->records->len; i++)
    {
      DocketRecord *record = g_ptr_array_index (result->records, i);

      if (g_strcmp0 (docket_record_get_id (record), id) == 0)
        return record;
    }
  return NULL;
}

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

static const DocketAnchor *
find_anchor (DocketRecord     *record,
             const char       *ref,
             const DocketBlock **out_block)
{
  GPtrArray *body = docket_record_get_body (record);

  for (guint i = 0; i < body->len; i++)
    {
      const DocketBlock *block = g_ptr_array_index (body, i);

      for (guint j = 0; j < block->anchors->len; j++)
        {
          const DocketAnchor *anchor = g_ptr_array_index (block->anchors, j);

          if (g_strcmp0 (anchor->ref, ref) == 0)
            {
              if (out_block != NULL)
                *out_block = block;
              return anchor;
            }
        }
    }
  return NULL;
}

static const DocketAgent *
find_agent (DocketRecord    *record,
            DocketAgentRole  role,
            const char      *name)
{
  GPtrArray *agents = docket_record_get_agents (record);

  for (guint i = 0; i < agents->len; i++)
    {
      const DocketAgent *agent = g_ptr_array_index (agents, i);

      if (agent->role == role && g_strcmp0 (agent->name, name) == 0)
        return agent;
    }
  return NULL;
}

/* The seed: FRUS 1964–68, vol. V, document 206, hand-encoded as TEI. */
static void
test_seed (void)
{
  g_autofree char *path = docket_test_shared_path ("corpus", "frus1964-68v05-d206.reconstructed.xml", NULL);
  g_autoptr(DocketImportResult) result = NULL;
  g_auto(GStrv) pages = NULL;
  DocketRecord *record;
  GPtrArray *footnotes;
  const DocketFootnote *footnote;
  const DocketBlock *block;
  const DocketAnchor *anchor;
  const DocketAgent *agent;
  Progress progress = { 0 };

  if (path == NULL)
    return;

  result = import_path (path, &progress);
  g_assert_cmpuint (progress.calls, ==, 1);
  g_assert_cmpuint (progress.last_total, ==, 1);

  g_assert_cmpint (result->format, ==, DOCKET_IMPORT_FORMAT_FRUS_TEI);
  g_assert_nonnull (result->collection);
  g_assert_cmpstr (result->collection->id, ==, "frus1964-68v05");
  g_assert_cmpstr (result->collection->title, ==,
                   "Foreign Relations of the United States, 1964–1968, Volume V, Vietnam, 1967");
  g_assert_cmpstr (result->collection->series, ==, "Foreign Relations of the United States");
  g_assert_cmpstr (result->collection->subseries, ==, "1964–1968");
  g_assert_cmpstr (result->collection->volume, ==, "Volume V, Vietnam, 1967");
  g_assert_cmpuint (result->persons->len, ==, 6);
  g_assert_cmpuint (result->glossary->len, ==, 1);

  g_assert_cmpuint (result->records->len, ==, 1);
  record = g_ptr_array_index (result->records, 0);
  g_assert_cmpstr (docket_record_get_id (record), ==, "frus1964-68v05d206");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_NUMBER), ==, "206");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_COLLECTION), ==, "frus1964-68v05");
  g_assert_cmpstr (docket_record_get_heading (record), ==,
                   "Memorandum From the Ambassador at Large (Harriman) to President Johnson");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_SUBJECT), ==,
                   "Possible Kosygin Talks on Vietnam Settlement");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_TYPE), ==, "memorandum");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_URL), ==,
                   "https://history.state.gov/historicaldocuments/frus1964-68v05/d206");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_PUBLICATION), ==, result->collection->title);
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_PAGES), ==, "522");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_LANGUAGE), ==, "eng");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_EXTENT), ==, "1 memorandum");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_CLASSIFICATION), ==, "Top Secret");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_SOURCE_REPOSITORY), ==,
                   "Library of Congress, Manuscript Division");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_PRINTING_NOTE), ==,
                   "Printed from a copy that bears this typed signature.");
  /* The seed has no dateline (see the corpus README). */
  g_assert_null (docket_record_get (record, DOCKET_FIELD_DATE_FROM));
  g_assert_null (docket_record_get (record, DOCKET_FIELD_PLACE));

  agent = find_agent (record, DOCKET_AGENT_AUTHOR, "Harriman");
  g_assert_nonnull (agent);
  g_assert_cmpstr (agent->office, ==, "Ambassador at Large");
  g_assert_cmpstr (agent->ref, ==, "p_HWA2");
  agent = find_agent (record, DOCKET_AGENT_RECIPIENT, "Johnson");
  g_assert_nonnull (agent);
  g_assert_cmpstr (agent->office, ==, "President");
  agent = find_agent (record, DOCKET_AGENT_MENTIONED, "Kosygin");
  g_assert_nonnull (agent);
  g_assert_cmpstr (agent->ref, ==, "p_KAN1");

  footnotes = docket_record_get_footnotes (record);
  g_assert_cmpuint (footnotes->len, ==, 3);
  footnote = g_ptr_array_index (footnotes, 0);
  g_assert_cmpstr (footnote->id, ==, "d206fn1");
  g_assert_cmpstr (footnote->n, ==, "1");
  g_assert_cmpint (footnote->kind, ==, DOCKET_FOOTNOTE_SOURCE);
  g_assert_cmpstr (footnote->text, ==,
                   "Source: Library of Congress, Manuscript Division, Harriman Papers, Special Files, "
                   "Public Service, Subject File, Johnson, Lyndon 1967. Top Secret.");
  footnote = g_ptr_array_index (footnotes, 1);
  g_assert_cmpstr (footnote->n, ==, "2");
  g_assert_cmpint (footnote->kind, ==, DOCKET_FOOTNOTE_EDITORIAL);
  g_assert_true (g_str_has_prefix (footnote->text, "This meeting between Rusk and Dobrynin took place"));
  g_assert_true (g_str_has_suffix (footnote->text, "(Memorandum of conversation, June 16; ibid., POL 7 USSR)"));
  footnote = g_ptr_array_index (footnotes, 2);
  g_assert_cmpstr (footnote->n, ==, "3");
  g_assert_cmpint (footnote->kind, ==, DOCKET_FOOTNOTE_PRINTING);

  /* The heading block keeps the number and the source note's marker. */
  block = find_block (record, DOCKET_BLOCK_HEADING, 0);
  g_assert_nonnull (block);
  g_assert_cmpstr (block->text, ==,
                   "206. Memorandum From the Ambassador at Large (Harriman) to President Johnson");
  anchor = find_anchor (record, "d206fn1", &block);
  g_assert_nonnull (anchor);
  g_assert_cmpint (block->kind, ==, DOCKET_BLOCK_HEADING);
  g_assert_cmpuint (anchor->offset, ==, strlen (block->text));

  block = find_block (record, DOCKET_BLOCK_SUBJECT, 0);
  g_assert_cmpstr (block->text, ==, "Possible Kosygin Talks on Vietnam Settlement");
  block = find_block (record, DOCKET_BLOCK_SECTION, 0);
  g_assert_cmpstr (block->text, ==, "Recommended Action:");

  /* Footnote 2 follows "namely, Vietnam." at the end of the last paragraph. */
  anchor = find_anchor (record, "d206fn2", &block);
  g_assert_nonnull (anchor);
  g_assert_cmpint (block->kind, ==, DOCKET_BLOCK_PARAGRAPH);
  g_assert_true (g_str_has_suffix (block->text, "namely, Vietnam."));
  g_assert_cmpuint (anchor->offset, ==, strlen (block->text));

  anchor = find_anchor (record, "d206fn3", &block);
  g_assert_nonnull (anchor);
  g_assert_cmpint (block->kind, ==, DOCKET_BLOCK_SIGNATURE);
  g_assert_cmpstr (block->text, ==, "W. Averell Harriman");

  /* Page 522 stands between the third paragraph and "Recommended Action:". */
  pages = docket_record_dup_page_breaks (record);
  g_assert_cmpstrv (pages, ((const char * const []) { "522", NULL }));
  {
    GPtrArray *body = docket_record_get_body (record);

    for (guint i = 0; i < body->len; i++)
      {
        const DocketBlock *b = g_ptr_array_index (body, i);

        if (b->kind != DOCKET_BLOCK_PAGE_BREAK)
          continue;
        g_assert_cmpuint (i + 1, <, body->len);
        g_assert_cmpstr (((DocketBlock *) g_ptr_array_index (body, i + 1))->text, ==, "Recommended Action:");
        g_assert_true (g_str_has_suffix (((DocketBlock *) g_ptr_array_index (body, i - 1))->text,
                                         "during his visit to Hanoi."));
      }
  }
}

/* ------------------------------------------------------------------ */
/* Whole volumes compared with the TEI (XPath) and expected.json.       */

static xmlXPathObjectPtr
xpath (xmlXPathContextPtr  ctx,
       xmlNodePtr          node,
       const char         *expr)
{
  xmlXPathObjectPtr obj;

  ctx->node = node;
  obj = xmlXPathEvalExpression ((const xmlChar *) expr, ctx);
  g_assert_nonnull (obj);
  return obj;
}

static char *
xpath_string (xmlXPathContextPtr  ctx,
              xmlNodePtr          node,
              const char         *expr)
{
  xmlXPathObjectPtr obj = xpath (ctx, node, expr);
  xmlChar *value = xmlXPathCastToString (obj);
  char *result = g_strdup ((const char *) value);

  xmlFree (value);
  xmlXPathFreeObject (obj);
  return result;
}

static double
xpath_number (xmlXPathContextPtr  ctx,
              xmlNodePtr          node,
              const char         *expr)
{
  xmlXPathObjectPtr obj = xpath (ctx, node, expr);
  double value = xmlXPathCastToNumber (obj);

  xmlXPathFreeObject (obj);
  return value;
}

static const char *
json_string_or_null (JsonObject *object,
                     const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return json_node_get_string (node);
}

static void
compare_with_expected (DocketRecord *record,
                       JsonObject   *expected,
                       GString      *misses)
{
  const char *id = docket_record_get_id (record);
  const char *subject = json_string_or_null (expected, "subject");
  const char *date = json_string_or_null (expected, "date");
  const char *from = docket_record_get (record, DOCKET_FIELD_DATE_FROM);
  JsonArray *notes = json_object_get_array_member (expected, "footnotes");
  JsonArray *breaks = json_object_get_array_member (expected, "page_breaks");
  GPtrArray *footnotes = docket_record_get_footnotes (record);
  g_auto(GStrv) pages = docket_record_dup_page_breaks (record);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint j = 0;

  g_test_message ("%s", id);
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_NUMBER), ==,
                   json_object_get_string_member (expected, "number"));
  g_assert_cmpstr (docket_record_get_heading (record), ==,
                   json_object_get_string_member (expected, "heading"));
  /* The web edition shows a subject list's first item as the subject. */
  if (subject == NULL)
    g_assert_null (docket_record_get (record, DOCKET_FIELD_SUBJECT));
  else
    {
      const char *ours = docket_record_get (record, DOCKET_FIELD_SUBJECT);

      g_assert_nonnull (ours);
      g_assert_true (g_str_has_prefix (ours, subject));
    }
  if (date == NULL)
    g_assert_null (from);
  else
    {
      g_assert_nonnull (from);
      g_assert_cmpint (strncmp (from, date, 10), ==, 0);
    }
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_PLACE), ==,
                   json_string_or_null (expected, "place"));
  /* The web edition's reading misses a marking printed in a bracketed
   * "[Source: …]" paragraph (v29p2 d9); ours reads it. */
  if (json_string_or_null (expected, "classification") != NULL
      || find_block (record, DOCKET_BLOCK_SOURCE, 0) == NULL)
    {
      /* The marking comes from the shared source-note parser; a miss there
       * is reported (and the test marked incomplete) rather than hiding
       * the comparison of everything else. */
      if (g_strcmp0 (docket_record_get (record, DOCKET_FIELD_CLASSIFICATION),
                     json_string_or_null (expected, "classification")) != 0)
        g_string_append_printf (misses, "%s: classification %s, expected %s; ", id,
                                docket_record_get (record, DOCKET_FIELD_CLASSIFICATION),
                                json_string_or_null (expected, "classification"));
    }

  /* The web edition lists a number once (v06 d75 has two notes "1"). */
  for (guint i = 0; i < footnotes->len; i++)
    {
      const DocketFootnote *footnote = g_ptr_array_index (footnotes, i);
      JsonObject *note;
      const char *tei_type;

      if (!g_hash_table_add (seen, footnote->n))
        continue;
      g_assert_cmpuint (j, <, json_array_get_length (notes));
      note = json_array_get_object_element (notes, j++);
      tei_type = json_string_or_null (note, "tei_type");
      g_assert_cmpstr (footnote->n, ==, json_object_get_string_member (note, "n"));
      g_assert_cmpstr (footnote->text, ==, json_object_get_string_member (note, "text"));
      if (g_strcmp0 (tei_type, "source") == 0)
        g_assert_cmpint (footnote->kind, ==, DOCKET_FOOTNOTE_SOURCE);
      else
        g_assert_cmpint (footnote->kind, !=, DOCKET_FOOTNOTE_SOURCE);
      /* Every footnote has its marker somewhere in the body. */
      g_assert_nonnull (find_anchor (record, footnote->id, NULL));
    }
  g_assert_cmpuint (j, ==, json_array_get_length (notes));

  /* Every mention covers whole characters of its block's text. */
  for (guint i = 0; i < docket_record_get_body (record)->len; i++)
    {
      const DocketBlock *block = g_ptr_array_index (docket_record_get_body (record), i);

      for (guint k = 0; k < block->anchors->len; k++)
        {
          const DocketAnchor *anchor = g_ptr_array_index (block->anchors, k);

          if (anchor->kind != DOCKET_ANCHOR_TERM && anchor->kind != DOCKET_ANCHOR_PERSON)
            continue;
          g_assert_cmpuint (anchor->length, >, 0);
          g_assert_cmpuint (anchor->offset + anchor->length, <=, strlen (block->text));
          g_assert_true (g_utf8_validate (block->text + anchor->offset, anchor->length, NULL));
          g_assert_cmpint (block->text[anchor->offset], !=, ' ');
        }
    }

  g_assert_cmpuint (g_strv_length (pages), ==, json_array_get_length (breaks));
  for (guint i = 0; pages[i] != NULL; i++)
    g_assert_cmpstr (pages[i], ==, json_array_get_string_element (breaks, i));
}

typedef struct
{
  const char *volume;
  guint       persons;
  guint       terms;
  guint       editorial_notes;
  guint       withheld;
} VolumeCase;

static void
test_volume (gconstpointer data)
{
  const VolumeCase *vc = data;
  g_autofree char *file = g_strconcat (vc->volume, ".xml", NULL);
  g_autofree char *path = docket_test_shared_path ("corpus", file, NULL);
  g_autofree char *json_path = NULL;
  g_autoptr(DocketImportResult) result = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  xmlDocPtr tei;
  xmlXPathContextPtr ctx;
  xmlXPathObjectPtr divs;
  JsonObject *expected;
  g_autoptr(GString) misses = g_string_new (NULL);
  Progress progress = { 0 };
  guint n_docs, n_editorial = 0, n_withheld = 0;

  if (path == NULL)
    return;
  json_path = docket_test_shared_path ("corpus", "text", vc->volume, "expected.json", NULL);
  if (json_path == NULL)
    return;

  result = import_path (path, &progress);

  tei = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (tei);
  ctx = xmlXPathNewContext (tei);
  xmlXPathRegisterNs (ctx, (const xmlChar *) "tei", (const xmlChar *) "http://www.tei-c.org/ns/1.0");

  /* Every document is a record, in order. */
  n_docs = (guint) xpath_number (ctx, xmlDocGetRootElement (tei),
                                 "count(//*[local-name()='div'][@type='document'])");
  g_assert_cmpuint (n_docs, >, 100);
  g_assert_cmpuint (result->records->len, ==, n_docs);
  g_assert_cmpuint (progress.calls, ==, n_docs);
  g_assert_cmpuint (progress.last_total, ==, n_docs);

  g_assert_cmpstr (result->collection->id, ==, vc->volume);
  g_assert_nonnull (result->collection->title);
  g_assert_nonnull (result->collection->editors);
  g_assert_nonnull (result->collection->date);
  g_assert_cmpuint (result->persons->len, ==, vc->persons);
  g_assert_cmpuint (result->glossary->len, ==, vc->terms);
  g_assert_cmpuint ((guint) xpath_number (ctx, xmlDocGetRootElement (tei),
                                          "count(//tei:list[@type='names']/tei:item)"),
                    ==, result->persons->len);

  parser = json_parser_new ();
  json_parser_load_from_file (parser, json_path, &error);
  g_assert_no_error (error);
  expected = json_node_get_object (json_parser_get_root (parser));

  divs = xpath (ctx, xmlDocGetRootElement (tei), "//tei:div[@type='document']");
  for (guint i = 0; i < n_docs; i++)
    {
      xmlNodePtr div = divs->nodesetval->nodeTab[i];
      DocketRecord *record = g_ptr_array_index (result->records, i);
      g_autofree char *n = xpath_string (ctx, div, "string(@n)");
      g_autofree char *id = g_strconcat (vc->volume, "d", n, NULL);
      g_autofree char *key = g_strconcat ("d", n, ".txt", NULL);
      g_autofree char *source = xpath_string (ctx, div, "normalize-space(tei:head/tei:note[@type='source'])");
      GPtrArray *footnotes = docket_record_get_footnotes (record);
      g_auto(GStrv) pages = docket_record_dup_page_breaks (record);
      JsonObject *exp;

      /* Field by field against the TEI. */
      g_assert_cmpstr (docket_record_get_id (record), ==, id);
      g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_COLLECTION), ==, vc->volume);
      g_assert_cmpuint (footnotes->len, ==,
                        (guint) xpath_number (ctx, div, "count(.//tei:note[@n])"));
      g_assert_cmpuint (g_strv_length (pages), ==,
                        (guint) xpath_number (ctx, div, "count(.//tei:pb)"));
      if (*source != '\0')
        {
          const DocketFootnote *first = g_ptr_array_index (footnotes, 0);

          g_assert_cmpstr (first->text, ==, source);
          g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_SOURCE_TEXT), ==, source);
        }
      if (g_strcmp0 (docket_record_get (record, DOCKET_FIELD_TYPE), "editorial note") == 0)
        n_editorial++;
      if (g_str_has_prefix (docket_record_get (record, DOCKET_FIELD_DECLASSIFICATION) ?: "", "Withheld in full"))
        {
          /* Withheld in full: the bracketed citation is its only text. */
          g_assert_nonnull (find_block (record, DOCKET_BLOCK_SOURCE, 0));
          g_assert_nonnull (docket_record_get (record, DOCKET_FIELD_CLASSIFICATION));
          n_withheld++;
        }
      g_assert_nonnull (docket_record_get (record, DOCKET_FIELD_TYPE));
      g_assert_nonnull (docket_record_get (record, DOCKET_FIELD_PAGES));

      /* And against the web edition's reading. */
      exp = json_object_get_object_member (expected, key);
      g_assert_nonnull (exp);
      compare_with_expected (record, exp, misses);
    }
  g_assert_cmpuint (n_editorial, ==, vc->editorial_notes);
  g_assert_cmpuint (n_withheld, ==, vc->withheld);
  if (misses->len > 0)
    g_test_incomplete (misses->str);

  xmlXPathFreeObject (divs);
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (tei);
}

static DocketImportResult *
import_volume (const char *volume)
{
  g_autofree char *file = g_strconcat (volume, ".xml", NULL);
  g_autofree char *path = docket_test_shared_path ("corpus", file, NULL);

  if (path == NULL)
    return NULL;
  return import_path (path, NULL);
}

static const DocketFootnoteLink *
footnote_link (DocketRecord   *record,
               const char     *footnote_id,
               DocketLinkKind  kind,
               guint           nth)
{
  DocketFootnote *footnote = docket_record_find_footnote (record, footnote_id);

  g_assert_nonnull (footnote);
  for (guint i = 0; i < footnote->links->len; i++)
    {
      const DocketFootnoteLink *link = g_ptr_array_index (footnote->links, i);

      if (link->kind == kind && nth-- == 0)
        return link;
    }
  return NULL;
}

static void
test_links (void)
{
  g_autoptr(DocketImportResult) result = import_volume ("frus1964-68v29p2");
  const DocketFootnoteLink *link;
  DocketFootnote *footnote;
  DocketRecord *record;
  g_autofree char *span = NULL;

  if (result == NULL)
    return;

  record = find_record (result, "frus1964-68v29p2d5");
  g_assert_nonnull (record);

  /* "see Document 7": a link to that record. */
  link = footnote_link (record, "d5fn3", DOCKET_LINK_RECORD, 0);
  g_assert_nonnull (link);
  g_assert_cmpstr (link->target, ==, "frus1964-68v29p2d7");
  g_assert_nonnull (find_record (result, link->target));
  footnote = docket_record_find_footnote (record, "d5fn3");
  span = g_utf8_substring (footnote->text, link->span_start, link->span_end);
  g_assert_cmpstr (span, ==, "Document 7");

  /* Another volume: a published citation with its address. */
  link = footnote_link (record, "d5fn2", DOCKET_LINK_PUBLISHED, 0);
  g_assert_nonnull (link);
  g_assert_cmpstr (link->target, ==, "https://history.state.gov/historicaldocuments/frus1961-63v22/d383");
  g_assert_cmpstr (link->title, ==, "Foreign Relations, 1961–1963, vol. XXII, Document 383 and footnote 4");
  g_assert_cmpstr (link->description, ==, "frus1961-63v22#d383fn4");

  /* "see footnote 2 above": the same record. */
  link = footnote_link (record, "d5fn4", DOCKET_LINK_RECORD, 0);
  g_assert_nonnull (link);
  g_assert_cmpstr (link->target, ==, "frus1964-68v29p2d5");

  /* Archival citations in an editorial footnote, and in a source note. */
  record = find_record (result, "frus1964-68v29p2d8");
  link = footnote_link (record, "d8fn2", DOCKET_LINK_ARCHIVAL, 0);
  g_assert_nonnull (link);
  g_assert_cmpstr (link->repository, ==, "National Archives and Records Administration");
  link = footnote_link (record, "d8fn1", DOCKET_LINK_ARCHIVAL, 0);
  g_assert_nonnull (link);

  /* Every in-volume record link of the volume resolves. */
  for (guint i = 0; i < result->records->len; i++)
    {
      GPtrArray *footnotes = docket_record_get_footnotes (g_ptr_array_index (result->records, i));

      for (guint j = 0; j < footnotes->len; j++)
        {
          const DocketFootnote *f = g_ptr_array_index (footnotes, j);

          for (guint k = 0; k < f->links->len; k++)
            {
              const DocketFootnoteLink *l = g_ptr_array_index (f->links, k);

              if (l->kind == DOCKET_LINK_RECORD)
                g_assert_nonnull (find_record (result, l->target));
              if (l->kind == DOCKET_LINK_PUBLISHED)
                g_assert_true (g_str_has_prefix (l->target, "https://history.state.gov/historicaldocuments/frus"));
            }
        }
    }
  g_assert_cmpuint (result->warnings->len, ==, 0);
}

static void
test_fields (void)
{
  g_autoptr(DocketImportResult) result = import_volume ("frus1964-68v29p2");
  DocketRecord *record;
  const DocketAgent *agent;
  const DocketBlock *block;
  const DocketAnchor *anchor;
  const DocketAccessPoint *term;

  if (result == NULL)
    return;

  g_assert_cmpstr (result->collection->title, ==,
                   "Foreign Relations of the United States, 1964–1968, Volume XXIX, Part 2, Japan");
  g_assert_cmpstr (result->collection->volume, ==, "Volume XXIX, Part 2, Japan");
  g_assert_cmpstr (result->collection->editors, ==, "Karen L. Gatz\nEdward C. Keefer");
  g_assert_cmpstr (result->collection->date, ==, "2006");

  /* Persons and terms. */
  agent = g_ptr_array_index (result->persons, 0);
  g_assert_cmpstr (agent->ref, ==, "p_AHG1");
  g_assert_cmpstr (agent->name, ==, "Ackley, Gardner");
  g_assert_cmpstr (agent->office, ==, "Chairman, Council of Economic Advisers from 1965 to 1967");
  term = NULL;
  for (guint i = 0; i < result->glossary->len; i++)
    if (g_strcmp0 (((DocketAccessPoint *) g_ptr_array_index (result->glossary, i))->authority_id, "t_POL1") == 0)
      term = g_ptr_array_index (result->glossary, i);
  g_assert_nonnull (term);
  g_assert_cmpstr (term->term, ==, "POL");
  g_assert_nonnull (term->role);

  /* A letter: senders and recipients with their offices, the salutation
   * and close, the page it starts on. */
  record = find_record (result, "frus1964-68v29p2d5");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_TYPE), ==, "letter");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DATE_TEXT), ==, "January 22, 1964");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DATE_FROM), ==, "1964-01-22");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DATE_CERTAINTY), ==, "exact");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_PAGES), ==, "3");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_SOURCE_REPOSITORY), ==,
                   "National Archives and Records Administration");
  agent = find_agent (record, DOCKET_AGENT_AUTHOR, "McNamara");
  g_assert_nonnull (agent);
  g_assert_cmpstr (agent->office, ==, "Secretary of Defense");
  g_assert_cmpstr (agent->ref, ==, "p_MNRS1");
  agent = find_agent (record, DOCKET_AGENT_RECIPIENT, "Rusk");
  g_assert_nonnull (agent);
  g_assert_cmpstr (agent->office, ==, "Secretary of State");
  block = find_block (record, DOCKET_BLOCK_SALUTATION, 0);
  g_assert_cmpstr (block->text, ==, "Dear Dean:");
  block = find_block (record, DOCKET_BLOCK_CLOSING, 0);
  g_assert_cmpstr (block->text, ==, "Sincerely,");
  block = find_block (record, DOCKET_BLOCK_SIGNATURE, 0);
  g_assert_cmpstr (block->text, ==, "Bob");
  block = find_block (record, DOCKET_BLOCK_DATELINE, 0);
  g_assert_cmpstr (block->text, ==, "Washington, January 22, 1964.");

  /* Offices in parentheses: "From the Ambassador to Japan (Reischauer) to
   * the Special Assistant to the President (Schlesinger)". A document
   * withheld in full is a record with its citation. */
  record = find_record (result, "frus1964-68v29p2d4");
  agent = find_agent (record, DOCKET_AGENT_AUTHOR, "Reischauer");
  g_assert_cmpstr (agent->office, ==, "Ambassador to Japan");
  agent = find_agent (record, DOCKET_AGENT_RECIPIENT, "Schlesinger");
  g_assert_cmpstr (agent->office, ==, "Special Assistant to the President");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_CLASSIFICATION), ==, "Secret");
  g_assert_true (g_str_has_prefix (docket_record_get (record, DOCKET_FIELD_DECLASSIFICATION),
                                   "Withheld in full"));
  g_assert_nonnull (strstr (docket_record_get (record, DOCKET_FIELD_DECLASSIFICATION),
                            "3 pages of source text not declassified"));
  block = find_block (record, DOCKET_BLOCK_SOURCE, 0);
  g_assert_nonnull (block);
  g_assert_true (g_str_has_prefix (block->text, "[Source: Johnson Library"));

  /* A telegram from an office (gloss) with a time kept. */
  record = find_record (result, "frus1964-68v29p2d6");
  anchor = find_anchor (record, "5", &block);
  g_assert_nonnull (anchor);
  g_assert_cmpint (anchor->kind, ==, DOCKET_ANCHOR_PAGE_BREAK);
  g_assert_cmpint (block->kind, ==, DOCKET_BLOCK_PARAGRAPH);
  g_assert_cmpint (strncmp (block->text + anchor->offset - strlen ("As has been proven"),
                            "As has been proven", strlen ("As has been proven")), ==, 0);
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_PAGES), ==, "4–5");

  /* Mentions in running text: a gloss covers its abbreviation and points
   * at the terms list, a persName at the persons list. */
  record = find_record (result, "frus1964-68v29p2d1");
  anchor = find_anchor (record, "t_CIA1", &block);
  g_assert_nonnull (anchor);
  g_assert_cmpint (anchor->kind, ==, DOCKET_ANCHOR_TERM);
  g_assert_cmpuint (anchor->length, ==, strlen ("CIA"));
  g_assert_cmpint (strncmp (block->text + anchor->offset, "CIA", anchor->length), ==, 0);
  {
    const char *at = strstr (block->text, "authorized the CIA to institute");

    g_assert_nonnull (at);
    g_assert_cmpuint (anchor->offset, ==, (gsize) (at - block->text) + strlen ("authorized the "));
  }
  record = find_record (result, "frus1964-68v29p2d8");
  anchor = find_anchor (record, "p_OM2", &block);
  g_assert_nonnull (anchor);
  g_assert_cmpint (anchor->kind, ==, DOCKET_ANCHOR_PERSON);
  g_assert_cmpuint (anchor->length, ==, strlen ("Ohira"));
  g_assert_true (g_str_has_prefix (block->text + anchor->offset - strlen ("Minister "), "Minister Ohira told"));

  /* An editorial note. */
  record = find_record (result, "frus1964-68v29p2d7");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_TYPE), ==, "editorial note");
  g_assert_null (docket_record_get (record, DOCKET_FIELD_DATE_TEXT));
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_URL), ==,
                   "https://history.state.gov/historicaldocuments/frus1964-68v29p2/d7");

  /* A meeting's time span. */
  record = find_record (result, "frus1964-68v29p2d104");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_TYPE), ==, "memorandum of conversation");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DATE_FROM), ==, "1967-11-14T17:05:00");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DATE_TO), ==, "1967-11-14T18:15:00");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DATE_TEXT), ==,
                   "November 14, 1967, 5:05–6:15 p.m.");
  g_assert_nonnull (find_block (record, DOCKET_BLOCK_SUBJECT, 4));
}

static void
test_dates_v06 (void)
{
  g_autoptr(DocketImportResult) result = import_volume ("frus1961-63v06");
  guint inferred = 0, approximate = 0;

  if (result == NULL)
    return;

  for (guint i = 0; i < result->records->len; i++)
    {
      DocketRecord *record = g_ptr_array_index (result->records, i);
      const char *certainty = docket_record_get (record, DOCKET_FIELD_DATE_CERTAINTY);

      if (g_strcmp0 (certainty, "inferred") == 0)
        inferred++;
      if (g_strcmp0 (certainty, "approximate") == 0)
        approximate++;
      /* v06 numbers its source notes 0. */
      if (docket_record_get (record, DOCKET_FIELD_SOURCE_TEXT) != NULL)
        g_assert_cmpstr (((DocketFootnote *) g_ptr_array_index (docket_record_get_footnotes (record), 0))->n, ==, "0");
    }
  /* Four dates are inferred from the content (TEI @ana), three of them
   * as a notBefore/notAfter range. */
  g_assert_cmpuint (inferred, ==, 7);
  g_assert_cmpuint (approximate, ==, 0);
}

/* ------------------------------------------------------------------ */
/* Small TEI files written by the tests.                                */

static const char tei_open[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"frus1964-68v14\">\n"
  "<teiHeader><fileDesc><titleStmt>\n"
  "<title type=\"complete\">Foreign Relations, Volume XIV</title>\n"
  "</titleStmt></fileDesc></teiHeader>\n";

static DocketImportResult *
import_string (const char  *name,
               const char  *xml,
               GError     **error)
{
  return docket_tei_import_parse (name, xml, strlen (xml), NULL, NULL, NULL, NULL, error);
}

static void
test_chapters (void)
{
  g_autofree char *xml = g_strconcat (
    tei_open,
    "<text><body>\n"
    "<div type=\"chapter\" xml:id=\"ch1\"><head>Glassboro\n   Summit</head>\n"
    "<pb n=\"10\"/>\n"
    "<div type=\"document\" xml:id=\"d230\" n=\"230\"><head>230. Memorandum for the Record</head>\n"
    "<dateline><placeName>Washington</placeName>, <date notBefore=\"1967-06-16\" notAfter=\"1967-06-23\">undated</date>.</dateline>\n"
    "<p>Text<pb n=\"11\"/> runs on.</p><p>More.</p><pb n=\"12\"/><p>Last.</p></div>\n"
    "</div>\n"
    "<div type=\"chapter\"><head>Aftermath</head>\n"
    "<div type=\"document\" xml:id=\"d231\" n=\"231\"><head>231. Telegram 4858 From the <gloss type=\"from\">Embassy in the Soviet Union</gloss> to the <gloss type=\"to\">Department of State</gloss></head>\n"
    "<dateline><placeName>Moscow</placeName>, <date when=\"1967-06-24T17:00:00Z\">June 24, 1967, 5 p.m.</date></dateline>\n"
    "<list><label>1.</label><item>First</item><label>2.</label><item>Second <note n=\"1\" xml:id=\"d231fn1\">See <ref target=\"#d230\">Document 230</ref> and <ref target=\"frus1964-68v11#pg_5\">vol. XI</ref>.</note></item></list>\n"
    "</div></div>\n"
    "</body></text></TEI>\n", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketImportResult) result = import_string ("chapters.xml", xml, &error);
  DocketRecord *record;
  const DocketBlock *block;
  const DocketAnchor *anchor;
  const DocketFootnoteLink *link;
  g_auto(GStrv) pages = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (result->records->len, ==, 2);

  record = g_ptr_array_index (result->records, 0);
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_CHAPTER), ==, "Glassboro Summit");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_TYPE), ==, "memorandum for the record");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DATE_FROM), ==, "1967-06-16");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DATE_TO), ==, "1967-06-23");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DATE_CERTAINTY), ==, "approximate");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_PAGES), ==, "10–12");
  /* Page 10 comes before the document, 11 inside a paragraph, 12 between two. */
  pages = docket_record_dup_page_breaks (record);
  g_assert_cmpstrv (pages, ((const char * const []) { "11", "12", NULL }));
  anchor = find_anchor (record, "11", &block);
  g_assert_cmpint (anchor->kind, ==, DOCKET_ANCHOR_PAGE_BREAK);
  g_assert_cmpstr (block->text, ==, "Text runs on.");
  g_assert_cmpuint (anchor->offset, ==, 4);
  block = find_block (record, DOCKET_BLOCK_PAGE_BREAK, 0);
  g_assert_cmpstr (block->text, ==, "12");

  record = g_ptr_array_index (result->records, 1);
  g_assert_cmpstr (docket_record_get_id (record), ==, "frus1964-68v14d231");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_CHAPTER), ==, "Aftermath");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_TYPE), ==, "telegram");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DATE_FROM), ==, "1967-06-24T17:00:00");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DATE_TEXT), ==, "June 24, 1967, 5 p.m.");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_PAGES), ==, "12");
  g_assert_nonnull (find_agent (record, DOCKET_AGENT_AUTHOR, "Embassy in the Soviet Union"));
  g_assert_nonnull (find_agent (record, DOCKET_AGENT_RECIPIENT, "Department of State"));
  block = find_block (record, DOCKET_BLOCK_LIST_ITEM, 1);
  g_assert_cmpstr (block->text, ==, "2. Second");
  anchor = find_anchor (record, "d231fn1", NULL);
  g_assert_cmpuint (anchor->offset, ==, strlen ("2. Second"));
  link = footnote_link (record, "d231fn1", DOCKET_LINK_RECORD, 0);
  g_assert_cmpstr (link->target, ==, "frus1964-68v14d230");
  link = footnote_link (record, "d231fn1", DOCKET_LINK_PUBLISHED, 0);
  g_assert_cmpstr (link->target, ==, "https://history.state.gov/historicaldocuments/frus1964-68v11/pg_5");
  g_assert_cmpstr (link->title, ==, "vol. XI");
  g_assert_cmpuint (result->warnings->len, ==, 0);
}

static void
test_cancel (void)
{
  g_autofree char *path = docket_test_shared_path ("corpus", "frus1964-68v29p2.xml", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  DocketImportResult *result;
  gsize length;

  if (path == NULL)
    return;
  data = docket_test_read_file (path, &length);
  g_cancellable_cancel (cancellable);
  result = docket_tei_import_parse ("v29p2.xml", data, length, cancellable, NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_CANCELLED);
}

/* Writes @xml into a temporary file and imports it through the import
 * layer, as docket-cli does. */
static void
assert_import_fails (const char *name,
                     const char *xml,
                     gssize      length,
                     int         code,
                     guint       line)
{
  g_autofree char *dir = docket_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *prefix = g_strdup_printf ("%s:%u: ", name, line);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) file_error = NULL;
  DocketImportResult *result;

  if (length < 0)
    length = strlen (xml);
  g_file_set_contents (path, xml, length, &file_error);
  g_assert_no_error (file_error);

  result = docket_tei_import_parse (name, xml, length, NULL, NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, DOCKET_IMPORT_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_clear_error (&error);

  /* Through the dispatcher, as the CLI and the window import. */
  result = docket_import_file (path, NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, name));

  docket_test_rmdir (dir);
}

static guint
count_lines (const char *data,
             gsize       length)
{
  guint lines = 1;

  for (gsize i = 0; i < length; i++)
    if (data[i] == '\n')
      lines++;
  return lines;
}

static void
test_cut_off (void)
{
  g_autofree char *path = docket_test_shared_path ("corpus", "frus1964-68v29p2.xml", NULL);
  g_autofree char *data = NULL;
  gsize length, half;

  if (path == NULL)
    return;
  data = docket_test_read_file (path, &length);
  /* Cut in the middle of a volume, in the middle of a line. */
  half = length / 2;
  while (data[half] == '\n')
    half++;
  assert_import_fails ("v29p2-cut.xml", data, half, DOCKET_IMPORT_ERROR_MALFORMED,
                       count_lines (data, half));
}

static void
test_wrong_namespace (void)
{
  assert_import_fails ("wrong-ns.xml",
                       "<?xml version=\"1.0\"?>\n"
                       "\n"
                       "<TEI xmlns=\"http://www.tei-c.org/ns/2.0\" xml:id=\"v1\">\n"
                       "<text><body><div type=\"document\" n=\"1\"><head>1. Letter</head></div></body></text>\n"
                       "</TEI>\n",
                       -1, DOCKET_IMPORT_ERROR_NOT_RECOGNIZED, 3);
}

static void
test_external_entity (void)
{
  assert_import_fails ("xxe.xml",
                       "<?xml version=\"1.0\"?>\n"
                       "<!DOCTYPE TEI [\n"
                       "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
                       "]>\n"
                       "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"v1\">\n"
                       "<text><body><div type=\"document\" n=\"1\"><head>1. Letter</head><p>&xxe;</p></div></body></text>\n"
                       "</TEI>\n",
                       -1, DOCKET_IMPORT_ERROR_FORBIDDEN, 3);
}

static void
test_entity_bomb (void)
{
  assert_import_fails ("lol.xml",
                       "<?xml version=\"1.0\"?>\n"
                       "<!DOCTYPE TEI [\n"
                       " <!ENTITY lol \"lol\">\n"
                       " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                       " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
                       " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
                       " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
                       " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
                       " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
                       " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
                       " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
                       " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
                       "]>\n"
                       "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"v1\">\n"
                       "<text><body><div type=\"document\" n=\"1\"><head>1. Letter</head><p>&lol9;</p></div></body></text>\n"
                       "</TEI>\n",
                       -1, DOCKET_IMPORT_ERROR_FORBIDDEN, 3);
}

static void
test_not_tei (void)
{
  g_autoptr(GError) error = NULL;
  DocketImportResult *result;

  result = import_string ("empty-volume.xml",
                          "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<text><body/></text></TEI>\n",
                          &error);
  g_assert_null (result);
  g_assert_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_NOT_RECOGNIZED);
  g_assert_true (g_str_has_prefix (error->message, "empty-volume.xml:1: "));
}

/* A volume in another encoding is named as such, at the line of its first
 * bad byte, wherever that falls; every well-formed UTF-8 character passes. */
static void
test_not_utf8 (void)
{
  static const struct
  {
    const char *bytes;  /* put into the heading, on the seventh line */
    gboolean    valid;
  } cases[] = {
    { "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x93\x9c", TRUE },  /* é, em dash, a 4-byte character */
    { "Caf\xe9", FALSE },                                          /* Latin-1 */
    { "0123456\xc3", FALSE },                                       /* cut off before ASCII */
    { "\xc0\xaf", FALSE },                                         /* overlong */
    { "\xed\xa0\x80", FALSE },                                    /* a surrogate */
    { "\xf4\x90\x80\x80", FALSE },                               /* past U+10FFFF */
    { "\x80", FALSE },                                             /* a lone continuation byte */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint pad = 0; pad < 9; pad++)
      {
        g_autofree char *spaces = g_strnfill (pad, ' ');
        g_autofree char *xml = g_strconcat (
          tei_open,
          "<text><body>\n<div type=\"document\" xml:id=\"d1\" n=\"1\"><head>1. Memorandum ", spaces,
          cases[i].bytes, "</head><p>Text.</p></div>\n</body></text></TEI>\n", NULL);
        g_autoptr(GError) error = NULL;
        g_autoptr(DocketImportResult) result = NULL;
        guint line = 0;

        result = docket_import_data ("enc.xml", xml, strlen (xml), NULL, NULL, NULL, &error);
        if (cases[i].valid)
          {
            g_assert_no_error (error);
            g_assert_nonnull (result);
            continue;
          }
        g_assert_null (result);
        g_assert_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_ENCODING);
        g_assert_cmpint (sscanf (error->message, "enc.xml:%u:", &line), ==, 1);
        g_assert_cmpuint (line, ==, 7);
      }
}

/* The reader reads documents while the rest of the file is parsed; what
 * it finds later in the file must still count for the documents before:
 * here the teiHeader comes last (it gives the volume id), a chapter's head
 * follows its first document, and page breaks stand between documents, in
 * the front matter and in a head. */
static void
test_stream_late_parts (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n"
    "<text>\n"
    "<front><div type=\"section\" xml:id=\"persons\"><head>Persons</head>\n"
    "<list type=\"names\"><item><hi rend=\"strong\"><persName xml:id=\"p_RD\">Rusk, Dean</persName></hi>, Secretary of State</item></list></div>\n"
    "<p>Front <pb n=\"IX\"/> matter</p></front>\n"
    "<body>\n"
    "<div type=\"chapter\">\n"
    "<div type=\"document\" n=\"1\" xml:id=\"d1\"><head>1. Letter From Secretary of State Rusk to President Johnson</head><p>One.</p></div>\n"
    "<head>Alpha <pb n=\"5\"/></head>\n"
    "<div type=\"subchapter\"><head>Beta</head>\n"
    "<div type=\"document\" n=\"2\" xml:id=\"d2\"><head>2. Memorandum From Rusk to Johnson</head>"
    "<p>Two.<note n=\"1\" xml:id=\"d2fn1\">See <ref target=\"#d4\">Document 4</ref>.</note></p></div>\n"
    "</div>\n"
    "<div type=\"document\" n=\"3\" xml:id=\"d3\"><head>3. Telegram From the Department of State to the Embassy in France</head><p>Three.</p></div>\n"
    "</div>\n"
    "<div type=\"chapter\"><pb n=\"6\"/>\n"
    "<div type=\"document\" n=\"4\" xml:id=\"d4\"><head>4. Editorial Note</head><p>Four.</p></div>\n"
    "</div>\n"
    "</body></text>\n"
    "<teiHeader><fileDesc><titleStmt><title type=\"complete\">Late Header Volume</title></titleStmt>\n"
    "<publicationStmt><idno type=\"frus\">frus-late</idno></publicationStmt></fileDesc></teiHeader>\n"
    "</TEI>\n";
  static const struct { const char *id, *chapter, *pages; } expected[] = {
    { "frus-lated1", "Alpha", "IX" },
    { "frus-lated2", "Alpha — Beta", "5" },
    { "frus-lated3", "Alpha", "5" },
    { "frus-lated4", NULL, "6" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketImportResult) result = import_string ("late.xml", xml, &error);
  const DocketFootnote *footnote;
  const DocketFootnoteLink *link;
  const DocketAgent *agent;

  g_assert_no_error (error);
  g_assert_cmpstr (result->collection->id, ==, "frus-late");
  g_assert_cmpstr (result->collection->title, ==, "Late Header Volume");
  g_assert_cmpuint (result->records->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      DocketRecord *record = g_ptr_array_index (result->records, i);

      g_assert_cmpstr (docket_record_get_id (record), ==, expected[i].id);
      g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_CHAPTER), ==, expected[i].chapter);
      g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_PAGES), ==, expected[i].pages);
    }

  footnote = g_ptr_array_index (docket_record_get_footnotes (g_ptr_array_index (result->records, 1)), 0);
  link = g_ptr_array_index (footnote->links, 0);
  g_assert_cmpint (link->kind, ==, DOCKET_LINK_RECORD);
  g_assert_cmpstr (link->target, ==, "frus-lated4");
  g_assert_cmpuint (result->warnings->len, ==, 0);

  g_assert_cmpuint (result->persons->len, ==, 1);
  agent = g_ptr_array_index (result->persons, 0);
  g_assert_cmpstr (agent->name, ==, "Rusk, Dean");
}

typedef struct
{
  guint calls;
  guint n_final;
  guint persons_at_first;
  GCancellable *cancel_after_two;
} Ready;

static void
ready_cb (DocketImportResult *result,
          guint               n_final,
          gpointer            user_data)
{
  Ready *ready = user_data;

  g_assert_cmpuint (n_final, >, ready->n_final);
  g_assert_cmpuint (n_final, <=, result->records->len);
  if (ready->calls++ == 0)
    ready->persons_at_first = result->persons->len;
  ready->n_final = n_final;
  if (ready->cancel_after_two != NULL && n_final >= 2)
    g_cancellable_cancel (ready->cancel_after_two);
}

/* Documents are told complete as they are read, after the persons and
 * terms; a file that turns out to be cut off still fails whole. */
static void
test_stream_ready (void)
{
  g_autofree char *path = docket_test_shared_path ("corpus", "frus1964-68v29p2.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketImportResult) result = NULL;
  g_autofree char *data = NULL;
  Ready ready = { 0 };
  gsize length;

  if (path == NULL)
    return;
  data = docket_test_read_file (path, &length);

  result = docket_tei_import_parse ("v29p2.xml", data, length, NULL, NULL, ready_cb, &ready, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ready.n_final, ==, 140);
  g_assert_cmpuint (ready.calls, >, 1);
  g_assert_cmpuint (ready.persons_at_first, ==, result->persons->len);
  g_assert_cmpuint (result->persons->len, >, 0);
  g_clear_pointer (&result, docket_import_result_free);

  /* Cut off three quarters in: most documents were told complete. */
  ready = (Ready) { 0 };
  result = docket_tei_import_parse ("v29p2-cut.xml", data, length / 4 * 3, NULL, NULL, ready_cb, &ready, &error);
  g_assert_null (result);
  g_assert_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_MALFORMED);
  g_assert_cmpuint (ready.n_final, >, 50);
}

/* Cancelling while the file is parsed stops the parser too. */
static void
test_stream_cancel_midway (void)
{
  g_autofree char *path = docket_test_shared_path ("corpus", "frus1964-68v29p2.xml", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  DocketImportResult *result;
  Ready ready = { .cancel_after_two = cancellable };
  gsize length;

  if (path == NULL)
    return;
  data = docket_test_read_file (path, &length);
  result = docket_tei_import_parse ("v29p2.xml", data, length, cancellable, NULL, ready_cb, &ready, &error);
  g_assert_null (result);
  g_assert_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_CANCELLED);
  g_assert_true (g_str_has_prefix (error->message, "v29p2.xml:"));
  g_assert_cmpuint (ready.n_final, <, 140);
}

int
main (int   argc,
      char *argv[])
{
  static const VolumeCase v29p2 = { "frus1964-68v29p2", 124, 188, 18, 17 };
  static const VolumeCase v06 = { "frus1961-63v06", 58, 19, 3, 0 };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/docket/import/tei/seed", test_seed);
  g_test_add_data_func ("/docket/import/tei/volume/frus1964-68v29p2", &v29p2, test_volume);
  g_test_add_data_func ("/docket/import/tei/volume/frus1961-63v06", &v06, test_volume);
  g_test_add_func ("/docket/import/tei/fields", test_fields);
  g_test_add_func ("/docket/import/tei/links", test_links);
  g_test_add_func ("/docket/import/tei/dates-v06", test_dates_v06);
  g_test_add_func ("/docket/import/tei/chapters", test_chapters);
  g_test_add_func ("/docket/import/tei/cancel", test_cancel);
  g_test_add_func ("/docket/import/tei/stream/late-parts", test_stream_late_parts);
  g_test_add_func ("/docket/import/tei/stream/ready", test_stream_ready);
  g_test_add_func ("/docket/import/tei/stream/cancel-midway", test_stream_cancel_midway);
  g_test_add_func ("/docket/import/tei/malformed/cut-off", test_cut_off);
  g_test_add_func ("/docket/import/tei/malformed/wrong-namespace", test_wrong_namespace);
  g_test_add_func ("/docket/import/tei/malformed/external-entity", test_external_entity);
  g_test_add_func ("/docket/import/tei/malformed/entity-bomb", test_entity_bomb);
  g_test_add_func ("/docket/import/tei/malformed/no-documents", test_not_tei);
  g_test_add_func ("/docket/import/tei/malformed/not-utf8", test_not_utf8);

  return g_test_run ();
}
