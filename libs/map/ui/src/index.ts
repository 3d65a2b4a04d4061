export * from './AccountPage';
export * from './AlertPointPicker';
export * from './Comments';
export * from './FlagForm';
export * from './FollowButton';
export * from './LocationPicker';
export * from './PhotoPicker';
export * from './PlaceSearch';
export * from './ProposalCard';
export * from './ProposalStatusBadge';
export * from './SignInLink';
export * from './SupportButton';
export * from './UnreadBadge';
export * from './base-layers';
// Leaflet with the global `L` set, for plugins that extend it.
export { default as L } from './leaflet-global';
export * from './map-ui-api';
export * from './markers';
export * from './use-base-map';
