import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../../../shared/schemas/logs';
import { LogBuffer } from './log-buffer';
import { exportFileName, exportText } from './log-export';

const line = (container: string, ts: string, text: string): LogLine => ({
  containerId: container,
  container,
  stream: 'stdout',
  ts,
  text,
  level: 'info',
});

describe('export', () => {
  it('writes the shown lines with their Docker timestamp and container name, leaving marks out', () => {
    const buffer = new LogBuffer(100);
    buffer.addLines([line('plane-app-api-1', '2025-01-01T12:00:01.5Z', 'GET /api/instances/ 200')]);
    buffer.addMark({ containerId: 'x', text: 'api-1 exited', tone: 'quiet' });
    buffer.addLines([line('plane-app-worker-1', '2025-01-01T12:00:02.123456789Z', 'task done  (2 spaces kept)')]);
    expect(exportText(buffer.entries())).toBe(
      '2025-01-01T12:00:01.5Z plane-app-api-1 GET /api/instances/ 200\n' +
        '2025-01-01T12:00:02.123456789Z plane-app-worker-1 task done  (2 spaces kept)\n',
    );
  });

  it('is empty for an empty view', () => {
    expect(exportText([])).toBe('');
  });

  it('names the file after host, sources and time with nothing a file system refuses', () => {
    const now = new Date('2025-01-31T12:05:09.300Z');
    expect(exportFileName('lab server', ['api-1', 'worker-1'], now)).toBe('lab-server_api-1+worker-1_2025-01-31T12-05-09.log');
    expect(exportFileName('a/b:c', ['1', '2', '3', '4'], now)).toBe('a-b-c_4-containers_2025-01-31T12-05-09.log');
  });
});
