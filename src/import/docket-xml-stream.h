/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib.h>
#include <libxml/parser.h>

G_BEGIN_DECLS

/**
 * DocketXmlStreamKind:
 * @DOCKET_XML_STREAM_SKIP: no event for the element; its children are
 *   classified in turn
 * @DOCKET_XML_STREAM_OPEN: an event when the element starts (with its
 *   attributes, and no content yet) and one when it ends
 * @DOCKET_XML_STREAM_WHOLE: one event when the element ends, with all of
 *   its content; nothing inside it is classified
 *
 * What a reader hears of an element while the document is being parsed.
 */
typedef enum
{
  DOCKET_XML_STREAM_SKIP,
  DOCKET_XML_STREAM_OPEN,
  DOCKET_XML_STREAM_WHOLE,
} DocketXmlStreamKind;

/* Called in the parsing thread as each element starts, outside the WHOLE
 * ones; @element has its name, namespace, attributes and ancestors. */
typedef DocketXmlStreamKind (*DocketXmlStreamClassify) (const xmlNode *element,
                                                        gpointer       user_data);

typedef struct
{
  xmlNode             *node;
  DocketXmlStreamKind  kind;  /* OPEN or WHOLE */
  gboolean             end;   /* FALSE: an OPEN element starts; TRUE: an element ends */
} DocketXmlStreamEvent;

typedef struct _DocketXmlStream DocketXmlStream;

/* Whether @node is the document's root element: for classify callbacks,
 * which see an element's ancestors but not yet its siblings. */
static inline gboolean
_docket_xml_stream_is_root (const xmlNode *node)
{
  return node->parent != NULL && node->parent->type == XML_DOCUMENT_NODE;
}

DocketXmlStream *_docket_xml_stream_start  (xmlParserCtxtPtr         ctxt,
                                            const char              *data,
                                            gsize                    length,
                                            const char              *url,
                                            int                      options,
                                            DocketXmlStreamClassify  classify,
                                            gpointer                 user_data);
gboolean         _docket_xml_stream_next   (DocketXmlStream         *self,
                                            DocketXmlStreamEvent    *event);
void             _docket_xml_stream_stop   (DocketXmlStream         *self);
xmlDocPtr        _docket_xml_stream_finish (DocketXmlStream         *self);

G_END_DECLS
