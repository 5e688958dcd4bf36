/**
 * IPC channel names. Every rpc method travels on its own channel derived from its contract name,
 * so the preload allow-list is exactly the contract keys; streams share four control channels.
 */
export const CHANNEL_PREFIX = 'hangar:';

export function rpcChannel(method: string): string {
  return `${CHANNEL_PREFIX}rpc:${method}`;
}

export const streamChannels = {
  /** renderer → main: open a subscription `{ id, method, input }`. */
  open: `${CHANNEL_PREFIX}stream:open`,
  /** renderer → main: cancel a subscription `{ id }`. */
  close: `${CHANNEL_PREFIX}stream:close`,
  /** main → renderer: a batch of events `{ id, events }`. */
  data: `${CHANNEL_PREFIX}stream:data`,
  /** main → renderer: the subscription ended `{ id, error }`. */
  end: `${CHANNEL_PREFIX}stream:end`,
} as const;

/** True when a channel belongs to Hangar; main rejects anything else before parsing. */
export function isHangarChannel(channel: string): boolean {
  return channel.startsWith(CHANNEL_PREFIX);
}
