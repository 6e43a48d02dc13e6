// Mirrors the well-known names of k8s.io/api discovery/v1 well_known_labels.go and core/v1 annotation_key_constants.go
// that the endpoint controllers and the API server's endpoint reconciler read and write.

/** LABEL_SERVICE_NAME (discovery.LabelServiceName) names the Service an EndpointSlice belongs to. */
export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
/** LABEL_MANAGED_BY (discovery.LabelManagedBy) names the controller that owns an EndpointSlice. */
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
/** LABEL_SKIP_MIRROR (discovery.LabelSkipMirror) keeps the EndpointSlice mirroring controller off an Endpoints. */
export const LABEL_SKIP_MIRROR = 'endpointslice.kubernetes.io/skip-mirror';
/** IS_HEADLESS_SERVICE (v1.IsHeadlessService) marks the endpoints of a Service with clusterIP None. */
export const IS_HEADLESS_SERVICE = 'service.kubernetes.io/headless';
/** ENDPOINTS_LAST_CHANGE_TRIGGER_TIME: when the pod or Service change behind this endpoints write happened. */
export const ENDPOINTS_LAST_CHANGE_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
/** ENDPOINTS_OVER_CAPACITY marks an Endpoints truncated to 1000 addresses. */
export const ENDPOINTS_OVER_CAPACITY = 'endpoints.kubernetes.io/over-capacity';
/** ENDPOINTSLICE_CONTROLLER_NAME is controllerQualifiedName: the managed-by value of the EndpointSlice controller. */
export const ENDPOINTSLICE_CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
