/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead"

#include "config.h"

#include <string.h>

#include "docket-ead-component-private.h"

/* Notes */

static gboolean
has_text (const char *text)
{
  g_autofree char *clean = _docket_ead_clean_text (text);

  return clean != NULL;
}

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

void
_docket_ead_add_scope (Component *cc)
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

void
_docket_ead_add_source_note (Component *cc)
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
      _docket_ead_text_len (p, text, pos - text);
      _docket_ead_name_el (cc->ctx, p, "corpname", repository);
      pos += strlen (repository);
    }
  else
    pos = text;
  if (collection != NULL)
    {
      const char *at = strstr (pos, collection);

      if (at != NULL)
        {
          _docket_ead_text_len (p, pos, at - pos);
          _docket_ead_title_el (cc->ctx, p, collection);
          pos = at + strlen (collection);
        }
    }
  _docket_ead_text (p, pos);
}

void
_docket_ead_add_classification (Component *cc)
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
