/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib-object.h>

#include "docket-access-point.h"
#include "docket-agent.h"
#include "docket-block.h"
#include "docket-field.h"
#include "docket-footnote.h"

G_BEGIN_DECLS

#define DOCKET_TYPE_RECORD (docket_record_get_type ())

G_DECLARE_FINAL_TYPE (DocketRecord, docket_record, DOCKET, RECORD, GObject)

DocketRecord *docket_record_new              (void);
DocketRecord *docket_record_copy             (DocketRecord  *self);
gboolean      docket_record_equal            (DocketRecord  *a,
                                              DocketRecord  *b);

/* Scalar fields. %NULL and "" both mean "empty"; setters store %NULL for "". */
const char   *docket_record_get              (DocketRecord  *self,
                                              DocketField    field);
void          docket_record_set              (DocketRecord  *self,
                                              DocketField    field,
                                              const char    *value);
void          docket_record_take             (DocketRecord  *self,
                                              DocketField    field,
                                              char          *value);

/* Convenience for the most used fields. */
const char   *docket_record_get_id           (DocketRecord  *self);
void          docket_record_set_id           (DocketRecord  *self,
                                              const char    *id);
const char   *docket_record_get_heading      (DocketRecord  *self);

/* Set by the catalog; an import leaves them 0. */
gint64        docket_record_get_version      (DocketRecord  *self);
void          docket_record_set_version      (DocketRecord  *self,
                                              gint64         version);
gint64        docket_record_get_position     (DocketRecord  *self);
void          docket_record_set_position     (DocketRecord  *self,
                                              gint64         position);
gboolean      docket_record_get_provisional_id (DocketRecord *self);
void          docket_record_set_provisional_id (DocketRecord *self,
                                                gboolean      provisional);

/* Lists. The arrays are owned by the record; change them in place and then
 * call docket_record_changed() with the list's name ("agents", "access_points",
 * "body", "footnotes") so that views and autosave learn of it. */
GPtrArray    *docket_record_get_agents       (DocketRecord  *self);
GPtrArray    *docket_record_get_access_points (DocketRecord *self);
GPtrArray    *docket_record_get_body         (DocketRecord  *self);
GPtrArray    *docket_record_get_footnotes    (DocketRecord  *self);

void          docket_record_add_agent        (DocketRecord  *self,
                                              DocketAgent   *agent);
void          docket_record_add_access_point (DocketRecord  *self,
                                              DocketAccessPoint *point);
void          docket_record_add_block        (DocketRecord  *self,
                                              DocketBlock   *block);
void          docket_record_add_footnote     (DocketRecord  *self,
                                              DocketFootnote *footnote);

DocketFootnote *docket_record_find_footnote  (DocketRecord  *self,
                                              const char    *id);
GStrv         docket_record_dup_page_breaks  (DocketRecord  *self);
GPtrArray    *docket_record_dup_agents_with_role (DocketRecord   *self,
                                                  DocketAgentRole role);

/* Elements of an imported EAD component that Docket does not map, kept as
 * serialized XML so that export can write them back. */
const char   *docket_record_get_extra_xml    (DocketRecord  *self);
void          docket_record_set_extra_xml    (DocketRecord  *self,
                                              const char    *xml);

void          docket_record_changed          (DocketRecord  *self,
                                              const char    *what);

G_END_DECLS
