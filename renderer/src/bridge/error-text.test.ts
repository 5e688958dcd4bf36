import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../../shared/ipc/errors';
import { describeError } from './error-text';

describe('describeError', () => {
  it('gives every error code a sentence and a next step', () => {
    for (const code of errorCodes) {
      const text = describeError({ code, message: 'raw message from main.' });
      expect(text.what.trim(), code).not.toBe('');
      expect(text.next.trim(), code).not.toBe('');
      expect(text.what, code).toMatch(/[.!?]$/);
      expect(text.next, code).toMatch(/[.!?)]$/);
    }
  });

  it('names the port that refused the connection', () => {
    expect(
      describeError({ code: 'SSH_CONNECTION_REFUSED', message: 'ECONNREFUSED' }, { address: 'plane.example.com', port: 2222 }),
    ).toEqual({
      what: 'The server refused the connection on port 2222.',
      next: 'Check that sshd is running and the port is right.',
    });
  });

  it('tells the user which account to add to the docker group', () => {
    const text = describeError({ code: 'DOCKER_PERMISSION_DENIED', message: 'EACCES' }, { user: 'deploy' });
    expect(text.next).toContain('sudo usermod -aG docker deploy');
  });

  it('keeps main’s own words where only main knows the specifics', () => {
    const text = describeError({ code: 'HOST_EXISTS', message: 'A host named "prod" already exists.' });
    expect(text.what).toBe('A host named "prod" already exists.');
  });
});
