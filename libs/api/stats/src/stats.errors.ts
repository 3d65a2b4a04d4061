import { DomainError } from '@plaza/api/http';

export const StatsErrors = {
  unknownArea: (code: string) =>
    new DomainError('STATS.UNKNOWN_AREA', 'not_found', `There is no area with code "${code}".`),
  unknownDepartment: (code: string) =>
    new DomainError('STATS.UNKNOWN_DEPARTMENT', 'not_found', `There is no department with code "${code}".`),
  unknownReport: (ref: string) =>
    new DomainError('STATS.UNKNOWN_REPORT', 'not_found', `There is no public report "${ref}".`),
};
