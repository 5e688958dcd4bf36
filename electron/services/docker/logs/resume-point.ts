import { compareLogTimestamps } from '../../../../shared/logs/log-timestamp';
import type { LogLine } from '../../../../shared/schemas/logs';

/**
 * Where a container's log was left, so a new request can continue without a gap or a double.
 *
 * Docker's `since` is inclusive at nanosecond precision (verified on Engine 20.10: `since=T`
 * returns the line stamped T again), so resuming from the last timestamp seen re-sends every line
 * stamped exactly T. This remembers how many lines of each (stream, text) were delivered at T and
 * drops exactly that many on the next request — identical lines at the same nanosecond included.
 */
export class ResumePoint {
  private last: string | undefined;
  private atLast = new Map<string, number>();
  private resendBudget: Map<string, number> | undefined;
  private resumeFrom: string | undefined;

  /** The timestamp to pass as `since` (Docker form is derived by the caller); undefined before any line. */
  get since(): string | undefined {
    return this.last;
  }

  /**
   * Starts a new request from `since`: the lines delivered at that instant are expected again.
   * Call before reading the new response.
   */
  beginResume(): void {
    this.resumeFrom = this.last;
    this.resendBudget = new Map(this.atLast);
  }

  /**
   * True when `line` is new (and records it); false when it is a re-sent double or older than
   * the resume point (Docker should not send those, but a clock step on the server could).
   */
  accept(line: LogLine): boolean {
    if (this.resumeFrom !== undefined) {
      const order = compareLogTimestamps(line.ts, this.resumeFrom);
      if (order < 0) return false;
      if (order === 0) {
        const key = keyOf(line);
        const budget = this.resendBudget?.get(key) ?? 0;
        if (budget > 0) {
          this.resendBudget?.set(key, budget - 1);
          return false;
        }
      } else {
        this.resumeFrom = undefined; // past the resume instant: nothing further can be a double
        this.resendBudget = undefined;
      }
    }
    this.record(line);
    return true;
  }

  private record(line: LogLine): void {
    const order = this.last === undefined ? 1 : compareLogTimestamps(line.ts, this.last);
    if (order < 0) return; // a late partial line: the resume point stays at the newest instant
    const key = keyOf(line);
    if (order > 0) {
      this.last = line.ts;
      this.atLast = new Map([[key, 1]]);
    } else {
      this.atLast.set(key, (this.atLast.get(key) ?? 0) + 1);
    }
  }
}

function keyOf(line: LogLine): string {
  return `${line.stream}\u0000${line.text}`;
}
