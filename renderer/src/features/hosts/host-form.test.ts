import { describe, expect, it } from 'vitest';
import { emptyHostForm, errorsFromServer, parseHostForm } from './host-form';

describe('parseHostForm', () => {
  it('builds a key-file draft and names the host after its address by default', () => {
    const result = parseHostForm({
      ...emptyHostForm,
      address: ' plane.example.com ',
      port: '2222',
      user: 'root',
      auth: 'key',
      keyPath: '~/.ssh/id_ed25519',
    });
    expect(result).toEqual({
      draft: {
        kind: 'ssh',
        name: 'plane.example.com',
        address: 'plane.example.com',
        port: 2222,
        user: 'root',
        auth: { kind: 'key', keyPath: '~/.ssh/id_ed25519' },
      },
    });
  });

  it('puts each problem under its own field, in the words main would use', () => {
    const result = parseHostForm({ ...emptyHostForm, address: 'root@plane', port: '70000', user: '', auth: 'key', keyPath: '' });
    expect('errors' in result && result.errors).toMatchObject({
      address: expect.stringContaining('user@'),
      port: expect.stringContaining('between 1 and 65535'),
      user: expect.stringContaining('user name'),
      keyPath: 'Choose the private key file to use.',
    });
  });

  it('maps a duplicate name from main onto the name field', () => {
    expect(errorsFromServer({ code: 'HOST_EXISTS', message: 'A host named "prod" exists.' })).toEqual({
      name: 'A host named "prod" exists.',
    });
    expect(errorsFromServer({ code: 'INTERNAL', message: 'disk full' })).toBeNull();
  });
});
