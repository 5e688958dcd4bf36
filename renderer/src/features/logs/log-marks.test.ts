import { describe, expect, it } from 'vitest';
import { attachedMark, detachedMark } from './log-marks';

const at = new Date(2025, 0, 1, 12, 3, 4);

describe('marks', () => {
  it('marks a re-attach after a stop, and says nothing about the first attach', () => {
    expect(attachedMark('api-1', true, at)).toEqual({ text: 'api-1 restarted · re-attached at 12:03:04', tone: 'quiet' });
    expect(attachedMark('api-1', false, at)).toBeNull();
  });

  it('says why a stream stopped; a failure stands out, the end of a closed window does not show', () => {
    expect(detachedMark('api-1', { reason: 'exited' }, true, at)?.text).toBe('api-1 exited at 12:03:04 · waiting for it to start again');
    expect(detachedMark('api-1', { reason: 'error', message: 'socket closed' }, true, at)).toEqual({
      text: 'api-1: the log stream failed at 12:03:04 (socket closed)',
      tone: 'bad',
    });
    expect(detachedMark('api-1', { reason: 'ended' }, false, at)).toBeNull();
  });
});
