import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { DomainError } from '@plaza/api/http';
import { injectPreview } from '@plaza/api/reports';
import type { Locale } from '@plaza/shared/contracts';
import { StatsService } from './stats.service';

const STATS_PAGE = /^\/stats(?:\/(service|areas|departments)(?:\/([A-Za-z0-9_-]{1,64}))?)?\/?$/;

/** Page titles and one-line descriptions for link previews; the map's own catalogue says the same. */
const TEXT: Record<Locale, Record<'city' | 'area' | 'department' | 'service' | 'description', string>> = {
  es: {
    city: 'Cifras de la ciudad',
    area: 'Cifras del distrito {name}',
    department: 'Cifras de {name}',
    service: 'Estado del servicio',
    description: 'Cómo responde el Ayuntamiento a los avisos: tiempos de respuesta en días hábiles, avisos por estado, categoría y distrito, y datos abiertos.',
  },
  en: {
    city: 'City figures',
    area: 'Figures for {name} district',
    department: 'Figures for {name}',
    service: 'Status of the service',
    description: 'How the city council answers reports: response times in working days, reports by status, category and district, and open data.',
  },
  ca: {
    city: 'Xifres de la ciutat',
    area: 'Xifres del districte {name}',
    department: 'Xifres de {name}',
    service: 'Estat del servei',
    description: "Com respon l'Ajuntament als avisos: temps de resposta en dies hàbils, avisos per estat, categoria i districte, i dades obertes.",
  },
  eu: {
    city: 'Hiriko datuak',
    area: '{name} barrutiko datuak',
    department: '{name}: datuak',
    service: 'Zerbitzuaren egoera',
    description: 'Nola erantzuten dien Udalak abisuei: erantzuteko denborak lanegunetan, abisuak egoeraren, kategoriaren eta barrutiaren arabera, eta datu irekiak.',
  },
  gl: {
    city: 'Cifras da cidade',
    area: 'Cifras do distrito {name}',
    department: 'Cifras de {name}',
    service: 'Estado do servizo',
    description: 'Como responde o Concello aos avisos: tempos de resposta en días hábiles, avisos por estado, categoría e distrito, e datos abertos.',
  },
};

/**
 * Server-side title, description and social-preview tags for the map's /stats pages (crawlers run
 * no JavaScript). An unknown district or department gets the bare page with 404, as a missing
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
    const text = TEXT[locale];
    let title: string;
    try {
      if (kind === 'areas' && code) title = text.area.replace('{name}', (await this.stats.area(code, 12, locale)).area.name);
      else if (kind === 'departments' && code)
        title = text.department.replace('{name}', (await this.stats.department(code, 12, locale)).department.name);
      else if (kind === 'service' && !code) title = text.service;
      else if (!kind) title = text.city;
      else return null;
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return { status: 404, html: template };
      throw error;
    }
    const html = injectPreview(template, {
      title,
      description: text.description,
      url: `${this.config.publicUrl}${path.replace(/\/$/, '')}`,
      image: null,
      imageAlt: title,
      locale,
      siteName: 'Plaza',
    });
    return { status: 200, html };
  }
}
