/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include "docket-edit-session.h"

G_BEGIN_DECLS

/* What the edit session's parts share. */

typedef struct
{
  char      *what;        /* a field key or a list name */
  int        field;       /* the DocketField, or -1 for a list */
  char      *old_value;
  char      *new_value;
  GPtrArray *old_list;
  GPtrArray *new_list;
  gint64     time;
  gboolean   sealed;      /* later edits of the same field start a new step */
  guint      step;        /* changes with the same nonzero step undo together */
} Change;

struct _DocketEditSession
{
  GObject                 parent_instance;

  DocketStore            *store;
  DocketRecord           *record;
  char                   *who;

  DocketRecord           *shadow;   /* the record as last seen, for old values */
  DocketRecord           *theirs;   /* the catalog's newer version, on conflict */

  GQueue                  undo;
  GQueue                  redo;

  DocketEditSessionState  state;
  GError                 *error;
  gboolean                dirty;    /* changes not yet handed to a save */
  gboolean                saving;
  guint                   applying;
  guint                   delay;
  guint                   timeout_id;
  GCancellable           *cancellable;
  guint                   step_depth;
  guint                   step;     /* the open step, or 0 */
  guint                   last_step;
};

/* docket-edit-session.c */
void _docket_edit_session_set_state        (DocketEditSession      *self,
                                            DocketEditSessionState  state);
void _docket_edit_session_notify_undo_redo (DocketEditSession      *self,
                                            gboolean                could_undo,
                                            gboolean                could_redo);

/* docket-edit-session-lists.c: the lists of a record, by name */
typedef struct
{
  const char     *name;
  GPtrArray    *(*get) (DocketRecord *record);
  GBoxedCopyFunc  copy;
} ListInfo;

const ListInfo *_docket_edit_session_get_lists  (guint          *n_lists);
const ListInfo *_docket_edit_session_find_list  (const char     *name);
GPtrArray      *_docket_edit_session_snapshot_list (const ListInfo *info,
                                                    DocketRecord   *record);
void            _docket_edit_session_replace_list  (const ListInfo *info,
                                                    DocketRecord   *record,
                                                    GPtrArray      *items);
gboolean        _docket_edit_session_lists_equal   (const ListInfo *info,
                                                    GPtrArray      *a,
                                                    GPtrArray      *b);

/* docket-edit-session-history.c: undo and redo */
void _docket_edit_session_change_free       (Change            *change);
void _docket_edit_session_clear_history     (DocketEditSession *self);
void _docket_edit_session_record_changed_cb (DocketEditSession *self,
                                             const char        *what,
                                             DocketRecord      *record);

/* docket-edit-session-conflict.c: a newer version in the catalog */
void _docket_edit_session_load_theirs (DocketEditSession *self);

G_END_DECLS
