/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

/* Every EAD sample of ../shared/ead-samples imported into one catalog, the
 * way a user would build one: no finding aid may push another's records
 * out, and every collection must export valid in both formats. */

#define G_LOG_DOMAIN "test-ead-samples"

#include "config.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

#include "docket-catalog-import.h"
#include "docket-test-util.h"

#include "docket-ead-validator.h"
#include "docket-ead-writer.h"

#define NOT_WELL_FORMED "loc-appendix-c-example2-not-wellformed.xml"

static const char *sample_dirs[] = { "ead3", "ead3-undeprecated", "ead2002", "ead2002-nonamespace" };

/* Files that are copies of the same finding aid (the same eadid or
 * recordid and the same component ids), so that the second one rightly
 * finds its records in the catalog already: the kitchen sink with and
 * without its namespace, the Caltech finding aids from ArchivesSpace and
 * from OAC, the Beinecke finding aid and its EAD3 conversion, the Princeton
 * test in both EAD3 namespaces, and the SAA test instance and its variant
 * for RELAX NG. */
static const char *same_finding_aid[][2] = {
  { "ead2002/saa-Kitchen_sink_AT_output_EAD_with_enumerated_Cs.xml",
    "ead2002-nonamespace/saa-Kitchen_sink_AT_output_no-namespace.xml" },
  { "ead2002/aspace-caltech-10065-MS.xml", "ead2002-nonamespace/oac-caltech-10065-MS.xml" },
  { "ead2002/aspace-caltech-clark_j.xml", "ead2002-nonamespace/oac-caltech-clark_j.xml" },
  { "ead2002/yale-beinecke.vita.xml", "ead3/yale-beinecke.vita_ead3_MR.xml" },
  { "ead3/saa-C1571.EAD3.xml", "ead3-undeprecated/saa-C1571.EAD3-undeprecated.xml" },
  { "ead3/saa-EAD3test.xml", "ead3/saa-EAD3test-rng.xml" },
};

static gboolean
are_same_finding_aid (const char *a,
                      const char *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (same_finding_aid); i++)
    if ((strcmp (a, same_finding_aid[i][0]) == 0 && strcmp (b, same_finding_aid[i][1]) == 0) ||
        (strcmp (a, same_finding_aid[i][1]) == 0 && strcmp (b, same_finding_aid[i][0]) == 0))
      return TRUE;
  return FALSE;
}

/* Components (c, c01…c12 under a dsc or another component), counted with
 * XPath over a plain parse. */
static guint
count_components (const char *path)
{
  xmlDocPtr doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  xmlXPathContextPtr xpath;
  xmlXPathObjectPtr obj;
  guint n;

  g_assert_nonnull (doc);
  xpath = xmlXPathNewContext (doc);
#define IS_C "(local-name()='c' or (string-length(local-name())=3 and starts-with(local-name(),'c') and " \
             "number(substring(local-name(),2)) >= 1 and number(substring(local-name(),2)) <= 12))"
  obj = xmlXPathEvalExpression ((const xmlChar *)
                                "count(//*[local-name()='dsc']//*[" IS_C " and "
                                "parent::*[local-name()='dsc' or " IS_C "] and "
                                "not(ancestor::*[local-name()='objectxmlwrap'])])",
                                xpath);
#undef IS_C
  n = (guint) obj->floatval;
  xmlXPathFreeObject (obj);
  xmlXPathFreeContext (xpath);
  xmlFreeDoc (doc);
  return n;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* "ead2002/at-nyu-ferris.xml" for each sample, sorted, so that the import
 * order (and so which copy of a finding aid comes first) is stable. */
static GPtrArray *
list_samples (const char *root)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (sample_dirs); i++)
    {
      g_autofree char *dir_path = g_build_filename (root, sample_dirs[i], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".xml") && strcmp (name, NOT_WELL_FORMED) != 0)
          g_ptr_array_add (names, g_build_filename (sample_dirs[i], name, NULL));
    }
  g_ptr_array_sort (names, compare_names);
  return names;
}

static void
test_one_catalog (void)
{
  g_autofree char *root = docket_test_shared_path ("ead-samples", NULL);
  g_autofree char *schemas = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = NULL;
  g_autoptr(GPtrArray) samples = NULL;
  g_autoptr(GPtrArray) collections = NULL;
  g_autoptr(GHashTable) owner = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GString) failures = g_string_new (NULL);
  guint n_records = 0;
  guint n_exports = 0;

  if (root == NULL)
    return;
  schemas = docket_test_shared_path ("schemas", NULL);
  if (schemas == NULL)
    return;

  dir = docket_test_make_tmpdir ();
  catalog = g_build_filename (dir, "catalog.db", NULL);
  store = docket_store_open (catalog, &error);
  g_assert_no_error (error);

  samples = list_samples (root);
  g_assert_cmpuint (samples->len, >, 30);

  for (guint i = 0; i < samples->len; i++)
    {
      const char *name = g_ptr_array_index (samples, i);
      g_autofree char *path = g_build_filename (root, name, NULL);
      g_autoptr(DocketCatalogImportReport) report = NULL;
      guint n_components = count_components (path);

      report = docket_catalog_import_file (store, path, NULL, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (report);

      /* Every component is a record, stored now or found stored. */
      g_assert_cmpuint (report->imported->len + report->skipped->len, ==, n_components);

      for (guint j = 0; j < report->skipped->len; j++)
        {
          const char *id = g_ptr_array_index (report->skipped, j);
          const char *first = g_hash_table_lookup (owner, id);

          if (first == NULL || !are_same_finding_aid (first, name))
            g_string_append_printf (failures, "%s: record %s was skipped, imported before from %s\n",
                                    name, id, first != NULL ? first : "(the same file)");
        }
      for (guint j = 0; j < report->imported->len; j++)
        g_hash_table_insert (owner, g_strdup (g_ptr_array_index (report->imported, j)), g_strdup (name));
      n_records += report->imported->len;
      g_test_message ("%s: %u components, %u imported, %u skipped into %s", name, n_components,
                      report->imported->len, report->skipped->len, report->collection_id);
    }
  g_assert_cmpstr (failures->str, ==, "");
  g_assert_cmpuint (docket_store_count_records (store, NULL, &error), ==, n_records);
  g_assert_no_error (error);

  collections = docket_store_list_collections (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < collections->len; i++)
    {
      DocketCollection *collection = g_ptr_array_index (collections, i);
      g_autoptr(GPtrArray) records = docket_store_load_records (store, collection->id, &error);

      g_assert_no_error (error);
      for (guint f = 0; f < 2; f++)
        {
          DocketEadFormat format = f == 0 ? DOCKET_EAD_FORMAT_EAD3 : DOCKET_EAD_FORMAT_EAD2002;
          g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
          DocketEadOptions options = { .warnings = warnings };
          g_autoptr(GBytes) xml = NULL;
          g_autoptr(GError) invalid = NULL;

          xml = docket_ead_write_bytes (format, collection, records, &options, &error);
          g_assert_no_error (error);
          if (!docket_ead_validate (format, xml, schemas, &invalid))
            g_string_append_printf (failures, "%s as %s: %s\n", collection->id,
                                    docket_ead_format_to_string (format), invalid->message);
          for (guint j = 0; j < warnings->len; j++)
            g_test_message ("%s as %s: %s", collection->id, docket_ead_format_to_string (format),
                            (const char *) g_ptr_array_index (warnings, j));
          n_exports++;
        }
    }
  g_assert_cmpstr (failures->str, ==, "");
  g_assert_cmpuint (n_exports, >, 50);

  g_clear_object (&store);
  docket_test_rmdir (dir);
}

/* Kept elements of one sample, exported in the other EAD version: they
 * are converted where that is faithful, and the export stays valid. */
static xmlDocPtr
export_other_version (const char       *sample,
                      DocketEadFormat   format,
                      GPtrArray        *warnings)
{
  g_autofree char *root = docket_test_shared_path ("ead-samples", NULL);
  g_autofree char *schemas = docket_test_shared_path ("schemas", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *catalog = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DocketStore) store = NULL;
  g_autoptr(DocketCatalogImportReport) report = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GBytes) xml = NULL;
  DocketEadOptions options = { .warnings = warnings };
  DocketCollection *collection = NULL;
  g_autoptr(GPtrArray) collections = NULL;
  gsize len;
  const char *data;

  if (root == NULL || schemas == NULL)
    {
      g_test_skip ("the EAD samples and schemas (DOCKET_SHARED_DIR) are not there");
      return NULL;
    }
  dir = docket_test_make_tmpdir ();
  catalog = g_build_filename (dir, "catalog.db", NULL);
  store = docket_store_open (catalog, &error);
  g_assert_no_error (error);
  path = g_build_filename (root, sample, NULL);
  report = docket_catalog_import_file (store, path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  collections = docket_store_list_collections (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (collections->len, ==, 1);
  collection = g_ptr_array_index (collections, 0);
  records = docket_store_load_records (store, collection->id, &error);
  g_assert_no_error (error);

  xml = docket_ead_write_bytes (format, collection, records, &options, &error);
  g_assert_no_error (error);
  /* Every schema of the format: ead3.xsd and ead3.rng, or ead.xsd,
   * ead-200804.xsd and ead.rng. */
  docket_ead_validate (format, xml, schemas, &error);
  g_assert_no_error (error);

  g_clear_object (&store);
  docket_test_rmdir (dir);
  data = g_bytes_get_data (xml, &len);
  return xmlReadMemory (data, (int) len, "export.xml", NULL, XML_PARSE_NONET);
}

static char *
xpath_string (xmlDocPtr   doc,
              const char *ns,
              const char *expr)
{
  xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
  g_autofree char *wrapped = g_strdup_printf ("string(%s)", expr);
  xmlXPathObjectPtr result;
  char *value;

  xmlXPathRegisterNs (ctx, (const xmlChar *) "e", (const xmlChar *) ns);
  result = xmlXPathEvalExpression ((const xmlChar *) wrapped, ctx);
  g_assert_nonnull (result);
  value = g_strdup ((const char *) result->stringval);
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (ctx);
  return value;
}

#define assert_xpath(doc, ns, expr, expected) \
  G_STMT_START { \
    g_autofree char *value_ = xpath_string ((doc), (ns), (expr)); \
    g_assert_cmpstr (value_, ==, (expected)); \
  } G_STMT_END

static gboolean
has_warning (GPtrArray  *warnings,
             const char *one,
             const char *other)
{
  for (guint i = 0; i < warnings->len; i++)
    if (strstr (g_ptr_array_index (warnings, i), one) != NULL &&
        strstr (g_ptr_array_index (warnings, i), other) != NULL)
      return TRUE;
  return FALSE;
}

#define EAD3_NS "http://ead3.archivists.org/schema/"
#define EAD2002_NS "urn:isbn:1-931666-22-9"

/* The AT migration tracer as EAD3: containers with their localtype, the
 * general notes with their head and paragraphs; what EAD3 cannot hold
 * (a chronlist's dated items, extents in physdesc) is left out and
 * counted: 35 of 107 kept elements, where all 107 were left out before. */
static void
test_ead2002_as_ead3 (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  xmlDocPtr doc = export_other_version ("ead2002/at-migration-tracer.xml", DOCKET_EAD_FORMAT_EAD3, warnings);

  if (doc == NULL)
    return;
  assert_xpath (doc, EAD3_NS, "//e:c[@id='ref31']/e:did/e:container[@id='cid2']/@localtype", "Box");
  assert_xpath (doc, EAD3_NS, "//e:c[@id='ref31']/e:did/e:container[@id='cid2']", "2");
  assert_xpath (doc, EAD3_NS, "//e:c[@id='ref31']/e:did/e:container[@parent='cid2']/@localtype", "Folder");
  assert_xpath (doc, EAD3_NS, "count(//e:container[@type])", "0");
  assert_xpath (doc, EAD3_NS, "/e:ead/e:archdesc/e:odd[e:head='Resource-GeneralNote-AT']/e:p",
                "Resource-GeneralNote-AT");
  assert_xpath (doc, EAD3_NS, "/e:ead/e:archdesc/e:odd/e:list[@listtype='ordered']/@numeration", "lower-alpha");
  assert_xpath (doc, EAD3_NS, "/e:ead/e:archdesc/e:odd/e:list/e:item[2]",
                "Resource-GeneralNoteMULTIPARTLISTItem2-AT");
  assert_xpath (doc, EAD3_NS, "count(//e:chronlist)", "0");
  assert_xpath (doc, EAD3_NS, "/e:ead/e:archdesc/e:fileplan/e:p", "Resource-FilePlan-AT");
  g_assert_true (has_warning (warnings, "left out 35 elements kept from an import in EAD 2002", "72 converted"));
  xmlFreeDoc (doc);
}

/* An NCSU EAD3 finding aid as EAD 2002: localtype becomes type again;
 * access terms of more than one part are left out and counted. */
static void
test_ead3_as_ead2002 (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  xmlDocPtr doc = export_other_version ("ead3/ncsu-mc00019.xml", DOCKET_EAD_FORMAT_EAD2002, warnings);

  if (doc == NULL)
    return;
  assert_xpath (doc, EAD2002_NS, "//e:c/e:did/e:container[. = '19.01 Master']/@type", "audiocassette");
  assert_xpath (doc, EAD2002_NS, "count(//e:container[@localtype])", "0");
  assert_xpath (doc, EAD2002_NS, "count(//e:c/e:did/e:container[@type='cassettebox'])", "23");
  g_assert_true (has_warning (warnings, "left out 4 elements kept from an import in EAD3", "76 converted"));
  g_assert_true (has_warning (warnings, "of more than one <part>", "EAD 2002"));
  xmlFreeDoc (doc);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/docket/import/ead-samples/one-catalog", test_one_catalog);
  g_test_add_func ("/docket/import/ead-samples/ead2002-as-ead3", test_ead2002_as_ead3);
  g_test_add_func ("/docket/import/ead-samples/ead3-as-ead2002", test_ead3_as_ead2002);

  return g_test_run ();
}
