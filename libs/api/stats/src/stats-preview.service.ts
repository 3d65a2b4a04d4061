import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { DomainError } from '@plaza/api/http';
import { injectPreview } from '@plaza/api/reports';
import { serverTranslator } from '@plaza/api/i18n';
import type { Locale } from '@plaza/shared/contracts';
import { StatsService } from './stats.service';

const STATS_PAGE = /^\/stats(?:\/(service|areas|departments)(?:\/([A-Za-z0-9_-]{1,64}))?)?\/?$/;

/**
 * Server-side title, description and social-preview tags for the map's /stats pages (crawlers run
 * no JavaScript), from the server catalogues (`previews.json`, five languages; the map's own catalogue
 * says the same). An unknown district or department gets the bare page with 404, as a missing
 * report does, so crawlers never index it.
 */
@Injectable()
export class StatsPreviewService {
  constructor(
    private readonly stats: StatsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async render(path: string, locale: Locale, template: string): Promise<{ status: number; html: string } | null> {
    const match = STATS_PAGE.exec(path);
    if (!match) return null;
    const [, kind, code] = match;
    const { t } = serverTranslator(locale);
    let title: string;
    try {
      if (kind === 'areas' && code) title = t('preview.stats.area', { name: (await this.stats.area(code, 12, locale)).area.name });
      else if (kind === 'departments' && code)
        title = t('preview.stats.department', { name: (await this.stats.department(code, 12, locale)).department.name });
      else if (kind === 'service' && !code) title = t('preview.stats.service');
      else if (!kind) title = t('preview.stats.city');
      else return null;
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return { status: 404, html: template };
      throw error;
    }
    const html = injectPreview(template, {
      title,
      description: t('preview.stats.description'),
      url: `${this.config.publicUrl}${path.replace(/\/$/, '')}`,
      image: null,
      imageAlt: title,
      locale,
      siteName: 'Plaza',
    });
    return { status: 200, html };
  }
}
