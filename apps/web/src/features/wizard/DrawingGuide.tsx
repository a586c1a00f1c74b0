import { drawingGuidance, type AttachmentType } from '@lovisa/domain';
import { useI18n } from '../../i18n/i18n';
import { DrawingExample, hasExample } from './DrawingExamples';

/**
 * "Krävs" is not enough (issue #18, item 7): for each required drawing, what it must show, the scale, an example
 * and the usual mistakes, folded away until asked for so the step stays short.
 */
export function DrawingGuide({ type, what }: { type: AttachmentType; what: string }) {
  const { t, label } = useI18n();
  const guide = drawingGuidance[type];
  if (!guide) return null;
  return (
    <details className="drawing-guide">
      <summary>{t('guide.summary', { what })}</summary>
      <div className="drawing-guide__body">
        <div className="drawing-guide__text">
          <p>{t('guide.scale', { scale: label(guide.scale) })}</p>
          <h4>{t('guide.mustShow')}</h4>
          <ul>
            {guide.mustShow.map((m) => (
              <li key={m.sv}>{label(m)}</li>
            ))}
          </ul>
          <h4>{t('guide.mistakes')}</h4>
          <ul className="drawing-guide__mistakes">
            {guide.mistakes.map((m) => (
              <li key={m.sv}>{label(m)}</li>
            ))}
          </ul>
        </div>
        {hasExample(type) && (
          <figure className="drawing-guide__example">
            <DrawingExample type={type} description={t(`guide.example.${type}`)} />
            <figcaption>{t('guide.exampleTitle')}</figcaption>
          </figure>
        )}
      </div>
    </details>
  );
}
