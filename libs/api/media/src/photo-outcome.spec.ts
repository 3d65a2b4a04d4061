import { MissingOriginalError, outcomeOfError } from './photo-outcome';
import { InvalidPhotoError } from './photo-processor';

describe('the photo state machine after a failed attempt', () => {
  it('fails a file that is not a usable image at once: trying again changes nothing', () => {
    expect(outcomeOfError(new InvalidPhotoError('not_an_image'), 1, 5)).toEqual({ state: 'failed', reason: 'not_an_image' });
    expect(outcomeOfError(new InvalidPhotoError('too_large'), 1, 5)).toEqual({ state: 'failed', reason: 'too_large' });
  });

  it('fails a photo whose original is gone', () => {
    expect(outcomeOfError(new MissingOriginalError(), 1, 5)).toEqual({ state: 'failed', reason: 'original_missing' });
  });

  it('retries anything else until the last attempt, then fails with the error for staff', () => {
    expect(outcomeOfError(new Error('connect ECONNREFUSED'), 1, 5)).toEqual({ state: 'retry', error: 'connect ECONNREFUSED' });
    expect(outcomeOfError(new Error('connect ECONNREFUSED'), 4, 5)).toMatchObject({ state: 'retry' });
    expect(outcomeOfError(new Error('connect ECONNREFUSED'), 5, 5)).toEqual({
      state: 'failed',
      reason: 'processing_error: connect ECONNREFUSED',
    });
  });
});
