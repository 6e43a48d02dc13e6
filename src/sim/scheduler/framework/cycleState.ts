// Mirrors k8s.io/kube-scheduler/framework/cycle_state.go; leaves out metrics recording.

/** StateData is any data stored in CycleState; clone is used when preemption copies the state per candidate node. */
export interface StateData {
  clone(): StateData;
}

/** ErrNotFound is the error read-helpers report when a key is not in CycleState. */
export const ErrNotFound = 'not found';

/**
 * CycleState provides a mechanism for plugins to store and retrieve arbitrary data during one scheduling cycle.
 * StateData stored by one plugin can be read, altered, or deleted by another plugin. A plugin keeps nothing
 * between cycles: what it computes in PreFilter or PreScore goes here under a key built from its own name.
 */
export class CycleState {
  private readonly storage = new Map<string, StateData>();
  /** skipFilterPlugins are plugins whose PreFilter returned Skip: their Filter is not run. */
  skipFilterPlugins = new Set<string>();
  /** skipScorePlugins are plugins whose PreScore returned Skip: their Score is not run. */
  skipScorePlugins = new Set<string>();

  /** version changes on every write, so that StateReader knows when to read again. */
  version = 0;

  /** read retrieves data with the given key, or undefined when it is not present. */
  read<T extends StateData>(key: string): T | undefined {
    return this.storage.get(key) as T | undefined;
  }

  /** write stores the given key/value pair, overwriting any earlier value. */
  write(key: string, val: StateData): void {
    this.storage.set(key, val);
    this.version++;
  }

  /** delete deletes data with the given key. */
  delete(key: string): void {
    this.storage.delete(key);
    this.version++;
  }

  /** clone creates a copy of CycleState: each StateData is cloned, so the copy can be changed freely. */
  clone(): CycleState {
    const copy = new CycleState();
    for (const [k, v] of this.storage) copy.storage.set(k, v.clone());
    copy.skipFilterPlugins = new Set(this.skipFilterPlugins);
    copy.skipScorePlugins = new Set(this.skipScorePlugins);
    return copy;
  }
}

/**
 * StateReader reads one key of CycleState and remembers the answer until the state (or its contents) changes.
 * Filter and Score plugins read their pre-computed state once per node; with hundreds of nodes per pod the map
 * lookups added up.
 */
export class StateReader<T extends StateData> {
  private state: CycleState | undefined;
  private version = -1;
  private value: T | undefined;

  constructor(readonly key: string) {}

  read(state: CycleState): T | undefined {
    if (state !== this.state || state.version !== this.version) {
      this.state = state;
      this.version = state.version;
      this.value = state.read<T>(this.key);
    }
    return this.value;
  }
}
