/**
 * Stands in for react-remove-scroll inside Mantine's AppShell (see `appShellWithoutRemoveScroll` in
 * vite.config.ts). The header, footer and aside take only `RemoveScroll.classNames.zeroRight` from it,
 * a class name the real library (loaded by modals) looks for to keep fixed bars from jumping when it
 * hides the page's scroll bar; but the bundler cannot split one module, so the signed-in layout
 * downloaded the whole library, about 4 KB gzip, for one string (docs/decisions/0051).
 * web/test/app-shell-remove-scroll.test.ts checks the names still match the library's.
 */
export const RemoveScroll = {
  classNames: {
    zeroRight: 'right-scroll-bar-position',
    fullWidth: 'width-before-scroll-bar',
  },
} as const;
