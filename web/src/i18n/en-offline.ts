import type { idOffline } from './id-offline.ts';

/** English for innovations created offline and upload files not kept (merged into `en.ts`). */
export const enOffline: { readonly [K in keyof typeof idOffline]: string } = {
  'offline.createWaiting':
    'This innovation is saved on this device only. It will be created on the server, with its profile and answers, when the connection returns. Evidence can be uploaded after that.',
  'offline.createRefused':
    'The server refused to create this innovation: {reason} Fix its profile and save again, or discard it.',
  'offline.createDiscard': 'Discard this innovation',
  'offline.changesWaiting':
    'Changes saved on this device have not been sent yet. They are sent automatically when you are signed in and connected.',
  'evidence.notKept':
    'The browser cannot keep a copy of this file ({size}; {free} available). If the page reloads or the connection is lost for long, pick the same file again to continue.',
  'evidence.notKeptUnknown':
    'This browser offers no room to keep a copy of the file. If the page reloads, pick the same file again to continue.',
};
