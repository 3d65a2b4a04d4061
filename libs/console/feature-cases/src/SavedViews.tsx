import { useT } from '@plaza/web/i18n';
import { Button, TextField } from '@plaza/web/ui';
import { useState, type FormEvent } from 'react';
import { parseSavedViews, savedViewsKey, withoutSavedView, withSavedView, type SavedView } from '@plaza/console/util';

function load(userId: string): SavedView[] {
  try {
    return parseSavedViews(window.localStorage.getItem(savedViewsKey(userId)));
  } catch {
    return [];
  }
}

function store(userId: string, views: SavedView[]): void {
  try {
    window.localStorage.setItem(savedViewsKey(userId), JSON.stringify(views));
  } catch {
    // Storage unavailable (private mode, full): the views last as long as the page.
  }
}

/**
 * The person's saved inbox views (queue + filters + sort), kept in this browser under their account
 * (localStorage; see docs/console.md). Applying one is a link-like button; saving names the current view.
 */
export function SavedViews({ userId, current, onApply }: { userId: string; current: string; onApply(search: string): void }) {
  const { t } = useT();
  const [views, setViews] = useState<SavedView[]>(() => load(userId));
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const update = (next: SavedView[]) => {
    setViews(next);
    store(userId, next);
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
