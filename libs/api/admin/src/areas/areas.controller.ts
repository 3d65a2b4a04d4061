import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, type AuthUser } from '@plaza/api/auth';
import { DomainError, parseInput } from '@plaza/api/http';
import type { AdminArea, AreaUploadResult } from '@plaza/shared/contracts';
import type { FastifyRequest } from 'fastify';
import { UpdateAreaDto } from './area.dto';
import { AreasService } from './areas.service';

@ApiTags('admin')
@Access('admin')
@Controller({ path: 'admin/areas', version: '1' })
export class AreasController {
  constructor(private readonly areas: AreasService) {}

  @Get()
  @ApiOperation({ summary: 'Every area, with its surface in square metres' })
  list(): Promise<AdminArea[]> {
    return this.areas.list();
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Upload areas as a GeoJSON FeatureCollection (JSON body, or a multipart `file`)',
    description:
      'Each feature needs properties `code` and `name` (optional `kind`, default `district`) and a Polygon or ' +
      'MultiPolygon in EPSG:4326. Existing codes are replaced. Invalid geometries are repaired with ST_MakeValid ' +
      'and listed in `repaired`; non-polygons and out-of-range coordinates are refused (422).',
  })
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ schema: { type: 'object', description: 'GeoJSON FeatureCollection' } })
  async upload(
    @CurrentUser() user: AuthUser,
    @Req() request: FastifyRequest,
    @Body() body: unknown,
  ): Promise<AreaUploadResult> {
    return this.areas.upload(user, request.isMultipart() ? await readUploadedFile(request) : body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename an area or change its code or kind' })
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: unknown): Promise<AdminArea> {
    return this.areas.update(user, id, parseInput(UpdateAreaDto, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an area that no report lies in (its routing rules go with it)' })
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.areas.remove(user, id);
  }
}

/** The GeoJSON file of a multipart upload, in the `file` field. */
async function readUploadedFile(request: FastifyRequest): Promise<unknown> {
  let content: Buffer | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const buffer = await part.toBuffer();
      if (part.fieldname === 'file' && content === null) content = buffer;
    }
  }
  if (content === null) {
    throw DomainError.validation([
      { field: 'file', code: 'required', message: 'Attach the GeoJSON file in the "file" field.' },
    ]);
  }
  try {
    return JSON.parse(content.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw DomainError.validation([
      { field: 'file', code: 'invalid_json', message: 'The file is not valid JSON (GeoJSON).' },
    ]);
  }
}
