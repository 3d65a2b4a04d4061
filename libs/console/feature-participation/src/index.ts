// Participation staff pages: the flag queue and the proposals' staff view.
export { FlagsPage } from './FlagsPage';
export { ProposalsPage } from './ProposalsPage';
export { ProposalStaffPage } from './ProposalStaffPage';
