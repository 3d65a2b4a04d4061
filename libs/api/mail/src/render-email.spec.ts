import { renderEmail } from './render-email';

describe('renderEmail', () => {
  const base = {
    heading: 'Tu aviso <2026-000123> ha cambiado',
    paragraphs: ['Estado: "en curso" & asignado', 'Gracias por avisar.'],
    action: { label: 'Ver el aviso', url: 'https://plaza.example/reports/2026-000123?a=1&b=2' },
  };

  it('escapes every piece of content in the HTML', () => {
    const { html } = renderEmail({ ...base, locale: 'es' });
    expect(html).toContain('Tu aviso &lt;2026-000123&gt; ha cambiado');
    expect(html).toContain('Estado: &quot;en curso&quot; &amp; asignado');
    expect(html).toContain('href="https://plaza.example/reports/2026-000123?a=1&amp;b=2"');
    expect(html).not.toMatch(/<2026/);
  });

  it('declares the language and uses a real heading and link text', () => {
    const { html } = renderEmail({ ...base, locale: 'en-GB' });
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toMatch(/<h1[^>]*>Tu aviso/);
    expect(html).toMatch(/<a [^>]*>Ver el aviso<\/a>/);
  });

  it('has a plain-text twin with the same content and the bare URL', () => {
    const { text } = renderEmail({ ...base, locale: 'es', footer: 'Recibes esto porque sigues el aviso.' });
    expect(text.split('\n')[0]).toBe(base.heading);
    expect(text).toContain('Estado: "en curso" & asignado');
    expect(text).toContain('Ver el aviso: https://plaza.example/reports/2026-000123?a=1&b=2');
    expect(text).toContain('Recibes esto porque sigues el aviso.');
    expect(text).not.toMatch(/<[a-z]/);
  });

  it('adds the unsubscribe footer in the mail language', () => {
    const url = 'https://plaza.example/unsubscribe/u1.abc.def';
    const es = renderEmail({ ...base, locale: 'es', unsubscribeUrl: url });
    expect(es.text).toContain(`Darse de baja: ${url}`);
    expect(es.html).toMatch(/<a href="https:\/\/plaza.example\/unsubscribe\/u1.abc.def"[^>]*>Darse de baja<\/a>/);
    const en = renderEmail({ ...base, locale: 'en', unsubscribeUrl: url });
    expect(en.text).toContain(`Unsubscribe: ${url}`);
    expect(en.html).toContain('>Unsubscribe</a>');
    expect(renderEmail({ ...base, locale: 'es' }).text).not.toContain('baja');
  });

  it('writes the layout in each of the five languages', () => {
    expect(renderEmail({ ...base, locale: 'ca', unsubscribeUrl: 'https://x.example/u' }).html).toMatch(/lang="ca"[\s\S]*Donar-se de baixa/);
    expect(renderEmail({ ...base, locale: 'eu-ES', unsubscribeUrl: 'https://x.example/u' }).html).toMatch(/lang="eu"[\s\S]*Harpidetza kendu/);
    expect(renderEmail({ ...base, locale: 'fr', unsubscribeUrl: 'https://x.example/u' }).html).toMatch(/lang="es"[\s\S]*Darse de baja/);
  });
});
