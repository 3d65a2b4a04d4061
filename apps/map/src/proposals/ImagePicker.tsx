import { PROPOSAL_LIMITS, REPORT_LIMITS } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { Button, describedBy, errorId, hintId } from '@plaza/web/ui';
import { useEffect, useMemo, useRef, useState } from 'react';

// The API runs proposal images through the report photo pipeline: same types and size limit,
// but at most PROPOSAL_LIMITS.imagesMax of them.
const ACCEPTED = REPORT_LIMITS.photoAcceptedTypes as readonly string[];
const MAX = PROPOSAL_LIMITS.imagesMax;
const BYTES = REPORT_LIMITS.photoBytesMax;

interface ImagePickerProps {
  id: string;
  images: File[];
  error: string | null;
  onChange(images: File[]): void;
}

/** Up to three images, checked for type and size before sending, each with a preview and a remove button. */
export function ImagePicker({ id, images, error, onChange }: ImagePickerProps) {
  const { t } = useT();
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const previews = useMemo(() => images.map((file) => URL.createObjectURL(file)), [images]);
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);
  const message = error ?? problem;

  const add = (files: FileList | null) => {
    if (!files) return;
    const accepted: File[] = [];
    const refused: string[] = [];
    for (const file of files) {
      if (!ACCEPTED.includes(file.type)) refused.push(t('photos.badType', { name: file.name }));
      else if (file.size > BYTES) refused.push(t('photos.tooBig', { name: file.name, mb: BYTES / 1024 / 1024 }));
      else accepted.push(file);
    }
    const room = MAX - images.length;
    if (accepted.length > room) refused.push(t('photos.tooMany', { max: MAX }));
    setProblem(refused.length ? refused.join(' ') : null);
    onChange([...images, ...accepted.slice(0, Math.max(room, 0))]);
    // The same file can be chosen again after it is removed.
    if (input.current) input.current.value = '';
  };

  return (
    <div className={`ui-field photo-picker${message ? ' ui-field--invalid' : ''}`}>
      <label htmlFor={id} className="ui-field__label">
        {t('newProposal.images')}
      </label>
      <p id={hintId(id)} className="ui-field__hint">
        {t('photos.hint', { max: MAX, mb: BYTES / 1024 / 1024 })}
      </p>
      {message && (
        <p id={errorId(id)} className="ui-field__error">
          {message}
        </p>
      )}
      <input
        ref={input}
        id={id}
        name="images"
        type="file"
        multiple
        accept={ACCEPTED.join(',')}
        className="ui-field__file"
        disabled={images.length >= MAX}
        aria-invalid={message ? true : undefined}
        aria-describedby={[describedBy(id, { hint: true, error: message }), `${id}-count`].filter(Boolean).join(' ')}
        onChange={(event) => add(event.target.files)}
      />
      <p id={`${id}-count`} role="status" className="photo-picker__count">
        {t('photos.count', { count: images.length, max: MAX })}
      </p>
      {images.length > 0 && (
        <ul className="photo-picker__previews">
          {images.map((file, index) => (
            <li key={`${file.name}-${file.lastModified}-${index}`} className="photo-picker__preview">
              <img src={previews[index]} alt={t('photos.previewAlt', { index: index + 1, name: file.name })} />
              <Button
                variant="danger"
                onClick={() => {
                  setProblem(null);
                  onChange(images.filter((_, i) => i !== index));
                  input.current?.focus();
                }}
              >
                {t('photos.remove', { index: index + 1 })}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
