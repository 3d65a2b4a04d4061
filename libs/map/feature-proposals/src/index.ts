export { ProposalsPage } from './ProposalsPage';
export { NewProposalPage } from './NewProposalPage';
export { ProposalPage } from './ProposalPage';
