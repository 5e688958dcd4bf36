import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { z } from 'zod';
import { rpcChannel, streamChannels } from '../../shared/ipc/channels';
import { AppError } from '../../shared/ipc/errors';
import { fail, type Result } from '../../shared/ipc/result';
import type { Router } from '../rpc/router';
import { isTrustedSender } from './security';

const openSchema = z.object({ id: z.string().min(1).max(64), method: z.string().min(1).max(128), input: z.unknown() });
const closeSchema = z.object({ id: z.string().min(1).max(64) });

export interface IpcAdapterOptions {
  router: Router;
  /** webContents ids of windows we created; anything else is refused. */
  trustedContents: ReadonlySet<number>;
  isAppUrl: (url: string) => boolean;
}

/**
 * Registers one `ipcMain.handle` per rpc method of the contract (so the channel list is the
 * contract) and the four stream channels. Each message checks its sender before anything else.
 * Stream events go only to the window that opened the stream; its streams die with it.
 */
export function registerIpc({ router, trustedContents, isAppUrl }: IpcAdapterOptions): () => void {
  const trusted = (event: IpcMainEvent | IpcMainInvokeEvent): boolean => isTrustedSender(event, trustedContents, isAppUrl);
  const refused = (): Result<never> => fail(new AppError('INTERNAL', 'Refused: the message did not come from Hangar’s window.').toData());
  const channels: string[] = [];

  for (const method of router.methods) {
    const channel = rpcChannel(method);
    channels.push(channel);
    ipcMain.handle(channel, (event, input: unknown) => (trusted(event) ? router.call(method, input, { owner: ownerOf(event.sender) }) : refused()));
  }

  const watched = new Set<number>();
  const onOpen = (event: IpcMainEvent, payload: unknown): void => {
    if (!trusted(event)) return;
    const parsed = openSchema.safeParse(payload);
    if (!parsed.success) return;
    const { id, method, input } = parsed.data;
    const contents = event.sender;
    disposeWithWindow(contents, router, watched);
    router.subscribe(method, input, { owner: ownerOf(contents), id }, {
      events: (events) => {
        if (!contents.isDestroyed()) contents.send(streamChannels.data, { id, events });
      },
      end: (error) => {
        if (!contents.isDestroyed()) contents.send(streamChannels.end, { id, error });
      },
    });
  };
  const onClose = (event: IpcMainEvent, payload: unknown): void => {
    if (!trusted(event)) return;
    const parsed = closeSchema.safeParse(payload);
    if (parsed.success) router.cancel(ownerOf(event.sender), parsed.data.id);
  };
  ipcMain.on(streamChannels.open, onOpen);
  ipcMain.on(streamChannels.close, onClose);

  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
    ipcMain.off(streamChannels.open, onOpen);
    ipcMain.off(streamChannels.close, onClose);
  };
}

function ownerOf(contents: WebContents): string {
  return `window:${contents.id}`;
}

/** A reload or a closed window ends every stream it owned, so SSH channels are not leaked. */
function disposeWithWindow(contents: WebContents, router: Router, watched: Set<number>): void {
  if (watched.has(contents.id)) return;
  watched.add(contents.id);
  const owner = ownerOf(contents);
  contents.on('did-start-navigation', (_event, _url, _inPlace, isMainFrame) => {
    if (isMainFrame) router.disposeOwner(owner);
  });
  contents.once('destroyed', () => {
    router.disposeOwner(owner);
    watched.delete(contents.id);
  });
}
