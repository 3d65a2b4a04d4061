import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Access } from '@plaza/api/auth';
import { DomainError } from '@plaza/api/http';
import { MAP_LIMITS, type PlaceView } from '@plaza/shared/contracts';
import { PlacesRepository } from './places.repository';

@ApiTags('map')
@Access('public')
@Controller({ path: 'places', version: '1' })
export class PlacesController {
  constructor(private readonly places: PlacesRepository) {}

  @Get()
  @ApiOperation({ summary: 'Search known places: area names and addresses of public reports (accent-insensitive)' })
  @ApiQuery({ name: 'q', required: true, description: `${MAP_LIMITS.placeQueryMin}..${MAP_LIMITS.placeQueryMax} characters` })
  @ApiQuery({ name: 'limit', required: false, description: `1..${MAP_LIMITS.placesMax}, default ${MAP_LIMITS.placesMax}` })
  @Header('cache-control', 'public, max-age=60')
  search(@Query() query: Record<string, unknown>): Promise<PlaceView[]> {
    const q = typeof query['q'] === 'string' ? query['q'].trim() : '';
    if (q.length < MAP_LIMITS.placeQueryMin || q.length > MAP_LIMITS.placeQueryMax) {
      throw DomainError.invalidQuery('q', `q must be ${MAP_LIMITS.placeQueryMin} to ${MAP_LIMITS.placeQueryMax} characters`);
    }
    const limitRaw = query['limit'];
    const limit = limitRaw === undefined ? MAP_LIMITS.placesMax : Number(limitRaw);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAP_LIMITS.placesMax) {
      throw DomainError.invalidQuery('limit', `limit must be an integer from 1 to ${MAP_LIMITS.placesMax}`);
    }
    return this.places.search(q, limit);
  }
}
