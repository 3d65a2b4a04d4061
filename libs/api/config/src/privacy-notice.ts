import type { Locale } from '@plaza/shared/contracts';

/**
 * The data-protection notice shown when filing a report, in the layered form Spanish city halls
 * use (GDPR art. 13): controller, purpose, legal basis, recipients, rights, retention. A city
 * replaces it with its own text through PRIVACY_NOTICE_ES / _EN / … (see docs/map.md).
 * Built in for the five languages Plaza speaks (ca/eu/gl since issue 18; docs/privacy.md).
 * Each paragraph starting with "Label:" is shown with the label in bold.
 */
export const DEFAULT_PRIVACY_NOTICE: Record<Locale, string> = {
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
  ca: [
    'Responsable: l’Ajuntament, que gestiona aquesta plataforma.',
    'Finalitat: tramitar el teu avís, informar-te de com avança i, si cal, demanar-te més dades per resoldre’l.',
    'Legitimació: l’exercici de les competències municipals en interès públic (art. 6.1.e del RGPD) i el teu consentiment per a les dades opcionals, com el telèfon o mostrar el teu nom.',
    'Destinataris: el servei municipal encarregat de l’avís. No es cedeixen dades a tercers tret d’obligació legal. El teu correu i el teu telèfon no es publiquen mai; el teu nom, només si tries mostrar-lo.',
    'Drets: pots accedir a les teves dades, rectificar-les o suprimir-les, oposar-te al seu tractament o limitar-lo, adreçant-te a la delegació de protecció de dades de l’Ajuntament. També pots reclamar davant l’Agència Espanyola de Protecció de Dades (www.aepd.es).',
    'Conservació: mentre es tramita l’avís i, després, durant els terminis que fixa la normativa d’arxius i documents administratius.',
  ].join('\n\n'),
  eu: [
    'Arduraduna: Udala, plataforma hau kudeatzen duena.',
    'Helburua: zure abisua izapidetzea, nola doan jakinaraztea eta, behar izanez gero, hura konpontzeko datu gehiago eskatzea.',
    'Legitimazioa: udal-eskumenak interes publikoaren mesedetan erabiltzea (DBEOren 6.1.e art.) eta zure baimena aukerako datuetarako, hala nola telefonoa edo zure izena erakustea.',
    'Hartzaileak: abisuaz arduratzen den udal-zerbitzua. Ez zaie daturik lagatzen hirugarrenei, legeak hala agintzen duenean izan ezik. Zure posta elektronikoa eta telefonoa ez dira inoiz argitaratzen; zure izena, erakustea aukeratzen baduzu bakarrik.',
    'Eskubideak: zure datuak eskuratu, zuzendu edo ezabatu ditzakezu, eta haien tratamenduari aurka egin edo hura mugatu, Udalaren datuak babesteko ordezkaritzari idatzita. Datuak Babesteko Espainiako Agentzian ere erreklamazioa aurkez dezakezu (www.aepd.es).',
    'Kontserbazioa: abisua izapidetzen den bitartean eta, ondoren, artxiboei eta administrazio-agiriei buruzko araudiak ezartzen dituen epeetan.',
  ].join('\n\n'),
  gl: [
    'Responsable: o Concello, que xestiona esta plataforma.',
    'Finalidade: tramitar o teu aviso, informarte de como avanza e, se fai falta, pedirche máis datos para resolvelo.',
    'Lexitimación: o exercicio das competencias municipais en interese público (art. 6.1.e do RXPD) e o teu consentimento para os datos opcionais, como o teléfono ou amosar o teu nome.',
    'Destinatarios: o servizo municipal encargado do aviso. Non se ceden datos a terceiros agás por obriga legal. O teu correo e o teu teléfono nunca se publican; o teu nome, só se escolles amosalo.',
    'Dereitos: podes acceder aos teus datos, rectificalos ou suprimilos, opoñerte ao seu tratamento ou limitalo, dirixíndote á delegación de protección de datos do Concello. Tamén podes reclamar ante a Axencia Española de Protección de Datos (www.aepd.es).',
    'Conservación: mentres se tramita o aviso e, despois, durante os prazos que marca a normativa de arquivos e documentos administrativos.',
  ].join('\n\n'),
};

/**
 * The notice shown on the alerts form (/alerts): an alert is another processing than a report,
 * with another purpose (mailing new reports), basis (consent) and retention (until unsubscribing),
 * so it must not borrow the report form's notice. Replaced through ALERTS_PRIVACY_NOTICE_ES / _EN / ….
 */
export const DEFAULT_ALERTS_PRIVACY_NOTICE: Record<Locale, string> = {
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
  ca: [
    'Responsable: l’Ajuntament, que gestiona aquesta plataforma.',
    'Finalitat: enviar-te per correu els avisos nous que coincideixen amb l’alerta que tries. La teva adreça no s’utilitza per a res més.',
    'Legitimació: el teu consentiment (art. 6.1.a del RGPD), que pots retirar quan vulguis amb l’enllaç de baixa que porta cada correu.',
    'Destinataris: ningú fora de l’Ajuntament. El teu correu no es publica mai.',
    'Drets: pots accedir a les teves dades, rectificar-les o suprimir-les, oposar-te al seu tractament o limitar-lo, adreçant-te a la delegació de protecció de dades de l’Ajuntament. També pots reclamar davant l’Agència Espanyola de Protecció de Dades (www.aepd.es).',
    'Conservació: fins que et donis de baixa; aleshores s’esborra la teva adreça.',
  ].join('\n\n'),
  eu: [
    'Arduraduna: Udala, plataforma hau kudeatzen duena.',
    'Helburua: aukeratzen duzun alertarekin bat datozen abisu berriak posta elektronikoz bidaltzea. Zure helbidea ez da beste ezertarako erabiltzen.',
    'Legitimazioa: zure baimena (DBEOren 6.1.a art.), nahi duzunean kendu dezakezuna mezu bakoitzak daraman baja-estekarekin.',
    'Hartzaileak: Udalaz kanpoko inor ez. Zure posta elektronikoa ez da inoiz argitaratzen.',
    'Eskubideak: zure datuak eskuratu, zuzendu edo ezabatu ditzakezu, eta haien tratamenduari aurka egin edo hura mugatu, Udalaren datuak babesteko ordezkaritzari idatzita. Datuak Babesteko Espainiako Agentzian ere erreklamazioa aurkez dezakezu (www.aepd.es).',
    'Kontserbazioa: baja eman arte; orduan zure helbidea ezabatzen da.',
  ].join('\n\n'),
  gl: [
    'Responsable: o Concello, que xestiona esta plataforma.',
    'Finalidade: enviarche por correo os avisos novos que coinciden coa alerta que escolles. O teu enderezo non se usa para nada máis.',
    'Lexitimación: o teu consentimento (art. 6.1.a do RXPD), que podes retirar cando queiras coa ligazón de baixa que leva cada correo.',
    'Destinatarios: ninguén fóra do Concello. O teu correo nunca se publica.',
    'Dereitos: podes acceder aos teus datos, rectificalos ou suprimilos, opoñerte ao seu tratamento ou limitalo, dirixíndote á delegación de protección de datos do Concello. Tamén podes reclamar ante a Axencia Española de Protección de Datos (www.aepd.es).',
    'Conservación: ata que te deas de baixa; entón bórrase o teu enderezo.',
  ].join('\n\n'),
};
