import { Injectable } from '@nestjs/common';
import { pickText, type CategoryView, type Locale } from '@plaza/shared/contracts';
import { CatalogRepository } from './catalog.repository';

@Injectable()
export class CatalogService {
  constructor(private readonly catalog: CatalogRepository) {}

  async categories(locale: Locale): Promise<CategoryView[]> {
    const rows = await this.catalog.listActiveCategories();
    return rows.map((row) => ({
      code: row.code,
      name: pickText(row.name, locale),
      description: pickText(row.description, locale),
      ...(row.groupName ? { group: pickText(row.groupName, locale) } : {}),
      icon: row.icon,
      department: pickText(row.departmentName, locale),
    }));
  }

  areas(): Promise<string> {
    return this.catalog.areasFeatureCollection();
  }
}
