import { describe, expect, it } from 'vitest';
import { formatBytes, parseByteSize } from '../../../src/core/units/bytes';
import { formatSize } from '../../../src/surfaces/panel/format';
import { formatText } from '../../../src/cli/format/text';
import { paint } from '../../../src/cli/terminal';

describe('byte sizes: one formatter, binary multiples with IEC symbols everywhere', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [5 * 1024 * 1024, '5 MiB'],
    [1024 ** 3, '1 GiB'],
  ])('%d bytes is %s', (n, text) => {
    expect(formatBytes(n)).toBe(text);
  });

  it('the panel shows sizes with it (a dash for an unknown size)', () => {
    expect(formatSize(2048)).toBe('2 KiB');
    expect(formatSize(-1)).toBe('—');
  });

  it('the CLI summary names the cap with it', () => {
    const text = formatText(
      {
        toolVersion: 't',
        profiles: [],
        failOn: 'error',
        files: [],
        exchanges: [],
        problems: [],
        bodyCap: 10 * 1024,
        bodiesOverCap: 1,
      },
      paint(false),
    );
    expect(text).toContain('over 10 KiB');
  });

  it('reads what it writes, and the decimal-looking suffixes people type, as binary multiples', () => {
    for (const n of [1024, 5 * 1024 * 1024, 1024 ** 3]) expect(parseByteSize(formatBytes(n))).toBe(n);
    expect(parseByteSize('10 KB')).toBe(10 * 1024);
    expect(parseByteSize('5MB')).toBe(5 * 1024 * 1024);
    expect(parseByteSize('5 MiB')).toBe(5 * 1024 * 1024);
    expect(parseByteSize('5 kB!')).toBeUndefined();
  });
});
