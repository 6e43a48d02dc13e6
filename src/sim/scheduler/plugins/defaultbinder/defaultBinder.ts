// Mirrors pkg/scheduler/framework/plugins/defaultbinder/default_binder.go.
import type { Pod } from 'kubernetes-types/core/v1';
import type { CycleState, StateData } from '../../framework/cycleState';
import { asStatus, type BindPlugin, type Handle, type Plugin, type Status } from '../../framework/interface';
import * as names from '../names';

/** Name is the name of the plugin used in the plugin registry and configurations. */
export const Name = names.DefaultBinder;

/** bindNarrationKey is where the scheduling cycle leaves the sentence that explains the binding. */
export const bindNarrationKey = 'BindNarration';

/**
 * BindNarration carries the plain sentence the Binding write is narrated with ("assigned default/web to node-2:
 * highest score ..."). Kubeplay narrates every API write; the binder cannot know why the node won, so the
 * scheduling cycle hands the sentence over through CycleState.
 */
export class BindNarration implements StateData {
  constructor(readonly reason: string) {}
  clone(): StateData {
    return this;
  }
}

/** DefaultBinder binds pods to nodes using the API client (the pods/binding subresource). */
export class DefaultBinder implements BindPlugin {
  constructor(private readonly handle: Handle) {}

  name(): string {
    return Name;
  }

  bind(state: CycleState, pod: Pod, nodeName: string): Status | null {
    const ns = pod.metadata?.namespace ?? '';
    const name = pod.metadata?.name ?? '';
    const reason = state.read<BindNarration>(bindNarrationKey)?.reason ?? `assigned ${ns}/${name} to ${nodeName}`;
    try {
      this.handle.clientSet().bind(ns, name, nodeName, { actor: 'default-scheduler', reason });
    } catch (e) {
      return asStatus(e);
    }
    return null;
  }
}

/** New creates a DefaultBinder. */
export function New(_args: unknown, handle: Handle): Plugin {
  return new DefaultBinder(handle);
}
