import { PermanentDeliveryError } from '@plaza/api/outbox';
import { mailOf } from './email-channel';
import { InvalidMailValues, MailTemplates, stringValue } from './mail-templates';

describe('mailOf (what the email channel delivers for a queued payload)', () => {
  const templates = new MailTemplates();
  templates.register({
    name: 'greeting',
    render: (values) => ({ to: stringValue(values, 'to'), subject: `Hola, ${stringValue(values, 'name')}`, text: 'Bienvenida.', locale: 'es' }),
  });

  it('delivers a rendered mail as it was queued', () => {
    expect(mailOf({ to: 'ana@example.org', subject: 'S', text: 'T', html: '<p>T</p>', locale: 'en' }, templates)).toEqual({
      to: 'ana@example.org', subject: 'S', text: 'T', html: '<p>T</p>', locale: 'en',
    });
  });

  it('renders a payload that names its template from the values it keeps', () => {
    expect(mailOf({ template: 'greeting', to: 'ana@example.org', name: 'Ana' }, templates)).toEqual({
      to: 'ana@example.org', subject: 'Hola, Ana', text: 'Bienvenida.', locale: 'es',
    });
  });

  it('fails at once, without retries, for an unknown template, values that do not fit it, or a payload that is no mail', () => {
    expect(() => mailOf({ template: 'farewell', to: 'ana@example.org' }, templates)).toThrow(PermanentDeliveryError);
    expect(() => mailOf({ template: 'greeting', to: 'ana@example.org' }, templates)).toThrow(PermanentDeliveryError);
    expect(() => mailOf({ to: 'ana@example.org', text: 'T' }, templates)).toThrow(PermanentDeliveryError);
  });

  it('lets an error that is not about the values through (a bug is retried, not failed for good)', () => {
    const buggy = new MailTemplates();
    buggy.register({ name: 'buggy', render: () => { throw new TypeError('oops'); } });
    expect(() => mailOf({ template: 'buggy', to: 'ana@example.org' }, buggy)).toThrow(TypeError);
  });

  it('keeps one template per name', () => {
    expect(() => templates.register({ name: 'greeting', render: () => { throw new InvalidMailValues('x'); } })).toThrow(/already registered/);
  });
});
