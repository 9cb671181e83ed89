// Applies the saved light/dark choice before the app loads, so the page never flashes the wrong theme.
// A file rather than an inline script because the server's CSP allows scripts from 'self' only.
(() => {
  try {
    const saved = window.localStorage.getItem('tandem-color-scheme');
    const dark = saved === 'dark' || (saved !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
    document.documentElement.setAttribute('data-mantine-color-scheme', dark ? 'dark' : 'light');
  } catch {
    // Storage blocked: Mantine applies its default when the app starts.
  }
})();
