import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<T extends string> {
  id: T;
  label: string;
}

/** The id of a tab button; its panel is `tabPanelId(baseId, id)`. */
export const tabId = (baseId: string, id: string) => `${baseId}-tab-${id}`;
export const tabPanelId = (baseId: string, id: string) => `${baseId}-panel-${id}`;

export interface TabListProps<T extends string> {
  tabs: readonly TabItem<T>[];
  selected: T;
  onSelect: (id: T) => void;
  /** Prefix of the tab and panel ids (see tabId / tabPanelId); the caller renders the panels. */
  baseId: string;
  label: string;
  className?: string;
}

/**
 * The ARIA tabs pattern (automatic activation): only the selected tab is in the Tab order, and
 * ArrowLeft / ArrowRight (wrapping), Home and End select a tab and move focus to it.
 */
export function TabList<T extends string>({
  tabs,
  selected,
  onSelect,
  baseId,
  label,
  className,
}: TabListProps<T>) {
  const refs = useRef<Partial<Record<T, HTMLButtonElement | null>>>({});
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.findIndex((t) => t.id === selected);
    let next = i;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    else return;
    e.preventDefault();
    const id = tabs[next]!.id;
    onSelect(id);
    refs.current[id]?.focus();
  };
  return (
    <div className={className} role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.id}
          ref={(el) => {
            refs.current[t.id] = el;
          }}
          type="button"
          role="tab"
          id={tabId(baseId, t.id)}
          aria-selected={selected === t.id}
          aria-controls={tabPanelId(baseId, t.id)}
          tabIndex={selected === t.id ? 0 : -1}
          onClick={() => onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

/** One tab's panel; only the selected one renders its content (the others stay empty and hidden). */
export function TabPanel(props: {
  baseId: string;
  id: string;
  selected: boolean;
  className: string;
  tabIndex?: number;
  children: () => ReactNode;
}) {
  return (
    <div
      role="tabpanel"
      id={tabPanelId(props.baseId, props.id)}
      aria-labelledby={tabId(props.baseId, props.id)}
      hidden={!props.selected}
      className={props.className}
      tabIndex={props.tabIndex}
    >
      {props.selected && props.children()}
    </div>
  );
}
