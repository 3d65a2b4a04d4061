/** Limits shared by the API and the forms that feed it, so both say the same thing. */
export const REPORT_LIMITS = {
  titleMax: 120,
  titleMin: 3,
  descriptionMax: 5000,
  descriptionMin: 3,
  addressMax: 300,
  nameMax: 120,
  emailMax: 254,
  phoneMax: 32,
  photosMax: 5,
  photoBytesMax: 10 * 1024 * 1024,
  /** All photos of one request together: five at the per-photo cap would be 50 MB, far more than phones send. */
  photosRequestBytesMax: 25 * 1024 * 1024,
  photoAcceptedTypes: ['image/jpeg', 'image/png', 'image/webp'],
} as const;

export const LIST_LIMITS = { default: 200, max: 500 } as const;
