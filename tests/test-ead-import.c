/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "test-ead-import"

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/c14n.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

#include "docket-ead-import.h"
#include "docket-import.h"
#include "docket-test-util.h"

#include "docket-ead-validator.h"
#include "docket-ead-writer.h"

#define NOT_WELL_FORMED "loc-appendix-c-example2-not-wellformed.xml"

static const char *sample_dirs[] = { "ead3", "ead3-undeprecated", "ead2002", "ead2002-nonamespace" };

/* What the test computes on its own, with XPath over a plain parse. */
typedef struct
{
  char  *title;
  guint  n_components;
} Expected;

static gboolean
expected_from_xpath (const char *path,
                     Expected   *expected)
{
  xmlDocPtr doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  xmlXPathContextPtr xpath;
  xmlXPathObjectPtr obj;

  if (doc == NULL)
    return FALSE;
  xpath = xmlXPathNewContext (doc);

  obj = xmlXPathEvalExpression ((const xmlChar *)
                                "normalize-space(/*[local-name()='ead']/*[local-name()='archdesc']"
                                "/*[local-name()='did']/*[local-name()='unittitle'][1])", xpath);
  expected->title = g_strdup ((const char *) obj->stringval);
  xmlXPathFreeObject (obj);

  /* Components are c or c01…c12 under a dsc or another component (not,
   * say, a c12 wrapped as data in objectxmlwrap). */
#define IS_C "(local-name()='c' or (string-length(local-name())=3 and starts-with(local-name(),'c') and " \
             "number(substring(local-name(),2)) >= 1 and number(substring(local-name(),2)) <= 12))"
  obj = xmlXPathEvalExpression ((const xmlChar *)
                                "count(//*[local-name()='dsc']//*[" IS_C " and "
                                "parent::*[local-name()='dsc' or " IS_C "] and "
                                "not(ancestor::*[local-name()='objectxmlwrap'])])",
                                xpath);
#undef IS_C
  expected->n_components = (guint) obj->floatval;
  xmlXPathFreeObject (obj);

  xmlXPathFreeContext (xpath);
  xmlFreeDoc (doc);
  return TRUE;
}

static void
assert_reparses (const char *xml)
{
  xmlDocPtr doc;

  if (xml == NULL)
    return;
  doc = xmlReadMemory (xml, strlen (xml), NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "extra");
  xmlFreeDoc (doc);
}

static void
check_sample (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketImportResult) result = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  Expected expected = { 0 };

  g_assert_true (expected_from_xpath (path, &expected));

  result = docket_import_file (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_true (result->format == DOCKET_IMPORT_FORMAT_EAD3 ||
                 result->format == DOCKET_IMPORT_FORMAT_EAD2002);
  g_assert_nonnull (result->collection);
  g_assert_nonnull (result->collection->id);
  if (expected.title[0] != '\0')
    g_assert_cmpstr (result->collection->title, ==, expected.title);
  g_assert_cmpuint (result->records->len, ==, expected.n_components);
  assert_reparses (result->collection->extra_xml);

  for (guint i = 0; i < result->records->len; i++)
    {
      DocketRecord *record = g_ptr_array_index (result->records, i);
      const char *id = docket_record_get_id (record);

      g_assert_nonnull (id);
      g_assert_cmpstr (id, !=, "");
      g_assert_true (g_hash_table_add (ids, (gpointer) id));
      g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_COLLECTION), ==, result->collection->id);
      assert_reparses (docket_record_get_extra_xml (record));
    }

  g_test_message ("%s: \"%s\", %u components, %u unmapped elements", path,
                  result->collection->title, result->records->len, result->n_unmapped);
  g_free (expected.title);
}

static void
test_samples (void)
{
  g_autofree char *root = docket_test_shared_path ("ead-samples", NULL);
  guint n_files = 0;

  if (root == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (sample_dirs); i++)
    {
      g_autofree char *dir_path = g_build_filename (root, sample_dirs[i], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      if (dir == NULL)
        continue;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = NULL;

          if (!g_str_has_suffix (name, ".xml") || strcmp (name, NOT_WELL_FORMED) == 0)
            continue;
          path = g_build_filename (dir_path, name, NULL);
          check_sample (path);
          n_files++;
        }
    }
  g_assert_cmpuint (n_files, >, 30);
}

static void
test_not_well_formed (void)
{
  g_autofree char *path = docket_test_shared_path ("ead-samples", "ead2002-nonamespace", NOT_WELL_FORMED, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketImportResult) result = NULL;

  if (path == NULL)
    return;
  result = docket_import_file (path, NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, NOT_WELL_FORMED ":3: "));
  g_assert_nonnull (strstr (error->message, "Public Identifier"));
}

static DocketImportResult *
import_shared (const char *first,
               ...)
{
  g_autofree char *root = docket_test_shared_path (first, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  DocketImportResult *result;
  va_list args;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (root == NULL)
    return NULL;
  g_ptr_array_add (parts, root);
  va_start (args, first);
  for (const char *p = va_arg (args, const char *); p != NULL; p = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) p);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  path = g_build_filenamev ((char **) parts->pdata);

  result = docket_import_file (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return result;
}

static DocketAccessPoint *
find_access_point (DocketRecord *record,
                   const char   *term)
{
  GPtrArray *points = docket_record_get_access_points (record);

  for (guint i = 0; i < points->len; i++)
    {
      DocketAccessPoint *point = g_ptr_array_index (points, i);

      if (g_strcmp0 (point->term, term) == 0)
        return point;
    }
  return NULL;
}

/* Docket's own worked example: every mapped field comes back. */
static void
check_seed (DocketImportResult *result)
{
  DocketRecord *record;
  GPtrArray *agents;
  GPtrArray *body;
  DocketFootnote *fn2;
  DocketAnchor *anchor;
  DocketFootnoteLink *link;
  DocketBlock *block;

  g_assert_cmpstr (result->collection->id, ==, "frus1964-68v05-items");
  g_assert_cmpstr (result->collection->repository, ==, "Example Archives");
  g_assert_cmpstr (result->collection->date, ==, "1967");
  g_assert_cmpuint (result->records->len, ==, 1);

  record = g_ptr_array_index (result->records, 0);
  g_assert_cmpstr (docket_record_get_id (record), ==, "frus1964-68v05d206");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_NUMBER), ==, "206");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_LEVEL), ==, "item");
  g_assert_null (docket_record_get (record, DOCKET_FIELD_PARENT_PATH));
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_TITLE), ==,
                   "W. Averell Harriman memorandum to Lyndon B. Johnson regarding possible Kosygin talks on Vietnam settlement");
  g_assert_cmpstr (docket_record_get_heading (record), ==,
                   "Memorandum From the Ambassador at Large (Harriman) to President Johnson");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_SUBJECT), ==,
                   "Possible Kosygin Talks on Vietnam Settlement");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_TYPE), ==, "memorandums");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DATE_TEXT), ==, "1967 June, between 16 and 23 (inferred)");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DATE_FROM), ==, "1967-06-16");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DATE_TO), ==, "1967-06-23");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_DATE_CERTAINTY), ==, "inferred");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_CLASSIFICATION), ==, "Top Secret");
  g_assert_true (g_str_has_prefix (docket_record_get (record, DOCKET_FIELD_DECLASSIFICATION), "Declassified for publication"));
  g_assert_true (g_str_has_prefix (docket_record_get (record, DOCKET_FIELD_SOURCE_TEXT),
                                   "Source: Library of Congress. Manuscript Division, Harriman Papers"));
  g_assert_nonnull (docket_record_get (record, DOCKET_FIELD_SOURCE_REPOSITORY));
  g_assert_true (g_str_has_prefix (docket_record_get (record, DOCKET_FIELD_PRINTING_NOTE), "FRUS text printed from a copy"));
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_PUBLICATION), ==,
                   "Foreign Relations of the United States, 1964–1968, Volume V, Vietnam, 1967");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_PAGES), ==, "522");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_URL), ==,
                   "https://history.state.gov/historicaldocuments/frus1964-68v05/d206");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_LANGUAGE), ==, "eng");
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_EXTENT), ==, "1 memorandum");
  g_assert_true (g_str_has_prefix (docket_record_get (record, DOCKET_FIELD_SCOPE), "Harriman"));

  agents = docket_record_get_agents (record);
  g_assert_cmpuint (agents->len, ==, 2);
  g_assert_cmpint (((DocketAgent *) g_ptr_array_index (agents, 0))->role, ==, DOCKET_AGENT_AUTHOR);
  g_assert_cmpstr (((DocketAgent *) g_ptr_array_index (agents, 0))->name, ==,
                   "Harriman, W. Averell (William Averell), 1891-1986");
  g_assert_cmpstr (((DocketAgent *) g_ptr_array_index (agents, 0))->authority_source, ==, "lcnaf");
  g_assert_cmpint (((DocketAgent *) g_ptr_array_index (agents, 1))->role, ==, DOCKET_AGENT_RECIPIENT);
  g_assert_cmpstr (((DocketAgent *) g_ptr_array_index (agents, 1))->name, ==,
                   "Johnson, Lyndon B. (Lyndon Baines), 1908-1973");

  g_assert_nonnull (find_access_point (record, "Kosygin, A. N. (Aleksei Nikolaevich), 1904-1980"));
  g_assert_nonnull (find_access_point (record, "United States. Department of State"));
  g_assert_nonnull (find_access_point (record, "Vietnam War, 1961-1975 -- Peace"));
  g_assert_cmpint (find_access_point (record, "Vietnam (Democratic Republic)")->kind, ==, DOCKET_ACCESS_POINT_PLACE);
  g_assert_cmpstr (find_access_point (record, "Vietnam (Democratic Republic)")->source, ==, "lcsh");

  /* The excerpt: footnote 2 right after "Vietnam.", footnote 3 after the signature. */
  body = docket_record_get_body (record);
  g_assert_cmpuint (body->len, ==, 2);
  block = g_ptr_array_index (body, 0);
  g_assert_true (g_str_has_suffix (block->text, "Vietnam."));
  g_assert_cmpuint (block->anchors->len, ==, 1);
  anchor = g_ptr_array_index (block->anchors, 0);
  g_assert_cmpuint (anchor->offset, ==, strlen (block->text));
  g_assert_cmpstr (anchor->ref, ==, "frus1964-68v05d206fn2");

  fn2 = docket_record_find_footnote (record, "frus1964-68v05d206fn2");
  g_assert_nonnull (fn2);
  g_assert_cmpstr (fn2->n, ==, "2");
  g_assert_cmpint (fn2->kind, ==, DOCKET_FOOTNOTE_EDITORIAL);
  g_assert_true (g_str_has_prefix (fn2->text, "This meeting between Rusk and Dobrynin"));
  g_assert_cmpuint (fn2->links->len, ==, 3);
  link = g_ptr_array_index (fn2->links, 1);
  g_assert_cmpint (link->kind, ==, DOCKET_LINK_ARCHIVAL);
  g_assert_nonnull (strstr (link->description, "Central Files 1967–69"));
  g_assert_cmpint (link->span_start, >=, 0);
  g_assert_true (g_str_has_prefix (fn2->text + link->span_start, "National Archives and Records Administration"));
  g_assert_cmpint (docket_record_find_footnote (record, "frus1964-68v05d206fn3")->kind, ==, DOCKET_FOOTNOTE_PRINTING);
}

static void
test_seed_ead3 (void)
{
  g_autoptr(DocketImportResult) result = import_shared ("examples", "seed-ead3.xml", NULL);
  DocketRecord *record;

  if (result == NULL)
    return;
  g_assert_cmpint (result->format, ==, DOCKET_IMPORT_FORMAT_EAD3);
  check_seed (result);
  record = g_ptr_array_index (result->records, 0);
  /* The offices at the time come from EAD3 <relations>. */
  g_assert_cmpstr (((DocketAgent *) g_ptr_array_index (docket_record_get_agents (record), 0))->office, ==,
                   "Ambassador at Large");
  g_assert_nonnull (strstr (docket_record_get (record, DOCKET_FIELD_SOURCE_TEXT), "Top Secret"));
}

static void
test_seed_ead2002 (void)
{
  g_autoptr(DocketImportResult) result = import_shared ("examples", "seed-ead2002.xml", NULL);

  if (result == NULL)
    return;
  g_assert_cmpint (result->format, ==, DOCKET_IMPORT_FORMAT_EAD2002);
  check_seed (result);
}

/* Real exports: a few fields checked by hand against the files. */
static void
test_spot_checks (void)
{
  g_autoptr(DocketImportResult) ncsu = import_shared ("ead-samples", "ead3", "ncsu-mc00084-large.xml", NULL);
  g_autoptr(DocketImportResult) yale = NULL;
  g_autoptr(DocketImportResult) wnyu = NULL;
  DocketRecord *series, *item;

  if (ncsu == NULL)
    return;
  g_assert_cmpstr (ncsu->collection->id, ==, "mc00084");
  g_assert_cmpstr (ncsu->collection->date, ==, "1961-2003");
  g_assert_cmpstr (ncsu->collection->repository, ==,
                   "North Carolina State University Libraries, Special Collections Research Center");
  g_assert_true (g_str_has_prefix (ncsu->collection->scope, "The Richard C. Bell Papers, 1961-2003"));
  g_assert_nonnull (strstr (ncsu->collection->extra_xml, "<bioghist"));

  /* A series, then its first file with the series as its place. */
  series = g_ptr_array_index (ncsu->records, 0);
  item = g_ptr_array_index (ncsu->records, 1);
  g_assert_cmpstr (docket_record_get (series, DOCKET_FIELD_TITLE), ==, "Drawings");
  g_assert_cmpstr (docket_record_get (series, DOCKET_FIELD_DATE_TEXT), ==, "1924-2004");
  g_assert_true (g_str_has_prefix (docket_record_get (series, DOCKET_FIELD_SCOPE), "This series contains"));
  g_assert_cmpstr (docket_record_get (item, DOCKET_FIELD_TITLE), ==, "2027 Two Story");
  g_assert_cmpstr (docket_record_get (item, DOCKET_FIELD_DATE_TEXT), ==, "1964");
  g_assert_cmpstr (docket_record_get (item, DOCKET_FIELD_PARENT_PATH), ==, docket_record_get_id (series));
  g_assert_cmpint (find_access_point (item, "Cary (N.C.)")->kind, ==, DOCKET_ACCESS_POINT_SUBJECT);
  g_assert_cmpint (find_access_point (item, "Richard C. Bell Associates")->kind, ==, DOCKET_ACCESS_POINT_CORPORATE);
  /* The container and the odd note have no field: kept. */
  g_assert_nonnull (strstr (docket_record_get_extra_xml (item), "<container"));
  g_assert_nonnull (strstr (docket_record_get_extra_xml (item), "Jefferson Sugg, builder"));

  yale = import_shared ("ead-samples", "ead2002", "yale-beinecke.vita.xml", NULL);
  g_assert_cmpstr (yale->collection->id, ==, "beinecke.vita");
  g_assert_cmpstr (yale->collection->url, ==, "http://hdl.handle.net/10079/fa/beinecke.vita");
  g_assert_cmpstr (yale->collection->title, ==, "Vita Sackville-West papers");

  wnyu = import_shared ("ead-samples", "ead2002-nonamespace", "nyu-wnyu.xml", NULL);
  g_assert_cmpint (wnyu->format, ==, DOCKET_IMPORT_FORMAT_EAD2002);
  g_assert_cmpstr (wnyu->collection->id, ==, "wnyu");
  g_assert_cmpstr (wnyu->collection->date, ==, "1949-1969");
  for (guint i = 0; i < wnyu->records->len; i++)
    {
      DocketRecord *record = g_ptr_array_index (wnyu->records, i);
      const char *path = docket_record_get (record, DOCKET_FIELD_PARENT_PATH);

      /* Every path names records that came before. */
      if (path != NULL)
        {
          g_auto(GStrv) ids = g_strsplit (path, "/", -1);

          for (guint j = 0; ids[j] != NULL; j++)
            {
              gboolean found = FALSE;

              for (guint k = 0; k < i && !found; k++)
                found = g_strcmp0 (docket_record_get_id (g_ptr_array_index (wnyu->records, k)), ids[j]) == 0;
              g_assert_true (found);
            }
        }
    }
}

static DocketImportResult *
import_text (const char  *text,
             GError     **error)
{
  return docket_import_data ("test.xml", text, strlen (text), NULL, NULL, NULL, error);
}

#define EAD3_HEAD "<?xml version=\"1.0\"?>\n<ead xmlns=\"http://ead3.archivists.org/schema/\">\n" \
  "<control><recordid>t1</recordid><filedesc><titlestmt><titleproper>T</titleproper></titlestmt></filedesc></control>\n"

static void
test_unmapped (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketImportResult) result = NULL;
  DocketRecord *file, *item;
  xmlDocPtr doc;
  const char *extra;

  result = import_text (EAD3_HEAD
                        "<archdesc level=\"fonds\"><did><unittitle>Papers</unittitle></did>\n"
                        "<bioghist><p>Born.</p></bioghist>\n"
                        "<dsc><c id=\"f1\" level=\"file\"><did><unittitle>File one</unittitle>"
                        "<container localtype=\"box\">3</container></did>\n"
                        "<c level=\"item\"><did><unitid>7</unitid><unittitle>Letter</unittitle>"
                        "<dao href=\"http://example.org/x\" daotype=\"unknown\"/></did>"
                        "<arrangement><p>By date.</p></arrangement>"
                        "<scopecontent><p>One</p><list><item>two</item></list></scopecontent></c></c></dsc>\n"
                        "</archdesc></ead>\n", &error);
  g_assert_no_error (error);
  /* bioghist; container; dao, arrangement, the scope note with a list. */
  g_assert_cmpuint (result->n_unmapped, ==, 5);
  g_assert_cmpstr (result->collection->title, ==, "Papers");
  g_assert_nonnull (strstr (result->collection->extra_xml, "level=\"fonds\""));
  assert_reparses (result->collection->extra_xml);

  file = g_ptr_array_index (result->records, 0);
  item = g_ptr_array_index (result->records, 1);
  /* Record ids are scoped by the collection (c ids are unique only in
   * their file). */
  g_assert_cmpstr (docket_record_get_id (file), ==, "t1-f1");
  g_assert_cmpstr (docket_record_get (file, DOCKET_FIELD_LEVEL), ==, "file");
  g_assert_cmpstr (docket_record_get_id (item), ==, "t1-7");
  g_assert_cmpstr (docket_record_get (item, DOCKET_FIELD_NUMBER), ==, "7");
  g_assert_cmpstr (docket_record_get (item, DOCKET_FIELD_PARENT_PATH), ==, "t1-f1");
  g_assert_null (docket_record_get (item, DOCKET_FIELD_SCOPE));

  /* Each kept element carries its namespace and sits where it was. */
  extra = docket_record_get_extra_xml (item);
  doc = xmlReadMemory (extra, strlen (extra), NULL, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  {
    xmlXPathContextPtr xpath = xmlXPathNewContext (doc);
    xmlXPathObjectPtr obj;

    xmlXPathRegisterNs (xpath, (const xmlChar *) "dx", (const xmlChar *) "urn:x-docket:ead-extra");
    xmlXPathRegisterNs (xpath, (const xmlChar *) "e", (const xmlChar *) "http://ead3.archivists.org/schema/");
    obj = xmlXPathEvalExpression ((const xmlChar *)
                                  "count(/dx:extra/dx:did/e:dao) + count(/dx:extra/dx:desc/e:arrangement)"
                                  " + count(/dx:extra/dx:desc/e:scopecontent/e:list)", xpath);
    g_assert_cmpfloat (obj->floatval, ==, 3);
    xmlXPathFreeObject (obj);
    xmlXPathFreeContext (xpath);
  }
  xmlFreeDoc (doc);
}

static void
test_ids_unique (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketImportResult) result = NULL;

  result = import_text (EAD3_HEAD
                        "<archdesc level=\"collection\"><did><unittitle>P</unittitle></did><dsc>"
                        "<c id=\"a\"><did><unittitle>1</unittitle></did></c>"
                        "<c id=\"a\"><did><unittitle>2</unittitle></did></c>"
                        "<c><did><unitid>Box 1, Folder 2</unitid></did></c>"
                        "<c><did><unittitle>4</unittitle></did></c>"
                        "</dsc></archdesc></ead>", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->records->len, ==, 4);
  g_assert_cmpstr (docket_record_get_id (g_ptr_array_index (result->records, 0)), ==, "t1-a");
  g_assert_cmpstr (docket_record_get_id (g_ptr_array_index (result->records, 1)), ==, "t1-a-2");
  g_assert_cmpstr (docket_record_get_id (g_ptr_array_index (result->records, 2)), ==, "t1-Box-1-Folder-2");
  g_assert_cmpstr (docket_record_get_id (g_ptr_array_index (result->records, 3)), ==, "t1-c4");
}

/* The c/@id values of @xml, space-separated, in document order. */
static char *
component_ids (GBytes *xml)
{
  gsize size;
  const char *data = g_bytes_get_data (xml, &size);
  xmlDocPtr doc = xmlReadMemory (data, (int) size, NULL, NULL, XML_PARSE_NONET);
  xmlXPathContextPtr xpath;
  xmlXPathObjectPtr obj;
  GString *out = g_string_new (NULL);

  g_assert_nonnull (doc);
  xpath = xmlXPathNewContext (doc);
  obj = xmlXPathEvalExpression ((const xmlChar *) "//*[local-name()='dsc']//*[local-name()='c']/@id", xpath);
  for (int i = 0; obj->nodesetval != NULL && i < obj->nodesetval->nodeNr; i++)
    {
      xmlChar *value = xmlNodeGetContent (obj->nodesetval->nodeTab[i]);

      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", (const char *) value);
      xmlFree (value);
    }
  xmlXPathFreeObject (obj);
  xmlXPathFreeContext (xpath);
  xmlFreeDoc (doc);
  return g_string_free (out, FALSE);
}

static GBytes *export_result (DocketImportResult *result, DocketEadFormat format, GError **invalid);
static DocketImportResult *import_bytes (GBytes *bytes);

/* Two finding aids that both number their components "ref1", "ref2"
 * (as the Archivists' Toolkit and ArchivesSpace do) give records with
 * different ids; each exports with its own c ids again, and Docket's
 * export read back gives the same records. */
static void
test_ids_scoped (void)
{
  static const char *c_ids[] = { "ref1", "ref2" };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(DocketImportResult) first = NULL;
  g_autoptr(DocketImportResult) second = NULL;
  g_autoptr(GError) error = NULL;

  first = import_text ("<?xml version=\"1.0\"?>\n<ead xmlns=\"urn:isbn:1-931666-22-9\">"
                       "<eadheader><eadid>ferris</eadid><filedesc><titlestmt><titleproper>F</titleproper>"
                       "</titlestmt></filedesc></eadheader>"
                       "<archdesc level=\"collection\"><did><unittitle>F</unittitle></did><dsc>"
                       "<c01 id=\"ref1\" level=\"series\"><did><unittitle>S</unittitle></did>"
                       "<c02 id=\"ref2\"><did><unittitle>One</unittitle></did></c02></c01>"
                       "</dsc></archdesc></ead>", &error);
  g_assert_no_error (error);
  second = import_text ("<?xml version=\"1.0\"?>\n<ead xmlns=\"urn:isbn:1-931666-22-9\">"
                        "<eadheader><eadid>hornstein</eadid><filedesc><titlestmt><titleproper>H</titleproper>"
                        "</titlestmt></filedesc></eadheader>"
                        "<archdesc level=\"collection\"><did><unittitle>H</unittitle></did><dsc>"
                        "<c01 id=\"ref1\" level=\"series\"><did><unittitle>S</unittitle></did>"
                        "<c02 id=\"ref2\"><did><unittitle>Two</unittitle></did></c02></c01>"
                        "</dsc></archdesc></ead>", &error);
  g_assert_no_error (error);

  for (guint k = 0; k < 2; k++)
    {
      DocketImportResult *result = k == 0 ? first : second;

      g_assert_cmpuint (result->records->len, ==, 2);
      for (guint i = 0; i < 2; i++)
        {
          DocketRecord *record = g_ptr_array_index (result->records, i);
          g_autofree char *expected = g_strdup_printf ("%s-%s", result->collection->id, c_ids[i]);

          g_assert_cmpstr (docket_record_get_id (record), ==, expected);
          g_assert_true (g_hash_table_add (seen, (gpointer) docket_record_get_id (record)));
        }
      g_assert_cmpstr (docket_record_get (g_ptr_array_index (result->records, 1), DOCKET_FIELD_PARENT_PATH), ==,
                       docket_record_get_id (g_ptr_array_index (result->records, 0)));

      for (guint f = 0; f < 2; f++)
        {
          DocketEadFormat format = f == 0 ? DOCKET_EAD_FORMAT_EAD3 : DOCKET_EAD_FORMAT_EAD2002;
          g_autoptr(GBytes) bytes = export_result (result, format, NULL);
          g_autoptr(GBytes) again_bytes = NULL;
          g_autoptr(DocketImportResult) again = NULL;
          g_autofree char *ids = component_ids (bytes);
          g_autofree char *again_ids = NULL;

          /* The c ids the file had, not the catalog's. */
          g_assert_cmpstr (ids, ==, "ref1 ref2");
          again = import_bytes (bytes);
          g_assert_cmpuint (again->records->len, ==, 2);
          for (guint i = 0; i < 2; i++)
            {
              g_assert_cmpstr (docket_record_get_id (g_ptr_array_index (again->records, i)), ==,
                               docket_record_get_id (g_ptr_array_index (result->records, i)));
              g_assert_null (docket_record_get (g_ptr_array_index (again->records, i), DOCKET_FIELD_NUMBER));
            }
          again_bytes = export_result (again, format, NULL);
          again_ids = component_ids (again_bytes);
          g_assert_cmpstr (again_ids, ==, "ref1 ref2");
        }
    }
}

/* Docket's export names each record by a unitid of type record-id (or
 * frus-document-id): read back, that is the record id, as it was, and
 * never the document number. */
static void
test_own_export_ids (void)
{
  static const struct
  {
    const char *id;
    const char *number;
  } records[] = {
    { "unfiled-d3", NULL },
    { "Box 1/7", NULL },
    { "frus1964-68v05d206", "206" },
    { "coll-4", "4" },
  };
  g_autoptr(DocketCollection) collection = docket_collection_new ("coll", "A collection");
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DocketImportResult) result = docket_import_result_new (DOCKET_IMPORT_FORMAT_EAD3);

  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      DocketRecord *record = docket_record_new ();

      docket_record_set_id (record, records[i].id);
      docket_record_set (record, DOCKET_FIELD_NUMBER, records[i].number);
      docket_record_set (record, DOCKET_FIELD_TITLE, "A letter");
      docket_record_set (record, DOCKET_FIELD_COLLECTION, "coll");
      g_ptr_array_add (list, record);
    }
  result->collection = g_steal_pointer (&collection);
  g_ptr_array_extend_and_steal (result->records, g_steal_pointer (&list));

  for (guint f = 0; f < 2; f++)
    {
      DocketEadFormat format = f == 0 ? DOCKET_EAD_FORMAT_EAD3 : DOCKET_EAD_FORMAT_EAD2002;
      g_autoptr(GBytes) bytes = export_result (result, format, NULL);
      g_autoptr(DocketImportResult) again = import_bytes (bytes);

      g_assert_cmpuint (again->records->len, ==, G_N_ELEMENTS (records));
      for (guint i = 0; i < G_N_ELEMENTS (records); i++)
        {
          DocketRecord *record = g_ptr_array_index (again->records, i);

          g_assert_cmpstr (docket_record_get_id (record), ==, records[i].id);
          g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_NUMBER), ==, records[i].number);
        }
    }
}

static char *
write_temp (const char *dir,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_result_lacks (DocketImportResult *result,
                     const char         *needle)
{
  if (result == NULL)
    return;
  g_assert_null (strstr (result->collection->title, needle));
  for (guint i = 0; i < result->records->len; i++)
    g_assert_null (strstr (docket_record_get (g_ptr_array_index (result->records, i), DOCKET_FIELD_TITLE), needle));
}

static void
test_external_entity (void)
{
  g_autofree char *dir = docket_test_make_tmpdir ();
  g_autofree char *path = write_temp (dir, "xxe.xml",
                                      "<?xml version=\"1.0\"?>\n"
                                      "<!DOCTYPE ead [\n"
                                      "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
                                      "]>\n"
                                      "<ead><eadheader><eadid>x</eadid></eadheader>"
                                      "<archdesc level=\"collection\"><did><unittitle>&xxe;</unittitle></did>"
                                      "<dsc><c><did><unittitle>&xxe;</unittitle></did></c></dsc></archdesc></ead>\n");
  g_autofree char *param = write_temp (dir, "xxe-param.xml",
                                       "<?xml version=\"1.0\"?>\n"
                                       "<!DOCTYPE ead [\n"
                                       "  <!ENTITY % remote SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n"
                                       "  %remote;\n"
                                       "]>\n"
                                       "<ead><archdesc level=\"collection\"><did><unittitle>x</unittitle></did></archdesc></ead>\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketImportResult) result = NULL;

  result = docket_import_file (path, NULL, NULL, NULL, &error);
  g_assert_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "xxe.xml:3: "));
  g_assert_null (strstr (error->message, "root:"));
  assert_result_lacks (result, "root:");
  g_clear_error (&error);

  g_assert_null (docket_import_file (param, NULL, NULL, NULL, &error));
  g_assert_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_FORBIDDEN);

  docket_test_rmdir (dir);
}

static void
test_billion_laughs (void)
{
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE ead [\n <!ENTITY lol \"lol\">\n");
  g_autofree char *dir = docket_test_make_tmpdir ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketImportResult) result = NULL;
  gint64 start;

  for (guint i = 1; i <= 9; i++)
    {
      g_string_append_printf (text, " <!ENTITY lol%u \"", i);
      for (guint j = 0; j < 10; j++)
        g_string_append_printf (text, i == 1 ? "&lol;" : "&lol%u;", i - 1);
      g_string_append (text, "\">\n");
    }
  g_string_append (text, "]>\n<ead><archdesc level=\"collection\"><did><unittitle>&lol9;</unittitle></did></archdesc></ead>\n");
  path = write_temp (dir, "lol.xml", text->str);

  start = g_get_monotonic_time ();
  result = docket_import_file (path, NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "lol.xml:4: "));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  docket_test_rmdir (dir);
}

static void
test_truncated (void)
{
  g_autofree char *sample = docket_test_shared_path ("examples", "seed-ead3.xml", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketImportResult) result = NULL;
  gsize length;

  if (sample == NULL)
    return;
  dir = docket_test_make_tmpdir ();
  contents = docket_test_read_file (sample, &length);
  contents[length / 2] = '\0';
  path = write_temp (dir, "truncated.xml", contents);

  result = docket_import_file (path, NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_MALFORMED);
  /* "…/truncated.xml:N: …" with the line where the text ends. */
  g_assert_true (g_regex_match_simple ("truncated\\.xml:[1-9][0-9]*: ", error->message, 0, 0));
  docket_test_rmdir (dir);
}

/* DTD-style EAD without the DTD: named characters of the EAD DTD become
 * characters; an unknown name stays as text, with a warning; an inert
 * internal entity is used; the SYSTEM DTD is not fetched. */
static void
test_dtd_entities (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketImportResult) result = NULL;
  DocketRecord *record;

  result = import_text ("<?xml version=\"1.0\"?>\n"
                        "<!DOCTYPE ead PUBLIC \"+//ISBN 1-931666-00-8//DTD ead.dtd (Encoded Archival Description (EAD) Version 2002)//EN\" \"http://127.0.0.1:9/ead.dtd\" [\n"
                        "  <!ENTITY org \"Example Co\">\n"
                        "]>\n"
                        "<ead><eadheader><eadid>d1</eadid></eadheader>"
                        "<archdesc level=\"collection\"><did><unittitle>A&mdash;B &org;</unittitle></did>"
                        "<dsc><c01 level=\"series\"><did><unittitle>x &unknownthing; y</unittitle></did>"
                        "<c02><did><unittitle>caf&eacute;</unittitle></did></c02></c01></dsc></archdesc></ead>\n",
                        &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->format, ==, DOCKET_IMPORT_FORMAT_EAD2002);
  g_assert_cmpstr (result->collection->title, ==, "A—B Example Co");
  record = g_ptr_array_index (result->records, 0);
  g_assert_cmpstr (docket_record_get (record, DOCKET_FIELD_TITLE), ==, "x &unknownthing; y");
  g_assert_cmpstr (docket_record_get (g_ptr_array_index (result->records, 1), DOCKET_FIELD_TITLE), ==, "café");
  g_assert_cmpuint (result->warnings->len, >=, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (result->warnings, 0), "test.xml:5: "));
  g_assert_nonnull (strstr (g_ptr_array_index (result->warnings, 0), "&unknownthing;"));
  g_clear_pointer (&result, docket_import_result_free);

  /* Without any DTD an undefined entity is a well-formedness error. */
  result = import_text ("<ead><archdesc level=\"collection\"><did>\n<unittitle>A&mdash;B</unittitle>"
                        "</did></archdesc></ead>", &error);
  g_assert_null (result);
  g_assert_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "test.xml:2: "));
}

/* Components are read as the parser completes them; what a finding aid
 * says of a component after the components inside it makes the records
 * told complete void, and the whole tree is read again. */
static const char late_element[] = EAD3_HEAD
  "<archdesc level=\"collection\"><did><unittitle>X</unittitle></did><dsc>\n"
  "<c id=\"s1\" level=\"series\"><did><unittitle>Series one</unittitle></did>\n"
  "<c id=\"f1\" level=\"file\"><did><unittitle>File 1</unittitle></did></c>\n"
  "<c id=\"f2\" level=\"file\"><did><unittitle>File 2</unittitle></did>"
  "<c level=\"item\"><did><unittitle>Item</unittitle></did></c></c>\n"
  "<scopecontent><p>Said after the files.</p></scopecontent>\n"
  "</c>\n"
  "<c id=\"s2\" level=\"series\"><did><unittitle>Series two</unittitle></did></c>\n"
  "</dsc></archdesc></ead>\n";

typedef struct
{
  guint calls;
  guint n_final;
} ReadyLog;

static void
log_ready (DocketImportResult *result,
           guint               n_final,
           gpointer            user_data)
{
  ReadyLog *log = user_data;

  g_assert_cmpuint (n_final, >, log->n_final);
  log->calls++;
  log->n_final = n_final;
}

static DocketImportResult *
import_with_ready (const char  *text,
                   ReadyLog    *log)
{
  g_autoptr(GError) error = NULL;
  DocketImportResult *result;

  result = docket_ead_import_parse ("stream.xml", text, strlen (text), NULL, NULL, log_ready, log, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
test_stream_late_element (void)
{
  static const char *titles[] = { "Series one", "File 1", "File 2", "Item", "Series two" };
  g_autoptr(DocketImportResult) regular = NULL;
  g_autoptr(DocketImportResult) late = NULL;
  g_autofree char *moved = NULL;
  ReadyLog log = { 0 };
  const char *scope;

  late = import_with_ready (late_element, &log);
  g_assert_cmpuint (log.calls, >, 0);
  g_assert_true (late->ready_withdrawn);
  g_assert_cmpuint (late->records->len, ==, G_N_ELEMENTS (titles));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_cmpstr (docket_record_get (g_ptr_array_index (late->records, i), DOCKET_FIELD_TITLE), ==, titles[i]);
  scope = docket_record_get (g_ptr_array_index (late->records, 0), DOCKET_FIELD_SCOPE);
  g_assert_cmpstr (scope, ==, "Said after the files.");
  g_assert_cmpstr (docket_record_get (g_ptr_array_index (late->records, 3), DOCKET_FIELD_PARENT_PATH), ==,
                   "t1-s1/t1-f2");

  /* The same finding aid with the note in its usual place: read once. */
  log = (ReadyLog) { 0 };
  moved = g_strdup (late_element);
  {
    char *note = strstr (moved, "<scopecontent>");
    char *first = strstr (moved, "\n<c id=\"f1\"");
    g_autofree char *note_text = g_strndup (note, strstr (note, "</scopecontent>") + strlen ("</scopecontent>") - note);
    g_autoptr(GString) reordered = g_string_new_len (moved, first - moved);

    g_string_append (reordered, note_text);
    g_string_append_len (reordered, first, note - first);
    g_string_append (reordered, note + strlen (note_text));
    g_free (moved);
    moved = g_string_free (g_steal_pointer (&reordered), FALSE);
  }
  regular = import_with_ready (moved, &log);
  g_assert_false (regular->ready_withdrawn);
  g_assert_cmpuint (log.n_final, ==, G_N_ELEMENTS (titles));
  g_assert_cmpstr (docket_record_get (g_ptr_array_index (regular->records, 0), DOCKET_FIELD_SCOPE), ==,
                   "Said after the files.");
}

/* What the archdesc says after its components still reaches the
 * collection, which the records read meanwhile do not depend on. */
static void
test_stream_collection_after_components (void)
{
  static const char text[] = EAD3_HEAD
    "<archdesc level=\"collection\"><did><unittitle>X</unittitle></did>"
    "<dsc type=\"combined\"><head>Container list</head><p>A note in the dsc.</p>\n"
    "<c id=\"s1\" level=\"series\"><did><unittitle>Series one</unittitle></did>\n"
    "<c id=\"f1\" level=\"file\"><did><unittitle>File 1</unittitle></did></c></c>\n"
    "</dsc><scopecontent><p>Scope, after the dsc.</p></scopecontent>"
    "<odd><p>An odd note after the dsc.</p></odd></archdesc></ead>\n";
  g_autoptr(DocketImportResult) result = NULL;
  ReadyLog log = { 0 };

  result = import_with_ready (text, &log);
  g_assert_false (result->ready_withdrawn);
  g_assert_cmpuint (log.n_final, ==, 2);
  g_assert_cmpstr (result->collection->id, ==, "t1");
  g_assert_cmpstr (result->collection->scope, ==, "Scope, after the dsc.");
  g_assert_nonnull (strstr (result->collection->extra_xml, "A note in the dsc."));
  g_assert_nonnull (strstr (result->collection->extra_xml, "An odd note after the dsc."));
}

/* A collection id that only the end of the file gives (a did after the
 * dsc, no header id) changes every record's id: read again. */
static void
test_stream_late_collection_id (void)
{
  static const char text[] =
    "<?xml version=\"1.0\"?>\n<ead><eadheader><filedesc><titlestmt><titleproper>No id</titleproper>"
    "</titlestmt></filedesc></eadheader><archdesc level=\"collection\"><dsc>\n"
    "<c01 level=\"series\"><did><unittitle>Series</unittitle></did><c02><did><unittitle>File</unittitle></did></c02></c01>\n"
    "</dsc><did><unittitle>Late did</unittitle><unitid>late-id</unitid></did></archdesc></ead>\n";
  g_autoptr(DocketImportResult) result = NULL;
  ReadyLog log = { 0 };

  result = import_with_ready (text, &log);
  g_assert_true (result->ready_withdrawn);
  g_assert_cmpstr (result->collection->id, ==, "late-id");
  g_assert_cmpuint (result->records->len, ==, 2);
  g_assert_cmpstr (docket_record_get_id (g_ptr_array_index (result->records, 0)), ==, "late-id-c1");
  g_assert_cmpstr (docket_record_get (g_ptr_array_index (result->records, 1), DOCKET_FIELD_COLLECTION), ==, "late-id");
}

static void
count_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, <=, total);
  calls[0]++;
  calls[1] = done;
  calls[2] = total;
}

static void
test_progress_and_cancel (void)
{
  const char *text = EAD3_HEAD
    "<archdesc level=\"collection\"><did><unittitle>P</unittitle></did><dsc>"
    "<c><did><unittitle>1</unittitle></did><c><did><unittitle>2</unittitle></did></c></c>"
    "<c><did><unittitle>3</unittitle></did></c></dsc></archdesc></ead>";
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketImportResult) result = NULL;
  guint calls[3] = { 0 };

  result = docket_import_data ("p.xml", text, strlen (text), NULL, count_progress, calls, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls[0], ==, 4); /* the start, then each component */
  g_assert_cmpuint (calls[1], ==, 3);
  g_assert_cmpuint (calls[2], ==, 3);

  g_cancellable_cancel (cancellable);
  g_clear_pointer (&result, docket_import_result_free);
  result = docket_import_data ("p.xml", text, strlen (text), cancellable, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_CANCELLED);
}

/* The archdesc of an EAD file, canonical XML (C14N 1.0), so that two
 * exports compare whatever their header's maintenance dates. */
static char *
canonical_archdesc (GBytes *xml)
{
  gsize size;
  const char *data = g_bytes_get_data (xml, &size);
  xmlDocPtr doc = xmlReadMemory (data, (int) size, NULL, NULL, XML_PARSE_NONET);
  xmlXPathContextPtr xpath;
  xmlXPathObjectPtr obj;
  xmlChar *out = NULL;
  char *result;

  g_assert_nonnull (doc);
  xpath = xmlXPathNewContext (doc);
  obj = xmlXPathEvalExpression ((const xmlChar *)
                                "//*[local-name()='archdesc'] | //*[local-name()='archdesc']//node()"
                                " | //*[local-name()='archdesc']//@* | //*[local-name()='archdesc']//namespace::*",
                                xpath);
  g_assert_cmpint (xmlC14NDocDumpMemory (doc, obj->nodesetval, XML_C14N_1_0, NULL, 0, &out), >, 0);
  result = g_strdup ((const char *) out);
  xmlFree (out);
  xmlXPathFreeObject (obj);
  xmlXPathFreeContext (xpath);
  xmlFreeDoc (doc);
  return result;
}

/* Exports @result; when @invalid is given, a validation error is returned
 * there instead of failing the test. */
static GBytes *
export_result (DocketImportResult  *result,
               DocketEadFormat      format,
               GError             **invalid)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *schemas = docket_test_shared_path ("schemas", NULL);
  GBytes *bytes;

  bytes = docket_ead_write_bytes (format, result->collection, result->records, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  if (schemas != NULL && !docket_ead_validate (format, bytes, schemas, &error))
    {
      if (invalid == NULL)
        g_assert_no_error (error);
      g_propagate_error (invalid, g_steal_pointer (&error));
    }
  return bytes;
}

static DocketImportResult *
import_bytes (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  DocketImportResult *result = docket_import_data ("export.xml", data, size, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return result;
}

/* Docket's own export, imported and exported again, gives the same archdesc. */
static void
check_own_round_trip (const char      *seed,
                      DocketEadFormat  format)
{
  g_autoptr(DocketImportResult) source = import_shared ("examples", seed, NULL);
  g_autoptr(DocketImportResult) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (source == NULL)
    return;
  first = export_result (source, format, NULL);
  again = import_bytes (first);
  second = export_result (again, format, NULL);
  a = canonical_archdesc (first);
  b = canonical_archdesc (second);
  g_assert_cmpstr (a, ==, b);
}

static void
test_round_trip (void)
{
  check_own_round_trip ("seed-ead3.xml", DOCKET_EAD_FORMAT_EAD3);
  check_own_round_trip ("seed-ead2002.xml", DOCKET_EAD_FORMAT_EAD2002);
}

static char *
access_terms (DocketRecord *record)
{
  GPtrArray *points = docket_record_get_access_points (record);
  GPtrArray *agents = docket_record_get_agents (record);
  g_autoptr(GPtrArray) terms = g_ptr_array_new ();
  g_autofree char **strv = NULL;

  for (guint i = 0; i < points->len; i++)
    g_ptr_array_add (terms, ((DocketAccessPoint *) g_ptr_array_index (points, i))->term);
  for (guint i = 0; i < agents->len; i++)
    g_ptr_array_add (terms, ((DocketAgent *) g_ptr_array_index (agents, i))->name);
  g_ptr_array_sort (terms, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (terms, NULL);
  strv = (char **) g_ptr_array_steal (terms, NULL);
  return g_strjoinv ("|", strv);
}

/* A real finding aid imported and exported keeps what Docket maps. */
static void
check_sample_round_trip (const char      *dir,
                         const char      *name,
                         DocketEadFormat  format,
                         GError         **invalid)
{
  static const DocketField kept[] = {
    DOCKET_FIELD_ID, DOCKET_FIELD_NUMBER, DOCKET_FIELD_TITLE, DOCKET_FIELD_HEADING,
    DOCKET_FIELD_SUBJECT, DOCKET_FIELD_TYPE, DOCKET_FIELD_DATE_TEXT, DOCKET_FIELD_DATE_FROM,
    DOCKET_FIELD_DATE_TO, DOCKET_FIELD_SCOPE, DOCKET_FIELD_ACCESS_CONDITIONS,
    DOCKET_FIELD_USE_CONDITIONS, DOCKET_FIELD_SOURCE_TEXT, DOCKET_FIELD_LANGUAGE,
  };
  g_autoptr(DocketImportResult) source = import_shared ("ead-samples", dir, name, NULL);
  g_autoptr(DocketImportResult) again = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (source == NULL)
    return;
  bytes = export_result (source, format, invalid);
  again = import_bytes (bytes);

  g_assert_cmpstr (again->collection->id, ==, source->collection->id);
  g_assert_cmpstr (again->collection->title, ==, source->collection->title);
  g_assert_cmpstr (again->collection->date, ==, source->collection->date);
  g_assert_cmpstr (again->collection->scope, ==, source->collection->scope);
  g_assert_cmpuint (again->records->len, ==, source->records->len);
  for (guint i = 0; i < source->records->len; i++)
    {
      DocketRecord *a = g_ptr_array_index (source->records, i);
      DocketRecord *b = g_ptr_array_index (again->records, i);
      g_autofree char *terms_a = access_terms (a);
      g_autofree char *terms_b = access_terms (b);

      for (guint j = 0; j < G_N_ELEMENTS (kept); j++)
        g_assert_cmpstr (docket_record_get (b, kept[j]), ==, docket_record_get (a, kept[j]));
      g_assert_cmpstr (terms_b, ==, terms_a);
      if (g_strcmp0 (docket_record_get (a, DOCKET_FIELD_PARENT_PATH),
                     docket_record_get (b, DOCKET_FIELD_PARENT_PATH)) != 0)
        g_test_message ("%s: %s lost its place (%s) on export", name, docket_record_get_id (a),
                        docket_record_get (a, DOCKET_FIELD_PARENT_PATH));
    }
}

static void
test_sample_round_trip (void)
{
  check_sample_round_trip ("ead3", "ncsu-mc00019.xml", DOCKET_EAD_FORMAT_EAD3, NULL);
  check_sample_round_trip ("ead3", "umn-naa213.xml", DOCKET_EAD_FORMAT_EAD3, NULL);
  check_sample_round_trip ("ead2002", "yale-beinecke.vita.xml", DOCKET_EAD_FORMAT_EAD2002, NULL);
}

/* A DTD-style file whose kept elements carry values the strict EAD 2002
 * schema rejects (unitid repositorycode="NNU", not an ISIL): the fields
 * survive, and the writer cleans the kept elements so the export is valid. */
static void
test_sample_round_trip_dtd (void)
{
  check_sample_round_trip ("ead2002-nonamespace", "nyu-wnyu.xml", DOCKET_EAD_FORMAT_EAD2002, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/docket/import/ead/samples", test_samples);
  g_test_add_func ("/docket/import/ead/not-well-formed", test_not_well_formed);
  g_test_add_func ("/docket/import/ead/seed-ead3", test_seed_ead3);
  g_test_add_func ("/docket/import/ead/seed-ead2002", test_seed_ead2002);
  g_test_add_func ("/docket/import/ead/spot-checks", test_spot_checks);
  g_test_add_func ("/docket/import/ead/unmapped", test_unmapped);
  g_test_add_func ("/docket/import/ead/ids", test_ids_unique);
  g_test_add_func ("/docket/import/ead/ids-scoped", test_ids_scoped);
  g_test_add_func ("/docket/import/ead/own-export-ids", test_own_export_ids);
  g_test_add_func ("/docket/import/ead/external-entity", test_external_entity);
  g_test_add_func ("/docket/import/ead/billion-laughs", test_billion_laughs);
  g_test_add_func ("/docket/import/ead/truncated", test_truncated);
  g_test_add_func ("/docket/import/ead/dtd-entities", test_dtd_entities);
  g_test_add_func ("/docket/import/ead/progress-cancel", test_progress_and_cancel);
  g_test_add_func ("/docket/import/ead/stream/late-element", test_stream_late_element);
  g_test_add_func ("/docket/import/ead/stream/collection-after-components", test_stream_collection_after_components);
  g_test_add_func ("/docket/import/ead/stream/late-collection-id", test_stream_late_collection_id);
  g_test_add_func ("/docket/import/ead/round-trip", test_round_trip);
  g_test_add_func ("/docket/import/ead/sample-round-trip", test_sample_round_trip);
  g_test_add_func ("/docket/import/ead/sample-round-trip-dtd", test_sample_round_trip_dtd);

  return g_test_run ();
}
