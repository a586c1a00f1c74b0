import { useState, type DragEvent } from 'react';
import { attachmentLabels, type AttachmentInfo, type AttachmentSlot, type AttachmentType } from '@lovisa/domain';
import { api, apiErrorMessage, apiErrorText, uploadAttachment } from '../../api/client';
import { apiUrl } from '../../api/http';
import { useI18n, type Lang, type Message } from '../../i18n/i18n';
import { DrawingGuide } from './DrawingGuide';

const ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

interface Slot extends AttachmentSlot {
  key: string;
  title: string;
  hint?: string;
  required: boolean;
}

const sameSlot = (a: AttachmentInfo, s: AttachmentSlot) =>
  a.type === s.type && (s.type !== 'GRAM' || a.neighbourPropertyId === s.neighbourPropertyId);

/** "512 byte", "84 kB", "2,3 MB". */
const fileSize = (bytes: number, lang: Lang) =>
  bytes < 1024
    ? `${bytes} byte`
    : bytes < 1024 * 1024
      ? `${new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 0 }).format(bytes / 1024)} kB`
      : `${new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;

/**
 * The drawings and consents the verdict asks for, one slot each, plus other documents. Files go straight to
 * the server, which judges them by content; what it says comes back in the slot.
 */
export function AttachmentsStep(props: {
  draftId: string;
  /** Null while the verdict is not known yet (the property's data is on its way). */
  required: AttachmentType[] | null;
  consents: { id: string; designation: string }[];
  attachments: AttachmentInfo[];
  onChange(attachments: AttachmentInfo[]): void;
}) {
  const { t, label, lang, msg } = useI18n();
  const [progress, setProgress] = useState<Record<string, number>>({});
  const [errors, setErrors] = useState<Partial<Record<string, Message>>>({});
  const [announcement, setAnnouncement] = useState('');

  if (props.required === null) return <p>{t('attachments.waiting')}</p>;
  const slots: Slot[] = [
    ...props.required.map((type) => ({ key: type, type, title: label(attachmentLabels[type]), required: true })),
    ...props.consents.map((n) => ({
      key: `GRAM-${n.id}`,
      type: 'GRAM' as const,
      neighbourPropertyId: n.id,
      title: t('attachments.consent', { designation: n.designation }),
      hint: t('attachments.consentHint'),
      required: true,
    })),
  ];

  async function upload(slot: Slot, file: File) {
    setErrors((e) => ({ ...e, [slot.key]: undefined }));
    setProgress((p) => ({ ...p, [slot.key]: 0 }));
    try {
      const added = await uploadAttachment(props.draftId, slot, file, (f) =>
        setProgress((p) => ({ ...p, [slot.key]: f })),
      );
      // A drawing type or a neighbour's consent holds one file: the server replaced the old one, and so do we.
      props.onChange([...props.attachments.filter((a) => slot.type === 'OVR' || !sameSlot(a, slot)), added]);
      setAnnouncement(t('attachments.uploaded', { file: added.fileName, size: fileSize(added.size, lang) }));
    } catch (e) {
      setErrors((er) => ({ ...er, [slot.key]: apiErrorMessage(e) }));
    } finally {
      setProgress((p) => {
        const { [slot.key]: _done, ...rest } = p;
        return rest;
      });
    }
  }

  async function remove(a: AttachmentInfo) {
    try {
      await api.removeAttachment(props.draftId, a.id);
      props.onChange(props.attachments.filter((x) => x.id !== a.id));
      setAnnouncement(t('attachments.removed', { file: a.fileName }));
    } catch (e) {
      setAnnouncement(apiErrorText(e, { msg }));
    }
  }

  const slotView = (slot: Slot, files: AttachmentInfo[]) => (
    <AttachmentSlotView
      key={slot.key}
      slot={slot}
      files={files}
      progress={progress[slot.key]}
      error={errors[slot.key]}
      onUpload={(file) => void upload(slot, file)}
      onRemove={(a) => void remove(a)}
    />
  );

  return (
    <div className="attachments">
      <p>{slots.length > 0 ? t('attachments.intro') : t('attachments.none')}</p>
      {slots.map((s) =>
        slotView(
          s,
          props.attachments.filter((a) => sameSlot(a, s)),
        ),
      )}
      {slotView(
        { key: 'OVR', type: 'OVR', title: t('attachments.other'), hint: t('attachments.otherHint'), required: false },
        props.attachments.filter((a) => a.type === 'OVR'),
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

/** One slot: the files in it, a file input to add or replace, and how the upload goes. */
function AttachmentSlotView(props: {
  slot: Slot;
  files: AttachmentInfo[];
  /** 0–1 while a file is on its way; undefined otherwise. */
  progress: number | undefined;
  error: Message | undefined;
  onUpload(file: File): void;
  onRemove(a: AttachmentInfo): void;
}) {
  const { slot, files, error } = props;
  const { t, lang, msg } = useI18n();
  const inputId = `file-${slot.key}`;
  const busy = props.progress !== undefined;
  const [dragging, setDragging] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file && !busy) props.onUpload(file);
  };
  return (
    <fieldset className="attachment" aria-describedby={error ? `${inputId}-error` : undefined}>
      <legend>
        {slot.title}{' '}
        <span className="attachment__tag">{slot.required ? t('attachments.required') : t('attachments.optional')}</span>
      </legend>
      {slot.hint && <p className="field__hint">{slot.hint}</p>}
      <DrawingGuide type={slot.type} what={slot.title.toLowerCase()} />
      {files.some((f) => f.generated) && <p className="field__hint">{t('attachments.generated')}</p>}
      {files.length > 0 ? (
        <ul className="attachment__files">
          {files.map((a) => (
            <li key={a.id} className="attachment__file">
              <a href={apiUrl('get', '/api/attachments/{id}', { path: { id: a.id } })} download>
                {a.fileName}
              </a>{' '}
              ({fileSize(a.size, lang)}){' '}
              <button type="button" className="linklike" onClick={() => props.onRemove(a)}>
                {t('attachments.remove', { file: a.fileName })}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="attachment__missing">{t('attachments.missing')}</p>
      )}
      {/* The whole zone is the control: the file input lies over it (transparent), so a tap or click anywhere opens
          the picker, the keyboard reaches it as the one input it is, and a file dropped on it is taken as chosen. */}
      <div
        className={`dropzone${dragging ? ' dropzone--active' : ''}${busy ? ' dropzone--busy' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          if (!dragging) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <label htmlFor={inputId} className="attachment__label dropzone__label">
          {files.length > 0 && slot.type !== 'OVR'
            ? t('attachments.replace', { what: slot.title.toLowerCase() })
            : t('attachments.choose', { what: slot.title.toLowerCase() })}
        </label>
        <span className="dropzone__text" aria-hidden="true">
          {dragging ? t('drop.active') : t('drop.text')}
        </span>
        <span className="dropzone__formats" id={`${inputId}-formats`}>
          {t('drop.formats')}
        </span>
        <input
          id={inputId}
          className="dropzone__input"
          type="file"
          accept={ACCEPT}
          disabled={busy}
          aria-describedby={`${inputId}-formats`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) props.onUpload(file);
          }}
        />
      </div>
      {busy && (
        <progress max={1} value={props.progress} aria-label={t('attachments.uploading', { file: slot.title })} />
      )}
      {error && (
        <p className="field__error" id={`${inputId}-error`} role="alert">
          {msg(error)}
        </p>
      )}
    </fieldset>
  );
}
