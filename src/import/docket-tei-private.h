/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <string.h>

#include <libxml/tree.h>

#include "docket-import.h"

G_BEGIN_DECLS

#define DOCKET_TEI_NS  "http://www.tei-c.org/ns/1.0"
#define DOCKET_XML_NS  "http://www.w3.org/XML/1998/namespace"
#define DOCKET_FRUS_NS "http://history.state.gov/frus/ns/1.0"
#define DOCKET_HSG_URL "https://history.state.gov/historicaldocuments/"

/* Text with whitespace collapsed as it is appended (TEI-NOTES §1): a run of
 * spaces, tabs and newlines becomes one space, held back until something
 * that is not a space follows, so that leading and trailing space never
 * reach the result and an anchor taken at the length of @str stands right
 * after the character before it. */
typedef struct
{
  GString  *str;
  gboolean  pending_space;
} DocketTeiText;

void      _docket_tei_text_init   (DocketTeiText *text);
void      _docket_tei_text_append (DocketTeiText *text,
                                   const char    *chars);
void      _docket_tei_text_space  (DocketTeiText *text);
/* The byte offset where the next visible character will stand. */
gsize     _docket_tei_text_next   (DocketTeiText *text);
char     *_docket_tei_text_steal  (DocketTeiText *text);

/* Element tests and attribute access without copies. The test is inline
 * and looks at the first letter before calling strcmp(): the readers try
 * a node against a dozen names in turn, and most of them differ there. */
static inline gboolean
_docket_tei_is (const xmlNode *node,
                const char    *name)
{
  return node != NULL
         && node->type == XML_ELEMENT_NODE
         && node->ns != NULL
         && node->name[0] == (xmlChar) name[0]
         && strcmp ((const char *) node->name, name) == 0
         && strcmp ((const char *) node->ns->href, DOCKET_TEI_NS) == 0;
}

const char *_docket_tei_attr      (const xmlNode *node,
                                   const char    *name);
const char *_docket_tei_attr_ns   (const xmlNode *node,
                                   const char    *name,
                                   const char    *ns_href);
const char *_docket_tei_xml_id    (const xmlNode *node);
xmlNode    *_docket_tei_child     (const xmlNode *node,
                                   const char    *name);

/* The text of @node and its descendants, collapsed; `note` elements are
 * left out when @skip_notes is set. */
char       *_docket_tei_node_text (const xmlNode *node,
                                   gboolean       skip_notes);
void        _docket_tei_append_node_text (DocketTeiText *text,
                                          const xmlNode *node,
                                          gboolean       skip_notes);

/* What one volume (or single-document file) shares across its documents. */
typedef struct
{
  const char         *display_name;
  char               *volume_id;
  char               *volume_title;
  DocketImportResult *result;
  char               *chapter;      /* the head of the enclosing chapter div */
  char               *last_page;    /* the last pb/@n seen outside documents */
} DocketTeiVolume;

void          _docket_tei_read_header   (DocketTeiVolume *volume,
                                         const xmlNode   *root,
                                         const xmlNode   *header);
void          _docket_tei_find_lists    (DocketTeiVolume *volume,
                                         const xmlNode   *node);

DocketRecord *_docket_tei_read_document (DocketTeiVolume *volume,
                                         xmlNode         *div);

/* A marker or mention in the open block, until the block is made: its
 * @ref points into the tree or at the footnote's id, both of which outlive
 * the block. */
typedef struct
{
  DocketAnchorKind  kind;
  gsize             offset;
  gsize             length;
  const char       *ref;
} DocketTeiAnchor;

/* The per-document state shared by the document and body readers. */
typedef struct
{
  DocketTeiVolume *volume;
  DocketRecord    *record;
  const char      *number;
  const char      *div_id;

  /* The block being filled, if any; @text and @anchors are reused from
   * block to block, @serial counts the blocks opened. */
  gboolean         open;
  DocketBlockKind  kind;
  guint            serial;
  DocketTeiText    text;
  GArray          *anchors;        /* DocketTeiAnchor */

  /* Pending for a list's next item ("1.", "(a)"). */
  char            *label;

  /* Heading: agents are read from the head; the office of each is the
   * head text between the previous agent (or the start) and it. */
  gboolean         in_head;
  gsize            head_mark;
  /* Dateline: where the date text starts. */
  gboolean         in_dateline;
  gssize           date_start;

  const xmlNode   *source_note;    /* the note[@type='source'], if any */
  char            *bracket_source; /* "[Source: …]" text printed in the body */
  char            *first_page;
  char            *last_page;
  GHashTable      *mentioned;      /* ref → TRUE */
  GString         *printing;       /* the printing notes' text */
  guint            n_paragraphs;
} DocketTeiDoc;

void     _docket_tei_body_open     (DocketTeiDoc    *doc,
                                    DocketBlockKind  kind);
DocketBlock *_docket_tei_body_close (DocketTeiDoc   *doc);
void     _docket_tei_body_blocks   (DocketTeiDoc    *doc,
                                    const xmlNode   *parent,
                                    DocketBlockKind  kind);
void     _docket_tei_body_node     (DocketTeiDoc    *doc,
                                    const xmlNode   *child,
                                    DocketBlockKind  kind);
void     _docket_tei_body_inline   (DocketTeiDoc    *doc,
                                    const xmlNode   *parent);
void     _docket_tei_body_anchor   (DocketTeiDoc    *doc,
                                    DocketAnchorKind kind,
                                    gsize            offset,
                                    gsize            length,
                                    const char      *ref);
void     _docket_tei_body_page     (DocketTeiDoc    *doc,
                                    const char      *n);
void     _docket_tei_footnote      (DocketTeiDoc    *doc,
                                    const xmlNode   *note);
void     _docket_tei_mention       (DocketTeiDoc    *doc,
                                    const xmlNode   *pers_name);
void     _docket_tei_head_agent    (DocketTeiDoc    *doc,
                                    const xmlNode   *node);

G_END_DECLS
