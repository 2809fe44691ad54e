/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "docket-import.h"
#include "docket-xml-stream.h"

G_BEGIN_DECLS

/* The namespace of the wrapper that holds the EAD elements Docket keeps but
 * does not map (DocketRecord extra_xml, DocketCollection.extra_xml):
 *
 *   <dx:extra xmlns:dx="urn:x-docket:ead-extra" format="ead3|ead2002"
 *             [level="fonds" otherlevel="…"] [cid="ref20"]>
 *     <dx:did> unmapped children of <did>, copied verbatim </dx:did>
 *     <dx:desc> unmapped children of <c>/<archdesc>, copied verbatim </dx:desc>
 *   </dx:extra>
 *
 * Each copied element keeps its own namespace (EAD3, EAD 2002 or none) and
 * its namespaced attributes (xlink:…), so the text re-parses on its own.
 * The level attributes are only set on a collection's wrapper (a record
 * has DOCKET_FIELD_LEVEL). @cid is the c/@id the component had in its file
 * when the record id is another (record ids are scoped by the collection,
 * c ids are unique only within a file): the export writes it back as the
 * c/@id. A wrapper with a @cid is kept even when it holds no element. */
#define DOCKET_EADI_EXTRA_NS "urn:x-docket:ead-extra"

typedef enum
{
  DOCKET_EADI_EXTRA_DID,
  DOCKET_EADI_EXTRA_DESC,
} DocketEadiExtraPlace;

typedef struct _DocketEadiExtra DocketEadiExtra;

typedef struct
{
  const char          *display_name;
  DocketImportResult  *result;
  gboolean             ead3;
  char                *id_prefix;     /* the collection id, as an NCName */
  GHashTable          *ids;           /* record ids in use */
  GHashTable          *element_ids;   /* c/@id → record id */
  guint                n_components;
  guint                n_done;
  GCancellable        *cancellable;
  DocketImportProgress progress;
  gpointer             user_data;
  DocketEadiExtra     *spare_extra;   /* the last component's, for the next */
} DocketEadiImport;

/* Whether @field of @record is unset or empty: the readers fill a field
 * only from the first element that has it. */
static inline gboolean
_docket_eadi_field_is_empty (DocketRecord *record,
                             DocketField   field)
{
  const char *value = docket_record_get (record, field);

  return value == NULL || value[0] == '\0';
}

/* docket-ead-import-parse.c: libxml2, safely. Network off; CDATA merged
 * into text; line numbers past 65535 kept; short text stored in its node
 * (as xmllint does), saving an allocation. Never XML_PARSE_NOENT (entity
 * substitution), XML_PARSE_DTDLOAD (DTD-style EAD names ead.dtd by a
 * SYSTEM id that must not be fetched), XML_PARSE_XINCLUDE or
 * XML_PARSE_HUGE (libxml2's size limits stay). */
#define DOCKET_EADI_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES \
                                   | XML_PARSE_COMPACT)

typedef struct _DocketEadiParse DocketEadiParse;

DocketEadiParse *_docket_eadi_parse_new         (const char           *display_name,
                                                 gsize                 length,
                                                 GError              **error);
xmlParserCtxtPtr _docket_eadi_parse_get_context (DocketEadiParse      *parse);
gboolean         _docket_eadi_parse_found_references (DocketEadiParse *parse);
xmlDocPtr        _docket_eadi_parse_finish      (DocketEadiParse      *parse,
                                                 xmlDocPtr             doc,
                                                 GPtrArray            *warnings,
                                                 GError              **error);

/* docket-ead-import-xml.c: small helpers over the tree. */
gboolean         _docket_eadi_is_ead_namespace  (const xmlNs          *ns);

/* Whether @node is the EAD element @name. Inline, with the first letter
 * compared before strcmp(): the readers try each child against many names
 * in turn, and most differ there. */
static inline gboolean
_docket_eadi_is (xmlNodePtr  node,
                 const char *name)
{
  return node != NULL &&
         node->type == XML_ELEMENT_NODE &&
         node->name[0] == (xmlChar) name[0] &&
         strcmp ((const char *) node->name, name) == 0 &&
         _docket_eadi_is_ead_namespace (node->ns);
}

gboolean         _docket_eadi_is_component      (xmlNodePtr            node);
xmlNodePtr       _docket_eadi_child             (xmlNodePtr            node,
                                                 const char           *name);
GPtrArray       *_docket_eadi_child_elements    (xmlNodePtr            node);
xmlNodePtr       _docket_eadi_find_element      (GPtrArray            *elements,
                                                 const char           *name);
char            *_docket_eadi_attr              (xmlNodePtr            node,
                                                 const char           *name);
char            *_docket_eadi_localtype         (xmlNodePtr            node);
char            *_docket_eadi_text              (xmlNodePtr            node);
char            *_docket_eadi_term              (xmlNodePtr            node);
char            *_docket_eadi_note_text         (xmlNodePtr            node);
gboolean         _docket_eadi_note_is_simple    (xmlNodePtr            node);
void             _docket_eadi_collapse_append   (GString              *out,
                                                 const char           *text);
char            *_docket_eadi_make_ncname       (const char           *raw);

DocketEadiExtra  *_docket_eadi_extra_new         (gboolean              ead3);
/* Empties @extra for another component, keeping its buffers. */
void             _docket_eadi_extra_reset       (DocketEadiExtra       *extra);
void             _docket_eadi_extra_add         (DocketEadiExtra       *extra,
                                                 DocketEadiExtraPlace   place,
                                                 xmlNodePtr            node);
/* Adds a copy of @node without the children for which @skip returns TRUE. */
void             _docket_eadi_extra_add_except  (DocketEadiExtra       *extra,
                                                 DocketEadiExtraPlace   place,
                                                 xmlNodePtr            node,
                                                 gboolean            (*skip) (xmlNodePtr child, gpointer data),
                                                 gpointer              data);
void             _docket_eadi_extra_set_attr    (DocketEadiExtra       *extra,
                                                 const char           *name,
                                                 const char           *value);
void             _docket_eadi_extra_set_component_id (DocketEadiExtra *extra,
                                                      const char      *cid);
guint            _docket_eadi_extra_count       (DocketEadiExtra       *extra);
const char      *_docket_eadi_extra_text        (DocketEadiExtra       *extra);
void             _docket_eadi_extra_free        (DocketEadiExtra       *extra);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketEadiExtra, _docket_eadi_extra_free)

/* g_string_append_len() for the writers' many short pieces (GLib 2.74 has
 * no inline version): a copy when the string has room. */
static inline void
_docket_eadi_append_len (GString    *out,
                         const char *text,
                         gsize       len)
{
  if (G_LIKELY (out->len + len < out->allocated_len))
    {
      memcpy (out->str + out->len, text, len);
      out->len += len;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, text, len);
}

static inline void
_docket_eadi_append (GString    *out,
                     const char *text)
{
  _docket_eadi_append_len (out, text, strlen (text));
}

/* docket-ead-import-extra-write.c: a kept element as its copy in the
 * wrapper is written; FALSE for one that libxml2 must copy. @path and
 * @hoisted are scratch arrays, reused from call to call. */
gboolean         _docket_eadi_write_copy        (GString              *out,
                                                 const xmlNode        *node,
                                                 GPtrArray            *path,
                                                 GPtrArray            *hoisted);
gboolean         _docket_eadi_write_copy_except (GString              *out,
                                                 const xmlNode        *node,
                                                 gboolean            (*skip) (xmlNodePtr child, gpointer data),
                                                 gpointer              data,
                                                 GPtrArray            *path,
                                                 GPtrArray            *hoisted);
gboolean         _docket_eadi_write_attr_text   (GString              *out,
                                                 const xmlChar        *text);

/* docket-ead-import-did.c */
void             _docket_eadi_read_did          (DocketEadiImport      *self,
                                                 DocketRecord         *record,
                                                 xmlNodePtr            did,
                                                 DocketEadiExtra       *extra);
void             _docket_eadi_read_date         (xmlNodePtr            node,
                                                 char                **text,
                                                 char                **from,
                                                 char                **to,
                                                 char                **certainty);

/* docket-ead-import-notes.c: returns FALSE when @node is not mapped. */
gboolean         _docket_eadi_read_note         (DocketEadiImport      *self,
                                                 DocketRecord         *record,
                                                 xmlNodePtr            node);
gboolean         _docket_eadi_read_relations    (DocketRecord         *record,
                                                 xmlNodePtr            relations);

/* docket-ead-import-access.c */
void             _docket_eadi_read_controlaccess (DocketRecord        *record,
                                                  xmlNodePtr           node,
                                                  DocketEadiExtra      *extra);
DocketAgent     *_docket_eadi_read_name         (xmlNodePtr            node,
                                                 DocketAgentRole       role);

/* docket-ead-import-text.c: a transcription excerpt and its citations. */
gboolean         _docket_eadi_is_excerpt        (xmlNodePtr            node);
void             _docket_eadi_read_excerpt      (DocketEadiImport      *self,
                                                 DocketRecord         *record,
                                                 xmlNodePtr            odd,
                                                 GHashTable           *archrefs,
                                                 GHashTable           *used);
DocketFootnoteLink *_docket_eadi_read_archref   (xmlNodePtr            archref);

/* docket-ead-import-collection.c */
DocketCollection *_docket_eadi_read_collection  (DocketEadiImport      *self,
                                                 GPtrArray            *root_elements,
                                                 xmlNodePtr            archdesc,
                                                 GPtrArray            *archdesc_elements,
                                                 GPtrArray            *dscs,
                                                 guint                *out_n_unmapped);
gboolean         _docket_eadi_is_ead3           (xmlNodePtr            root,
                                                 GPtrArray            *root_elements);

/* docket-ead-import-stream.c */
DocketXmlStreamKind _docket_eadi_stream_classify (const xmlNode       *element,
                                                  gpointer             user_data);
gboolean         _docket_eadi_read_stream       (DocketEadiImport      *self,
                                                 DocketXmlStream       *stream,
                                                 DocketEadiParse       *parse,
                                                 gboolean             *out_void,
                                                 GError              **error);

/* docket-ead-import-component.c */
gboolean         _docket_eadi_read_component    (DocketEadiImport      *self,
                                                 xmlNodePtr            c,
                                                 GPtrArray            *own,
                                                 const char           *parent_path,
                                                 char                **out_path,
                                                 GError              **error);
void             _docket_eadi_begin_components  (DocketEadiImport      *self);
gboolean         _docket_eadi_read_components   (DocketEadiImport      *self,
                                                 xmlNodePtr            parent,
                                                 const char           *parent_path,
                                                 GError              **error);

G_END_DECLS
