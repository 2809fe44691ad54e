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


typedef struct
{
  const char *display_name;
  GError     *forbidden;
  int         error_line;
  char       *error_message;
  gboolean    error_fatal;
  gint        has_references; /* atomic: the reader asks while the parse goes on */
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

  g_atomic_int_set (&state->has_references, TRUE);
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

struct _DocketEadiParse
{
  ParseState       state;
  xmlParserCtxtPtr ctxt;
};

/**
 * _docket_eadi_parse_new:
 *
 * Starts a safe parse: a private parser context, with no network, no DTD
 * loading, no entity substitution and libxml2's size limits. A document
 * that declares an external entity or an entity that could expand is
 * stopped while it is being parsed, before any expansion. Parse with
 * _docket_eadi_parse_get_context() and %DOCKET_EADI_PARSE_OPTIONS, then
 * end with _docket_eadi_parse_finish().
 *
 * Returns: (transfer full) (nullable): the parse, or %NULL with @error set
 */
DocketEadiParse *
_docket_eadi_parse_new (const char  *display_name,
                        gsize        length,
                        GError     **error)
{
  DocketEadiParse *parse = g_new0 (DocketEadiParse, 1);

  parse->state.display_name = display_name;
  parse->ctxt = _docket_xml_safe_context_new (display_name, length, &parse->state, error);
  if (parse->ctxt == NULL)
    {
      g_free (parse);
      return NULL;
    }

  /* The SAX handler belongs to this context alone, so this is thread-safe. */
  parse->ctxt->sax->entityDecl = entity_decl_cb;
  parse->ctxt->sax->reference = reference_cb;
  parse->ctxt->sax->serror = structured_error_cb;
  parse->ctxt->sax->initialized = XML_SAX2_MAGIC;
  return parse;
}

xmlParserCtxtPtr
_docket_eadi_parse_get_context (DocketEadiParse *parse)
{
  return parse->ctxt;
}

/**
 * _docket_eadi_parse_found_references:
 *
 * Whether the parse has met an entity reference, which
 * _docket_eadi_parse_finish() replaces in the tree: what was read of the
 * tree before is to be read again. May be asked from another thread
 * while the parse goes on.
 */
gboolean
_docket_eadi_parse_found_references (DocketEadiParse *parse)
{
  return g_atomic_int_get (&parse->state.has_references);
}

/**
 * _docket_eadi_parse_finish:
 * @doc: (transfer full) (nullable): what the parse made
 *
 * Ends @parse and frees it. A document that declared a forbidden entity
 * gets %DOCKET_IMPORT_ERROR_FORBIDDEN; one that is not well-formed
 * %DOCKET_IMPORT_ERROR_MALFORMED with the line of the first error. Entity
 * references left in the tree become text, with @warnings.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error
 *   set
 */
xmlDocPtr
_docket_eadi_parse_finish (DocketEadiParse  *parse,
                           xmlDocPtr         doc,
                           GPtrArray        *warnings,
                           GError          **error)
{
  ParseState state = parse->state;
  const char *display_name = state.display_name;

  xmlFreeParserCtxt (parse->ctxt);
  g_free (parse);

  if (state.forbidden != NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_free (state.error_message);
      g_propagate_error (error, state.forbidden);
      return NULL;
    }

  if (doc == NULL) /* not well-formed: _docket_xml_stream_finish() gave none */
    {
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
