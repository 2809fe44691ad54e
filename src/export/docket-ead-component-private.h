/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include "docket-ead-private.h"

G_BEGIN_DECLS

/* The parts of one record's `c` (docket-ead-component*.c), written in the
 * order _docket_ead_build_component() calls them. */

typedef struct
{
  DocketEadContext *ctx;
  DocketRecord     *record;
  const char       *cid;
  xmlNodePtr        c;
  xmlNodePtr        did;
  xmlNodePtr        relatedmaterial; /* unlinked until it has entries */
  xmlNodePtr        bibliography;    /* unlinked until it has entries */
  GHashTable       *placed;          /* DocketFootnote* → its element id */
  GHashTable       *terms;           /* access terms written, for de-duplication */
  guint             n_rel;
  guint             n_bib;
} Component;

static inline const char *
field (Component   *cc,
       DocketField  f)
{
  const char *value = docket_record_get (cc->record, f);

  return value != NULL && value[0] != '\0' ? value : NULL;
}

static inline gboolean
is_ead3 (Component *cc)
{
  return _docket_ead_is_ead3 (cc->ctx);
}

static inline xmlNodePtr
el (Component  *cc,
    xmlNodePtr  parent,
    const char *name)
{
  return _docket_ead_el (cc->ctx, parent, name);
}

static inline xmlNodePtr
el_text (Component  *cc,
         xmlNodePtr  parent,
         const char *name,
         const char *text)
{
  return _docket_ead_el_text (cc->ctx, parent, name, text);
}

static inline xmlNodePtr
new_unlinked (Component  *cc,
              const char *name)
{
  return xmlNewDocNode (cc->ctx->doc, cc->ctx->ns, (const xmlChar *) name, NULL);
}

/* @localtype in EAD3, @type in EAD 2002. */
static inline void
set_localtype (Component  *cc,
               xmlNodePtr  node,
               const char *value)
{
  xmlSetProp (node, (const xmlChar *) (is_ead3 (cc) ? "localtype" : "type"),
              (const xmlChar *) value);
}

/* docket-ead-component-did.c */
void         _docket_ead_add_identifiers      (Component          *cc);
void         _docket_ead_add_titles           (Component          *cc);
void         _docket_ead_add_physdesc         (Component          *cc);

/* docket-ead-component-date.c */
void         _docket_ead_add_date             (Component          *cc);

/* docket-ead-component-agents.c */
void         _docket_ead_set_source           (Component          *cc,
                                               xmlNodePtr          node,
                                               const char         *source,
                                               const char         *authority_id);
void         _docket_ead_set_relator          (Component          *cc,
                                               xmlNodePtr          node,
                                               const char         *relator);
/* "persname" or "corpname". */
const char  *_docket_ead_agent_element        (const DocketAgent  *agent);
xmlNodePtr   _docket_ead_add_agent_name       (Component          *cc,
                                               xmlNodePtr          parent,
                                               const DocketAgent  *agent,
                                               const char         *relator);
void         _docket_ead_add_origination      (Component          *cc);
void         _docket_ead_add_relations        (Component          *cc);

/* docket-ead-component-notes.c */
void         _docket_ead_add_scope            (Component          *cc);
void         _docket_ead_add_source_note      (Component          *cc);
void         _docket_ead_add_classification   (Component          *cc);

/* docket-ead-component-related.c */
xmlNodePtr   _docket_ead_add_href             (Component          *cc,
                                               xmlNodePtr          parent,
                                               const char         *url);
/* Entries of `relatedmaterial` and `bibliography`; return their ids. */
const char  *_docket_ead_add_archref          (Component          *cc,
                                               DocketFootnoteLink *link);
const char  *_docket_ead_add_published_bibref (Component          *cc,
                                               DocketFootnoteLink *link);
void         _docket_ead_add_publication      (Component          *cc);

/* docket-ead-component-transcript.c */
void         _docket_ead_add_transcript       (Component          *cc);

/* docket-ead-component-controlaccess.c */
void         _docket_ead_add_controlaccess    (Component          *cc);

G_END_DECLS
