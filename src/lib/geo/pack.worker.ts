// Web Worker entry: reads zipped scenario packs off the main thread.
import { handlePackRequest, type PackRequest } from './pack-worker';

self.onmessage = (event: MessageEvent<PackRequest>) =>
	self.postMessage(handlePackRequest(event.data));
