/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Kept elements from the other EAD version (docket-ead-convert.c,
 * with the table of docket-ead-convert-table.c). */

/* Attribute families: what each is called in each version. */
typedef enum
{
  DOCKET_EADC_ID         = 1 << 0,  /* id */
  DOCKET_EADC_ALT        = 1 << 1,  /* altrender */
  DOCKET_EADC_AUD        = 1 << 2,  /* audience */
  DOCKET_EADC_ENC        = 1 << 3,  /* encodinganalog */
  DOCKET_EADC_LABEL      = 1 << 4,  /* label */
  DOCKET_EADC_TYPE       = 1 << 5,  /* type ↔ localtype */
  DOCKET_EADC_NORMAL     = 1 << 6,  /* normal */
  DOCKET_EADC_DATE       = 1 << 7,  /* calendar, era, certainty */
  DOCKET_EADC_DATECHAR   = 1 << 8,  /* datechar */
  DOCKET_EADC_RULES      = 1 << 9,  /* rules, source */
  DOCKET_EADC_AUTH       = 1 << 10, /* authfilenumber ↔ identifier */
  DOCKET_EADC_ROLE       = 1 << 11, /* role ↔ relator */
  DOCKET_EADC_LINK       = 1 << 12, /* xlink:href, xlink:title … ↔ href, linktitle …; entityref, xpointer */
  DOCKET_EADC_TARGET     = 1 << 13, /* target */
  DOCKET_EADC_RENDER     = 1 << 14, /* render */
  DOCKET_EADC_PARENT     = 1 << 15, /* parent */
  DOCKET_EADC_UNIT       = 1 << 16, /* unit */
  DOCKET_EADC_LIST       = 1 << 17, /* type ↔ listtype, mark, numeration */
  DOCKET_EADC_UNITDATE   = 1 << 18, /* type ↔ unitdatetype */
  DOCKET_EADC_LANGCODE   = 1 << 19, /* langcode */
  DOCKET_EADC_CODES      = 1 << 20, /* countrycode, repositorycode, identifier */
  DOCKET_EADC_ABBR       = 1 << 21, /* expan of abbr, abbr of expan */
  DOCKET_EADC_ALTHEAD    = 1 << 22, /* althead */
  DOCKET_EADC_EAD3_ONLY  = 1 << 23, /* lang, script, containerid: no place in EAD 2002 */
} DocketEadcFamily;

#define DOCKET_EADC_COMMON (DOCKET_EADC_ID | DOCKET_EADC_ALT | DOCKET_EADC_AUD)

/* How an element is written in the other version. */
typedef enum
{
  DOCKET_EADC_PLAIN,
  DOCKET_EADC_PARTS,    /* EAD3 holds the text of access terms in <part> */
  DOCKET_EADC_DAO,      /* EAD3 <dao> needs @daotype */
  DOCKET_EADC_ONE_WAY,  /* from EAD 2002 only (extref → ref) */
} DocketEadcKind;

typedef struct
{
  const char     *name;          /* in EAD 2002 */
  const char     *ead3_name;     /* in EAD3; NULL: the same */
  guint           attrs_2002;    /* DocketEadcFamily */
  guint           attrs_ead3;
  gboolean        text_2002;     /* mixed content */
  gboolean        text_ead3;
  const char     *children_2002; /* the children allowed, by name, space-separated */
  const char     *children_ead3;
  DocketEadcKind  kind;
} DocketEadcRule;

typedef struct
{
  guint       family;
  const char *name_2002;         /* NULL: none */
  const char *name_ead3;         /* NULL: none */
  gboolean    xlink;             /* in EAD 2002, in the xlink namespace */
} DocketEadcAttr;

const DocketEadcRule *_docket_eadc_rule  (const char *name,
                                          gboolean    from_ead3);
const DocketEadcAttr *_docket_eadc_attrs (guint      *n_attrs);

xmlNodePtr _docket_ead_convert (xmlNodePtr   node,
                                gboolean     to_ead3,
                                xmlNsPtr     ns,
                                xmlNsPtr     xlink,
                                char       **out_reason);

/* The mark (node->_private) of a kept element written converted. */
#define DOCKET_EAD_CONVERTED ((gpointer) &_docket_ead_convert)

G_END_DECLS
