import type { EngineSettings } from './analyze';

/**
 * Exactly the part of the settings the engine reads (which rules run, at what severity, with
 * which thresholds, for which profiles). The panel sends it to the analysis worker and
 * re-analyses when it changes, so a setting added here reaches both without a second list.
 */
export function engineSettingsOf(s: EngineSettings): Required<EngineSettings> {
  return {
    profiles: s.profiles,
    rules: s.rules,
    userProfiles: s.userProfiles ?? [],
    profileScopes: s.profileScopes ?? {},
    ruleOptions: s.ruleOptions ?? {},
  };
}

/** Whether two settings make the engine judge alike. */
export function sameEngineSettings(a: EngineSettings, b: EngineSettings): boolean {
  return JSON.stringify(engineSettingsOf(a)) === JSON.stringify(engineSettingsOf(b));
}
