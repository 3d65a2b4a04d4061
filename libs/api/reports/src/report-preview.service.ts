import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { CatalogService } from '@plaza/api/catalog';
import { DomainError } from '@plaza/api/http';
import type { Locale } from '@plaza/shared/contracts';
import { ReportsService } from './reports.service';
import { excerpt, injectCity, injectPreview, statusLabel } from './social-preview';

const REPORT_PAGE = /^\/reports\/([A-Za-z0-9-]{1,40})\/?$/;

/** Server-side social preview for the map's report pages (`/reports/{ref}`). */
@Injectable()
export class ReportPreviewService {
  constructor(
    private readonly reports: ReportsService,
    private readonly catalog: CatalogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The map's index.html as every page gets it: with the configured city (render at boot, once). */
  shell(template: string): string {
    const { name, centre, zoom } = this.config.city;
    return injectCity(template, { name, centre, zoom });
  }

  /**
   * The page to send for a browser path: null when the path is not a report page; the template
   * (already through `shell`) with the report's preview tags when it is; the bare template with 404 when the report is not
   * public (the SPA then says so), so crawlers never index a missing report.
   */
  async render(path: string, locale: Locale, template: string): Promise<{ status: number; html: string } | null> {
    const ref = REPORT_PAGE.exec(path)?.[1];
    if (!ref) return null;
    let report;
    try {
      report = await this.reports.get(ref, locale);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return { status: 404, html: template };
      throw error;
    }
    const p = report.properties;
    const categories = await this.catalog.categories(locale);
    const category = categories.find((c) => c.code === p.category)?.name ?? p.category;
    const facts = [statusLabel(p.status, locale), category, p.area].filter(Boolean).join(' · ');
    const html = injectPreview(template, {
      title: p.title,
      description: excerpt(`${facts}. ${p.description}`, 200),
      url: `${this.config.publicUrl}/reports/${encodeURIComponent(p.ref)}`,
      image: p.photos[0]?.thumbnailUrl ?? null,
      imageAlt: p.title,
      locale,
      siteName: 'Plaza',
    });
    return { status: 200, html };
  }
}
