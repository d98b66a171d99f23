import { describe, expect, it, vi } from 'vitest';
import { MemoryBadge, MemorySessionArea } from '../../../src/adapters/memory';
import { addToSummary, emptySummary, type TabSummary } from '../../../src/core/summary/summary';
import type { BadgeMode } from '../../../src/core/settings/schema';
import {
  BADGE_COLORS,
  BADGE_TEXT_COLOR,
  badgeFor,
  createSummaryService,
  summaryKey,
  TABS_KEY,
} from '../../../src/surfaces/background/summary-service';

function summaryWith(spec: {
  errors?: number;
  warnings?: number;
  infos?: number;
  s5xx?: number;
  s2xx?: number;
}): TabSummary {
  const inputs = [];
  for (let i = 0; i < (spec.errors ?? 0); i++)
    inputs.push({
      method: 'GET',
      url: `https://a.test/e${i}`,
      status: 401,
      findings: [
        { rule: 'http/unauthorized-challenge', severity: 'error' as const, message: 'no challenge' },
      ],
    });
  for (let i = 0; i < (spec.warnings ?? 0); i++)
    inputs.push({
      method: 'GET',
      url: `https://a.test/w${i}`,
      status: 201,
      findings: [{ rule: 'http/created-location', severity: 'warning' as const, message: 'no Location' }],
    });
  for (let i = 0; i < (spec.infos ?? 0); i++)
    inputs.push({
      method: 'GET',
      url: `https://a.test/i${i}`,
      status: 200,
      findings: [
        { rule: 'security/server-version-disclosure', severity: 'info' as const, message: 'nginx/1.2' },
      ],
    });
  for (let i = 0; i < (spec.s5xx ?? 0); i++)
    inputs.push({ method: 'GET', url: `https://a.test/x${i}`, status: 503, findings: [] });
  for (let i = 0; i < (spec.s2xx ?? 0); i++)
    inputs.push({ method: 'GET', url: `https://a.test/ok${i}`, status: 200, findings: [] });
  return addToSummary(emptySummary(1), inputs, 1);
}

function setup(mode: BadgeMode = 'errors') {
  const area = new MemorySessionArea();
  const badge = new MemoryBadge();
  const state = { mode };
  const service = createSummaryService(area, badge, () => state.mode, { flushMs: 5, now: () => 42 });
  return { area, badge, state, service };
}

describe('badgeFor', () => {
  it('counts error findings, coloured by the worst severity, and is blank when clean', () => {
    expect(badgeFor(null, 'errors')).toBeNull();
    expect(badgeFor(summaryWith({ warnings: 3, s2xx: 2 }), 'errors')).toBeNull();
    expect(badgeFor(summaryWith({ errors: 2, warnings: 1 }), 'errors')).toEqual({
      text: '2',
      color: BADGE_COLORS.error,
    });
    expect(badgeFor(summaryWith({ errors: 1000 }), 'errors')?.text).toBe('999+');
  });

  it('counts 5xx responses in 5xx mode', () => {
    const s = summaryWith({ errors: 2, s5xx: 3 });
    expect(badgeFor(s, '5xx')).toEqual({ text: '3', color: BADGE_COLORS.error });
    expect(badgeFor(summaryWith({ errors: 2 }), '5xx')).toBeNull();
  });
});

describe('the summary service', () => {
  it('stores a replaced summary in the session area, returns it and paints the badge', async () => {
    const { area, badge, service } = setup();
    const s = summaryWith({ errors: 2, s2xx: 1 });
    await service.handle({ type: 'summary/replace', tabId: 7, summary: s });
    expect(area.data.get(summaryKey(7))).toEqual(s);
    expect(await service.handle({ type: 'summary/get', tabId: 7 })).toEqual({ summary: s });
    expect(badge.badges.get(7)).toEqual({
      text: '2',
      color: BADGE_COLORS.error,
      textColor: BADGE_TEXT_COLOR,
    });
  });

  it('answers null for a tab it knows nothing of, or whose stored value is junk', async () => {
    const { area, service } = setup();
    expect(await service.get(3)).toBeNull();
    await area.set(summaryKey(3), { families: 'nope' });
    expect(await service.get(3)).toBeNull();
  });

  it('survives a stopped worker: a new service over the same area still has the summary', async () => {
    const { area, badge, service } = setup();
    const s = summaryWith({ errors: 1 });
    await service.replace(4, s);
    const restarted = createSummaryService(area, badge, () => 'errors');
    expect(await restarted.get(4)).toEqual(s);
  });

  it('clear forgets the numbers and blanks the badge', async () => {
    const { area, badge, service } = setup();
    await service.replace(7, summaryWith({ errors: 1 }));
    await service.handle({ type: 'summary/clear', tabId: 7 });
    expect(area.data.has(summaryKey(7))).toBe(false);
    expect(badge.badges.has(7)).toBe(false);
    expect(await service.get(7)).toBeNull();
  });

  it('removes everything of a closed tab', async () => {
    const { area, service } = setup();
    await service.replace(7, summaryWith({ errors: 1 }));
    await service.replace(8, summaryWith({ errors: 1 }));
    await service.remove(7);
    expect(area.data.has(summaryKey(7))).toBe(false);
    expect(area.data.get(TABS_KEY)).toEqual({ 8: 'panel' });
  });

  it('repaints every badge for the badge mode in force', async () => {
    const { badge, state, service } = setup();
    await service.replace(1, summaryWith({ errors: 2, s5xx: 1 }));
    await service.replace(2, summaryWith({ errors: 1 }));
    expect(badge.badges.get(1)?.text).toBe('2');
    state.mode = '5xx';
    await service.renderAll();
    expect(badge.badges.get(1)?.text).toBe('1');
    expect(badge.badges.has(2)).toBe(false);
  });

  it('adds monitoring results in batches, one write per tab', async () => {
    const { area, badge, service } = setup();
    let writes = 0;
    const set = area.set.bind(area);
    area.set = async (k, v) => {
      if (k === summaryKey(5)) writes++;
      return set(k, v);
    };
    service.add(5, [{ method: 'GET', url: 'https://a.test/x?y=1', status: 500, findings: [] }]);
    service.add(5, [
      {
        method: 'GET',
        url: 'https://a.test/u',
        status: 401,
        findings: [{ rule: 'http/unauthorized-challenge', severity: 'error', message: 'm' }],
      },
    ]);
    expect(writes).toBe(0);
    await service.flush();
    expect(writes).toBe(1);
    const s = (await service.get(5))!;
    expect(s.families['5xx']).toBe(1);
    expect(s.families['4xx']).toBe(1);
    expect(s.rules).toEqual({ 'http/unauthorized-challenge': 1 });
    expect(s.recent.map((r) => r.path)).toEqual(['/x?y=1', '/u']);
    expect(badge.badges.get(5)?.text).toBe('1');
    // Later additions accumulate on the stored summary.
    service.add(5, [{ method: 'GET', url: 'https://a.test/z', status: 503, findings: [] }]);
    expect((await service.get(5))!.families['5xx']).toBe(2);
  });

  it('writes pending additions on its own after the batch delay', async () => {
    const { service, area } = setup();
    service.add(9, [{ method: 'GET', url: 'https://a.test/', status: 200, findings: [] }]);
    expect(area.data.has(summaryKey(9))).toBe(false);
    // No flush() here: the batch timer alone must write it.
    await vi.waitFor(() => expect(area.data.has(summaryKey(9))).toBe(true));
  });

  it('leaves a tab whose panel reports it to the panel, navigations included, until the panel goes', async () => {
    const { service } = setup();
    const panel = summaryWith({ errors: 1 });
    await service.claim(6);
    await service.replace(6, panel);
    service.add(6, [{ method: 'GET', url: 'https://a.test/m', status: 500, findings: [] }]);
    expect(await service.get(6)).toEqual(panel);
    // The panel decides what a navigation does (its own Preserve log may be on).
    await service.reset(6);
    expect(await service.get(6)).toEqual(panel);
    // DevTools closed with monitoring on: monitoring carries on, and its navigations reset.
    await service.release(6, true);
    service.add(6, [{ method: 'GET', url: 'https://a.test/m', status: 500, findings: [] }]);
    expect((await service.get(6))!.families['5xx']).toBe(panel.families['5xx'] + 1);
    await service.reset(6);
    expect(await service.get(6)).toBeNull();
  });

  it('drops additions still pending for a tab that is cleared', async () => {
    const { service } = setup();
    service.add(2, [{ method: 'GET', url: 'https://a.test/m', status: 500, findings: [] }]);
    await service.clear(2);
    await service.flush();
    expect(await service.get(2)).toBeNull();
  });
});
