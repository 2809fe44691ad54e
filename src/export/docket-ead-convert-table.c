/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#include "config.h"

#include <string.h>

#include "docket-ead-convert.h"

/* Which elements exist in both EAD 2002 and EAD3 with a compatible
 * content model, read off the official schemas (ead.rng of EAD 2002,
 * ead3.rng of EAD3 1.1.1): the attributes each version allows, by family,
 * whether text may stand in it, and the children each allows. An element
 * not in this table (note, address, table, extent, chronitem, daogrp,
 * daoloc, extptr, linkgrp, imprint, …) has no faithful form in the other
 * version, and neither has anything that holds it. */

/* Children, EAD3 */
#define BASIC3  "abbr emph expan foreign lb ptr ref"
#define PHRASE3 "abbr corpname date emph expan famname footnote foreign function genreform geogname " \
                "lb name num occupation persname ptr quote ref subject title"
#define PARA3   PHRASE3 " list"
#define BLOCK3  "blockquote chronlist head list p table"
#define REFS3   BLOCK3 " archref bibref"
#define TERMS   "corpname famname function genreform geogname name occupation persname subject title"

/* Children, EAD 2002 */
#define BASIC02 "abbr archref bibref emph expan extptr extref lb linkgrp ptr ref title"
#define HEAD02  "emph extptr lb ptr"
#define PARA02  "abbr address archref bibref blockquote chronlist corpname date emph expan extptr extref " \
                "famname function genreform geogname lb linkgrp list name note num occupation " \
                "origination persname ptr ref repository subject table title unitdate unittitle"
#define LABEL02 "abbr archref bibref corpname date emph expan extptr extref famname function genreform " \
                "geogname lb linkgrp name num occupation origination persname ptr ref repository subject " \
                "title unitdate unittitle"
#define BLOCK02 "address blockquote chronlist head list note p table"
#define REFS02  BLOCK02 " archref bibref extref linkgrp ref title"

#define C   DOCKET_EADC_COMMON
#define ENC DOCKET_EADC_ENC
#define LBL DOCKET_EADC_LABEL
#define TYP DOCKET_EADC_TYPE
#define X3  DOCKET_EADC_EAD3_ONLY
#define TERM02 (C | ENC | DOCKET_EADC_NORMAL | DOCKET_EADC_RULES | DOCKET_EADC_AUTH)
#define TERM3  (TERM02 | DOCKET_EADC_ROLE | TYP | X3)

#define BLOCK(name, attrs, more02, more3) \
  { name, NULL, C | ENC | (attrs), C | ENC | TYP | X3, FALSE, FALSE, \
    BLOCK02 " " name more02, BLOCK3 " " name more3, DOCKET_EADC_PLAIN }
#define TERM(name, attrs) \
  { name, NULL, TERM02 | (attrs), TERM3, TRUE, FALSE, HEAD02, "part", DOCKET_EADC_PARTS }

static const DocketEadcRule rules[] = {
  /* Description blocks */
  BLOCK ("odd", TYP, " dao daogrp", ""),
  BLOCK ("bioghist", 0, " dao daogrp", ""),
  BLOCK ("scopecontent", 0, " arrangement dao daogrp", ""),
  BLOCK ("arrangement", 0, "", ""),
  BLOCK ("custodhist", 0, " acqinfo", ""),
  BLOCK ("acqinfo", 0, "", ""),
  BLOCK ("accruals", 0, "", ""),
  BLOCK ("appraisal", 0, "", ""),
  BLOCK ("fileplan", 0, "", ""),
  BLOCK ("prefercite", 0, "", ""),
  BLOCK ("altformavail", TYP, "", ""),
  BLOCK ("processinfo", TYP, "", ""),
  BLOCK ("originalsloc", TYP, "", ""),
  BLOCK ("phystech", TYP, "", ""),
  BLOCK ("userestrict", TYP, "", ""),
  BLOCK ("accessrestrict", TYP, " legalstatus", ""),
  BLOCK ("relatedmaterial", TYP, " archref bibref extref linkgrp ref title", " archref bibref"),
  BLOCK ("separatedmaterial", TYP, " archref bibref extref linkgrp ref title", " archref bibref"),
  BLOCK ("otherfindaid", 0, " archref bibref extref linkgrp ref title", " archref bibref"),
  BLOCK ("bibliography", 0, " archref bibref extref linkgrp ref title", " archref bibref"),
  BLOCK ("index", 0, " indexentry listhead", " indexentry listhead"),
  BLOCK ("controlaccess", 0, " " TERMS, " " TERMS),
  { "blockquote", NULL, C, C | X3, FALSE, FALSE, "address chronlist list note p table",
    "chronlist list p table", DOCKET_EADC_PLAIN },
  { "chronlist", NULL, C | ENC, C | ENC | TYP | X3, FALSE, FALSE, "chronitem head listhead",
    "chronitem head listhead", DOCKET_EADC_PLAIN },

  /* Paragraphs, lists, phrases */
  { "head", NULL, C | DOCKET_EADC_ALTHEAD, C | DOCKET_EADC_ALTHEAD | X3, TRUE, TRUE, HEAD02, BASIC3,
    DOCKET_EADC_PLAIN },
  { "p", NULL, C, C | X3, TRUE, TRUE, PARA02, PARA3, DOCKET_EADC_PLAIN },
  { "list", NULL, C | DOCKET_EADC_LIST, C | DOCKET_EADC_LIST | X3, FALSE, FALSE,
    "defitem head item listhead", "defitem head item listhead", DOCKET_EADC_PLAIN },
  { "item", NULL, C, C | X3, TRUE, TRUE, PARA02, PARA3, DOCKET_EADC_PLAIN },
  { "defitem", NULL, C, C | X3, FALSE, FALSE, "item label", "item label", DOCKET_EADC_PLAIN },
  { "label", NULL, C, C | X3, TRUE, TRUE, LABEL02, BASIC3, DOCKET_EADC_PLAIN },
  { "event", NULL, C, C | TYP | X3, TRUE, TRUE, PARA02, PARA3, DOCKET_EADC_PLAIN },
  { "indexentry", NULL, C, C | X3, FALSE, FALSE, TERMS " indexentry namegrp ptr ptrgrp ref",
    TERMS " indexentry namegrp ptr ptrgrp ref", DOCKET_EADC_PLAIN },
  { "emph", NULL, DOCKET_EADC_ID | DOCKET_EADC_ALT | DOCKET_EADC_RENDER,
    C | DOCKET_EADC_RENDER | X3, TRUE, TRUE, BASIC02, BASIC3, DOCKET_EADC_PLAIN },
  { "lb", NULL, 0, 0, FALSE, FALSE, "", "", DOCKET_EADC_PLAIN },
  { "abbr", NULL, C | DOCKET_EADC_ABBR, C | DOCKET_EADC_ABBR | X3, TRUE, TRUE, "", "", DOCKET_EADC_PLAIN },
  { "expan", NULL, C | DOCKET_EADC_ABBR, C | DOCKET_EADC_ABBR | X3, TRUE, TRUE, "", "", DOCKET_EADC_PLAIN },
  { "num", NULL, C | ENC | TYP, C | ENC | TYP | X3, TRUE, TRUE, HEAD02, BASIC3, DOCKET_EADC_PLAIN },
  { "date", NULL, C | ENC | TYP | DOCKET_EADC_NORMAL | DOCKET_EADC_DATE,
    C | ENC | TYP | DOCKET_EADC_NORMAL | DOCKET_EADC_DATE | X3, TRUE, TRUE, HEAD02, BASIC3,
    DOCKET_EADC_PLAIN },

  /* Links */
  { "ref", NULL, C | DOCKET_EADC_LINK | DOCKET_EADC_TARGET, C | DOCKET_EADC_LINK | DOCKET_EADC_TARGET | X3,
    TRUE, TRUE,
    "abbr address archref bibref blockquote chronlist corpname date emph expan extptr extref famname function "
    "genreform geogname lb list name note num occupation origination persname ptr repository subject table "
    "title unitdate unittitle",
    "abbr corpname date emph expan famname footnote foreign function genreform geogname lb name num "
    "occupation persname ptr quote subject title", DOCKET_EADC_PLAIN },
  { "extref", "ref", C | DOCKET_EADC_LINK, C | DOCKET_EADC_LINK | DOCKET_EADC_TARGET | X3, TRUE, TRUE,
    "abbr address archref bibref blockquote chronlist corpname date emph expan extptr famname function "
    "genreform geogname lb list name note num occupation origination persname ptr ref repository subject "
    "table title unitdate unittitle",
    "abbr corpname date emph expan famname footnote foreign function genreform geogname lb name num "
    "occupation persname ptr quote subject title", DOCKET_EADC_ONE_WAY },
  { "ptr", NULL, C | DOCKET_EADC_LINK | DOCKET_EADC_TARGET, C | DOCKET_EADC_LINK | DOCKET_EADC_TARGET,
    FALSE, FALSE, "", "", DOCKET_EADC_PLAIN },
  { "archref", NULL, C | DOCKET_EADC_LINK, C | ENC | X3, TRUE, TRUE,
    "abbr abstract bibref container dao daogrp emph expan extptr extref langmaterial lb materialspec note "
    "origination physdesc physloc ptr ref repository title unitdate unitid unittitle", PHRASE3,
    DOCKET_EADC_PLAIN },
  { "bibref", NULL, C | ENC | DOCKET_EADC_LINK, C | ENC | X3, TRUE, TRUE,
    "abbr archref bibseries corpname edition emph expan extptr extref famname imprint lb name num persname "
    "ptr ref title", PHRASE3, DOCKET_EADC_PLAIN },
  { "dao", NULL, C | DOCKET_EADC_LINK, C | ENC | LBL | TYP | DOCKET_EADC_LINK | X3, FALSE, FALSE,
    "daodesc", "descriptivenote", DOCKET_EADC_DAO },
  { "daodesc", "descriptivenote", C, C | ENC | X3, FALSE, FALSE, BLOCK02, "p", DOCKET_EADC_PLAIN },

  /* The did */
  { "container", NULL, C | ENC | LBL | TYP | DOCKET_EADC_PARENT,
    C | ENC | LBL | TYP | DOCKET_EADC_PARENT | X3, TRUE, TRUE, BASIC02, BASIC3, DOCKET_EADC_PLAIN },
  { "unitdate", NULL, C | ENC | LBL | DOCKET_EADC_NORMAL | DOCKET_EADC_DATE | DOCKET_EADC_DATECHAR | DOCKET_EADC_UNITDATE,
    C | ENC | LBL | DOCKET_EADC_NORMAL | DOCKET_EADC_DATE | DOCKET_EADC_DATECHAR | DOCKET_EADC_UNITDATE | X3,
    TRUE, TRUE, BASIC02, BASIC3, DOCKET_EADC_PLAIN },
  { "unittitle", NULL, C | ENC | LBL | TYP, C | ENC | LBL | TYP | DOCKET_EADC_NORMAL | X3, TRUE, TRUE,
    "abbr archref bibref bibseries corpname date edition emph expan extptr extref famname function genreform "
    "geogname imprint lb linkgrp name num occupation persname ptr ref subject title unitdate", PHRASE3,
    DOCKET_EADC_PLAIN },
  { "unitid", NULL, C | ENC | LBL | TYP | DOCKET_EADC_CODES, C | ENC | LBL | TYP | DOCKET_EADC_CODES | X3,
    TRUE, TRUE, BASIC02, BASIC3, DOCKET_EADC_PLAIN },
  { "physdesc", NULL, C | ENC | LBL | DOCKET_EADC_RULES, C | ENC | LBL | TYP | X3, TRUE, TRUE,
    "abbr archref bibref corpname date dimensions emph expan extent extptr extref famname function genreform "
    "geogname lb linkgrp name occupation persname physfacet ptr ref subject title", BASIC3, DOCKET_EADC_PLAIN },
  { "dimensions", NULL, C | ENC | LBL | TYP | DOCKET_EADC_UNIT, C | ENC | TYP | DOCKET_EADC_UNIT | X3,
    TRUE, TRUE, BASIC02 " dimensions", BASIC3 " dimensions", DOCKET_EADC_PLAIN },
  { "physfacet", NULL, C | ENC | LBL | TYP | DOCKET_EADC_RULES | DOCKET_EADC_UNIT,
    C | ENC | TYP | DOCKET_EADC_RULES | DOCKET_EADC_AUTH | X3, TRUE, TRUE,
    "abbr archref bibref corpname date emph expan extptr extref famname function genreform geogname lb "
    "linkgrp name occupation persname ptr ref subject title", PHRASE3, DOCKET_EADC_PLAIN },
  { "physloc", NULL, C | ENC | LBL | TYP | DOCKET_EADC_PARENT, C | ENC | LBL | TYP | DOCKET_EADC_PARENT | X3,
    TRUE, TRUE, BASIC02, BASIC3, DOCKET_EADC_PLAIN },
  { "materialspec", NULL, C | ENC | LBL | TYP, C | ENC | LBL | TYP | X3, TRUE, TRUE,
    BASIC02 " materialspec num", BASIC3, DOCKET_EADC_PLAIN },
  { "abstract", NULL, C | ENC | LBL | TYP, C | ENC | LBL | TYP | X3, TRUE, TRUE, BASIC02, PHRASE3,
    DOCKET_EADC_PLAIN },
  { "langmaterial", NULL, C | ENC | LBL, C | ENC | LBL | X3, TRUE, FALSE,
    "abbr archref bibref emph expan extptr extref language lb linkgrp ptr ref title",
    "descriptivenote language languageset", DOCKET_EADC_PLAIN },
  { "language", NULL, C | ENC | DOCKET_EADC_LANGCODE, C | ENC | LBL | DOCKET_EADC_LANGCODE | X3, TRUE, TRUE,
    HEAD02, "", DOCKET_EADC_PLAIN },
  { "origination", NULL, C | ENC | LBL, C | ENC | LBL | TYP | X3, TRUE, FALSE,
    "abbr archref bibref corpname emph expan extptr extref famname lb linkgrp name persname ptr ref title",
    "corpname famname name persname", DOCKET_EADC_PLAIN },
  { "repository", NULL, C | ENC | LBL, C | ENC | LBL | TYP | X3, TRUE, FALSE,
    "abbr address archref bibref corpname emph expan extptr extref lb linkgrp name ptr ref subarea title",
    "address corpname famname name persname", DOCKET_EADC_PLAIN },

  /* Access terms: text in EAD 2002, <part>s in EAD3 */
  TERM ("persname", DOCKET_EADC_ROLE),
  TERM ("corpname", DOCKET_EADC_ROLE),
  TERM ("famname", DOCKET_EADC_ROLE),
  TERM ("geogname", DOCKET_EADC_ROLE),
  TERM ("name", DOCKET_EADC_ROLE),
  TERM ("subject", 0),
  TERM ("function", 0),
  TERM ("occupation", 0),
  TERM ("genreform", TYP),
  { "title", NULL, TERM02 | DOCKET_EADC_RENDER | TYP | DOCKET_EADC_LINK,
    TERM3 | DOCKET_EADC_RENDER, TRUE, FALSE, "date emph extptr lb num ptr", "part", DOCKET_EADC_PARTS },
};

static const DocketEadcAttr attrs[] = {
  { DOCKET_EADC_ID, "id", "id", FALSE },
  { DOCKET_EADC_ALT, "altrender", "altrender", FALSE },
  { DOCKET_EADC_AUD, "audience", "audience", FALSE },
  { DOCKET_EADC_ENC, "encodinganalog", "encodinganalog", FALSE },
  { DOCKET_EADC_LABEL, "label", "label", FALSE },
  { DOCKET_EADC_TYPE, "type", "localtype", FALSE },
  { DOCKET_EADC_NORMAL, "normal", "normal", FALSE },
  { DOCKET_EADC_DATE, "calendar", "calendar", FALSE },
  { DOCKET_EADC_DATE, "era", "era", FALSE },
  { DOCKET_EADC_DATE, "certainty", "certainty", FALSE },
  { DOCKET_EADC_DATECHAR, "datechar", "datechar", FALSE },
  { DOCKET_EADC_RULES, "rules", "rules", FALSE },
  { DOCKET_EADC_RULES, "source", "source", FALSE },
  { DOCKET_EADC_AUTH, "authfilenumber", "identifier", FALSE },
  { DOCKET_EADC_ROLE, "role", "relator", FALSE },
  { DOCKET_EADC_LINK, "href", "href", TRUE },
  { DOCKET_EADC_LINK, "title", "linktitle", TRUE },
  { DOCKET_EADC_LINK, "role", "linkrole", TRUE },
  { DOCKET_EADC_LINK, "arcrole", "arcrole", TRUE },
  { DOCKET_EADC_LINK, "show", "show", TRUE },
  { DOCKET_EADC_LINK, "actuate", "actuate", TRUE },
  { DOCKET_EADC_LINK, "entityref", "entityref", FALSE },
  { DOCKET_EADC_LINK, "xpointer", "xpointer", FALSE },
  { DOCKET_EADC_TARGET, "target", "target", FALSE },
  { DOCKET_EADC_RENDER, "render", "render", FALSE },
  { DOCKET_EADC_PARENT, "parent", "parent", FALSE },
  { DOCKET_EADC_UNIT, "unit", "unit", FALSE },
  { DOCKET_EADC_LIST, "type", "listtype", FALSE },
  { DOCKET_EADC_LIST, "mark", "mark", FALSE },
  { DOCKET_EADC_LIST, "numeration", "numeration", FALSE },
  { DOCKET_EADC_UNITDATE, "type", "unitdatetype", FALSE },
  { DOCKET_EADC_LANGCODE, "langcode", "langcode", FALSE },
  { DOCKET_EADC_CODES, "countrycode", "countrycode", FALSE },
  { DOCKET_EADC_CODES, "repositorycode", "repositorycode", FALSE },
  { DOCKET_EADC_CODES, "identifier", "identifier", FALSE },
  { DOCKET_EADC_ABBR, "expan", "expan", FALSE },
  { DOCKET_EADC_ABBR, "abbr", "abbr", FALSE },
  { DOCKET_EADC_ALTHEAD, "althead", "althead", FALSE },
  { DOCKET_EADC_EAD3_ONLY, NULL, "lang", FALSE },
  { DOCKET_EADC_EAD3_ONLY, NULL, "script", FALSE },
  { DOCKET_EADC_EAD3_ONLY, NULL, "containerid", FALSE },
};

const DocketEadcRule *
_docket_eadc_rule (const char *name,
                   gboolean    from_ead3)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      const DocketEadcRule *rule = &rules[i];

      if (from_ead3 && rule->kind == DOCKET_EADC_ONE_WAY)
        continue;
      if (strcmp (from_ead3 && rule->ead3_name != NULL ? rule->ead3_name : rule->name, name) == 0)
        return rule;
    }
  return NULL;
}

const DocketEadcAttr *
_docket_eadc_attrs (guint *n_attrs)
{
  *n_attrs = G_N_ELEMENTS (attrs);
  return attrs;
}
