import type { Message } from '../../messaging/messages';

/** Sends a message to the background worker. A worker that is starting up may drop it; callers resend state, not deltas. */
export async function sendMessage(message: Message): Promise<unknown> {
  try {
    return await chrome.runtime.sendMessage(message);
  } catch {
    // "Receiving end does not exist": the worker was stopped and is restarting. Summaries are
    // sent whole, so the next send repairs it.
    return undefined;
  }
}
