import { CASE_PRIORITIES, type CaseDetail, type CasePriority, type CategoryView, type DepartmentRef } from '@plaza/shared/contracts';
import { detectPersonalData, redact, type PersonalDataSpan } from '@plaza/shared/moderation';
import { useT } from '@plaza/web/i18n';
import { AlertMessage, Button, SelectField, TextAreaField, TextField } from '@plaza/web/ui';
import { useMemo, useState } from 'react';
import { casesApi } from '@plaza/console/data-access';
import { ConsoleLink, kindLabel, PersonalDataText } from '@plaza/console/ui';
import { heldFieldsText, kindsText } from '@plaza/console/util';
import type { CaseMoves } from './useMove';

type Field = 'title' | 'description';

/**
 * The public title and description, with what looks like personal data highlighted and a one-click
 * redaction (each item or all). Saving sends the edited text; the API keeps the original in the audit trail.
 */
export function PublicTextEditor({ detail, moves }: { detail: CaseDetail; moves: CaseMoves }) {
  const { t } = useT();
  const [title, setTitle] = useState(detail.title);
  const [description, setDescription] = useState(detail.description);
  const found = useMemo(
    () => ({ title: detectPersonalData(title), description: detectPersonalData(description) }),
    [title, description],
  );
  const total = found.title.length + found.description.length;
  const changed = title !== detail.title || description !== detail.description;
  // Placeholders in the city's language: the public text is the citizen's, usually Spanish.
  const locale = 'es';
  const originally = useMemo(() => detectPersonalData(`${detail.title}\n${detail.description}`).length, [detail.title, detail.description]);

  const redactIn = (field: Field, spans: readonly PersonalDataSpan[]) => {
    if (field === 'title') setTitle((value) => redact(value, spans, locale));
    else setDescription((value) => redact(value, spans, locale));
  };

  const items = (['title', 'description'] as const).flatMap((field) => found[field].map((span) => ({ field, span })));

  return (
    <section className="card" aria-labelledby="public-text-heading">
      <h2 id="public-text-heading">{t('cases.text.heading')}</h2>
      <div className="pd-summary">
        <h3>{t('cases.pd.heading')}</h3>
        {total === 0 ? (
          <p>{t('cases.pd.none')}</p>
        ) : (
          <>
            <p>{t('cases.pd.found', { count: total })}</p>
            <ul className="pd-list">
              {items.map(({ field, span }) => (
                <li key={`${field}-${span.start}`}>
                  <span>
                    {kindLabel(t, span.kind)} ({t(`cases.field.${field}`)}): <mark className={`pd-mark pd-mark--${span.kind}`}>{span.text}</mark>
                  </span>{' '}
                  <Button variant="link" onClick={() => redactIn(field, [span])}>
                    {t('cases.pd.redactOne', { text: span.text })}
                  </Button>
                </li>
              ))}
            </ul>
            <Button
              onClick={() => {
                redactIn('title', found.title);
                redactIn('description', found.description);
              }}
            >
              {t('cases.pd.redactAll')}
            </Button>
          </>
        )}
      </div>
      <div className="pd-preview">
        <h3>{t('cases.text.preview')}</h3>
        <p className="pd-preview__title">
          <strong>
            <PersonalDataText text={title} spans={found.title} />
          </strong>
        </p>
        <PersonalDataText text={description} spans={found.description} />
      </div>
      <TextField id="case-title" label={t('cases.field.title')} value={title} onChange={(event) => setTitle(event.target.value)} />
      <TextAreaField
        id="case-description"
        label={t('cases.field.description')}
        rows={5}
        value={description}
        onChange={(event) => setDescription(event.target.value)}
      />
      <AlertMessage>{moves.error}</AlertMessage>
      <div className="console-form__actions">
        <Button
          variant="primary"
          busy={moves.busy}
          disabled={!changed}
          onClick={() =>
            void moves.run(
              () => casesApi.editText(detail.ref, { title, description, reason: total < originally ? 'personal_data' : 'edited' }),
              t('cases.text.saved'),
            )
          }
        >
          {t('cases.text.save')}
        </Button>
        <Button
          disabled={!changed}
          onClick={() => {
            setTitle(detail.title);
            setDescription(detail.description);
          }}
        >
          {t('cases.text.undo')}
        </Button>
      </div>
    </section>
  );
}

/** Publish, hide, category, department, priority and location: the community manager's moves. */
export function ModerationMoves({
  detail,
  moves,
  categories,
  departments,
  onHide,
}: {
  detail: CaseDetail;
  moves: CaseMoves;
  categories: readonly CategoryView[];
  departments: readonly DepartmentRef[];
  onHide(): void;
}) {
  const { t } = useT();
  const [department, setDepartment] = useState(detail.department?.id ?? '');
  const [category, setCategory] = useState(detail.category.code);
  const [priority, setPriority] = useState<CasePriority>(detail.priority);
  const [lat, setLat] = useState(String(detail.location.lat));
  const [lon, setLon] = useState(String(detail.location.lon));
  const [address, setAddress] = useState(detail.address ?? '');
  const remaining = detectPersonalData(`${detail.title}\n${detail.description}`).length;
  const suggestion = detail.routing.department;

  return (
    <section className="card" aria-labelledby="moderation-heading">
      <h2 id="moderation-heading">{t('cases.moderation.heading')}</h2>
      <AlertMessage>{moves.error}</AlertMessage>
      <div className="move-group">
        <p>
          {t('cases.moderation.state')} <strong>{t(`cases.moderation.${detail.moderation}`)}</strong>
        </p>
        {detail.held && (
          <p className="warning held-reason">
            {t('cases.held.report', { kinds: kindsText(t, detail.held.kinds), fields: heldFieldsText(t, detail.held) })}
          </p>
        )}
        {detail.moderation !== 'published' && remaining > 0 && <p className="warning">{t('cases.pd.stillThere', { count: remaining })}</p>}
        <div className="console-form__actions">
          {detail.moderation !== 'published' && (
            <Button
              id="publish-button"
              variant="primary"
              busy={moves.busy}
              onClick={() => void moves.run(() => casesApi.publish(detail.ref), t('cases.moderation.published'))}
            >
              {t('cases.moderation.publish')}
            </Button>
          )}
          {detail.moderation !== 'hidden' && (
            <Button id="hide-button" variant="danger" onClick={onHide}>
              {t('cases.moderation.hide')}
            </Button>
          )}
        </div>
      </div>

      <div className="move-group">
        <h3>{t('cases.assign.heading')}</h3>
        <p className="routing-suggestion">
          {suggestion
            ? t(`cases.routing.${detail.routing.basis}`, { department: suggestion.name })
            : t('cases.routing.none')}
          {suggestion && detail.routing.matchesCurrent && ` ${t('cases.routing.matches')}`}
        </p>
        <div className="form-row">
          <SelectField
            id="assign-department"
            label={t('cases.field.department')}
            placeholder={t('cases.choose')}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
            value={department}
            onChange={(event) => setDepartment(event.target.value)}
          />
        </div>
        <div className="console-form__actions">
          <Button
            busy={moves.busy}
            disabled={!department || department === detail.department?.id}
            onClick={() => void moves.run(() => casesApi.assign(detail.ref, department), t('cases.assign.done'))}
          >
            {t('cases.assign.submit')}
          </Button>
          {suggestion && !detail.routing.matchesCurrent && (
            <Button
              busy={moves.busy}
              onClick={() => void moves.run(() => casesApi.assign(detail.ref, suggestion.id), t('cases.assign.done'))}
            >
              {t('cases.assign.suggested', { department: suggestion.name })}
            </Button>
          )}
        </div>
      </div>

      <div className="move-group form-row">
        <SelectField
          id="case-category"
          label={t('cases.field.category')}
          options={categories.map((c) => ({ value: c.code, label: c.name }))}
          value={category}
          onChange={(event) => setCategory(event.target.value)}
        />
        <Button
          busy={moves.busy}
          disabled={category === detail.category.code}
          onClick={() => void moves.run(() => casesApi.changeCategory(detail.ref, category), t('cases.category.done'))}
        >
          {t('cases.category.submit')}
        </Button>
      </div>

      <div className="move-group form-row">
        <SelectField
          id="case-priority"
          label={t('cases.field.priority')}
          options={CASE_PRIORITIES.map((p) => ({ value: p, label: t(`cases.priority.${p}`) }))}
          value={priority}
          onChange={(event) => setPriority(event.target.value as CasePriority)}
        />
        <Button
          busy={moves.busy}
          disabled={priority === detail.priority}
          onClick={() => void moves.run(() => casesApi.priority(detail.ref, priority), t('cases.priority.done'))}
        >
          {t('cases.priority.submit')}
        </Button>
      </div>

      <details className="move-group">
        <summary>{t('cases.location.heading')}</summary>
        <div className="form-row">
          <TextField id="case-lat" label={t('cases.location.lat')} inputMode="decimal" value={lat} onChange={(e) => setLat(e.target.value)} />
          <TextField id="case-lon" label={t('cases.location.lon')} inputMode="decimal" value={lon} onChange={(e) => setLon(e.target.value)} />
        </div>
        <TextField id="case-address" label={t('cases.field.address')} value={address} onChange={(e) => setAddress(e.target.value)} />
        <Button
          busy={moves.busy}
          onClick={() =>
            void moves.run(
              () => casesApi.changeLocation(detail.ref, Number(lat.replace(',', '.')), Number(lon.replace(',', '.')), address.trim() || null),
              t('cases.location.done'),
            )
          }
        >
          {t('cases.location.submit')}
        </Button>
      </details>
    </section>
  );
}

/** Nearby reports that may be the same problem; merging makes this case the duplicate. */
export function NearbyReports({ detail, moves, canMerge }: { detail: CaseDetail; moves: CaseMoves; canMerge: boolean }) {
  const { t, formatNumber } = useT();
  return (
    <section className="card" aria-labelledby="nearby-heading">
      <h2 id="nearby-heading">{t('cases.nearby.heading')}</h2>
      {detail.duplicateOf && <p>{t('cases.nearby.duplicateOf', { ref: detail.duplicateOf })}</p>}
      {detail.duplicates.length > 0 && <p>{t('cases.nearby.duplicates', { refs: detail.duplicates.join(', ') })}</p>}
      {detail.nearby.length === 0 ? (
        <p>{t('cases.nearby.none')}</p>
      ) : (
        <ul className="nearby-list">
          {detail.nearby.map((n) => (
            <li key={n.ref}>
              <ConsoleLink href={`/cases/${encodeURIComponent(n.ref)}`}>{n.ref}</ConsoleLink> {n.title} · {t(`status.${n.status}`)} ·{' '}
              {t('cases.nearby.distance', { meters: formatNumber(Math.round(n.distanceMeters)) })}
              {canMerge && !detail.duplicateOf && (
                <>
                  {' '}
                  <Button
                    variant="link"
                    busy={moves.busy}
                    onClick={() => void moves.run(() => casesApi.merge(detail.ref, n.ref), t('cases.nearby.merged', { ref: n.ref }))}
                  >
                    {t('cases.nearby.merge', { ref: n.ref })}
                  </Button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
