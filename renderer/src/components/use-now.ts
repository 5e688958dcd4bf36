import { useEffect, useState } from 'react';

/**
 * The current time, re-rendered every `intervalMs` while `enabled`: for countdowns ("reconnecting
 * in 4 s") and uptimes that must move without new data arriving.
 */
export function useNow(intervalMs: number, enabled = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, enabled]);
  return now;
}
