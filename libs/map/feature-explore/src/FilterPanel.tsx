import type { CategoryView } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { Button, CategoryIcon, CheckboxGroup } from '@plaza/web/ui';
import { useEffect, useState } from 'react';
import {
  activeFilterCount,
  type ExploreFilters,
  NO_FILTERS,
  STATUS_GROUP_NAMES,
  type StatusGroup,
} from '@plaza/map/util';

interface FilterPanelProps {
  filters: ExploreFilters;
  categories: CategoryView[] | null;
  onChange(filters: ExploreFilters): void;
}

/**
 * Filters apply as they change (the count above the list announces the result), inside a
 * disclosure so that on a phone they do not push the list away.
 */
export function FilterPanel({ filters, categories, onChange }: FilterPanelProps) {
  const { t } = useT();
  const active = activeFilterCount(filters);
  const [open, setOpen] = useState(active > 0);
  const [from, setFrom] = useState(filters.from ?? '');
  const [to, setTo] = useState(filters.to ?? '');
  useEffect(() => {
    setFrom(filters.from ?? '');
    setTo(filters.to ?? '');
  }, [filters.from, filters.to]);
  const rangeError = from && to && from > to ? t('filters.dateOrder') : null;

  const applyDates = (nextFrom: string, nextTo: string) => {
    if (nextFrom && nextTo && nextFrom > nextTo) return;
    onChange({ ...filters, from: nextFrom || null, to: nextTo || null });
  };

  return (
    <details className="filters" open={open} onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
      <summary className="filters__summary">
        {active > 0 ? t('filters.headingActive', { count: active }) : t('filters.heading')}
      </summary>
      <form className="filters__form" onSubmit={(event) => event.preventDefault()}>
        <CheckboxGroup
          id="filter-status"
          legend={t('filters.status')}
          options={STATUS_GROUP_NAMES.map((group) => ({ value: group, label: t(`filters.status.${group}`) }))}
          value={filters.statuses}
          onChange={(next) => onChange({ ...filters, statuses: next as StatusGroup[] })}
        />
        <fieldset className="ui-fieldset filters__categories">
          <legend className="ui-field__label">{t('filters.category')}</legend>
          {categories === null ? (
            <p className="muted">{t('filters.categoriesLoading')}</p>
          ) : (
            <ul className="category-checks">
              {categories.map((category) => {
                const id = `filter-category-${category.code}`;
                const checked = filters.categories.includes(category.code);
                return (
                  <li key={category.code} className="ui-check">
                    <input
                      id={id}
                      type="checkbox"
                      className="ui-check__box"
                      checked={checked}
                      onChange={(event) => {
                        const chosen = new Set(filters.categories);
                        if (event.target.checked) chosen.add(category.code);
                        else chosen.delete(category.code);
                        onChange({ ...filters, categories: categories.map((c) => c.code).filter((c) => chosen.has(c)) });
                      }}
                    />
                    <label htmlFor={id} className="ui-check__label category-checks__label">
                      <CategoryIcon icon={category.icon} size={20} />
                      {category.name}
                    </label>
                  </li>
                );
              })}
            </ul>
          )}
        </fieldset>
        <fieldset className="ui-fieldset filters__dates" aria-describedby={rangeError ? 'filter-dates-error' : undefined}>
          <legend className="ui-field__label">{t('filters.dates')}</legend>
          {rangeError && (
            <p id="filter-dates-error" className="ui-field__error">
              {rangeError}
            </p>
          )}
          <div className="filters__date-row">
            <label className="filters__date">
              <span>{t('filters.from')}</span>
              <input
                type="date"
                className="ui-field__control"
                value={from}
                max={to || undefined}
                onChange={(event) => {
                  setFrom(event.target.value);
                  applyDates(event.target.value, to);
                }}
              />
            </label>
            <label className="filters__date">
              <span>{t('filters.to')}</span>
              <input
                type="date"
                className="ui-field__control"
                value={to}
                min={from || undefined}
                aria-invalid={rangeError ? true : undefined}
                onChange={(event) => {
                  setTo(event.target.value);
                  applyDates(from, event.target.value);
                }}
              />
            </label>
          </div>
        </fieldset>
        {active > 0 && (
          <Button variant="link" onClick={() => onChange(NO_FILTERS)}>
            {t('filters.clear')}
          </Button>
        )}
      </form>
    </details>
  );
}
