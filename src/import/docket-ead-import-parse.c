/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <string.h>

#include "docket-ead-import-private.h"
#include "docket-xml-safe.h"

/* Network off; CDATA merged into text; line numbers past 65535 kept;
 * short text stored in its node (as xmllint does), saving an allocation.
 * Never XML_PARSE_NOENT (entity substitution), XML_PARSE_DTDLOAD (DTD-style
 * EAD names ead.dtd by a SYSTEM id that must not be fetched),
 * XML_PARSE_XINCLUDE or XML_PARSE_HUGE (libxml2's size limits stay). */
#define EAD_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES \
                           | XML_PARSE_COMPACT)

typedef struct
{
  const char *display_name;
  GError     *forbidden;
  int         error_line;
  char       *error_message;
  gboolean    error_fatal;
  gboolean    has_references;
} ParseState;

/* An entity whose replacement text holds no reference and no markup can
 * expand to nothing but itself: it is the only kind Docket accepts. */
static gboolean
entity_value_is_inert (const char *content)
{
  static const char *predefined[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&apos;" };

  if (content == NULL)
    return TRUE;
  if (strchr (content, '%') != NULL || strchr (content, '<') != NULL)
    return FALSE;
  for (const char *p = strchr (content, '&'); p != NULL; p = strchr (p + 1, '&'))
    {
      gboolean ok = (p[1] == '#');

      for (guint i = 0; !ok && i < G_N_ELEMENTS (predefined); i++)
        ok = g_str_has_prefix (p, predefined[i]);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static void
entity_decl_cb (void          *ctx,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  xmlParserCtxtPtr ctxt = ctx;
  ParseState *state = ctxt->_private;
  int line = xmlSAX2GetLineNumber (ctx);

  if (state->forbidden != NULL)
    return;

  if (public_id != NULL || system_id != NULL ||
      type == XML_EXTERNAL_GENERAL_PARSED_ENTITY ||
      type == XML_EXTERNAL_GENERAL_UNPARSED_ENTITY ||
      type == XML_EXTERNAL_PARAMETER_ENTITY)
    {
      g_set_error (&state->forbidden, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_FORBIDDEN,
                   _("%s:%d: the document declares the external entity “%s”, which could read other files or the network; Docket does not import such files"),
                   state->display_name, line, (const char *) name);
      xmlStopParser (ctxt);
      return;
    }

  if (type == XML_INTERNAL_PARAMETER_ENTITY ||
      !entity_value_is_inert ((const char *) content))
    {
      g_set_error (&state->forbidden, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_FORBIDDEN,
                   _("%s:%d: the document declares the entity “%s”, which expands into other entities or markup (an entity bomb can exhaust memory); Docket does not import such files"),
                   state->display_name, line, (const char *) name);
      xmlStopParser (ctxt);
      return;
    }

  xmlSAX2EntityDecl (ctx, name, type, public_id, system_id, content);
}

static void
reference_cb (void          *ctx,
              const xmlChar *name)
{
  xmlParserCtxtPtr ctxt = ctx;
  ParseState *state = ctxt->_private;

  state->has_references = TRUE;
  xmlSAX2Reference (ctx, name);
}

static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  error)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;
  gboolean fatal = error->level == XML_ERR_FATAL;

  if (error->level < XML_ERR_ERROR)
    return;
  /* Keep the first fatal error, else the first error. */
  if (state->error_message != NULL && (state->error_fatal || !fatal))
    return;

  g_free (state->error_message);
  state->error_message = g_strstrip (g_strdup (error->message != NULL ? error->message : ""));
  state->error_line = error->line;
  state->error_fatal = fatal;
}

/* Entity references left in the tree (without XML_PARSE_NOENT) become text:
 * an inert internal entity its value, a named character of the EAD DTD
 * (ISO Latin-1, symbols, …, which HTML shares) the character, and anything
 * else its name, with a warning, so that no text silently disappears. */
static void
replace_references (const char *display_name,
                    xmlDocPtr   doc,
                    xmlNodePtr  node,
                    GHashTable *warned,
                    GPtrArray  *warnings)
{
  xmlNodePtr child = node->children;

  while (child != NULL)
    {
      xmlNodePtr next = child->next;

      if (child->type == XML_ENTITY_REF_NODE)
        {
          xmlEntityPtr entity = xmlGetDocEntity (doc, child->name);
          g_autofree char *text = NULL;
          xmlNodePtr replacement;

          if (entity != NULL && entity->etype == XML_INTERNAL_GENERAL_ENTITY)
            text = g_strdup ((const char *) entity->content);
          else
            {
              const htmlEntityDesc *desc = htmlEntityLookup (child->name);

              if (desc != NULL)
                {
                  char buf[8] = { 0 };

                  g_unichar_to_utf8 (desc->value, buf);
                  text = g_strdup (buf);
                }
              else
                {
                  text = g_strdup_printf ("&%s;", (const char *) child->name);
                  if (g_hash_table_add (warned, g_strdup ((const char *) child->name)))
                    g_ptr_array_add (warnings,
                                     g_strdup_printf (_("%s:%ld: the entity “&%s;” is defined only in the DTD, which Docket does not load; it was kept as text"),
                                                      display_name, xmlGetLineNo (node),
                                                      (const char *) child->name));
                }
            }

          replacement = xmlNewDocText (doc, (const xmlChar *) (text != NULL ? text : ""));
          xmlReplaceNode (child, replacement);
          xmlFreeNode (child);
        }
      else if (child->type == XML_ELEMENT_NODE)
        replace_references (display_name, doc, child, warned, warnings);

      child = next;
    }
}

/**
 * _docket_eadi_parse_safely:
 *
 * Parses @data with a private parser context: no network, no DTD loading,
 * no entity substitution, libxml2's size limits. A document that declares
 * an external entity or an entity that could expand is refused
 * (%DOCKET_IMPORT_ERROR_FORBIDDEN) while it is being parsed, before any
 * expansion; one that is not well-formed gets %DOCKET_IMPORT_ERROR_MALFORMED
 * with the line of the first error.
 */
xmlDocPtr
_docket_eadi_parse_safely (const char  *display_name,
                          const char  *data,
                          gsize        length,
                          GPtrArray   *warnings,
                          GError     **error)
{
  ParseState state = { .display_name = display_name };
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;
  gboolean well_formed;

  ctxt = _docket_xml_safe_context_new (display_name, length, &state, error);
  if (ctxt == NULL)
    return NULL;

  /* The SAX handler belongs to this context alone, so this is thread-safe. */
  ctxt->sax->entityDecl = entity_decl_cb;
  ctxt->sax->reference = reference_cb;
  ctxt->sax->serror = structured_error_cb;
  ctxt->sax->initialized = XML_SAX2_MAGIC;

  doc = _docket_xml_safe_read (ctxt, data, length, NULL, EAD_PARSE_OPTIONS);
  well_formed = ctxt->wellFormed;
  xmlFreeParserCtxt (ctxt);

  if (state.forbidden != NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_free (state.error_message);
      g_propagate_error (error, state.forbidden);
      return NULL;
    }

  if (doc == NULL || !well_formed)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_MALFORMED,
                   _("%s:%d: this is not well-formed XML: %s"),
                   display_name, MAX (state.error_line, 1),
                   state.error_message != NULL ? state.error_message : _("the parser gave up"));
      g_free (state.error_message);
      return NULL;
    }
  g_free (state.error_message);

  if (state.has_references && xmlDocGetRootElement (doc) != NULL)
    {
      g_autoptr(GHashTable) warned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      replace_references (display_name, doc, (xmlNodePtr) doc, warned, warnings);
    }

  return doc;
}
