/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Docket developers */

#define G_LOG_DOMAIN "docket-agent"

#include "config.h"

#include "docket-agent.h"

G_DEFINE_BOXED_TYPE (DocketAgent, docket_agent, docket_agent_copy, docket_agent_free)

static const char *role_names[] = { "author", "recipient", "mentioned" };

DocketAgent *
docket_agent_new (DocketAgentRole  role,
                  const char      *name,
                  const char      *office)
{
  DocketAgent *agent = g_new0 (DocketAgent, 1);

  agent->role = role;
  agent->name = g_strdup (name);
  agent->office = g_strdup (office);
  return agent;
}

DocketAgent *
docket_agent_copy (const DocketAgent *agent)
{
  DocketAgent *copy;

  g_return_val_if_fail (agent != NULL, NULL);

  copy = docket_agent_new (agent->role, agent->name, agent->office);
  copy->ref = g_strdup (agent->ref);
  copy->authority_source = g_strdup (agent->authority_source);
  copy->authority_id = g_strdup (agent->authority_id);
  return copy;
}

void
docket_agent_free (DocketAgent *agent)
{
  if (agent == NULL)
    return;
  g_free (agent->name);
  g_free (agent->office);
  g_free (agent->ref);
  g_free (agent->authority_source);
  g_free (agent->authority_id);
  g_free (agent);
}

gboolean
docket_agent_equal (const DocketAgent *a,
                    const DocketAgent *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  return a->role == b->role &&
         g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->office, b->office) == 0 &&
         g_strcmp0 (a->ref, b->ref) == 0 &&
         g_strcmp0 (a->authority_source, b->authority_source) == 0 &&
         g_strcmp0 (a->authority_id, b->authority_id) == 0;
}

const char *
docket_agent_role_to_string (DocketAgentRole role)
{
  g_return_val_if_fail (role <= DOCKET_AGENT_MENTIONED, NULL);
  return role_names[role];
}

gboolean
docket_agent_role_from_string (const char      *str,
                               DocketAgentRole *out_role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (g_strcmp0 (str, role_names[i]) == 0)
      {
        *out_role = i;
        return TRUE;
      }
  return FALSE;
}
