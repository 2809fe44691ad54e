/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

/* Every EAD sample of ../shared/ead-samples imported into one catalog, the
 * way a user would build one: no finding aid may push another's records
 * out, and every collection must export valid in both formats. */

#define G_LOG_DOMAIN "test-ead-samples"

#include "config.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/docket/import/ead-samples/one-catalog", test_one_catalog);

  return g_test_run ();
}
