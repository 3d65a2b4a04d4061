import { Injectable } from '@nestjs/common';
import { Counter, type Metric } from 'prom-client';
import { ReportFilingRepository } from './report-filing.repository';

/**
 * How well filings share statements (group commit, docs/decisions/0016-group-commit.md), for
 * operators: filings per statement is `plaza_report_filings_total / plaza_report_filing_statements_total`
 * (1 when quiet, up to 64 under a burst), and a rising rerun rate means batches fail as a whole
 * (a constraint, a deadlock) and each of their filings pays a second statement.
 *
 * The counts live with the batching (GroupCommit.stats); the counters catch up with them at each
 * scrape. Published on the registry by the metrics module, like the photo worker's.
 */
@Injectable()
export class FilingMetrics {
  private readonly seen = { batches: 0, items: 0, fallbacks: 0 };
  private readonly statements: Counter;
  private readonly filings: Counter;
  private readonly reruns: Counter;

  constructor(filing: ReportFilingRepository) {
    const catchUp = (counter: Counter, key: keyof typeof this.seen) => {
      const now = filing.batchStats[key];
      if (now > this.seen[key]) counter.inc(now - this.seen[key]);
      this.seen[key] = now;
    };
    this.statements = new Counter({
      name: 'plaza_report_filing_statements_total',
      help: 'Statements that filed reports outside a caller transaction: one filing, or a batch of filings that arrived together',
      registers: [],
      collect: () => catchUp(this.statements, 'batches'),
    });
    this.filings = new Counter({
      name: 'plaza_report_filings_total',
      help: 'Reports filed through those statements (filings per statement = this / plaza_report_filing_statements_total)',
      registers: [],
      collect: () => catchUp(this.filings, 'items'),
    });
    this.reruns = new Counter({
      name: 'plaza_report_filing_batch_reruns_total',
      help: 'Batches that failed as a whole and were filed again one report at a time',
      registers: [],
      collect: () => catchUp(this.reruns, 'fallbacks'),
    });
  }

  all(): Metric[] {
    return [this.statements, this.filings, this.reruns];
  }
}
