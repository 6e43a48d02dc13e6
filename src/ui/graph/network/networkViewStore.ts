// How the network overlay is drawn (a view preference, not cluster state). No upstream counterpart.
import { create } from 'zustand';

/** useNetworkView holds how the network overlay is drawn: whether the cluster's own Services get cards. */
export const useNetworkView = create<{ showSystemServices: boolean; setShowSystemServices(show: boolean): void }>()((set) => ({
  showSystemServices: false,
  setShowSystemServices: (showSystemServices) => set({ showSystemServices }),
}));
