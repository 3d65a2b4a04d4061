import { REPORT_LIMITS } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { Button, describedBy, errorId, hintId } from '@plaza/web/ui';
import { useEffect, useMemo, useRef, useState } from 'react';

interface PhotoPickerProps {
  id: string;
  photos: File[];
  error: string | null;
  onChange(photos: File[]): void;
  /** How many files at most: a report's photo limit unless said (proposal images have their own). */
  max?: number;
  /** The control's label: "Photos" unless said. */
  label?: string;
  /** The form field name the files go under. */
  name?: string;
}

const ACCEPTED = REPORT_LIMITS.photoAcceptedTypes as readonly string[];

/**
 * Up to `max` pictures, checked here for type and size (the API checks the content), each with a
 * preview and a remove button. Reports and proposals share it: the API runs both through the same
 * photo pipeline, with the same accepted types and size limit.
 */
export function PhotoPicker({
  id,
  photos,
  error,
  onChange,
  max = REPORT_LIMITS.photosMax,
  label,
  name = 'photos',
}: PhotoPickerProps) {
  const { t } = useT();
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const previews = useMemo(() => photos.map((photo) => URL.createObjectURL(photo)), [photos]);
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);
  const message = error ?? problem;

  const add = async (files: FileList | null) => {
    if (!files) return;
    const chosen = [...files];
    // The same file can be chosen again after it is removed.
    if (input.current) input.current.value = '';
    const accepted: File[] = [];
    const refused: string[] = [];
    // Checked on selection, not at the end: the type the browser reports, then whether the file
    // really decodes as a picture (a renamed document says image/jpeg and would be refused by the
    // API only after the whole form was filled in).
    const decodes = await Promise.all(chosen.map((file) => (ACCEPTED.includes(file.type) ? isPicture(file) : false)));
    chosen.forEach((file, index) => {
      if (!ACCEPTED.includes(file.type) || !decodes[index]) refused.push(t('photos.badType', { name: file.name }));
      else if (file.size > REPORT_LIMITS.photoBytesMax)
        refused.push(t('photos.tooBig', { name: file.name, mb: REPORT_LIMITS.photoBytesMax / 1024 / 1024 }));
      else accepted.push(file);
    });
    const room = max - photos.length;
    if (accepted.length > room) refused.push(t('photos.tooMany', { max }));
    setProblem(refused.length ? refused.join(' ') : null);
    if (accepted.length > 0) onChange([...photos, ...accepted.slice(0, Math.max(room, 0))]);
  };

  return (
    <div className={`ui-field photo-picker${message ? ' ui-field--invalid' : ''}`}>
      <label htmlFor={id} className="ui-field__label">
        {label ?? t('photos.label')}
      </label>
      <p id={hintId(id)} className="ui-field__hint">
        {t('photos.hint', { max, mb: REPORT_LIMITS.photoBytesMax / 1024 / 1024 })}
      </p>
      {message && (
        <p id={errorId(id)} className="ui-field__error">
          {message}
        </p>
      )}
      <input
        ref={input}
        id={id}
        name={name}
        type="file"
        multiple
        accept={ACCEPTED.join(',')}
        className="ui-field__file"
        disabled={photos.length >= max}
        aria-invalid={message ? true : undefined}
        aria-describedby={[describedBy(id, { hint: true, error: message }), `${id}-count`]
          .filter(Boolean)
          .join(' ')}
        onChange={(event) => void add(event.target.files)}
      />
      <p id={`${id}-count`} role="status" className="photo-picker__count">
        {t('photos.count', { count: photos.length, max })}
      </p>
      {photos.length > 0 && (
        <ul className="photo-picker__previews">
          {photos.map((photo, index) => (
            <li key={`${photo.name}-${photo.lastModified}-${index}`} className="photo-picker__preview">
              <img
                src={previews[index]}
                alt={t('photos.previewAlt', { index: index + 1, name: photo.name })}
              />
              <Button
                variant="danger"
                onClick={() => {
                  setProblem(null);
                  onChange(photos.filter((_, i) => i !== index));
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

/** Whether the browser can decode the file as an image (JPEG, PNG and WebP all decode in browsers). */
async function isPicture(file: File): Promise<boolean> {
  if (typeof createImageBitmap !== 'function') return true;
  try {
    const bitmap = await createImageBitmap(file);
    bitmap.close();
    return true;
  } catch {
    return false;
  }
}
