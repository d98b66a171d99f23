/**
 * Byte sizes, one convention everywhere (options page, panel, CLI): binary multiples written
 * with their IEC symbols — KiB, MiB, GiB — because every size here (the body cap's 5 × 1024 ×
 * 1024 default, Chrome's own numbers) is a power of 1024. "5 MB" for 5,242,880 bytes would be
 * 5% off by the SI meaning of MB.
 */

export const KIB = 1024;
export const MIB = 1024 * KIB;
export const GIB = 1024 * MIB;

const STEPS = [
  ['GiB', GIB],
  ['MiB', MIB],
  ['KiB', KIB],
] as const;

/** 5242880 → "5 MiB", 1536 → "1.5 KiB", 12 → "12 B": at most one decimal, none when whole. */
export function formatBytes(n: number): string {
  for (const [unit, size] of STEPS) {
    if (n >= size) return `${Number((n / size).toFixed(1))} ${unit}`;
  }
  return `${n} B`;
}

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: KIB,
  kb: KIB,
  kib: KIB,
  m: MIB,
  mb: MIB,
  mib: MIB,
  g: GIB,
  gb: GIB,
  gib: GIB,
};

/** The unit suffixes parseByteSize reads, in lower case (any case is read); '' and 'b' are bytes. */
export const BYTE_SIZE_UNITS: readonly string[] = Object.keys(UNITS);
/** The number before the unit, as a regular expression's source: whole, or with decimals. */
export const BYTE_SIZE_NUMBER = String.raw`\d+(?:\.\d+)?`;
const SIZE = new RegExp(`^(${BYTE_SIZE_NUMBER})\\s*([a-z]*)$`, 'i');

/**
 * "5242880", "5M", "5 MiB", "512kb", "2GB" → bytes. Every suffix is a binary multiple (KB and
 * MB are read as KiB and MiB, as people mean them when they type them for a body cap);
 * undefined for anything else.
 */
export function parseByteSize(text: string): number | undefined {
  const m = SIZE.exec(text.trim());
  if (!m) return undefined;
  const unit = UNITS[m[2]!.toLowerCase()];
  if (unit === undefined) return undefined;
  const n = Math.floor(Number(m[1]) * unit);
  return Number.isSafeInteger(n) ? n : undefined;
}
