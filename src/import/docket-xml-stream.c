/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-import"

#include "config.h"

#include "docket-xml-stream.h"

#include <libxml/SAX2.h>

#include "docket-xml-safe.h"

/* A document parsed in a thread of its own while the reader walks what is
 * complete: the parsing thread tells, in document order, where elements
 * start and end; a part of the tree is the reader's to read once its end
 * is told, and its ancestors' names and attributes from their start on.
 * The reader never follows a link (next sibling, last child) that the
 * parser may still be writing.
 *
 * Events are handed over in batches: the parser appends to `pending`, the
 * reader swaps it for its empty `taken` when it has used up the last
 * batch, and is woken only when it waits. */
struct _DocketXmlStream
{
  xmlParserCtxtPtr         ctxt;
  const char              *data;
  gsize                    length;
  char                    *url;
  int                      options;
  DocketXmlStreamClassify  classify;
  gpointer                 user_data;
  GThread                 *thread;

  /* The parsing thread's own: the kind of each element open outside the
   * WHOLE ones, and how deep it is inside a WHOLE one. */
  GByteArray              *kinds;
  guint                    whole_depth;

  GMutex                   lock;
  GCond                    changed;
  GArray                  *pending;  /* of DocketXmlStreamEvent */
  gboolean                 parsed;
  gboolean                 waiting;
  gsize                    woken_at; /* the parser's place when the reader was last woken */
  gint                     stop;     /* atomic */

  /* The reader's own. */
  GArray                  *taken;
  guint                    next;
};

/* How far the parser reads between two wake-ups of a waiting reader:
 * about a tenth of a millisecond of parsing. */
#define WAKE_BYTES (16 * 1024)

/* ctxt->_private is the reader's (its entity guard), so the SAX callbacks
 * find their stream here: a parsing thread parses one stream. */
static _Thread_local DocketXmlStream *parsing;

/* How much of the document the parser has read. */
static gsize
parsed_bytes (xmlParserCtxtPtr ctxt)
{
  xmlParserInputPtr input = ctxt->input;

  return input != NULL ? input->consumed + (gsize) (input->cur - input->base) : 0;
}

static void
publish (DocketXmlStream     *self,
         xmlNode             *node,
         DocketXmlStreamKind  kind,
         gboolean             end)
{
  DocketXmlStreamEvent event = { node, kind, end };
  gsize at = parsed_bytes (self->ctxt);

  g_mutex_lock (&self->lock);
  g_array_append_val (self->pending, event);
  /* A reader waiting is woken when there is enough for it to do, a batch
   * of the document's bytes: waking it for each of a finding aid's ten
   * thousand small events would cost more than reading them. */
  if (self->waiting && at - self->woken_at >= WAKE_BYTES)
    {
      self->woken_at = at;
      g_cond_signal (&self->changed);
    }
  g_mutex_unlock (&self->lock);
}

static void
start_element_cb (void           *ctx,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;
  DocketXmlStream *self = parsing;
  xmlNode *parent = ctxt->node;
  DocketXmlStreamKind kind;
  guint8 byte;

  xmlSAX2StartElementNs (ctx, localname, prefix, uri, n_namespaces, namespaces,
                         n_attributes, n_defaulted, attributes);
  /* Out of memory: no element was made, and no end will be told. */
  if (ctxt->node == parent || ctxt->node == NULL)
    return;

  /* Inside a WHOLE element, as most are, nothing else to do. */
  if (self->whole_depth > 0)
    {
      self->whole_depth++;
      return;
    }
  /* A reader that gave up is heard at the next element it would hear of. */
  if (g_atomic_int_get (&self->stop))
    {
      xmlStopParser (ctxt);
      return;
    }
  kind = self->classify (ctxt->node, self->user_data);
  if (kind == DOCKET_XML_STREAM_WHOLE)
    {
      self->whole_depth = 1;
      return;
    }
  byte = kind;
  g_byte_array_append (self->kinds, &byte, 1);
  if (kind == DOCKET_XML_STREAM_OPEN)
    publish (self, ctxt->node, DOCKET_XML_STREAM_OPEN, FALSE);
}

static void
end_element_cb (void          *ctx,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  xmlParserCtxtPtr ctxt = ctx;
  DocketXmlStream *self = parsing;
  xmlNode *node = ctxt->node;
  DocketXmlStreamKind kind = DOCKET_XML_STREAM_SKIP;

  if (self->whole_depth > 0)
    {
      if (--self->whole_depth == 0)
        kind = DOCKET_XML_STREAM_WHOLE;
    }
  else if (self->kinds->len > 0)
    {
      kind = self->kinds->data[self->kinds->len - 1];
      g_byte_array_set_size (self->kinds, self->kinds->len - 1);
    }

  xmlSAX2EndElementNs (ctx, localname, prefix, uri);
  if (kind != DOCKET_XML_STREAM_SKIP && node != NULL)
    publish (self, node, kind, TRUE);
}

static gpointer
parse_thread (gpointer data)
{
  DocketXmlStream *self = data;

  parsing = self;
  _docket_xml_safe_parse (self->ctxt, self->data, self->length, self->url, self->options);
  parsing = NULL;

  g_mutex_lock (&self->lock);
  self->parsed = TRUE;
  g_cond_signal (&self->changed);
  g_mutex_unlock (&self->lock);
  return NULL;
}

/**
 * _docket_xml_stream_start:
 * @ctxt: a context from _docket_xml_safe_context_new(), with the reader's
 *   other SAX callbacks set
 * @data: (array length=length): the document, kept until
 *   _docket_xml_stream_finish()
 * @url: (nullable): its name, for libxml2's messages
 * @options: xmlParserOption flags
 * @classify: says which elements the reader hears of
 *
 * Starts parsing @data in a thread. Take the events with
 * _docket_xml_stream_next(), then the document with
 * _docket_xml_stream_finish().
 *
 * Returns: (transfer full): the stream
 */
DocketXmlStream *
_docket_xml_stream_start (xmlParserCtxtPtr         ctxt,
                          const char              *data,
                          gsize                    length,
                          const char              *url,
                          int                      options,
                          DocketXmlStreamClassify  classify,
                          gpointer                 user_data)
{
  DocketXmlStream *self = g_new0 (DocketXmlStream, 1);

  self->ctxt = ctxt;
  self->data = data;
  self->length = length;
  self->url = g_strdup (url);
  self->options = options;
  self->classify = classify;
  self->user_data = user_data;
  self->kinds = g_byte_array_new ();
  self->pending = g_array_new (FALSE, FALSE, sizeof (DocketXmlStreamEvent));
  self->taken = g_array_new (FALSE, FALSE, sizeof (DocketXmlStreamEvent));
  g_mutex_init (&self->lock);
  g_cond_init (&self->changed);

  /* The context's handler is this parse's alone. */
  ctxt->sax->startElementNs = start_element_cb;
  ctxt->sax->endElementNs = end_element_cb;

  self->thread = g_thread_new ("docket-xml-parse", parse_thread, self);
  return self;
}

/**
 * _docket_xml_stream_next:
 * @event: (out): the next event
 *
 * Waits for the next event.
 *
 * Returns: %FALSE when the parse is over, well-formed or not
 */
gboolean
_docket_xml_stream_next (DocketXmlStream      *self,
                         DocketXmlStreamEvent *event)
{
  if (self->next == self->taken->len)
    {
      GArray *spent = self->taken;

      g_array_set_size (spent, 0);
      self->next = 0;
      g_mutex_lock (&self->lock);
      while (self->pending->len == 0 && !self->parsed)
        {
          self->waiting = TRUE;
          g_cond_wait (&self->changed, &self->lock);
          self->waiting = FALSE;
        }
      self->taken = self->pending;
      self->pending = spent;
      g_mutex_unlock (&self->lock);
      if (self->taken->len == 0)
        return FALSE;
    }
  *event = g_array_index (self->taken, DocketXmlStreamEvent, self->next++);
  return TRUE;
}

/**
 * _docket_xml_stream_stop:
 *
 * Asks the parser to stop at the next element outside the WHOLE ones;
 * _docket_xml_stream_finish() then returns no document (libxml2 leaves a
 * stopped parse well-formed, with the tree cut short).
 */
void
_docket_xml_stream_stop (DocketXmlStream *self)
{
  g_atomic_int_set (&self->stop, TRUE);
}

/**
 * _docket_xml_stream_finish:
 *
 * Waits for the parse to end and frees @self; events not taken are
 * dropped. The context keeps what it knows of the parse (its errors).
 *
 * Returns: (transfer full) (nullable): the document, or %NULL if it is not
 *   well-formed (or was stopped)
 */
xmlDocPtr
_docket_xml_stream_finish (DocketXmlStream *self)
{
  xmlDocPtr doc;

  g_thread_join (self->thread);
  doc = _docket_xml_safe_take_document (self->ctxt);
  if (g_atomic_int_get (&self->stop))
    g_clear_pointer (&doc, xmlFreeDoc);

  g_mutex_clear (&self->lock);
  g_cond_clear (&self->changed);
  g_array_unref (self->pending);
  g_array_unref (self->taken);
  g_byte_array_unref (self->kinds);
  g_free (self->url);
  g_free (self);
  return doc;
}
