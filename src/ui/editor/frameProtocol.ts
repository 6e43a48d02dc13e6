import type { ApplyResult } from '../../sim/index';
import type { EditorFiles } from './fileStore';
import type { Theme } from '../store/uiStore';

/**
 * The editor runs in a sandboxed iframe (editor.html): an opaque origin, so Chromium gives it a process, a heap and a
 * main thread of its own, and Monaco's garbage collections never hold up a frame of the graph. It cannot reach the
 * page's storage or simulation, so the page keeps its files and applies its manifests; these are the messages.
 */
export const EDITOR_FRAME_PROTOCOL = 1;

/** What the editor frame tells the page. */
export type FromEditorFrame =
  | { v: typeof EDITOR_FRAME_PROTOCOL; type: 'ready' }
  /** Every edit, tab change or new tab: the page stores it, so nothing typed is lost on reload. */
  | { v: typeof EDITOR_FRAME_PROTOCOL; type: 'save'; files: EditorFiles }
  | { v: typeof EDITOR_FRAME_PROTOCOL; type: 'apply'; id: number; text: string };

/** What the page tells the editor frame. */
export type ToEditorFrame =
  /** The answer to `ready`: the saved files (none yet: the frame opens the first example) and the theme. */
  | { v: typeof EDITOR_FRAME_PROTOCOL; type: 'init'; files: EditorFiles | undefined; theme: Theme }
  | { v: typeof EDITOR_FRAME_PROTOCOL; type: 'theme'; theme: Theme }
  | { v: typeof EDITOR_FRAME_PROTOCOL; type: 'applied'; id: number; results: ApplyResult[] };

/** A message as its sender writes it; `versioned` stamps the protocol's version on it. */
export type Unversioned<T> = T extends unknown ? Omit<T, 'v'> : never;

export const versioned = <T extends FromEditorFrame | ToEditorFrame>(message: Unversioned<T>): T => ({ ...message, v: EDITOR_FRAME_PROTOCOL }) as T;

const FROM_FRAME_TYPES = new Set<string>(['ready', 'save', 'apply']);
const TO_FRAME_TYPES = new Set<string>(['init', 'theme', 'applied']);

const isMessage = (data: unknown, types: Set<string>): boolean =>
  typeof data === 'object' && data !== null && (data as { v?: unknown }).v === EDITOR_FRAME_PROTOCOL && types.has(String((data as { type?: unknown }).type));

/** isFromEditorFrame: a message of this protocol's version from the frame; anything else posted to the page is ignored. */
export const isFromEditorFrame = (data: unknown): data is FromEditorFrame => isMessage(data, FROM_FRAME_TYPES);

/** isToEditorFrame: a message of this protocol's version from the page. */
export const isToEditorFrame = (data: unknown): data is ToEditorFrame => isMessage(data, TO_FRAME_TYPES);
