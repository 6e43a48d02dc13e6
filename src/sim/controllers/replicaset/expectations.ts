// Mirrors ControllerExpectations and UIDTrackingControllerExpectations in pkg/controller/controller_utils.go, on the
// virtual clock; leaves out RaiseExpectations, which only the Job controller uses.
import type { VirtualMs } from '../../clock/virtualClock';

/**
 * EXPECTATIONS_TIMEOUT_MS is how long a controller waits for the watch events of its own creates and deletes before
 * it syncs anyway (ExpectationsTimeout, 5 minutes): a lost watch event must not put a controller to sleep for ever.
 */
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60 * 1000;

/** ControlleeExpectations counts the creates and deletes one controller still expects to observe. */
export interface ControlleeExpectations {
  readonly key: string;
  add: number;
  del: number;
  /** When the expectations were set, for the timeout. */
  readonly timestamp: VirtualMs;
}

/** fulfilled is true once every expected create and delete has been observed (counts may go below zero). */
export function fulfilled(e: ControlleeExpectations): boolean {
  return e.add <= 0 && e.del <= 0;
}

/**
 * ControllerExpectations is how a controller avoids acting twice on a stale cache: before writing it records what
 * it expects to see ("2 adds"), the informer handlers count the observations down, and the controller only
 * manages replicas again once they are all seen, or the expectations expire.
 *
 * - Once set, expectations can only be lowered.
 * - A controller isn't synced till its expectations are either fulfilled, or expire.
 * - Controllers that don't set expectations will get woken up for every matching controllee.
 */
export class ControllerExpectations {
  private readonly store = new Map<string, ControlleeExpectations>();

  constructor(private readonly clock: { now(): VirtualMs }) {}

  getExpectations(controllerKey: string): ControlleeExpectations | undefined {
    return this.store.get(controllerKey);
  }

  /** satisfiedExpectations is true when there are no expectations, they are fulfilled, or they have expired. */
  satisfiedExpectations(controllerKey: string): boolean {
    const exp = this.store.get(controllerKey);
    if (!exp) return true;
    return fulfilled(exp) || this.clock.now() - exp.timestamp > EXPECTATIONS_TIMEOUT_MS;
  }

  deleteExpectations(controllerKey: string): void {
    this.store.delete(controllerKey);
  }

  /** setExpectations replaces any existing expectations and restarts the timeout. */
  setExpectations(controllerKey: string, add: number, del: number): void {
    this.store.set(controllerKey, { key: controllerKey, add, del, timestamp: this.clock.now() });
  }

  expectCreations(controllerKey: string, adds: number): void {
    this.setExpectations(controllerKey, adds, 0);
  }

  expectDeletions(controllerKey: string, dels: number): void {
    this.setExpectations(controllerKey, 0, dels);
  }

  lowerExpectations(controllerKey: string, add: number, del: number): void {
    const exp = this.store.get(controllerKey);
    if (!exp) return;
    exp.add -= add;
    exp.del -= del;
  }

  creationObserved(controllerKey: string): void {
    this.lowerExpectations(controllerKey, 1, 0);
  }

  deletionObserved(controllerKey: string): void {
    this.lowerExpectations(controllerKey, 0, 1);
  }
}

/**
 * UIDTrackingControllerExpectations also remembers which pods it is deleting (by `namespace/name` key), so that
 * a graceful delete, seen first as an update that sets deletionTimestamp and later as the delete itself, counts
 * once.
 */
export class UIDTrackingControllerExpectations {
  private readonly expectations: ControllerExpectations;
  private readonly uidStore = new Map<string, Set<string>>();

  constructor(clock: { now(): VirtualMs }) {
    this.expectations = new ControllerExpectations(clock);
  }

  getExpectations(controllerKey: string): ControlleeExpectations | undefined {
    return this.expectations.getExpectations(controllerKey);
  }

  /** getUIDs is the set of pod keys whose deletion is still expected. */
  getUIDs(controllerKey: string): ReadonlySet<string> | undefined {
    return this.uidStore.get(controllerKey);
  }

  satisfiedExpectations(controllerKey: string): boolean {
    return this.expectations.satisfiedExpectations(controllerKey);
  }

  expectCreations(controllerKey: string, adds: number): void {
    this.expectations.expectCreations(controllerKey, adds);
  }

  creationObserved(controllerKey: string): void {
    this.expectations.creationObserved(controllerKey);
  }

  /** expectDeletions records the pods about to be deleted, replacing any earlier set. */
  expectDeletions(controllerKey: string, deletedKeys: readonly string[]): void {
    const expected = new Set(deletedKeys);
    this.uidStore.set(controllerKey, expected);
    this.expectations.expectDeletions(controllerKey, expected.size);
  }

  /** deletionObserved counts a pod's deletion once, and only if it was expected. */
  deletionObserved(controllerKey: string, deleteKey: string): void {
    const uids = this.uidStore.get(controllerKey);
    if (!uids?.has(deleteKey)) return;
    this.expectations.deletionObserved(controllerKey);
    uids.delete(deleteKey);
  }

  deleteExpectations(controllerKey: string): void {
    this.expectations.deleteExpectations(controllerKey);
    this.uidStore.delete(controllerKey);
  }
}
