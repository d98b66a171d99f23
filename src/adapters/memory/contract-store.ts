import type { ContractDoc } from '../../core/contract/load';
import type { ContractStore, UnreadableContract } from '../ports';

export class MemoryContractStore implements ContractStore {
  private listeners = new Set<(docs: ContractDoc[], unreadable: UnreadableContract[]) => void>();
  /** Stored descriptions this version cannot read, as contractStoreOver would list them. */
  unreadable: UnreadableContract[] = [];
  constructor(public docs: ContractDoc[] = []) {}
  async list() {
    return structuredClone(this.docs);
  }
  async read() {
    return { docs: structuredClone(this.docs), unreadable: structuredClone(this.unreadable) };
  }
  async put(doc: ContractDoc) {
    this.docs = [...this.docs.filter((d) => d.name !== doc.name), structuredClone(doc)];
    this.emit();
  }
  async remove(name: string) {
    this.docs = this.docs.filter((d) => d.name !== name);
    this.emit();
  }
  async setOff(name: string, off: boolean) {
    this.docs = this.docs.map((d) => {
      if (d.name !== name) return d;
      const { off: _was, ...rest } = d;
      return off ? { ...rest, off: true } : rest;
    });
    this.emit();
  }
  async deleteUnreadable(item: UnreadableContract) {
    const same = JSON.stringify(item.raw);
    this.unreadable = this.unreadable.filter((u) => JSON.stringify(u.raw) !== same);
    this.emit();
  }
  subscribe(listener: (docs: ContractDoc[], unreadable: UnreadableContract[]) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  private emit() {
    for (const l of this.listeners) l(structuredClone(this.docs), structuredClone(this.unreadable));
  }
}
