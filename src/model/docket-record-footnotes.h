/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include "docket-record.h"

G_BEGIN_DECLS

/* Footnote operations on a record's body and footnotes, the ones the
 * footnotes pane and the document view's edit mode are made of. None of
 * them emits #DocketRecord::changed: the caller does, for "body" and
 * "footnotes", once the whole operation is done. */

gboolean        docket_record_find_footnote_anchor (DocketRecord       *record,
                                                    const char         *footnote_id,
                                                    guint              *out_block,
                                                    gsize              *out_offset);
char           *docket_record_make_footnote_id     (DocketRecord       *record);
DocketFootnote *docket_record_insert_footnote      (DocketRecord       *record,
                                                    guint               block_index,
                                                    gsize               offset,
                                                    DocketFootnoteKind  kind,
                                                    const char         *text);
gboolean        docket_record_move_footnote_anchor (DocketRecord       *record,
                                                    const char         *footnote_id,
                                                    guint               block_index,
                                                    gsize               offset);
gboolean        docket_record_delete_footnote      (DocketRecord       *record,
                                                    const char         *footnote_id);
gboolean        docket_record_renumber_footnotes   (DocketRecord       *record);

void            docket_block_replace_text          (DocketBlock        *block,
                                                    gsize               start,
                                                    gsize               end,
                                                    const char         *text);

gboolean        docket_block_kind_can_split        (DocketBlockKind     kind);
gboolean        docket_record_split_block          (DocketRecord       *record,
                                                    guint               block_index,
                                                    gsize               offset);
gboolean        docket_record_join_blocks          (DocketRecord       *record,
                                                    guint               block_index);

G_END_DECLS
