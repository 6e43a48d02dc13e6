import { useEffect } from 'react';
import { simClient } from './simClientInstance';
import { useClusterStore } from './store/clusterStore';
import { useUiStore } from './store/uiStore';

/** useShortcuts binds play/pause, step and help; keys typed into the editor or a field are left alone. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, .monaco-editor') || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === ' ') {
        e.preventDefault();
        simClient.send({ type: useClusterStore.getState().playing ? 'pause' : 'play' });
      } else if (e.key === 's' || e.key === 'ArrowRight') {
        simClient.send({ type: 'step' });
      } else if (e.key === '?') {
        const ui = useUiStore.getState();
        ui.setHelpOpen(!ui.helpOpen);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
