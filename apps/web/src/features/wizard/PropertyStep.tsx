import type { MyProperty } from '@lovisa/domain';
import { api } from '../../api/client';
import { useApi } from '../../useApi';
import { useI18n } from '../../i18n/i18n';
import { formatNumber } from '../../format';
import { PropertyThumbnail } from '../../map/PropertyThumbnail';
import { useMunicipalityName } from '../../components/municipality';

export function PropertyStep(props: {
  properties: MyProperty[];
  selected: string | undefined;
  onSelect(id: string): void;
}) {
  const { data: me } = useApi(() => api.me(), []);
  const { t, lang } = useI18n();
  const municipality = useMunicipalityName();
  const [before, after] = t('property.greeting').split('{name}');
  return (
    <>
      {me && (
        <div className="prefill">
          <p>
            {before}
            <strong>{me.givenName}</strong>
            {after}
          </p>
          <dl className="facts">
            <dt>{t('property.name')}</dt>
            <dd>{me.name}</dd>
            <dt>{t('property.address')}</dt>
            {me.protectedIdentity ? (
              <dd>{t('property.protectedAddress')}</dd>
            ) : me.address ? (
              <dd>
                {me.address.street}, {me.address.postalCode} {me.address.city}
              </dd>
            ) : (
              <dd>{t('property.noAddress')}</dd>
            )}
          </dl>
        </div>
      )}
      {props.properties.length === 0 ? (
        <p className="status status--info">{t('property.none', { municipality })}</p>
      ) : (
        <fieldset className="cards">
          <legend>{t('property.question')}</legend>
          {props.properties.map((p) => (
            <label key={p.id} className="card-option">
              <input
                type="radio"
                name="property"
                value={p.id}
                checked={props.selected === p.id}
                onChange={() => props.onSelect(p.id)}
              />
              <PropertyThumbnail boundary={p.boundary} />
              <span>
                <strong>{p.designation}</strong>
                {p.representing && (
                  <span className="card-option__representing">
                    {t('property.representing', { name: p.representing.name })}
                  </span>
                )}
                {p.address && <span className="card-option__meta">{p.address}</span>}
                {p.actingFor && (
                  <span className="card-option__meta card-option__agent">
                    {p.actingFor.principalName
                      ? t('property.actingFor', { name: p.actingFor.principalName })
                      : t('property.actingForUnnamed')}
                  </span>
                )}
                <span className="card-option__meta">
                  {t('property.area', { area: formatNumber(p.registeredAreaM2, lang) })}
                  {p.boundary.coordinates.length > 1 && t('property.parcels', { n: p.boundary.coordinates.length })}
                </span>
                {p.representing?.rule.kind === 'jointly' && (
                  <span className="card-option__meta">
                    {t('property.jointly', { count: countWord(p.representing.rule.count, lang) })}
                  </span>
                )}
              </span>
            </label>
          ))}
        </fieldset>
      )}
    </>
  );
}

/** "två i förening", "two jointly": the numbers a firmateckning is written with. */
function countWord(n: number, lang: string): string {
  const words = lang === 'sv' ? ['två', 'tre', 'fyra'] : ['two', 'three', 'four'];
  return words[n - 2] ?? String(n);
}
