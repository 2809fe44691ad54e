/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "docket-ead-validator.h"
#include "docket-ead-writer.h"
#include "docket-import.h"
#include "docket-model.h"
#include "docket-test-util.h"

#define SEED_ID "frus1964-68v05d206"
#define FN2_TEXT \
  "This meeting between Rusk and Dobrynin took place from 3:05 p.m. to 3:55 p.m. on June 16, " \
  "with Thompson present. (Johnson Library, Dean Rusk Appointment Book, 1967) A record of their " \
  "discussion is in a memorandum of conversation, June 16. (National Archives and Records " \
  "Administration, RG 59, Central Files 1967–69, POL 27 VIET S) Dobrynin repeated this remark in " \
  "a meeting alone with Thompson later in the evening. (Memorandum of conversation, June 16; " \
  "ibid., POL 7 USSR)"
#define SOURCE_TEXT \
  "Source: Library of Congress, Manuscript Division, Harriman Papers, Special Files, Public " \
  "Service, Subject File, Johnson, Lyndon 1967. Top Secret."

/* Helpers */

static void
add_spanned_link (DocketFootnote     *fn,
                  DocketFootnoteLink *link,
                  const char         *cited)
{
  const char *at = strstr (fn->text, cited);

  g_assert_nonnull (at);
  link->span_start = g_utf8_pointer_to_offset (fn->text, at);
  link->span_end = link->span_start + g_utf8_strlen (cited, -1);
  docket_footnote_add_link (fn, link);
}

static DocketBlock *
block_with_marker (DocketBlockKind  kind,
                   const char      *text,
                   const char      *footnote_id)
{
  DocketBlock *block = docket_block_new (kind, text);

  docket_block_add_anchor (block, DOCKET_ANCHOR_FOOTNOTE, strlen (text), footnote_id);
  return block;
}

/* The seed's fields (issue 2, point 4; EAD-MAPPING.md § 6), by hand. */
static DocketRecord *
make_seed (void)
{
  DocketRecord *record = docket_record_new ();
  DocketFootnote *fn;
  DocketAgent *agent;

  docket_record_set_id (record, SEED_ID);
  docket_record_set (record, DOCKET_FIELD_NUMBER, "206");
  docket_record_set (record, DOCKET_FIELD_COLLECTION, "frus1964-68v05");
  docket_record_set (record, DOCKET_FIELD_HEADING,
                     "Memorandum From the Ambassador at Large (Harriman) to President Johnson");
  docket_record_set (record, DOCKET_FIELD_SUBJECT, "Possible Kosygin Talks on Vietnam Settlement");
  docket_record_set (record, DOCKET_FIELD_TITLE,
                     "W. Averell Harriman memorandum to Lyndon B. Johnson regarding possible Kosygin "
                     "talks on Vietnam settlement");
  docket_record_set (record, DOCKET_FIELD_TYPE, "memorandum");
  docket_record_set (record, DOCKET_FIELD_DATE_TEXT, "1967 June, between 16 and 23 (inferred)");
  docket_record_set (record, DOCKET_FIELD_DATE_FROM, "1967-06-16");
  docket_record_set (record, DOCKET_FIELD_DATE_TO, "1967-06-23");
  docket_record_set (record, DOCKET_FIELD_DATE_CERTAINTY, "inferred");
  docket_record_set (record, DOCKET_FIELD_CLASSIFICATION, "Top Secret");
  docket_record_set (record, DOCKET_FIELD_DECLASSIFICATION,
                     "Declassified for publication in Foreign Relations of the United States.");
  docket_record_set (record, DOCKET_FIELD_SOURCE_TEXT, SOURCE_TEXT);
  docket_record_set (record, DOCKET_FIELD_SOURCE_REPOSITORY, "Library of Congress, Manuscript Division");
  docket_record_set (record, DOCKET_FIELD_SOURCE_COLLECTION, "Harriman Papers");
  docket_record_set (record, DOCKET_FIELD_SOURCE_FILE,
                     "Special Files, Public Service, Subject File, Johnson, Lyndon 1967");
  docket_record_set (record, DOCKET_FIELD_PRINTING_NOTE, "Printed from a copy that bears this typed signature.");
  docket_record_set (record, DOCKET_FIELD_PUBLICATION,
                     "Foreign Relations of the United States, 1964–1968, Volume V, Vietnam, 1967");
  docket_record_set (record, DOCKET_FIELD_URL,
                     "https://history.state.gov/historicaldocuments/frus1964-68v05/d206");
  docket_record_set (record, DOCKET_FIELD_LANGUAGE, "eng");
  docket_record_set (record, DOCKET_FIELD_SCOPE,
                     "Harriman recommends that the President inform Kosygin of a unilateral decision "
                     "to de-escalate the bombing of North Vietnam.");

  docket_record_add_agent (record, docket_agent_new (DOCKET_AGENT_AUTHOR, "Harriman", "Ambassador at Large"));
  agent = docket_agent_new (DOCKET_AGENT_RECIPIENT, "Johnson, Lyndon B. (Lyndon Baines), 1908-1973", "President");
  agent->authority_source = g_strdup ("lcnaf");
  agent->authority_id = g_strdup ("http://id.loc.gov/authorities/names/n78095825");
  docket_record_add_agent (record, agent);
  docket_record_add_access_point (record, docket_access_point_new (DOCKET_ACCESS_POINT_SUBJECT,
                                                                   "Vietnam War, 1961-1975--Peace", "lcsh"));

  docket_record_add_block (record, block_with_marker (DOCKET_BLOCK_HEADING,
                                                      "Memorandum From the Ambassador at Large (Harriman) to President Johnson",
                                                      "d206fn1"));
  docket_record_add_block (record, docket_block_new (DOCKET_BLOCK_SUBJECT,
                                                     "Possible Kosygin Talks on Vietnam Settlement"));
  docket_record_add_block (record, docket_block_new (DOCKET_BLOCK_PARAGRAPH,
                                                     "Your meeting with Kosygin offers a unique opportunity."));
  docket_record_add_block (record, docket_block_new (DOCKET_BLOCK_PAGE_BREAK, "522"));
  docket_record_add_block (record, docket_block_new (DOCKET_BLOCK_SECTION, "Recommended Action:"));
  docket_record_add_block (record, block_with_marker (DOCKET_BLOCK_PARAGRAPH,
                                                      "Nevertheless, I would not rule out progress on what "
                                                      "Dobrynin in his talk with Dean called the Number One "
                                                      "subject, namely, Vietnam.",
                                                      "d206fn2"));
  docket_record_add_block (record, block_with_marker (DOCKET_BLOCK_SIGNATURE, "W. Averell Harriman ", "d206fn3"));

  fn = docket_footnote_new ("d206fn1", "1", DOCKET_FOOTNOTE_SOURCE, SOURCE_TEXT);
  docket_record_add_footnote (record, fn);
  fn = docket_footnote_new ("d206fn2", "2", DOCKET_FOOTNOTE_EDITORIAL, FN2_TEXT);
  add_spanned_link (fn, docket_footnote_link_new_archival ("Johnson Library", "Dean Rusk Appointment Book, 1967",
                                                           NULL, "Johnson Library, Dean Rusk Appointment Book, 1967"),
                    "Johnson Library, Dean Rusk Appointment Book, 1967");
  add_spanned_link (fn, docket_footnote_link_new_archival ("National Archives and Records Administration",
                                                           "RG 59, Central Files 1967–69", "POL 27 VIET S", NULL),
                    "National Archives and Records Administration, RG 59, Central Files 1967–69, POL 27 VIET S");
  add_spanned_link (fn, docket_footnote_link_new_archival ("National Archives and Records Administration",
                                                           "RG 59, Central Files 1967–69", "POL 7 USSR", NULL),
                    "ibid., POL 7 USSR");
  docket_record_add_footnote (record, fn);
  fn = docket_footnote_new ("d206fn3", "3", DOCKET_FOOTNOTE_PRINTING,
                            "Printed from a copy that bears this typed signature.");
  docket_record_add_footnote (record, fn);
  return record;
}

static DocketCollection *
make_collection (void)
{
  DocketCollection *collection = docket_collection_new ("frus1964-68v05",
                                                        "Foreign Relations of the United States, 1964–1968, "
                                                        "Volume V, Vietnam, 1967");

  collection->date = g_strdup ("1967");
  collection->repository = g_strdup ("Example Archives");
  return collection;
}

static GPtrArray *
records_of (DocketRecord *record)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (records, record);
  return records;
}

static void
assert_valid (DocketEadFormat  format,
              GBytes          *xml)
{
  g_autofree char *schemas = docket_test_shared_path ("schemas", NULL);
  g_autoptr(GError) error = NULL;

  if (schemas == NULL)
    return;
  if (!docket_ead_validate (format, xml, schemas, &error))
    {
      g_autofree char *path = g_build_filename (g_get_tmp_dir (), "docket-invalid-export.xml", NULL);

      g_file_set_contents (path, g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), NULL);
      g_printerr ("invalid export saved to %s\n", path);
    }
  g_assert_no_error (error);
}

typedef struct
{
  xmlDocPtr          doc;
  xmlXPathContextPtr xpath;
} Parsed;

static void
parsed_free (Parsed *parsed)
{
  xmlXPathFreeContext (parsed->xpath);
  xmlFreeDoc (parsed->doc);
  g_free (parsed);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Parsed, parsed_free)

static Parsed *
parse (DocketEadFormat  format,
       GBytes          *xml)
{
  Parsed *parsed = g_new0 (Parsed, 1);
  gsize len;
  const char *data = g_bytes_get_data (xml, &len);

  parsed->doc = xmlReadMemory (data, (int) len, "export.xml", NULL, XML_PARSE_NONET);
  g_assert_nonnull (parsed->doc);
  parsed->xpath = xmlXPathNewContext (parsed->doc);
  xmlXPathRegisterNs (parsed->xpath, (const xmlChar *) "e",
                      (const xmlChar *) (format == DOCKET_EAD_FORMAT_EAD3
                                         ? "http://ead3.archivists.org/schema/"
                                         : "urn:isbn:1-931666-22-9"));
  xmlXPathRegisterNs (parsed->xpath, (const xmlChar *) "xlink", (const xmlChar *) "http://www.w3.org/1999/xlink");
  return parsed;
}

static char *
xpath_string (Parsed     *parsed,
              const char *expr)
{
  g_autofree char *wrapped = g_strdup_printf ("string(%s)", expr);
  xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) wrapped, parsed->xpath);
  char *value;

  g_assert_nonnull (result);
  value = g_strdup ((const char *) result->stringval);
  xmlXPathFreeObject (result);
  return value;
}

static double
xpath_number (Parsed     *parsed,
              const char *expr)
{
  xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) expr, parsed->xpath);
  double value;

  g_assert_nonnull (result);
  value = xmlXPathCastToNumber (result);
  xmlXPathFreeObject (result);
  return value;
}

#define assert_xpath_str(parsed, expr, expected) \
  G_STMT_START { \
    g_autofree char *value__ = xpath_string ((parsed), (expr)); \
    g_assert_cmpstr (value__, ==, (expected)); \
  } G_STMT_END
#define assert_xpath_contains(parsed, expr, needle) \
  G_STMT_START { \
    g_autofree char *value__ = xpath_string ((parsed), (expr)); \
    if (strstr (value__, (needle)) == NULL) \
      g_error ("%s is “%s”, which lacks “%s”", (expr), value__, (needle)); \
  } G_STMT_END
#define assert_xpath_count(parsed, expr, n) \
  g_assert_cmpfloat (xpath_number ((parsed), "count(" expr ")"), ==, (n))

/* Every @target names an @id of the file, and no @id is there twice. */
static void
assert_links_resolve (Parsed *parsed)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlXPathObjectPtr result;

  result = xmlXPathEvalExpression ((const xmlChar *) "//@id", parsed->xpath);
  for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr; i++)
    {
      char *id = (char *) xmlNodeGetContent (result->nodesetval->nodeTab[i]);

      g_assert_true (xmlValidateNCName ((const xmlChar *) id, 0) == 0);
      if (!g_hash_table_add (ids, g_strdup (id)))
        g_error ("id %s is there twice", id);
      xmlFree (id);
    }
  xmlXPathFreeObject (result);

  result = xmlXPathEvalExpression ((const xmlChar *) "//@target", parsed->xpath);
  for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr; i++)
    {
      char *target = (char *) xmlNodeGetContent (result->nodesetval->nodeTab[i]);

      if (!g_hash_table_contains (ids, target))
        g_error ("target %s does not resolve", target);
      xmlFree (target);
    }
  xmlXPathFreeObject (result);
}

/* Exports @records as @format, checks the finding aid against the schema
 * and parses it; @out_xml, when given, receives the bytes too. */
static Parsed *
export_valid (DocketEadFormat          format,
              const DocketCollection  *collection,
              GPtrArray               *records,
              const DocketEadOptions  *options,
              GBytes                 **out_xml)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) xml = docket_ead_write_bytes (format, collection, records, options, &error);
  Parsed *parsed;

  g_assert_no_error (error);
  assert_valid (format, xml);
  parsed = parse (format, xml);
  if (out_xml != NULL)
    *out_xml = g_steal_pointer (&xml);
  return parsed;
}

/* The seed */

static GBytes *
export_seed (DocketEadFormat format)
{
  g_autoptr(DocketCollection) collection = make_collection ();
  g_autoptr(GPtrArray) records = records_of (make_seed ());
  DocketEadOptions options = { "Example Archives", "US-DNA", "US", FALSE };
  g_autoptr(GError) error = NULL;
  GBytes *xml = docket_ead_write_bytes (format, collection, records, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (xml);
  return xml;
}

static void
test_seed_ead3 (void)
{
  g_autoptr(GBytes) xml = export_seed (DOCKET_EAD_FORMAT_EAD3);
  g_autoptr(Parsed) p = parse (DOCKET_EAD_FORMAT_EAD3, xml);

  assert_valid (DOCKET_EAD_FORMAT_EAD3, xml);

  /* control */
  assert_xpath_str (p, "/e:ead/e:control/e:recordid", "frus1964-68v05");
  assert_xpath_str (p, "/e:ead/e:control/e:maintenancestatus/@value", "derived");
  assert_xpath_str (p, "/e:ead/e:control/e:maintenanceagency/e:agencyname", "Example Archives");
  assert_xpath_str (p, "/e:ead/e:control/e:maintenanceagency/e:agencycode", "US-DNA");
  assert_xpath_str (p, "/e:ead/e:control/e:maintenanceagency/@countrycode", "US");
  assert_xpath_count (p, "/e:ead/e:control/e:maintenancehistory/e:maintenanceevent/e:agent", 1);
  assert_xpath_str (p, "/e:ead/e:control/e:languagedeclaration/e:language/@langcode", "eng");
  assert_xpath_str (p, "/e:ead/e:control/e:conventiondeclaration/e:abbr", "DACS");
  assert_xpath_str (p, "/e:ead/e:archdesc/@level", "collection");
  assert_xpath_str (p, "/e:ead/e:archdesc/e:did/e:unitdate/@normal", "1967/1967");

  /* did */
  assert_xpath_str (p, "//e:c/@level", "item");
  assert_xpath_str (p, "//e:c/e:did/e:unitid[@localtype='frus-document-id']", SEED_ID);
  assert_xpath_str (p, "//e:c/e:did/e:unitid[@localtype='document-number']", "206");
  assert_xpath_contains (p, "//e:c/e:did/e:unittitle[1][@localtype='devised']", "W. Averell Harriman memorandum");
  assert_xpath_str (p, "//e:c/e:did/e:unittitle[@localtype='frus-heading']",
                    "Memorandum From the Ambassador at Large (Harriman) to President Johnson");
  assert_xpath_str (p, "//e:c/e:did/e:unittitle[@localtype='subject-line']",
                    "Possible Kosygin Talks on Vietnam Settlement");
  assert_xpath_str (p, "//e:c/e:did/e:unitdatestructured/@certainty", "inferred");
  assert_xpath_str (p, "//e:c/e:did/e:unitdatestructured/e:datesingle/@notbefore", "1967-06-16");
  assert_xpath_str (p, "//e:c/e:did/e:unitdatestructured/e:datesingle/@notafter", "1967-06-23");
  assert_xpath_str (p, "//e:c/e:did/e:unitdatestructured/e:datesingle", "1967 June, between 16 and 23 (inferred)");
  assert_xpath_str (p, "//e:c/e:did/e:physdescstructured/e:unittype", "memorandum");
  assert_xpath_str (p, "//e:c/e:did/e:physdesc[@localtype='printing']",
                    "Printed from a copy that bears this typed signature.");
  assert_xpath_str (p, "//e:c/e:did/e:origination/e:persname[@relator='aut']/e:part", "Harriman");
  assert_xpath_str (p, "//e:c/e:did/e:langmaterial/e:language/@langcode", "eng");

  /* notes */
  assert_xpath_str (p, "//e:c/e:originalsloc/@id", SEED_ID "fn1");
  assert_xpath_str (p, "//e:c/e:originalsloc/e:p", SOURCE_TEXT);
  assert_xpath_str (p, "//e:c/e:originalsloc/e:p/e:title/e:part", "Harriman Papers");
  assert_xpath_contains (p, "//e:c/e:accessrestrict[@localtype='classification']/e:p", "Top Secret");
  assert_xpath_count (p, "//e:c/e:accessrestrict[@localtype='declassification']", 1);
  assert_xpath_contains (p, "//e:c/e:relations/e:relation[contains(@arcrole,'aut')]/e:descriptivenote",
                         "Ambassador at Large");
  assert_xpath_contains (p, "//e:c/e:scopecontent/e:p", "unilateral decision");

  /* Footnote 2 inline right after "Vietnam.", with nothing between. */
  assert_xpath_count (p, "//e:c/e:odd/e:p/e:footnote[@id='" SEED_ID "fn2']", 1);
  {
    g_autofree char *before = xpath_string (p, "//e:footnote[@id='" SEED_ID "fn2']/preceding-sibling::node()[1]");

    g_assert_true (g_str_has_suffix (before, "namely, Vietnam."));
  }
  assert_xpath_str (p, "//e:footnote[@id='" SEED_ID "fn2']/@localtype", "editorial");
  assert_xpath_str (p, "//e:footnote[@id='" SEED_ID "fn3']/preceding-sibling::node()[1]", "W. Averell Harriman");
  assert_xpath_count (p, "//e:odd//e:footnote", 2);
  /* Source notes are not footnotes; headings and subject lines are not in the text. */
  assert_xpath_count (p, "//e:odd/e:p[contains(., 'Memorandum From')]", 0);

  /* The citations: refs in the footnote, archrefs in relatedmaterial. */
  assert_xpath_count (p, "//e:footnote[@id='" SEED_ID "fn2']//e:ref[@target]", 3);
  assert_xpath_count (p, "//e:c/e:relatedmaterial/e:archref[@id]", 3);
  assert_xpath_str (p, "//e:footnote//e:ref[1]", "Johnson Library, Dean Rusk Appointment Book, 1967");
  assert_xpath_str (p, "//e:footnote//e:ref[3]", "ibid., POL 7 USSR");
  assert_xpath_count (p, "//e:archref[@id = //e:footnote//e:ref/@target]", 3);
  assert_xpath_contains (p, "//e:relatedmaterial/e:archref[2]", "POL 27 VIET S");

  /* Publication and page. */
  assert_xpath_contains (p, "//e:c/e:bibliography/e:bibref", "Document 206");
  assert_xpath_contains (p, "//e:c/e:bibliography/e:bibref", "522");
  assert_xpath_str (p, "//e:c/e:bibliography/e:bibref/e:ref/@href",
                    "https://history.state.gov/historicaldocuments/frus1964-68v05/d206");

  /* Access points. */
  assert_xpath_str (p, "//e:controlaccess/e:persname[@relator='rcp']/@source", "lcnaf");
  assert_xpath_str (p, "//e:controlaccess/e:persname[@relator='rcp']/@identifier",
                    "http://id.loc.gov/authorities/names/n78095825");
  assert_xpath_count (p, "//e:controlaccess/e:subject[@source='lcsh']/e:part", 2);
  assert_xpath_str (p, "//e:controlaccess/e:genreform[@source='aat']/e:part", "memorandums");
  /* No authority id where the record has none. */
  assert_xpath_count (p, "//e:controlaccess/e:subject/@identifier", 0);

  assert_links_resolve (p);
}

static void
test_seed_ead2002 (void)
{
  g_autoptr(GBytes) xml = export_seed (DOCKET_EAD_FORMAT_EAD2002);
  g_autoptr(Parsed) p = parse (DOCKET_EAD_FORMAT_EAD2002, xml);

  assert_valid (DOCKET_EAD_FORMAT_EAD2002, xml);

  assert_xpath_str (p, "/e:ead/e:eadheader/e:eadid", "frus1964-68v05");
  assert_xpath_str (p, "/e:ead/e:eadheader/e:eadid/@mainagencycode", "US-DNA");
  assert_xpath_str (p, "/e:ead/e:eadheader/e:eadid/@countrycode", "US");
  assert_xpath_str (p, "/e:ead/e:eadheader/e:profiledesc/e:langusage/e:language/@langcode", "eng");
  assert_xpath_count (p, "/e:ead/e:eadheader/e:revisiondesc/e:change/e:date/@normal", 1);

  assert_xpath_contains (p, "//e:c/e:did/e:unittitle[1]", "W. Averell Harriman memorandum");
  assert_xpath_str (p, "//e:c/e:did/e:unittitle[@type='subject-line']", "Possible Kosygin Talks on Vietnam Settlement");
  assert_xpath_str (p, "//e:c/e:did/e:unitid[@type='document-number']", "206");
  assert_xpath_str (p, "//e:c/e:did/e:unitdate/@normal", "1967-06-16/1967-06-23");
  assert_xpath_str (p, "//e:c/e:did/e:unitdate/@certainty", "inferred");
  assert_xpath_str (p, "//e:c/e:did/e:physdesc/e:physfacet", "Printed from a copy that bears this typed signature.");
  assert_xpath_str (p, "//e:c/e:did/e:origination/e:persname/@role", "aut");
  assert_xpath_contains (p, "//e:c/e:scopecontent", "Ambassador at Large");
  assert_xpath_str (p, "//e:c/e:originalsloc/e:p", SOURCE_TEXT);
  assert_xpath_contains (p, "//e:c/e:accessrestrict[@type='classification']/e:p", "Top Secret");

  assert_xpath_str (p, "//e:note[@id='" SEED_ID "fn2']/@label", "2");
  {
    g_autofree char *before = xpath_string (p, "//e:note[@id='" SEED_ID "fn2']/preceding-sibling::node()[1]");

    g_assert_true (g_str_has_suffix (before, "namely, Vietnam."));
  }
  assert_xpath_count (p, "//e:note[@id='" SEED_ID "fn2']//e:ref[@target]", 3);
  /* xlink:type wherever a link is. */
  assert_xpath_count (p, "//e:ref[not(@xlink:type)]", 0);
  assert_xpath_count (p, "//*[@xlink:href][not(@xlink:type)]", 0);
  assert_xpath_str (p, "//e:bibliography/e:bibref/@xlink:href",
                    "https://history.state.gov/historicaldocuments/frus1964-68v05/d206");
  assert_xpath_str (p, "//e:controlaccess/e:persname[@role='rcp']/@authfilenumber",
                    "http://id.loc.gov/authorities/names/n78095825");
  assert_links_resolve (p);
}

/* The seed as the plain-text reader imports it, when that reader works. */
static void
test_imported_seed (void)
{
  g_autofree char *path = docket_test_shared_path ("corpus", "seed-memorandum.txt", NULL);
  g_autoptr(DocketImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return;
  result = docket_import_file (path, NULL, NULL, NULL, &error);
  if (result == NULL || result->records->len == 0)
    {
      g_test_skip ("the plain-text reader does not import the seed yet");
      return;
    }
  g_assert_no_error (error);
  for (guint f = DOCKET_EAD_FORMAT_EAD3; f <= DOCKET_EAD_FORMAT_EAD2002; f++)
    {
      g_autoptr(Parsed) p = export_valid (f, result->collection, result->records, NULL, NULL);

      g_assert_cmpfloat (xpath_number (p, f == DOCKET_EAD_FORMAT_EAD3 ? "count(//e:footnote)" : "count(//e:note)"),
                         ==, 2);
      assert_xpath_contains (p, "//e:accessrestrict", "Top Secret");
      assert_xpath_contains (p, "//e:originalsloc", "Harriman Papers");
      assert_links_resolve (p);
    }
}

/* Hostile text */

static char *
hostile (const char *what)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "%s & <b>bold</b> ]]> \"double\" 'single' &amp; &nbsp; ", what);
  /* Every C0 control, DEL, a lone surrogate's bytes and U+FFFE/U+FFFF. */
  for (char c = 1; c < 0x20; c++)
    g_string_append_c (s, c);
  g_string_append (s, "\x7f \xed\xa0\x80 \xef\xbf\xbe \xef\xbf\xbf \xff\xfe ");
  /* Right-to-left text with its marks. */
  g_string_append (s, "\u202E مرحبا بالعالم \u202C שלום \u200F");
  g_string_append (s, " -- a--b :: 206");
  return g_string_free (s, FALSE);
}

static char *
huge (void)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < 1000; i++)
    g_string_append (s, "A&<>\"' é\t\x01");
  return g_string_free (s, FALSE);
}

static DocketRecord *
make_hostile (const char *id)
{
  DocketRecord *record = docket_record_new ();
  g_autofree char *big = huge ();
  DocketFootnote *fn;
  DocketFootnoteLink *link;
  DocketBlock *block;
  DocketAgent *agent;
  DocketAccessPoint *point;

  for (guint f = 0; f < DOCKET_N_FIELDS; f++)
    {
      g_autofree char *value = hostile (docket_field_get_key (f));

      docket_record_set (record, f, f % 3 == 0 ? big : value);
    }
  docket_record_set_id (record, id);
  docket_record_set (record, DOCKET_FIELD_LEVEL, "level <&> with spaces");
  docket_record_set (record, DOCKET_FIELD_PARENT_PATH, "a/b/\x01/");

  for (guint role = DOCKET_AGENT_AUTHOR; role <= DOCKET_AGENT_MENTIONED; role++)
    {
      g_autofree char *name = hostile ("agent");

      agent = docket_agent_new (role, name, big);
      agent->authority_source = hostile ("source");
      agent->authority_id = hostile ("id");
      docket_record_add_agent (record, agent);
    }
  for (guint kind = DOCKET_ACCESS_POINT_SUBJECT; kind <= DOCKET_ACCESS_POINT_TITLE; kind++)
    {
      g_autofree char *term = hostile ("term");
      g_autofree char *source = hostile ("src");

      point = docket_access_point_new (kind, term, kind % 2 ? source : "lcsh");
      point->authority_id = hostile ("auth");
      point->role = hostile ("role");
      docket_record_add_access_point (record, point);
    }
  point = docket_access_point_new (DOCKET_ACCESS_POINT_PLACE, "--", NULL);
  docket_record_add_access_point (record, point);

  block = docket_block_new (DOCKET_BLOCK_PARAGRAPH, big);
  docket_block_add_anchor (block, DOCKET_ANCHOR_FOOTNOTE, 3, "fn<1>");
  /* Past the end: the model refuses it, a corrupt catalog might not. */
  g_ptr_array_add (block->anchors, docket_anchor_new (DOCKET_ANCHOR_FOOTNOTE, 999999, "fn<1>"));
  docket_block_add_anchor (block, DOCKET_ANCHOR_FOOTNOTE, 7, "missing");
  docket_block_add_anchor (block, DOCKET_ANCHOR_PAGE_BREAK, 5, "<522>");
  docket_record_add_block (record, block);
  block = docket_block_new (DOCKET_BLOCK_QUOTE, "\xc3\xa9\xc3\xa9");
  docket_block_add_anchor (block, DOCKET_ANCHOR_FOOTNOTE, 1, "fn 2"); /* inside a character */
  docket_record_add_block (record, block);

  fn = docket_footnote_new ("fn<1>", "1 <&>", DOCKET_FOOTNOTE_EDITORIAL, big);
  link = docket_footnote_link_new (DOCKET_LINK_URL, "javascript:alert(1)");
  link->span_start = 5;
  link->span_end = 2;
  docket_footnote_add_link (fn, link);
  link = docket_footnote_link_new (DOCKET_LINK_RECORD, "nowhere <&>");
  link->span_start = 0;
  link->span_end = 40;
  docket_footnote_add_link (fn, link);
  link = docket_footnote_link_new_archival (big, big, big, big);
  link->target = g_strdup ("https://example.org/a b");
  link->span_start = 30;
  link->span_end = 20000; /* past the end */
  docket_footnote_add_link (fn, link);
  link = docket_footnote_link_new (DOCKET_LINK_PUBLISHED, "http://example.org/\"><x>");
  link->title = hostile ("title");
  docket_footnote_add_link (fn, link);
  docket_record_add_footnote (record, fn);
  fn = docket_footnote_new ("fn 2", "", DOCKET_FOOTNOTE_PRINTING, NULL);
  docket_record_add_footnote (record, fn);
  fn = docket_footnote_new ("src", "\x01", DOCKET_FOOTNOTE_SOURCE, "\x02\x03");
  docket_record_add_footnote (record, fn);
  fn = docket_footnote_new ("unanchored", "9", DOCKET_FOOTNOTE_EDITORIAL, "]]>");
  docket_record_add_footnote (record, fn);

  docket_record_set_extra_xml (record, "<dx:extra xmlns:dx='urn:x-docket:ead-extra'><dx:desc><odd>not closed");
  return record;
}

static void
test_hostile (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DocketCollection) collection = NULL;
  g_autofree char *title = hostile ("collection");
  g_autofree char *big = huge ();
  DocketEadOptions options = { big, "<&>", "\x01US", TRUE };

  collection = docket_collection_new (title, title);
  collection->date = hostile ("date");
  collection->scope = g_strdup (big);
  collection->repository = hostile ("repository");
  collection->editors = hostile ("editors");
  collection->extra_xml = g_strdup ("<<<");

  g_ptr_array_add (records, make_hostile ("206"));
  g_ptr_array_add (records, make_hostile ("206"));   /* the same id twice */
  g_ptr_array_add (records, make_hostile ("a b:c<d>"));
  g_ptr_array_add (records, make_hostile (""));

  for (guint f = DOCKET_EAD_FORMAT_EAD3; f <= DOCKET_EAD_FORMAT_EAD2002; f++)
    {
      g_autoptr(GBytes) xml = NULL;
      g_autoptr(Parsed) p = export_valid (f, collection, records, &options, &xml);

      assert_links_resolve (p);
      /* The text survives, escaped; only the forbidden characters went. */
      g_assert_nonnull (g_strstr_len (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml),
                                      "&amp; &lt;b&gt;bold&lt;/b&gt; ]]&gt;"));
      g_assert_nonnull (g_strstr_len (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), "مرحبا"));
      assert_xpath_count (p, "//e:c", 4);
    }
}

/* Text that is clean but for one forbidden character, each alone and
 * where the writer's quick check must find it: U+FFFE or U+FFFF after
 * other non-ASCII text, a control after it, or past the first eight
 * bytes of ASCII. */
static void
test_lone_forbidden (void)
{
  static const struct { const char *text, *kept; } cases[] = {
    { "Caf\xc3\xa9 noir \xef\xbf\xbe fin", "Café noir  fin" },
    { "Caf\xc3\xa9 noir \xef\xbf\xbf fin", "Café noir  fin" },
    { "\xe2\x80\x94 dash then \x02 control", "— dash then  control" },
    { "twelve ascii\x1f then", "twelve ascii then" },
    { "tab\tand\nnewline kept \xc3\xa9", "tab\tand\nnewline kept é" },
  };
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DocketCollection) collection = make_collection ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DocketRecord *record = docket_record_new ();
      g_autofree char *id = g_strdup_printf ("r%u", i);

      docket_record_set_id (record, id);
      docket_record_set (record, DOCKET_FIELD_SCOPE, cases[i].text);
      g_ptr_array_add (records, record);
    }

  for (guint f = DOCKET_EAD_FORMAT_EAD3; f <= DOCKET_EAD_FORMAT_EAD2002; f++)
    {
      g_autoptr(GBytes) xml = NULL;
      g_autoptr(Parsed) p = export_valid (f, collection, records, NULL, &xml);
      gsize size;
      const char *data = g_bytes_get_data (xml, &size);

      g_assert_null (g_strstr_len (data, size, "\xef\xbf\xbe"));
      g_assert_null (g_strstr_len (data, size, "\xef\xbf\xbf"));
      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autofree char *escaped = g_markup_escape_text (cases[i].kept, -1);

          g_test_message ("%s", cases[i].kept);
          g_assert_nonnull (g_strstr_len (data, size, escaped));
        }
    }
}

/* A hundred records that cite each other */

static void
test_hundred_linked (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DocketCollection) collection = make_collection ();

  for (guint i = 0; i < 100; i++)
    {
      DocketRecord *record = make_seed ();
      g_autofree char *id = g_strdup_printf ("frus1964-68v05d%u", i + 1);
      g_autofree char *next = g_strdup_printf ("frus1964-68v05d%u", (i + 1) % 100 + 1);
      g_autofree char *text = g_strdup_printf ("See Document %u and Document 9999.", (i + 1) % 100 + 1);
      DocketFootnote *fn = docket_footnote_new ("x", "4", DOCKET_FOOTNOTE_EDITORIAL, text);
      DocketFootnoteLink *link;

      docket_record_set_id (record, id);
      link = docket_footnote_link_new (DOCKET_LINK_RECORD, next);
      link->span_start = 4;
      link->span_end = (int) g_utf8_strlen (text, -1) - strlen (" and Document 9999.");
      docket_footnote_add_link (fn, link);
      /* Outside the finding aid: no dangling target. */
      link = docket_footnote_link_new (DOCKET_LINK_RECORD, "frus1964-68v05d9999");
      docket_footnote_add_link (fn, link);
      link = docket_footnote_link_new (DOCKET_LINK_PUBLISHED, "https://history.state.gov/");
      link->title = g_strdup ("Foreign Relations of the United States");
      docket_footnote_add_link (fn, link);
      docket_record_add_footnote (record, fn);
      g_ptr_array_add (records, record);
    }

  for (guint f = DOCKET_EAD_FORMAT_EAD3; f <= DOCKET_EAD_FORMAT_EAD2002; f++)
    {
      g_autoptr(Parsed) p = export_valid (f, collection, records, NULL, NULL);

      assert_xpath_count (p, "/e:ead/e:archdesc/e:dsc/e:c", 100);
      assert_links_resolve (p);
      /* Each record's link to the next is a ref to that c. */
      assert_xpath_count (p, "//e:ref[@target = //e:c/@id]", 100);
      assert_xpath_str (p, "//e:c[@id='frus1964-68v05d1']//e:ref[@target = //e:c/@id]/@target", "frus1964-68v05d2");
      assert_xpath_count (p, "//*[@target='frus1964-68v05d9999']", 0);
      /* In catalog order. */
      assert_xpath_str (p, "/e:ead/e:archdesc/e:dsc/e:c[100]/@id", "frus1964-68v05d100");
    }
}

/* Series and files from an EAD import nest again; kept elements come back. */
static void
test_hierarchy_and_kept_elements (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  DocketRecord *series = docket_record_new ();
  DocketRecord *item = make_seed ();
  DocketRecord *loop = docket_record_new ();

  docket_record_set_id (series, "ser1");
  docket_record_set (series, DOCKET_FIELD_LEVEL, "series");
  docket_record_set (series, DOCKET_FIELD_TITLE, "Correspondence");
  docket_record_set_extra_xml (series,
                               "<dx:extra xmlns:dx=\"urn:x-docket:ead-extra\" format=\"ead2002\">"
                               "<dx:did><physloc>Box 1</physloc></dx:did>"
                               "<dx:desc><odd id=\"ser1\"><p>Kept <extref href=\"https://example.org/\" actuate=\"onrequest\">link</extref>"
                               " <ref target=\"nowhere\">ref</ref></p></odd>"
                               "<arrangement xmlns=\"http://ead3.archivists.org/schema/\"><p>EAD3 only</p></arrangement>"
                               "</dx:desc></dx:extra>");
  docket_record_set (item, DOCKET_FIELD_PARENT_PATH, "ser1");
  docket_record_set (item, DOCKET_FIELD_LEVEL, "chapter");
  docket_record_set_id (loop, "loop");
  docket_record_set (loop, DOCKET_FIELD_PARENT_PATH, "loop");
  g_ptr_array_add (records, series);
  g_ptr_array_add (records, item);
  g_ptr_array_add (records, loop);

  for (guint f = DOCKET_EAD_FORMAT_EAD3; f <= DOCKET_EAD_FORMAT_EAD2002; f++)
    {
      g_autoptr(Parsed) p = export_valid (f, NULL, records, NULL, NULL);

      assert_xpath_count (p, "/e:ead/e:archdesc/e:dsc/e:c", 2);
      assert_xpath_str (p, "/e:ead/e:archdesc/e:dsc/e:c[1]/@level", "series");
      assert_xpath_str (p, "/e:ead/e:archdesc/e:dsc/e:c[1]/e:c/@id", SEED_ID);
      assert_xpath_str (p, "/e:ead/e:archdesc/e:dsc/e:c[1]/e:c/@otherlevel", "chapter");
      assert_links_resolve (p);
      if (f == DOCKET_EAD_FORMAT_EAD2002)
        {
          assert_xpath_str (p, "//e:c[@id='ser1']/e:did/e:physloc", "Box 1");
          assert_xpath_str (p, "//e:c[@id='ser1']/e:odd//e:extref/@xlink:href", "https://example.org/");
          assert_xpath_str (p, "//e:c[@id='ser1']/e:odd//e:extref/@xlink:actuate", "onRequest");
          /* Kept from EAD3, converted. */
          assert_xpath_str (p, "//e:c[@id='ser1']/e:arrangement/e:p", "EAD3 only");
        }
      else
        {
          /* Kept from EAD 2002, converted: extref is a ref with href. */
          assert_xpath_str (p, "//e:c[@id='ser1']/e:did/e:physloc", "Box 1");
          assert_xpath_str (p, "//e:c[@id='ser1']/e:odd//e:ref/@href", "https://example.org/");
          assert_xpath_str (p, "//e:c[@id='ser1']/e:odd//e:ref/@actuate", "onrequest");
          assert_xpath_str (p, "//e:c[@id='ser1']/e:arrangement/e:p", "EAD3 only");
        }
    }
}

/* Kept elements that were invalid where they came from (EAD 2002 in the
 * EAD3 namespace, a <date> where EAD 2002 has none, a value the strict
 * schema refuses) are changed or left out, record by record, so that the
 * export validates; each change is a warning that names the record; the
 * rest is written back. EAD3 in the undeprecated namespace becomes EAD3. */
static gboolean
has_warning (GPtrArray  *warnings,
             const char *first,
             const char *second)
{
  for (guint i = 0; i < warnings->len; i++)
    {
      const char *warning = g_ptr_array_index (warnings, i);

      if (strstr (warning, first) != NULL && strstr (warning, second) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_kept_invalid_ead3 (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  DocketEadOptions options = { .warnings = warnings };
  DocketRecord *record = docket_record_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(Parsed) p = NULL;

  docket_record_set_id (record, "coll-ref7");
  docket_record_set (record, DOCKET_FIELD_LEVEL, "file");
  docket_record_set (record, DOCKET_FIELD_TITLE, "Letters");
  docket_record_set_extra_xml (record,
                               "<dx:extra xmlns:dx=\"urn:x-docket:ead-extra\" format=\"ead3\" cid=\"ref7\">"
                               "<dx:did><physdesc xmlns=\"http://ead3.archivists.org/schema/\">About "
                               "<extent>2 boxes</extent></physdesc></dx:did>"
                               "<dx:desc>"
                               "<odd xmlns=\"http://ead3.archivists.org/schema/\" type=\"x\"><p>Kept.</p></odd>"
                               "<note xmlns=\"http://ead3.archivists.org/schema/\"><p>Gone</p></note>"
                               "<scopecontent xmlns=\"http://ead3.archivists.org/schema/\"><p>Whole</p></scopecontent>"
                               "<arrangement xmlns=\"http://ead3.archivists.org/schema/undeprecated/\"><p>By date.</p></arrangement>"
                               "<descgrp xmlns=\"http://ead3.archivists.org/schema/undeprecated/\"><p>Old</p></descgrp>"
                               "</dx:desc></dx:extra>");
  g_ptr_array_add (records, record);

  xml = docket_ead_write_bytes (DOCKET_EAD_FORMAT_EAD3, NULL, records, &options, &error);
  g_assert_no_error (error);
  assert_valid (DOCKET_EAD_FORMAT_EAD3, xml);
  if (docket_test_get_shared_dir () == NULL)
    return; /* without the schemas, only values are checked */

  p = parse (DOCKET_EAD_FORMAT_EAD3, xml);
  assert_xpath_str (p, "/e:ead/e:archdesc/e:dsc/e:c/@id", "ref7");
  assert_xpath_str (p, "//e:c/e:did/e:physdesc[not(@localtype)][contains(., 'boxes')]", "About 2 boxes");
  assert_xpath_str (p, "//e:c/e:odd/e:p", "Kept.");
  assert_xpath_count (p, "//e:c/e:odd/@type", 0);
  assert_xpath_count (p, "//e:note", 0);
  assert_xpath_str (p, "//e:c/e:scopecontent/e:p", "Whole");
  assert_xpath_str (p, "//e:c/e:arrangement/e:p", "By date.");
  assert_xpath_count (p, "//*[local-name()='descgrp']", 0);

  g_assert_true (has_warning (warnings, "record coll-ref7", "<extent>"));
  g_assert_true (has_warning (warnings, "record coll-ref7", "type=\"x\""));
  g_assert_true (has_warning (warnings, "record coll-ref7", "<note>"));
  g_assert_true (has_warning (warnings, "record coll-ref7", "<descgrp>"));
  g_assert_false (has_warning (warnings, "record coll-ref7", "<arrangement>"));
}

static void
test_kept_invalid_ead2002 (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  DocketEadOptions options = { .warnings = warnings };
  DocketRecord *record = docket_record_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(Parsed) p = NULL;

  docket_record_set_id (record, "wnyu-ref3");
  docket_record_set (record, DOCKET_FIELD_TITLE, "Programs");
  /* DTD-style, without a namespace, as nyu-wnyu.xml and Archon write it. */
  docket_record_set_extra_xml (record,
                               "<dx:extra xmlns:dx=\"urn:x-docket:ead-extra\" format=\"ead2002\" cid=\"ref3\">"
                               "<dx:did><unitid repositorycode=\"NNU\">R-3</unitid></dx:did>"
                               "<dx:desc><controlaccess><date>1950</date><subject>Radio</subject></controlaccess>"
                               "<arrangement xmlns=\"http://ead3.archivists.org/schema/undeprecated/\"><p>EAD3</p></arrangement>"
                               "<chronlist xmlns=\"http://ead3.archivists.org/schema/\"><chronitem><datesingle>1950</datesingle>"
                               "<event>On air</event></chronitem></chronlist>"
                               "</dx:desc></dx:extra>");
  g_ptr_array_add (records, record);

  xml = docket_ead_write_bytes (DOCKET_EAD_FORMAT_EAD2002, NULL, records, &options, &error);
  g_assert_no_error (error);
  assert_valid (DOCKET_EAD_FORMAT_EAD2002, xml);

  p = parse (DOCKET_EAD_FORMAT_EAD2002, xml);
  assert_xpath_str (p, "/e:ead/e:archdesc/e:dsc/e:c/@id", "ref3");
  assert_xpath_str (p, "//e:c/e:did/e:unitid[not(@type)]", "R-3");
  assert_xpath_count (p, "//@repositorycode", 0);
  g_assert_true (has_warning (warnings, "record wnyu-ref3", "repositorycode=\"NNU\""));
  /* The other EAD version is converted where that is faithful; what is
   * not (EAD3 dated chronitems) is left out, and the export says so. */
  assert_xpath_str (p, "//e:c/e:arrangement/e:p", "EAD3");
  assert_xpath_count (p, "//e:chronlist", 0);
  assert_xpath_count (p, "//e:event", 0);
  g_assert_true (has_warning (warnings, "left out 1 element", "EAD3"));
  g_assert_true (has_warning (warnings, "<chronitem> in <chronlist>", "1 converted"));
  if (docket_test_get_shared_dir () == NULL)
    return;
  assert_xpath_str (p, "//e:c/e:controlaccess/e:subject", "Radio");
  assert_xpath_count (p, "//e:controlaccess/e:date", 0);
  g_assert_true (has_warning (warnings, "record wnyu-ref3", "<date>"));
}

/* Writing a file */

static GPtrArray *
many_seeds (guint n)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      DocketRecord *record = make_seed ();
      g_autofree char *id = g_strdup_printf ("frus1964-68v05d%u", i + 1);

      docket_record_set_id (record, id);
      g_ptr_array_add (records, record);
    }
  return records;
}

static void
test_file_atomic_child (void)
{
  g_autoptr(GPtrArray) lots = many_seeds (200);
  struct rlimit limit = { 64 * 1024, 64 * 1024 };
  g_autoptr(GError) error = NULL;

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (docket_ead_write_file (DOCKET_EAD_FORMAT_EAD3, NULL, lots, NULL,
                                         g_getenv ("DOCKET_TEST_OUT"), &error));
  g_assert_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_IO);
}

static void
test_file_atomic (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(GPtrArray) records = many_seeds (2);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n_files = 0;

  if (g_test_subprocess ())
    {
      test_file_atomic_child ();
      return;
    }
  dir = docket_test_make_tmpdir ();
  path = g_build_filename (dir, "aid.xml", NULL);
  bad = g_build_filename (path, "inside-a-file.xml", NULL);
  g_assert_true (docket_ead_write_file (DOCKET_EAD_FORMAT_EAD3, NULL, records, NULL, path, &error));
  g_assert_no_error (error);
  before = docket_test_read_file (path, NULL);
  g_assert_true (g_str_has_suffix (before, "</ead>\n") || g_str_has_suffix (before, "</ead>"));

  /* A path whose folder is a file: an error that names it, nothing written. */
  g_assert_false (docket_ead_write_file (DOCKET_EAD_FORMAT_EAD3, NULL, records, NULL, bad, &error));
  g_assert_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "inside-a-file.xml"));
  g_clear_error (&error);

  /* Replacing a folder fails, and leaves it. */
  g_assert_false (docket_ead_write_file (DOCKET_EAD_FORMAT_EAD3, NULL, records, NULL, dir, &error));
  g_assert_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_IO);
  g_clear_error (&error);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));

  /* A write that fails half-way (the file size limit stands in for a full
   * disk, and works as root) must leave the old file whole. */
  g_setenv ("DOCKET_TEST_OUT", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  after = docket_test_read_file (path, NULL);
  g_assert_cmpstr (before, ==, after);

  /* No temporary file is left behind. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);
  docket_test_rmdir (dir);
}

static void
test_schema_location (void)
{
  g_autoptr(GPtrArray) records = many_seeds (1);
  DocketEadOptions options = { NULL, NULL, NULL, TRUE };

  for (guint f = DOCKET_EAD_FORMAT_EAD3; f <= DOCKET_EAD_FORMAT_EAD2002; f++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) xml = docket_ead_write_bytes (f, NULL, records, &options, &error);

      g_assert_no_error (error);
      g_assert_nonnull (g_strstr_len (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml),
                                      "xsi:schemaLocation="));
      assert_valid (f, xml);
    }
}

static void
test_validator_reports (void)
{
  g_autofree char *schemas = docket_test_shared_path ("schemas", NULL);
  g_autofree char *invalid = docket_test_shared_path ("schemas", "selftest", "ead3-invalid.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) broken = g_bytes_new_static ("<ead>\n<oops>", 12);
  char *data;
  gsize len;

  if (schemas == NULL || invalid == NULL)
    return;
  g_assert_true (g_file_get_contents (invalid, &data, &len, NULL));
  bytes = g_bytes_new_take (data, len);
  g_assert_false (docket_ead_validate (DOCKET_EAD_FORMAT_EAD3, bytes, schemas, &error));
  g_assert_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "line "));
  g_assert_nonnull (strstr (error->message, "ead3.xsd"));
  g_clear_error (&error);

  g_assert_false (docket_ead_validate (DOCKET_EAD_FORMAT_EAD3, broken, schemas, &error));
  g_assert_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (docket_ead_validate (DOCKET_EAD_FORMAT_EAD3, bytes, "/nonexistent", &error));
  g_assert_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_SCHEMA);
  g_clear_error (&error);

  /* An invalid record is named by its c id. */
  {
    static const char text[] =
      "<ead xmlns='http://ead3.archivists.org/schema/'><control/><archdesc level='collection'><did/><dsc>"
      "<c id='rec-1' level='item'><did><bogus/></did></c></dsc></archdesc></ead>";
    g_autoptr(GBytes) doc = g_bytes_new_static (text, strlen (text));

    g_assert_false (docket_ead_validate (DOCKET_EAD_FORMAT_EAD3, doc, schemas, &error));
    g_assert_nonnull (strstr (error->message, "rec-1"));
  }
}

/* A problem is traced to the record (its unitid, else its c id) and to the
 * field the rejected element was written from. */
static const DocketEadProblem *
find_problem (GPtrArray  *problems,
              const char *record_id,
              const char *field)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const DocketEadProblem *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (problem->record_id, record_id) == 0 && g_strcmp0 (problem->field, field) == 0)
        return problem;
    }
  return NULL;
}

static void
test_validator_problem_fields (void)
{
  static const char text[] =
    "<ead xmlns='http://ead3.archivists.org/schema/'><control/><archdesc level='collection'><did/><dsc>\n"
    "<c id='d206' level='item'><did>\n"
    "<unitid localtype='frus-document-id'>frus1964-68v05d206</unitid>\n"
    "<unitdate datechar='creation' when='1967-06-16'>June 16, 1967</unitdate></did>\n"
    "<accessrestrict localtype='classification'><head>Security classification</head><bogus/></accessrestrict>\n"
    "</c>\n"
    "<c id='rec-2' level='item'><did>\n"
    "<unitdatestructured><daterange><fromdate>June <bogus/></fromdate></daterange></unitdatestructured></did>\n"
    "<controlaccess><persname><part>Rusk</part><bogus/></persname></controlaccess>\n"
    "</c></dsc></archdesc></ead>\n";
  g_autofree char *schemas = docket_test_shared_path ("schemas", NULL);
  g_autoptr(GBytes) doc = g_bytes_new_static (text, strlen (text));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) plain_error = NULL;
  const DocketEadProblem *problem;
  g_autofree char *line = NULL;

  if (schemas == NULL)
    return;

  g_assert_false (docket_ead_validate_with_problems (DOCKET_EAD_FORMAT_EAD3, doc, schemas, &problems, &error));
  g_assert_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_INVALID);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    {
      const DocketEadProblem *p = g_ptr_array_index (problems, i);
      g_test_message ("line %d c=%s record=%s element=%s attribute=%s field=%s: %s", p->line, p->c_id,
                      p->record_id, p->element, p->attribute, p->field, p->message);
    }

  /* The same answer and message as docket_ead_validate(). */
  g_assert_false (docket_ead_validate (DOCKET_EAD_FORMAT_EAD3, doc, schemas, &plain_error));
  g_assert_cmpstr (error->message, ==, plain_error->message);

  /* The bad unitdate: the record by its unitid (not its c id), the date. */
  problem = find_problem (problems, "frus1964-68v05d206", "date.text");
  g_assert_nonnull (problem);
  g_assert_cmpstr (problem->c_id, ==, "d206");
  g_assert_cmpstr (problem->element, ==, "unitdate");
  g_assert_cmpstr (problem->attribute, ==, "when");
  g_assert_cmpint (problem->line, ==, 4);
  g_assert_cmpstr (problem->schema, ==, "ead3/ead3.xsd");
  g_assert_null (strstr (problem->message, "{http"));
  line = docket_ead_problem_to_string (problem);
  g_assert_true (g_str_has_prefix (line, "Record frus1964-68v05d206, Date as written: "));

  problem = find_problem (problems, "frus1964-68v05d206", "classification");
  g_assert_nonnull (problem);
  g_assert_cmpstr (docket_ead_problem_get_field_label (problem), ==, "Classification");

  /* Without a unitid the c id names the record; the start of a range is
   * the ISO date from. */
  problem = find_problem (problems, "rec-2", "date.from");
  g_assert_nonnull (problem);
  g_assert_cmpstr (problem->element, ==, "bogus");
  problem = find_problem (problems, "rec-2", "agents");
  g_assert_nonnull (problem);
  g_assert_cmpstr (docket_ead_problem_get_field_label (problem), ==, "Agents");

  /* What is outside every record names no record. */
  problem = find_problem (problems, NULL, NULL);
  g_assert_nonnull (problem);
  g_assert_cmpstr (problem->element, ==, "control");

  /* A valid document: TRUE and no problems. */
  {
    g_autoptr(DocketRecord) record = docket_record_new ();
    g_autoptr(GPtrArray) records = g_ptr_array_new ();
    g_autoptr(GBytes) valid = NULL;
    g_autoptr(GPtrArray) none = NULL;

    docket_record_set_id (record, "rec-ok");
    docket_record_set (record, DOCKET_FIELD_TITLE, "A record");
    g_ptr_array_add (records, record);
    g_clear_error (&error);
    valid = docket_ead_write_bytes (DOCKET_EAD_FORMAT_EAD3, NULL, records, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (valid);
    g_assert_true (docket_ead_validate_with_problems (DOCKET_EAD_FORMAT_EAD3, valid, schemas, &none, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (none->len, ==, 0);
  }
}

static void
test_find_schemas (void)
{
  g_autofree char *schemas = docket_test_shared_path ("schemas", NULL);

  if (schemas == NULL)
    return;
  g_setenv ("DOCKET_SCHEMAS_DIR", schemas, TRUE);
  g_assert_cmpstr (docket_ead_find_schemas_dir (), ==, schemas);
  g_setenv ("DOCKET_SCHEMAS_DIR", "/nonexistent", TRUE);
  g_assert_nonnull (docket_ead_find_schemas_dir ());
  g_unsetenv ("DOCKET_SCHEMAS_DIR");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SOURCE_DATE_EPOCH", "1795000000", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/docket/export/ead/seed-ead3", test_seed_ead3);
  g_test_add_func ("/docket/export/ead/seed-ead2002", test_seed_ead2002);
  g_test_add_func ("/docket/export/ead/imported-seed", test_imported_seed);
  g_test_add_func ("/docket/export/ead/hostile", test_hostile);
  g_test_add_func ("/docket/export/ead/lone-forbidden", test_lone_forbidden);
  g_test_add_func ("/docket/export/ead/hundred-linked", test_hundred_linked);
  g_test_add_func ("/docket/export/ead/hierarchy-and-kept-elements", test_hierarchy_and_kept_elements);
  g_test_add_func ("/docket/export/ead/kept-invalid-ead3", test_kept_invalid_ead3);
  g_test_add_func ("/docket/export/ead/kept-invalid-ead2002", test_kept_invalid_ead2002);
  g_test_add_func ("/docket/export/ead/file-atomic", test_file_atomic);
  g_test_add_func ("/docket/export/ead/schema-location", test_schema_location);
  g_test_add_func ("/docket/export/ead/validator-reports", test_validator_reports);
  g_test_add_func ("/docket/export/ead/validator-problem-fields", test_validator_problem_fields);
  g_test_add_func ("/docket/export/ead/find-schemas", test_find_schemas);

  return g_test_run ();
}
