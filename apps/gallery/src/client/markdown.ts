import { Marked, type Tokens } from 'marked';

/** Links and images may point only at our own pages and files, or at http(s) pages. */
function safeUrl(href: string, base: string): string {
  if (/^https?:\/\//i.test(href) || href.startsWith('#')) return href;
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return '#';
  // Any origin will do: only the resolved path is kept.
  const resolved = new URL(href, new URL(base, 'http://gallery.invalid'));
  return resolved.pathname + resolved.hash;
}

/**
 * Renders a model card (markdown written by `genzoo train publish` and `genzoo eval`) to HTML. Raw HTML in
 * the markdown is dropped, not passed through, and relative links resolve against the model's folder URL
 * (`base`, e.g. `/models/vae-mnist/`), whose files the server serves.
 */
export function renderCard(markdown: string, base: string): string {
  const marked = new Marked({
    gfm: true,
    async: false,
    renderer: { html: () => '' },
    walkTokens(token) {
      if (token.type === 'link' || token.type === 'image') {
        const link = token as Tokens.Link | Tokens.Image;
        link.href = safeUrl(link.href, base);
      }
    },
  });
  return marked.parse(markdown) as string;
}
