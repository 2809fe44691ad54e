/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead"

#include "config.h"

#include "docket-ead-validator.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlschemas.h>

#include "docket-ead-private.h"

/* At most this many problems are spelled out in one error. */
#define MAX_PROBLEMS 12
/* At most this many are given back one by one, traced to their field. */
#define MAX_LISTED_PROBLEMS 200

/* Schemas compiled so far, by path; never freed (a handful per process). */
typedef struct
{
  xmlSchemaPtr  xsd;
  xmlRelaxNGPtr rng;
  GMutex        lock; /* RELAX NG validation keeps state in the grammar */
} Schema;

static GMutex schemas_lock;
static GHashTable *schemas;
static char *loader_schemas_dir; /* under schemas_lock */
static xmlExternalEntityLoader default_loader;

/* Addresses the schemas import, and their local copies. */
static const struct
{
  const char *url;
  const char *file;
} known_urls[] = {
  { "http://www.loc.gov/standards/xlink/xlink.xsd", "ead2002/xlink.xsd" },
  { "https://www.loc.gov/standards/xlink/xlink.xsd", "ead2002/xlink.xsd" },
  { "http://www.loc.gov/ead/ead.xsd", "ead2002/ead.xsd" },
  { "https://www.loc.gov/ead/ead.xsd", "ead2002/ead.xsd" },
  { "http://www.loc.gov/ead/ead3.xsd", "ead3/ead3.xsd" },
  { "https://www.loc.gov/ead/ead3.xsd", "ead3/ead3.xsd" },
};

/* Installed for the whole process: nothing libxml2 loads comes from the
 * network. Known schema addresses resolve to the local schemas folder;
 * other network addresses fail to load. */
static xmlParserInputPtr
no_network_loader (const char       *url,
                   const char       *id,
                   xmlParserCtxtPtr  ctxt)
{
  if (url != NULL &&
      (g_ascii_strncasecmp (url, "http://", 7) == 0 ||
       g_ascii_strncasecmp (url, "https://", 8) == 0 ||
       g_ascii_strncasecmp (url, "ftp://", 6) == 0))
    {
      for (guint i = 0; i < G_N_ELEMENTS (known_urls); i++)
        {
          g_autofree char *path = NULL;

          if (strcmp (url, known_urls[i].url) != 0)
            continue;
          g_mutex_lock (&schemas_lock);
          if (loader_schemas_dir != NULL)
            path = g_build_filename (loader_schemas_dir, known_urls[i].file, NULL);
          g_mutex_unlock (&schemas_lock);
          if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
            return default_loader (path, id, ctxt);
        }
      /* libxml2 reports "failed to load external entity" with the URL. */
      g_debug ("refused to load %s: Docket does not use the network", url);
      return NULL;
    }
  return default_loader (url, id, ctxt);
}

static void
ensure_initialized (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      default_loader = xmlGetExternalEntityLoader ();
      xmlSetExternalEntityLoader (no_network_loader);
      schemas = g_hash_table_new (g_str_hash, g_str_equal);
      g_once_init_leave (&initialized, 1);
    }
}

/* Problems */

typedef struct
{
  GString    *text;
  guint       n;
  GPtrArray  *list;   /* (nullable) of DocketEadProblem */
  const char *schema; /* the schema file validating */
} Problems;

static const char *
record_of (xmlNodePtr node)
{
  for (; node != NULL; node = node->parent)
    {
      if (node->type == XML_ATTRIBUTE_NODE)
        continue;
      if (node->type == XML_ELEMENT_NODE &&
          (xmlStrEqual (node->name, (const xmlChar *) "c") ||
           (xmlStrlen (node->name) == 3 && node->name[0] == 'c' && g_ascii_isdigit (node->name[1]))))
        {
          xmlAttrPtr id = xmlHasProp (node, (const xmlChar *) "id");

          if (id != NULL && id->children != NULL)
            return (const char *) id->children->content;
        }
    }
  return NULL;
}

static void
collect_problem (void        *user_data,
                 xmlErrorPtr  error)
{
  Problems *problems = user_data;
  g_autofree char *message = NULL;
  const char *record;

  if (error == NULL || error->level == XML_ERR_WARNING)
    return;
  if (problems->list != NULL && problems->list->len < MAX_LISTED_PROBLEMS)
    g_ptr_array_add (problems->list, _docket_ead_problem_new_from_error (error, problems->schema));
  if (problems->n++ >= MAX_PROBLEMS)
    return;
  message = g_strchomp (g_strdup (error->message != NULL ? error->message : "?"));
  record = error->node != NULL ? record_of (error->node) : NULL;
  if (problems->text->len > 0)
    g_string_append_c (problems->text, '\n');
  if (record != NULL)
    /* Translators: a validation problem: line number, record id, libxml2's message */
    g_string_append_printf (problems->text, _("line %d (record %s): %s"), error->line, record, message);
  else
    g_string_append_printf (problems->text, _("line %d: %s"), error->line, message);
}

static void
problems_init (Problems *problems)
{
  problems->text = g_string_new (NULL);
  problems->n = 0;
  problems->list = NULL;
  problems->schema = NULL;
}

static char *
problems_free (Problems *problems)
{
  if (problems->n > MAX_PROBLEMS)
    g_string_append_printf (problems->text,
                            g_dngettext (GETTEXT_PACKAGE, "\n…and %u more problem",
                                         "\n…and %u more problems", problems->n - MAX_PROBLEMS),
                            problems->n - MAX_PROBLEMS);
  return g_string_free (problems->text, FALSE);
}

/* Compiling */

static Schema *
get_schema (const char  *schemas_dir,
            const char  *file,
            gboolean     rng,
            GError     **error)
{
  g_autofree char *path = g_build_filename (schemas_dir, file, NULL);
  Schema *schema;
  Problems problems;
  g_autofree char *text = NULL;

  ensure_initialized ();
  g_mutex_lock (&schemas_lock);
  schema = g_hash_table_lookup (schemas, path);
  if (schema != NULL && (rng ? schema->rng != NULL : schema->xsd != NULL))
    {
      g_mutex_unlock (&schemas_lock);
      return schema;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_mutex_unlock (&schemas_lock);
      g_set_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_SCHEMA,
                   _("The schema %s is missing. Install the EAD schemas or set DOCKET_SCHEMAS_DIR."),
                   path);
      return NULL;
    }

  g_free (loader_schemas_dir);
  loader_schemas_dir = g_strdup (schemas_dir);
  g_mutex_unlock (&schemas_lock);

  /* Compiled outside the lock: the loader takes it to map addresses. Two
   * threads may compile the same schema at once; the second copy is
   * dropped. */
  problems_init (&problems);
  if (schema == NULL)
    {
      schema = g_new0 (Schema, 1);
      g_mutex_init (&schema->lock);
    }
  if (rng)
    {
      xmlRelaxNGParserCtxtPtr ctxt = xmlRelaxNGNewParserCtxt (path);
      xmlRelaxNGPtr compiled;

      xmlRelaxNGSetParserStructuredErrors (ctxt, collect_problem, &problems);
      compiled = xmlRelaxNGParse (ctxt);
      xmlRelaxNGFreeParserCtxt (ctxt);
      g_mutex_lock (&schemas_lock);
      if (schema->rng == NULL)
        schema->rng = compiled;
      else if (compiled != NULL)
        xmlRelaxNGFree (compiled);
    }
  else
    {
      xmlSchemaParserCtxtPtr ctxt = xmlSchemaNewParserCtxt (path);
      xmlSchemaPtr compiled;

      xmlSchemaSetParserStructuredErrors (ctxt, collect_problem, &problems);
      compiled = xmlSchemaParse (ctxt);
      xmlSchemaFreeParserCtxt (ctxt);
      g_mutex_lock (&schemas_lock);
      if (schema->xsd == NULL)
        schema->xsd = compiled;
      else if (compiled != NULL)
        xmlSchemaFree (compiled);
    }
  if (!g_hash_table_contains (schemas, path))
    g_hash_table_insert (schemas, g_strdup (path), schema);
  else if (g_hash_table_lookup (schemas, path) != schema)
    {
      Schema *other = g_hash_table_lookup (schemas, path);

      /* Lost a race: keep what the other thread compiled, add ours. */
      if (other->rng == NULL)
        other->rng = g_steal_pointer (&schema->rng);
      if (other->xsd == NULL)
        other->xsd = g_steal_pointer (&schema->xsd);
      g_clear_pointer (&schema->rng, xmlRelaxNGFree);
      g_clear_pointer (&schema->xsd, xmlSchemaFree);
      g_mutex_clear (&schema->lock);
      g_free (schema);
      schema = other;
    }
  g_mutex_unlock (&schemas_lock);

  text = problems_free (&problems);
  if (rng ? schema->rng == NULL : schema->xsd == NULL)
    {
      g_set_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_SCHEMA,
                   _("The schema %s could not be compiled: %s"), path, text);
      return NULL;
    }
  return schema;
}

/* Validating */

/* Every official schema of each format, in the order they are tried. */
static const struct
{
  DocketEadFormat  format;
  const char      *file;
  gboolean         rng;
} checks[] = {
  { DOCKET_EAD_FORMAT_EAD3, "ead3/ead3.xsd", FALSE },
  { DOCKET_EAD_FORMAT_EAD3, "ead3/ead3.rng", TRUE },
  { DOCKET_EAD_FORMAT_EAD2002, "ead2002/ead.xsd", FALSE },
  { DOCKET_EAD_FORMAT_EAD2002, "ead2002/ead-200804.xsd", FALSE },
  { DOCKET_EAD_FORMAT_EAD2002, "ead2002/ead.rng", TRUE },
};

/* Validates @doc as it is (it should not carry xsi:schemaLocation when
 * @rng), reporting each problem to @handler. Returns libxml2's code: 0
 * when valid. */
static int
validate_tree (Schema                 *schema,
               gboolean                rng,
               xmlDocPtr               doc,
               xmlStructuredErrorFunc  handler,
               gpointer                user_data)
{
  int rc;

  if (rng)
    {
      xmlRelaxNGValidCtxtPtr ctxt;

      g_mutex_lock (&schema->lock);
      ctxt = xmlRelaxNGNewValidCtxt (schema->rng);
      xmlRelaxNGSetValidStructuredErrors (ctxt, handler, user_data);
      rc = xmlRelaxNGValidateDoc (ctxt, doc);
      xmlRelaxNGFreeValidCtxt (ctxt);
      g_mutex_unlock (&schema->lock);
    }
  else
    {
      xmlSchemaValidCtxtPtr ctxt = xmlSchemaNewValidCtxt (schema->xsd);

      xmlSchemaSetValidStructuredErrors (ctxt, handler, user_data);
      rc = xmlSchemaValidateDoc (ctxt, doc);
      xmlSchemaFreeValidCtxt (ctxt);
    }
  return rc;
}

guint
_docket_ead_n_schemas (DocketEadFormat format)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    n += checks[i].format == format;
  return n;
}

/**
 * _docket_ead_validate_doc:
 * @index: which schema of @format, below _docket_ead_n_schemas()
 * @doc: a document without xsi:schemaLocation; validation marks its id
 *   attributes, so each schema should see a fresh tree
 *
 * Returns: 0 when @doc is valid, a positive number when it is not (each
 *   problem was given to @handler), -1 with @error set when the schema
 *   could not be loaded
 */
int
_docket_ead_validate_doc (DocketEadFormat          format,
                          guint                    index,
                          const char              *schemas_dir,
                          xmlDocPtr                doc,
                          xmlStructuredErrorFunc   handler,
                          gpointer                 user_data,
                          GError                 **error)
{
  Schema *schema;

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      if (checks[i].format != format)
        continue;
      if (index-- > 0)
        continue;
      schema = get_schema (schemas_dir, checks[i].file, checks[i].rng, error);
      if (schema == NULL)
        return -1;
      return validate_tree (schema, checks[i].rng, doc, handler, user_data) != 0 ? 1 : 0;
    }
  g_return_val_if_reached (-1);
}

static xmlDocPtr
parse_document (GBytes      *xml,
                const char  *name,
                GError     **error)
{
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt ();
  gsize len;
  const char *data = g_bytes_get_data (xml, &len);
  xmlDocPtr doc;

  if (ctxt == NULL)
    {
      g_set_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_FAILED,
                   _("Could not validate the %s document (out of memory?)"), name);
      return NULL;
    }
  /* No network, no DTD, no entity substitution; line numbers past 65535. */
  doc = xmlCtxtReadMemory (ctxt, data, (int) MIN (len, G_MAXINT), "export.xml", NULL,
                           XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOERROR |
                           XML_PARSE_NOWARNING | XML_PARSE_HUGE);
  if (doc == NULL)
    {
      xmlErrorPtr err = xmlCtxtGetLastError (ctxt);
      g_autofree char *message = g_strchomp (g_strdup (err != NULL && err->message != NULL
                                                       ? err->message : "?"));

      g_set_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_INVALID,
                   _("The %s document is not well-formed XML: line %d: %s"),
                   name, err != NULL ? err->line : 0, message);
    }
  xmlFreeParserCtxt (ctxt);
  return doc;
}

static gboolean
validate_one (DocketEadFormat   format,
              GBytes           *xml,
              const char       *schemas_dir,
              const char       *file,
              gboolean          rng,
              GPtrArray        *list,
              GError          **error)
{
  const char *name = _docket_ead_format_name (format);
  Schema *schema = get_schema (schemas_dir, file, rng, error);
  xmlDocPtr doc;
  Problems problems;
  g_autofree char *text = NULL;
  int rc;

  if (schema == NULL)
    return FALSE;
  /* A fresh tree for each schema: validation marks id attributes. */
  doc = parse_document (xml, name, error);
  if (doc == NULL)
    return FALSE;

  problems_init (&problems);
  problems.list = list;
  problems.schema = file;
  if (rng)
    {
      xmlNodePtr root = xmlDocGetRootElement (doc);
      xmlAttrPtr hint = root != NULL ? xmlHasNsProp (root, (const xmlChar *) "schemaLocation",
                                                     (const xmlChar *) DOCKET_XSI_NS) : NULL;

      /* Neither RELAX NG schema declares xsi:schemaLocation. */
      if (hint != NULL)
        xmlRemoveProp (hint);
    }
  rc = validate_tree (schema, rng, doc, collect_problem, &problems);
  xmlFreeDoc (doc);
  text = problems_free (&problems);

  if (rc != 0)
    {
      g_set_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_INVALID,
                   _("The %s document does not validate against %s:\n%s"),
                   name, file, text[0] != '\0' ? text : _("(no details)"));
      return FALSE;
    }
  return TRUE;
}

gboolean
docket_ead_validate (DocketEadFormat   format,
                     GBytes           *xml,
                     const char       *schemas_dir,
                     GError          **error)
{
  return docket_ead_validate_with_problems (format, xml, schemas_dir, NULL, error);
}

gboolean
docket_ead_validate_with_problems (DocketEadFormat   format,
                                   GBytes           *xml,
                                   const char       *schemas_dir,
                                   GPtrArray       **out_problems,
                                   GError          **error)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (xml != NULL, FALSE);
  g_return_val_if_fail (schemas_dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_problems != NULL)
    list = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_ead_problem_free);
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    if (checks[i].format == format &&
        !validate_one (format, xml, schemas_dir, checks[i].file, checks[i].rng, list, error))
      {
        if (out_problems != NULL)
          *out_problems = g_steal_pointer (&list);
        return FALSE;
      }
  if (out_problems != NULL)
    *out_problems = g_steal_pointer (&list);
  return TRUE;
}

static gboolean
has_schemas (const char *dir)
{
  g_autofree char *ead3 = NULL;
  g_autofree char *ead2002 = NULL;

  if (dir == NULL || dir[0] == '\0')
    return FALSE;
  ead3 = g_build_filename (dir, "ead3", "ead3.xsd", NULL);
  ead2002 = g_build_filename (dir, "ead2002", "ead.xsd", NULL);
  return g_file_test (ead3, G_FILE_TEST_IS_REGULAR) && g_file_test (ead2002, G_FILE_TEST_IS_REGULAR);
}

const char *
docket_ead_find_schemas_dir (void)
{
  const char *env = g_getenv ("DOCKET_SCHEMAS_DIR");
  const char *shared = g_getenv ("DOCKET_SHARED_DIR");

  if (has_schemas (env))
    return g_intern_string (env);
  if (shared != NULL && shared[0] != '\0')
    {
      g_autofree char *dir = g_build_filename (shared, "schemas", NULL);

      if (has_schemas (dir))
        return g_intern_string (dir);
    }
  if (has_schemas (DOCKET_BUILD_SCHEMAS_DIR))
    return DOCKET_BUILD_SCHEMAS_DIR;
  if (has_schemas (PKGDATADIR "/schemas"))
    return PKGDATADIR "/schemas";
  return NULL;
}
