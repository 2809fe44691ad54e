/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * DocketEadProblem:
 * @line: the line of the finding aid the problem is on
 * @schema: the schema file that rejected it ("ead3/ead3.xsd")
 * @c_id: (nullable): the `id` of the `c` the problem is in
 * @record_id: (nullable): the record that `c` describes: the `unitid`
 *   Docket wrote as the record id, else @c_id
 * @element: (nullable): the local name of the rejected element
 * @attribute: (nullable): the rejected attribute, when it is one
 * @field: (nullable): the key of the record's field the element was written
 *   from ("date.text", "classification"; see docket_field_get_key()), or a
 *   list name ("agents", "access_points", "footnotes", "body"); %NULL for
 *   what comes from no field (an element kept from an EAD import, the
 *   collection's description)
 * @message: libxml2's message, without namespace URIs
 *
 * One schema validation problem, traced back to the record and the field it
 * comes from, so that the window can say what to correct.
 */
typedef struct
{
  int   line;
  char *schema;
  char *c_id;
  char *record_id;
  char *element;
  char *attribute;
  char *field;
  char *message;
} DocketEadProblem;

#define DOCKET_TYPE_EAD_PROBLEM (docket_ead_problem_get_type ())

GType             docket_ead_problem_get_type        (void) G_GNUC_CONST;
DocketEadProblem *docket_ead_problem_new             (void);
DocketEadProblem *docket_ead_problem_copy            (const DocketEadProblem *problem);
void              docket_ead_problem_free            (DocketEadProblem       *problem);
const char       *docket_ead_problem_get_field_label (const DocketEadProblem *problem);
char             *docket_ead_problem_to_string       (const DocketEadProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketEadProblem, docket_ead_problem_free)

G_END_DECLS
