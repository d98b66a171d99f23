import type { RuleMeta } from './types';

/**
 * A rule's default level as the docs page's header and `status-lens rules` give it: the level,
 * then the cases reported at another one ("warning (info for 503)"). One home, so the listing a
 * user reads to choose `--fail-on` and the rule's page cannot tell two stories.
 */
export function defaultSeverityText(rule: Pick<RuleMeta, 'severity' | 'otherSeverities'>): string {
  const others = rule.otherSeverities ?? [];
  if (others.length === 0) return rule.severity;
  return `${rule.severity} (${otherSeveritiesText(rule)})`;
}

/** The other levels alone: "info for known vendor codes, error outside 100–599" ('' when none). */
export function otherSeveritiesText(rule: Pick<RuleMeta, 'otherSeverities'>): string {
  return (rule.otherSeverities ?? []).map((o) => `${o.severity} ${o.when}`).join(', ');
}
