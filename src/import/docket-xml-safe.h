/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <gio/gio.h>
#include <libxml/parser.h>

G_BEGIN_DECLS

xmlParserCtxtPtr _docket_xml_safe_context_new   (const char       *display_name,
                                                 gsize             length,
                                                 gpointer          guard,
                                                 GError          **error);
void             _docket_xml_safe_parse         (xmlParserCtxtPtr  ctxt,
                                                 const char       *data,
                                                 gsize             length,
                                                 const char       *url,
                                                 int               options);
xmlDocPtr        _docket_xml_safe_take_document (xmlParserCtxtPtr  ctxt);

G_END_DECLS
