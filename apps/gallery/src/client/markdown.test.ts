import { describe, expect, it } from 'vitest';
import { renderCard } from './markdown.js';

describe('renderCard', () => {
  it('renders tables and resolves relative images against the model folder', () => {
    const html = renderCard('# DCGAN\n\n![samples](samples.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n', '/models/dcgan-mnist/');
    expect(html).toContain('<h1>DCGAN</h1>');
    expect(html).toContain('src="/models/dcgan-mnist/samples.png"');
    expect(html).toContain('<table>');
  });

  it('drops raw HTML and unsafe link schemes', () => {
    const html = renderCard('<!-- note -->\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) a <b>bold</b>', '/models/m/');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<!--');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<b>');
    expect(html).toContain('href="#"');
  });
});
