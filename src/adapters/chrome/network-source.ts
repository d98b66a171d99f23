import type { CapturedContent, CapturedRequest, NetworkSource, Unsubscribe } from '../ports';

type DevtoolsRequest = chrome.devtools.network.Request;

function wrap(request: DevtoolsRequest): CapturedRequest {
  return {
    entry: request,
    getContent: () =>
      new Promise<CapturedContent>((resolve) => {
        // getContent's callback gets (null, '') when DevTools evicted the body from its cache.
        request.getContent((content, encoding) =>
          resolve({ text: content ?? null, encoding: encoding || null }),
        );
      }),
  };
}

export function chromeNetworkSource(): NetworkSource {
  const network = chrome.devtools.network;
  return {
    onRequestFinished(listener): Unsubscribe {
      const handler = (request: DevtoolsRequest) => listener(wrap(request));
      network.onRequestFinished.addListener(handler);
      return () => network.onRequestFinished.removeListener(handler);
    },
    onNavigated(listener): Unsubscribe {
      network.onNavigated.addListener(listener);
      return () => network.onNavigated.removeListener(listener);
    },
    getExisting() {
      return new Promise((resolve) => {
        network.getHAR((log) => {
          // getHAR's entries are plain HAR objects; in Chrome they also carry getContent().
          const entries = (log?.entries ?? []) as unknown as DevtoolsRequest[];
          resolve(
            entries.map((e) =>
              typeof e.getContent === 'function'
                ? wrap(e)
                : { entry: e, getContent: async () => ({ text: null, encoding: null }) },
            ),
          );
        });
      });
    },
  };
}
