import type { CaseDetail, NoteVisibility } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { DepartmentWork, NoteForm } from './CaseWork';
import type { CaseMoves } from './useMove';

/** What the one composer writes: a public message, or an internal note of either visibility. */
export type ComposerKind = 'public' | NoteVisibility;

/**
 * One composer for everything written on a case, with the kind chosen first and said in words:
 * a public reply (the resident reads it; with the status moves a department makes), an instruction
 * to the department (an internal note the department reads), or an internal note (community
 * managers only). Each kind keeps its own form below the choice, so additions such as personal-data
 * checks live in the form they belong to (ReplyComposer for public text).
 */
export function CaseComposer({
  detail,
  kind,
  onKind,
  publicMoves,
  noteMoves,
}: {
  detail: CaseDetail;
  kind: ComposerKind;
  onKind(kind: ComposerKind): void;
  publicMoves: CaseMoves;
  noteMoves: CaseMoves;
}) {
  const { t } = useT();
  const can = detail.permissions;
  const kinds: ComposerKind[] = can.seeCommunityManagerNotes ? ['public', 'departments', 'community_managers'] : ['public', 'departments'];
  // Department staff write public replies with their moves, and notes their department and the
  // community managers read; community managers choose among all three.
  const kindName = (k: ComposerKind) =>
    can.moderate
      ? t(`cases.composer.kindName.manager.${k}`)
      : t(`cases.composer.kindName.department.${k === 'public' ? 'public' : 'departments'}`);
  const kindWho = (k: ComposerKind) =>
    can.moderate
      ? t(`cases.composer.kindWho.manager.${k}`)
      : t(`cases.composer.kindWho.department.${k === 'public' ? 'public' : 'departments'}`);
  return (
    <section className="card composer-card" aria-labelledby="composer-heading">
      <h2 id="composer-heading">{t('cases.composer.heading')}</h2>
      <fieldset className="composer-kinds">
        <legend>{t('cases.composer.kind')}</legend>
        {kinds.map((k) => (
          <label key={k} className="composer-kind">
            <input type="radio" name="composer-kind" id={`composer-kind-${k}`} value={k} checked={kind === k} onChange={() => onKind(k)} />
            <span>
              <strong>{kindName(k)}</strong> <span className="composer-kind__who">{kindWho(k)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {kind === 'public' ? (
        can.workAsDepartment ? (
          <DepartmentWork
            detail={detail}
            moves={publicMoves}
            id={can.moderate ? 'reply' : 'work'}
            // Departments answer publicly too (a draft for approval unless trusted), besides moving the status.
            includeReply
          />
        ) : (
          <p className="hint" role="note">
            {t('cases.composer.awaitingModeration')}
          </p>
        )
      ) : (
        <NoteForm key={kind} detail={detail} moves={noteMoves} visibility={kind} />
      )}
    </section>
  );
}
