import { casesApi } from '@plaza/console/data-access';
import { parseSavedViews, savedViewsKey, withoutSavedView, withSavedView, type SavedView } from '@plaza/console/util';
import { useT } from '@plaza/web/i18n';
import { Button, TextField } from '@plaza/web/ui';
import { useEffect, useState, type FormEvent } from 'react';

/**
 * Views an earlier console kept in this browser (localStorage): moved to the server once, then
 * forgotten here, so nobody loses the views they had.
 */
function takeLocalViews(userId: string): SavedView[] {
  try {
    const views = parseSavedViews(window.localStorage.getItem(savedViewsKey(userId)));
    window.localStorage.removeItem(savedViewsKey(userId));
    return views;
  } catch {
    return [];
  }
}

/**
 * The person's saved inbox views (queue + filters + sort), kept on the server under their account
 * so they follow them to any computer (docs/console.md). Applying one is a link-like button; saving
 * names the current view.
 */
export function SavedViews({ userId, current, onApply }: { userId: string; current: string; onApply(search: string): void }) {
  const { t } = useT();
  const [views, setViews] = useState<SavedView[]>([]);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        let stored = await casesApi.savedViews();
        const local = takeLocalViews(userId);
        if (local.length > 0) {
          stored = await casesApi.saveSavedViews(local.reduce((all, view) => withSavedView(all, view), stored));
        }
        if (live) setViews(stored);
      } catch {
        if (live) setFailed(true);
      }
    })();
    return () => {
      live = false;
    };
  }, [userId]);

  const update = (next: SavedView[]) => {
    const before = views;
    setViews(next);
    setFailed(false);
    casesApi.saveSavedViews(next).then(setViews, () => {
      // Not kept: show what the server has and say so.
      setViews(before);
      setFailed(true);
    });
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('console.fieldError.required'));
      document.getElementById('saved-view-name')?.focus();
      return;
    }
    setError(undefined);
    update(withSavedView(views, { name, search: current }));
    setName('');
  };
  return (
    <section className="saved-views" aria-labelledby="saved-views-heading">
      <h2 id="saved-views-heading">{t('cases.views.heading')}</h2>
      {failed && (
        <p className="hint" role="status">
          {t('cases.views.failed')}
        </p>
      )}
      {views.length === 0 ? (
        <p className="hint">{t('cases.views.none')}</p>
      ) : (
        <ul>
          {views.map((view) => (
            <li key={view.name}>
              <Button variant="link" aria-current={view.search === current ? 'true' : undefined} onClick={() => onApply(view.search)}>
                {view.name}
              </Button>
              <Button variant="link" onClick={() => update(withoutSavedView(views, view.name))}>
                {t('cases.views.remove', { name: view.name })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form className="saved-views__save" onSubmit={save} noValidate>
        <TextField id="saved-view-name" label={t('cases.views.name')} value={name} error={error} onChange={(e) => setName(e.target.value)} />
        <Button type="submit">{t('cases.views.save')}</Button>
      </form>
    </section>
  );
}
