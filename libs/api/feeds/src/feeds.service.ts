import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { DomainError } from '@plaza/api/http';
import type { Locale } from '@plaza/shared/contracts';
import { FEED_ITEMS_MAX, type ReportsFeedFilter } from './feed-query';
import { renderAtom, renderRss, type FeedFormat, type FeedItem, type FeedModel } from './feed-render';
import { feedFact, feedText, statusLabel } from './feed-text';
import { FeedsRepository, type FeedEventRow, type FeedReportRow } from './feeds.repository';

/** Builds feeds from public data only; the renderers never see anything else. */
@Injectable()
export class FeedsService {
  constructor(
    private readonly feeds: FeedsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async reportsFeed(filter: ReportsFeedFilter, format: FeedFormat, locale: Locale): Promise<string> {
    const area = filter.area ? await this.feeds.findArea(filter.area) : null;
    if (filter.area && !area)
      throw new DomainError('FEED.UNKNOWN_AREA', 'not_found', `There is no area "${filter.area}".`, [], {
        key: 'problem.detail.feedArea',
        values: { area: filter.area },
      });
    const categoryName = filter.category ? await this.feeds.findCategoryName(filter.category, locale) : null;
    if (filter.category && !categoryName) {
      throw new DomainError(
        'FEED.UNKNOWN_CATEGORY',
        'not_found',
        `There is no category "${filter.category}".`,
        [],
        { key: 'problem.detail.feedCategory', values: { category: filter.category } },
      );
    }
    const rows = await this.feeds.latestReports(
      { areaId: area?.id ?? null, categoryCode: filter.category, near: filter.near, limit: FEED_ITEMS_MAX },
      locale,
    );
    const described = [
      area?.name,
      categoryName,
      filter.near &&
        feedText(locale, 'feed.nearPoint', {
          radius: filter.near.radius,
          // Strings: a coordinate is written as given, never rounded or grouped by the language.
          lat: String(filter.near.lat),
          lon: String(filter.near.lon),
        }),
    ].filter(Boolean);
    const filterQuery = canonicalQuery({
      area: filter.area,
      category: filter.category,
      lat: filter.near?.lat,
      lon: filter.near?.lon,
      radius: filter.near?.radius,
    });
    const items = rows.map((row) => this.reportItem(row, locale));
    return render(format, {
      id: `${this.config.publicUrl}/feeds/reports${filterQuery}`,
      title: described.length
        ? feedText(locale, 'feed.newReportsIn', { filter: described.join(' · ') })
        : feedText(locale, 'feed.newReports'),
      description: feedText(locale, 'feed.listDescription'),
      language: locale,
      selfUrl: this.selfUrl(`/feeds/reports.${format}`, filterQuery, locale),
      alternateUrl: `${this.config.publicUrl}/`,
      updated: newest(items.map((item) => item.updated)),
      author: this.author(locale),
      items,
    });
  }

  async reportUpdatesFeed(ref: string, format: FeedFormat, locale: Locale): Promise<string> {
    const report = await this.feeds.findPublicReport(ref, locale);
    if (!report)
      throw new DomainError('REPORT.NOT_FOUND', 'not_found', `No public report with reference ${ref}.`, [], {
        key: 'problem.detail.reportNotFound',
        values: { ref },
      });
    const events = await this.feeds.publicEvents(report.id, FEED_ITEMS_MAX);
    const items = events.map((event) => this.eventItem(report, event, locale));
    return render(format, {
      id: `${this.config.publicUrl}/feeds/reports/${encodeURIComponent(report.ref)}`,
      title: feedText(locale, 'feed.reportUpdates', { ref: report.ref, title: report.title }),
      description: feedText(locale, 'feed.reportUpdatesDescription', { ref: report.ref }),
      language: locale,
      selfUrl: this.selfUrl(`/feeds/reports/${encodeURIComponent(report.ref)}.${format}`, '', locale),
      alternateUrl: this.reportUrl(report.ref),
      updated: newest([report.updatedAt, ...items.map((item) => item.updated)]),
      author: this.author(locale),
      items,
    });
  }

  private reportItem(row: FeedReportRow, locale: Locale): FeedItem {
    const facts = [
      feedFact(locale, 'status', statusLabel(row.status, locale)),
      feedFact(locale, 'category', row.categoryName),
      row.areaName && feedFact(locale, 'area', row.areaName),
      row.address && feedFact(locale, 'address', row.address),
    ].filter(Boolean);
    return {
      id: this.tagUri(row.createdAt, `reports/${row.ref}`),
      linkIsGuid: true,
      title: row.title,
      link: this.reportUrl(row.ref),
      published: row.createdAt,
      updated: row.updatedAt,
      summary: `${row.description}\n\n${facts.join(' · ')}`,
      category: { term: row.categoryCode, label: row.categoryName },
      point: { lat: row.lat, lon: row.lon },
    };
  }

  private eventItem(report: FeedReportRow, event: FeedEventRow, locale: Locale): FeedItem {
    const status = statusLabel(event.to, locale);
    return {
      id: this.tagUri(report.createdAt, `reports/${report.ref}/events/${event.id}`),
      linkIsGuid: false,
      title:
        event.from === null ? feedText(locale, 'feed.reportFiled') : feedText(locale, 'feed.statusChanged', { status }),
      link: this.reportUrl(report.ref),
      published: event.at,
      updated: event.at,
      summary: event.message ?? feedText(locale, 'feed.statusChanged', { status }),
      category: { term: event.to, label: status },
    };
  }

  private reportUrl(ref: string): string {
    return `${this.config.publicUrl}/reports/${encodeURIComponent(ref)}`;
  }

  private selfUrl(path: string, filterQuery: string, locale: Locale): string {
    return `${this.config.publicUrl}${path}${filterQuery ? `${filterQuery}&` : '?'}lang=${locale}`;
  }

  private author(locale: Locale): FeedModel['author'] {
    return { name: feedText(locale, 'feed.cityHall'), uri: `${this.config.publicUrl}/` };
  }

  /** RFC 4151 tag URI: the city's host, a day it published under that host, and a path. */
  private tagUri(instant: string, specific: string): string {
    return `tag:${new URL(this.config.publicUrl).hostname},${instant.slice(0, 10)}:${specific}`;
  }
}

function render(format: FeedFormat, feed: FeedModel): string {
  return format === 'rss' ? renderRss(feed) : renderAtom(feed);
}

function canonicalQuery(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== null && value !== undefined) search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** An empty feed has not changed since it was built. */
function newest(instants: string[]): string {
  return instants.length ? instants.reduce((a, b) => (a > b ? a : b)) : new Date().toISOString();
}
