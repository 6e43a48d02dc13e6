import { describe, expect, it, vi } from 'vitest';

vi.mock('../simClientInstance', () => ({ simClient: {} }));
const { editorFiles } = await import('./consoleBackend');

describe('editorFiles', () => {
  it('names each tab as it is called and, without an extension, also with .yaml', () => {
    expect(editorFiles([{ name: 'web', text: 'a' }, { name: 'db.yaml', text: 'b' }])).toEqual({ web: 'a', 'web.yaml': 'a', 'db.yaml': 'b' });
  });
});
