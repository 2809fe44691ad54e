/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include "docket-window.h"

#include "docket-document-view.h"
#include "docket-edit-session.h"
#include "docket-footnotes-pane.h"
#include "docket-metadata-editor.h"
#include "docket-record-filter.h"
#include "docket-record-list-model.h"
#include "docket-review-pane.h"

G_BEGIN_DECLS

/* What the window's parts and its tests share. */

struct _DocketWindow
{
  GtkApplicationWindow   parent_instance;

  /* Template children */
  GtkLabel              *title_label;
  GtkLabel              *subtitle_label;
  GtkLabel              *save_state_label;
  GtkPaned              *outer_paned;
  GtkSearchEntry        *search_entry;
  DocketRecordFilter    *record_filter;
  GtkStack              *sidebar_stack;
  GtkListView           *record_list;
  GtkLabel              *count_label;
  GtkLabel              *empty_title_label;
  GtkLabel              *empty_description_label;
  GtkRevealer           *conflict_revealer;
  GtkLabel              *conflict_detail_label;
  GtkRevealer           *error_revealer;
  GtkLabel              *error_label;
  GtkStack              *content_stack;
  GtkImage              *placeholder_image;
  GtkLabel              *placeholder_title_label;
  GtkLabel              *placeholder_label;
  DocketDocumentView    *document_view;
  DocketMetadataEditor  *metadata_editor;
  DocketFootnotesPane   *footnotes_pane;
  guint                  n_catalog_records;
  GtkStack              *side_stack;
  DocketReviewPane      *review_pane;
  GMenu                 *recent_section;

  DocketStore           *store;
  GSettings             *settings;
  DocketRecordListModel *model;
  GtkMultiSelection     *selection;
  guint                  pressed_position; /* the row last pressed, until the selection changes */
  guint                  keeping_selection; /* > 0 while a refresh puts the selection back */
  guint                  catalog_poll_id;
  GCancellable          *index_cancellable;
  gboolean               index_again;
  gint64                 data_version;      /* the catalog's, when last read */
  DocketEditSession     *session;
  GCancellable          *cancellable;
  char                  *sort_order;
  char                  *loading_id;
  gboolean               close_anyway;
  gboolean               bench_reported;
};

/* docket-window-actions.c: the window's actions */
void _docket_window_class_actions_init (GtkWidgetClass *widget_class);
void _docket_window_update_actions     (DocketWindow   *self);

/* docket-window-record-list.c: the rows, selection, search and sort */
void _docket_window_class_record_list_init (GtkWidgetClass *widget_class);
void _docket_window_setup_record_list     (DocketWindow   *self);
void _docket_window_reload_model          (DocketWindow   *self);
void _docket_window_refresh_list          (DocketWindow   *self);
void _docket_window_update_count          (DocketWindow   *self);
void _docket_window_update_current_row    (DocketWindow   *self);
void _docket_window_sort_list             (DocketWindow   *self,
                                           const char     *sort);

/* docket-window-record-open.c: opening a record */
void _docket_window_show_content          (DocketWindow   *self,
                                           const char     *name);

/* docket-window-catalog-watch.c: changes to the catalog, the search index */
void     _docket_window_watch_catalog     (DocketWindow   *self);
gboolean _docket_window_is_indexing       (DocketWindow   *self);

/* docket-window-messages.c: the error and conflict banners */
void _docket_window_class_messages_init   (GtkWidgetClass *widget_class);
void _docket_window_show_conflict         (DocketWindow   *self);

/* docket-window-header.c: the title and the recent catalogs */
void _docket_window_setup_header          (DocketWindow   *self);

/* docket-window-state.c: the size remembered between runs */
void _docket_window_save_state            (DocketWindow   *self);
void _docket_window_restore_state         (DocketWindow   *self);

/* docket-window-transfer.c: import and export */
typedef struct _DocketImportDialog DocketImportDialog;
typedef struct _DocketExportDialog DocketExportDialog;
void _docket_window_import_action (GtkWidget *widget, const char *action_name, GVariant *parameter);
void _docket_window_export_action (GtkWidget *widget, const char *action_name, GVariant *parameter);
void _docket_window_setup_drop    (DocketWindow *self);
DocketImportDialog *_docket_window_import_files (DocketWindow *self,
                                                 GListModel   *files);
DocketExportDialog *_docket_window_export       (DocketWindow *self);
void                _docket_window_select_only  (DocketWindow *self,
                                                 guint         position);

DocketRecordListModel *_docket_window_get_model           (DocketWindow *self);
DocketDocumentView    *_docket_window_get_document_view   (DocketWindow *self);
DocketMetadataEditor  *_docket_window_get_metadata_editor (DocketWindow *self);
DocketEditSession     *_docket_window_get_session         (DocketWindow *self);
GtkSearchEntry        *_docket_window_get_search_entry    (DocketWindow *self);
GtkRevealer           *_docket_window_get_conflict_revealer (DocketWindow *self);
GtkStack              *_docket_window_get_side_stack      (DocketWindow *self);
DocketReviewPane      *_docket_window_get_review_pane     (DocketWindow *self);
DocketRecordFilter    *_docket_window_get_record_filter   (DocketWindow *self);

G_END_DECLS
