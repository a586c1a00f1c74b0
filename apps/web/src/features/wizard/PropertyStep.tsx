import type { PropertySummary } from '@lovisa/domain';
import { api } from '../../api/client';
import { useApi } from '../../useApi';
import { PropertyThumbnail } from '../../map/PropertyThumbnail';

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
            <dt>Adress</dt>
            {me.protectedIdentity ? (
              <dd>Skyddad adress – visas inte här</dd>
            ) : me.address ? (
              <dd>
                {me.address.street}, {me.address.postalCode} {me.address.city}
              </dd>
            ) : (
              <dd>Ingen adress registrerad</dd>
            )}
          </dl>
        </div>
      )}
      {props.properties.length === 0 ? (
        <p className="status status--info">
          Vi hittar ingen fastighet som du äger i Kjellstavik kommun. Här kan du bara ansöka för fastigheter som du själv äger. Ska du
          ansöka för någon annans fastighet, till exempel som ombud, kontakta bygglovsenheten på 0123-45 67 00 – den möjligheten kommer
          senare i e-tjänsten.
        </p>
      ) : (
        <fieldset className="cards">
          <legend>Vilken fastighet gäller ansökan?</legend>
          {props.properties.map((p) => (
            <label key={p.id} className="card-option">
              <input type="radio" name="property" value={p.id} checked={props.selected === p.id} onChange={() => props.onSelect(p.id)} />
              <PropertyThumbnail boundary={p.boundary} />
              <span>
                <strong>{p.designation}</strong>
                {p.address && <span className="card-option__meta">{p.address}</span>}
                <span className="card-option__meta">
                  {p.registeredAreaM2.toLocaleString('sv-SE')} m² tomtarea
                  {p.boundary.coordinates.length > 1 && `, ${p.boundary.coordinates.length} skiften`}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
    </>
  );
}
