import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { DomainError } from '@plaza/api/http';
import { excerpt, injectPreview } from '@plaza/api/reports';
import type { Locale, ProposalDetail } from '@plaza/shared/contracts';
import { ProposalsService } from './proposals.service';

const PROPOSAL_PAGE = /^\/proposals\/(\d{1,12})\/?$/;

/**
 * Server-side social preview for the map's proposal pages (`/proposals/{id}`): a shared link shows
 * the proposal's title, theme, district and summary, as a report page does. Crawlers run no JS.
 */
@Injectable()
export class ProposalPreviewService {
  constructor(
    private readonly proposals: ProposalsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Null when the path is not a proposal page; the page with the proposal's tags when it is
   * public; the bare page with 404 when it does not exist, and with no tags when it is hidden (its
   * page only says why), so crawlers never index what moderation removed.
   */
  async render(path: string, locale: Locale, template: string): Promise<{ status: number; html: string } | null> {
    const id = PROPOSAL_PAGE.exec(path)?.[1];
    if (!id) return null;
    let proposal;
    try {
      proposal = await this.proposals.get(id, locale, null);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return { status: 404, html: template };
      throw error;
    }
    if (proposal.status === 'hidden') return { status: 200, html: template };
    const shown = proposal as ProposalDetail;
    const facts = [shown.theme.name, shown.area?.name].filter(Boolean).join(' · ');
    const html = injectPreview(template, {
      title: shown.title,
      description: excerpt(`${facts}. ${shown.summary || shown.description}`, 200),
      url: `${this.config.publicUrl}/proposals/${shown.id}`,
      image: shown.images[0]?.thumbnailUrl ?? shown.thumbnailUrl ?? null,
      imageAlt: shown.title,
      locale,
      siteName: 'Plaza',
    });
    return { status: 200, html };
  }
}
