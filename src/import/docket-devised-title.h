/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include "docket-model.h"

G_BEGIN_DECLS

/* A devised title in the DACS 2.3 pattern "Name form to Name regarding
 * topic" ("W. Averell Harriman memorandum to President Johnson regarding
 * Possible Kosygin Talks on Vietnam Settlement"), made from the record's
 * agents, type, signature and subject; %NULL when it knows too little. */
char *docket_devised_title_make  (DocketRecord *record);

/* Sets the devised title when the record has none, or when a reader only
 * copied the FRUS heading into it. */
void  docket_devised_title_apply (DocketRecord *record);

G_END_DECLS
