/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define _GNU_SOURCE /* memmem() */
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
#include "docket-xml-stream.h"

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

static void
keep_error_cb (void        *user_data,
               xmlErrorPtr  error)
{
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

#define TEI_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING \
                           | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT)

/* What the parse left: the document, or NULL with @error set (and the
 * document freed) if it declares entities or is not well-formed. */
static xmlDocPtr
check_parse (const char        *display_name,
             xmlParserCtxtPtr   ctxt,
             const ParseGuard  *guard,
             xmlDocPtr          doc,
             GError           **error)
{
  if (guard->forbidden)
    {
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_FORBIDDEN,
                   guard->external
                   ? _("%s:%d: the file declares an external entity (“%s”); Docket does not read files with entity declarations")
                   : _("%s:%d: the file declares an entity (“%s”); Docket does not read files with entity declarations"),
                   display_name, guard->line, guard->name);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (doc == NULL) /* not well-formed: _docket_xml_stream_finish() gave none */
    {
      const xmlError *err = xmlCtxtGetLastError (ctxt);
      g_autofree char *reason = error_reason (err);
      int line = err != NULL && err->line > 0 ? err->line : 1;

      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_MALFORMED,
                   _("%s:%d: the XML is not well-formed (%s); the file may be cut off or damaged"),
                   display_name, line, reason);
    }
  else if (doc->intSubset != NULL && doc->intSubset->entities != NULL)
    {
      /* Belt and braces: the callbacks above should have seen it. */
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_FORBIDDEN,
                   _("%s:1: the file declares entities; Docket does not read files with entity declarations"),
                   display_name);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  return doc;
}

static gboolean
is_document_div (const xmlNode *node)
{
  return _docket_tei_is (node, "div")
         && g_strcmp0 (_docket_tei_attr (node, "type"), "document") == 0;
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

/* Whether the start tag that holds @at, found at most a kilobyte before
 * it, is a div (with any prefix). */
static gboolean
in_div_tag (const char *data,
            const char *at)
{
  const char *start = at;
  const char *name;

  while (start > data && at - start < 1024 && *start != '<' && *start != '>')
    start--;
  if (*start != '<')
    return FALSE;
  name = start + 1;
  for (const char *p = name; p < at && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r'; p++)
    if (*p == ':')
      name = p + 1;
  return strncmp (name, "div", 3) == 0 && g_ascii_isspace (name[3]);
}

/* How many documents the file holds, for the progress, before they are
 * parsed: the divs with `type="document"` in its text. */
static guint
count_documents_ahead (const char *data,
                       gsize       length)
{
  static const char word[] = "document";
  const gsize word_length = sizeof word - 1;
  const char *end = data + length;
  const char *at = data;
  guint n = 0;

  while ((at = memmem (at, end - at, word, word_length)) != NULL)
    {
      if (at - data >= 6 && end - at > (gssize) word_length
          && (at[-1] == '"' || at[-1] == '\'') && at[word_length] == at[-1]
          && memcmp (at - 6, "type=", 5) == 0 && in_div_tag (data, at - 6))
        n++;
      at += word_length;
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

/* The stream of the document being parsed (see docket-xml-stream.c) and
 * what has been read of it. */
typedef struct
{
  DocketTeiVolume       volume;
  GCancellable         *cancellable;
  DocketImportProgress  progress;
  DocketImportReady     ready;
  gpointer              user_data;
  guint                 done;
  guint                 told;         /* the records @ready has heard of */
  guint                 total;        /* the documents the file seems to hold */
  GHashTable           *record_ids;   /* the documents read so far */
  GPtrArray            *record_links; /* of RecordLink */

  DocketXmlStream      *stream;
  GArray               *ahead;        /* events read ahead, of DocketXmlStreamEvent */
  guint                 ahead_next;
  xmlNode              *root;         /* the TEI element, once it starts */
  xmlNode              *text;         /* its first text, and that text's first front */
  xmlNode              *front;
  gboolean              lists_read;   /* the persons and terms, from the front */
  GPtrArray            *chapters;     /* the open chapter divs, of Chapter */
} Walk;

typedef struct
{
  const xmlNode *div;
  char          *outer;   /* the chapter the div is in */
} Chapter;

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

/* Tells @ready of the records read since it last heard, once the persons
 * and terms are read: they come first. */
static void
tell_ready (Walk *w)
{
  if (w->ready != NULL && w->lists_read && w->told < w->done)
    {
      w->told = w->done;
      w->ready (w->volume.result, w->done, w->user_data);
    }
}

/* Enters chapter @div, whose head is @head: a sub-chapter is shown under
 * its chapter, "Chapter — Sub-chapter". Returns the chapter it is in. */
static char *
enter_chapter (Walk          *w,
               const xmlNode *head)
{
  char *outer = g_steal_pointer (&w->volume.chapter);

  w->volume.chapter = head != NULL ? _docket_tei_node_text (head, TRUE) : NULL;
  if (w->volume.chapter != NULL && *w->volume.chapter == '\0')
    g_clear_pointer (&w->volume.chapter, g_free);
  if (outer != NULL && w->volume.chapter != NULL)
    {
      char *both = g_strdup_printf ("%s — %s", outer, w->volume.chapter);

      g_free (w->volume.chapter);
      w->volume.chapter = both;
    }
  else if (w->volume.chapter == NULL)
    w->volume.chapter = g_strdup (outer);
  return outer;
}

static void
leave_chapter (Walk *w,
               char *outer)
{
  g_free (w->volume.chapter);
  w->volume.chapter = outer;
}

static gboolean walk (Walk     *w,
                      xmlNode  *node,
                      GError  **error);

/* Reads @child, whole, where it stands in the volume: a page break outside
 * the documents, a document, or what holds them. */
static gboolean
walk_child (Walk     *w,
            xmlNode  *child,
            GError  **error)
{
  if (child->type != XML_ELEMENT_NODE || _docket_tei_is (child, "teiHeader"))
    return TRUE;

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
          /* Past line 65535 libxml2 looks for the line in the children,
           * or else in the next sibling, which the parser may be adding. */
          long line = child->children != NULL || child->line < 65535 ? xmlGetLineNo (child) : 65535;

          g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_CANCELLED,
                       _("%s:%ld: the import was cancelled"), w->volume.display_name, line);
          return FALSE;
        }
      record = _docket_tei_read_document (&w->volume, child);
      note_record_links (w, record);
      g_ptr_array_add (w->volume.result->records, record);
      w->done++;
      if (w->progress != NULL)
        w->progress (w->done, MAX (w->total, w->done), w->user_data);
      tell_ready (w);
    }
  else if (is_chapter_div (child))
    {
      char *outer = enter_chapter (w, _docket_tei_child (child, "head"));
      gboolean ok = walk (w, child, error);

      leave_chapter (w, outer);
      return ok;
    }
  else
    return walk (w, child, error);
  return TRUE;
}

static gboolean
walk (Walk     *w,
      xmlNode  *node,
      GError  **error)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (!walk_child (w, child, error))
      return FALSE;
  return TRUE;
}

/* What the reader hears of each element as the parser meets it (in the
 * parsing thread): the parts it reads whole (the header, documents, page
 * breaks, heads and lists outside the documents), and where the root, its
 * first text and front, and chapters start and end. */
static DocketXmlStreamKind
classify (const xmlNode *element,
          gpointer       user_data)
{
  if (_docket_xml_stream_is_root (element))
    return _docket_tei_is (element, "TEI") ? DOCKET_XML_STREAM_OPEN : DOCKET_XML_STREAM_WHOLE;
  if (_docket_tei_is (element, "div"))
    {
      if (is_document_div (element))
        return DOCKET_XML_STREAM_WHOLE;
      return is_chapter_div (element) ? DOCKET_XML_STREAM_OPEN : DOCKET_XML_STREAM_SKIP;
    }
  if (_docket_tei_is (element, "pb") || _docket_tei_is (element, "head")
      || _docket_tei_is (element, "list") || _docket_tei_is (element, "teiHeader"))
    return DOCKET_XML_STREAM_WHOLE;
  if ((_docket_tei_is (element, "text") && _docket_xml_stream_is_root (element->parent))
      || (_docket_tei_is (element, "front") && _docket_tei_is (element->parent, "text")
          && _docket_xml_stream_is_root (element->parent->parent)))
    return DOCKET_XML_STREAM_OPEN;
  return DOCKET_XML_STREAM_SKIP;
}

static gboolean
next_event (Walk                 *w,
            DocketXmlStreamEvent *event)
{
  if (w->ahead_next < w->ahead->len)
    {
      *event = g_array_index (w->ahead, DocketXmlStreamEvent, w->ahead_next++);
      if (w->ahead_next == w->ahead->len)
        {
          g_array_set_size (w->ahead, 0);
          w->ahead_next = 0;
        }
      return TRUE;
    }
  return _docket_xml_stream_next (w->stream, event);
}

/* The first child element of @parent named @name, from the events ahead
 * (kept for their turn), or NULL if @parent ends without one. */
static const xmlNode *
look_ahead (Walk          *w,
            const xmlNode *parent,
            const char    *name)
{
  for (guint i = w->ahead_next;; i++)
    {
      const DocketXmlStreamEvent *event;

      if (i == w->ahead->len)
        {
          DocketXmlStreamEvent more;

          if (!_docket_xml_stream_next (w->stream, &more))
            return NULL;
          g_array_append_val (w->ahead, more);
        }
      event = &g_array_index (w->ahead, DocketXmlStreamEvent, i);
      if (!event->end)
        continue;
      if (event->node == parent)
        return NULL;
      if (event->kind == DOCKET_XML_STREAM_WHOLE && event->node->parent == parent
          && _docket_tei_is (event->node, name))
        return event->node;
    }
}

/* Whether the persons and terms lists of @node are the volume's: inside
 * the first front, not in its index. */
static gboolean
in_front (Walk          *w,
          const xmlNode *node)
{
  for (const xmlNode *up = node->parent; up != NULL; up = up->parent)
    {
      if (up == w->front)
        return TRUE;
      if (_docket_tei_is (up, "div") && g_strcmp0 (_docket_tei_xml_id (up), "index") == 0)
        return FALSE;
    }
  return FALSE;
}

static void
opened (Walk    *w,
        xmlNode *node)
{
  if (_docket_xml_stream_is_root (node))
    {
      w->root = node;
      _docket_tei_read_header (&w->volume, node, look_ahead (w, node, "teiHeader"));
    }
  else if (_docket_tei_is (node, "text"))
    {
      if (w->text == NULL)
        w->text = node;
    }
  else if (_docket_tei_is (node, "front"))
    {
      if (w->front == NULL && node->parent == w->text)
        w->front = node;
    }
  else
    {
      Chapter *chapter = g_new (Chapter, 1);

      chapter->div = node;
      chapter->outer = enter_chapter (w, look_ahead (w, node, "head"));
      g_ptr_array_add (w->chapters, chapter);
    }
}

static void
closed (Walk          *w,
        const xmlNode *node)
{
  Chapter *chapter = w->chapters->len > 0 ? g_ptr_array_index (w->chapters, w->chapters->len - 1) : NULL;

  if (chapter != NULL && chapter->div == node)
    {
      leave_chapter (w, g_steal_pointer (&chapter->outer));
      g_ptr_array_set_size (w->chapters, w->chapters->len - 1);
    }
  else if (node == w->front || node == w->text || node == w->root)
    {
      /* No persons or terms list can follow. */
      w->lists_read = TRUE;
      tell_ready (w);
    }
}

/* Reads the volume as it is parsed: the same as walking the whole tree
 * from the root, with the header and the lists first. */
static gboolean
read_stream (Walk    *w,
             GError **error)
{
  DocketXmlStreamEvent event;

  while (next_event (w, &event))
    {
      if (!event.end)
        opened (w, event.node);
      else if (event.kind == DOCKET_XML_STREAM_OPEN)
        closed (w, event.node);
      else if (w->root != NULL)
        {
          if (!w->lists_read && w->front != NULL && in_front (w, event.node))
            _docket_tei_find_lists (&w->volume, event.node);
          if (!walk_child (w, event.node, error))
            return FALSE;
        }
    }
  return TRUE;
}

static void
chapter_free (gpointer data)
{
  Chapter *chapter = data;

  g_free (chapter->outer);
  g_free (chapter);
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
  g_autoptr(GError) walk_error = NULL;
  ParseGuard guard = { 0 };
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;
  xmlNode *root;
  Walk w = { { 0 } };
  gboolean ok;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ctxt = _docket_xml_safe_context_new (display_name, length, &guard, error);
  if (ctxt == NULL)
    return NULL;
  ctxt->sax->entityDecl = entity_decl_cb;
  ctxt->sax->unparsedEntityDecl = unparsed_entity_decl_cb;
  /* libxml2 keeps its errors in the context, where check_parse() reads
   * them; without a handler of its own it also prints some (a repeated
   * xml:id) on stderr. */
  ctxt->sax->serror = keep_error_cb;

  result = docket_import_result_new (DOCKET_IMPORT_FORMAT_FRUS_TEI);
  w.volume.display_name = display_name;
  w.volume.result = result;
  w.cancellable = cancellable;
  w.progress = progress;
  w.ready = ready;
  w.user_data = user_data;
  w.record_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w.record_links = g_ptr_array_new_with_free_func (record_link_free);
  w.ahead = g_array_new (FALSE, FALSE, sizeof (DocketXmlStreamEvent));
  w.chapters = g_ptr_array_new_with_free_func (chapter_free);

  /* The documents are read as the parser completes them, in a thread of
   * its own. */
  w.stream = _docket_xml_stream_start (ctxt, data, length, display_name, TEI_PARSE_OPTIONS,
                                       classify, NULL);
  if (progress != NULL)
    w.total = count_documents_ahead (data, length);
  ok = read_stream (&w, &walk_error);
  if (!ok)
    _docket_xml_stream_stop (w.stream);
  doc = _docket_xml_stream_finish (w.stream);

  g_free (w.volume.volume_id);
  g_free (w.volume.volume_title);
  g_free (w.volume.chapter);
  g_free (w.volume.last_page);
  g_array_unref (w.ahead);
  g_ptr_array_unref (w.chapters);

  if (ok)
    doc = check_parse (display_name, ctxt, &guard, doc, &walk_error);
  g_free (guard.name);
  xmlFreeParserCtxt (ctxt);

  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (walk_error != NULL)
    ;
  else if (root == NULL || strcmp ((const char *) root->name, "TEI") != 0)
    g_set_error (&walk_error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_NOT_RECOGNIZED,
                 _("%s:%ld: this XML is not TEI (the root element is “%s”, not “TEI”)"),
                 display_name, root != NULL ? xmlGetLineNo (root) : 1L,
                 root != NULL ? (const char *) root->name : "");
  else if (root->ns == NULL || strcmp ((const char *) root->ns->href, DOCKET_TEI_NS) != 0)
    g_set_error (&walk_error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_NOT_RECOGNIZED,
                 _("%s:%ld: the TEI root element is in the namespace “%s”, not in %s; this is not a FRUS TEI file"),
                 display_name, xmlGetLineNo (root),
                 root->ns != NULL ? (const char *) root->ns->href : "",
                 DOCKET_TEI_NS);
  else if (w.done == 0)
    g_set_error (&walk_error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_NOT_RECOGNIZED,
                 _("%s:%ld: this TEI file holds no FRUS document (no div with type “document”)"),
                 display_name, xmlGetLineNo (root));
  else
    check_record_links (&w, display_name);
  g_hash_table_unref (w.record_ids);
  g_ptr_array_unref (w.record_links);

  if (walk_error != NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_propagate_error (error, g_steal_pointer (&walk_error));
      return NULL;
    }
  _docket_import_result_keep_document (result, doc, (GDestroyNotify) xmlFreeDoc);
  return g_steal_pointer (&result);
}
