/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead"

#include "config.h"

#include "docket-ead-component-private.h"

/* The component's `did`: identifiers, titles, the physical description and
 * the languages. Dates are in docket-ead-component-date.c, the creators in
 * docket-ead-component-agents.c. */

void
_docket_ead_add_identifiers (Component *cc)
{
  const char *id = field (cc, DOCKET_FIELD_ID);
  const char *number = field (cc, DOCKET_FIELD_NUMBER);
  const char *url = field (cc, DOCKET_FIELD_URL);
  xmlNodePtr unitid;

  unitid = el_text (cc, cc->did, "unitid", id != NULL ? id : cc->cid);
  set_localtype (cc, unitid, id != NULL && g_str_has_prefix (id, "frus") ? "frus-document-id" : "record-id");
  if (_docket_ead_is_http_uri (url))
    _docket_ead_attr (unitid, "identifier", url);

  if (number != NULL)
    {
      unitid = el_text (cc, cc->did, "unitid", number);
      set_localtype (cc, unitid, "document-number");
    }
}

void
_docket_ead_add_titles (Component *cc)
{
  static const struct
  {
    DocketField  field;
    const char  *type;
  } titles[] = {
    { DOCKET_FIELD_TITLE, "devised" },
    { DOCKET_FIELD_HEADING, "frus-heading" },
    { DOCKET_FIELD_SUBJECT, "subject-line" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *text = _docket_ead_clean_token (field (cc, titles[i].field));
      xmlNodePtr title;

      if (text == NULL)
        continue;
      title = el_text (cc, cc->did, "unittitle", text);
      /* EAD 2002 keeps the devised title untyped, as ArchivesSpace reads
       * the first unittitle as the title. */
      if (is_ead3 (cc) || titles[i].field != DOCKET_FIELD_TITLE)
        set_localtype (cc, title, titles[i].type);
    }
}

static char *
printing_note (Component *cc)
{
  GPtrArray *footnotes = docket_record_get_footnotes (cc->record);

  if (field (cc, DOCKET_FIELD_PRINTING_NOTE) != NULL)
    return _docket_ead_clean_token (field (cc, DOCKET_FIELD_PRINTING_NOTE));
  for (guint i = 0; i < footnotes->len; i++)
    {
      DocketFootnote *fn = g_ptr_array_index (footnotes, i);

      if (fn->kind == DOCKET_FOOTNOTE_PRINTING)
        return _docket_ead_clean_token (fn->text);
    }
  return NULL;
}

/* "1 memorandum" → quantity "1", unit "memorandum". */
static gboolean
split_extent (const char  *extent,
              char       **out_quantity,
              char       **out_unit)
{
  const char *p = extent;
  const char *unit;

  while (g_ascii_isdigit (*p) || (*p == '.' && p != extent && g_ascii_isdigit (p[1])))
    p++;
  if (p == extent || *p != ' ')
    return FALSE;
  for (unit = p; *unit == ' '; unit++)
    ;
  if (*unit == '\0')
    return FALSE;
  *out_quantity = g_strndup (extent, p - extent);
  *out_unit = g_strdup (unit);
  return TRUE;
}

void
_docket_ead_add_physdesc (Component *cc)
{
  g_autofree char *extent = _docket_ead_clean_token (field (cc, DOCKET_FIELD_EXTENT));
  g_autofree char *type = _docket_ead_clean_token (field (cc, DOCKET_FIELD_TYPE));
  g_autofree char *printing = printing_note (cc);
  g_autofree char *quantity = NULL;
  g_autofree char *unit = NULL;

  /* An item is one document; DACS 2.5 wants an extent at every level. */
  gboolean is_default = extent == NULL;
  xmlNodePtr last = cc->did->last;

  if (extent == NULL)
    {
      g_autofree char *lower = type != NULL ? g_utf8_strdown (type, -1) : NULL;

      extent = g_strdup_printf ("1 %s", lower != NULL ? lower : "document");
    }

  if (is_ead3 (cc))
    {
      xmlNodePtr node;

      if (split_extent (extent, &quantity, &unit))
        {
          node = el (cc, cc->did, "physdescstructured");
          xmlSetProp (node, (const xmlChar *) "coverage", (const xmlChar *) "whole");
          xmlSetProp (node, (const xmlChar *) "physdescstructuredtype", (const xmlChar *) "materialtype");
          el_text (cc, node, "quantity", quantity);
          el_text (cc, node, "unittype", unit);
        }
      else
        el_text (cc, cc->did, "physdesc", extent);
      if (printing != NULL)
        {
          node = el_text (cc, cc->did, "physdesc", printing);
          set_localtype (cc, node, "printing");
        }
    }
  else
    {
      xmlNodePtr physdesc = el (cc, cc->did, "physdesc");

      el_text (cc, physdesc, "extent", extent);
      if (printing != NULL)
        el_text (cc, physdesc, "physfacet", printing);
    }

  /* A default extent gives way to one kept from an import. */
  if (is_default && printing == NULL)
    for (xmlNodePtr node = last != NULL ? last->next : cc->did->children; node != NULL; node = node->next)
      node->_private = DOCKET_EAD_DEFAULT;
}

/* Languages: ISO 639-2b codes or English names, separated by commas,
 * semicolons or spaces. */
void
_docket_ead_add_languages (DocketEadContext *ctx,
                           xmlNodePtr        did,
                           const char       *languages)
{
  g_autofree char *clean = _docket_ead_clean_token (languages);
  g_auto(GStrv) tokens = NULL;
  xmlNodePtr langmaterial = NULL;

  if (clean == NULL)
    return;
  tokens = g_strsplit_set (clean, ",;", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *code;
      const char *name;
      xmlNodePtr language;

      g_strstrip (tokens[i]);
      if (tokens[i][0] == '\0')
        continue;
      code = _docket_ead_language_code_for (tokens[i]);
      if (langmaterial == NULL)
        langmaterial = _docket_ead_el (ctx, did, "langmaterial");
      if (code != NULL && _docket_ead_is_language_code (code))
        {
          name = _docket_ead_language_name (code);
          language = _docket_ead_el_text (ctx, langmaterial, "language", name != NULL ? name : code);
          xmlSetProp (language, (const xmlChar *) "langcode", (const xmlChar *) code);
        }
      else
        _docket_ead_el_text (ctx, langmaterial, "language", tokens[i]);
    }
}
