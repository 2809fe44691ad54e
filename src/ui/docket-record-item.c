/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-record-item"

#include "config.h"

#include "docket-record-item.h"

/* One row of the record list: the few fields of a record summary, read-only.
 * Items are made by DocketRecordListModel a page at a time. */
struct _DocketRecordItem
{
  GObject              parent_instance;
  DocketRecordSummary *summary;
};

G_DEFINE_FINAL_TYPE (DocketRecordItem, docket_record_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_HEADING,
  PROP_DATE,
  PROP_REVIEW_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
docket_record_item_finalize (GObject *object)
{
  DocketRecordItem *self = DOCKET_RECORD_ITEM (object);

  g_clear_pointer (&self->summary, docket_record_summary_free);

  G_OBJECT_CLASS (docket_record_item_parent_class)->finalize (object);
}

static void
docket_record_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DocketRecordItem *self = DOCKET_RECORD_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, docket_record_item_get_id (self));
      break;
    case PROP_NUMBER:
      g_value_set_string (value, docket_record_item_get_number (self));
      break;
    case PROP_HEADING:
      g_value_set_string (value, docket_record_item_get_heading (self));
      break;
    case PROP_DATE:
      g_value_set_string (value, docket_record_item_get_date (self));
      break;
    case PROP_REVIEW_STATUS:
      g_value_set_string (value, docket_record_item_get_review_status (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_record_item_class_init (DocketRecordItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = docket_record_item_finalize;
  object_class->get_property = docket_record_item_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVIEW_STATUS] =
    g_param_spec_string ("review-status", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
docket_record_item_init (DocketRecordItem *self)
{
}

/**
 * docket_record_item_new:
 * @summary: (transfer full): the row's fields
 */
DocketRecordItem *
docket_record_item_new (DocketRecordSummary *summary)
{
  DocketRecordItem *self;

  g_return_val_if_fail (summary != NULL, NULL);

  self = g_object_new (DOCKET_TYPE_RECORD_ITEM, NULL);
  self->summary = summary;
  return self;
}

const char *
docket_record_item_get_id (DocketRecordItem *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD_ITEM (self), NULL);
  return self->summary->id;
}

const char *
docket_record_item_get_number (DocketRecordItem *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD_ITEM (self), NULL);
  return self->summary->number;
}

const char *
docket_record_item_get_heading (DocketRecordItem *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD_ITEM (self), NULL);
  return self->summary->heading;
}

/* The heading, or for a record without one its title. */
const char *
docket_record_item_get_label (DocketRecordItem *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD_ITEM (self), NULL);
  return docket_record_summary_get_label (self->summary);
}

/* The date as written, or else the normalized date. */
const char *
docket_record_item_get_date (DocketRecordItem *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD_ITEM (self), NULL);
  if (self->summary->date_text != NULL && self->summary->date_text[0] != '\0')
    return self->summary->date_text;
  return self->summary->date_from;
}

const char *
docket_record_item_get_review_status (DocketRecordItem *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD_ITEM (self), NULL);
  return self->summary->review_status;
}

const char *
docket_record_item_get_collection_id (DocketRecordItem *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD_ITEM (self), NULL);
  return self->summary->collection_id;
}

/* The record's version in the catalog when the row was read. */
gint64
docket_record_item_get_version (DocketRecordItem *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD_ITEM (self), 0);
  return self->summary->version;
}

/* Whether @self and @other stand for the same version of the same record,
 * showing the same things: a list need not replace one row with the other. */
gboolean
docket_record_item_shows_same (DocketRecordItem *self,
                               DocketRecordItem *other)
{
  const DocketRecordSummary *a, *b;

  g_return_val_if_fail (DOCKET_IS_RECORD_ITEM (self), FALSE);
  g_return_val_if_fail (DOCKET_IS_RECORD_ITEM (other), FALSE);

  a = self->summary;
  b = other->summary;
  return a->version == b->version &&
         g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->number, b->number) == 0 &&
         g_strcmp0 (a->heading, b->heading) == 0 &&
         g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->date_text, b->date_text) == 0 &&
         g_strcmp0 (a->date_from, b->date_from) == 0 &&
         g_strcmp0 (a->review_status, b->review_status) == 0 &&
         g_strcmp0 (a->classification, b->classification) == 0 &&
         g_strcmp0 (a->collection_id, b->collection_id) == 0;
}
