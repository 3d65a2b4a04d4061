import { escapeHtml, excerpt, injectPreview, type PreviewCard } from './social-preview';

const TEMPLATE = `<!doctype html>
<html lang="es">
  <head>
    <meta charset="UTF-8" />
    <meta name="description" content="Plaza: avisos de la ciudad en el mapa." />
    <title>Plaza</title>
  </head>
  <body><div id="root"></div><script type="module" src="/assets/index.js"></script></body>
</html>`;

const card = (overrides: Partial<PreviewCard> = {}): PreviewCard => ({
  title: 'Farola apagada',
  description: 'Abierto · Farola apagada · Centro. Lleva tres noches apagada.',
  url: 'https://plaza.example/reports/2026-000001',
  image: 'https://plaza.example/api/v1/media/abc-thumb.jpg',
  imageAlt: 'Farola apagada',
  locale: 'es',
  siteName: 'Plaza',
  ...overrides,
});

describe('injectPreview', () => {
  it('adds Open Graph and Twitter tags, replaces title, description and language', () => {
    const html = injectPreview(TEMPLATE, card({ locale: 'en' }));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>Farola apagada · Plaza</title>');
    expect(html).toContain('<meta property="og:image" content="https://plaza.example/api/v1/media/abc-thumb.jpg" />');
    expect(html).toContain('<meta property="og:locale" content="en_GB" />');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image" />');
    expect(html).toContain('<link rel="canonical" href="https://plaza.example/reports/2026-000001" />');
    expect(html.match(/name="description"/g)).toHaveLength(1);
    expect(html).not.toContain('avisos de la ciudad en el mapa');
    // The tags land inside <head>, and the app's script is untouched.
    expect(html.indexOf('og:title')).toBeLessThan(html.indexOf('</head>'));
    expect(html).toContain('<script type="module" src="/assets/index.js"></script>');
  });

  it('uses a small card and no image tags without a photo', () => {
    const html = injectPreview(TEMPLATE, card({ image: null }));
    expect(html).toContain('<meta name="twitter:card" content="summary" />');
    expect(html).not.toContain('og:image');
  });

  it('escapes everything a citizen typed, including replacement patterns', () => {
    const html = injectPreview(TEMPLATE, card({ title: `</title><script>x()</script> "$&" $' 'q'`, description: '<b>&</b>' }));
    expect(html).not.toContain('<script>x()');
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt; &quot;$&amp;&quot; $&#39; &#39;q&#39; · Plaza</title>');
    expect(html).toContain('content="&lt;b&gt;&amp;&lt;/b&gt;"');
  });
});

describe('escapeHtml and excerpt', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('cuts long text at a word with an ellipsis and keeps short text whole', () => {
    expect(excerpt('Corto.', 200)).toBe('Corto.');
    const cut = excerpt('palabra '.repeat(50), 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut).toMatch(/palabra…$/);
  });
});
