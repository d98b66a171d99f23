import { open } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CliIo } from '../io';
import { detectHarEncoding, utf16ToUtf8 } from '../../core/har/text-encoding';

/** Bytes of one HAR, read lazily so a file of any size streams through. */
export interface ByteSource {
  /** The path as given; for standard input, --stdin-filename or "<stdin>". */
  display: string;
  /**
   * The URI for SARIF (sarifUri: relative to the working directory, or file:/// for a file named
   * by an absolute path outside it); standard input's: see stdinSource.
   */
  uri: string;
  /** Read from standard input: SARIF gives its artifact the `standardStream` role. */
  standardInput?: true;
  /** Size in bytes when known (files), for the progress bar. */
  size?: number;
  chunks: AsyncIterable<Uint8Array>;
}

const CHUNK = 1 << 20;

/** Turns a node:fs error into words, without the stack or errno noise. */
export function describeFsError(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EMFILE':
      return 'too many open files';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'read-only file system';
    case 'EBADF':
      return 'not open for writing';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/**
 * A file's SARIF `uri`: relative to the working directory (the repository root in CI), so code
 * scanning places it in a checked-in file. A file outside it named by an absolute path gets an
 * absolute `file:` URI: `../../../work/…` would read as a path inside the repository that climbs
 * out of it. A relative path that climbs out (`../up.har`) is kept as written.
 */
export function sarifUri(path: string, cwd: string): string {
  const abs = resolve(cwd, path);
  const rel = relative(cwd, abs);
  const outside = rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  if (outside && isAbsolute(path)) return pathToFileURL(abs).href;
  const p = isAbsolute(rel) ? abs : rel;
  return p
    .split(sep)
    .map((seg, i) => (i === 0 && seg === '' ? '' : encodeURIComponent(seg)))
    .join('/');
}

/** Opens a file for streaming; throws a described Error when it cannot be read. */
export async function openFile(path: string, io: CliIo): Promise<ByteSource> {
  const abs = resolve(io.cwd, path);
  let handle;
  try {
    handle = await open(abs, 'r');
    const info = await handle.stat();
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    const fh = handle;
    return {
      display: path,
      uri: sarifUri(path, io.cwd),
      size: info.isFile() ? info.size : undefined,
      chunks: (async function* () {
        // A fresh buffer per read: the splitter may hand out views into earlier chunks. The next
        // read is asked for before a chunk is handed over, so the disk (or the thread that copies
        // from the page cache) works while the lint does, instead of the lint waiting on each read.
        const next = () => fh.read(Buffer.allocUnsafe(CHUNK), 0, CHUNK, null);
        let reading: ReturnType<typeof next> | undefined = next();
        try {
          for (;;) {
            const { bytesRead, buffer } = await reading;
            if (bytesRead === 0) {
              reading = undefined;
              return;
            }
            reading = next();
            yield buffer.subarray(0, bytesRead);
          }
        } finally {
          // A consumer that stops early leaves one read out: let it end before the file closes.
          await reading?.catch(() => undefined);
          await fh.close();
        }
      })(),
    };
  } catch (e) {
    await handle?.close().catch(() => undefined);
    // A folder of recordings: the glob that lints them (quoted, as globs are read here too).
    const folder =
      (e as { code?: unknown })?.code === 'EISDIR' ? ` (to lint the HAR files in it: "${globIn(path)}")` : '';
    throw new Error(`cannot read: ${describeFsError(e)}${folder}`);
  }
}

/**
 * The URI standard input's results carry in SARIF when --stdin-filename does not name it.
 * GitHub code scanning refuses an upload whose results lack `artifactLocation.uri`
 * ("locationFromSarifResult: expected artifact location"), so standard input gets one: a
 * fixed name, so that alerts keep their fingerprints from one run to the next.
 */
export const STDIN_URI = 'stdin.har';

/** Standard input, named as --stdin-filename says (`name`), else "<stdin>" and STDIN_URI. */
export function stdinSource(io: CliIo, name?: string): ByteSource {
  return {
    display: name ?? '<stdin>',
    uri: name === undefined ? STDIN_URI : sarifUri(name, io.cwd),
    standardInput: true,
    chunks: io.stdin,
  };
}

/** What asUtf8 found: whether the bytes it hands on are the file's own (offsets in them are the file's). */
export interface Utf8Input {
  transcoded: boolean;
}

/**
 * The chunks as UTF-8, whatever the file's encoding: a UTF-16 HAR (as some Windows tools
 * save them) is transcoded on the fly, so the splitter and every message see UTF-8.
 */
export async function* asUtf8(
  chunks: AsyncIterable<Uint8Array>,
  found: Utf8Input = { transcoded: false },
): AsyncGenerator<Uint8Array> {
  let head: Uint8Array | undefined;
  let convert: ReturnType<typeof utf16ToUtf8> | undefined;
  let decided = false;
  for await (const chunk of chunks) {
    if (decided) {
      yield convert ? convert.push(chunk) : chunk;
      continue;
    }
    // The encoding needs two bytes; standard input may arrive one byte at a time.
    head = head ? Buffer.concat([head, chunk]) : chunk;
    if (head.length < 2) continue;
    decided = true;
    const encoding = detectHarEncoding(head);
    if (encoding !== 'utf-8') {
      convert = utf16ToUtf8(encoding);
      found.transcoded = true;
    }
    yield convert ? convert.push(head) : head;
    head = undefined;
  }
  if (!decided && head) yield head;
  if (convert) {
    const rest = convert.end();
    if (rest.length > 0) yield rest;
  }
}

/** UTF-8 bytes to text with Node's native decoder (invalid sequences become U+FFFD, as TextDecoder's). */
export function nodeUtf8(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** `dir/*.har` for a folder as it was typed, with one `/` between (globs use `/` on every system). */
function globIn(dir: string): string {
  return `${dir.replace(/[\\/]+$/, '')}/*.har`;
}
