/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  DOCKET_AGENT_AUTHOR,
  DOCKET_AGENT_RECIPIENT,
  DOCKET_AGENT_MENTIONED,
} DocketAgentRole;

/**
 * DocketAgent:
 * @role: author (sender), recipient, or a person mentioned
 * @name: the name as the document gives it ("Harriman", "W. Averell Harriman")
 * @office: the office held at the time ("Ambassador at Large"), or %NULL
 * @ref: a catalog-local reference (a TEI persName id such as "p_HWA2"), or %NULL
 * @authority_source: "lcnaf", "viaf", "local"…, or %NULL; never invented
 * @authority_id: the identifier in that source, or %NULL
 *
 * A person or body that wrote, received or is named in a document.
 */
typedef struct
{
  DocketAgentRole  role;
  char            *name;
  char            *office;
  char            *ref;
  char            *authority_source;
  char            *authority_id;
} DocketAgent;

#define DOCKET_TYPE_AGENT (docket_agent_get_type ())

GType        docket_agent_get_type       (void) G_GNUC_CONST;
DocketAgent *docket_agent_new            (DocketAgentRole    role,
                                          const char        *name,
                                          const char        *office);
DocketAgent *docket_agent_copy           (const DocketAgent *agent);
void         docket_agent_free           (DocketAgent       *agent);
gboolean     docket_agent_equal          (const DocketAgent *a,
                                          const DocketAgent *b);
const char  *docket_agent_role_to_string (DocketAgentRole    role);
gboolean     docket_agent_role_from_string (const char      *str,
                                            DocketAgentRole *out_role);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocketAgent, docket_agent_free)

G_END_DECLS
