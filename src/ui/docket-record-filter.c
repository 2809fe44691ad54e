/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-record-filter"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-record-filter.h"

#include "docket-review.h"

/* The filters above the record list: by review status, by classification,
 * and to the records the review checks find problems in. They narrow the
 * list model together with the search text. The records with problems are
 * found by running the checks over the catalog off the main thread when
 * the filter is turned on; the set is kept until it is turned on again. */

/* The status dropdown's items, in order; the first is "any". */
static const char * const statuses[] = {
  NULL, "draft", "in-review", "approved", "changes-requested",
};

/* The classification dropdown's items after "any": the recognized markings,
 * as the catalog spells them. */
static const char * const markings[] = {
  NULL, "Top Secret", "Secret", "Confidential", "Limited Official Use", "Unclassified",
};

struct _DocketRecordFilter
{
  GtkWidget              parent_instance;

  /* Template children */
  GtkWidget             *box;
  GtkDropDown           *status_dropdown;
  GtkDropDown           *classification_dropdown;
  GtkToggleButton       *problems_button;

  DocketRecordListModel *model;
  GCancellable          *cancellable;
  GStrv                  problem_ids;   /* NULL until the checks ran */
  gboolean               busy;
  guint                  updating;
};

G_DEFINE_FINAL_TYPE (DocketRecordFilter, docket_record_filter, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_REVIEW_STATUS,
  PROP_CLASSIFICATION,
  PROP_HAS_PROBLEMS,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_busy (DocketRecordFilter *self,
          gboolean            busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Hands the filters to the model and tells the window the list changed. */
static void
apply (DocketRecordFilter *self)
{
  g_autoptr(GError) error = NULL;
  const char * const *ids = NULL;

  if (self->model == NULL)
    return;

  if (gtk_toggle_button_get_active (self->problems_button) && self->problem_ids != NULL)
    ids = (const char * const *) self->problem_ids;

  if (!docket_record_list_model_set_filter (self->model,
                                            docket_record_filter_get_review_status (self),
                                            docket_record_filter_get_classification (self),
                                            ids, &error))
    g_message ("Could not filter the record list: %s", error->message);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
check_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(DocketRecordFilter) self = user_data;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  problems = docket_review_check_catalog_finish (DOCKET_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (problems == NULL)
    {
      g_message ("Could not check the catalog: %s", error->message);
      self->updating++;
      gtk_toggle_button_set_active (self->problems_button, FALSE);
      self->updating--;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_PROBLEMS]);
      return;
    }

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  ids = g_ptr_array_new ();
  for (guint i = 0; i < problems->len; i++)
    {
      DocketReviewProblem *problem = g_ptr_array_index (problems, i);

      if (g_hash_table_add (seen, problem->record_id))
        g_ptr_array_add (ids, g_strdup (problem->record_id));
    }
  g_ptr_array_add (ids, NULL);

  g_strfreev (self->problem_ids);
  self->problem_ids = (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
  apply (self);
}

static void
problems_toggled_cb (DocketRecordFilter *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->updating > 0)
    return;

  if (gtk_toggle_button_get_active (self->problems_button) && self->model != NULL)
    {
      /* Checked afresh each time the filter is turned on. */
      g_clear_pointer (&self->problem_ids, g_strfreev);
      self->cancellable = g_cancellable_new ();
      set_busy (self, TRUE);
      docket_review_check_catalog_async (docket_record_list_model_get_store (self->model), NULL,
                                         self->cancellable, check_cb, g_object_ref (self));
    }
  else
    {
      set_busy (self, FALSE);
      apply (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_PROBLEMS]);
}

static void
status_selected_cb (DocketRecordFilter *self)
{
  apply (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_STATUS]);
}

static void
classification_selected_cb (DocketRecordFilter *self)
{
  apply (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLASSIFICATION]);
}

/* GObject */

static void
docket_record_filter_dispose (GObject *object)
{
  DocketRecordFilter *self = DOCKET_RECORD_FILTER (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOCKET_TYPE_RECORD_FILTER);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (docket_record_filter_parent_class)->dispose (object);
}

static void
docket_record_filter_finalize (GObject *object)
{
  DocketRecordFilter *self = DOCKET_RECORD_FILTER (object);

  g_clear_object (&self->cancellable);
  g_strfreev (self->problem_ids);

  G_OBJECT_CLASS (docket_record_filter_parent_class)->finalize (object);
}

static void
docket_record_filter_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DocketRecordFilter *self = DOCKET_RECORD_FILTER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_REVIEW_STATUS:
      g_value_set_string (value, docket_record_filter_get_review_status (self));
      break;
    case PROP_CLASSIFICATION:
      g_value_set_string (value, docket_record_filter_get_classification (self));
      break;
    case PROP_HAS_PROBLEMS:
      g_value_set_boolean (value, docket_record_filter_get_has_problems (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_record_filter_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DocketRecordFilter *self = DOCKET_RECORD_FILTER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      docket_record_filter_set_model (self, g_value_get_object (value));
      break;
    case PROP_REVIEW_STATUS:
      docket_record_filter_set_review_status (self, g_value_get_string (value));
      break;
    case PROP_CLASSIFICATION:
      docket_record_filter_set_classification (self, g_value_get_string (value));
      break;
    case PROP_HAS_PROBLEMS:
      docket_record_filter_set_has_problems (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_record_filter_class_init (DocketRecordFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_record_filter_dispose;
  object_class->finalize = docket_record_filter_finalize;
  object_class->get_property = docket_record_filter_get_property;
  object_class->set_property = docket_record_filter_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, DOCKET_TYPE_RECORD_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVIEW_STATUS] =
    g_param_spec_string ("review-status", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLASSIFICATION] =
    g_param_spec_string ("classification", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_PROBLEMS] =
    g_param_spec_boolean ("has-problems", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DocketRecordFilter::changed:
   *
   * The list model was filtered anew.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/docket/Docket/docket-record-filter.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketRecordFilter, box);
  gtk_widget_class_bind_template_child (widget_class, DocketRecordFilter, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DocketRecordFilter, classification_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DocketRecordFilter, problems_button);
  gtk_widget_class_bind_template_callback (widget_class, problems_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, classification_selected_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
docket_record_filter_init (DocketRecordFilter *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
docket_record_filter_new (void)
{
  return g_object_new (DOCKET_TYPE_RECORD_FILTER, NULL);
}

DocketRecordListModel *
docket_record_filter_get_model (DocketRecordFilter *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD_FILTER (self), NULL);
  return self->model;
}

/**
 * docket_record_filter_set_model:
 * @model: (nullable): the list to filter
 */
void
docket_record_filter_set_model (DocketRecordFilter    *self,
                                DocketRecordListModel *model)
{
  g_return_if_fail (DOCKET_IS_RECORD_FILTER (self));
  g_return_if_fail (model == NULL || DOCKET_IS_RECORD_LIST_MODEL (model));

  if (!g_set_object (&self->model, model))
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->problem_ids, g_strfreev);
  if (gtk_toggle_button_get_active (self->problems_button))
    problems_toggled_cb (self);
  else
    apply (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/* The review status the list is narrowed to ("in-review"), or %NULL. */
const char *
docket_record_filter_get_review_status (DocketRecordFilter *self)
{
  guint selected;

  g_return_val_if_fail (DOCKET_IS_RECORD_FILTER (self), NULL);

  selected = gtk_drop_down_get_selected (self->status_dropdown);
  return selected < G_N_ELEMENTS (statuses) ? statuses[selected] : NULL;
}

/**
 * docket_record_filter_set_review_status:
 * @review_status: (nullable): a review status string, or %NULL for any
 */
void
docket_record_filter_set_review_status (DocketRecordFilter *self,
                                        const char         *review_status)
{
  DocketReviewStatus status;
  guint position = 0;

  g_return_if_fail (DOCKET_IS_RECORD_FILTER (self));

  if (review_status != NULL && docket_review_status_from_string (review_status, &status))
    for (guint i = 1; i < G_N_ELEMENTS (statuses); i++)
      if (g_str_equal (statuses[i], docket_review_status_to_string (status)))
        position = i;
  gtk_drop_down_set_selected (self->status_dropdown, position);
}

/* The classification the list is narrowed to ("Secret"), or %NULL. */
const char *
docket_record_filter_get_classification (DocketRecordFilter *self)
{
  guint selected;

  g_return_val_if_fail (DOCKET_IS_RECORD_FILTER (self), NULL);

  selected = gtk_drop_down_get_selected (self->classification_dropdown);
  return selected < G_N_ELEMENTS (markings) ? markings[selected] : NULL;
}

/**
 * docket_record_filter_set_classification:
 * @classification: (nullable): a recognized marking, in any case, or %NULL
 *   for any
 */
void
docket_record_filter_set_classification (DocketRecordFilter *self,
                                         const char         *classification)
{
  const char *marking;
  guint position = 0;

  g_return_if_fail (DOCKET_IS_RECORD_FILTER (self));

  marking = classification != NULL ? docket_review_value_match_classification (classification) : NULL;
  for (guint i = 1; marking != NULL && i < G_N_ELEMENTS (markings); i++)
    if (g_str_equal (markings[i], marking))
      position = i;
  gtk_drop_down_set_selected (self->classification_dropdown, position);
}

gboolean
docket_record_filter_get_has_problems (DocketRecordFilter *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD_FILTER (self), FALSE);
  return gtk_toggle_button_get_active (self->problems_button);
}

void
docket_record_filter_set_has_problems (DocketRecordFilter *self,
                                       gboolean            has_problems)
{
  g_return_if_fail (DOCKET_IS_RECORD_FILTER (self));
  gtk_toggle_button_set_active (self->problems_button, has_problems);
}

/* Whether the checks for the problems filter are running. */
gboolean
docket_record_filter_get_busy (DocketRecordFilter *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD_FILTER (self), FALSE);
  return self->busy;
}

GtkDropDown *
docket_record_filter_get_status_dropdown (DocketRecordFilter *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD_FILTER (self), NULL);
  return self->status_dropdown;
}

GtkDropDown *
docket_record_filter_get_classification_dropdown (DocketRecordFilter *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD_FILTER (self), NULL);
  return self->classification_dropdown;
}

GtkToggleButton *
docket_record_filter_get_problems_button (DocketRecordFilter *self)
{
  g_return_val_if_fail (DOCKET_IS_RECORD_FILTER (self), NULL);
  return self->problems_button;
}
