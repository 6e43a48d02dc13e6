import { describe, expect, it } from 'vitest';
import { EDITOR_FRAME_PROTOCOL, isFromEditorFrame, isToEditorFrame, versioned, type FromEditorFrame } from './frameProtocol';

describe('the editor frame protocol', () => {
  it.each([
    { name: 'the frame asking for its files is a message from the frame', data: { v: 1, type: 'ready' }, from: true, to: false },
    { name: 'a save of the files is a message from the frame', data: { v: 1, type: 'save', files: { files: [], active: 0 } }, from: true, to: false },
    { name: 'an apply of the editor text is a message from the frame', data: { v: 1, type: 'apply', id: 3, text: 'kind: Pod' }, from: true, to: false },
    { name: 'the saved files and theme are a message to the frame', data: { v: 1, type: 'init', files: undefined, theme: 'dark' }, from: false, to: true },
    { name: 'a theme change is a message to the frame', data: { v: 1, type: 'theme', theme: 'light' }, from: false, to: true },
    { name: 'the results of an apply are a message to the frame', data: { v: 1, type: 'applied', id: 3, results: [] }, from: false, to: true },
    { name: 'a message of another version is neither', data: { v: 2, type: 'ready' }, from: false, to: false },
    { name: 'a message without a version is neither', data: { type: 'apply', id: 1, text: '' }, from: false, to: false },
    { name: 'a type the protocol does not have is neither', data: { v: 1, type: 'eval' }, from: false, to: false },
    { name: 'a message posted by something else on the page (a string) is neither', data: 'webpackHotUpdate', from: false, to: false },
    { name: 'null is neither', data: null, from: false, to: false },
  ])('$name', ({ data, from, to }) => {
    expect([isFromEditorFrame(data), isToEditorFrame(data)]).toEqual([from, to]);
  });

  it('versioned stamps the protocol version on a message as its sender writes it', () => {
    expect(versioned<FromEditorFrame>({ type: 'apply', id: 7, text: 'kind: Pod' })).toEqual({ type: 'apply', id: 7, text: 'kind: Pod', v: EDITOR_FRAME_PROTOCOL });
  });
});
