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

/**
 * A Confluence-style response (Atlassian REST): `_links` maps relations to plain URL strings,
 * with no HAL link objects and no `_embedded`. Not HAL, even with the hal profile on.
 */
export const atlassianPage = {
  id: '65601',
  type: 'page',
  status: 'current',
  title: 'Release notes {draft}',
  _links: {
    webui: '/display/DOC/Release+notes',
    edit: '/pages/resumedraft.action?draftId=65601',
    tinyui: '/x/AQAB',
    self: 'https://example.atlassian.net/wiki/rest/api/content/65601',
    base: 'https://example.atlassian.net/wiki',
    context: '/wiki',
    search: '/rest/api/search{?cql}',
  },
  _expandable: { space: '/rest/api/space/DOC' },
};

/** The same without a self link, as Atlassian's paged lists often come. */
export const atlassianPageNoSelf = {
  results: [],
  _links: {
    base: 'https://example.atlassian.net/wiki',
    context: '/wiki',
    next: '/rest/api/content?start=25',
  },
};
