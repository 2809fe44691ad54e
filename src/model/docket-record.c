/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-record"

#include "config.h"

#include "docket-record.h"

struct _DocketRecord
{
  GObject    parent_instance;

  char      *fields[DOCKET_N_FIELDS];
  gint64     version;
  gint64     position;
  gboolean   provisional_id;

  GPtrArray *agents;
  GPtrArray *access_points;
  GPtrArray *body;
  GPtrArray *footnotes;

  char      *extra_xml;
};

G_DEFINE_FINAL_TYPE (DocketRecord, docket_record, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The ::changed details, looked up once: readers set thousands of fields
 * and each g_quark_from_string() takes a global lock and a hash lookup. */
static GQuark field_quarks[DOCKET_N_FIELDS];
static GQuark quark_agents;
static GQuark quark_access_points;
static GQuark quark_body;
static GQuark quark_footnotes;
static GQuark quark_extra_xml;

static void
emit_changed (DocketRecord *self,
              GQuark        detail,
              const char   *what)
{
  g_signal_emit (self, signals[CHANGED], detail, what);
}

static void
docket_record_finalize (GObject *object)
{
  DocketRecord *self = DOCKET_RECORD (object);

  for (guint i = 0; i < DOCKET_N_FIELDS; i++)
    g_free (self->fields[i]);
  g_clear_pointer (&self->agents, g_ptr_array_unref);
  g_clear_pointer (&self->access_points, g_ptr_array_unref);
  g_clear_pointer (&self->body, g_ptr_array_unref);
  g_clear_pointer (&self->footnotes, g_ptr_array_unref);
  g_free (self->extra_xml);

  G_OBJECT_CLASS (docket_record_parent_class)->finalize (object);
}

static void
docket_record_class_init (DocketRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = docket_record_finalize;

  /**
   * DocketRecord::changed:
   * @what: the field key ("subject", "date.from") or list name ("footnotes")
   *
   * Emitted after a field or list changed, with @what as the detail too.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  for (guint i = 0; i < DOCKET_N_FIELDS; i++)
    field_quarks[i] = g_quark_from_static_string (docket_field_get_key (i));
  quark_agents = g_quark_from_static_string ("agents");
  quark_access_points = g_quark_from_static_string ("access_points");
  quark_body = g_quark_from_static_string ("body");
  quark_footnotes = g_quark_from_static_string ("footnotes");
  quark_extra_xml = g_quark_from_static_string ("extra_xml");
}

static void
docket_record_init (DocketRecord *self)
{
  self->agents = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_agent_free);
  self->access_points = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_access_point_free);
  self->body = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_block_free);
  self->footnotes = g_ptr_array_new_with_free_func ((GDestroyNotify) docket_footnote_free);
}

/**
 * docket_record_new:
 *
 * Returns: (transfer full): an empty record
 */
DocketRecord *
docket_record_new (void)
{
  return g_object_new (DOCKET_TYPE_RECORD, NULL);
}

static GPtrArray *
copy_array (GPtrArray      *array,
            GBoxedCopyFunc  copy,
            GDestroyNotify  free_func)
{
  GPtrArray *out = g_ptr_array_new_full (array->len, free_func);

  for (guint i = 0; i < array->len; i++)
    g_ptr_array_add (out, copy (g_ptr_array_index (array, i)));
  return out;
}

/**
 * docket_record_copy:
 *
 * Returns: (transfer full): a deep copy of @self
 */
DocketRecord *
docket_record_copy (DocketRecord *self)
{
  DocketRecord *copy;

  g_return_val_if_fail (DOCKET_IS_RECORD (self), NULL);

  copy = docket_record_new ();
  for (guint i = 0; i < DOCKET_N_FIELDS; i++)
    copy->fields[i] = g_strdup (self->fields[i]);
  copy->version = self->version;
  copy->position = self->position;
  copy->provisional_id = self->provisional_id;
  g_ptr_array_unref (copy->agents);
  g_ptr_array_unref (copy->access_points);
  g_ptr_array_unref (copy->body);
  g_ptr_array_unref (copy->footnotes);
  copy->agents = copy_array (self->agents, (GBoxedCopyFunc) docket_agent_copy,
                             (GDestroyNotify) docket_agent_free);
  copy->access_points = copy_array (self->access_points, (GBoxedCopyFunc) docket_access_point_copy,
                                    (GDestroyNotify) docket_access_point_free);
  copy->body = copy_array (self->body, (GBoxedCopyFunc) docket_block_copy,
                           (GDestroyNotify) docket_block_free);
  copy->footnotes = copy_array (self->footnotes, (GBoxedCopyFunc) docket_footnote_copy,
                                (GDestroyNotify) docket_footnote_free);
  copy->extra_xml = g_strdup (self->extra_xml);
  return copy;
}

static gboolean
arrays_equal (GPtrArray  *a,
              GPtrArray  *b,
              GEqualFunc  equal)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

/**
 * docket_record_equal:
 *
 * Compares every field and list, but not the version, which the catalog
 * changes on each save.
 *
 * Returns: %TRUE if @a and @b describe the same record
 */
gboolean
docket_record_equal (DocketRecord *a,
                     DocketRecord *b)
{
  g_return_val_if_fail (DOCKET_IS_RECORD (a), FALSE);
  g_return_val_if_fail (DOCKET_IS_RECORD (b), FALSE);

  for (guint i = 0; i < DOCKET_N_FIELDS; i++)
    if (g_strcmp0 (a->fields[i], b->fields[i]) != 0)
      return FALSE;
  return a->provisional_id == b->provisional_id &&
         g_strcmp0 (a->extra_xml, b->extra_xml) == 0 &&
         arrays_equal (a->agents, b->agents, (GEqualFunc) docket_agent_equal) &&
         arrays_equal (a->access_points, b->access_points, (GEqualFunc) docket_access_point_equal) &&
         arrays_equal (a->body, b->body, (GEqualFunc) docket_block_equal) &&
         arrays_equal (a->footnotes, b->footnotes, (GEqualFunc) docket_footnote_equal);
}

const char *
docket_record_get (DocketRecord *self,
                   DocketField   field)
{
  g_return_val_if_fail (DOCKET_IS_RECORD (self), NULL);
  g_return_val_if_fail (field < DOCKET_N_FIELDS, NULL);
  return self->fields[field];
}

/**
 * docket_record_take:
 * @value: (transfer full) (nullable): the new value
 *
 * Like docket_record_set() but takes ownership of @value.
 */
void
docket_record_take (DocketRecord *self,
                    DocketField   field,
                    char         *value)
{
  const char *key;

  g_return_if_fail (DOCKET_IS_RECORD (self));
  g_return_if_fail (field < DOCKET_N_FIELDS);

  if (value != NULL && value[0] == '\0')
    g_clear_pointer (&value, g_free);

  if (g_strcmp0 (self->fields[field], value) == 0)
    {
      g_free (value);
      return;
    }

  g_free (self->fields[field]);
  self->fields[field] = value;

  key = docket_field_get_key (field);
  emit_changed (self, field_quarks[field], key);
}

void
docket_record_set (DocketRecord *self,
                   DocketField   field,
                   const char   *value)
{
  docket_record_take (self, field, g_strdup (value));
}

const char *
docket_record_get_id (DocketRecord *self)
{
  return docket_record_get (self, DOCKET_FIELD_ID);
}

void
docket_record_set_id (DocketRecord *self,
                      const char   *id)
{
  docket_record_set (self, DOCKET_FIELD_ID, id);
}

const char *
docket_record_get_heading (DocketRecord *self)
{
  return docket_record_get (self, DOCKET_FIELD_HEADING);
}

gint64
docket_record_get_version (DocketRecord *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD (self), 0);
  return self->version;
}

void
docket_record_set_version (DocketRecord *self,
                           gint64        version)
{
  g_return_if_fail (DOCKET_IS_RECORD (self));
  self->version = version;
}

gint64
docket_record_get_position (DocketRecord *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD (self), 0);
  return self->position;
}

void
docket_record_set_position (DocketRecord *self,
                            gint64        position)
{
  g_return_if_fail (DOCKET_IS_RECORD (self));
  self->position = position;
}

/**
 * docket_record_get_provisional_id:
 *
 * Returns: %TRUE if the identifier was made up at import (no collection was
 *   given) and the cataloger is expected to replace it
 */
gboolean
docket_record_get_provisional_id (DocketRecord *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD (self), FALSE);
  return self->provisional_id;
}

void
docket_record_set_provisional_id (DocketRecord *self,
                                  gboolean      provisional)
{
  g_return_if_fail (DOCKET_IS_RECORD (self));
  self->provisional_id = !!provisional;
}

/**
 * docket_record_get_agents:
 *
 * Returns: (transfer none) (element-type DocketAgent): the agents
 */
GPtrArray *
docket_record_get_agents (DocketRecord *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD (self), NULL);
  return self->agents;
}

/**
 * docket_record_get_access_points:
 *
 * Returns: (transfer none) (element-type DocketAccessPoint): the access points
 */
GPtrArray *
docket_record_get_access_points (DocketRecord *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD (self), NULL);
  return self->access_points;
}

/**
 * docket_record_get_body:
 *
 * Returns: (transfer none) (element-type DocketBlock): the body, in reading order
 */
GPtrArray *
docket_record_get_body (DocketRecord *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD (self), NULL);
  return self->body;
}

/**
 * docket_record_get_footnotes:
 *
 * Returns: (transfer none) (element-type DocketFootnote): the footnotes, in order
 */
GPtrArray *
docket_record_get_footnotes (DocketRecord *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD (self), NULL);
  return self->footnotes;
}

/**
 * docket_record_add_agent:
 * @agent: (transfer full): the agent
 */
void
docket_record_add_agent (DocketRecord *self,
                         DocketAgent  *agent)
{
  g_return_if_fail (DOCKET_IS_RECORD (self));
  g_return_if_fail (agent != NULL);
  g_ptr_array_add (self->agents, agent);
  emit_changed (self, quark_agents, "agents");
}

/**
 * docket_record_add_access_point:
 * @point: (transfer full): the access point
 */
void
docket_record_add_access_point (DocketRecord      *self,
                                DocketAccessPoint *point)
{
  g_return_if_fail (DOCKET_IS_RECORD (self));
  g_return_if_fail (point != NULL);
  g_ptr_array_add (self->access_points, point);
  emit_changed (self, quark_access_points, "access_points");
}

/**
 * docket_record_add_block:
 * @block: (transfer full): the block, appended to the body
 */
void
docket_record_add_block (DocketRecord *self,
                         DocketBlock  *block)
{
  g_return_if_fail (DOCKET_IS_RECORD (self));
  g_return_if_fail (block != NULL);
  g_ptr_array_add (self->body, block);
  emit_changed (self, quark_body, "body");
}

/**
 * docket_record_add_footnote:
 * @footnote: (transfer full): the footnote, appended
 */
void
docket_record_add_footnote (DocketRecord   *self,
                            DocketFootnote *footnote)
{
  g_return_if_fail (DOCKET_IS_RECORD (self));
  g_return_if_fail (footnote != NULL);
  g_ptr_array_add (self->footnotes, footnote);
  emit_changed (self, quark_footnotes, "footnotes");
}

/**
 * docket_record_find_footnote:
 *
 * Returns: (transfer none) (nullable): the footnote whose id is @id
 */
DocketFootnote *
docket_record_find_footnote (DocketRecord *self,
                             const char   *id)
{
  g_return_val_if_fail (DOCKET_IS_RECORD (self), NULL);

  for (guint i = 0; i < self->footnotes->len; i++)
    {
      DocketFootnote *footnote = g_ptr_array_index (self->footnotes, i);
      if (g_strcmp0 (footnote->id, id) == 0)
        return footnote;
    }
  return NULL;
}

/**
 * docket_record_dup_page_breaks:
 *
 * Returns: (transfer full): the page numbers of the page breaks in the body,
 *   in reading order, whether they stand between blocks or inside one
 */
GStrv
docket_record_dup_page_breaks (DocketRecord *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (DOCKET_IS_RECORD (self), NULL);

  for (guint i = 0; i < self->body->len; i++)
    {
      const DocketBlock *block = g_ptr_array_index (self->body, i);

      if (block->kind == DOCKET_BLOCK_PAGE_BREAK)
        g_strv_builder_add (builder, block->text);
      for (guint j = 0; j < block->anchors->len; j++)
        {
          const DocketAnchor *anchor = g_ptr_array_index (block->anchors, j);
          if (anchor->kind == DOCKET_ANCHOR_PAGE_BREAK)
            g_strv_builder_add (builder, anchor->ref);
        }
    }
  return g_strv_builder_end (builder);
}

/**
 * docket_record_dup_agents_with_role:
 *
 * Returns: (transfer container) (element-type DocketAgent): the agents with
 *   @role, owned by the record
 */
GPtrArray *
docket_record_dup_agents_with_role (DocketRecord    *self,
                                    DocketAgentRole  role)
{
  GPtrArray *out = g_ptr_array_new ();

  g_return_val_if_fail (DOCKET_IS_RECORD (self), out);

  for (guint i = 0; i < self->agents->len; i++)
    {
      DocketAgent *agent = g_ptr_array_index (self->agents, i);
      if (agent->role == role)
        g_ptr_array_add (out, agent);
    }
  return out;
}

const char *
docket_record_get_extra_xml (DocketRecord *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD (self), NULL);
  return self->extra_xml;
}

void
docket_record_set_extra_xml (DocketRecord *self,
                             const char   *xml)
{
  g_return_if_fail (DOCKET_IS_RECORD (self));
  if (xml != NULL && xml[0] == '\0')
    xml = NULL;
  if (g_strcmp0 (self->extra_xml, xml) == 0)
    return;
  g_free (self->extra_xml);
  self->extra_xml = g_strdup (xml);
  emit_changed (self, quark_extra_xml, "extra_xml");
}

/**
 * docket_record_changed:
 * @what: the field key or list name that changed
 *
 * Emits #DocketRecord::changed. Call it after changing a list in place.
 */
void
docket_record_changed (DocketRecord *self,
                       const char   *what)
{
  g_return_if_fail (DOCKET_IS_RECORD (self));
  g_return_if_fail (what != NULL);
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (what), what);
}
