import type { WebRequestEvent, WebRequestHeader, WebRequestInfo, WebRequestSource } from '../ports';

const FILTER: chrome.webRequest.RequestFilter = { urls: ['<all_urls>'] };

function headersOf(list: chrome.webRequest.HttpHeader[] | undefined): WebRequestHeader[] {
  if (!list) return [];
  return list.map((h) => ({
    name: h.name,
    // Non-UTF-8 values arrive as bytes; Latin-1 is how HTTP treats them anyway (RFC 9110 §5.5).
    value: h.value ?? String.fromCharCode(...(h.binaryValue ?? []).slice(0, 8192)),
  }));
}

function infoOf(
  d: chrome.webRequest.WebRequestDetails & { ip?: string; fromCache?: boolean },
): WebRequestInfo {
  const info: WebRequestInfo = {
    requestId: d.requestId,
    tabId: d.tabId,
    method: d.method,
    url: d.url,
    type: d.type,
    timeStamp: d.timeStamp,
  };
  if (d.ip !== undefined) info.ip = d.ip;
  if (d.fromCache !== undefined) info.fromCache = d.fromCache;
  return info;
}

/** chrome.webRequest exists only while the optional permission is granted. */
export function chromeWebRequestSource(): WebRequestSource {
  return {
    available: () =>
      typeof chrome.webRequest !== 'undefined' &&
      typeof chrome.webRequest.onCompleted?.addListener === 'function',
    subscribe(listener) {
      const wr = chrome.webRequest;
      const emit = (event: WebRequestEvent) => {
        try {
          listener(event);
        } catch {
          // One bad event must not take the listener down with it.
        }
      };
      const onSent = (d: chrome.webRequest.OnSendHeadersDetails) =>
        emit({ ...infoOf(d), kind: 'sent', requestHeaders: headersOf(d.requestHeaders) });
      // A redirect is a finished response in its own right (a 302 has its own status and headers).
      const onCompleted = (
        d: chrome.webRequest.OnCompletedDetails | chrome.webRequest.OnBeforeRedirectDetails,
      ) =>
        emit({
          ...infoOf(d),
          kind: 'completed',
          statusCode: d.statusCode,
          statusLine: d.statusLine,
          responseHeaders: headersOf(d.responseHeaders),
        });
      const onError = (d: chrome.webRequest.OnErrorOccurredDetails) =>
        emit({ ...infoOf(d), kind: 'failed', error: d.error });
      wr.onSendHeaders.addListener(onSent, FILTER, ['requestHeaders']);
      wr.onBeforeRedirect.addListener(onCompleted, FILTER, ['responseHeaders']);
      wr.onCompleted.addListener(onCompleted, FILTER, ['responseHeaders']);
      wr.onErrorOccurred.addListener(onError, FILTER);
      return () => {
        try {
          wr.onSendHeaders.removeListener(onSent);
          wr.onBeforeRedirect.removeListener(onCompleted);
          wr.onCompleted.removeListener(onCompleted);
          wr.onErrorOccurred.removeListener(onError);
        } catch {
          // The permission was just withdrawn and the API went with it: nothing is listening any more.
        }
      };
    },
  };
}
