import { renderEmail } from '@plaza/api/mail';
import type { OutgoingMail } from '@plaza/api/mail';
import type { Locale } from '@plaza/shared/contracts';

/** A case as a department receives it: everything needed to act, including how to reach the reporter. */
export interface DispatchCase {
  reportId: string;
  ref: string;
  title: string;
  description: string;
  categoryCode: string;
  categoryName: string;
  address: string | null;
  lat: number;
  lon: number;
  reporterName: string;
  reporterEmail: string | null;
  reporterPhone: string | null;
  photoUrls: string[];
  departmentId: string;
  departmentName: string;
  /** The department's mail language (departments.locale); category and department names come in it. */
  locale: Locale;
}

/**
 * Departments have no language of their own: they are the city's offices, so they get the city's
 * language, Spanish — the console they open from the mail is in whatever language each person picks.
 */
export const DEPARTMENT_MAIL_LOCALE = 'es';

export function caseConsoleUrl(publicUrl: string, ref: string): string {
  return `${publicUrl}/console/cases/${encodeURIComponent(ref)}`;
}

/** The mail to a department's contact address for one case routed to it. */
export function departmentMail(to: string, c: DispatchCase, publicUrl: string): OutgoingMail {
  const subject = `[Plaza ${c.ref}] ${c.categoryName}: ${c.title}`;
  const place = c.address ? `${c.address} (${c.lat.toFixed(6)}, ${c.lon.toFixed(6)})` : `${c.lat.toFixed(6)}, ${c.lon.toFixed(6)}`;
  const reporter = [c.reporterName, c.reporterEmail, c.reporterPhone].filter(Boolean).join(' · ');
  const { html, text } = renderEmail({
    locale: DEPARTMENT_MAIL_LOCALE,
    heading: `Nueva incidencia para ${c.departmentName}: ${c.ref}`,
    paragraphs: [
      `${c.title}`,
      `Categoría: ${c.categoryName}`,
      `Lugar: ${place}`,
      `Descripción: ${c.description}`,
      `Vecino o vecina que avisa: ${reporter}. Estos datos son solo para atender el aviso; no los publique ni los comparta.`,
      ...(c.photoUrls.length ? [`Fotos: ${c.photoUrls.join(' ')}`] : ['Sin fotos.']),
    ],
    action: { label: `Abrir ${c.ref} en la consola`, url: caseConsoleUrl(publicUrl, c.ref) },
    footer: `Recibe este correo porque ${c.departmentName} recibe por correo las incidencias que Plaza le asigna.`,
  });
  return {
    to,
    subject,
    text,
    html,
    locale: DEPARTMENT_MAIL_LOCALE,
    // One mail per case and department, however many times the routing event is replayed.
    dedupeKey: `dispatch-email:${c.reportId}:${c.departmentId}`,
  };
}
