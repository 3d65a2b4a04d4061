import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@plaza/api/auth';
import { APP_CONFIG, privacyNoticeFor, type AppConfig } from '@plaza/api/config';
import { RequestLocale } from '@plaza/api/http';
import type { Locale, MapSettings } from '@plaza/shared/contracts';

/** Runtime settings of the public map, so one build serves any city's tiles, centre and notice. */
@ApiTags('map')
@Access('public')
@Controller({ path: 'map', version: '1' })
export class MapSettingsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('settings')
  @ApiOperation({ summary: 'Tile layer, city (name, centre, zoom) and the data-protection notices of the report and alerts forms (in the request language) for the public map' })
  @Header('cache-control', 'public, max-age=300')
  @Header('vary', 'accept-language')
  settings(@RequestLocale() locale: Locale): MapSettings {
    const { name, centre, zoom } = this.config.city;
    return {
      tiles: this.config.tiles,
      city: { name, centre, zoom },
      privacyNotice: privacyNoticeFor(this.config.privacyNotice, locale),
      alertsPrivacyNotice: privacyNoticeFor(this.config.alertsPrivacyNotice, locale),
    };
  }
}
