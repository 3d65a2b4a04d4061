import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, OptionalUser, type AuthUser } from '@plaza/api/auth';
import { parseInput, RequestLocale } from '@plaza/api/http';
import type { CommentThread, CommentView, Locale } from '@plaza/shared/contracts';
import { CommentsService } from './comments.service';
import { EditCommentDto, NewCommentDto } from './dto/comment.dto';

@ApiTags('discussion')
@Access('public')
@Controller({ version: '1' })
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get('proposals/:id/comments')
  @ApiOperation({ summary: 'A proposal\u2019s comments, with one level of replies' })
  proposalThread(@Param('id') id: string, @RequestLocale() locale: Locale, @OptionalUser() viewer: AuthUser | null): Promise<CommentThread> {
    return this.comments.thread('proposal', id, locale, viewer);
  }

  @Post('proposals/:id/comments')
  @Access('signed-in')
  @HttpCode(201)
  @ApiOperation({ summary: 'Comment on a proposal, or reply to a top-level comment (parentId)' })
  commentProposal(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: unknown, @RequestLocale() locale: Locale): Promise<CommentView> {
    const input = parseInput(NewCommentDto, body);
    return this.comments.post(user, 'proposal', id, input.body, input.parentId, locale);
  }

  @Get('reports/:ref/comments')
  @ApiOperation({ summary: 'A public report\u2019s comments, with one level of replies' })
  reportThread(@Param('ref') ref: string, @RequestLocale() locale: Locale, @OptionalUser() viewer: AuthUser | null): Promise<CommentThread> {
    return this.comments.thread('report', ref, locale, viewer);
  }

  @Post('reports/:ref/comments')
  @Access('signed-in')
  @HttpCode(201)
  @ApiOperation({ summary: 'Comment on a public report, or reply to a top-level comment (parentId)' })
  commentReport(@CurrentUser() user: AuthUser, @Param('ref') ref: string, @Body() body: unknown, @RequestLocale() locale: Locale): Promise<CommentView> {
    const input = parseInput(NewCommentDto, body);
    return this.comments.post(user, 'report', ref, input.body, input.parentId, locale);
  }

  @Patch('comments/:id')
  @Access('signed-in')
  @ApiOperation({ summary: 'The author edits their comment, within the edit window' })
  edit(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: unknown, @RequestLocale() locale: Locale): Promise<CommentView> {
    const input = parseInput(EditCommentDto, body);
    return this.comments.edit(user, id, input.body, locale);
  }

  @Delete('comments/:id')
  @Access('signed-in')
  @ApiOperation({ summary: 'The author deletes their comment (a placeholder keeps the thread\u2019s shape)' })
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string, @RequestLocale() locale: Locale): Promise<CommentView> {
    return this.comments.remove(user, id, locale);
  }
}
