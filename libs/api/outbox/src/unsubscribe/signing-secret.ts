import { randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { AppSecretsRepository } from './app-secrets.repository';

const SECRET_NAME = 'unsubscribe-links';

/**
 * The secret that signs unsubscribe links: APP_SECRET when set (production, several replicas with
 * one configuration), otherwise one generated on first start and kept in `app_secrets`, so links
 * in mails already sent keep working after restarts of an embedded install. Every replica reads
 * the same row; the first writer wins.
 */
@Injectable()
export class SigningSecret implements OnApplicationBootstrap {
  private value: string | null;

  constructor(
    private readonly secrets: AppSecretsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.value = config.appSecret;
  }

  /** Runs after migrations (they run before the app listens), before any request is served. */
  async onApplicationBootstrap(): Promise<void> {
    await this.load();
  }

  async load(): Promise<string> {
    if (this.value) return this.value;
    this.value = await this.secrets.getOrCreate(SECRET_NAME, randomBytes(48).toString('base64url'));
    return this.value;
  }

  get(): string {
    if (!this.value) throw new Error('The signing secret is read at application bootstrap; it is not loaded yet');
    return this.value;
  }
}
