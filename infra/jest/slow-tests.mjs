// Integration and browser tests start databases and browsers: minutes, not jest's default 5 s.
import { jest } from '@jest/globals';

jest.setTimeout(180_000);
