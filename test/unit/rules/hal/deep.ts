/**
 * A HAL body nested `levels` deep through `_embedded.child`, built as text: building it as an
 * object and serialising it would recurse as deep as the body, which is the thing under test.
 * Every resource has a self link, except the top-level one when `rootSelf` is false.
 */
export function deepHal(levels: number, { rootSelf = true } = {}): string {
  const level = '{"_links":{"self":{"href":"/r"}},"_embedded":{"child":';
  const root = rootSelf ? level : '{"_embedded":{"child":';
  return root + level.repeat(levels - 1) + '{"_links":{"self":{"href":"/leaf"}}}' + '}}'.repeat(levels);
}
