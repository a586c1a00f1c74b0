import type { PropertySummary } from '@lovisa/domain';
import { api } from '../../api/client';
import { useApi } from '../../useApi';

export function PropertyStep(props: { properties: PropertySummary[]; selected: string | undefined; onSelect(id: string): void }) {
  const { data: me } = useApi(() => api.me(), []);
  return (
    <>
      {me && (
        <div className="prefill">
          <p>
            Hej <strong>{me.givenName}</strong>! Vi har hämtat dina uppgifter från folkbokföringen.
          </p>
          <dl className="facts">
            <dt>Namn</dt>
            <dd>{me.name}</dd>
            {me.address && (
              <>
                <dt>Adress</dt>
                <dd>
                  {me.address.street}, {me.address.postalCode} {me.address.city}
                </dd>
              </>
            )}
          </dl>
        </div>
      )}
      {props.properties.length === 0 ? (
        <p className="status status--info">
          Vi hittar ingen fastighet som du äger i Kjellstavik kommun. Kontakta kommunen om du ska söka för någon annans fastighet.
        </p>
      ) : (
        <fieldset className="cards">
          <legend>Vilken fastighet gäller ansökan?</legend>
          {props.properties.map((p) => (
            <label key={p.id} className="card-option">
              <input type="radio" name="property" value={p.id} checked={props.selected === p.id} onChange={() => props.onSelect(p.id)} />
              <span>
                <strong>{p.designation}</strong>
                <span className="card-option__meta">{p.registeredAreaM2.toLocaleString('sv-SE')} m² tomtarea</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
    </>
  );
}
