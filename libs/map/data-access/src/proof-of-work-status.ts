import { useEffect, useState } from 'react';
import { onProofOfWork } from '@plaza/web/api-client';

/** True while the browser works out a proof of work the API asked for (see ConnectionCheckStatus). */
export function useProofOfWorkInProgress(): boolean {
  const [checking, setChecking] = useState(false);
  useEffect(() => onProofOfWork(setChecking), []);
  return checking;
}
