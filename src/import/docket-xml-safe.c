/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-import"

#include "config.h"

#include "docket-xml-safe.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parserInternals.h>

#include "docket-import.h"

/**
 * _docket_xml_safe_context_new:
 * @display_name: the file's name, for messages
 * @length: the size of the document to be read
 * @guard: the reader's parse state, which its SAX callbacks find in the
 *   context's `_private`
 * @error: return location for an error
 *
 * The start of the TEI and EAD readers' safe parse: a private parser
 * context, whose SAX handler the caller may change without touching any
 * other parse (so the entity-declaration guard it installs is thread-safe).
 * The caller parses with _docket_xml_safe_parse() and its own options, never with
 * XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_XINCLUDE or XML_PARSE_HUGE.
 *
 * Returns: (transfer full) (nullable): the context, to free with
 *   xmlFreeParserCtxt(), or %NULL with @error set when the document is too
 *   large for libxml2 or memory runs out
 */
xmlParserCtxtPtr
_docket_xml_safe_context_new (const char  *display_name,
                              gsize        length,
                              gpointer     guard,
                              GError     **error)
{
  xmlParserCtxtPtr ctxt;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > G_MAXINT)
    {
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_TOO_LARGE,
                   _("%s:1: the file is too large to import; split it"), display_name);
      return NULL;
    }

  xmlInitParser ();
  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_IO,
                   _("%s:1: out of memory while reading the XML"), display_name);
      return NULL;
    }
  ctxt->_private = guard;
  return ctxt;
}

typedef struct
{
  const char *data;
  gsize       left;
} MemoryCursor;

static int
memory_read_cb (void *context,
                char *buffer,
                int   length)
{
  MemoryCursor *cursor = context;
  gsize n = MIN ((gsize) length, cursor->left);

  memcpy (buffer, cursor->data, n);
  cursor->data += n;
  cursor->left -= n;
  return (int) n;
}

/**
 * _docket_xml_safe_parse:
 * @ctxt: a context from _docket_xml_safe_context_new()
 * @data: the document
 * @length: its size in bytes (at most %G_MAXINT, which the context checked)
 * @url: (nullable): the document's name, for libxml2's messages
 * @options: xmlParserOption flags
 *
 * Parses @data the way libxml2 parses a file, a few kilobytes at a time
 * (xmlCtxtReadMemory() would copy the whole document into the parser's
 * buffer first), and leaves the document in @ctxt: take it with
 * _docket_xml_safe_take_document(). This is xmlCtxtReadIO() but for that
 * last step, so that the tree outlives a parse that fails half-way while
 * another thread is still reading what was parsed before.
 */
void
_docket_xml_safe_parse (xmlParserCtxtPtr ctxt,
                        const char      *data,
                        gsize            length,
                        const char      *url,
                        int              options)
{
  MemoryCursor cursor = { data, length };
  xmlParserInputBufferPtr input;
  xmlParserInputPtr stream;

  xmlCtxtReset (ctxt);
  input = xmlParserInputBufferCreateIO (memory_read_cb, NULL, &cursor, XML_CHAR_ENCODING_NONE);
  if (input == NULL)
    return;
  stream = xmlNewIOInputStream (ctxt, input, XML_CHAR_ENCODING_NONE);
  if (stream == NULL)
    {
      xmlFreeParserInputBuffer (input);
      return;
    }
  inputPush (ctxt, stream);
  xmlCtxtUseOptions (ctxt, options);
  if (url != NULL && ctxt->input != NULL && ctxt->input->filename == NULL)
    ctxt->input->filename = (char *) xmlStrdup ((const xmlChar *) url);
  xmlParseDocument (ctxt);
}

/**
 * _docket_xml_safe_take_document:
 * @ctxt: a context that _docket_xml_safe_parse() has parsed with
 *
 * A parse stopped with xmlStopParser() counts as well-formed for libxml2,
 * its tree cut short: whoever stops it frees what this returns.
 *
 * Returns: (transfer full) (nullable): the document if it was well-formed
 *   (the rest of it is freed), or %NULL
 */
xmlDocPtr
_docket_xml_safe_take_document (xmlParserCtxtPtr ctxt)
{
  xmlDocPtr doc = g_steal_pointer (&ctxt->myDoc);

  if (!ctxt->wellFormed)
    g_clear_pointer (&doc, xmlFreeDoc);
  return doc;
}
