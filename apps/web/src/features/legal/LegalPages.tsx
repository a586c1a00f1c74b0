import { PageTitle } from '../../components/Layout';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { useMunicipalityName } from '../../components/municipality';

/** A page of headed paragraphs from the dictionaries: the texts every Swedish public e-service must have. */
function TextPage({
  title,
  intro,
  sections,
}: {
  title: MessageKey;
  intro: MessageKey;
  sections: [MessageKey, MessageKey[]][];
}) {
  const { t } = useI18n();
  const municipality = useMunicipalityName();
  return (
    <div className="page page--narrow">
      <PageTitle>{t(title)}</PageTitle>
      <p>{t(intro, { municipality })}</p>
      {sections.map(([heading, paragraphs]) => (
        <section key={heading}>
          <h2>{t(heading)}</h2>
          {paragraphs.map((p) => (
            <p key={p}>{t(p)}</p>
          ))}
        </section>
      ))}
    </div>
  );
}

/** Tillgänglighetsredogörelse, as the law (2018:1937) and Digg's template ask. */
export function AccessibilityStatement() {
  return (
    <TextPage
      title="a11y.title"
      intro="a11y.p1"
      sections={[
        ['a11y.statusTitle', ['a11y.status']],
        ['a11y.gapsTitle', ['a11y.gap1', 'a11y.gap2']],
        ['a11y.helpTitle', ['a11y.help']],
        ['a11y.reportTitle', ['a11y.report']],
        ['a11y.supervisionTitle', ['a11y.supervision']],
        ['a11y.testedTitle', ['a11y.tested']],
      ]}
    />
  );
}

/** The privacy notice (GDPR art. 13): what, why, how long, who, and whom to ask. */
export function PrivacyNotice() {
  return (
    <TextPage
      title="privacy.title"
      intro="privacy.p1"
      sections={[
        ['privacy.whatTitle', ['privacy.what']],
        ['privacy.whyTitle', ['privacy.why']],
        ['privacy.howLongTitle', ['privacy.howLong']],
        ['privacy.whoTitle', ['privacy.who']],
        ['privacy.rightsTitle', ['privacy.rights']],
      ]}
    />
  );
}
