import type { JanusCallError } from '../protocol/errors.js';
import type { PluginReply } from './transport.js';

/** A `message()` waiting for the plugin's answer, keyed by its transaction. */
export interface PendingMessage {
  sessionId: number;
  handleId: number;
  resolve(reply: PluginReply): void;
  reject(error: JanusCallError): void;
}

/**
 * The table of outstanding `message()` transactions. Entries settle exactly once:
 * whoever settles first (poll event, sync reply, timeout, abort, close) wins.
 */
export class PendingMessages {
  private readonly entries = new Map<string, PendingMessage>();

  add(transaction: string, entry: PendingMessage): void {
    this.entries.set(transaction, entry);
  }

  get(transaction: string): PendingMessage | undefined {
    return this.entries.get(transaction);
  }

  delete(transaction: string): void {
    this.entries.delete(transaction);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Reject every entry that matches; entries remove themselves when they settle. */
  rejectWhere(predicate: (entry: PendingMessage) => boolean, error: JanusCallError): void {
    for (const entry of [...this.entries.values()]) if (predicate(entry)) entry.reject(error);
  }
}
