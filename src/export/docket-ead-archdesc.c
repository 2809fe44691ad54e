/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead"

#include "config.h"

#include <string.h>

#include "docket-ead-private.h"

/* The collection level (EAD-MAPPING.md § 2.3): what comes before `dsc`. */

/* "1967" → "1967/1967"; "1964–1968" → "1964/1968"; else %NULL. */
static char *
normalize_collection_date (const char *text)
{
  g_autofree char *single = _docket_ead_normalize_date (text);
  g_auto(GStrv) parts = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (single != NULL)
    return g_strconcat (single, "/", single, NULL);
  if (text == NULL)
    return NULL;
  if (strstr (text, "–") != NULL)
    parts = g_strsplit (text, "–", 2);
  else if (strchr (text, '/') != NULL)
    parts = g_strsplit (text, "/", 2);
  else if (strlen (text) == 9 && text[4] == '-')
    parts = g_strsplit (text, "-", 2);
  else
    return NULL;
  if (g_strv_length (parts) != 2)
    return NULL;
  from = _docket_ead_normalize_date (parts[0]);
  to = _docket_ead_normalize_date (parts[1]);
  if (from == NULL || to == NULL || strcmp (from, to) > 0)
    return NULL;
  return g_strconcat (from, "/", to, NULL);
}

static char *
record_languages (DocketEadContext *ctx)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  for (guint i = 0; i < ctx->records->len; i++)
    {
      const char *value = docket_record_get (g_ptr_array_index (ctx->records, i), DOCKET_FIELD_LANGUAGE);
      g_auto(GStrv) tokens = NULL;

      if (value == NULL)
        continue;
      tokens = g_strsplit_set (value, ",;", -1);
      for (guint j = 0; tokens[j] != NULL; j++)
        {
          const char *code = _docket_ead_language_code_for (tokens[j]);

          if (code != NULL && !g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL))
            g_ptr_array_add (codes, (gpointer) code);
        }
    }
  if (codes->len == 0)
    return NULL;
  g_ptr_array_add (codes, NULL);
  return g_strjoinv (", ", (char **) codes->pdata);
}

void
_docket_ead_build_archdesc (DocketEadContext *ctx,
                            xmlNodePtr        archdesc)
{
  const DocketCollection *collection = ctx->collection;
  g_autofree char *id = _docket_ead_clean_token (collection != NULL ? collection->id : NULL);
  g_autofree char *title = _docket_ead_clean_token (collection != NULL ? collection->title : NULL);
  g_autofree char *repository = _docket_ead_clean_token (collection != NULL ? collection->repository : NULL);
  g_autofree char *date = _docket_ead_clean_token (collection != NULL ? collection->date : NULL);
  g_autofree char *languages = record_languages (ctx);
  g_autofree char *count = g_strdup_printf ("%u", ctx->records->len);
  xmlNodePtr did, node;

  did = _docket_ead_el (ctx, archdesc, "did");
  _docket_ead_el_text (ctx, did, "unittitle", title != NULL ? title : "Records exported from a Docket catalog");
  _docket_ead_el_text (ctx, did, "unitid", id != NULL ? id : "docket-export");

  if (date != NULL)
    {
      g_autofree char *normal = normalize_collection_date (date);

      node = _docket_ead_el_text (ctx, did, "unitdate", date);
      if (normal != NULL)
        {
          xmlSetProp (node, (const xmlChar *) (_docket_ead_is_ead3 (ctx) ? "unitdatetype" : "type"),
                      (const xmlChar *) "inclusive");
          xmlSetProp (node, (const xmlChar *) "normal", (const xmlChar *) normal);
        }
    }

  if (_docket_ead_is_ead3 (ctx))
    {
      node = _docket_ead_el (ctx, did, "physdescstructured");
      xmlSetProp (node, (const xmlChar *) "coverage", (const xmlChar *) "whole");
      xmlSetProp (node, (const xmlChar *) "physdescstructuredtype", (const xmlChar *) "materialtype");
      _docket_ead_el_text (ctx, node, "quantity", count);
      _docket_ead_el_text (ctx, node, "unittype", ctx->records->len == 1 ? "document" : "documents");
      node->_private = DOCKET_EAD_DEFAULT;
    }
  else
    {
      g_autofree char *extent = g_strdup_printf (ctx->records->len == 1 ? "%u document" : "%u documents",
                                                 ctx->records->len);

      node = _docket_ead_el (ctx, did, "physdesc");
      _docket_ead_el_text (ctx, node, "extent", extent);
      node->_private = DOCKET_EAD_DEFAULT;
    }

  node = _docket_ead_el (ctx, did, "repository");
  _docket_ead_name_el (ctx, node, "corpname", repository != NULL ? repository : ctx->agency_name);
  if (repository == NULL)
    node->_private = DOCKET_EAD_DEFAULT;

  if (collection != NULL && collection->editors != NULL)
    {
      g_auto(GStrv) editors = g_strsplit (collection->editors, "\n", -1);
      xmlNodePtr origination = NULL;

      for (guint i = 0; editors[i] != NULL; i++)
        {
          g_autofree char *name = _docket_ead_clean_token (editors[i]);

          if (name == NULL)
            continue;
          if (origination == NULL)
            {
              origination = _docket_ead_el (ctx, did, "origination");
              xmlSetProp (origination, (const xmlChar *) "label", (const xmlChar *) "Editor");
            }
          node = _docket_ead_name_el (ctx, origination, "persname", name);
          xmlSetProp (node, (const xmlChar *) (_docket_ead_is_ead3 (ctx) ? "relator" : "role"),
                      (const xmlChar *) "edt");
          xmlSetProp (node, (const xmlChar *) "source", (const xmlChar *) "local");
        }
    }
  _docket_ead_add_languages (ctx, did, languages);
  if (did->last != NULL && xmlStrEqual (did->last->name, (const xmlChar *) "langmaterial"))
    did->last->_private = DOCKET_EAD_DEFAULT;

  node = _docket_ead_el (ctx, archdesc, "scopecontent");
  if (collection != NULL && collection->scope != NULL)
    _docket_ead_paragraphs (ctx, node, collection->scope);
  if (node->children == NULL)
    {
      g_autofree char *text = g_strdup_printf (ctx->records->len == 1
                                               ? "Item-level description of %u document."
                                               : "Item-level descriptions of %u documents, one component per document.",
                                               ctx->records->len);

      _docket_ead_el_text (ctx, node, "p", text);
      node->_private = DOCKET_EAD_DEFAULT;
    }

  if (collection != NULL)
    _docket_ead_add_extra_xml (ctx, archdesc, did, collection->extra_xml, NULL);
  _docket_ead_yield_defaults (did, DOCKET_EAD_DEFAULT);
  _docket_ead_yield_defaults (archdesc, DOCKET_EAD_DEFAULT);
}
