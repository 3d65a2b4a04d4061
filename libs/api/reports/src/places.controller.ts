import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Access } from '@plaza/api/auth';
import { DomainError, RequestLocale } from '@plaza/api/http';
import { MAP_LIMITS, type Locale, type PlaceView } from '@plaza/shared/contracts';
import type { FastifyReply } from 'fastify';
import { PlacesService } from './places.service';

@ApiTags('map')
@Access('public')
@Controller({ path: 'places', version: '1' })
export class PlacesController {
  constructor(private readonly places: PlacesService) {}

  @Get()
  @ApiOperation({
    summary: 'Search places: districts, and addresses from the address service (GEOCODER_URL) or else from public reports (accent-insensitive)',
  })
  @ApiQuery({ name: 'q', required: true, description: `${MAP_LIMITS.placeQueryMin}..${MAP_LIMITS.placeQueryMax} characters` })
  @ApiQuery({ name: 'limit', required: false, description: `1..${MAP_LIMITS.placesMax}, default ${MAP_LIMITS.placesMax}` })
  @Header('cache-control', 'public, max-age=60')
  @Header('vary', 'accept-language')
  search(@Query() query: Record<string, unknown>, @RequestLocale() locale: Locale): Promise<PlaceView[]> {
    const q = typeof query['q'] === 'string' ? query['q'].trim() : '';
    if (q.length < MAP_LIMITS.placeQueryMin || q.length > MAP_LIMITS.placeQueryMax) {
      throw DomainError.invalidQuery('q', `q must be ${MAP_LIMITS.placeQueryMin} to ${MAP_LIMITS.placeQueryMax} characters`);
    }
    const limitRaw = query['limit'];
    const limit = limitRaw === undefined ? MAP_LIMITS.placesMax : Number(limitRaw);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAP_LIMITS.placesMax) {
      throw DomainError.invalidQuery('limit', `limit must be an integer from 1 to ${MAP_LIMITS.placesMax}`);
    }
    return this.places.search(q, limit, locale);
  }

  @Get('reverse')
  @ApiOperation({ summary: 'The address at a point, from the address service (GEOCODER_URL); 204 when unknown or unset' })
  @ApiQuery({ name: 'lat', required: true })
  @ApiQuery({ name: 'lon', required: true })
  @Header('cache-control', 'public, max-age=3600')
  @Header('vary', 'accept-language')
  async reverse(
    @Query() query: Record<string, unknown>,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlaceView | undefined> {
    const lat = Number(query['lat']);
    const lon = Number(query['lon']);
    if (typeof query['lat'] !== 'string' || !Number.isFinite(lat) || lat < -90 || lat > 90) throw DomainError.invalidQuery('lat', 'lat must be a latitude');
    if (typeof query['lon'] !== 'string' || !Number.isFinite(lon) || lon < -180 || lon > 180) throw DomainError.invalidQuery('lon', 'lon must be a longitude');
    const place = await this.places.reverse(lat, lon, locale);
    if (!place) {
      void reply.status(204);
      return undefined;
    }
    return place;
  }
}
