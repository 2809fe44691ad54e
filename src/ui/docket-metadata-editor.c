/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-metadata-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "docket-metadata-editor-private.h"

/* Every field of a record, generated from the field table (docket-field.h)
 * and grouped as there, each with a visible label that is also its
 * accessible name. Edits go straight into the record; whoever watches the
 * record (the edit session) saves them. Problems are shown under the field
 * as they are typed.
 *
 * This file holds the editor as a GObject and its public calls; its parts
 * are beside it, sharing docket-metadata-editor-private.h: the field
 * inputs (-fields.c), their validation (-validation.c) and the lists of
 * agents and access points (-lists.c). */

G_DEFINE_FINAL_TYPE (DocketMetadataEditor, docket_metadata_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
record_changed_cb (DocketMetadataEditor *self,
                   const char           *what,
                   DocketRecord         *record)
{
  DocketField field;

  if (docket_field_from_key (what, &field))
    {
      _docket_metadata_editor_show_field (self, field);
      if (field == DOCKET_FIELD_DATE_FROM || field == DOCKET_FIELD_DATE_TO)
        _docket_metadata_editor_validate_field (self, DOCKET_FIELD_DATE_TO);
      if (field == DOCKET_FIELD_DATE_TEXT || field == DOCKET_FIELD_DATE_FROM || field == DOCKET_FIELD_DATE_TO)
        _docket_metadata_editor_update_normalized_date (self);
      return;
    }

  if (self->updating > 0)
    return;
  if (g_strcmp0 (what, "agents") == 0)
    _docket_metadata_editor_show_agents (self);
  else if (g_strcmp0 (what, "access_points") == 0)
    _docket_metadata_editor_show_access_points (self);
}

/* Building the form */

static void
build_form (DocketMetadataEditor *self)
{
  for (guint group = 0; group < DOCKET_N_FIELD_GROUPS; group++)
    {
      GtkWidget *title = gtk_label_new (docket_field_group_get_label (group));
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "docket-group-title");
      gtk_widget_add_css_class (box, "docket-group");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (box),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                      -1);
      gtk_box_append (self->groups_box, title);
      gtk_box_append (self->groups_box, box);

      if (group == DOCKET_FIELD_GROUP_AGENTS)
        self->agents_list =
          GTK_LIST_BOX (_docket_metadata_editor_make_list_group (self, GTK_BOX (box),
                                                                 _("No authors, recipients or persons named"),
                                                                 _("_Add Agent"), "metadata.add-agent",
                                                                 _("Agents")));
      else if (group == DOCKET_FIELD_GROUP_ACCESS_POINTS)
        self->access_points_list =
          GTK_LIST_BOX (_docket_metadata_editor_make_list_group (self, GTK_BOX (box),
                                                                 _("No subjects, places or names"),
                                                                 _("A_dd Access Point"), "metadata.add-access-point",
                                                                 _("Access points")));

      for (guint field = 0; field < DOCKET_N_FIELDS; field++)
        if (docket_field_get_group (field) == group)
          _docket_metadata_editor_add_field (self, GTK_BOX (box), field);
    }
}

static void
docket_metadata_editor_dispose (GObject *object)
{
  DocketMetadataEditor *self = DOCKET_METADATA_EDITOR (object);

  docket_metadata_editor_set_record (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOCKET_TYPE_METADATA_EDITOR);

  G_OBJECT_CLASS (docket_metadata_editor_parent_class)->dispose (object);
}

static void
docket_metadata_editor_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DocketMetadataEditor *self = DOCKET_METADATA_EDITOR (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_metadata_editor_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  DocketMetadataEditor *self = DOCKET_METADATA_EDITOR (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      docket_metadata_editor_set_record (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
docket_metadata_editor_class_init (DocketMetadataEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = docket_metadata_editor_dispose;
  object_class->get_property = docket_metadata_editor_get_property;
  object_class->set_property = docket_metadata_editor_set_property;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, DOCKET_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/docket/Docket/docket-metadata-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DocketMetadataEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, DocketMetadataEditor, groups_box);

  _docket_metadata_editor_class_lists_init (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
docket_metadata_editor_init (DocketMetadataEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Metadata"), -1);
  build_form (self);
  docket_metadata_editor_set_record (self, NULL);
}

GtkWidget *
docket_metadata_editor_new (void)
{
  return g_object_new (DOCKET_TYPE_METADATA_EDITOR, NULL);
}

DocketRecord *
docket_metadata_editor_get_record (DocketMetadataEditor *self)
{
  g_return_val_if_fail (DOCKET_IS_METADATA_EDITOR (self), NULL);
  return self->record;
}

/**
 * docket_metadata_editor_set_record:
 * @record: (nullable): the record to edit
 */
void
docket_metadata_editor_set_record (DocketMetadataEditor *self,
                                   DocketRecord         *record)
{
  gboolean changed;

  g_return_if_fail (DOCKET_IS_METADATA_EDITOR (self));
  g_return_if_fail (record == NULL || DOCKET_IS_RECORD (record));

  changed = self->record != record;
  if (self->record != NULL && changed)
    g_clear_signal_handler (&self->changed_id, self->record);
  g_set_object (&self->record, record);
  if (record != NULL && changed)
    self->changed_id = g_signal_connect_object (record, "changed", G_CALLBACK (record_changed_cb),
                                                self, G_CONNECT_SWAPPED);

  for (guint field = 0; field < DOCKET_N_FIELDS; field++)
    _docket_metadata_editor_show_field (self, field);
  _docket_metadata_editor_update_normalized_date (self);
  _docket_metadata_editor_show_agents (self);
  _docket_metadata_editor_show_access_points (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->groups_box), record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "metadata.add-agent", record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "metadata.add-access-point", record != NULL);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

/* The input (GtkEntry, GtkTextView or GtkDropDown) that edits @field. */
GtkWidget *
docket_metadata_editor_get_field_widget (DocketMetadataEditor *self,
                                         DocketField           field)
{
  g_return_val_if_fail (DOCKET_IS_METADATA_EDITOR (self), NULL);
  g_return_val_if_fail (field < DOCKET_N_FIELDS, NULL);
  return self->fields[field].input;
}

GtkWidget *
docket_metadata_editor_get_field_label (DocketMetadataEditor *self,
                                        DocketField           field)
{
  g_return_val_if_fail (DOCKET_IS_METADATA_EDITOR (self), NULL);
  g_return_val_if_fail (field < DOCKET_N_FIELDS, NULL);
  return self->fields[field].label;
}

/* The problem shown under @field, or %NULL. */
const char *
docket_metadata_editor_get_field_message (DocketMetadataEditor *self,
                                          DocketField           field)
{
  g_return_val_if_fail (DOCKET_IS_METADATA_EDITOR (self), NULL);
  g_return_val_if_fail (field < DOCKET_N_FIELDS, NULL);

  if (self->fields[field].message == NULL ||
      !gtk_widget_get_visible (GTK_WIDGET (self->fields[field].message)))
    return NULL;
  return gtk_label_get_label (self->fields[field].message);
}

/* The normalized date shown beside the date as written, or %NULL when
 * nothing is shown there (no date written). */
const char *
docket_metadata_editor_get_normalized_date (DocketMetadataEditor *self)
{
  g_return_val_if_fail (DOCKET_IS_METADATA_EDITOR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->normalized_label)))
    return NULL;
  return gtk_label_get_label (self->normalized_label);
}

GtkListBox *
docket_metadata_editor_get_agents_list (DocketMetadataEditor *self)
{
  g_return_val_if_fail (DOCKET_IS_METADATA_EDITOR (self), NULL);
  return self->agents_list;
}

GtkListBox *
docket_metadata_editor_get_access_points_list (DocketMetadataEditor *self)
{
  g_return_val_if_fail (DOCKET_IS_METADATA_EDITOR (self), NULL);
  return self->access_points_list;
}

/**
 * docket_metadata_editor_focus_key:
 * @key: a field key ("date.from"; see docket_field_get_key()), or "agents",
 *   "authors" or "access_points" for those lists
 *
 * Moves the keyboard focus to what @key names, as a review problem gives
 * it, and scrolls it into view.
 *
 * Returns: %FALSE if the editor has nothing for @key (the body and the
 *   footnotes are edited in the document)
 */
gboolean
docket_metadata_editor_focus_key (DocketMetadataEditor *self,
                                  const char           *key)
{
  GtkListBox *list = NULL;
  DocketField field;

  g_return_val_if_fail (DOCKET_IS_METADATA_EDITOR (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (docket_field_from_key (key, &field))
    {
      if (self->fields[field].input == NULL)
        return FALSE;
      return gtk_widget_grab_focus (self->fields[field].input);
    }

  if (g_str_equal (key, "agents") || g_str_equal (key, "authors"))
    list = self->agents_list;
  else if (g_str_equal (key, "access_points"))
    list = self->access_points_list;
  if (list == NULL)
    return FALSE;

  /* The first row, or the Add button after an empty list. */
  if (gtk_widget_child_focus (GTK_WIDGET (list), GTK_DIR_TAB_FORWARD))
    return TRUE;
  return gtk_widget_grab_focus (gtk_widget_get_next_sibling (GTK_WIDGET (list)));
}
