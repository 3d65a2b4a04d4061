import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigModule, type AppConfig } from '@plaza/api/config';
import { CatalogModule } from '@plaza/api/catalog';
import { dataSourceOptions } from '@plaza/api/database';
import { HealthModule } from '@plaza/api/health';
import { MediaModule } from '@plaza/api/media';
import { ReportsModule } from '@plaza/api/reports';

export interface AppModuleOptions {
  config: AppConfig;
  database: { url: string; embedded: boolean };
}

@Module({})
export class AppModule {
  static forRoot({ config, database }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(database), autoLoadEntities: true }),
        HealthModule,
        CatalogModule,
        MediaModule,
        ReportsModule,
      ],
    };
  }
}
