import { formatSek } from '../format';
import { useI18n } from '../i18n/i18n';

/** The schedule's fee lines and their sum, as rows of a `.fee__table`: the applicant's estimate and the officer's fee. */
export function FeeLineRows({
  lines,
  totalSEK,
  totalLabel,
}: {
  lines: { code: string; label: { sv: string; en: string }; sek: number }[];
  totalSEK: number;
  totalLabel: string;
}) {
  const { lang, label } = useI18n();
  return (
    <>
      {lines.map((l, i) => (
        <tr key={`${l.code}-${i}`}>
          <th scope="row">{label(l.label)}</th>
          <td>{formatSek(l.sek, lang)}</td>
        </tr>
      ))}
      <tr className="fee__total">
        <th scope="row">{totalLabel}</th>
        <td>{formatSek(totalSEK, lang)}</td>
      </tr>
    </>
  );
}
