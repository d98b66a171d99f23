/**
 * The top-level members of a settings file (what the options page exports and `status-lens lint
 * --config` reads). A file of its own so the profile validator can tell a settings file passed
 * as a profile without importing the settings parser (which imports it).
 */
export const SETTINGS_KEYS: readonly string[] = [
  'version',
  'profiles',
  'profileScopes',
  'userProfiles',
  'rules',
  'ruleOptions',
  'capture',
  'redaction',
  'openapi',
  '$schema',
];
