import { selectSelectionHidden } from '../HiddenSelection';
import { REVEAL, selectHiddenCause } from '../hidden-cause';
import { usePanel } from '../panel-context';
import { useListNumber } from './list-numbers';

/**
 * Above the detail of a request reached by a "#N" link (a session finding's related request):
 * a note when the filters hide it, since the list then shows no selected row, and "← #13", back
 * to the request whose finding the link was in. Following a link must always show where it
 * leads: the review found a link to a hidden row replacing the finding with "The selected
 * request is hidden by the current filter", and #3 nowhere (finding 3).
 */
export function FollowedLink() {
  const selectedId = usePanel((s) => s.selectedId);
  const linked = usePanel((s) => s.linked);
  const hidden = usePanel(selectSelectionHidden);
  const follow = usePanel((s) => s.follow);
  const setFilter = usePanel((s) => s.setFilter);
  const cause = usePanel(selectHiddenCause);
  const followed = linked !== null && linked.id === selectedId;
  const number = useListNumber(followed ? selectedId : null);
  const from = followed ? linked.from : null;
  const fromNumber = useListNumber(from);
  if (!followed || (!hidden && fromNumber === undefined)) return null;
  const reveal = REVEAL[cause ?? 'filter'];
  return (
    <div className="followed-link">
      {from !== null && fromNumber !== undefined && (
        <button
          type="button"
          className="link-button back-link"
          title={`Back to #${fromNumber}, whose finding linked here`}
          onClick={() => follow(from, null)}
        >
          ← #{fromNumber}
        </button>
      )}
      {hidden && (
        <span role="status" className="followed-hidden">
          #{number} is hidden by {reveal.by}.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => setFilter(reveal.change)}
            title={reveal.title}
          >
            {reveal.label}
          </button>
        </span>
      )}
    </div>
  );
}
