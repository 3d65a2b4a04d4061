import { useT, type TranslationKey } from '@plaza/web/i18n';
import { Dialog } from '@plaza/web/ui';

const INBOX: ReadonlyArray<[string, TranslationKey]> = [
  ['j', 'cases.shortcuts.next'],
  ['k', 'cases.shortcuts.previous'],
  ['Enter', 'cases.shortcuts.open'],
  ['x', 'cases.shortcuts.select'],
  ['a', 'cases.shortcuts.assign'],
  ['p', 'cases.shortcuts.publish'],
  ['h', 'cases.shortcuts.hide'],
  ['?', 'cases.shortcuts.help'],
];

const CASE: ReadonlyArray<[string, TranslationKey]> = [
  ['a', 'cases.shortcuts.assignCase'],
  ['p', 'cases.shortcuts.publishCase'],
  ['h', 'cases.shortcuts.hideCase'],
  ['r', 'cases.shortcuts.reply'],
  ['n', 'cases.shortcuts.note'],
  ['?', 'cases.shortcuts.help'],
];

/** The list of single-key shortcuts; they never act while typing in a field. */
export function ShortcutsDialog({ open, onClose, scope }: { open: boolean; onClose(): void; scope: 'inbox' | 'case' }) {
  const { t } = useT();
  const list = scope === 'inbox' ? INBOX : CASE;
  return (
    <Dialog open={open} title={t('cases.shortcuts.title')} closeLabel={t('console.dialog.close')} onClose={onClose}>
      <p>{t('cases.shortcuts.intro')}</p>
      <dl className="shortcut-list">
        {list.map(([key, label]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
