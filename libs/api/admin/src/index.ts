export * from './admin.module';
export { parseAreaUpload } from './areas/area-upload';
export { TEMPLATE_PLACEHOLDERS } from './templates/template.dto';
