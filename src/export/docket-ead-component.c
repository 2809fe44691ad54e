/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead"

#include "config.h"

#include <string.h>

#include "docket-ead-private.h"

/* One record as one `<c level="item">`, following EAD-MAPPING.md § 1.2 and
 * § 3. English text written here ("Security classification") is data of a
 * finding aid described in English, not user interface, and is not
 * translated. */

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

static const char *
field (Component   *cc,
       DocketField  f)
{
  const char *value = docket_record_get (cc->record, f);

  return value != NULL && value[0] != '\0' ? value : NULL;
}

static gboolean
has_text (const char *text)
{
  g_autofree char *clean = _docket_ead_clean_text (text);

  return clean != NULL;
}

static gboolean
is_ead3 (Component *cc)
{
  return _docket_ead_is_ead3 (cc->ctx);
}

static xmlNodePtr
el (Component  *cc,
    xmlNodePtr  parent,
    const char *name)
{
  return _docket_ead_el (cc->ctx, parent, name);
}

static xmlNodePtr
el_text (Component  *cc,
         xmlNodePtr  parent,
         const char *name,
         const char *text)
{
  return _docket_ead_el_text (cc->ctx, parent, name, text);
}

static xmlNodePtr
new_unlinked (Component  *cc,
              const char *name)
{
  return xmlNewDocNode (cc->ctx->doc, cc->ctx->ns, (const xmlChar *) name, NULL);
}

/* @localtype in EAD3, @type in EAD 2002. */
static void
set_localtype (Component  *cc,
               xmlNodePtr  node,
               const char *value)
{
  xmlSetProp (node, (const xmlChar *) (is_ead3 (cc) ? "localtype" : "type"),
              (const xmlChar *) value);
}

static void
set_source (Component  *cc,
            xmlNodePtr  node,
            const char *source,
            const char *authority_id)
{
  g_autofree char *clean = _docket_ead_clean_token (source);

  /* Authority ids are never invented: written only with the vocabulary
   * they come from. Unreconciled terms say source="local". */
  if (clean != NULL && _docket_ead_is_nmtoken (clean))
    {
      xmlSetProp (node, (const xmlChar *) "source", (const xmlChar *) clean);
      if (is_ead3 (cc))
        _docket_ead_attr_token (node, "identifier", authority_id);
      else
        _docket_ead_attr (node, "authfilenumber", authority_id);
    }
  else
    xmlSetProp (node, (const xmlChar *) "source", (const xmlChar *) "local");
}

static void
set_relator (Component  *cc,
             xmlNodePtr  node,
             const char *relator)
{
  static const char * const with_role[] = {
    "persname", "corpname", "famname", "name", "geogname", NULL
  };

  if (is_ead3 (cc))
    {
      _docket_ead_attr_token (node, "relator", relator);
      return;
    }
  /* EAD 2002 has @role on names and places only. */
  for (guint i = 0; with_role[i] != NULL; i++)
    if (xmlStrEqual (node->name, (const xmlChar *) with_role[i]))
      _docket_ead_attr (node, "role", relator);
}

static void
add_ref_target (Component  *cc,
                xmlNodePtr  node,
                const char *target)
{
  _docket_ead_xlink_simple (cc->ctx, node);
  xmlSetProp (node, (const xmlChar *) "target", (const xmlChar *) target);
}

/* An external link: EAD3 `ref href`, EAD 2002 `extref xlink:href`. */
static xmlNodePtr
add_href (Component  *cc,
          xmlNodePtr  parent,
          const char *url)
{
  xmlNodePtr ref;

  if (is_ead3 (cc))
    {
      ref = el (cc, parent, "ref");
      xmlSetProp (ref, (const xmlChar *) "href", (const xmlChar *) url);
    }
  else
    {
      ref = el (cc, parent, "extref");
      _docket_ead_xlink_simple (cc->ctx, ref);
      xmlSetNsProp (ref, cc->ctx->xlink, (const xmlChar *) "href", (const xmlChar *) url);
    }
  return ref;
}

/* did */

static void
add_identifiers (Component *cc)
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

static void
add_titles (Component *cc)
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

static gboolean
is_uncertain (const char *certainty)
{
  return g_strcmp0 (certainty, "approximate") == 0 ||
         g_strcmp0 (certainty, "inferred") == 0 ||
         g_strcmp0 (certainty, "questionable") == 0;
}

static void
add_date (Component *cc)
{
  g_autofree char *text = _docket_ead_clean_token (field (cc, DOCKET_FIELD_DATE_TEXT));
  g_autofree char *from = _docket_ead_normalize_date (field (cc, DOCKET_FIELD_DATE_FROM));
  g_autofree char *to = _docket_ead_normalize_date (field (cc, DOCKET_FIELD_DATE_TO));
  g_autofree char *certainty = g_ascii_strdown (field (cc, DOCKET_FIELD_DATE_CERTAINTY) ?: "", -1);
  gboolean uncertain;
  xmlNodePtr node;

  g_strstrip (certainty);
  uncertain = is_uncertain (certainty);
  if (g_strcmp0 (certainty, "undated") == 0)
    {
      g_clear_pointer (&from, g_free);
      g_clear_pointer (&to, g_free);
    }
  if (from != NULL && to != NULL)
    {
      int cmp = strcmp (from, to);

      /* A range that ends before it begins says nothing reliable. */
      if (cmp == 0)
        g_clear_pointer (&to, g_free);
      else if (cmp > 0)
        {
          g_clear_pointer (&from, g_free);
          g_clear_pointer (&to, g_free);
        }
    }

  if (!is_ead3 (cc))
    {
      g_autofree char *normal = NULL;

      if (from != NULL && to != NULL)
        normal = g_strconcat (from, "/", to, NULL);
      else if (from != NULL)
        normal = g_strdup (from);
      if (text == NULL && normal == NULL)
        return;
      node = el_text (cc, cc->did, "unitdate", text != NULL ? text : normal);
      xmlSetProp (node, (const xmlChar *) "datechar", (const xmlChar *) "creation");
      if (normal != NULL)
        xmlSetProp (node, (const xmlChar *) "normal", (const xmlChar *) normal);
      if (uncertain)
        xmlSetProp (node, (const xmlChar *) "certainty", (const xmlChar *) certainty);
      return;
    }

  if (from == NULL && to == NULL)
    {
      if (text != NULL)
        {
          node = el_text (cc, cc->did, "unitdate", text);
          xmlSetProp (node, (const xmlChar *) "datechar", (const xmlChar *) "creation");
        }
      return;
    }

  if (from != NULL && to != NULL && !uncertain)
    {
      xmlNodePtr range;

      /* An inclusive range: the expression in unitdate, the bounds in
       * unitdatestructured. */
      if (text != NULL)
        {
          node = el_text (cc, cc->did, "unitdate", text);
          xmlSetProp (node, (const xmlChar *) "datechar", (const xmlChar *) "creation");
        }
      node = el (cc, cc->did, "unitdatestructured");
      xmlSetProp (node, (const xmlChar *) "datechar", (const xmlChar *) "creation");
      range = el (cc, node, "daterange");
      node = el_text (cc, range, "fromdate", from);
      xmlSetProp (node, (const xmlChar *) "standarddate", (const xmlChar *) from);
      node = el_text (cc, range, "todate", to);
      xmlSetProp (node, (const xmlChar *) "standarddate", (const xmlChar *) to);
      return;
    }

  node = el (cc, cc->did, "unitdatestructured");
  xmlSetProp (node, (const xmlChar *) "datechar", (const xmlChar *) "creation");
  if (uncertain)
    xmlSetProp (node, (const xmlChar *) "certainty", (const xmlChar *) certainty);
  node = el_text (cc, node, "datesingle", text != NULL ? text : (from != NULL ? from : to));
  if (from != NULL && to != NULL)
    {
      /* An uncertain single date within a window (EAD-MAPPING.md § 1.2). */
      xmlSetProp (node, (const xmlChar *) "notbefore", (const xmlChar *) from);
      xmlSetProp (node, (const xmlChar *) "notafter", (const xmlChar *) to);
    }
  else if (from != NULL)
    xmlSetProp (node, (const xmlChar *) "standarddate", (const xmlChar *) from);
  else
    xmlSetProp (node, (const xmlChar *) "notafter", (const xmlChar *) to);
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

static void
add_physdesc (Component *cc)
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

/* A person or a body? FRUS senders are often offices ("Embassy in the
 * Soviet Union"); everything else is taken for a person. */
static const char *
agent_element (const DocketAgent *agent)
{
  static const char * const words[] = {
    "Department", "Embassy", "Office", "Mission", "Ministry", "Committee",
    "Council", "Agency", "Bureau", "Delegation", "Government", "Consulate",
    "Staff", "Command", "Board", "Commission", "Legation", NULL
  };

  for (guint i = 0; words[i] != NULL; i++)
    if (agent->name != NULL && strstr (agent->name, words[i]) != NULL)
      return "corpname";
  return "persname";
}

static xmlNodePtr
add_agent_name (Component         *cc,
                xmlNodePtr         parent,
                const DocketAgent *agent,
                const char        *relator)
{
  g_autofree char *name = _docket_ead_clean_token (agent->name);
  xmlNodePtr node;

  if (name == NULL)
    return NULL;
  node = el (cc, parent, agent_element (agent));
  if (is_ead3 (cc))
    el_text (cc, node, "part", name);
  else
    _docket_ead_text (node, name);
  set_relator (cc, node, relator);
  set_source (cc, node, agent->authority_source, agent->authority_id);
  return node;
}

static void
add_origination (Component *cc)
{
  GPtrArray *agents = docket_record_get_agents (cc->record);
  xmlNodePtr origination = NULL;

  for (guint i = 0; i < agents->len; i++)
    {
      DocketAgent *agent = g_ptr_array_index (agents, i);
      g_autofree char *name = _docket_ead_clean_token (agent->name);

      if (agent->role != DOCKET_AGENT_AUTHOR || name == NULL)
        continue;
      if (origination == NULL)
        {
          origination = el (cc, cc->did, "origination");
          xmlSetProp (origination, (const xmlChar *) "label", (const xmlChar *) "Creator");
        }
      add_agent_name (cc, origination, agent, "aut");
    }
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

/* Notes */

static xmlNodePtr
add_note (Component  *cc,
          const char *element,
          const char *localtype,
          const char *head,
          const char *text)
{
  xmlNodePtr note;

  if (!has_text (text))
    return NULL;
  note = el (cc, cc->c, element);
  if (localtype != NULL)
    set_localtype (cc, note, localtype);
  if (head != NULL)
    el_text (cc, note, "head", head);
  _docket_ead_paragraphs (cc->ctx, note, text);
  if (xmlLastElementChild (note) == NULL || xmlStrEqual (xmlLastElementChild (note)->name, (const xmlChar *) "head"))
    {
      xmlUnlinkNode (note);
      xmlFreeNode (note);
      return NULL;
    }
  return note;
}

static void
add_scope (Component *cc)
{
  GPtrArray *agents = docket_record_get_agents (cc->record);
  xmlNodePtr scope = NULL;

  if (has_text (field (cc, DOCKET_FIELD_SCOPE)))
    {
      scope = el (cc, cc->c, "scopecontent");
      _docket_ead_paragraphs (cc->ctx, scope, field (cc, DOCKET_FIELD_SCOPE));
    }
  if (is_ead3 (cc))
    return;

  /* EAD 2002 has no place for an agent's office other than prose
   * (EAD-MAPPING.md § 1.2): one sentence each in the scope note. */
  for (guint i = 0; i < agents->len; i++)
    {
      DocketAgent *agent = g_ptr_array_index (agents, i);
      g_autofree char *name = _docket_ead_clean_token (agent->name);
      g_autofree char *office = _docket_ead_clean_token (agent->office);
      g_autofree char *sentence = NULL;

      if (name == NULL || office == NULL || agent->role == DOCKET_AGENT_MENTIONED)
        continue;
      sentence = g_strdup_printf (agent->role == DOCKET_AGENT_AUTHOR
                                  ? "Office of %s at the time of writing: %s."
                                  : "Office of %s at the time of receipt: %s.",
                                  name, office);
      if (scope == NULL)
        scope = el (cc, cc->c, "scopecontent");
      el_text (cc, scope, "p", sentence);
    }
}

static void
add_source_note (Component *cc)
{
  GPtrArray *footnotes = docket_record_get_footnotes (cc->record);
  g_autofree char *text = _docket_ead_clean_token (field (cc, DOCKET_FIELD_SOURCE_TEXT));
  g_autofree char *repository = _docket_ead_clean_token (field (cc, DOCKET_FIELD_SOURCE_REPOSITORY));
  g_autofree char *collection = _docket_ead_clean_token (field (cc, DOCKET_FIELD_SOURCE_COLLECTION));
  DocketFootnote *source = NULL;
  g_autofree char *head = NULL;
  const char *id;
  xmlNodePtr note, p;
  const char *pos;

  for (guint i = 0; i < footnotes->len && source == NULL; i++)
    if (((DocketFootnote *) g_ptr_array_index (footnotes, i))->kind == DOCKET_FOOTNOTE_SOURCE)
      source = g_ptr_array_index (footnotes, i);
  if (text == NULL && source != NULL)
    text = _docket_ead_clean_token (source->text);
  if (text == NULL)
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      char *file = _docket_ead_clean_token (field (cc, DOCKET_FIELD_SOURCE_FILE));

      if (repository != NULL)
        g_ptr_array_add (parts, g_strdup (repository));
      if (collection != NULL)
        g_ptr_array_add (parts, g_strdup (collection));
      if (file != NULL)
        g_ptr_array_add (parts, file);
      if (parts->len == 0)
        return;
      g_ptr_array_add (parts, NULL);
      text = g_strjoinv (", ", (char **) parts->pdata);
    }

  note = el (cc, cc->c, "originalsloc");
  if (source != NULL && source->n != NULL && source->n[0] != '\0')
    {
      g_autofree char *suffix = g_strconcat ("fn", source->n, NULL);

      id = _docket_ead_ids_make (cc->ctx->ids, cc->cid, suffix);
    }
  else
    id = _docket_ead_ids_make (cc->ctx->ids, cc->cid, "-source");
  xmlSetProp (note, (const xmlChar *) "id", (const xmlChar *) id);
  if (source != NULL)
    g_hash_table_insert (cc->placed, source, (gpointer) id);
  set_localtype (cc, note, "source-note");
  head = source != NULL && source->n != NULL
         ? g_strdup_printf ("Location of original (FRUS source note %s)", source->n)
         : g_strdup ("Location of original");
  el_text (cc, note, "head", head);

  /* The note verbatim, with the repository and the collection tagged
   * where the text names them. */
  p = el (cc, note, "p");
  pos = text;
  if (repository != NULL && (pos = strstr (text, repository)) != NULL)
    {
      xmlNodePtr corp;

      _docket_ead_text_len (p, text, pos - text);
      corp = el (cc, p, "corpname");
      if (is_ead3 (cc))
        el_text (cc, corp, "part", repository);
      else
        _docket_ead_text (corp, repository);
      pos += strlen (repository);
    }
  else
    pos = text;
  if (collection != NULL)
    {
      const char *at = strstr (pos, collection);

      if (at != NULL)
        {
          xmlNodePtr title;

          _docket_ead_text_len (p, pos, at - pos);
          title = el (cc, p, "title");
          if (is_ead3 (cc))
            el_text (cc, title, "part", collection);
          else
            {
              _docket_ead_text (title, collection);
              xmlSetProp (title, (const xmlChar *) "render", (const xmlChar *) "italic");
            }
          pos = at + strlen (collection);
        }
    }
  _docket_ead_text (p, pos);
}

static void
add_classification (Component *cc)
{
  g_autofree char *level = _docket_ead_clean_token (field (cc, DOCKET_FIELD_CLASSIFICATION));
  g_autofree char *caveats = _docket_ead_clean_token (field (cc, DOCKET_FIELD_CAVEATS));
  g_autoptr(GString) text = g_string_new (NULL);

  if (level != NULL)
    g_string_append_printf (text, "Original security classification marking: %s.", level);
  if (caveats != NULL)
    g_string_append_printf (text, "%sHandling caveats: %s.", text->len > 0 ? " " : "", caveats);
  if (text->len > 0)
    add_note (cc, "accessrestrict", "classification", "Security classification", text->str);
  add_note (cc, "accessrestrict", "declassification", "Declassification",
            field (cc, DOCKET_FIELD_DECLASSIFICATION));
  add_note (cc, "accessrestrict", NULL, NULL, field (cc, DOCKET_FIELD_ACCESS_CONDITIONS));
  add_note (cc, "userestrict", NULL, NULL, field (cc, DOCKET_FIELD_USE_CONDITIONS));
}

/* EAD3: the office each author and recipient held, as a relation. */
static void
add_relations (Component *cc)
{
  GPtrArray *agents = docket_record_get_agents (cc->record);
  xmlNodePtr relations = NULL;

  if (!is_ead3 (cc))
    return;
  for (guint i = 0; i < agents->len; i++)
    {
      DocketAgent *agent = g_ptr_array_index (agents, i);
      g_autofree char *name = _docket_ead_clean_token (agent->name);
      g_autofree char *office = _docket_ead_clean_token (agent->office);
      g_autofree char *sentence = NULL;
      gboolean author = agent->role == DOCKET_AGENT_AUTHOR;
      xmlNodePtr relation;

      if (name == NULL || office == NULL || agent->role == DOCKET_AGENT_MENTIONED)
        continue;
      if (relations == NULL)
        relations = el (cc, cc->c, "relations");
      relation = el (cc, relations, "relation");
      xmlSetProp (relation, (const xmlChar *) "relationtype", (const xmlChar *) "cpfrelation");
      xmlSetProp (relation, (const xmlChar *) "arcrole",
                  (const xmlChar *) (author ? "http://id.loc.gov/vocabulary/relators/aut"
                                            : "http://id.loc.gov/vocabulary/relators/rcp"));
      el_text (cc, relation, "relationentry", name);
      sentence = g_strdup_printf (author ? "Office at the time of writing: %s."
                                         : "Office at the time of receipt: %s.", office);
      el_text (cc, el (cc, relation, "descriptivenote"), "p", sentence);
    }
}

/* Related material and bibliography entries for footnote links */

static const char *
add_archref (Component          *cc,
             DocketFootnoteLink *link)
{
  g_autofree char *repository = _docket_ead_clean_token (link->repository);
  g_autofree char *collection = _docket_ead_clean_token (link->collection);
  g_autofree char *file = _docket_ead_clean_token (link->file);
  g_autofree char *description = _docket_ead_clean_token (link->description);
  g_autofree char *suffix = g_strdup_printf ("-rel%u", ++cc->n_rel);
  const char *id = _docket_ead_ids_make (cc->ctx->ids, cc->cid, suffix);
  xmlNodePtr archref;
  gboolean any = FALSE;

  if (cc->relatedmaterial == NULL)
    {
      cc->relatedmaterial = new_unlinked (cc, "relatedmaterial");
      el_text (cc, cc->relatedmaterial, "head", "Archival materials cited in the annotation");
    }
  archref = el (cc, cc->relatedmaterial, "archref");
  xmlSetProp (archref, (const xmlChar *) "id", (const xmlChar *) id);

  if (repository != NULL)
    {
      if (is_ead3 (cc))
        el_text (cc, el (cc, archref, "corpname"), "part", repository);
      else
        _docket_ead_text (archref, repository);
      any = TRUE;
    }
  if (collection != NULL)
    {
      xmlNodePtr title;

      if (any)
        _docket_ead_text (archref, ", ");
      title = el (cc, archref, "title");
      if (is_ead3 (cc))
        el_text (cc, title, "part", collection);
      else
        {
          _docket_ead_text (title, collection);
          xmlSetProp (title, (const xmlChar *) "render", (const xmlChar *) "italic");
        }
      any = TRUE;
    }
  if (file != NULL)
    {
      if (any)
        _docket_ead_text (archref, ", ");
      _docket_ead_text (archref, file);
      any = TRUE;
    }
  if (any)
    _docket_ead_text (archref, ".");
  else
    _docket_ead_text (archref, description != NULL ? description : "Archival material");

  /* A catalogue address: EAD3 archref has no link attributes, so a ref
   * goes inside; EAD 2002 archref takes xlink:href. */
  if (_docket_ead_is_http_uri (link->target))
    {
      if (is_ead3 (cc))
        {
          _docket_ead_text (archref, " ");
          _docket_ead_text (add_href (cc, archref, link->target), link->target);
        }
      else
        {
          _docket_ead_xlink_simple (cc->ctx, archref);
          xmlSetNsProp (archref, cc->ctx->xlink, (const xmlChar *) "href", (const xmlChar *) link->target);
        }
    }
  return id;
}

static void
ensure_bibliography (Component *cc)
{
  if (cc->bibliography == NULL)
    {
      cc->bibliography = new_unlinked (cc, "bibliography");
      el_text (cc, cc->bibliography, "head", "Publication");
    }
}

static void
add_bib_title (Component  *cc,
               xmlNodePtr  bibref,
               const char *title)
{
  xmlNodePtr node = el (cc, bibref, "title");

  if (is_ead3 (cc))
    el_text (cc, node, "part", title);
  else
    {
      _docket_ead_text (node, title);
      xmlSetProp (node, (const xmlChar *) "render", (const xmlChar *) "italic");
    }
}

static void
add_bib_href (Component  *cc,
              xmlNodePtr  bibref,
              const char *url)
{
  if (!_docket_ead_is_http_uri (url))
    return;
  if (is_ead3 (cc))
    {
      xmlNodePtr ref;

      if (bibref->children != NULL)
        _docket_ead_text (bibref, " ");
      ref = add_href (cc, bibref, url);
      xmlSetProp (ref, (const xmlChar *) "show", (const xmlChar *) "new");
      xmlSetProp (ref, (const xmlChar *) "actuate", (const xmlChar *) "onrequest");
      _docket_ead_text (ref, url);
    }
  else
    {
      _docket_ead_xlink_simple (cc->ctx, bibref);
      xmlSetNsProp (bibref, cc->ctx->xlink, (const xmlChar *) "href", (const xmlChar *) url);
      if (bibref->children == NULL)
        _docket_ead_text (bibref, url);
    }
}

static const char *
add_published_bibref (Component          *cc,
                      DocketFootnoteLink *link)
{
  g_autofree char *title = _docket_ead_clean_token (link->title);
  g_autofree char *description = _docket_ead_clean_token (link->description);
  g_autofree char *suffix = g_strdup_printf ("-bib%u", ++cc->n_bib);
  const char *id = _docket_ead_ids_make (cc->ctx->ids, cc->cid, suffix);
  xmlNodePtr bibref;

  ensure_bibliography (cc);
  bibref = el (cc, cc->bibliography, "bibref");
  xmlSetProp (bibref, (const xmlChar *) "id", (const xmlChar *) id);
  if (title != NULL)
    add_bib_title (cc, bibref, title);
  if (description != NULL)
    {
      if (title != NULL)
        _docket_ead_text (bibref, ", ");
      _docket_ead_text (bibref, description);
    }
  if (title == NULL && description == NULL && !_docket_ead_is_http_uri (link->target))
    _docket_ead_text (bibref, "Published work");
  add_bib_href (cc, bibref, link->target);
  return id;
}

static void
add_publication (Component *cc)
{
  g_autofree char *publication = _docket_ead_clean_token (field (cc, DOCKET_FIELD_PUBLICATION));
  g_autofree char *number = _docket_ead_clean_token (field (cc, DOCKET_FIELD_NUMBER));
  g_autofree char *pages = _docket_ead_clean_token (field (cc, DOCKET_FIELD_PAGES));
  const char *url = field (cc, DOCKET_FIELD_URL);
  g_auto(GStrv) breaks = docket_record_dup_page_breaks (cc->record);
  xmlNodePtr bibref;

  if (publication == NULL && !_docket_ead_is_http_uri (url))
    return;
  ensure_bibliography (cc);
  bibref = el (cc, cc->bibliography, "bibref");
  /* Published first, like the seed: the publication precedes the works
   * the footnotes cite. */
  xmlUnlinkNode (bibref);
  if (xmlFirstElementChild (cc->bibliography)->next != NULL)
    xmlAddNextSibling (xmlFirstElementChild (cc->bibliography), bibref);
  else
    xmlAddChild (cc->bibliography, bibref);

  if (publication != NULL)
    {
      add_bib_title (cc, bibref, publication);
      if (number != NULL)
        {
          _docket_ead_text (bibref, ", Document ");
          _docket_ead_text (bibref, number);
        }
      if (pages != NULL)
        {
          _docket_ead_text (bibref, strpbrk (pages, "-–,") != NULL ? ", pages " : ", page ");
          _docket_ead_text (bibref, pages);
        }
      else if (breaks != NULL && breaks[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", breaks);

          _docket_ead_text (bibref, breaks[1] != NULL ? " (page breaks: " : " (page break: ");
          _docket_ead_text (bibref, joined);
          _docket_ead_text (bibref, ")");
        }
      _docket_ead_text (bibref, ".");
    }
  add_bib_href (cc, bibref, url);
}

/* Footnotes */

typedef struct
{
  DocketFootnoteLink *link;
  const char         *target; /* an id in this file, or NULL */
  const char         *href;   /* an http(s) address, or NULL */
  gsize               start;  /* byte span in the footnote text */
  gsize               end;
  gboolean            has_span;
} LinkSpan;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const LinkSpan *x = a;
  const LinkSpan *y = b;

  if (x->has_span != y->has_span)
    return x->has_span ? -1 : 1;
  return x->start < y->start ? -1 : x->start > y->start;
}

static void
resolve_link (Component          *cc,
              DocketFootnoteLink *link,
              LinkSpan           *span)
{
  span->link = link;
  switch (link->kind)
    {
    case DOCKET_LINK_RECORD:
      /* Only records in this finding aid can be targets; others stay text. */
      span->target = link->target != NULL
                     ? g_hash_table_lookup (cc->ctx->record_cids, link->target) : NULL;
      break;
    case DOCKET_LINK_ARCHIVAL:
      span->target = add_archref (cc, link);
      break;
    case DOCKET_LINK_PUBLISHED:
      span->target = add_published_bibref (cc, link);
      break;
    case DOCKET_LINK_URL:
    default:
      span->href = _docket_ead_is_http_uri (link->target) ? link->target : NULL;
      break;
    }
}

static xmlNodePtr
add_link_element (Component  *cc,
                  xmlNodePtr  parent,
                  LinkSpan   *span)
{
  xmlNodePtr ref;

  if (span->target != NULL)
    {
      ref = el (cc, parent, "ref");
      add_ref_target (cc, ref, span->target);
      return ref;
    }
  if (span->href != NULL)
    return add_href (cc, parent, span->href);
  return NULL;
}

static void
write_footnote_text (Component      *cc,
                     xmlNodePtr      p,
                     DocketFootnote *fn)
{
  g_autofree char *text = _docket_ead_clean_text (fn->text);
  g_autoptr(GArray) spans = g_array_new (FALSE, TRUE, sizeof (LinkSpan));
  glong n_chars = text != NULL ? g_utf8_strlen (text, -1) : 0;
  gsize pos = 0;
  /* Character offsets to bytes, walking on from the last one converted
   * (spans come in order). */
  glong cursor_chars = 0;
  const char *cursor = text;

  for (guint i = 0; fn->links != NULL && i < fn->links->len; i++)
    {
      DocketFootnoteLink *link = g_ptr_array_index (fn->links, i);
      LinkSpan span = { 0 };

      resolve_link (cc, link, &span);
      if (text != NULL && link->span_start >= 0 && link->span_end > link->span_start &&
          link->span_end <= n_chars)
        {
          span.has_span = TRUE;
          if (link->span_start < cursor_chars)
            {
              cursor = text;
              cursor_chars = 0;
            }
          cursor = g_utf8_offset_to_pointer (cursor, link->span_start - cursor_chars);
          cursor_chars = link->span_start;
          span.start = cursor - text;
          cursor = g_utf8_offset_to_pointer (cursor, link->span_end - cursor_chars);
          cursor_chars = link->span_end;
          span.end = cursor - text;
        }
      g_array_append_val (spans, span);
    }
  g_array_sort (spans, compare_spans);

  for (guint i = 0; i < spans->len; i++)
    {
      LinkSpan *span = &g_array_index (spans, LinkSpan, i);
      xmlNodePtr ref;

      if (!span->has_span || span->start < pos)
        {
          /* Unspanned or overlapping: a pointer after the text (below). */
          span->has_span = FALSE;
          continue;
        }
      _docket_ead_text_len (p, text + pos, span->start - pos);
      ref = add_link_element (cc, p, span);
      _docket_ead_text_len (ref != NULL ? ref : p, text + span->start, span->end - span->start);
      pos = span->end;
    }
  if (text != NULL)
    _docket_ead_text (p, text + pos);

  for (guint i = 0; i < spans->len; i++)
    {
      LinkSpan *span = &g_array_index (spans, LinkSpan, i);
      xmlNodePtr ptr;

      if (span->has_span)
        continue;
      if (span->target != NULL)
        {
          ptr = el (cc, p, "ptr");
          add_ref_target (cc, ptr, span->target);
        }
      else if (span->href != NULL)
        {
          _docket_ead_text (p, " ");
          _docket_ead_text (add_href (cc, p, span->href), span->href);
        }
    }
}

/* The footnote element at its marker: EAD3 `footnote`, EAD 2002 `note`. A
 * footnote anchored twice gets a pointer to its first place. */
static void
add_footnote (Component      *cc,
              xmlNodePtr      parent,
              DocketFootnote *fn)
{
  const char *id = g_hash_table_lookup (cc->placed, fn);
  g_autofree char *suffix = NULL;
  xmlNodePtr note;

  if (id != NULL)
    {
      xmlNodePtr ptr = el (cc, parent, "ptr");

      add_ref_target (cc, ptr, id);
      return;
    }

  suffix = g_strconcat ("fn", fn->n != NULL && fn->n[0] != '\0' ? fn->n : "", NULL);
  id = _docket_ead_ids_make (cc->ctx->ids, cc->cid, suffix);
  g_hash_table_insert (cc->placed, fn, (gpointer) id);

  note = el (cc, parent, is_ead3 (cc) ? "footnote" : "note");
  xmlSetProp (note, (const xmlChar *) "id", (const xmlChar *) id);
  set_localtype (cc, note, docket_footnote_kind_to_string (fn->kind));
  if (!is_ead3 (cc))
    _docket_ead_attr (note, "label", fn->n);
  write_footnote_text (cc, el (cc, note, "p"), fn);
}

static int
compare_anchors (gconstpointer a,
                 gconstpointer b)
{
  const DocketAnchor *x = *(DocketAnchor * const *) a;
  const DocketAnchor *y = *(DocketAnchor * const *) b;

  return x->offset < y->offset ? -1 : x->offset > y->offset;
}

static gsize
trim_end (const char *text,
          gsize       start,
          gsize       end)
{
  while (end > start && g_ascii_isspace (text[end - 1]))
    end--;
  return end;
}

/* A block's text with its footnotes at their markers, nothing between the
 * text and the marker. */
static void
write_block (Component   *cc,
             xmlNodePtr   p,
             DocketBlock *block)
{
  const char *text = block->text != NULL ? block->text : "";
  gsize len = strlen (text);
  gsize pos = 0;
  g_autoptr(GPtrArray) anchors = g_ptr_array_new ();

  for (guint i = 0; block->anchors != NULL && i < block->anchors->len; i++)
    g_ptr_array_add (anchors, g_ptr_array_index (block->anchors, i));
  g_ptr_array_sort (anchors, compare_anchors);

  for (guint i = 0; i < anchors->len; i++)
    {
      DocketAnchor *anchor = g_ptr_array_index (anchors, i);
      DocketFootnote *fn;
      gsize offset;

      if (anchor->kind != DOCKET_ANCHOR_FOOTNOTE || anchor->ref == NULL)
        continue;
      fn = docket_record_find_footnote (cc->record, anchor->ref);
      if (fn == NULL || fn->kind == DOCKET_FOOTNOTE_SOURCE)
        continue;
      offset = CLAMP (anchor->offset, pos, len);
      while (offset > pos && ((guchar) text[offset] & 0xC0) == 0x80)
        offset--;
      _docket_ead_text_len (p, text + pos, trim_end (text, pos, offset) - pos);
      add_footnote (cc, p, fn);
      pos = offset;
    }
  _docket_ead_text_len (p, text + pos, len - pos);
}

static void
add_transcript (Component *cc)
{
  GPtrArray *body = docket_record_get_body (cc->record);
  GPtrArray *footnotes = docket_record_get_footnotes (cc->record);
  xmlNodePtr odd = new_unlinked (cc, "odd");
  gboolean any = FALSE;

  set_localtype (cc, odd, "frus-text-excerpt");
  el_text (cc, odd, "head", "Text, FRUS edition (annotation markers in place)");

  for (guint i = 0; i < body->len; i++)
    {
      DocketBlock *block = g_ptr_array_index (body, i);
      xmlNodePtr p;

      /* The heading and the subject line are titles of the item and page
       * breaks are in the citation; the source note is in originalsloc. */
      if (block->kind == DOCKET_BLOCK_HEADING || block->kind == DOCKET_BLOCK_SUBJECT ||
          block->kind == DOCKET_BLOCK_PAGE_BREAK || block->kind == DOCKET_BLOCK_SOURCE)
        continue;
      p = el (cc, odd, "p");
      write_block (cc, p, block);
      if (p->children == NULL)
        {
          xmlUnlinkNode (p);
          xmlFreeNode (p);
        }
      else
        any = TRUE;
    }

  /* Footnotes whose marker is not in an exported block (or nowhere) still
   * belong to the description: each in a paragraph of its own. */
  for (guint i = 0; i < footnotes->len; i++)
    {
      DocketFootnote *fn = g_ptr_array_index (footnotes, i);

      if (fn->kind == DOCKET_FOOTNOTE_SOURCE || g_hash_table_contains (cc->placed, fn))
        continue;
      add_footnote (cc, el (cc, odd, "p"), fn);
      any = TRUE;
    }

  if (any)
    xmlAddChild (cc->c, odd);
  else
    xmlFreeNode (odd);
}

/* controlaccess */

static gboolean
claim_term (Component  *cc,
            const char *element,
            const char *term)
{
  g_autofree char *clean = _docket_ead_clean_token (term);
  g_autofree char *folded = NULL;
  char *key;

  if (clean == NULL)
    return FALSE;
  folded = g_utf8_casefold (clean, -1);
  key = g_strconcat (element, "\x1f", folded, NULL);
  if (g_hash_table_contains (cc->terms, key))
    {
      g_free (key);
      return FALSE;
    }
  g_hash_table_add (cc->terms, key);
  return TRUE;
}

static const char *
access_point_element (DocketAccessPointKind kind)
{
  switch (kind)
    {
    case DOCKET_ACCESS_POINT_PERSON: return "persname";
    case DOCKET_ACCESS_POINT_CORPORATE: return "corpname";
    case DOCKET_ACCESS_POINT_FAMILY: return "famname";
    case DOCKET_ACCESS_POINT_PLACE: return "geogname";
    case DOCKET_ACCESS_POINT_GENRE: return "genreform";
    case DOCKET_ACCESS_POINT_FUNCTION: return "function";
    case DOCKET_ACCESS_POINT_OCCUPATION: return "occupation";
    case DOCKET_ACCESS_POINT_TITLE: return "title";
    case DOCKET_ACCESS_POINT_SUBJECT:
    default:
      return "subject";
    }
}

static void
set_place_role (Component  *cc,
                xmlNodePtr  node)
{
  if (is_ead3 (cc))
    xmlSetProp (node, (const xmlChar *) "localtype", (const xmlChar *) "place-of-writing");
  else
    xmlSetProp (node, (const xmlChar *) "role", (const xmlChar *) "place of writing");
}

/* The AAT form of the document types Docket derives from FRUS headings. */
static const char *
aat_genre (const char *type)
{
  static const struct { const char *type, *aat; } genres[] = {
    { "memorandum", "memorandums" }, { "telegram", "telegrams" },
    { "letter", "letters (correspondence)" }, { "report", "reports" },
    { "minutes", "minutes (administrative records)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (genres); i++)
    if (g_ascii_strcasecmp (type, genres[i].type) == 0)
      return genres[i].aat;
  return NULL;
}

static void
add_controlaccess (Component *cc)
{
  GPtrArray *points = docket_record_get_access_points (cc->record);
  GPtrArray *agents = docket_record_get_agents (cc->record);
  xmlNodePtr ca = new_unlinked (cc, "controlaccess");
  g_autofree char *type = _docket_ead_clean_token (field (cc, DOCKET_FIELD_TYPE));
  g_autofree char *place = _docket_ead_clean_token (field (cc, DOCKET_FIELD_PLACE));
  xmlNodePtr node;

  /* The record's own access points first: they may carry authority ids. */
  for (guint i = 0; i < points->len; i++)
    {
      DocketAccessPoint *point = g_ptr_array_index (points, i);
      const char *element = access_point_element (point->kind);
      g_autofree char *role = _docket_ead_clean_token (point->role);

      if (!claim_term (cc, element, point->term))
        continue;
      node = _docket_ead_access_term (cc->ctx, ca, element, point->term);
      if (node == NULL)
        continue;
      if (point->kind == DOCKET_ACCESS_POINT_PLACE && role != NULL &&
          g_ascii_strcasecmp (role, "place of writing") == 0)
        set_place_role (cc, node);
      else
        set_relator (cc, node, role);
      set_source (cc, node, point->source, point->authority_id);
    }

  for (guint i = 0; i < agents->len; i++)
    {
      DocketAgent *agent = g_ptr_array_index (agents, i);

      if (agent->role == DOCKET_AGENT_AUTHOR ||
          !claim_term (cc, agent_element (agent), agent->name))
        continue;
      add_agent_name (cc, ca, agent, agent->role == DOCKET_AGENT_RECIPIENT ? "rcp" : NULL);
    }

  if (place != NULL && claim_term (cc, "geogname", place))
    {
      node = _docket_ead_access_term (cc->ctx, ca, "geogname", place);
      set_place_role (cc, node);
      xmlSetProp (node, (const xmlChar *) "source", (const xmlChar *) "local");
    }

  if (type != NULL)
    {
      const char *aat = aat_genre (type);

      if (claim_term (cc, "genreform", aat != NULL ? aat : type))
        {
          node = _docket_ead_access_term (cc->ctx, ca, "genreform", aat != NULL ? aat : type);
          xmlSetProp (node, (const xmlChar *) "source", (const xmlChar *) (aat != NULL ? "aat" : "local"));
        }
    }

  if (ca->children != NULL)
    xmlAddChild (cc->c, ca);
  else
    xmlFreeNode (ca);
}

static const char * const levels[] = {
  "collection", "fonds", "class", "recordgrp", "series", "subfonds",
  "subgrp", "subseries", "file", "item", NULL
};

void
_docket_ead_set_level (xmlNodePtr  node,
                       const char *level,
                       const char *otherlevel)
{
  g_autofree char *clean = _docket_ead_clean_token (level);

  if (clean == NULL)
    clean = g_strdup ("item");
  for (guint i = 0; levels[i] != NULL; i++)
    if (strcmp (levels[i], clean) == 0)
      {
        xmlSetProp (node, (const xmlChar *) "level", (const xmlChar *) clean);
        return;
      }
  /* Any other name is an otherlevel ("chapter", "subfile"). */
  xmlSetProp (node, (const xmlChar *) "level", (const xmlChar *) "otherlevel");
  {
    /* EAD 2002 types @otherlevel as NMTOKEN: "sub file" → "sub_file". */
    g_autofree char *token = _docket_ead_to_nmtoken (g_strcmp0 (clean, "otherlevel") == 0 && otherlevel != NULL
                                                     ? otherlevel : clean);

    if (token != NULL)
      xmlSetProp (node, (const xmlChar *) "otherlevel", (const xmlChar *) token);
  }
}

/* Removes the elements Docket wrote only as defaults (node->_private set
 * to @mark) where a kept element of the same name came back from an import. */
void
_docket_ead_yield_defaults (xmlNodePtr  parent,
                            gpointer    mark)
{
  xmlNodePtr child, next;

  for (child = parent->children; child != NULL; child = next)
    {
      next = child->next;
      if (child->type != XML_ELEMENT_NODE || child->_private != mark)
        continue;
      for (xmlNodePtr other = parent->children; other != NULL; other = other->next)
        {
          gboolean same = xmlStrEqual (other->name, child->name) ||
                          (g_str_has_prefix ((const char *) other->name, "physdesc") &&
                           g_str_has_prefix ((const char *) child->name, "physdesc"));

          if (other->type == XML_ELEMENT_NODE && same &&
              other->_private == (gpointer) &_docket_ead_add_extra_xml)
            {
              xmlUnlinkNode (child);
              xmlFreeNode (child);
              break;
            }
        }
    }
}

xmlNodePtr
_docket_ead_build_component (DocketEadContext *ctx,
                             xmlNodePtr        parent,
                             DocketRecord     *record,
                             const char       *cid)
{
  Component cc = { 0 };

  cc.ctx = ctx;
  cc.record = record;
  cc.cid = cid;
  cc.placed = g_hash_table_new (NULL, NULL);
  cc.terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  cc.c = _docket_ead_el (ctx, parent, "c");
  _docket_ead_set_level (cc.c, docket_record_get (record, DOCKET_FIELD_LEVEL), NULL);
  xmlSetProp (cc.c, (const xmlChar *) "id", (const xmlChar *) cid);

  cc.did = el (&cc, cc.c, "did");
  add_identifiers (&cc);
  add_titles (&cc);
  add_date (&cc);
  add_physdesc (&cc);
  add_origination (&cc);
  _docket_ead_add_languages (ctx, cc.did, field (&cc, DOCKET_FIELD_LANGUAGE));

  add_scope (&cc);
  add_source_note (&cc);
  add_classification (&cc);
  add_relations (&cc);
  add_transcript (&cc);
  if (cc.relatedmaterial != NULL)
    xmlAddChild (cc.c, cc.relatedmaterial);
  add_publication (&cc);
  if (cc.bibliography != NULL)
    xmlAddChild (cc.c, cc.bibliography);
  add_controlaccess (&cc);

  _docket_ead_add_extra_xml (ctx, cc.c, cc.did, docket_record_get_extra_xml (record),
                             docket_record_get_id (record) != NULL ? docket_record_get_id (record) : cid);
  _docket_ead_yield_defaults (cc.did, DOCKET_EAD_DEFAULT);

  g_hash_table_unref (cc.placed);
  g_hash_table_unref (cc.terms);
  return cc.c;
}
