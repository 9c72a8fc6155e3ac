// Astro configuration for the Vraagspoor site.
// VRAAGSPOOR_CONTENT (read in src/content.config.ts) picks the content folder; VRAAGSPOOR_OUT and
// VRAAGSPOOR_CACHE let tests and the benchmark build into their own folders without touching dist/.
import { defineConfig } from 'astro/config';
import searchIndex from './scripts/lib/search-index-integration.ts';

export default defineConfig({
  // Absolute URLs in feeds and exports. Set VRAAGSPOOR_SITE to the real address when publishing.
  site: process.env.VRAAGSPOOR_SITE ?? 'https://vraagspoor.example',
  outDir: process.env.VRAAGSPOOR_OUT ?? './dist',
  cacheDir: process.env.VRAAGSPOOR_CACHE ?? './node_modules/.astro',
  trailingSlash: 'ignore',
  build: {
    format: 'directory',
    // Pages render four at a time, so one page's file write overlaps the next page's rendering
    // (measured at 3,000 sets: 16.5 s at 1, 10.3 s at 4, 12.6 s at 8).
    concurrency: 4,
    // No inline <style>: the Content-Security-Policy allows only same-origin styles.
    inlineStylesheets: 'never',
  },
  compressHTML: true,
  devToolbar: { enabled: false },
  // Builds dist/pagefind/ while the pages render (scripts/lib/search-index-integration.ts).
  integrations: [searchIndex()],
  vite: {
    // No inlined scripts or assets (CSP: script-src 'self').
    build: { assetsInlineLimit: 0 },
  },
});
