import type { confirmationEs } from './confirmation.es';

// English for the confirmation of anonymous reports; complete, like the rest of en.ts.
export const confirmationEn: Record<keyof typeof confirmationEs, string> = {
  'sent.checkEmail.title': 'Check your email',
  'sent.checkEmail.body': 'We have sent a link to the email address you gave. Open it to confirm that the report is yours.',
  'sent.checkEmail.notPublic': 'The report is not public yet: it will reach the city once you confirm it.',
  'sent.checkEmail.expiry':
    'If you do not confirm it within a few days, the report and its photos will be deleted. Nothing arrived? Look in your spam folder.',
  'confirm.title': 'Confirm the report',
  'confirm.working': 'Confirming your report…',
  'confirm.done.title': 'Report confirmed',
  'confirm.done.already': 'This report had already been confirmed.',
  'confirm.done.published': 'Thank you. The report is now on the map and the city will handle it.',
  'confirm.done.moderation': 'Thank you. City staff will review it before publishing it on the map.',
  'confirm.view': 'Open the report',
  'confirm.failed.title': 'The report could not be confirmed',
  'confirm.failed.expired':
    'This link has expired: the report was not confirmed in time and will be deleted. If the problem is still there, report it again.',
  'confirm.failed.unknown':
    'This link is not valid. It may be incomplete, or the report was deleted because the link expired.',
  'confirm.failed.network': 'We could not reach the server. Check your connection and try again.',
  'confirm.retry': 'Try again',
  'confirm.newReport': 'Report a problem',
};
