/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <libxml/tree.h>

#include "docket-ead-convert.h"
#include "docket-ead-problem.h"
#include "docket-ead-writer.h"

G_BEGIN_DECLS

#define DOCKET_EAD3_NS    "http://ead3.archivists.org/schema/"
#define DOCKET_EAD2002_NS "urn:isbn:1-931666-22-9"
#define DOCKET_XLINK_NS   "http://www.w3.org/1999/xlink"
#define DOCKET_XSI_NS     "http://www.w3.org/2001/XMLSchema-instance"

/* docket-ead-text.c: text and attribute values that XML and the schemas accept. */

/* Returns @text without the characters XML 1.0 forbids (C0 controls other
 * than tab, newline and carriage return, U+FFFE, U+FFFF, unpaired
 * surrogates, invalid UTF-8), or %NULL when nothing but white space is left. */
char       *_docket_ead_clean_text     (const char *text);
/* Like _docket_ead_clean_text() with white space collapsed to single spaces
 * and trimmed (xs:token). */
char       *_docket_ead_clean_token    (const char *text);
gboolean    _docket_ead_is_nmtoken     (const char *text);
/* @text with every run of characters an NMTOKEN cannot hold made one '_';
 * %NULL when nothing is left. */
char       *_docket_ead_to_nmtoken     (const char *text);
/* The ISO 8601 date @text ("1967", "1967-06", "1967-06-21", or a date-time,
 * truncated to the day), checked for a real calendar date within the years
 * 0001–2999; %NULL when it is not one. */
char       *_docket_ead_normalize_date (const char *text);
gboolean    _docket_ead_is_isil        (const char *code);
gboolean    _docket_ead_is_http_uri    (const char *uri);

/* docket-ead-codes.c: the code lists of ead-200804.xsd. */
gboolean    _docket_ead_is_language_code (const char *code);
gboolean    _docket_ead_is_country_code  (const char *code);
gboolean    _docket_ead_is_script_code   (const char *code);
/* "English" for "eng", or %NULL when not known. */
const char *_docket_ead_language_name    (const char *code);
/* "eng" for "English" or "eng", or %NULL. */
const char *_docket_ead_language_code_for (const char *text);

/* docket-ead-ids.c: unique NCName ids. */
typedef struct _DocketEadIds DocketEadIds;

DocketEadIds *_docket_ead_ids_new      (void);
void          _docket_ead_ids_free     (DocketEadIds *ids);
/* Makes an NCName from @base + @suffix (either may be %NULL), unique among
 * the ids made so far, and registers it. Returns: (transfer none) */
const char   *_docket_ead_ids_make     (DocketEadIds *ids,
                                        const char   *base,
                                        const char   *suffix);
gboolean      _docket_ead_ids_contains (DocketEadIds *ids,
                                        const char   *id);
/* Registers @id as is if it is an NCName not used yet. */
gboolean      _docket_ead_ids_claim    (DocketEadIds *ids,
                                        const char   *id);
gboolean      _docket_ead_is_ncname    (const char   *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketEadIds, _docket_ead_ids_free)

/* The state of one export. */
typedef struct
{
  DocketEadFormat   format;
  xmlDocPtr         doc;        /* scratch document the components are built in */
  xmlNodePtr        root;       /* its `ead` element, never written */
  xmlNsPtr          ns;
  xmlNsPtr          xlink;
  DocketEadIds     *ids;
  GHashTable       *record_cids; /* record id → c id */
  const DocketCollection *collection;
  GPtrArray        *records;
  char             *agency_name;
  char             *agency_code;  /* valid ISIL or NULL */
  char             *country_code; /* valid ISO 3166 or NULL */
  gboolean          schema_location;
  GDateTime        *now;
  GPtrArray        *warnings;       /* the caller's, or NULL */
  const char       *schemas_dir;    /* NULL: kept elements are only sanitized */
  xmlDocPtr         skeleton;       /* a minimal valid document, made on first use */
  const char       *extra_owner;    /* "record X" while its kept elements are written */
  guint             n_other_format; /* kept elements in the other format, left out */
  guint             n_converted;    /* … and written converted */
  GHashTable       *left_out_why;   /* what stood in the way → how often */
} DocketEadContext;

static inline gboolean
_docket_ead_is_ead3 (DocketEadContext *ctx)
{
  return ctx->format == DOCKET_EAD_FORMAT_EAD3;
}

/* "EAD3" or "EAD 2002", as messages name the format. */
static inline const char *
_docket_ead_format_name (DocketEadFormat format)
{
  return format == DOCKET_EAD_FORMAT_EAD3 ? "EAD3" : "EAD 2002";
}

/* Tree helpers (docket-ead-text.c). Text is cleaned before it is added. */
xmlNodePtr  _docket_ead_el        (DocketEadContext *ctx,
                                   xmlNodePtr        parent,
                                   const char       *name);
xmlNodePtr  _docket_ead_el_text   (DocketEadContext *ctx,
                                   xmlNodePtr        parent,
                                   const char       *name,
                                   const char       *text);
void        _docket_ead_text      (xmlNodePtr        parent,
                                   const char       *text);
void        _docket_ead_text_len  (xmlNodePtr        parent,
                                   const char       *text,
                                   gsize             len);
/* Sets a CDATA attribute (cleaned), or nothing when @value is empty. */
void        _docket_ead_attr      (xmlNodePtr        node,
                                   const char       *name,
                                   const char       *value);
/* Sets an xs:token attribute (cleaned and collapsed). */
void        _docket_ead_attr_token (xmlNodePtr       node,
                                    const char      *name,
                                    const char      *value);
/* xlink:type="simple" (EAD 2002). */
void        _docket_ead_xlink_simple (DocketEadContext *ctx,
                                      xmlNodePtr        node);
/* An access term: EAD3 `<name><part>…</part></name>` (subdivisions split at
 * "--"), EAD 2002 `<name>text</name>`. */
xmlNodePtr  _docket_ead_access_term (DocketEadContext *ctx,
                                     xmlNodePtr        parent,
                                     const char       *name,
                                     const char       *term);
/* A name holding @text whole: EAD3 `<name><part>text</part></name>`, EAD
 * 2002 `<name>text</name>`. */
xmlNodePtr  _docket_ead_name_el   (DocketEadContext *ctx,
                                   xmlNodePtr        parent,
                                   const char       *name,
                                   const char       *text);
/* A `title` holding @text, like _docket_ead_name_el(), in italics in EAD
 * 2002. */
xmlNodePtr  _docket_ead_title_el  (DocketEadContext *ctx,
                                   xmlNodePtr        parent,
                                   const char       *text);
/* A paragraph per blank-line separated part of @text, inside @parent. */
void        _docket_ead_paragraphs (DocketEadContext *ctx,
                                    xmlNodePtr        parent,
                                    const char       *text);
/* Indents element-only content of @node (and below) for @format. */
void        _docket_ead_indent     (DocketEadContext *ctx,
                                    xmlNodePtr        node,
                                    int               depth);

/* docket-ead-control.c: builds `control` (EAD3) or `eadheader` (EAD 2002)
 * as the last child of @parent. */
xmlNodePtr  _docket_ead_build_header   (DocketEadContext *ctx,
                                        xmlNodePtr        parent);
/* Builds the collection-level `did` and notes as children of @archdesc
 * (everything that comes before `dsc`). */
void        _docket_ead_build_archdesc (DocketEadContext *ctx,
                                        xmlNodePtr        archdesc);

/* docket-ead-component.c */

/* node->_private of elements written only as defaults. */
#define DOCKET_EAD_DEFAULT ((gpointer) &_docket_ead_yield_defaults)

/* Builds the `c` of @record as the last child of @parent. */
xmlNodePtr  _docket_ead_build_component (DocketEadContext *ctx,
                                         xmlNodePtr        parent,
                                         DocketRecord     *record,
                                         const char       *cid);
/* @level if it is an EAD level, else level="otherlevel" otherlevel=@level. */
void        _docket_ead_set_level       (xmlNodePtr        node,
                                         const char       *level,
                                         const char       *otherlevel);
void        _docket_ead_yield_defaults  (xmlNodePtr        parent,
                                         gpointer          mark);
/* `langmaterial` for @languages (ISO 639-2b codes or English names,
 * separated by commas or semicolons), inside @did
 * (docket-ead-component-did.c). */
void        _docket_ead_add_languages   (DocketEadContext *ctx,
                                         xmlNodePtr        did,
                                         const char       *languages);
/* The level and otherlevel a collection's kept-elements wrapper records. */
char       *_docket_ead_extra_level     (const char       *extra_xml,
                                         char            **out_otherlevel);
/* The c/@id the record's component had in the file it was imported from
 * (the wrapper's @cid), or %NULL. */
char       *_docket_ead_extra_component_id (const char    *extra_xml);
/* Writes back kept elements: did children into @did, others into @parent
 * (a `c`, or the `archdesc` when @record_id is %NULL). The elements written
 * are marked: node->_private == _docket_ead_add_extra_xml. */
void        _docket_ead_add_extra_xml   (DocketEadContext *ctx,
                                         xmlNodePtr        parent,
                                         xmlNodePtr        did,
                                         const char       *extra_xml,
                                         const char       *record_id);
/* Whether @node is a kept element, written as it was or converted. */
static inline gboolean
_docket_ead_is_kept (xmlNodePtr node)
{
  return node->_private == (gpointer) &_docket_ead_add_extra_xml || node->_private == DOCKET_EAD_CONVERTED;
}

/* docket-ead-extra-convert.c: kept elements in the other EAD version. */
/* @node converted in its place and marked, or %NULL (left out, counted). */
xmlNodePtr  _docket_ead_convert_kept    (DocketEadContext *ctx,
                                         xmlNodePtr        node,
                                         xmlNsPtr          ns,
                                         xmlNsPtr          xlink);
/* Counts one left out, with what stood in the way. */
void        _docket_ead_left_out_other  (DocketEadContext *ctx,
                                         const char       *why);
/* The warning that sums them up, if any. */
void        _docket_ead_report_other    (DocketEadContext *ctx);
/* Adds a translated message to the caller's warnings (options->warnings). */
void        _docket_ead_warn            (DocketEadContext *ctx,
                                         const char       *format,
                                         ...) G_GNUC_PRINTF (2, 3);

/* docket-ead-extra-check.c */

/* The id the check's skeleton document gives its header; reserved in every
 * export so that no component takes it. */
#define DOCKET_EAD_ANCHOR_ID "docket-validation-anchor"

/* Validates @container (a `c`, or the `archdesc`) in a minimal document
 * against every schema of the format, and changes or leaves out the kept
 * elements in it that a schema rejects, with a warning for each, until it
 * is valid. Does nothing without schemas (ctx->schemas_dir). */
void        _docket_ead_check_kept      (DocketEadContext *ctx,
                                         xmlNodePtr        container);

/* docket-ead-validator.c */
guint       _docket_ead_n_schemas       (DocketEadFormat          format);
int         _docket_ead_validate_doc    (DocketEadFormat          format,
                                         guint                    index,
                                         const char              *schemas_dir,
                                         xmlDocPtr                doc,
                                         xmlStructuredErrorFunc   handler,
                                         gpointer                 user_data,
                                         GError                 **error);

/* docket-ead-problem.c */
DocketEadProblem *_docket_ead_problem_new_from_error (const xmlError *error,
                                                      const char     *schema);

G_END_DECLS
