import { create } from 'zustand';
import type { Flow, TrafficSample, TrafficStats } from '../../sim/index';

/** How many request samples the UI keeps for drawing packets; older ones have finished travelling. */
export const KEPT_SAMPLES = 100;

export interface TrafficState {
  flows: Flow[];
  stats: TrafficStats;
  /** Recent sampled requests, oldest first, each with the virtual time it was sent. */
  samples: TrafficSample[];
  /** Local ports `kubectl port-forward` listens on: targets like http://127.0.0.1:8080/. */
  portForwards: number[];
  /** receive folds one traffic update from the worker into the store. */
  receive(update: { flows: Flow[]; stats: TrafficStats; samples: TrafficSample[]; portForwards: number[] }): void;
  reset(): void;
}

const EMPTY_STATS: TrafficStats = { flows: {}, services: {}, pods: {} };

/** useTrafficStore mirrors the simulated traffic: running flows, counters, and sampled requests to draw as packets. */
export const useTrafficStore = create<TrafficState>()((set) => ({
  flows: [],
  stats: EMPTY_STATS,
  samples: [],
  portForwards: [],
  receive: (update) =>
    set((s) => ({
      portForwards: update.portForwards.join() === s.portForwards.join() ? s.portForwards : update.portForwards,
      flows: update.flows,
      stats: update.stats,
      samples: update.samples.length === 0 ? s.samples : [...s.samples, ...update.samples].slice(-KEPT_SAMPLES),
    })),
  reset: () => set({ flows: [], stats: EMPTY_STATS, samples: [], portForwards: [] }),
}));
