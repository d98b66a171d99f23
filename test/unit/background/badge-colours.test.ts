import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, BADGE_TEXT_COLOR } from '../../../src/surfaces/background/summary-service';
import { rootColour } from '../../../src/ui/palette';
import { contrast } from '../../helpers/contrast';

/**
 * The toolbar badge is drawn in the panel's palette (theme.css's light theme), and its count
 * reads on every background it gets. Its digits are small (bold, about 9 px: WCAG's "large
 * text" starts at 14 pt bold), so the bar is 4.5:1, not 3:1.
 */
const THEME = readFileSync(resolve(import.meta.dirname, '../../../src/ui/theme.css'), 'utf8');
const lightRoot = THEME.slice(THEME.indexOf(':root {'), THEME.indexOf('}', THEME.indexOf(':root {')));
const lightValue = (name: string) => new RegExp(`\\s${name}:\\s*(#[0-9a-f]{6});`, 'i').exec(lightRoot)?.[1];

describe('the toolbar badge', () => {
  it('is coloured by severity in the light theme’s severity colours, its count in the theme’s background', () => {
    expect(BADGE_COLORS).toEqual({
      error: lightValue('--sev-error'),
      warning: lightValue('--sev-warning'),
      info: lightValue('--sev-info'),
    });
    expect(BADGE_TEXT_COLOR).toBe(lightValue('--bg'));
    // Each severity has a colour of its own, so the badge tells them apart.
    expect(new Set(Object.values(BADGE_COLORS)).size).toBe(3);
  });

  it.each(Object.entries(BADGE_COLORS))('its count reads at 4.5:1 or more on the %s colour', (_, colour) => {
    expect(contrast(BADGE_TEXT_COLOR, colour)).toBeGreaterThanOrEqual(4.5);
  });

  it('reads a colour from the :root block, not from a comment that mentions it', () => {
    const css = `/* :root { --sev-error: #000000; } */
:root {
  /* --sev-error: was #d93025 */
  --sev-error: #c5221f;
}
[data-theme='dark'] { --sev-error: #f28b82; }`;
    expect(rootColour(css, '--sev-error')).toBe('#c5221f');
    expect(() => rootColour(css, '--sev-warning')).toThrow('--sev-warning');
  });
});
