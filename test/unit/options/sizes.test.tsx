// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { OPENAPI_FIXTURES } from '../../helpers/contracts';
import { renderOptions } from '../../helpers/options';

afterEach(cleanup);

/** Sizes on the options page read as everywhere else (core/units/bytes.ts): KiB and MiB, never "0.0 MB". */
describe('options: sizes', { timeout: 20_000 }, () => {
  it('a loaded OpenAPI description shows its size in KiB, not "0.0 MB"', async () => {
    const { user } = renderOptions();
    const text = readFileSync(resolve(OPENAPI_FIXTURES, 'petstore-3.0.yaml'), 'utf8');
    expect(text.length).toBeLessThan(64 * 1024);
    await user.upload(
      await screen.findByLabelText('OpenAPI description file'),
      new File([text], 'petstore-3.0.yaml'),
    );
    const list = await screen.findByRole('list', { name: 'Loaded descriptions' });
    expect(within(list).getByText(/^\d+(\.\d)? KiB/)).toBeInTheDocument();
    expect(list).not.toHaveTextContent('MB');
  });

  it('a profile file too large to be one says its size in MiB', async () => {
    const { user } = renderOptions();
    await user.upload(
      await screen.findByLabelText('Import profile from a JSON file'),
      new File(['x'.repeat(1.5 * 1024 * 1024)], 'dump.json', { type: 'application/json' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'dump.json is 1.5 MiB; a profile is a few KiB.',
    );
  });
});
