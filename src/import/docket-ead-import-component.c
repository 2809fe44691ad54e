/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-ead-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "docket-ead-import-private.h"
#include "docket-source-note.h"

/* @prefix, @sep and @n in decimal: what g_strdup_printf ("%s%s%u") gives,
 * for a fraction of its cost (it is called for every component of a file
 * without ids). */
static char *
join_number (const char *prefix,
             const char *sep,
             guint       n)
{
  char digits[16];
  char *p = digits + sizeof digits;

  *--p = '\0';
  do
    *--p = (char) ('0' + n % 10);
  while ((n /= 10) > 0);
  return g_strconcat (prefix, sep, p, NULL);
}

/* A unique, non-empty id for the record. A unitid Docket wrote as the
 * record id (record-id, frus-document-id) is the id as it was in the
 * catalog. Otherwise the id is scoped by the collection, because c/@id is
 * only unique within one finding aid (ArchivesSpace and the Archivists'
 * Toolkit number every file "ref1", "ref2"…): the collection id with the
 * c/@id, unless that already starts with it; the collection id with the
 * unitid; or the collection id with the component's place in the file.
 * The ids are the same on every import of the file, so that a second
 * import finds the same records. */
static void
assign_id (DocketEadiImport *self,
           DocketRecord     *record,
           const char       *raw_id)
{
  g_autofree char *base = NULL;
  g_autofree char *numbered = NULL;
  const char *id;

  if (!_docket_eadi_field_is_empty (record, DOCKET_FIELD_ID))
    base = g_strdup (docket_record_get_id (record));
  if (base == NULL && raw_id != NULL)
    {
      g_autofree char *cid = _docket_eadi_make_ncname (raw_id);

      if (cid != NULL && g_str_has_prefix (cid, self->id_prefix) && strlen (cid) > strlen (self->id_prefix))
        base = g_steal_pointer (&cid);
      else if (cid != NULL)
        {
          g_autofree char *joined = g_strconcat (self->id_prefix, "-", cid, NULL);

          base = _docket_eadi_make_ncname (joined);
        }
    }
  if (base == NULL && !_docket_eadi_field_is_empty (record, DOCKET_FIELD_NUMBER))
    {
      g_autofree char *joined = g_strconcat (self->id_prefix, "-",
                                             docket_record_get (record, DOCKET_FIELD_NUMBER), NULL);
      base = _docket_eadi_make_ncname (joined);
    }
  if (base == NULL)
    base = join_number (self->id_prefix, "-c", self->n_done + 1);

  id = base;
  for (guint n = 2; g_hash_table_contains (self->ids, id); n++)
    {
      g_free (numbered);
      numbered = join_number (base, "-", n);
      id = numbered;
    }
  g_hash_table_add (self->ids, g_strdup (id));
  docket_record_set_id (record, id);
}

static char *
level_of (xmlNodePtr c)
{
  g_autofree char *level = _docket_eadi_attr (c, "level");

  if (g_strcmp0 (level, "otherlevel") == 0)
    {
      char *other = _docket_eadi_attr (c, "otherlevel");

      if (other != NULL)
        return other;
    }
  return g_steal_pointer (&level);
}

/* A FRUS source note ("Source: … Top Secret.") is parsed into repository,
 * collection, file, classification and caveats, where the component did
 * not say them already in their own elements. */
static void
apply_source_note (DocketRecord *record,
                   const char   *localtype)
{
  static const DocketField fields[] = {
    DOCKET_FIELD_SOURCE_REPOSITORY, DOCKET_FIELD_SOURCE_COLLECTION, DOCKET_FIELD_SOURCE_FILE,
    DOCKET_FIELD_CLASSIFICATION, DOCKET_FIELD_CAVEATS, DOCKET_FIELD_DECLASSIFICATION,
  };
  const char *text = docket_record_get (record, DOCKET_FIELD_SOURCE_TEXT);
  g_autoptr(DocketSourceNote) note = NULL;
  g_autoptr(DocketRecord) scratch = NULL;

  if (text == NULL ||
      (g_strcmp0 (localtype, "source-note") != 0 && !g_str_has_prefix (text, "Source:")))
    return;

  note = docket_source_note_parse (text);
  if (note == NULL)
    return;
  scratch = docket_record_new ();
  docket_source_note_apply (note, scratch);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (_docket_eadi_field_is_empty (record, fields[i]))
      docket_record_set (record, fields[i], docket_record_get (scratch, fields[i]));
}

static gboolean
is_used_archref (xmlNodePtr child,
                 gpointer   data)
{
  GHashTable *used = data;
  g_autofree char *id = NULL;

  if (used == NULL || !_docket_eadi_is (child, "archref"))
    return FALSE;
  id = _docket_eadi_attr (child, "id");
  return id != NULL && g_hash_table_contains (used, id);
}

static void
report_progress (DocketEadiImport *self)
{
  self->n_done++;
  if (self->progress != NULL)
    self->progress (self->n_done, self->n_components, self->user_data);
}

/**
 * _docket_eadi_read_component:
 * @c: a component, with its attributes
 * @own: (element-type xmlNode): the elements of @c that are not components,
 *   in order, each whole
 * @parent_path: (nullable): the ids of the enclosing components
 * @out_path: (out): the path of the components inside @c
 *
 * Adds the record for @c to the result, from @own alone: the components
 * inside @c may not be parsed yet.
 *
 * Returns: %FALSE with @error set if the import was cancelled
 */
gboolean
_docket_eadi_read_component (DocketEadiImport  *self,
                             xmlNodePtr         c,
                             GPtrArray         *own,
                             const char        *parent_path,
                             char             **out_path,
                             GError           **error)
{
  g_autoptr(DocketRecord) record = NULL;
  g_autoptr(DocketEadiExtra) extra = NULL;
  g_autoptr(GHashTable) archrefs = NULL;
  g_autoptr(GHashTable) used = NULL;
  g_autoptr(GPtrArray) deferred = NULL;
  g_autofree char *raw_id = NULL;
  g_autofree char *source_localtype = NULL;
  xmlNodePtr did;

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_set_error (error, DOCKET_IMPORT_ERROR, DOCKET_IMPORT_ERROR_CANCELLED,
                   _("%s: the import was cancelled"), self->display_name);
      return FALSE;
    }

  record = docket_record_new ();
  /* One component's extra at a time: it is handed back before the
   * components inside this one are read. */
  extra = self->spare_extra != NULL ? g_steal_pointer (&self->spare_extra)
                                    : _docket_eadi_extra_new (self->ead3);
  deferred = g_ptr_array_new ();
  /* archrefs and used are made below, when there is an archref or an
   * excerpt: few components have either. */

  raw_id = _docket_eadi_attr (c, "id");
  docket_record_take (record, DOCKET_FIELD_LEVEL, level_of (c));

  /* The did first: the id may come from its unitid, and footnote ids from
   * the record id. */
  did = _docket_eadi_find_element (own, "did");
  if (did != NULL)
    _docket_eadi_read_did (self, record, did, extra);
  assign_id (self, record, raw_id);
  if (raw_id != NULL)
    {
      g_hash_table_insert (self->element_ids, g_strdup (raw_id),
                           g_strdup (docket_record_get_id (record)));
      /* The export writes the component back with the id it had. */
      if (g_strcmp0 (raw_id, docket_record_get_id (record)) != 0)
        _docket_eadi_extra_set_component_id (extra, raw_id);
    }

  for (guint i = 0; i < own->len; i++)
    if (_docket_eadi_is (g_ptr_array_index (own, i), "relatedmaterial"))
      for (xmlNodePtr inner = ((xmlNodePtr) g_ptr_array_index (own, i))->children; inner != NULL; inner = inner->next)
        if (_docket_eadi_is (inner, "archref"))
          {
            char *id = _docket_eadi_attr (inner, "id");

            if (id == NULL)
              continue;
            if (archrefs == NULL)
              archrefs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
            g_hash_table_insert (archrefs, id, inner);
          }

  for (guint i = 0; i < own->len; i++)
    {
      xmlNodePtr child = g_ptr_array_index (own, i);

      if (child == did)
        continue;

      if (_docket_eadi_is (child, "controlaccess"))
        _docket_eadi_read_controlaccess (record, child, extra);
      else if (_docket_eadi_is_excerpt (child) && docket_record_get_body (record)->len == 0)
        {
          if (archrefs == NULL)
            archrefs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          if (used == NULL)
            used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          _docket_eadi_read_excerpt (self, record, child, archrefs, used);
        }
      else if (_docket_eadi_is (child, "relations") || _docket_eadi_is (child, "relatedmaterial"))
        g_ptr_array_add (deferred, child);
      else if (_docket_eadi_is (child, "head"))
        continue;
      else if (_docket_eadi_read_note (self, record, child))
        {
          if (_docket_eadi_is (child, "originalsloc"))
            source_localtype = _docket_eadi_localtype (child);
        }
      else
        _docket_eadi_extra_add (extra, DOCKET_EADI_EXTRA_DESC, child);
    }

  /* Offices need the agents, archival citations the footnotes. */
  for (guint i = 0; i < deferred->len; i++)
    {
      xmlNodePtr child = g_ptr_array_index (deferred, i);

      if (_docket_eadi_is (child, "relations"))
        {
          if (!_docket_eadi_read_relations (record, child))
            _docket_eadi_extra_add (extra, DOCKET_EADI_EXTRA_DESC, child);
        }
      else
        _docket_eadi_extra_add_except (extra, DOCKET_EADI_EXTRA_DESC, child, is_used_archref, used);
    }

  apply_source_note (record, source_localtype);

  docket_record_set (record, DOCKET_FIELD_COLLECTION, self->result->collection->id);
  docket_record_set (record, DOCKET_FIELD_PARENT_PATH, parent_path);
  docket_record_set_extra_xml (record, _docket_eadi_extra_text (extra));
  self->result->n_unmapped += _docket_eadi_extra_count (extra);
  _docket_eadi_extra_reset (extra);
  self->spare_extra = g_steal_pointer (&extra);

  /* The children's path is taken before the record is reported: from
   * then on it may be the storing thread's, which gives it its final id. */
  *out_path = parent_path != NULL ? g_strconcat (parent_path, "/", docket_record_get_id (record), NULL)
                                  : g_strdup (docket_record_get_id (record));
  g_ptr_array_add (self->result->records, g_object_ref (record));
  report_progress (self);
  return TRUE;
}

/**
 * _docket_eadi_begin_components:
 *
 * Before the first component is read: record ids are made from the
 * collection's, and progress starts at 0 of @self->n_components.
 */
void
_docket_eadi_begin_components (DocketEadiImport *self)
{
  g_free (self->id_prefix);
  self->id_prefix = _docket_eadi_make_ncname (self->result->collection->id);
  if (self->id_prefix == NULL)
    self->id_prefix = g_strdup ("ead");
  if (self->progress != NULL)
    self->progress (0, self->n_components, self->user_data);
}

/* The elements of @c, a component read whole, that are not components,
 * in order. */
static GPtrArray *
own_elements (xmlNodePtr c)
{
  GPtrArray *own = g_ptr_array_new ();

  for (xmlNodePtr child = c->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && !_docket_eadi_is_component (child))
      g_ptr_array_add (own, child);
  return own;
}

static gboolean
read_component (DocketEadiImport *self,
                xmlNodePtr        c,
                const char       *parent_path,
                GError          **error)
{
  g_autoptr(GPtrArray) own = own_elements (c);
  g_autofree char *path = NULL;

  if (!_docket_eadi_read_component (self, c, own, parent_path, &path, error))
    return FALSE;
  return _docket_eadi_read_components (self, c, path, error);
}

/**
 * _docket_eadi_read_components:
 * @parent: a <dsc> or a component
 * @parent_path: (nullable): the ids of the enclosing components, '/'-separated
 *
 * Every component (c, c01–c12) becomes a record, in document order:
 * series and files with their level, so that they keep their place, and
 * the items inside them with the path to it.
 */
gboolean
_docket_eadi_read_components (DocketEadiImport *self,
                              xmlNodePtr        parent,
                              const char       *parent_path,
                              GError          **error)
{
  gboolean ok = TRUE;

  for (xmlNodePtr child = parent->children; child != NULL && ok; child = child->next)
    if (_docket_eadi_is_component (child))
      ok = read_component (self, child, parent_path, error);
  return ok;
}
