import { PROFILES } from '../../core/rules/profiles';
import { SafeLink } from '../../ui/SafeLink';
import { useOptions } from './options-context';

export function ProfilesSection() {
  const profiles = useOptions((s) => s.settings.profiles);
  const setProfile = useOptions((s) => s.setProfile);
  return (
    <section aria-labelledby="profiles-heading">
      <h2 id="profiles-heading">Convention profiles</h2>
      <p className="muted">
        A profile adds the rules of one API convention. Turn on the ones your API follows.
      </p>
      <ul className="profiles">
        {PROFILES.map((p) => (
          <li key={p.id} data-profile={p.id}>
            <label className="switch-row">
              <input
                type="checkbox"
                role="switch"
                checked={profiles.includes(p.id)}
                onChange={(e) => setProfile(p.id, e.currentTarget.checked)}
              />
              <span className="switch-label">{p.name}</span>
            </label>
            <p className="muted one-line">
              {p.summary} <SafeLink href={p.standardUrl}>The standard</SafeLink>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
