import type { Locale } from '@plaza/shared/contracts';

/**
 * The data-protection notice shown when filing a report, in the layered form Spanish city halls
 * use (GDPR art. 13): controller, purpose, legal basis, recipients, rights, retention. A city
 * replaces it with its own text through PRIVACY_NOTICE_ES / _EN / … (see docs/map.md).
 * Each paragraph starting with "Label:" is shown with the label in bold.
 */
export const DEFAULT_PRIVACY_NOTICE: Partial<Record<Locale, string>> = {
  es: [
    'Responsable: el Ayuntamiento, que gestiona esta plataforma.',
    'Finalidad: tramitar tu aviso, informarte de cómo avanza y, si hace falta, pedirte más datos para resolverlo.',
    'Legitimación: el ejercicio de las competencias municipales en interés público (art. 6.1.e del RGPD) y tu consentimiento para los datos opcionales, como el teléfono o mostrar tu nombre.',
    'Destinatarios: el servicio municipal encargado del aviso. No se ceden datos a terceros salvo obligación legal. Tu correo y tu teléfono nunca se publican; tu nombre, solo si eliges mostrarlo.',
    'Derechos: puedes acceder a tus datos, rectificarlos o suprimirlos, oponerte a su tratamiento o limitarlo, dirigiéndote a la delegación de protección de datos del Ayuntamiento. También puedes reclamar ante la Agencia Española de Protección de Datos (www.aepd.es).',
    'Conservación: mientras se tramita el aviso y, después, durante los plazos que marca la normativa de archivos y documentos administrativos.',
  ].join('\n\n'),
  en: [
    'Controller: the City Council, which runs this platform.',
    'Purpose: to handle your report, keep you informed of its progress and, if needed, ask you for more details to resolve it.',
    'Legal basis: the exercise of the city’s powers in the public interest (GDPR art. 6.1.e) and your consent for optional data, such as your phone number or showing your name.',
    'Recipients: the city department in charge of the report. Your data is not shared with third parties unless the law requires it. Your email and phone are never published; your name only if you choose to show it.',
    'Your rights: you can access, correct or erase your data, and object to or restrict its processing, by writing to the City Council’s data protection officer. You can also complain to the Spanish Data Protection Agency (www.aepd.es).',
    'Retention: while your report is handled and, afterwards, for the periods set by the rules on administrative records and archives.',
  ].join('\n\n'),
};

/**
 * The notice shown on the alerts form (/alerts): an alert is another processing than a report,
 * with another purpose (mailing new reports), basis (consent) and retention (until unsubscribing),
 * so it must not borrow the report form's notice. Replaced through ALERTS_PRIVACY_NOTICE_ES / _EN / ….
 */
export const DEFAULT_ALERTS_PRIVACY_NOTICE: Partial<Record<Locale, string>> = {
  es: [
    'Responsable: el Ayuntamiento, que gestiona esta plataforma.',
    'Finalidad: enviarte por correo los avisos nuevos que coinciden con la alerta que eliges. Tu dirección no se usa para nada más.',
    'Legitimación: tu consentimiento (art. 6.1.a del RGPD), que puedes retirar cuando quieras con el enlace de baja que lleva cada correo.',
    'Destinatarios: nadie fuera del Ayuntamiento. Tu correo nunca se publica.',
    'Derechos: puedes acceder a tus datos, rectificarlos o suprimirlos, oponerte a su tratamiento o limitarlo, dirigiéndote a la delegación de protección de datos del Ayuntamiento. También puedes reclamar ante la Agencia Española de Protección de Datos (www.aepd.es).',
    'Conservación: hasta que te des de baja; entonces se borra tu dirección.',
  ].join('\n\n'),
  en: [
    'Controller: the City Council, which runs this platform.',
    'Purpose: to email you the new reports that match the alert you choose. Your address is used for nothing else.',
    'Legal basis: your consent (GDPR art. 6.1.a), which you can withdraw at any time with the unsubscribe link in every email.',
    'Recipients: nobody outside the City Council. Your email is never published.',
    'Your rights: you can access, correct or erase your data, and object to or restrict its processing, by writing to the City Council’s data protection officer. You can also complain to the Spanish Data Protection Agency (www.aepd.es).',
    'Retention: until you unsubscribe; your address is then erased.',
  ].join('\n\n'),
};
