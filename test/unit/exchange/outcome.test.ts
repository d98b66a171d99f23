import { describe, expect, it } from 'vitest';
import { answerWithheld, failedAnswer, notSent } from '../../../src/core/exchange/outcome';

const failed = (failure: string) => ({ status: 0, failure });

describe('how far a failed request got', () => {
  it('a request that never left the browser, or that the page cancelled, was not sent', () => {
    for (const f of [
      'net::ERR_CONNECTION_REFUSED',
      'net::ERR_NAME_NOT_RESOLVED',
      'net::ERR_BLOCKED_BY_CLIENT',
      // The page's Content-Security-Policy, or an enterprise policy, stopped it in the browser.
      'net::ERR_BLOCKED_BY_CSP',
      'net::ERR_BLOCKED_BY_ADMINISTRATOR',
      'net::ERR_CERT_AUTHORITY_INVALID',
      'net::ERR_ABORTED',
    ]) {
      expect(notSent(failed(f)), f).toBe(true);
      expect(answerWithheld(failed(f)), f).toBe(false);
      expect(failedAnswer(failed(f)), f).toBe(false);
    }
  });

  it('an answer the browser withheld for its own headers (CORP, COEP, ORB) was sent, and answered', () => {
    // Chrome records CORP's verdict with a suffix: net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin.
    for (const f of [
      'net::ERR_BLOCKED_BY_RESPONSE',
      'net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin',
      'net::ERR_BLOCKED_BY_ORB',
    ]) {
      expect(notSent(failed(f)), f).toBe(false);
      expect(answerWithheld(failed(f)), f).toBe(true);
      // The server may have done the work (it answered), and the page never saw the answer.
      expect(failedAnswer(failed(f)), f).toBe(true);
    }
  });

  it('a request that may have reached the server and got no answer failed; a 5xx did too', () => {
    for (const f of ['net::ERR_CONNECTION_RESET', 'net::ERR_TIMED_OUT', 'net::ERR_FAILED']) {
      expect(notSent(failed(f)), f).toBe(false);
      expect(answerWithheld(failed(f)), f).toBe(false);
      expect(failedAnswer(failed(f)), f).toBe(true);
    }
    expect(failedAnswer({ status: 503 })).toBe(true);
    expect(failedAnswer({ status: 404 })).toBe(false);
    // A status means the page got an answer, whatever else was recorded.
    expect(answerWithheld({ status: 200, failure: 'net::ERR_BLOCKED_BY_ORB' })).toBe(false);
  });
});
