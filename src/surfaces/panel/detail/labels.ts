import type { RegistryStanding } from '../../../core/catalogue/types';

export const STANDING_LABEL: Record<RegistryStanding, string> = {
  iana: 'Registered with IANA',
  temporary: 'Provisionally registered',
  unused: 'Registered, marked unused',
  obsolete: 'Registered, now obsolete',
  unofficial: 'Unofficial (vendor-specific)',
  browser: 'Browser network error (no HTTP response)',
  unassigned: 'Unassigned: not in the registry',
  invalid: 'Not a valid HTTP status',
};
