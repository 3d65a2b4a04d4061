import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, type AuthUser } from '@plaza/api/auth';
import { parseInput } from '@plaza/api/http';
import type { AdminApiClient, CreatedApiClient } from '@plaza/shared/contracts';
import { CreateApiClientDto } from './api-client.dto';
import { AdminApiClientsService } from './api-clients.service';

@ApiTags('admin')
@Access('admin')
@Controller({ path: 'admin/api-clients', version: '1' })
export class ApiClientsController {
  constructor(private readonly clients: AdminApiClientsService) {}

  @Get()
  @ApiOperation({ summary: 'Every Open311 client application, revoked ones included (never their keys)' })
  list(): Promise<AdminApiClient[]> {
    return this.clients.list();
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a client application: the answer holds its API key, shown this once' })
  create(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<CreatedApiClient> {
    return this.clients.create(user, parseInput(CreateApiClientDto, body));
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a client’s key: its requests are refused from now on' })
  revoke(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<AdminApiClient> {
    return this.clients.revoke(user, id);
  }
}
