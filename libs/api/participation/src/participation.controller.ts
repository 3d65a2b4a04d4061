import { Controller, Delete, Get, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, type AuthUser } from '@plaza/api/auth';
import type { ThreadType } from '@plaza/api/participation-data';
import type { FollowState } from '@plaza/shared/contracts';
import type { FastifyReply } from 'fastify';
import { FollowsService } from './follows.service';

/** Following a proposal or a report (flags and review requests: moderation; the inbox: notifications). */
@ApiTags('discussion')
@Access('signed-in')
@Controller({ version: '1' })
export class ParticipationController {
  constructor(private readonly follows: FollowsService) {}

  @Get('proposals/:id/follow')
  @ApiOperation({ summary: 'Whether the caller follows a proposal, and the follower count' })
  followingProposal(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<FollowState> {
    return this.follows.state(user, 'proposal', id);
  }

  @Get('reports/:ref/follow')
  @ApiOperation({ summary: 'Whether the caller follows a report, and the follower count' })
  followingReport(@CurrentUser() user: AuthUser, @Param('ref') ref: string): Promise<FollowState> {
    return this.follows.state(user, 'report', ref);
  }

  @Post('proposals/:id/follow')
  @ApiOperation({ summary: 'Follow a proposal (201; 200 when already following)' })
  followProposal(@CurrentUser() user: AuthUser, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<FollowState> {
    return this.follow(user, 'proposal', id, true, reply);
  }

  @Delete('proposals/:id/follow')
  @ApiOperation({ summary: 'Stop following a proposal' })
  unfollowProposal(@CurrentUser() user: AuthUser, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<FollowState> {
    return this.follow(user, 'proposal', id, false, reply);
  }

  @Post('reports/:ref/follow')
  @ApiOperation({ summary: 'Follow a public report (201; 200 when already following)' })
  followReport(@CurrentUser() user: AuthUser, @Param('ref') ref: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<FollowState> {
    return this.follow(user, 'report', ref, true, reply);
  }

  @Delete('reports/:ref/follow')
  @ApiOperation({ summary: 'Stop following a report' })
  unfollowReport(@CurrentUser() user: AuthUser, @Param('ref') ref: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<FollowState> {
    return this.follow(user, 'report', ref, false, reply);
  }

  private async follow(user: AuthUser, type: ThreadType, id: string, on: boolean, reply: FastifyReply): Promise<FollowState> {
    const { changed, ...state } = await this.follows.set(user, type, id, on);
    void reply.status(on && changed ? 201 : 200);
    return state;
  }
}
