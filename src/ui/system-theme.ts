/** Follows the system's light/dark choice, as Chrome's own pages do, by setting `data-theme`. */
export function followSystemTheme(
  root: HTMLElement,
  media: Pick<MediaQueryList, 'matches' | 'addEventListener' | 'removeEventListener'>,
) {
  const apply = () => {
    root.dataset.theme = media.matches ? 'dark' : 'light';
  };
  apply();
  media.addEventListener('change', apply);
  return () => media.removeEventListener('change', apply);
}
