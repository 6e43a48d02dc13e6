// Mirrors k8s.io/api/core/v1/well_known_labels.go.

export const LabelHostname = 'kubernetes.io/hostname';

export const LabelTopologyZone = 'topology.kubernetes.io/zone';
export const LabelTopologyRegion = 'topology.kubernetes.io/region';

/** LabelFailureDomainBetaZone is the deprecated zone label, still read where upstream reads it. */
export const LabelFailureDomainBetaZone = 'failure-domain.beta.kubernetes.io/zone';
/** LabelFailureDomainBetaRegion is the deprecated region label. */
export const LabelFailureDomainBetaRegion = 'failure-domain.beta.kubernetes.io/region';

export const LabelInstanceType = 'beta.kubernetes.io/instance-type';
export const LabelInstanceTypeStable = 'node.kubernetes.io/instance-type';

export const LabelOSStable = 'kubernetes.io/os';
export const LabelArchStable = 'kubernetes.io/arch';

/** LabelWindowsBuild is used on Windows nodes to specify the Windows build number. */
export const LabelWindowsBuild = 'node.kubernetes.io/windows-build';

/** LabelNamespaceSuffixKubelet is an allowed label namespace suffix kubelets can self-set ([*.]kubelet.kubernetes.io/*). */
export const LabelNamespaceSuffixKubelet = 'kubelet.kubernetes.io';
/** LabelNamespaceSuffixNode is an allowed label namespace suffix kubelets can self-set ([*.]node.kubernetes.io/*). */
export const LabelNamespaceSuffixNode = 'node.kubernetes.io';
/** LabelNamespaceNodeRestriction is a forbidden label namespace that kubelets may not self-set when NodeRestriction is on. */
export const LabelNamespaceNodeRestriction = 'node-restriction.kubernetes.io';

/** IsHeadlessService is added by Controller to an Endpoint denoting if its parent Service is Headless. */
export const IsHeadlessService = 'service.kubernetes.io/headless';

/** LabelNodeExcludeBalancers specifies that the node should not be considered as a target for external load-balancers. */
export const LabelNodeExcludeBalancers = 'node.kubernetes.io/exclude-from-external-load-balancers';

/** LabelMetadataName is the label name which, in-tree, is used to automatically label namespaces. */
export const LabelMetadataName = 'kubernetes.io/metadata.name';
