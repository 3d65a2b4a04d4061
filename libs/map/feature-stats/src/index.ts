export { AreaStatsPage, CityStatsPage } from './CityStatsPage';
export { DepartmentStatsPage } from './DepartmentStatsPage';
export { ServicePage } from './ServicePage';
