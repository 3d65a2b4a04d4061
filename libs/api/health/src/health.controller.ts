import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '@plaza/api/auth';
import { DomainError } from '@plaza/api/http';
import { HealthRepository } from './health.repository';

@ApiTags('health')
@Access('public')
@Controller({ path: 'health' })
export class HealthController {
  constructor(private readonly health: HealthRepository) {}

  /** The process is up. Never touches the database, so a slow database does not get us restarted. */
  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready to serve: the database answers within two seconds. */
  @Get('ready')
  async ready(): Promise<{ status: 'ok'; database: 'ok' }> {
    try {
      await Promise.race([
        this.health.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
      ]);
      return { status: 'ok', database: 'ok' };
    } catch {
      throw new DomainError('HEALTH.DATABASE_UNAVAILABLE', 'unavailable', 'The database does not answer.');
    }
  }
}
