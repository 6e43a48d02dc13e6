// Mirrors pkg/controller/namespace/deletion/status_condition_utils.go: how the namespace deleter's results become the
// Namespace's deletion conditions. Discovery and group-version parsing never fail here (the kinds are fixed), so
// those two conditions are only ever set to their "ok" variants.
import type { NamespaceCondition, NamespaceStatus } from 'kubernetes-types/core/v1';

export const NamespaceDeletionDiscoveryFailure = 'NamespaceDeletionDiscoveryFailure';
export const NamespaceDeletionGVParsingFailure = 'NamespaceDeletionGroupVersionParsingFailure';
export const NamespaceDeletionContentFailure = 'NamespaceDeletionContentFailure';
export const NamespaceContentRemaining = 'NamespaceContentRemaining';
export const NamespaceFinalizersRemaining = 'NamespaceFinalizersRemaining';

/** conditionTypes are the condition types the namespace deleter maintains, in the order it adds them. */
const conditionTypes = [
  NamespaceDeletionDiscoveryFailure,
  NamespaceDeletionGVParsingFailure,
  NamespaceDeletionContentFailure,
  NamespaceContentRemaining,
  NamespaceFinalizersRemaining,
] as const;

const okMessages: Record<(typeof conditionTypes)[number], string> = {
  [NamespaceDeletionDiscoveryFailure]: 'All resources successfully discovered',
  [NamespaceDeletionGVParsingFailure]: 'All legacy kube types successfully parsed',
  [NamespaceDeletionContentFailure]: 'All content successfully deleted, may be waiting on finalization',
  [NamespaceContentRemaining]: 'All content successfully removed',
  [NamespaceFinalizersRemaining]: 'All content successfully removed',
};

const okReasons: Record<(typeof conditionTypes)[number], string> = {
  [NamespaceDeletionDiscoveryFailure]: 'ResourcesDiscovered',
  [NamespaceDeletionGVParsingFailure]: 'ParsedGroupVersions',
  [NamespaceDeletionContentFailure]: 'ContentDeleted',
  [NamespaceContentRemaining]: 'ContentRemoved',
  [NamespaceFinalizersRemaining]: 'ContentRemoved',
};

/** ContentTotals is allGVRDeletionMetadata: instances left per resource (`pods.`, `deployments.apps`) and per finalizer. */
export interface ContentTotals {
  gvrToNumRemaining: Map<string, number>;
  finalizersToNumRemaining: Map<string, number>;
}

/**
 * NamespaceConditionUpdater collects what one deletion pass found and turns it into conditions: a True condition for
 * each problem, the "ok" False variant for every type without one.
 */
export class NamespaceConditionUpdater {
  private readonly newConditions: NamespaceCondition[] = [];
  private readonly deleteContentErrors: string[] = [];

  /** @param now the virtual time as metav1.Now() would print it */
  constructor(private readonly now: string) {}

  /** processContentTotals adds NamespaceContentRemaining and NamespaceFinalizersRemaining when anything is left. */
  processContentTotals(totals: ContentTotals): void {
    const remainingResources = [...totals.gvrToNumRemaining]
      .filter(([, n]) => n > 0)
      .map(([resource, n]) => `${resource} has ${n} resource instances`)
      .sort();
    if (totals.gvrToNumRemaining.size > 0) {
      this.newConditions.push(this.condition(NamespaceContentRemaining, 'SomeResourcesRemain', `Some resources are remaining: ${remainingResources.join(', ')}`));
    }
    const remainingByFinalizer = [...totals.finalizersToNumRemaining]
      .filter(([, n]) => n > 0)
      .map(([finalizer, n]) => `${finalizer} in ${n} resource instances`)
      .sort();
    if (totals.finalizersToNumRemaining.size > 0) {
      this.newConditions.push(this.condition(NamespaceFinalizersRemaining, 'SomeFinalizerRemain', `Some finalizers are remaining: ${remainingByFinalizer.join(', ')}`));
    }
  }

  processDeleteContentErr(message: string): void {
    this.deleteContentErrors.push(message);
  }

  /** update writes the conditions into `status` (a private copy) and reports whether anything changed. */
  update(status: NamespaceStatus): boolean {
    if (!getCondition(this.newConditions, NamespaceDeletionContentFailure) && this.deleteContentErrors.length > 0) {
      const msgs = [...this.deleteContentErrors].sort();
      this.newConditions.push(
        this.condition(NamespaceDeletionContentFailure, 'ContentDeletionFailed', `Failed to delete all resource types, ${msgs.length} remaining: ${msgs.join(', ')}`),
      );
    }
    return this.updateConditions(status);
  }

  private updateConditions(status: NamespaceStatus): boolean {
    let hasChanged = false;
    for (const type of conditionTypes) {
      const newCondition = getCondition(this.newConditions, type) ?? { type, status: 'False', lastTransitionTime: this.now, reason: okReasons[type], message: okMessages[type] };
      const conditions = (status.conditions ??= []);
      const old = getCondition(conditions, type);
      if (!old) {
        conditions.push(newCondition);
        hasChanged = true;
      } else if (old.status !== newCondition.status || old.message !== newCondition.message || old.reason !== newCondition.reason) {
        if (old.status !== newCondition.status) old.lastTransitionTime = this.now;
        old.status = newCondition.status;
        old.reason = newCondition.reason;
        old.message = newCondition.message;
        hasChanged = true;
      }
    }
    return hasChanged;
  }

  private condition(type: string, reason: string, message: string): NamespaceCondition {
    return { type, status: 'True', lastTransitionTime: this.now, reason, message };
  }
}

function getCondition(conditions: readonly NamespaceCondition[], type: string): NamespaceCondition | undefined {
  return conditions.find((c) => c.type === type);
}
