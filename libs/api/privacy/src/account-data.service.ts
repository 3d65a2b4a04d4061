import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { AuditService, subjectOfReport, subjectOfUser } from '@plaza/api/audit';
import type { AuthContext } from '@plaza/api/auth';
import { CONTACT_VIEW_ACTION } from '@plaza/api/cases';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { ConsentRepository } from '@plaza/api/consent';
import { DomainError } from '@plaza/api/http';
import { MAILER, type Mailer } from '@plaza/api/mail';
import { SigningSecret } from '@plaza/api/outbox';
import type { AccountCorrection, AccountData, AccountDataReport, Locale } from '@plaza/shared/contracts';
import { PersonalDataRepository, type ErasureCounts, type OwnReportRow } from './personal-data.repository';
import { emailChangeMail, reporterDataMail } from './privacy-mails';
import { signClaims, verifyClaims } from './signed-token';


const LINK_HOURS = 24;
const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export const PrivacyErrors = {
  emailTaken: () => new DomainError('ACCOUNT.EMAIL_TAKEN', 'conflict', 'Another account already uses this email.'),
  linkInvalid: () =>
    new DomainError('ACCOUNT.LINK_INVALID', 'unauthenticated', 'This link is not valid: it has expired or was changed.'),
  gone: () => new DomainError('ACCOUNT.GONE', 'unauthenticated', 'This account no longer exists.'),
};

function reportView(row: OwnReportRow): AccountDataReport {
  return {
    ref: row.ref,
    title: row.title,
    description: row.description,
    status: row.status,
    address: row.address,
    contact: { name: row.reporterName, email: row.reporterEmail, phone: row.reporterPhone, showName: row.reporterShowName },
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
  };
}

/**
 * A citizen's rights over their data (docs/privacy.md): access and portability (the whole record
 * as JSON), rectification (name, phone, email re-confirmed by mail) and erasure (one transaction,
 * audit-logged with counts only, the person's audit data crypto-shredded).
 */
@Injectable()
export class AccountDataService implements OnApplicationShutdown {
  private readonly logger = new Logger('Privacy');
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly data: PersonalDataRepository,
    private readonly consents: ConsentRepository,
    private readonly audit: AuditService,
    private readonly secret: SigningSecret,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async export(userId: string): Promise<AccountData> {
    const profile = await this.data.profile(userId);
    if (!profile) throw PrivacyErrors.gone();
    const [reports, proposals, comments, supports, follows, alerts] = await Promise.all([
      this.data.reportsOf(userId),
      this.data.proposalsOf(userId),
      this.data.commentsOf(userId),
      this.data.supportsOf(userId),
      this.data.followsOf(userId),
      this.data.alertsOf(profile.email),
    ]);
    const consents = await this.consents.forPerson(
      userId,
      reports.map((r) => r.id),
      alerts.map((a) => a.id),
    );
    const staffContactViews = await this.audit.count(CONTACT_VIEW_ACTION, 'report', reports.map((r) => r.ref));
    return {
      exportedAt: new Date().toISOString(),
      account: {
        id: profile.id,
        name: profile.name,
        email: profile.email,
        locale: profile.locale,
        emailNotifications: profile.emailNotifications,
        createdAt: iso(profile.createdAt)!,
        lastSignInAt: iso(profile.lastSignInAt),
      },
      reports: reports.map(reportView),
      proposals: proposals.map((p) => ({ ...p, createdAt: iso(p.createdAt)! })),
      comments: comments.map((c) => ({
        id: c.id,
        on: { type: c.targetType, id: c.targetId },
        body: c.body,
        createdAt: iso(c.createdAt)!,
        editedAt: iso(c.editedAt),
        deletedAt: iso(c.deletedAt),
      })),
      supports: supports.map((s) => ({ ...s, createdAt: iso(s.createdAt)! })),
      follows: follows.map((f) => ({ type: f.targetType, id: f.targetId, createdAt: iso(f.createdAt)! })),
      alerts: alerts.map((a) => ({ ...a, createdAt: iso(a.createdAt)!, confirmedAt: iso(a.confirmedAt) })),
      consents: consents.map((c) => ({
        at: iso(c.at)!,
        form: c.form,
        channel: c.channel,
        noticeVersion: c.noticeVersion,
        noticeLocale: c.noticeLocale,
        reportRef: c.reportRef,
      })),
      staffContactViews,
    };
  }

  /** Name and phone apply at once; a new email is mailed a confirmation link first. */
  async correct(context: AuthContext, input: AccountCorrection, locale: Locale): Promise<{ emailConfirmationSent: boolean }> {
    const user = context.user;
    await this.data.transaction(async (manager) => {
      if (input.name !== undefined) await this.data.setName(manager, user.id, input.name.trim());
      if (input.phone !== undefined) await this.data.setPhone(manager, user.id, input.phone.trim() || null);
      if (input.locale !== undefined) await this.data.setLocale(manager, user.id, input.locale);
      await this.audit.record(manager, {
        actor: user,
        action: 'user.correct',
        entityType: 'user',
        entityId: user.id,
        // Which fields, never their values: the log must not keep what the person corrected away.
        after: { fields: Object.keys(input).filter((k) => input[k as keyof AccountCorrection] !== undefined) },
      });
    });
    const email = input.email?.trim().toLowerCase();
    if (!email || email === user.email.toLowerCase()) return { emailConfirmationSent: false };
    const token = signClaims(await this.secret.load(), {
      purpose: 'email-change',
      subject: user.id,
      value: email,
      exp: Date.now() + LINK_HOURS * 3_600_000,
    });
    await this.mailer.send(
      emailChangeMail({ to: email, locale, url: `${this.config.publicUrl}/account/data?email-token=${token}`, validHours: LINK_HOURS }),
    );
    return { emailConfirmationSent: true };
  }

  /** The new address proved it is theirs: the account (and their reports' contact) use it now. */
  async confirmEmail(context: AuthContext, token: string): Promise<{ email: string }> {
    const claims = verifyClaims(await this.secret.load(), token, 'email-change', Date.now());
    if (!claims || claims.subject !== context.user.id || !claims.value) throw PrivacyErrors.linkInvalid();
    const email = claims.value;
    await this.data.transaction(async (manager) => {
      if (!(await this.data.setEmail(manager, context.user.id, email))) throw PrivacyErrors.emailTaken();
      await this.audit.record(manager, {
        actor: context.user,
        action: 'user.correct',
        entityType: 'user',
        entityId: context.user.id,
        after: { fields: ['email'] },
      });
    });
    return { email };
  }

  /**
   * Erases the account in one transaction and ends every session. The audit entry holds counts
   * only; the person's sealed audit data (their email as an actor, their reports' original texts)
   * is shredded with their keys.
   */
  async erase(context: AuthContext): Promise<ErasureCounts> {
    const user = context.user;
    const counts = await this.data.transaction(async (manager) => {
      const refs = (await this.data.reportsOf(user.id, manager)).map((r) => r.ref);
      await this.consents.unlinkUser(manager, user.id);
      const erased = await this.data.eraseAccount(manager, user.id, user.email);
      await this.audit.record(manager, { actor: null, action: 'user.erase', entityType: 'user', entityId: user.id, after: erased });
      await this.audit.forget(manager, [subjectOfUser(user.id), ...refs.map(subjectOfReport)]);
      return erased;
    });
    this.logger.log(`Account erased on request: ${JSON.stringify(counts)}`);
    return counts;
  }

  /**
   * An anonymous reporter asks for their data: a signed link goes to the address if it filed any
   * report. The lookup and the mail happen after the answer, so the answer (202) takes the same
   * time and says the same whether the address filed reports or not.
   */
  requestReporterLink(email: string, locale: Locale): void {
    const work = this.mailReporterLink(email.trim().toLowerCase(), locale)
      .catch((error: unknown) => this.logger.warn(`Could not mail a reporter's data link: ${String(error)}`))
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
  }

  /** Waits for links still being mailed (shutdown, tests). */
  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  private async mailReporterLink(address: string, locale: Locale): Promise<void> {
    const reports = await this.data.reportsByEmail(address);
    if (reports.length === 0) return;
    const token = signClaims(await this.secret.load(), {
      purpose: 'reporter-data',
      subject: address,
      exp: Date.now() + LINK_HOURS * 3_600_000,
    });
    await this.mailer.send(
      reporterDataMail({ to: address, locale, url: `${this.config.publicUrl}/account/data?reporter-token=${token}`, validHours: LINK_HOURS }),
    );
  }

  /** What the mailed link shows: the reports filed with the address, their consents and staff views. */
  async reporterData(token: string): Promise<AccountData> {
    const claims = verifyClaims(await this.secret.load(), token, 'reporter-data', Date.now());
    if (!claims) throw PrivacyErrors.linkInvalid();
    const reports = await this.data.reportsByEmail(claims.subject);
    const consents = await this.consents.forPerson(null, reports.map((r) => r.id), []);
    return {
      exportedAt: new Date().toISOString(),
      account: null,
      reports: reports.map(reportView),
      proposals: [],
      comments: [],
      supports: [],
      follows: [],
      alerts: [],
      consents: consents.map((c) => ({
        at: iso(c.at)!,
        form: c.form,
        channel: c.channel,
        noticeVersion: c.noticeVersion,
        noticeLocale: c.noticeLocale,
        reportRef: c.reportRef,
      })),
      staffContactViews: await this.audit.count(CONTACT_VIEW_ACTION, 'report', reports.map((r) => r.ref)),
    };
  }
}
