/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-tei-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

#include "docket-import-private.h"
#include "docket-tei-import.h"
#include "docket-tei-private.h"
#include "docket-xml-safe.h"

/* The FRUS TEI reader: a whole volume or a single document. The parse is
 * the only safety-relevant step: no network, no entity substitution, no DTD
 * loading, no XInclude, libxml2's default size limits, and a document that
 * declares any entity is refused before it is expanded. */

typedef struct
{
  gboolean  forbidden;
  int       line;
  char     *name;
  gboolean  external;
} ParseGuard;

static void
entity_decl_cb (void          *ctx,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  xmlParserCtxtPtr ctxt = ctx;
  ParseGuard *guard = ctxt->_private;

  if (!guard->forbidden)
    {
      guard->forbidden = TRUE;
      guard->line = xmlSAX2GetLineNumber (ctxt);
      guard->name = g_strdup ((const char *) name);
      guard->external = system_id != NULL || public_id != NULL;
    }
  xmlStopParser (ctxt);
}

static void
unparsed_entity_decl_cb (void          *ctx,
                         const xmlChar *name,
                         const xmlChar *public_id,
                         const xmlChar *system_id,
                         const xmlChar *notation_name)
{
  entity_decl_cb (ctx, name, XML_EXTERNAL_GENERAL_UNPARSED_ENTITY, public_id, system_id, NULL);
}

static char *
error_reason (const xmlError *err)
{
  g_autofree char *message = NULL;

  if (err == NULL || err->message == NULL)
    return g_strdup (_("the file ends before the XML is complete"));
  message = g_strdup (err->message);
  return g_strdup (g_strstrip (message));
}

static xmlDocPtr
parse_safely (const char  *display_name,
              const char  *data,
              gsize        length,
              GError     **error)
{
  ParseGuard guard = { 0 };
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;
  int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT;

  ctxt = _docket_xml_safe_context_new (display_name, length, &guard, error);
  if (ctxt == NULL)
    return NULL;
  ctxt->sax->entityDecl = entity_decl_cb;
  ctxt->sax->unparsedEntityDecl = unparsed_entity_decl_cb;

  doc = _docket_xml_safe_read (ctxt, data, length, display_name, options);

  if (guard.forbidden)
    {
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_FORBIDDEN,
                   guard.external
                   ? _("%s:%d: the file declares an external entity (“%s”); Docket does not read files with entity declarations")
                   : _("%s:%d: the file declares an entity (“%s”); Docket does not read files with entity declarations"),
                   display_name, guard.line, guard.name);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (doc == NULL || !ctxt->wellFormed)
    {
      const xmlError *err = xmlCtxtGetLastError (ctxt);
      g_autofree char *reason = error_reason (err);
      int line = err != NULL && err->line > 0 ? err->line : 1;

      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_MALFORMED,
                   _("%s:%d: the XML is not well-formed (%s); the file may be cut off or damaged"),
                   display_name, line, reason);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (doc->intSubset != NULL && doc->intSubset->entities != NULL)
    {
      /* Belt and braces: the callbacks above should have seen it. */
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_FORBIDDEN,
                   _("%s:1: the file declares entities; Docket does not read files with entity declarations"),
                   display_name);
      g_clear_pointer (&doc, xmlFreeDoc);
    }

  g_free (guard.name);
  xmlFreeParserCtxt (ctxt);
  return doc;
}

static gboolean
is_document_div (const xmlNode *node)
{
  return _docket_tei_is (node, "div")
         && g_strcmp0 (_docket_tei_attr (node, "type"), "document") == 0;
}

static guint
count_documents (const xmlNode *node)
{
  guint n = 0;

  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (is_document_div (child))
        n++;
      else if (!_docket_tei_is (child, "teiHeader"))
        n += count_documents (child);
    }
  return n;
}

/* A link from a footnote to a document of the same volume, noted as the
 * document is read: its record may be someone else's by the end. */
typedef struct
{
  char *record_id;
  char *footnote_n;
  char *target;
} RecordLink;

static void
record_link_free (gpointer data)
{
  RecordLink *link = data;

  g_free (link->record_id);
  g_free (link->footnote_n);
  g_free (link->target);
  g_free (link);
}

typedef struct
{
  DocketTeiVolume       volume;
  GCancellable         *cancellable;
  DocketImportProgress  progress;
  DocketImportReady     ready;
  gpointer              user_data;
  guint                 done;
  guint                 total;
  GHashTable           *record_ids;   /* the documents read so far */
  GPtrArray            *record_links; /* of RecordLink */
} Walk;

static void
note_record_links (Walk         *w,
                   DocketRecord *record)
{
  GPtrArray *footnotes = docket_record_get_footnotes (record);
  const char *id = docket_record_get_id (record);

  g_hash_table_add (w->record_ids, g_strdup (id));
  for (guint j = 0; j < footnotes->len; j++)
    {
      const DocketFootnote *footnote = g_ptr_array_index (footnotes, j);

      for (guint k = 0; k < footnote->links->len; k++)
        {
          const DocketFootnoteLink *link = g_ptr_array_index (footnote->links, k);
          RecordLink *noted;

          if (link->kind != DOCKET_LINK_RECORD || link->target == NULL)
            continue;
          noted = g_new0 (RecordLink, 1);
          noted->record_id = g_strdup (id);
          noted->footnote_n = g_strdup (footnote->n);
          noted->target = g_strdup (link->target);
          g_ptr_array_add (w->record_links, noted);
        }
    }
}

static gboolean
is_chapter_div (const xmlNode *node)
{
  const char *type;

  if (!_docket_tei_is (node, "div"))
    return FALSE;
  type = _docket_tei_attr (node, "type");
  return g_strcmp0 (type, "chapter") == 0 || g_strcmp0 (type, "subchapter") == 0
         || g_strcmp0 (type, "part") == 0;
}

static gboolean
walk (Walk     *w,
      xmlNode  *node,
      GError  **error)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || _docket_tei_is (child, "teiHeader"))
        continue;

      if (_docket_tei_is (child, "pb"))
        {
          const char *n = _docket_tei_attr (child, "n");

          if (n != NULL && *n != '\0')
            {
              g_free (w->volume.last_page);
              w->volume.last_page = g_strdup (n);
            }
        }
      else if (is_document_div (child))
        {
          DocketRecord *record;

          if (g_cancellable_is_cancelled (w->cancellable))
            {
              g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_CANCELLED,
                           _("%s:%ld: the import was cancelled"),
                           w->volume.display_name, xmlGetLineNo (child));
              return FALSE;
            }
          record = _docket_tei_read_document (&w->volume, child);
          note_record_links (w, record);
          g_ptr_array_add (w->volume.result->records, record);
          w->done++;
          if (w->progress != NULL)
            w->progress (w->done, w->total, w->user_data);
          if (w->ready != NULL)
            w->ready (w->volume.result, w->done, w->user_data);
        }
      else if (is_chapter_div (child))
        {
          xmlNode *head = _docket_tei_child (child, "head");
          g_autofree char *outer = g_steal_pointer (&w->volume.chapter);
          gboolean ok;

          w->volume.chapter = head != NULL ? _docket_tei_node_text (head, TRUE) : NULL;
          if (w->volume.chapter != NULL && *w->volume.chapter == '\0')
            g_clear_pointer (&w->volume.chapter, g_free);
          /* A sub-chapter is shown under its chapter: "Chapter — Sub-chapter". */
          if (outer != NULL && w->volume.chapter != NULL)
            {
              char *both = g_strdup_printf ("%s — %s", outer, w->volume.chapter);

              g_free (w->volume.chapter);
              w->volume.chapter = both;
            }
          else if (w->volume.chapter == NULL)
            w->volume.chapter = g_strdup (outer);

          ok = walk (w, child, error);
          g_free (w->volume.chapter);
          w->volume.chapter = g_steal_pointer (&outer);
          if (!ok)
            return FALSE;
        }
      else if (!walk (w, child, error))
        return FALSE;
    }
  return TRUE;
}

/* Links to documents that are not in the file are kept (they may be
 * imported later), but the user hears of them. */
static void
check_record_links (Walk       *w,
                    const char *display_name)
{
  for (guint i = 0; i < w->record_links->len; i++)
    {
      const RecordLink *link = g_ptr_array_index (w->record_links, i);

      if (!g_hash_table_contains (w->record_ids, link->target))
        g_ptr_array_add (w->volume.result->warnings,
                         g_strdup_printf (_("%s: %s, footnote %s cites %s, which is not in this file; the link is kept"),
                                          display_name, link->record_id, link->footnote_n, link->target));
    }
}

/**
 * docket_tei_import_parse:
 * @display_name: the file name used in messages
 * @data: the file's bytes (UTF-8 XML)
 * @length: their length
 * @cancellable: (nullable): checked before each document
 * @progress: (nullable): called after each document with the count so far
 *   and the number of documents in the file
 * @ready: (nullable): told after each document, which is then complete;
 *   persons and terms are read before the first
 * @error: set to a %DOCKET_IMPORT_ERROR: %DOCKET_IMPORT_ERROR_MALFORMED for
 *   XML that is not well-formed, %DOCKET_IMPORT_ERROR_FORBIDDEN for entity
 *   declarations, %DOCKET_IMPORT_ERROR_NOT_RECOGNIZED for XML that is not
 *   FRUS TEI, %DOCKET_IMPORT_ERROR_CANCELLED; the message is "FILE:LINE: reason"
 *
 * Reads a FRUS TEI volume (or a file with a single `div[@type='document']`):
 * the collection from the teiHeader, one record per document in order, the
 * persons list as agents and the terms list as a glossary.
 *
 * Returns: (transfer full) (nullable): the result, or %NULL with @error set
 */
DocketImportResult *
docket_tei_import_parse (const char            *display_name,
                         const char            *data,
                         gsize                  length,
                         GCancellable          *cancellable,
                         DocketImportProgress   progress,
                         DocketImportReady      ready,
                         gpointer               user_data,
                         GError               **error)
{
  g_autoptr(DocketImportResult) result = NULL;
  xmlDocPtr doc;
  xmlNode *root;
  Walk w = { { 0 } };
  gboolean ok;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = parse_safely (display_name, data, length, error);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (root == NULL || strcmp ((const char *) root->name, "TEI") != 0)
    {
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_NOT_RECOGNIZED,
                   _("%s:%ld: this XML is not TEI (the root element is “%s”, not “TEI”)"),
                   display_name, root != NULL ? xmlGetLineNo (root) : 1L,
                   root != NULL ? (const char *) root->name : "");
      xmlFreeDoc (doc);
      return NULL;
    }
  if (root->ns == NULL || strcmp ((const char *) root->ns->href, DOCKET_TEI_NS) != 0)
    {
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_NOT_RECOGNIZED,
                   _("%s:%ld: the TEI root element is in the namespace “%s”, not in %s; this is not a FRUS TEI file"),
                   display_name, xmlGetLineNo (root),
                   root->ns != NULL ? (const char *) root->ns->href : "",
                   DOCKET_TEI_NS);
      xmlFreeDoc (doc);
      return NULL;
    }

  result = docket_import_result_new (DOCKET_IMPORT_FORMAT_FRUS_TEI);
  w.volume.display_name = display_name;
  w.volume.result = result;
  w.volume.persons = g_hash_table_new (g_str_hash, g_str_equal);
  w.cancellable = cancellable;
  w.progress = progress;
  w.ready = ready;
  w.user_data = user_data;
  w.total = count_documents (root);
  w.record_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w.record_links = g_ptr_array_new_with_free_func (record_link_free);

  if (w.total == 0)
    {
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_NOT_RECOGNIZED,
                   _("%s:%ld: this TEI file holds no FRUS document (no div with type “document”)"),
                   display_name, xmlGetLineNo (root));
      g_hash_table_unref (w.volume.persons);
      g_hash_table_unref (w.record_ids);
      g_ptr_array_unref (w.record_links);
      xmlFreeDoc (doc);
      return NULL;
    }

  _docket_tei_read_header (&w.volume, root);
  _docket_tei_read_lists (&w.volume, root);
  ok = walk (&w, root, error);

  g_hash_table_unref (w.volume.persons);
  g_free (w.volume.volume_id);
  g_free (w.volume.volume_title);
  g_free (w.volume.chapter);
  g_free (w.volume.last_page);

  if (ok)
    check_record_links (&w, display_name);
  g_hash_table_unref (w.record_ids);
  g_ptr_array_unref (w.record_links);
  if (!ok)
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  _docket_import_result_keep_document (result, doc, (GDestroyNotify) xmlFreeDoc);
  return g_steal_pointer (&result);
}
