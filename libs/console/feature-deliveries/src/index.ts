// Failed notification deliveries: inspect and retry.
export { DeliveriesPage } from './DeliveriesPage';
