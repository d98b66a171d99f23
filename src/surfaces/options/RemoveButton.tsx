import { useEffect, useRef, useState } from 'react';

/**
 * "Remove …" that asks once before it deletes: a profile's or a description's document lives only
 * in this browser, and one click on a link beside "Change where … applies" took it with no way
 * back. The question says what goes; Escape or Cancel keeps it, and focus follows either way.
 */
export function RemoveButton({
  name,
  consequence,
  onRemove,
  className,
}: {
  name: string;
  /** What is deleted with it, said before the user confirms. */
  consequence: string;
  onRemove: () => void;
  className?: string;
}) {
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const answered = useRef(false);
  useEffect(() => {
    if (asking) confirm.current?.focus();
    else if (answered.current) ask.current?.focus();
  }, [asking]);
  const cancel = () => {
    answered.current = true;
    setAsking(false);
  };
  if (!asking)
    return (
      <button type="button" ref={ask} className={className} onClick={() => setAsking(true)}>
        Remove {name}
      </button>
    );
  return (
    <span
      role="group"
      aria-label={`Remove ${name}?`}
      className="confirm-remove"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          cancel();
        }
      }}
    >
      <span>
        Remove {name}? {consequence}
      </span>{' '}
      <button type="button" ref={confirm} onClick={onRemove}>
        Yes, remove {name}
      </button>{' '}
      <button type="button" onClick={cancel}>
        Cancel
      </button>
    </span>
  );
}
