import { INTAKE_CHANNELS, type IntakeChannel } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { CheckboxField, SelectField, TextAreaField, TextField } from '@plaza/web/ui';
import { useMemo, useState } from 'react';
import { casesApi } from '@plaza/console/data-access';
import { ApiFormView, type FormFields, Page, useApiForm, useConsoleNavigate } from '@plaza/console/ui';
import { useReference } from './useReference';
import './cases.css';

/** Parses "40,4168" or "40.4168"; an empty or odd value goes as NaN so the API names the field. */
function coordinate(value: string): number {
  return value.trim() === '' ? Number.NaN : Number(value.trim().replace(',', '.'));
}

/**
 * A report a resident made by phone, in person, by email or on a social network, filed by staff
 * with the channel it came through. The reporter's contact stays private like any other report's.
 */
export function FileOnBehalfPage() {
  const { t, locale } = useT();
  const reference = useReference(locale);
  const navigate = useConsoleNavigate();
  const [values, setValues] = useState({
    category: '',
    title: '',
    description: '',
    lat: '',
    lon: '',
    address: '',
    name: '',
    email: '',
    phone: '',
    channelDetails: '',
  });
  const [channel, setChannel] = useState<IntakeChannel>('phone');
  const [showName, setShowName] = useState(false);
  const [publish, setPublish] = useState(false);
  const fields: FormFields = useMemo(
    () => ({
      category: { id: 'file-category', label: t('cases.field.category') },
      title: { id: 'file-title', label: t('cases.field.title') },
      description: { id: 'file-description', label: t('cases.field.description') },
      lat: { id: 'file-lat', label: t('cases.location.lat') },
      lon: { id: 'file-lon', label: t('cases.location.lon') },
      address: { id: 'file-address', label: t('cases.field.address') },
      'reporter.name': { id: 'file-name', label: t('cases.reporter.name') },
      'reporter.email': { id: 'file-email', label: t('cases.reporter.email') },
      'reporter.phone': { id: 'file-phone', label: t('cases.reporter.phone') },
      reporter: { id: 'file-email', label: t('cases.reporter.email') },
      channel: { id: 'file-channel', label: t('cases.file.channel') },
      channelDetails: { id: 'file-channel-details', label: t('cases.reporter.channelDetails') },
    }),
    [t],
  );
  const form = useApiForm(fields);
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((previous) => ({ ...previous, [key]: event.target.value }));

  const submit = async () => {
    const result = await form.run(() =>
      casesApi.fileOnBehalf({
        category: values.category,
        title: values.title.trim(),
        description: values.description.trim(),
        lat: coordinate(values.lat),
        lon: coordinate(values.lon),
        address: values.address.trim() || undefined,
        reporter: {
          name: values.name.trim(),
          email: values.email.trim() || undefined,
          phone: values.phone.trim() || undefined,
          showName,
        },
        channel,
        channelDetails: values.channelDetails.trim() || undefined,
        publish,
      }),
    );
    if (result?.case) navigate(`/cases/${encodeURIComponent(result.case.ref)}`);
  };

  return (
    <Page title={t('cases.file.title')}>
      <p className="lead">{t('cases.file.summary')}</p>
      <ApiFormView form={form} label={t('cases.file.title')} submitLabel={t('cases.file.submit')} onSubmit={() => void submit()}>
        <fieldset className="ui-fieldset">
          <legend>{t('cases.file.channelLegend')}</legend>
          <SelectField
            id="file-channel"
            label={t('cases.file.channel')}
            options={INTAKE_CHANNELS.map((c) => ({ value: c, label: t(`cases.source.${c}`) }))}
            value={channel}
            onChange={(event) => setChannel(event.target.value as IntakeChannel)}
            error={form.error('file-channel')}
          />
          <TextField
            id="file-channel-details"
            label={t('cases.reporter.channelDetails')}
            hint={t('cases.file.channelDetailsHint')}
            value={values.channelDetails}
            onChange={set('channelDetails')}
            error={form.error('file-channel-details')}
          />
        </fieldset>
        <fieldset className="ui-fieldset">
          <legend>{t('cases.file.reportLegend')}</legend>
          <SelectField
            id="file-category"
            label={t('cases.field.category')}
            placeholder={t('cases.choose')}
            options={reference.categories.map((c) => ({ value: c.code, label: c.name }))}
            value={values.category}
            onChange={set('category')}
            error={form.error('file-category')}
          />
          <TextField id="file-title" label={t('cases.field.title')} value={values.title} onChange={set('title')} error={form.error('file-title')} />
          <TextAreaField
            id="file-description"
            label={t('cases.field.description')}
            rows={4}
            value={values.description}
            onChange={set('description')}
            error={form.error('file-description')}
          />
          <TextField id="file-address" label={t('cases.field.address')} value={values.address} onChange={set('address')} error={form.error('file-address')} />
          <div className="form-row">
            <TextField id="file-lat" label={t('cases.location.lat')} inputMode="decimal" value={values.lat} onChange={set('lat')} error={form.error('file-lat')} />
            <TextField id="file-lon" label={t('cases.location.lon')} inputMode="decimal" value={values.lon} onChange={set('lon')} error={form.error('file-lon')} />
          </div>
        </fieldset>
        <fieldset className="ui-fieldset">
          <legend>{t('cases.file.reporterLegend')}</legend>
          <p className="hint">{t('cases.reporter.private')}</p>
          <TextField id="file-name" label={t('cases.reporter.name')} autoComplete="off" value={values.name} onChange={set('name')} error={form.error('file-name')} />
          <TextField
            id="file-email"
            type="email"
            label={t('cases.reporter.email')}
            hint={t('cases.file.contactHint')}
            autoComplete="off"
            value={values.email}
            onChange={set('email')}
            error={form.error('file-email')}
          />
          <TextField id="file-phone" type="tel" label={t('cases.reporter.phone')} autoComplete="off" value={values.phone} onChange={set('phone')} error={form.error('file-phone')} />
          <CheckboxField id="file-show-name" label={t('cases.reporter.showName')} checked={showName} onChange={(e) => setShowName(e.target.checked)} />
        </fieldset>
        <CheckboxField id="file-publish" label={t('cases.file.publish')} hint={t('cases.file.publishHint')} checked={publish} onChange={(e) => setPublish(e.target.checked)} />
      </ApiFormView>
    </Page>
  );
}
