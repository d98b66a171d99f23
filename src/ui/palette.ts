import theme from './theme.css?raw';

/**
 * A colour the light theme sets in theme.css (`:root`), for what cannot read its custom
 * properties: the toolbar badge, which Chrome draws from colours the service worker hands it.
 * theme.css stays the one palette; the light theme's, since the badge sits on Chrome's toolbar
 * whatever theme the panel follows. Throws when the theme sets no such colour (a renamed
 * variable), which the badge's tests catch before any service worker loads it.
 */
export function lightThemeColour(name: `--${string}`): string {
  return rootColour(theme, name);
}

/** What a stylesheet's `:root` block sets `name` to; comments (which may mention it) skipped. */
export function rootColour(css: string, name: `--${string}`): string {
  const root = /:root\s*\{([^}]*)\}/.exec(css.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' '))?.[1] ?? '';
  const value = new RegExp(`(?:^|[;{\\s])${name}\\s*:\\s*([^;]+);`).exec(root)?.[1]?.trim();
  if (value === undefined) throw new Error(`the light theme sets no ${name}`);
  return value;
}
