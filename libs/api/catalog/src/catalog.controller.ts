import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Access } from '@plaza/api/auth';
import { RequestLocale } from '@plaza/api/http';
import type { CategoryView, Locale } from '@plaza/shared/contracts';
import { CatalogService } from './catalog.service';

@ApiTags('catalogue')
@Access('public')
@Controller({ path: '', version: '1' })
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('categories')
  @ApiOperation({ summary: 'Categories a citizen can report, in the request language' })
  @ApiQuery({ name: 'lang', required: false, enum: ['es', 'en', 'ca', 'eu', 'gl'] })
  @ApiOkResponse({ description: 'Array of { code, name, description, group?, icon, department }' })
  @Header('cache-control', 'public, max-age=60')
  @Header('vary', 'accept-language')
  categories(@RequestLocale() locale: Locale): Promise<CategoryView[]> {
    return this.catalog.categories(locale);
  }

  @Get('areas')
  @ApiOperation({ summary: 'Areas (districts) as a GeoJSON FeatureCollection' })
  @Header('content-type', 'application/geo+json; charset=utf-8')
  @Header('cache-control', 'public, max-age=300')
  areas(): Promise<string> {
    return this.catalog.areas();
  }
}
