import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import type { Locale } from '@plaza/shared/contracts';
import type { EntityManager } from 'typeorm';
import { ConsentRepository, type ConsentChannel, type ConsentForm } from './consent.repository';
import { noticeVersion } from './notice-version';

export interface ConsentGiven {
  form: ConsentForm;
  channel: ConsentChannel;
  /** The language the form was shown in: the notice recorded is the one shown in it. */
  locale: Locale;
  userId?: string | null;
  reportId?: string | null;
  alertId?: string | null;
}

/** A form's report source to the channel consent came through. */
export function consentChannelOf(source: string, onBehalf: boolean): ConsentChannel {
  if (onBehalf) return 'on_behalf';
  return source.startsWith('open311') ? 'open311' : 'web';
}

/**
 * Records, in the form's own transaction, that a person accepted the data-protection notice:
 * which form, which channel, which version of the text in which language, when.
 */
@Injectable()
export class ConsentService {
  constructor(
    private readonly records: ConsentRepository,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'privacyNotice'>,
  ) {}

  /**
   * The notice a form shown in `locale` carries, for a writer that inserts its consent record in
   * its own statement (filing a report does, docs/decisions/0015-write-path.md).
   */
  notice(locale: Locale): { locale: string; version: string } {
    return noticeVersion(this.config.privacyNotice, locale);
  }

  async record(manager: EntityManager, given: ConsentGiven): Promise<void> {
    const notice = noticeVersion(this.config.privacyNotice, given.locale);
    await this.records.insert(manager, {
      form: given.form,
      channel: given.channel,
      noticeLocale: notice.locale,
      noticeVersion: notice.version,
      userId: given.userId ?? null,
      reportId: given.reportId ?? null,
      alertId: given.alertId ?? null,
    });
  }
}
