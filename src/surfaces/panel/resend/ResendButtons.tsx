import type { Row } from '../../../state/panel-store';
import { useResend, useResendCommands } from './resend-context';

/** The detail header's Resend / Edit and resend… buttons, and the way back to a resend's comparison. */
export function ResendButtons({ row }: { row: Row }) {
  const commands = useResendCommands();
  const id = row.exchange.id;
  const originalId = useResend((s) => s.links[id]);
  if (!commands) return null;
  return (
    <span className="resend-buttons-inline">
      <button
        type="button"
        title="Send this request again from the page (R)"
        onClick={() => commands.resend(row)}
      >
        Resend
      </button>
      <button
        type="button"
        title="Change it, then send it again (Shift+R)"
        onClick={() => commands.editAndResend(row)}
      >
        Edit and resend…
      </button>
      {originalId !== undefined && (
        <button type="button" onClick={() => commands.compare(originalId, id, 'resend')}>
          Compare with original
        </button>
      )}
    </span>
  );
}
