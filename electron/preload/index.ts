import { contextBridge, ipcRenderer } from 'electron';
import type { BridgeApi, StreamSink } from '../../shared/ipc/bridge-api';
import { rpcChannel, streamChannels } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';

/**
 * Exposes `window.bridge` and nothing else. Only methods named in the contract can be called;
 * the renderer never gets ipcRenderer itself.
 */
const methods = new Set(Object.keys(contract));
const sinks = new Map<string, StreamSink>();
let nextId = 0;

ipcRenderer.on(streamChannels.data, (_event, message: { id: string; events: unknown[] }) => {
  sinks.get(message.id)?.events(message.events);
});
ipcRenderer.on(streamChannels.end, (_event, message: { id: string; error: Parameters<StreamSink['end']>[0] }) => {
  const sink = sinks.get(message.id);
  sinks.delete(message.id);
  sink?.end(message.error);
});

const bridge: BridgeApi = {
  async call(method, input) {
    if (!methods.has(method)) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `No such method: ${method}.` } };
    return ipcRenderer.invoke(rpcChannel(method), input);
  },
  subscribe(method, input, sink) {
    const id = `p${++nextId}`;
    if (!methods.has(method)) {
      queueMicrotask(() => sink.end({ code: 'UNKNOWN_METHOD', message: `No such method: ${method}.` }));
      return () => undefined;
    }
    sinks.set(id, sink);
    ipcRenderer.send(streamChannels.open, { id, method, input });
    return () => {
      if (sinks.delete(id)) ipcRenderer.send(streamChannels.close, { id });
    };
  },
};

contextBridge.exposeInMainWorld('bridge', bridge);
