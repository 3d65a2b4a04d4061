// Case work: the inbox, one case, and filing a report on a citizen's behalf.
export { CasePage } from './CasePage';
export { FileOnBehalfPage } from './FileOnBehalfPage';
export { InboxPage } from './InboxPage';
