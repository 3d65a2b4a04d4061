import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type OpenDataConfig } from '@plaza/api/config';
import { DomainError } from '@plaza/api/http';
import type { Locale } from '@plaza/shared/contracts';
import { buildCatalog, type DcatCatalog } from './catalog';
import { FREE_TEXT_COLUMNS, PROPOSAL_COLUMNS, REPORT_COLUMNS, type Column } from './columns';
import { csvLine, neutralizeFormula } from './csv';
import { publicStatuses, type Dataset, type ExportFilter, type ExportFormat } from './open-data-query';
import { OpenDataRepository, type ResolvedFilter } from './open-data.repository';
import { OPEN_DATA_SCHEMA_VERSION } from './open-data.settings';

/** Rows read per query: big enough to amortise the round trip, small enough to keep memory flat. */
export const EXPORT_BATCH = 2000;

export interface ExportFile {
  fileName: string;
  contentType: string;
  /** The licence the file is published under (a `Link: rel="license"` header). */
  licenceUrl: string;
  /** Chunks of the file, produced as the consumer reads (back-pressure: one batch in memory). */
  chunks: AsyncGenerator<string>;
}

@Injectable()
export class OpenDataService {
  constructor(
    private readonly repo: OpenDataRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Resolves the filter first, so a bad code is a 400 before any byte of the file is sent. */
  async export(
    dataset: Dataset,
    format: ExportFormat,
    filter: ExportFilter,
    locale: Locale,
  ): Promise<ExportFile> {
    const resolved = await this.resolve(dataset, filter);
    const today = await this.repo.today();
    const file = {
      fileName: `plaza-${dataset}-${today}.${format}`,
      contentType:
        format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/geo+json; charset=utf-8',
      licenceUrl: this.config.openData.licence.url,
    };
    const encode = <Row>(
      columns: ReadonlyArray<Column<Row>>,
      rows: AsyncGenerator<Row[]>,
    ): AsyncGenerator<string> =>
      format === 'csv' ? csvChunks(columns, rows) : geojsonChunks(dataset, columns, rows, this.config.openData);
    return dataset === 'reports'
      ? {
          ...file,
          chunks: encode(
            REPORT_COLUMNS,
            batches((after) => this.repo.reportsAfter(resolved, after, EXPORT_BATCH, locale)),
          ),
        }
      : {
          ...file,
          chunks: encode(
            PROPOSAL_COLUMNS,
            batches((after) => this.repo.proposalsAfter(resolved, after, EXPORT_BATCH, locale)),
          ),
        };
  }

  async catalog(): Promise<DcatCatalog> {
    return buildCatalog(
      this.config.publicUrl,
      await this.repo.coverage(publicStatuses('reports'), publicStatuses('proposals')),
      this.config.openData,
    );
  }

  private async resolve(dataset: Dataset, filter: ExportFilter): Promise<ResolvedFilter> {
    const areaId = filter.area === null ? null : await this.repo.areaId(filter.area);
    if (filter.area !== null && areaId === null) {
      throw DomainError.invalidQuery('area', `There is no area with code "${filter.area}".`, 'unknown');
    }
    const lookup =
      dataset === 'reports'
        ? (code: string) => this.repo.categoryId(code)
        : (code: string) => this.repo.themeId(code);
    const categoryId = filter.category === null ? null : await lookup(filter.category);
    if (filter.category !== null && categoryId === null) {
      const what = dataset === 'reports' ? 'category' : 'theme';
      throw DomainError.invalidQuery(
        'category',
        `There is no ${what} with code "${filter.category}".`,
        'unknown',
      );
    }
    return {
      from: filter.from,
      to: filter.to,
      areaId,
      categoryId,
      statuses: filter.statuses ?? [...publicStatuses(dataset)],
    };
  }
}

/** Keyset batches in id order until a short batch says there is no more. */
async function* batches<Row extends { id: string }>(
  next: (after: string) => Promise<Row[]>,
): AsyncGenerator<Row[]> {
  for (let after = '0'; ;) {
    const batch = await next(after);
    if (batch.length > 0) yield batch;
    if (batch.length < EXPORT_BATCH) return;
    after = batch[batch.length - 1]!.id;
  }
}

async function* geojsonChunks<Row>(
  dataset: Dataset,
  columns: ReadonlyArray<Column<Row>>,
  rows: AsyncGenerator<Row[]>,
  settings: OpenDataConfig,
): AsyncGenerator<string> {
  const { licence, publisher } = settings;
  yield (
    `{"type":"FeatureCollection","name":"plaza-${dataset}","schemaVersion":"${OPEN_DATA_SCHEMA_VERSION}",` +
    `"license":${JSON.stringify(licence.url)},"publisher":${JSON.stringify(publisher.name)},"features":[`
  );
  const lat = columns.find((c) => c.name === 'lat')!;
  const lon = columns.find((c) => c.name === 'lon')!;
  const others = columns.filter((c) => c !== lat && c !== lon);
  let first = true;
  for await (const batch of rows) {
    const features = batch.map((row) => {
      const properties: Record<string, string | number | null> = {};
      for (const column of others) properties[column.name] = column.value(row);
      const [y, x] = [lat.value(row), lon.value(row)];
      const geometry = y === null || x === null ? null : { type: 'Point', coordinates: [x, y] };
      return JSON.stringify({ type: 'Feature', geometry, properties });
    });
    yield (first ? '' : ',') + features.join(',');
    first = false;
  }
  yield ']}\n';
}

async function* csvChunks<Row>(
  columns: ReadonlyArray<Column<Row>>,
  rows: AsyncGenerator<Row[]>,
): AsyncGenerator<string> {
  yield csvLine(columns.map((c) => c.name));
  for await (const batch of rows) {
    yield batch
      .map((row) =>
        csvLine(
          columns.map((c) => {
            const value = c.value(row);
            return FREE_TEXT_COLUMNS.has(c.name) && typeof value === 'string'
              ? neutralizeFormula(value)
              : value;
          }),
        ),
      )
      .join('');
  }
}
