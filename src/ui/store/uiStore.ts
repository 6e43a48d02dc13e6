import { create } from 'zustand';
import type { ObjectRef } from '../../sim/index';

export type Theme = 'light' | 'dark';

export interface UiState {
  selected: ObjectRef | undefined;
  theme: Theme;
  helpOpen: boolean;
  /** Timeline filter: only entries about this object. */
  timelineFilter: ObjectRef | undefined;
  select(ref: ObjectRef | undefined): void;
  setTheme(theme: Theme): void;
  setHelpOpen(open: boolean): void;
  setTimelineFilter(ref: ObjectRef | undefined): void;
}

const THEME_KEY = 'kubeplay.theme';

function initialTheme(): Theme {
  try {
    return localStorage.getItem(THEME_KEY) === 'light' ? 'light' : 'dark';
  } catch {
    return 'dark';
  }
}

/** useUiStore holds what only the UI cares about: selection, theme, panels. Cluster state lives elsewhere. */
export const useUiStore = create<UiState>()((set) => ({
  selected: undefined,
  theme: initialTheme(),
  helpOpen: false,
  timelineFilter: undefined,
  select: (selected) => set({ selected }),
  setTheme: (theme) => {
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      // Theme is a preference; failing to store it changes nothing else.
    }
    set({ theme });
  },
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setTimelineFilter: (timelineFilter) => set({ timelineFilter }),
}));

/** sameRef compares two object references. */
export function sameRef(a: ObjectRef | undefined, b: ObjectRef | undefined): boolean {
  return !!a && !!b && a.kind === b.kind && a.namespace === b.namespace && a.name === b.name;
}
