import { CaseView } from './CaseView';

/** `/console/cases/{ref}`: one case on its own page (the inbox shows the same view beside the list). */
export function CasePage({ caseRef }: { caseRef: string }) {
  return <CaseView caseRef={caseRef} />;
}
