import { DomainError } from '@plaza/api/http';
import type { ProposalStatus } from '@plaza/shared/contracts';

export const ProposalErrors = {
  notFound: (id: string) => new DomainError('PROPOSAL.NOT_FOUND', 'not_found', `No proposal with id ${id}.`),
  unknownTheme: (code: string) =>
    DomainError.validation([{ field: 'theme', code: 'unknown_theme', message: `There is no active theme "${code}".` }]),
  unknownArea: (code: string) =>
    DomainError.validation([{ field: 'area', code: 'unknown_area', message: `There is no area "${code}".` }]),
  outsideAreas: () =>
    new DomainError('PROPOSAL.OUTSIDE_AREAS', 'validation', 'The location is outside every area this city handles.', [
      { field: 'lat', code: 'outside_areas', message: 'This point is outside the city.' },
      { field: 'lon', code: 'outside_areas', message: 'This point is outside the city.' },
    ]),
  halfPoint: () =>
    DomainError.validation([{ field: 'lat', code: 'required', message: 'Send both lat and lon, or neither.' }]),
  alreadySupported: () =>
    new DomainError('PROPOSAL.ALREADY_SUPPORTED', 'conflict', 'You already support this proposal.'),
  notSupported: () => new DomainError('PROPOSAL.NOT_SUPPORTED', 'not_found', 'You do not support this proposal.'),
  ownProposal: () =>
    new DomainError('PROPOSAL.OWN_PROPOSAL', 'forbidden', 'Authors cannot support their own proposal: it already counts as theirs.'),
  notCollectingSupports: (status: ProposalStatus) =>
    new DomainError('PROPOSAL.NOT_COLLECTING_SUPPORTS', 'conflict', `A proposal in status ${status} no longer takes supports.`),
  transitionNotAllowed: (from: ProposalStatus, to: ProposalStatus) =>
    new DomainError('PROPOSAL.TRANSITION_NOT_ALLOWED', 'conflict', `A proposal cannot go from ${from} to ${to}.`),
  notYourMove: (from: ProposalStatus, to: ProposalStatus) =>
    new DomainError('PROPOSAL.TRANSITION_FORBIDDEN', 'forbidden', `You cannot move this proposal from ${from} to ${to}.`),
  notAuthor: () => new DomainError('PROPOSAL.NOT_AUTHOR', 'forbidden', 'Only the author can withdraw a proposal.'),
  noDepartment: () =>
    new DomainError(
      'PROPOSAL.NO_DEPARTMENT',
      'conflict',
      'The proposal has no responsible department yet: the community manager assigns one when evaluating it.',
    ),
  notYourDepartment: () =>
    new DomainError('PROPOSAL.NOT_YOUR_DEPARTMENT', 'forbidden', 'Only the responsible department answers this proposal.'),
  unknownTemplate: () =>
    DomainError.validation([
      { field: 'templateId', code: 'unknown_template', message: 'There is no active answer template with this id for this outcome.' },
    ]),
  unknownDepartment: () =>
    DomainError.validation([{ field: 'departmentId', code: 'unknown_department', message: 'There is no active department with this id.' }]),
  unknownReport: (ref: string) =>
    DomainError.validation([{ field: 'reportRef', code: 'unknown_report', message: `There is no report ${ref}.` }]),
  reportNotFound: (ref: string) => new DomainError('REPORT.NOT_FOUND', 'not_found', `No public report with reference ${ref.slice(0, 40)}.`),
  notLinked: (ref: string) => new DomainError('PROPOSAL.REPORT_NOT_LINKED', 'not_found', `Report ${ref} is not linked to this proposal.`),
  themeExists: (code: string) => new DomainError('THEME.EXISTS', 'conflict', `A theme with code ${code} exists already.`),
  themeNotFound: (code: string) => new DomainError('THEME.NOT_FOUND', 'not_found', `No theme ${code}.`),
  blocked: () => new DomainError('USER.BLOCKED', 'forbidden', 'Your account is blocked from posting. Contact the city if you think this is a mistake.'),
};

/** Public ids are positive integers; anything else is simply not found (never a database error). */
export function parseProposalId(raw: string): string {
  if (!/^[1-9][0-9]{0,17}$/.test(raw)) throw ProposalErrors.notFound(raw.slice(0, 40));
  return raw;
}
