import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { LOCALES, pickText, type Locale, type LocalizedText } from '@plaza/shared/contracts';
import type { Open311Document } from './open311-format';
import { open311Text } from './open311-text';
import { Open311Error } from './open311.errors';
import { Open311Repository, type ServiceRow } from './open311.repository';
import { formatW3cDatetime } from './w3c-datetime';

export const GEOREPORT_V2_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/** Discovery, GET Service List and GET Service Definition: categories as Open311 services. */
@Injectable()
export class Open311CatalogService {
  constructor(
    private readonly open311: Open311Repository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async discovery(locale: Locale): Promise<Open311Document> {
    const changeset = (await this.open311.servicesChangeset()) ?? formatW3cDatetime(new Date());
    const text = open311Text(locale);
    return {
      root: 'discovery',
      body: {
        changeset,
        contact: text.contact(`${this.config.publicUrl}/`),
        key_service: text.keyService,
        endpoints: [
          {
            specification: GEOREPORT_V2_SPECIFICATION,
            url: `${this.config.publicUrl}/open311/v2`,
            changeset,
            // Demo data is not acted upon: say so to clients.
            type: this.config.demoData ? 'test' : 'production',
            formats: ['text/xml', 'application/json'],
          },
        ],
      },
    };
  }

  async services(locale: Locale): Promise<Open311Document> {
    const rows = await this.open311.activeServices();
    return {
      root: 'services',
      body: rows.map((row) => ({
        service_code: row.code,
        service_name: pickText(row.name, locale),
        description: pickText(row.description, locale),
        // Plaza categories ask for nothing beyond the common fields: no service definition needed.
        metadata: false,
        type: 'realtime',
        keywords: keywords(row, locale),
        group: row.groupName ? pickText(row.groupName, locale) : null,
      })),
    };
  }

  async definition(code: string): Promise<Open311Document> {
    const rows = await this.open311.activeServices();
    if (!rows.some((row) => row.code === code)) {
      throw Open311Error.notFound(`service_code "${code}" was not found.`, 'service_code');
    }
    return { root: 'service_definition', body: { service_code: code, attributes: [] } };
  }
}

/** The category's names in Plaza's other languages: synonyms that help people find it. */
function keywords(row: ServiceRow, locale: Locale): string | null {
  const own = pickText(row.name, locale);
  const names = new Set(
    LOCALES.map((l) => (row.name as LocalizedText)[l]).filter((n): n is string => !!n && n !== own),
  );
  return names.size ? [...names].join(', ') : null;
}
