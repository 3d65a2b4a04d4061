import type { TimelineEntryView } from '@plaza/shared/contracts';
import { useT, type TranslationKey } from '@plaza/web/i18n';
import { statusKey } from '@plaza/map/util';

const ACTOR_KEYS: Record<TimelineEntryView['actor'], TranslationKey> = {
  citizen: 'timeline.actor.citizen',
  city: 'timeline.actor.city',
  system: 'timeline.actor.system',
};

/** The public history of a report: status changes and the city's answers, oldest first. */
export function Timeline({ entries }: { entries: TimelineEntryView[] }) {
  const { t, formatDate } = useT();
  if (entries.length === 0) return <p>{t('timeline.empty')}</p>;
  return (
    <ol className="timeline">
      {entries.map((entry, index) => (
        <li key={`${entry.at}-${index}`} className="timeline__entry">
          <p className="timeline__when">
            <time dateTime={entry.at}>{formatDate(entry.at, { dateStyle: 'long', timeStyle: 'short' })}</time>
            {' · '}
            {t(ACTOR_KEYS[entry.actor] ?? 'timeline.actor.system')}
          </p>
          <p className="timeline__what">
            {entry.from === null
              ? t('timeline.created', { status: t(statusKey(entry.to)) })
              : t('timeline.changed', { from: t(statusKey(entry.from)), to: t(statusKey(entry.to)) })}
          </p>
          {entry.message && <blockquote className="timeline__message">{entry.message}</blockquote>}
        </li>
      ))}
    </ol>
  );
}
