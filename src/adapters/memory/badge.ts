import type { BadgePort } from '../ports';

export class MemoryBadge implements BadgePort {
  badges = new Map<number, { text: string; color: string; textColor: string }>();
  show(tabId: number, text: string, color: string, textColor: string) {
    this.badges.set(tabId, { text, color, textColor });
  }
  clear(tabId: number) {
    this.badges.delete(tabId);
  }
}
