/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "docket-cli-commands.h"
#include "docket-review.h"
#include "docket-ead-validator.h"
#include "docket-ead-writer.h"

/* docket-cli [--catalog FILE] export --format ead3|ead2002
 *            [--collection ID | --id ID...] [-o FILE] [--no-schema-location] [--validate]
 *            [--include-unapproved]
 *
 * Writes one finding aid. Records are chosen in select_records(), the one
 * place a filter on them belongs (the review gate is there). */

typedef struct
{
  char     *collection_id;
  char    **ids;
  gboolean  include_unapproved;
} Selection;

static int
compare_position (gconstpointer a,
                  gconstpointer b)
{
  DocketRecord *x = *(DocketRecord * const *) a;
  DocketRecord *y = *(DocketRecord * const *) b;
  gint64 px = docket_record_get_position (x);
  gint64 py = docket_record_get_position (y);

  return px < py ? -1 : px > py;
}

/* The records to export and the collection they are in, in catalog order. */
static GPtrArray *
select_records (DocketStore       *store,
                const Selection   *selection,
                DocketCollection **out_collection,
                GError           **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(DocketCollection) collection = NULL;
  const char *collection_id = selection->collection_id;

  if (selection->ids != NULL)
    {
      records = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; selection->ids[i] != NULL; i++)
        {
          DocketRecord *record = docket_store_load_record (store, selection->ids[i], error);
          const char *in = NULL;

          if (record == NULL)
            return NULL;
          g_ptr_array_add (records, record);
          in = docket_record_get (record, DOCKET_FIELD_COLLECTION);
          if (i == 0)
            collection_id = in;
          else if (g_strcmp0 (collection_id, in) != 0)
            {
              g_set_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_FAILED,
                           _("Records %s and %s are in different collections; a finding aid "
                             "describes one collection, so export them one collection at a time."),
                           selection->ids[0], selection->ids[i]);
              return NULL;
            }
        }
      /* A single record exports inside its collection, in catalog order. */
      g_ptr_array_sort (records, compare_position);
    }
  else
    {
      if (collection_id == NULL)
        {
          g_autoptr(GPtrArray) collections = docket_store_list_collections (store, error);

          if (collections == NULL)
            return NULL;
          /* Without --collection, a catalog of one collection exports it;
           * otherwise every record, under a default collection. */
          if (collections->len == 1)
            {
              collection = g_ptr_array_steal_index (collections, 0);
              collection_id = collection->id;
            }
        }
      records = docket_store_load_records (store, collection_id, error);
      if (records == NULL)
        return NULL;
    }

  if (collection == NULL && collection_id != NULL)
    {
      collection = docket_store_load_collection (store, collection_id, error);
      if (collection == NULL)
        return NULL;
    }
  /* The review gate: only approved records go to a repository, unless
   * the user asks for the others too. */
  {
    g_autoptr(GPtrArray) left_out = NULL;
    g_autoptr(GPtrArray) exportable =
      docket_review_filter_exportable (records, selection->include_unapproved, &left_out);

    if (left_out != NULL && left_out->len > 0)
      {
        g_autoptr(GString) ids = g_string_new (NULL);

        for (guint i = 0; i < left_out->len && i < 10; i++)
          g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "",
                                  (const char *) g_ptr_array_index (left_out, i));
        if (left_out->len > 10)
          g_string_append (ids, ", …");
        fprintf (stderr,
                 g_dngettext (GETTEXT_PACKAGE,
                              "docket-cli: left out %u record that is not approved (%s); use --include-unapproved to export it\n",
                              "docket-cli: left out %u records that are not approved (%s); use --include-unapproved to export them\n",
                              left_out->len),
                 left_out->len, ids->str);
      }
    if (exportable->len == 0 && records->len > 0)
      {
        g_set_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_FAILED,
                     _("None of the %u records is approved, so nothing was exported; approve them "
                       "with docket-cli review, or use --include-unapproved"), records->len);
        return NULL;
      }
    g_ptr_array_unref (records);
    records = g_steal_pointer (&exportable);
  }

  *out_collection = g_steal_pointer (&collection);
  return g_steal_pointer (&records);
}

static gboolean
write_stdout (GBytes  *xml,
              GError **error)
{
  gsize len;
  const char *data = g_bytes_get_data (xml, &len);

  if (fwrite (data, 1, len, stdout) != len || fflush (stdout) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_IO,
                   _("Could not write the finding aid to the standard output: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

int
docket_cli_export (DocketCliContext  *ctx,
                   int                argc,
                   char             **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *agency_name = NULL;
  g_autofree char *agency_code = NULL;
  g_autofree char *agency_country = NULL;
  gboolean no_schema_location = FALSE;
  gboolean validate = FALSE;
  Selection selection = { NULL, NULL, FALSE };
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("The format: ead3 or ead2002"), N_("FORMAT") },
    { "collection", 0, 0, G_OPTION_ARG_STRING, &selection.collection_id, N_("Export this collection"), N_("ID") },
    { "id", 0, 0, G_OPTION_ARG_STRING_ARRAY, &selection.ids, N_("Export this record, inside its collection (repeatable)"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (replaced atomically) instead of the standard output"), N_("FILE") },
    { "no-schema-location", 0, 0, G_OPTION_ARG_NONE, &no_schema_location,
      N_("Leave out xsi:schemaLocation (the RELAX NG schemas reject it)"), NULL },
    { "validate", 0, 0, G_OPTION_ARG_NONE, &validate,
      N_("Validate against the official schemas before writing"), NULL },
    { "include-unapproved", 0, 0, G_OPTION_ARG_NONE, &selection.include_unapproved,
      N_("Export records that are not approved yet too (left out by default)"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(DocketCollection) collection = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  DocketEadFormat format;
  DocketEadOptions options = { 0 };
  DocketStore *store;
  int status = DOCKET_CLI_EXIT_OK;

  if (!docket_cli_parse_options ("export", NULL, _("Writes one EAD finding aid."), entries, &argc, &argv))
    {
      status = DOCKET_CLI_EXIT_USAGE;
      goto out;
    }
  if (argc != 1)
    {
      status = docket_cli_usage_error ("export", _("unexpected argument “%s”"), argv[1]);
      goto out;
    }
  if (format_name == NULL)
    {
      status = docket_cli_usage_error ("export", _("say which format: --format ead3 or --format ead2002"));
      goto out;
    }
  if (!docket_ead_format_from_string (format_name, &format))
    {
      status = docket_cli_usage_error ("export", _("unknown format “%s”: use ead3 or ead2002"), format_name);
      goto out;
    }
  if (selection.collection_id != NULL && selection.ids != NULL)
    {
      status = docket_cli_usage_error ("export", _("--collection and --id cannot be used together"));
      goto out;
    }

  store = docket_cli_context_get_store (ctx, &error);
  if (store == NULL)
    {
      status = docket_cli_fail (error);
      goto out;
    }
  records = select_records (store, &selection, &collection, &error);
  if (records == NULL)
    {
      status = docket_cli_fail (error);
      goto out;
    }

  agency_name = docket_store_get_setting (store, DOCKET_SETTING_AGENCY_NAME);
  agency_code = docket_store_get_setting (store, DOCKET_SETTING_AGENCY_CODE);
  agency_country = docket_store_get_setting (store, DOCKET_SETTING_AGENCY_COUNTRY);
  options.agency_name = agency_name;
  options.agency_code = agency_code;
  options.country_code = agency_country;
  /* The XSD hint is the EAD 2002 norm; EAD3 exports carry the xml-model
   * processing instruction only, as ArchivesSpace's do. */
  options.schema_location = format == DOCKET_EAD_FORMAT_EAD2002 && !no_schema_location;
  /* What had to be left out of kept elements to keep the export valid. */
  options.warnings = warnings;

  if (output != NULL && !validate)
    {
      if (!docket_ead_write_file (format, collection, records, &options, output, &error))
        status = docket_cli_fail (error);
      goto out;
    }

  xml = docket_ead_write_bytes (format, collection, records, &options, &error);
  if (xml == NULL)
    {
      status = docket_cli_fail (error);
      goto out;
    }
  if (validate)
    {
      const char *schemas = docket_ead_find_schemas_dir ();

      if (schemas == NULL)
        {
          g_set_error (&error, DOCKET_EXPORT_ERROR, DOCKET_EXPORT_ERROR_SCHEMA,
                       _("The EAD schemas were not found; set DOCKET_SCHEMAS_DIR to their folder."));
          status = docket_cli_fail (error);
          goto out;
        }
      if (!docket_ead_validate (format, xml, schemas, &error))
        {
          status = docket_cli_fail (error);
          goto out;
        }
    }
  if (output != NULL)
    {
      /* Validated already: write these very bytes, atomically. */
      if (!docket_ead_save_bytes (xml, output, &error))
        status = docket_cli_fail (error);
    }
  else if (!write_stdout (xml, &error))
    status = docket_cli_fail (error);

out:
  for (guint i = 0; i < warnings->len; i++)
    fprintf (stderr, "docket-cli: %s\n", (const char *) g_ptr_array_index (warnings, i));
  g_free (selection.collection_id);
  g_strfreev (selection.ids);
  return status;
}
