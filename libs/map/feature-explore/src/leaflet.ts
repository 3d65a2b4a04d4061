// Leaflet plus the markercluster plugin, which extends the global `L` when it loads: the global
// is set in its own module so it exists before the plugin's module body runs.
import { L } from '@plaza/map/ui';
import 'leaflet.markercluster';

export default L;
