import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChallengeService } from '@plaza/api/abuse';
import type { ProofOfWorkChallenge } from '@plaza/shared/contracts';
import { Access } from './access.decorator';

/** Hands out proof-of-work challenges; the public routes that need one answer 428 until it is solved. */
@ApiTags('auth')
@Access('public')
@Controller({ path: 'challenge', version: '1' })
export class ChallengeController {
  constructor(private readonly challenges: ChallengeService) {}

  @Get()
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'A proof-of-work challenge (ALTCHA format), asked for by a 428 ABUSE.CHALLENGE_REQUIRED' })
  @ApiOkResponse({ description: '`{ algorithm, challenge, maxnumber, salt, signature }`; valid for 10 minutes, once' })
  issue(): ProofOfWorkChallenge {
    return this.challenges.issue();
  }
}
