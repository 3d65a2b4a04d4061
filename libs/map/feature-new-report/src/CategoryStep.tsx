import type { CategoryView } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { CategoryIcon, describedBy, errorId } from '@plaza/web/ui';

interface CategoryStepProps {
  categories: CategoryView[] | null;
  failed: boolean;
  value: string | null;
  error: string | null;
  onChange(code: string): void;
}

/** Categories as large radio cards with icons, grouped as the city groups them. */
export function CategoryStep({ categories, failed, value, error, onChange }: CategoryStepProps) {
  const { t } = useT();
  if (!categories) return <p role="status">{failed ? t('category.failed') : t('page.loading')}</p>;
  const groups = new Map<string, CategoryView[]>();
  for (const category of categories) {
    const group = category.group ?? '';
    groups.set(group, [...(groups.get(group) ?? []), category]);
  }
  return (
    <fieldset
      id="nr-category"
      className={`category-picker${error ? ' ui-field--invalid' : ''}`}
      aria-describedby={describedBy('nr-category', { hint: true, error })}
    >
      <legend className="ui-field__label">{t('category.legend')}</legend>
      <p id="nr-category-hint" className="ui-field__hint">
        {t('category.hint')}
      </p>
      {error && (
        <p id={errorId('nr-category')} className="ui-field__error">
          {error}
        </p>
      )}
      {[...groups].map(([group, items]) => (
        <div key={group} className="category-picker__group">
          {group && <p className="category-picker__group-name">{group}</p>}
          <ul className="category-picker__options">
            {items.map((category) => {
              const id = `nr-category-${category.code}`;
              return (
                <li key={category.code}>
                  <input
                    id={id}
                    type="radio"
                    name="category"
                    value={category.code}
                    className="category-picker__radio"
                    checked={value === category.code}
                    aria-describedby={`${id}-description`}
                    onChange={() => onChange(category.code)}
                  />
                  <label htmlFor={id} className="category-picker__card">
                    <CategoryIcon icon={category.icon} size={28} className="category-picker__icon" />
                    <span className="category-picker__name">{category.name}</span>
                    <span id={`${id}-description`} className="category-picker__description">
                      {category.description}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </fieldset>
  );
}
